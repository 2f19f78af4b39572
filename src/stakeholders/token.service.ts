import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/config.js';

export interface TokenClaims {
  /** Stakeholder id. */
  sub: string;
  /** Session id; revoking the session invalidates the token. */
  sid: string;
}

const ALGORITHM = 'HS256';
const ISSUER = 'redline';

/** Signs and verifies the bearer tokens clients send in `Authorization`. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  sign(claims: TokenClaims, expiresAt: Date): string {
    return jwt.sign({ sid: claims.sid }, this.config.jwtSecret, {
      algorithm: ALGORITHM,
      issuer: ISSUER,
      subject: claims.sub,
      expiresIn: Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
    });
  }

  /** The claims of a valid token, or null for anything else (expired, forged, malformed). */
  verify(token: string): TokenClaims | null {
    try {
      const payload = jwt.verify(token, this.config.jwtSecret, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
      });
      if (typeof payload !== 'object' || typeof payload.sub !== 'string') return null;
      if (typeof payload.sid !== 'string') return null;
      return { sub: payload.sub, sid: payload.sid };
    } catch {
      return null;
    }
  }
}
