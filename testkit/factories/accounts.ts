/** Accounts through the API: members, the committee and the steward every server starts with. */
import { randomBytes } from 'node:crypto';
import { ok } from '../graphql-client.js';

/** A running Redline: a test app, a bench server or a spawned process. */
export interface Redline {
  readonly url: string;
}

/**
 * The steward account every test and bench server is started with (STEWARD_EMAIL and
 * STEWARD_PASSWORD), so that writes have someone to do them.
 */
export const STEWARD = { email: 'steward@redline.test', password: 'steward-password-1' } as const;

/** Someone signed in: what a request on their behalf needs. */
export interface Member {
  handle: string;
  token: string;
}

export interface Account extends Member {
  email: string;
  password: string;
}

export const SIGN_UP = `mutation ($input: SignUpInput!) {
  signUp(input: $input) { token stakeholder { handle } } }`;
export const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token stakeholder { handle } } }`;
export const GRANT_ROLE = `mutation ($handle: String!, $role: Role!) {
  grantRole(handle: $handle, role: $role) { handle roles } }`;

let counter = 0;

/** A new MEMBER, signed up through the API (with `headers`, e.g. X-Forwarded-For). */
export async function signUp(
  redline: Redline,
  overrides: Partial<Omit<Account, 'token'>> = {},
  headers: Record<string, string> = {},
): Promise<Account> {
  const suffix = `${++counter}-${randomBytes(3).toString('hex')}`;
  const account = {
    handle: overrides.handle ?? `member-${suffix}`,
    email: overrides.email ?? `member-${suffix}@example.org`,
    password: overrides.password ?? 'a-long-enough-password',
  };
  const input = {
    ...account,
    displayName: `Member ${suffix}`,
    organization: 'Example Org',
    sector: 'ACADEMIA',
  };
  const data = await ok<{ signUp: { token: string } }>(redline.url, SIGN_UP, { input }, undefined, {
    headers,
  });
  return { ...account, token: data.signUp.token };
}

/** A session token for the account. */
export async function signIn(redline: Redline, email: string, password: string): Promise<string> {
  return (await signInAccount(redline, email, password)).token;
}

/** The account signed in, with its handle. */
export async function signInAccount(
  redline: Redline,
  email: string,
  password: string,
): Promise<Account> {
  const data = await ok<{ signIn: { token: string; stakeholder: { handle: string } } }>(
    redline.url,
    SIGN_IN,
    { email, password },
  );
  return { handle: data.signIn.stakeholder.handle, email, password, token: data.signIn.token };
}

/** The steward, signed in. */
export const stewardAccount = (redline: Redline) =>
  signInAccount(redline, STEWARD.email, STEWARD.password);

/** A session token of the steward. */
export const stewardToken = (redline: Redline) => signIn(redline, STEWARD.email, STEWARD.password);

/** Grants `role` (COMMITTEE unless said otherwise); it counts from the next request. */
export async function grantRole(
  redline: Redline,
  steward: string,
  handle: string,
  role = 'COMMITTEE',
): Promise<void> {
  await ok(redline.url, GRANT_ROLE, { handle, role }, steward);
}

/** A member who was then granted COMMITTEE by the steward. */
export async function committeeMember(
  redline: Redline,
  steward: string,
  overrides: Partial<Omit<Account, 'token'>> = {},
): Promise<Account> {
  const account = await signUp(redline, overrides);
  await grantRole(redline, steward, account.handle);
  return account;
}
