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

/** A new MEMBER, signed up through the API. */
export async function signUp(app: TestApp, overrides: Partial<Account> = {}): Promise<Account> {
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
