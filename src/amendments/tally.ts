import type { GovernancePolicy } from '../definitions/definition.entity.js';
import type { VoteChoice } from './vote.entity.js';

export interface TallyVote {
  choice: VoteChoice;
  /** The amendment revision the vote was cast on. */
  revision: number;
}

export interface Tally {
  approve: number;
  reject: number;
  abstain: number;
  recused: number;
  /** Votes cast on an earlier revision: they do not count until re-confirmed. */
  stale: number;
  eligible: number;
  quorumMet: boolean;
  passed: boolean;
  /** Why it passes or not, in words. */
  reasons: string[];
}

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

/**
 * Counts a vote under a definition's policy. Quorum: more than `policy.quorum` of
 * the eligible voters cast a current, non-RECUSE vote. Pass: quorum, at least
 * `policy.approvalThreshold` of APPROVE+REJECT approve, and no open blocking concern.
 */
export function tally(
  votes: readonly TallyVote[],
  currentRevision: number,
  eligible: number,
  openConcerns: number,
  policy: Pick<GovernancePolicy, 'quorum' | 'approvalThreshold'>,
): Tally {
  const current = votes.filter((vote) => vote.revision === currentRevision);
  const count = (choice: VoteChoice) => current.filter((vote) => vote.choice === choice).length;
  const approve = count('APPROVE');
  const reject = count('REJECT');
  const abstain = count('ABSTAIN');
  const recused = count('RECUSE');
  const stale = votes.length - current.length;

  const participating = approve + reject + abstain;
  const needed = Math.floor(policy.quorum * eligible) + 1;
  const quorumMet = eligible > 0 && participating >= needed;
  const decisive = approve + reject;
  const share = decisive === 0 ? 0 : approve / decisive;
  const thresholdMet = decisive > 0 && share >= policy.approvalThreshold - 1e-9;

  const reasons: string[] = [];
  reasons.push(
    quorumMet
      ? `Quorum met: ${participating} of ${eligible} eligible voters took part (more than ${percent(policy.quorum)} needed).`
      : `No quorum: ${participating} of ${eligible} eligible voters took part; ${needed} needed (more than ${percent(policy.quorum)}).`,
  );
  reasons.push(
    decisive === 0
      ? 'No APPROVE or REJECT votes yet.'
      : `${approve} of ${decisive} APPROVE/REJECT votes approve (${percent(share)}; ${percent(policy.approvalThreshold)} needed).`,
  );
  if (stale > 0)
    reasons.push(
      `${stale} vote(s) were cast on an earlier revision and do not count until re-confirmed.`,
    );
  if (recused > 0) reasons.push(`${recused} voter(s) recused themselves.`);
  if (openConcerns > 0) reasons.push(`${openConcerns} blocking concern(s) remain open.`);
  const passed = quorumMet && thresholdMet && openConcerns === 0;
  reasons.push(passed ? 'The amendment passes.' : 'The amendment does not pass.');

  return { approve, reject, abstain, recused, stale, eligible, quorumMet, passed, reasons };
}
