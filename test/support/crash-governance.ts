import {
  castVote,
  grantRole,
  proposeAmendment,
  rewording,
  signUp,
  stewardAccount,
  transition,
  type Member,
  type Redline,
} from '../../testkit/factories/index.js';
import { inBatches } from './load.js';

/**
 * The governance steps around the crash loop's storms, through the API: accounts,
 * and amendments voted through to ACCEPTED so a ratification is ready to send.
 * These run while the server is up and must all succeed.
 */
const MEMBERS = 10;

export interface Accounts {
  steward: Member;
  proposer: Member;
  committee: Member[];
}

/** The steward, a proposer and the committee, through the API (tokens survive restarts). */
export async function setUp(redline: Redline): Promise<Accounts> {
  const steward = await stewardAccount(redline);
  const members = await inBatches(Array.from({ length: MEMBERS + 1 }), 3, () => signUp(redline));
  const [proposer, ...committee] = members;
  await Promise.all(committee.map((m) => grantRole(redline, steward.token, m.handle)));
  return { steward, proposer, committee };
}

/** Two non-conflicting amendments on `base`, voted through to ACCEPTED, ready to ratify. */
export async function prepare(redline: Redline, accounts: Accounts, base: string, index: number) {
  const texts = {
    'parameters.terms': `Ratified in round ${index}.`,
    'code.training': `Also round ${index}.`,
  };
  const numbers: number[] = [];
  for (const [key, text] of Object.entries(texts)) {
    numbers.push(await propose(redline, accounts.proposer, base, { [key]: text }));
  }
  const steward = accounts.steward.token;
  for (const n of numbers) await transition(redline, steward, 'openVoting', n);
  await Promise.all(
    numbers.flatMap((n) => accounts.committee.map((m) => castVote(redline, m.token, n))),
  );
  for (const n of numbers) {
    const closed = await transition(redline, steward, 'closeVoting', n);
    if (closed !== 'ACCEPTED') throw new Error(`#${n} was not accepted`);
  }
  return { numbers, texts };
}

/** A DRAFT amendment on `base` that rewords the criteria of `texts`; its number. */
export async function propose(
  redline: Redline,
  proposer: Member,
  base: string,
  texts: Record<string, string>,
): Promise<number> {
  return (await proposeAmendment(redline, proposer.token, rewording(base, texts))).number;
}
