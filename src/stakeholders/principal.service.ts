import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '../common/auth/principal.js';
import { unauthenticated } from '../common/errors/app-error.js';
import type { Role } from '../common/auth/principal.js';
import { TokenService } from './token.service.js';

/**
 * Turns a bearer token into a principal. The session and the roles are read on
 * every request, so a revoked session or a changed role takes effect at once.
 */
@Injectable()
export class PrincipalService {
  constructor(
    private readonly tokens: TokenService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** null for no Authorization header; UNAUTHENTICATED for a token that does not verify. */
  async fromAuthorization(header: string | undefined): Promise<Principal | null> {
    if (header === undefined || header === '') return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match ? this.tokens.verify(match[1]) : null;
    if (!claims) throw unauthenticated('INVALID_TOKEN', 'The token is invalid or has expired');

    const rows: Array<{ role: Role | null }> = await this.dataSource.query(
      `SELECT r.role
         FROM sessions s
         LEFT JOIN stakeholder_roles r ON r.stakeholder_id = s.stakeholder_id
        WHERE s.id = $1 AND s.stakeholder_id = $2
          AND s.revoked_at IS NULL AND s.expires_at > now()`,
      [claims.sid, claims.sub],
    );
    if (rows.length === 0)
      throw unauthenticated('SESSION_ENDED', 'The session has ended; sign in again');
    const roles = new Set(rows.flatMap((row) => (row.role ? [row.role] : [])));
    return { stakeholderId: claims.sub, sessionId: claims.sid, roles };
  }
}
