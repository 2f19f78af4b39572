import { conflict } from '../common/errors/app-error.js';
import type { AmendmentStatus } from './amendment.entity.js';
import type { DefinitionVersionEntity } from '../definitions/definition-version.entity.js';

/** Everything that moves an amendment from one status to another, in one table. */
export const TRANSITIONS = {
  revise: { from: ['DRAFT', 'OPEN'], to: null },
  withdraw: { from: ['DRAFT', 'OPEN'], to: 'WITHDRAWN' },
  openComments: { from: ['DRAFT'], to: 'OPEN' },
  openVoting: { from: ['DRAFT', 'OPEN'], to: 'VOTING' },
  accept: { from: ['VOTING'], to: 'ACCEPTED' },
  reject: { from: ['VOTING'], to: 'REJECTED' },
  merge: { from: ['ACCEPTED'], to: 'MERGED' },
  comment: { from: ['DRAFT', 'OPEN', 'VOTING'], to: null },
  vote: { from: ['VOTING'], to: null },
  raiseConcern: { from: ['OPEN', 'VOTING'], to: null },
} as const satisfies Record<
  string,
  { from: readonly AmendmentStatus[]; to: AmendmentStatus | null }
>;

export type AmendmentAction = keyof typeof TRANSITIONS;

const DESCRIPTIONS: Record<AmendmentAction, string> = {
  revise: 'revised',
  withdraw: 'withdrawn',
  openComments: 'opened for comments',
  openVoting: 'opened for voting',
  accept: 'accepted',
  reject: 'rejected',
  merge: 'merged',
  comment: 'commented on',
  vote: 'voted on',
  raiseConcern: 'given a concern',
};

/** Statuses after which nothing is discussed or decided any more. */
const CONCLUDED: ReadonlySet<AmendmentStatus> = new Set([
  'ACCEPTED',
  'REJECTED',
  'MERGED',
  'WITHDRAWN',
]);

/** Participation refused because its period is over has a reason of its own. */
const CLOSED: Partial<Record<AmendmentAction, string>> = {
  comment: 'COMMENTS_CLOSED',
  vote: 'VOTING_CLOSED',
  raiseConcern: 'VOTING_CLOSED',
};

/**
 * The status an action leads to (the current one for actions that do not move
 * it), or a CONFLICT that names the current status and the ones that would allow it:
 * COMMENTS_CLOSED or VOTING_CLOSED once the amendment is concluded, WRONG_STATUS otherwise
 * (a vote before voting opens, a revision after it has).
 */
export function transition(current: AmendmentStatus, action: AmendmentAction): AmendmentStatus {
  const rule = TRANSITIONS[action];
  if (!(rule.from as readonly AmendmentStatus[]).includes(current)) {
    throw conflict(
      (CONCLUDED.has(current) && CLOSED[action]) || 'WRONG_STATUS',
      `An amendment that is ${current} cannot be ${DESCRIPTIONS[action]} (only from ${rule.from.join(' or ')})`,
      { status: current, allowedFrom: [...rule.from], ...(rule.to ? { to: rule.to } : {}) },
    );
  }
  return rule.to ?? current;
}

/** Amendments are written against, and ratified onto, the definition's RATIFIED version. */
export function assertAmendable(version: Pick<DefinitionVersionEntity, 'label' | 'status'>): void {
  if (version.status === 'RATIFIED') return;
  throw conflict(
    'BASE_NOT_RATIFIED',
    `Version ${version.label} is ${version.status}; amendments apply only to the RATIFIED version`,
    { status: version.status },
  );
}
