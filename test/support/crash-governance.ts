import { call, type Member } from './crash-workload.js';
import { inBatches } from './load.js';

/**
 * The governance steps around the crash loop's storms, through the API: accounts,
 * and amendments voted through to ACCEPTED so a ratification is ready to send.
 * These run while the server is up and must all succeed.
 */
export const STEWARD = { email: 'steward@crash.test', password: 'steward-password-1' };
const MEMBERS = 10;

const PROPOSE = `mutation ($input: ProposeAmendmentInput!) { proposeAmendment(input: $input) { number } }`;
export const OPEN_VOTING = `mutation ($n: Int!) { openVoting(definition: "osaid", number: $n) { status } }`;
const CLOSE_VOTING = `mutation ($n: Int!) { closeVoting(definition: "osaid", number: $n) { status } }`;
const APPROVE = `mutation ($n: Int!) { castVote(input: { definition: "osaid", number: $n, choice: APPROVE }) { choice } }`;
export const RATIFY = `mutation ($base: String!, $label: String!, $ns: [Int!]!) {
  ratifyVersion(input: { definition: "osaid", baseVersion: $base, label: $label, amendments: $ns }) { label } }`;

export interface Accounts {
  steward: Member;
  proposer: Member;
  committee: Member[];
}

/** The steward, a proposer and the committee, through the API (tokens survive restarts). */
export async function setUp(url: string): Promise<Accounts> {
  const signIn = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;
  const steward = { handle: 'steward', token: (await must(url, signIn, STEWARD)).signIn.token };
  const signUp = `mutation ($input: SignUpInput!) { signUp(input: $input) { token stakeholder { handle } } }`;
  const members = await inBatches(Array.from({ length: MEMBERS + 1 }), 3, async (_, i) => {
    const input = {
      email: `crash-${i}@example.org`,
      password: 'a-long-enough-password',
      handle: `crash-${i}`,
      displayName: `Crash ${i}`,
      organization: 'Crash Lab',
      sector: 'INDIVIDUAL',
    };
    const { signUp: payload } = await must(url, signUp, { input });
    return { handle: payload.stakeholder.handle as string, token: payload.token as string };
  });
  const grant = `mutation ($handle: String!) { grantRole(handle: $handle, role: COMMITTEE) { handle } }`;
  const [proposer, ...committee] = members;
  await Promise.all(committee.map((m) => must(url, grant, { handle: m.handle }, steward.token)));
  return { steward, proposer, committee };
}

/** Two non-conflicting amendments on `base`, voted through to ACCEPTED, ready to ratify. */
export async function prepare(url: string, accounts: Accounts, base: string, index: number) {
  const texts = {
    'parameters.terms': `Ratified in round ${index}.`,
    'code.training': `Also round ${index}.`,
  };
  const numbers: number[] = [];
  for (const [key, text] of Object.entries(texts)) {
    numbers.push(await propose(url, accounts.proposer, base, { [key]: text }));
  }
  for (const n of numbers) await must(url, OPEN_VOTING, { n }, accounts.steward);
  await Promise.all(
    numbers.flatMap((n) => accounts.committee.map((m) => must(url, APPROVE, { n }, m.token))),
  );
  for (const n of numbers) {
    const closed = await must(url, CLOSE_VOTING, { n }, accounts.steward);
    if (closed.closeVoting.status !== 'ACCEPTED') throw new Error(`#${n} was not accepted`);
  }
  return { numbers, texts };
}

export async function propose(
  url: string,
  proposer: Member,
  base: string,
  texts: Record<string, string>,
) {
  const changes = Object.entries(texts).map(([key, text]) => ({ kind: 'MODIFY', key, text }));
  const input = {
    definition: 'osaid',
    baseVersion: base,
    title: 'Crash loop',
    rationale: 'Test.',
    changes,
  };
  return (await must(url, PROPOSE, { input }, proposer.token)).proposeAmendment.number as number;
}

/** A request outside the storm, which must succeed. */
export async function must(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: Member | string,
) {
  const answer = await call(
    url,
    query,
    variables,
    typeof token === 'string' ? token : token?.token,
  );
  if (answer.outcome !== 'acked')
    throw new Error(`${query.slice(0, 60)}… got ${answer.code ?? answer.outcome}`);
  return answer.data;
}
