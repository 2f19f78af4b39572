import { SessionEntity } from './session.entity.js';
import { SignInAttemptEntity } from './sign-in-attempt.entity.js';
import { StakeholderRoleEntity } from './stakeholder-role.entity.js';
import { StakeholderEntity } from './stakeholder.entity.js';

/** Accounts, roles, sessions and sign-in counters (see src/entities.ts). */
export const STAKEHOLDER_ENTITIES = [
  StakeholderEntity,
  StakeholderRoleEntity,
  SessionEntity,
  SignInAttemptEntity,
];
