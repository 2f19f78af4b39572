import { randomBytes } from 'node:crypto';
import { ok } from './graphql.js';
import { STEWARD, type TestApp } from './test-app.js';

export interface Account {
  handle: string;
  email: string;
  password: string;
  token: string;
}

let counter = 0;

/** A new MEMBER, signed up through the API (with `headers`, e.g. X-Forwarded-For). */
export async function signUp(
  app: TestApp,
  overrides: Partial<Account> = {},
  headers: Record<string, string> = {},
): Promise<Account> {
  const suffix = `${++counter}-${randomBytes(3).toString('hex')}`;
  const account = {
    handle: overrides.handle ?? `member-${suffix}`,
    email: overrides.email ?? `member-${suffix}@example.org`,
    password: overrides.password ?? 'a-long-enough-password',
  };
  const data = await ok<{ signUp: { token: string } }>(
    app.url,
    `mutation ($input: SignUpInput!) { signUp(input: $input) { token } }`,
    {
      input: {
        ...account,
        displayName: `Member ${suffix}`,
        organization: 'Example Org',
        sector: 'ACADEMIA',
      },
    },
    undefined,
    headers,
  );
  return { ...account, token: data.signUp.token };
}

export async function signIn(app: TestApp, email: string, password: string): Promise<string> {
  const data = await ok<{ signIn: { token: string } }>(
    app.url,
    `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`,
    { email, password },
  );
  return data.signIn.token;
}

/** The steward ensured at start-up from STEWARD_EMAIL/STEWARD_PASSWORD. */
export const stewardToken = (app: TestApp) => signIn(app, STEWARD.email, STEWARD.password);

/** A member who was then granted COMMITTEE by the steward. */
export async function committeeMember(app: TestApp, steward: string): Promise<Account> {
  const account = await signUp(app);
  await ok(
    app.url,
    `mutation ($handle: String!) { grantRole(handle: $handle, role: COMMITTEE) { handle } }`,
    { handle: account.handle },
    steward,
  );
  return account;
}

export const PROPOSE_AMENDMENT = `mutation ($input: ProposeAmendmentInput!) {
  proposeAmendment(input: $input) { number status revision } }`;

/** A proposal that relaxes OSAID's parameters criterion; `overrides` replace its fields. */
export function amendmentInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    definition: 'osaid',
    baseVersion: '1.0',
    title: 'Accept parameters under any released terms',
    rationale: 'Responsible-AI licences should not by themselves exclude a system.',
    changes: [
      { kind: 'MODIFY', key: 'parameters.terms', rule: 'components.modelParameters.available' },
    ],
    ...overrides,
  };
}

export type AmendmentStage = 'DRAFT' | 'OPEN' | 'VOTING' | 'ACCEPTED' | 'REJECTED' | 'WITHDRAWN';

/**
 * An amendment of `input.definition` brought to `stage` through the API: proposed by
 * `proposer`, opened and put to the vote by the steward, and for ACCEPTED or REJECTED
 * voted on by every one of `voters` (who must be most of the definition's voters) and
 * the steward, then closed. Returns its number.
 */
export async function amendmentAt(
  app: TestApp,
  stage: AmendmentStage,
  people: { steward: string; proposer: string; voters?: Account[] },
  input: Record<string, unknown> = amendmentInput(),
): Promise<number> {
  const proposed = await ok<{ proposeAmendment: { number: number } }>(
    app.url,
    PROPOSE_AMENDMENT,
    { input },
    people.proposer,
  );
  const number = proposed.proposeAmendment.number;
  const definition = input.definition as string;
  const step = (mutation: string, token: string, extra: Record<string, unknown> = {}) =>
    ok(
      app.url,
      `mutation ($d: String!, $n: Int!${Object.keys(extra)
        .map((name) => `, $${name}: VoteChoice!`)
        .join('')}) { ${mutation} }`,
      { d: definition, n: number, ...extra },
      token,
    );
  if (stage === 'DRAFT') return number;
  if (stage === 'WITHDRAWN') {
    await step('withdrawAmendment(definition: $d, number: $n) { status }', people.proposer);
    return number;
  }
  await step('openComments(definition: $d, number: $n) { status }', people.steward);
  if (stage === 'OPEN') return number;
  await step('openVoting(definition: $d, number: $n) { status }', people.steward);
  if (stage === 'VOTING') return number;
  const choice = stage === 'ACCEPTED' ? 'APPROVE' : 'REJECT';
  const vote = 'castVote(input: { definition: $d, number: $n, choice: $choice }) { choice }';
  for (const token of [people.steward, ...(people.voters ?? []).map((v) => v.token)]) {
    await step(vote, token, { choice });
  }
  const closed = await step('closeVoting(definition: $d, number: $n) { status }', people.steward);
  if (closed.closeVoting.status !== stage) {
    throw new Error(`amendment ${number} closed ${closed.closeVoting.status}, not ${stage}`);
  }
  return number;
}
