import { BODY_LIMIT } from '../src/bootstrap.js';
import { MAX_CHANGES, MAX_COMMENT } from '../src/amendments/dto/amendment.inputs.js';
import { MAX_PAGE } from '../src/common/pagination/connection.js';
import { loadConfig } from '../src/common/config/config.js';
import {
  MAX_QUERY_COMPLEXITY,
  MAX_QUERY_DEPTH,
  MAX_QUERY_TOKENS,
  ROOT_FIELD_COST,
} from '../src/common/graphql/query-complexity.js';
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_SECONDS,
  SIGN_UP_WINDOW_SECONDS,
  keyOf,
} from '../src/stakeholders/account-throttle.js';
import {
  ADD_COMMENT,
  amendmentInput,
  PROPOSE_AMENDMENT,
  proposeAmendment,
  signUp,
  stewardToken,
  transition,
  type Account,
} from '../testkit/factories/index.js';
import { codes, gql, ok, send, type GraphQLError } from '../testkit/graphql-client.js';
import { startSecondInstance } from './support/second-instance.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;

/** A query exactly `depth` levels deep (Mercurius counts the leaf), along one version's parents. */
const deepQuery = (depth: number) =>
  `{ version(definition: "osaid", label: "1.0") { ${'parent { '.repeat(depth - 2)}label${' }'.repeat(depth - 2)} } }`;

/**
 * Costs 9,911 + $n: ninety full pages of systems' totalCount at ROOT_FIELD_COST + 100
 * each, one more page of $n (so the variables count), and `__typename` (1).
 */
const PAGES = `query ($n: Int!) { ${Array.from(
  { length: 90 },
  (_, i) => `p${i}: systems(first: ${MAX_PAGE}) { totalCount }`,
).join(' ')} last: systems(first: $n) { totalCount } __typename }`;
const pagesCost = (n: number) => 90 * (ROOT_FIELD_COST + MAX_PAGE) + (ROOT_FIELD_COST + n) + 1;

/** A valid query of exactly `tokens` lexical tokens: braces, `tN: __typename` and `__typename`. */
const longQuery = (tokens: number) => {
  const aliases = Math.floor((tokens - 2) / 3);
  const fields = Array.from({ length: aliases }, (_, i) => `t${i}: __typename`);
  return `{ ${fields.join(' ')} ${'__typename '.repeat((tokens - 2) % 3)}}`;
};

/** Only nine levels deep, but each version's criteria under each version of each definition… */
const NESTED_LISTS = `{ definitions { versions { criteria { key } definition { versions {
  criteria { key } definition { versions { criteria { key } } } } } } } }`;

