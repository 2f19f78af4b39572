import type { EntityManager } from 'typeorm';
import { rolesImplying, type Role } from '../common/auth/principal.js';
import type { GovernancePolicy } from '../definitions/definition.entity.js';
import type { AmendmentEntity } from './amendment.entity.js';
import { tally, type Tally } from './tally.js';
import { VoteEntity } from './vote.entity.js';

/** How many stakeholders may vote under a role: its holders and those of any role implying it. */
const ELIGIBLE_VOTERS = `SELECT count(DISTINCT stakeholder_id)::int AS count
  FROM stakeholder_roles WHERE role = ANY($1)`;

/** Anything that runs SQL: an EntityManager in a transaction, or the DataSource. */
interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

export async function countEligibleVoters(db: Queryable, role: Role): Promise<number> {
  const [{ count }] = await db.query<Array<{ count: number }>>(ELIGIBLE_VOTERS, [
    rolesImplying(role),
  ]);
  return count;
}

/** What a tally is computed from, read the way the caller reads: in a transaction, or through loaders. */
export interface TallySource {
  votes(amendmentId: string): Promise<readonly Pick<VoteEntity, 'choice' | 'amendmentRevision'>[]>;
  openConcerns(amendmentId: string): Promise<number>;
  eligibleVoters(role: Role): Promise<number>;
}

/** The tally of an amendment under its definition's policy, from `source`. */
export async function tallyOf(
  amendment: Pick<AmendmentEntity, 'id' | 'revision'>,
  policy: GovernancePolicy,
  source: TallySource,
): Promise<Tally> {
  const [votes, open, eligible] = await Promise.all([
    source.votes(amendment.id),
    source.openConcerns(amendment.id),
    source.eligibleVoters(policy.voterRole),
  ]);
  return tally(
    votes.map((vote) => ({ choice: vote.choice, revision: vote.amendmentRevision })),
    amendment.revision,
    eligible,
    open,
    policy,
  );
}

/** A TallySource reading inside `manager`'s transaction (closing a vote decides on it). */
export function transactionTallySource(manager: EntityManager): TallySource {
  return {
    votes: (amendmentId) => manager.findBy(VoteEntity, { amendmentId }),
    openConcerns: async (amendmentId) => {
      const [{ open }] = await manager.query<Array<{ open: number }>>(
        `SELECT count(*)::int AS open FROM concerns WHERE amendment_id = $1 AND resolved_at IS NULL`,
        [amendmentId],
      );
      return open;
    },
    eligibleVoters: (role) => countEligibleVoters(manager, role),
  };
}
