/** An amendment brought to any status in one call, through the API. */
import type { Redline } from './accounts.js';
import {
  amendmentInput,
  proposeAmendment,
  ratifyVersion,
  transition,
  type AmendmentInput,
} from './amendments.js';
import { castVote } from './discussion.js';

export type AmendmentStage =
  'DRAFT' | 'OPEN' | 'VOTING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN' | 'MERGED';

/**
 * An amendment of `input.definition` brought to `stage` through the API: proposed by
 * `proposer`, opened and put to the vote by the steward, and for ACCEPTED, REJECTED or
 * MERGED voted on by every one of `voters` (who must be most of the definition's voters)
 * and the steward, then closed; for MERGED ratified as `label` (by default the base's
 * label and the amendment's number). Returns its number.
 */
export async function amendmentAt(
  redline: Redline,
  stage: AmendmentStage,
  people: { steward: string; proposer: string; voters?: Array<{ token: string }> },
  input: AmendmentInput = amendmentInput(),
  label?: string,
): Promise<number> {
  const { number } = await proposeAmendment(redline, people.proposer, input);
  const ref = { definition: input.definition, number };
  if (stage === 'DRAFT') return number;
  if (stage === 'WITHDRAWN') {
    await transition(redline, people.proposer, 'withdrawAmendment', ref);
    return number;
  }
  await transition(redline, people.steward, 'openComments', ref);
  if (stage === 'OPEN') return number;
  await transition(redline, people.steward, 'openVoting', ref);
  if (stage === 'VOTING') return number;
  const choice = stage === 'REJECTED' ? 'REJECT' : 'APPROVE';
  for (const token of [people.steward, ...(people.voters ?? []).map((v) => v.token)]) {
    await castVote(redline, token, ref, choice);
  }
  const closed = await transition(redline, people.steward, 'closeVoting', ref);
  const expected = stage === 'MERGED' ? 'ACCEPTED' : stage;
  if (closed !== expected) throw new Error(`amendment ${number} closed ${closed}, not ${expected}`);
  if (stage === 'MERGED') {
    await ratifyVersion(redline, people.steward, {
      definition: ref.definition,
      baseVersion: input.baseVersion,
      label: label ?? `${input.baseVersion}-${number}`,
      amendments: [number],
    });
  }
  return number;
}