/** A POST whose body is exactly `bytes` long, padded with a variable the query ignores. */
async function postOfSize(url: string, bytes: number): Promise<Response> {
  const shell = JSON.stringify({ query: '{ __typename }', variables: { pad: '' } });
  const body = shell.replace('"pad":""', `"pad":"${'x'.repeat(bytes - shell.length)}"`);
  expect(Buffer.byteLength(body)).toBe(bytes);
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

const signInAs = (app: TestApp, email: string, password: string) =>
  gql(app.url, SIGN_IN, { email, password });

/** The refusal without its countdown, which moves on by the second. */
const withoutCountdown = (errors: GraphQLError[] = []) =>
  errors.map(({ extensions, ...error }) => ({
    ...error,
    extensions: { ...extensions, retryAfterSeconds: typeof extensions?.retryAfterSeconds },
  }));

describe('Abuse limits', () => {
  let app: TestApp;
  let member: Account;
  beforeAll(async () => {
    app = await startTestApp();
    member = await signUp(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('query shape', () => {
    it(`refuses a query deeper than ${MAX_QUERY_DEPTH} with QUERY_TOO_COMPLEX, before it runs`, async () => {
      const under = await ok(app.url, deepQuery(MAX_QUERY_DEPTH));
      expect(under.version.parent).not.toBeNull();
      const over = await gql(app.url, deepQuery(MAX_QUERY_DEPTH + 1));
      expect(over.status).toBe(400);
      expect(over.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(
            `depth (${MAX_QUERY_DEPTH + 1}) exceeds the query depth limit of ${MAX_QUERY_DEPTH}`,
          ),
          extensions: {
            code: 'QUERY_TOO_COMPLEX',
            reason: 'DEPTH_LIMIT',
            maxDepth: MAX_QUERY_DEPTH,
          },
        }),
      ]);
    });

    it('lets the in-browser IDE load the schema: its introspection query is exempt while GraphiQL is on', async () => {
      const { getIntrospectionQuery } = await import('graphql');
      const result = await gql(app.url, getIntrospectionQuery());
      expect(result.errors).toBeUndefined();
      expect(result.data!.__schema.types.length).toBeGreaterThan(10);
    });

    it(`refuses a query that costs more than ${MAX_QUERY_COMPLEXITY} with QUERY_TOO_COMPLEX`, async () => {
      const n = MAX_QUERY_COMPLEXITY - pagesCost(0);
      expect(pagesCost(n)).toBe(MAX_QUERY_COMPLEXITY);
      const under = await gql(app.url, PAGES, { n });
      expect([under.status, under.errors]).toEqual([200, undefined]);
      const over = await gql(app.url, PAGES, { n: n + 1 });
      expect(over.status).toBe(400);
      expect(over.errors).toEqual([
        {
          message: expect.stringMatching(/too complex/),
          extensions: {
            code: 'QUERY_TOO_COMPLEX',
            reason: 'COST_LIMIT',
            complexity: MAX_QUERY_COMPLEXITY + 1,
            maxComplexity: MAX_QUERY_COMPLEXITY,
          },
        },
      ]);
    });

    it('lets the heaviest query of the suites through and refuses nested unbounded lists', async () => {
      // test/governance's listing of fifty amendments with their changes, comments and votes.
      const listing = `query ($first: Int!) { amendments(definition: "osaid", first: $first) { totalCount edges { node {
        number proposer { handle } changes { key } comments { body author { handle } }
        votes { choice voter { handle } } tally { passed } } } } }`;
      expect((await ok(app.url, listing, { first: 50 })).amendments.totalCount).toBe(0);
      // The same listing at the largest page costs about 8,100: still under the limit.
      expect((await ok(app.url, listing, { first: MAX_PAGE })).amendments.totalCount).toBe(0);
      expect(codes(await gql(app.url, NESTED_LISTS))).toEqual(['QUERY_TOO_COMPLEX']);
      // …and one page repeated under aliases is counted once per alias.
      const page = `systems(first: ${MAX_PAGE}) { edges { node { slug name facts } } }`;
      const aliased = `{ ${Array.from({ length: 50 }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
      expect(codes(await gql(app.url, aliased))).toEqual(['QUERY_TOO_COMPLEX']);
    });

    it(`refuses a document of more than ${MAX_QUERY_TOKENS} tokens before validating it`, async () => {
      expect((await ok(app.url, longQuery(MAX_QUERY_TOKENS))).t0).toBe('Query');
      const over = await gql(app.url, longQuery(MAX_QUERY_TOKENS + 1));
      expect(over.status).toBe(400);
      expect(over.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(`more that ${MAX_QUERY_TOKENS} tokens`),
          extensions: {
            code: 'QUERY_TOO_COMPLEX',
            reason: 'TOKEN_LIMIT',
            maxTokens: MAX_QUERY_TOKENS,
          },
        }),
      ]);
    });

    it(`answers a body over ${BODY_LIMIT} bytes with HTTP 413 and PAYLOAD_TOO_LARGE`, async () => {
      const under = await postOfSize(app.url, BODY_LIMIT);
      expect([under.status, await under.json()]).toEqual([200, { data: { __typename: 'Query' } }]);
      const over = await postOfSize(app.url, BODY_LIMIT + 1);
      expect(over.status).toBe(413);
      expect(await over.json()).toEqual({
        data: null,
        errors: [
          {
            message: 'Request body is too large',
            extensions: { code: 'PAYLOAD_TOO_LARGE', reason: 'BODY_LIMIT' },
          },
        ],
      });
    });

    it(`refuses a page of more than ${MAX_PAGE} with BAD_USER_INPUT`, async () => {
      const page = `query ($first: Int!) { systems(first: $first) { totalCount } }`;
      expect((await ok(app.url, page, { first: MAX_PAGE })).systems.totalCount).toBeGreaterThan(0);
      expect(codes(await gql(app.url, page, { first: MAX_PAGE + 1 }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('input sizes', () => {
    /** `count` new criteria, each with a rule that checks. */
    const additions = (count: number) =>
      Array.from({ length: count }, (_, i) => ({
        kind: 'ADD',
        key: `extra.c${i}`,
        title: `Extra ${i}`,
        text: 'Model parameters are released.',
        rule: 'components.modelParameters.available',
        component: 'Parameters',
      }));
    const proposal = (count: number) =>
      amendmentInput({
        title: 'Many small additions',
        rationale: 'Probing the limit on changes.',
        changes: additions(count),
      });

    it(`refuses an amendment of more than ${MAX_CHANGES} changes with BAD_USER_INPUT`, async () => {
      const under = await gql(
        app.url,
        PROPOSE_AMENDMENT,
        { input: proposal(MAX_CHANGES) },
        member.token,
      );
      expect(under.errors).toBeUndefined();
      const over = await gql(
        app.url,
        PROPOSE_AMENDMENT,
        { input: proposal(MAX_CHANGES + 1) },
        member.token,
      );
      expect(codes(over)).toEqual(['BAD_USER_INPUT']);
      expect(over.errors?.[0].message).toMatch(/changes/);
    });

    it(`refuses a comment longer than ${MAX_COMMENT} characters with BAD_USER_INPUT`, async () => {
      const steward = await stewardToken(app);
      const { number } = await proposeAmendment(app, member.token, proposal(1));
      await transition(app, steward, 'openComments', number);
      const comment = (length: number) => ({
        input: { definition: 'osaid', number, body: 'é'.repeat(length) },
      });
      expect(
        (await gql(app.url, ADD_COMMENT, comment(MAX_COMMENT), member.token)).errors,
      ).toBeUndefined();
      const over = await gql(app.url, ADD_COMMENT, comment(MAX_COMMENT + 1), member.token);
      expect(codes(over)).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('sign-in throttling', () => {
    // Every request of this suite comes from 127.0.0.1: each test starts with clean counters.
    beforeEach(async () => {
      await app.sql(`DELETE FROM sign_in_attempts`);
    });

    it(`refuses the attempt after ${MAX_FAILURES_PER_ACCOUNT} failures on an account, even with the right password`, async () => {
      const account = await signUp(app);
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
        expect(codes(await signInAs(app, account.email, 'wrong password!'))).toEqual([
          'UNAUTHENTICATED',
        ]);
      }
      const refused = await signInAs(app, account.email.toUpperCase(), account.password);
      expect(codes(refused)).toEqual(['TOO_MANY_REQUESTS']);
      const retryAfter = refused.errors?.[0].extensions?.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThan(SIGN_IN_WINDOW_SECONDS - 60);
      expect(retryAfter).toBeLessThanOrEqual(SIGN_IN_WINDOW_SECONDS);

      // An unknown email is counted and refused the same way: the refusal names no account.
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
        expect(codes(await signInAs(app, 'nobody@example.org', 'wrong password!'))).toEqual([
          'UNAUTHENTICATED',
        ]);
      }
      const unknown = await signInAs(app, 'nobody@example.org', 'wrong password!');
      expect(withoutCountdown(unknown.errors)).toEqual(withoutCountdown(refused.errors));
    });

    it('lets the last allowed attempt in and clears the account on success', async () => {
      const account = await signUp(app);
      for (let round = 0; round < 2; round++) {
        for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) {
          await signInAs(app, account.email, 'wrong password!');
        }
        expect((await signInAs(app, account.email, account.password)).errors).toBeUndefined();
      }
      const rows = await app.sql(`SELECT 1 FROM sign_in_attempts WHERE count >= 2 AND key <> $1`, [
        keyOf('sign-up', '127.0.0.1'),
      ]);
      expect(rows).toHaveLength(1); // the address, which counts failures only
    });

    it(`refuses an address after ${MAX_FAILURES_PER_ADDRESS} failures, whichever emails it tries`, async () => {
      const accounts = [await signUp(app), await signUp(app)];
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS - 1; i++) {
        expect(codes(await signInAs(app, `guess-${i}@example.org`, 'password-1234'))).toEqual([
          'UNAUTHENTICATED',
        ]);
      }
      // Successes do not count: just under the limit, people still sign in.
      for (const account of accounts) {
        expect((await signInAs(app, account.email, account.password)).errors).toBeUndefined();
      }
      expect(codes(await signInAs(app, 'guess-last@example.org', 'password-1234'))).toEqual([
        'UNAUTHENTICATED',
      ]);
      for (const account of accounts) {
        expect(codes(await signInAs(app, account.email, account.password))).toEqual([
          'TOO_MANY_REQUESTS',
        ]);
      }
      expect(codes(await signInAs(app, 'guess-new@example.org', 'password-1234'))).toEqual([
        'TOO_MANY_REQUESTS',
      ]);
    });

    it('forgets a window once it has passed, and prunes expired rows as it goes', async () => {
      const account = await signUp(app);
      for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
        await signInAs(app, `${i}-${account.email}`, 'wrong password!');
        await signInAs(app, account.email, 'wrong password!');
      }
      expect(codes(await signInAs(app, account.email, account.password))).toEqual([
        'TOO_MANY_REQUESTS',
      ]);
      // An hour later (the longest window, sign-ups'), as far as PostgreSQL's clock is concerned.
      await app.sql(
        `UPDATE sign_in_attempts SET window_start = window_start - make_interval(secs => $1)`,
        [Math.max(SIGN_IN_WINDOW_SECONDS, SIGN_UP_WINDOW_SECONDS)],
      );
      // Six account-and-address keys, the address's failures, the address's sign-ups.
      expect(await app.sql(`SELECT 1 FROM sign_in_attempts`)).toHaveLength(8);
      expect(codes(await signInAs(app, 'someone-else@example.org', 'wrong!'))).toEqual([
        'UNAUTHENTICATED',
      ]);
      // That failure started the address and the new email afresh and deleted the rest.
      const rows = await app.sql<{ count: number }>(`SELECT count FROM sign_in_attempts`);
      expect(rows).toEqual([{ count: 1 }, { count: 1 }]);
      expect((await signInAs(app, account.email, account.password)).errors).toBeUndefined();
    });

    (process.env.DATABASE_URL ? it : it.skip)(
      'counts failures on one node against sign-ins on another',
      async () => {
        const account = await signUp(app);
        for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
          await signInAs(app, account.email, 'wrong password!');
        }
        const second = await startSecondInstance(app);
        try {
          const refused = await gql(second.url, SIGN_IN, {
            email: account.email,
            password: account.password,
          });
          expect(codes(refused)).toEqual(['TOO_MANY_REQUESTS']);
        } finally {
          await second.close();
        }
      },
    );
  });

  it('serves GraphiQL outside production', async () => {
    expect((await fetch(app.url.replace(/graphql$/, 'graphiql'))).status).toBe(200);
  });
});

const PRODUCTION = { NODE_ENV: 'production' } as const;

describe('In production', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false, env: PRODUCTION });
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The answer's status and text as received, to look for what must not leak. */
  const raw = (query: string) => send(app.url, { query });
  // Stack frames, driver class names and PostgreSQL's own wording.
  const LEAKS = /stack|\.[jt]s:\d+|QueryFailedError|column "|relation "|does not exist|SELECT /i;

  it('serves no GraphiQL unless GRAPHIQL=true', async () => {
    expect(app.config.graphiql).toBe(false);
    expect((await fetch(app.url.replace(/graphql$/, 'graphiql'))).status).toBe(404);
    // The operator's switch; with it on, the IDE is served as outside production (above).
    const enabled = loadConfig({
      ...PRODUCTION,
      JWT_SECRET: app.config.jwtSecret,
      GRAPHIQL: 'true',
    });
    expect(enabled.graphiql).toBe(true);
  });

  it('answers a database failure with INTERNAL_SERVER_ERROR and no driver message or stack', async () => {
    await ok(app.url, `{ definitions { slug name } }`);
    // The kind of failure a client must never see the inside of: a column gone missing.
    await app.sql(`ALTER TABLE definitions RENAME COLUMN name TO name_gone`);
    const { text } = await raw(`{ definitions { slug name } }`);
    expect(JSON.parse(text).errors).toEqual([
      expect.objectContaining({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      }),
    ]);
    expect(text).not.toMatch(LEAKS);
  });

  it('gives every refusal a code and no stack', async () => {
    for (const query of [
      '{ nope }',
      '{ definitions { ',
      deepQuery(MAX_QUERY_DEPTH + 1),
      NESTED_LISTS,
      longQuery(MAX_QUERY_TOKENS + 1),
    ]) {
      const { text } = await raw(query);
      const body = JSON.parse(text) as { errors: GraphQLError[] };
      expect(body.errors.map((e) => e.extensions?.code)).toEqual([expect.any(String)]);
      expect(text).not.toMatch(LEAKS);
    }
  });
});
