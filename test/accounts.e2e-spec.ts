import { signIn, signUp, STEWARD, stewardToken } from '../testkit/factories/index.js';
import { codes, gql, ok } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SIGN_UP = `mutation ($input: SignUpInput!) { signUp(input: $input) { token stakeholder { handle roles email } } }`;
const ME = `{ me { handle roles email } }`;
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;

const input = (overrides: Record<string, unknown> = {}) => ({
  email: 'ada@example.org',
  password: 'correct horse battery',
  handle: 'ada',
  displayName: 'Ada',
  organization: 'Analytical Engines',
  sector: 'ACADEMIA',
  ...overrides,
});

describe('Accounts and roles', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs a new stakeholder up as a MEMBER and knows them by their token', async () => {
    const data = await ok(app.url, SIGN_UP, { input: input() });
    expect(data.signUp.stakeholder).toEqual({
      handle: 'ada',
      roles: ['MEMBER'],
      email: 'ada@example.org',
    });
    const me = await ok(app.url, ME, {}, data.signUp.token);
    expect(me.me.handle).toBe('ada');
    expect((await ok(app.url, ME)).me).toBeNull();
  });

  it('refuses a taken email or handle, whatever its case, with CONFLICT', async () => {
    const email = await gql(app.url, SIGN_UP, {
      input: input({ handle: 'other', email: 'ADA@example.org' }),
    });
    expect(codes(email)).toEqual(['CONFLICT']);
    const handle = await gql(app.url, SIGN_UP, {
      input: input({ handle: 'ADA', email: 'new@example.org' }),
    });
    expect(codes(handle)).toEqual(['CONFLICT']);
    const [{ count }] = await app.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM stakeholders WHERE lower(handle) = 'ada'`,
    );
    expect(count).toBe(1);
  });

  it('refuses malformed sign-up input with BAD_USER_INPUT', async () => {
    for (const bad of [{ email: 'not-an-email' }, { password: 'short' }, { handle: 'has space' }]) {
      const result = await gql(app.url, SIGN_UP, {
        input: input({ ...bad, handle: 'x1', email: 'x1@example.org', ...bad }),
      });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    }
    const unknownField = await gql(app.url, SIGN_UP, { input: { ...input(), role: 'STEWARD' } });
    expect(codes(unknownField)).toEqual(['BAD_USER_INPUT']);
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const unknown = await gql(app.url, SIGN_IN, {
      email: 'nobody@example.org',
      password: 'whatever-password',
    });
    const wrong = await gql(app.url, SIGN_IN, {
      email: 'ada@example.org',
      password: 'wrong password!',
    });
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(wrong.errors).toEqual(unknown.errors);
    expect(await signIn(app, 'ADA@example.org', 'correct horse battery')).toEqual(
      expect.any(String),
    );
  });

  it('refuses a forged or malformed token on any request, reads included', async () => {
    const token = await signIn(app, 'ada@example.org', 'correct horse battery');
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    for (const bad of [forged, 'garbage']) {
      expect(codes(await gql(app.url, ME, {}, bad))).toEqual(['UNAUTHENTICATED']);
      expect(codes(await gql(app.url, `{ definitions { slug } }`, {}, bad))).toEqual([
        'UNAUTHENTICATED',
      ]);
    }
  });

  it('ends the session on signOut, so its token stops working', async () => {
    const token = await signIn(app, 'ada@example.org', 'correct horse battery');
    expect(await ok(app.url, `mutation { signOut }`, {}, token)).toEqual({ signOut: true });
    expect(codes(await gql(app.url, ME, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('lets only a steward grant and revoke roles, which apply on the next request', async () => {
    const member = await signUp(app);
    const grant = `mutation ($handle: String!) { grantRole(handle: $handle, role: COMMITTEE) { roles } }`;
    const revoke = `mutation ($handle: String!) { revokeRole(handle: $handle, role: COMMITTEE) { roles } }`;
    expect(codes(await gql(app.url, grant, { handle: member.handle }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(codes(await gql(app.url, grant, { handle: member.handle }, member.token))).toEqual([
      'FORBIDDEN',
    ]);

    const steward = await stewardToken(app);
    expect((await ok(app.url, grant, { handle: member.handle }, steward)).grantRole.roles).toEqual([
      'COMMITTEE',
      'MEMBER',
    ]);
    expect((await ok(app.url, ME, {}, member.token)).me.roles).toEqual(['COMMITTEE', 'MEMBER']);
    await ok(app.url, revoke, { handle: member.handle }, steward);
    expect((await ok(app.url, ME, {}, member.token)).me.roles).toEqual(['MEMBER']);
    expect(codes(await gql(app.url, grant, { handle: 'no-such-handle' }, steward))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('keeps the last steward: revoking their STEWARD role is a CONFLICT', async () => {
    const steward = await stewardToken(app);
    const [{ handle }] = await app.sql<{ handle: string }>(
      `SELECT handle FROM stakeholders WHERE email = $1`,
      [STEWARD.email],
    );
    const result = await gql(
      app.url,
      `mutation ($handle: String!) { revokeRole(handle: $handle, role: STEWARD) { roles } }`,
      { handle },
      steward,
    );
    expect(codes(result)).toEqual(['CONFLICT']);
  });

  it('stores passwords as argon2id hashes and never exposes them', async () => {
    const [{ password_hash }] = await app.sql<{ password_hash: string }>(
      `SELECT password_hash FROM stakeholders WHERE email = 'ada@example.org'`,
    );
    expect(password_hash).toMatch(/^\$argon2id\$/);
    const schema = await ok(app.url, `{ __type(name: "Stakeholder") { fields { name } } }`);
    expect(schema.__type.fields.map((f: any) => f.name)).not.toContain('passwordHash');
  });
});
