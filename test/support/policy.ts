import type { Access } from '../../src/common/auth/decorators.js';

/**
 * The declared policy: who may call each mutation. A mutation added without an
 * entry here, or whose decorator says something else, fails test/access-policy
 * (decorators) and test/authorization-matrix (real calls as each kind of caller).
 */
export const POLICY: Record<string, Access> = {
  signUp: { kind: 'public' },
  signIn: { kind: 'public' },
  signOut: { kind: 'signed-in' },
  grantRole: { kind: 'role', role: 'STEWARD' },
  revokeRole: { kind: 'role', role: 'STEWARD' },
  createDefinition: { kind: 'role', role: 'STEWARD' },
  createVersion: { kind: 'role', role: 'STEWARD' },
  upsertCriterion: { kind: 'role', role: 'STEWARD' },
  removeCriterion: { kind: 'role', role: 'STEWARD' },
  upsertSystem: { kind: 'role', role: 'STEWARD' },
  recordVerdict: { kind: 'role', role: 'STEWARD' },
  proposeAmendment: { kind: 'signed-in' },
  // The proposer only (withdraw: or a steward); checked against the amendment in the service.
  reviseAmendment: { kind: 'signed-in' },
  withdrawAmendment: { kind: 'signed-in' },
  openComments: { kind: 'role', role: 'STEWARD' },
  openVoting: { kind: 'role', role: 'STEWARD' },
  closeVoting: { kind: 'role', role: 'STEWARD' },
  addComment: { kind: 'signed-in' },
  // The author only; checked in the service.
  editComment: { kind: 'signed-in' },
  hideComment: { kind: 'role', role: 'STEWARD' },
  castVote: { kind: 'role', role: 'COMMITTEE' },
  raiseConcern: { kind: 'role', role: 'COMMITTEE' },
  // The member who raised it or a steward; checked in the service.
  resolveConcern: { kind: 'role', role: 'COMMITTEE' },
  ratifyVersion: { kind: 'role', role: 'STEWARD' },
};
