import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/config.js';
import { conflict, notFound, unauthenticated } from '../common/errors/app-error.js';
import type { SignUpInput } from './dto/sign-up.input.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { SessionEntity } from './session.entity.js';
import { AccountThrottle } from './account-throttle.js';
import type { Role } from '../common/auth/principal.js';
import { StakeholderRoleEntity } from './stakeholder-role.entity.js';
import { StakeholderEntity } from './stakeholder.entity.js';
import { TokenService } from './token.service.js';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  stakeholder: StakeholderEntity;
}

/** Accounts, sessions and roles. */
@Injectable()
export class StakeholdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly throttle: AccountThrottle,
  ) {}

  /**
   * A new MEMBER, signed in. A taken email or handle is a CONFLICT (enforced by unique
   * indexes); too many sign-ups from `address` are refused first (see AccountThrottle).
   */
  async signUp(input: SignUpInput, address: string): Promise<SignedIn> {
    await this.throttle.admitSignUp(address);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const stakeholder = await this.create(manager, { ...input, passwordHash }, ['MEMBER']);
      return this.openSession(manager, stakeholder);
    });
  }

  /**
   * Wrong email and wrong password give the same error after the same work. Too many
   * failures on the account or from `address` are refused before either is looked at
   * (see AccountThrottle).
   */
  async signIn(email: string, password: string, address: string): Promise<SignedIn> {
    const normalized = email.trim().toLowerCase();
    const admission = await this.throttle.admitSignIn(normalized, address);
    const stakeholder = await this.dataSource
      .getRepository(StakeholderEntity)
      .findOneBy({ email: normalized });
    const ok = await verifyPassword(stakeholder?.passwordHash ?? null, password);
    if (!stakeholder || !ok) {
      await this.throttle.failedSignIn(admission);
      throw unauthenticated('WRONG_CREDENTIALS', 'Wrong email or password');
    }
    await this.throttle.succeededSignIn(admission);
    return this.dataSource.transaction((manager) => this.openSession(manager, stakeholder));
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource
      .getRepository(SessionEntity)
      .update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async grantRole(actorId: string, handle: string, role: Role): Promise<StakeholderEntity> {
    return this.dataSource.transaction(async (manager) => {
      const stakeholder = await this.byHandle(manager, handle);
      const inserted: unknown[] = await manager.query(
        `INSERT INTO stakeholder_roles (stakeholder_id, role) VALUES ($1, $2)
         ON CONFLICT DO NOTHING RETURNING role`,
        [stakeholder.id, role],
      );
      if (inserted.length > 0) {
        await this.audit.record(manager, {
          actorId,
          entityType: 'stakeholder',
          entityId: stakeholder.id,
          action: 'role.granted',
          data: { role },
        });
      }
      return stakeholder;
    });
  }

  /** The last steward's STEWARD role cannot be revoked: the definition would be ungovernable. */
  async revokeRole(actorId: string, handle: string, role: Role): Promise<StakeholderEntity> {
    return this.dataSource.transaction(async (manager) => {
      const stakeholder = await this.byHandle(manager, handle);
      if (role === 'STEWARD') {
        // Serialise steward removals so two concurrent revocations cannot remove the last two.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('redline.stewards'))`);
        const [{ count }] = await manager.query(
          `SELECT count(*)::int AS count FROM stakeholder_roles WHERE role = 'STEWARD'`,
        );
        if (count <= 1)
          throw conflict('LAST_STEWARD', 'The last steward cannot lose the STEWARD role');
      }
      const result = await manager.delete(StakeholderRoleEntity, {
        stakeholderId: stakeholder.id,
        role,
      });
      if (result.affected) {
        await this.audit.record(manager, {
          actorId,
          entityType: 'stakeholder',
          entityId: stakeholder.id,
          action: 'role.revoked',
          data: { role },
        });
      }
      return stakeholder;
    });
  }

  /**
   * Makes sure the account named by STEWARD_EMAIL exists and holds STEWARD. An
   * existing account keeps its password: the variable seeds an account, it does
   * not reset one.
   */
  async ensureSteward(email: string, password: string): Promise<void> {
    const normalized = email.trim().toLowerCase();
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('redline.stewards'))`);
      let steward = await manager.findOneBy(StakeholderEntity, { email: normalized });
      if (!steward) {
        steward = await this.create(
          manager,
          {
            email: normalized,
            passwordHash,
            handle: await this.freeHandle(manager, 'steward'),
            displayName: 'Steward',
            organization: '',
            sector: 'INDIVIDUAL',
          },
          ['STEWARD', 'MEMBER'],
        );
      }
      await manager.query(
        `INSERT INTO stakeholder_roles (stakeholder_id, role) VALUES ($1, 'STEWARD') ON CONFLICT DO NOTHING`,
        [steward.id],
      );
    });
  }

  private async create(
    manager: EntityManager,
    input: Omit<SignUpInput, 'password'> & { passwordHash: string },
    roles: Role[],
  ): Promise<StakeholderEntity> {
    const stakeholder = await manager.save(
      manager.create(StakeholderEntity, {
        email: input.email.trim().toLowerCase(),
        passwordHash: input.passwordHash,
        handle: input.handle,
        displayName: input.displayName.trim(),
        organization: input.organization.trim(),
        sector: input.sector,
      }),
    );
    await manager.insert(
      StakeholderRoleEntity,
      roles.map((role) => ({ stakeholderId: stakeholder.id, role })),
    );
    await this.audit.record(manager, {
      actorId: stakeholder.id,
      entityType: 'stakeholder',
      entityId: stakeholder.id,
      action: 'stakeholder.signed-up',
      data: { handle: stakeholder.handle, roles },
    });
    return stakeholder;
  }

  private async openSession(
    manager: EntityManager,
    stakeholder: StakeholderEntity,
  ): Promise<SignedIn> {
    const expiresAt = new Date(Date.now() + this.config.tokenTtlSeconds * 1000);
    const session = await manager.save(
      manager.create(SessionEntity, { stakeholderId: stakeholder.id, expiresAt }),
    );
    const token = this.tokens.sign({ sub: stakeholder.id, sid: session.id }, expiresAt);
    return { token, expiresAt, stakeholder };
  }

  private async byHandle(manager: EntityManager, handle: string): Promise<StakeholderEntity> {
    const stakeholder = await manager
      .getRepository(StakeholderEntity)
      .createQueryBuilder('s')
      .where('lower(s.handle) = lower(:handle)', { handle })
      .getOne();
    if (!stakeholder) throw notFound('NO_STAKEHOLDER', `No stakeholder with handle "${handle}"`);
    return stakeholder;
  }

  private async freeHandle(manager: EntityManager, base: string): Promise<string> {
    for (let n = 0; ; n++) {
      const handle = n === 0 ? base : `${base}-${n}`;
      const taken = await manager
        .getRepository(StakeholderEntity)
        .createQueryBuilder('s')
        .where('lower(s.handle) = lower(:handle)', { handle })
        .getExists();
      if (!taken) return handle;
    }
  }
}
