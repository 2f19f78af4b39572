import { MAX_PAGE } from '../src/common/pagination/connection.js';
import { FIELD_PRICES } from '../src/common/graphql/field-prices.js';
import { MAX_QUERY_COMPLEXITY, ROOT_FIELD_COST } from '../src/common/graphql/query-complexity.js';
import { MAX_VALUE_DEPTH } from '../src/common/graphql/request-values.js';
import { MAX_LICENSE_LENGTH } from '../src/criteria/engine/facts-schema.js';
import { MAX_FAILURES_PER_ACCOUNT } from '../src/stakeholders/account-throttle.js';
import {
  amendmentAt,
  amendmentInput,
  PROPOSE_AMENDMENT,
  signUp,
  stewardToken,
  type Account,
} from '../testkit/factories/index.js';
import { codes, gql, ok, type GraphQLResponse } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Each attack beside a control request that succeeds, so none can pass vacuously:
 * the control shows the same request without the hostile part is served.
 */

/** A chain of `n` fragments, each spreading the one before twice: 2^n fields if expanded. */
const fragmentChain = (n: number) => {
  let document = `query { ...F${n} }\nfragment F0 on Query { systems(first: 1) { totalCount } }\n`;
  for (let i = 1; i <= n; i++)
    document += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
  return document;
};

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

const PREVIEW = `previewImpact(input: { definition: "osaid", baseVersion: "1.0", changes: [
  { kind: MODIFY, key: "parameters.terms", rule: "components.modelParameters.available" }] }) {
  summary { evaluated } }`;
const aliases = (count: number, field: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const complexityOf = (result: GraphQLResponse<unknown>) =>
  result.errors?.[0]?.extensions?.complexity as number | undefined;

describe('Hostile requests', () => {
  let app: TestApp;
  let steward: string;
  let member: Account;
  beforeAll(async () => {
    // TRUST_PROXY lets the suite speak from several client addresses (X-Forwarded-For).
    app = await startTestApp({ env: { TRUST_PROXY: 'true', SIGN_UPS_PER_ADDRESS: '5' } });
    steward = await stewardToken(app);
    member = await signUp(app, {}, { 'x-forwarded-for': '192.0.2.1' });
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('query shape and cost', () => {
    it('refuses a fragment chain in time that does not grow with the chain, and serves others meanwhile', async () => {
      // Control: the chain's one fragment on its own is an ordinary query.
      expect((await ok(app.url, fragmentChain(0))).systems.totalCount).toBeGreaterThan(0);
      const [short, shortTime] = await timed(() => gql(app.url, fragmentChain(14)));
      const [[long, alongside], longTime] = await timed(() =>
        Promise.all([gql(app.url, fragmentChain(60)), timed(() => gql(app.url, `{ __typename }`))]),
      );
      expect(codes(short)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(codes(long)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(alongside[0].data).toEqual({ __typename: 'Query' });
      // Walking 2^60 spreads would never end (a chain of 25 took 20 s before fragments were
      // costed once), so answering at all shows the work is linear; the times are printed.
      console.log(
        `fragment chain: 14 links ${shortTime.toFixed(0)} ms, 60 links ${longTime.toFixed(0)} ms, ` +
          `a request alongside ${alongside[1].toFixed(0)} ms`,
      );
    });

    it('costs a negative first like first: 1, so it cannot cancel other fields', async () => {
      const query = `query ($n: Int!) { ${Array.from(
        { length: 91 },
        (_, i) => `p${i}: systems(first: ${MAX_PAGE}) { totalCount }`,
      ).join(' ')} last: systems(first: $n) { totalCount } }`;
      const one = await gql(app.url, query, { n: 1 });
      const negative = await gql(app.url, query, { n: -2147483648 });
      expect(codes(one)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(complexityOf(one)).toBe(91 * (ROOT_FIELD_COST + MAX_PAGE) + ROOT_FIELD_COST + 1);
      expect(codes(negative)).toEqual(['QUERY_TOO_COMPLEX']);
      expect(complexityOf(negative)).toBe(complexityOf(one));
      // Control: alone, a negative page gets past the cost and is refused for what it is.
      const alone = await gql(app.url, `{ systems(first: -5) { totalCount } }`);
      expect(codes(alone)).toEqual(['BAD_USER_INPUT']);
    });

    it.each([
      ['previewImpact', PREVIEW],
      [
        'versionDiff',
        `versionDiff(definition: "osaid", from: "0.0.9", to: "1.0") { verdictChanges { after } }`,
      ],
      [
        'combinedImpact',
        `combinedImpact(definition: "osaid", amendments: [1]) { conflicts { key } }`,
      ],
    ])(
      'prices %s by its work: a hundred aliases are refused before any runs',
      async (name, field) => {
        const price = FIELD_PRICES[`Query.${name}`];
        expect(price).toBeGreaterThan(ROOT_FIELD_COST);
        const [many, time] = await timed(() => gql(app.url, aliases(100, field)));
        expect(codes(many)).toEqual(['QUERY_TOO_COMPLEX']);
        expect(complexityOf(many)).toBeGreaterThan(100 * price);
        // Control: as many as the limit allows are served.
        const fits = Math.floor(MAX_QUERY_COMPLEXITY / (ROOT_FIELD_COST + price + 10));
        const [few, fewTime] = await timed(() => gql(app.url, aliases(fits, field)));
        if (name !== 'combinedImpact') expect(few.errors).toBeUndefined();
        else expect(codes(few)).not.toContain('QUERY_TOO_COMPLEX'); // no amendment 1 here
        console.log(
          `${name}: 100 aliases refused in ${time.toFixed(0)} ms; ${fits} served in ${fewTime.toFixed(0)} ms`,
        );
      },
    );
  });

  describe('errors from field resolvers and values', () => {
    it('gives a field resolver’s refusal its code, with its path', async () => {
      const query = `query ($v: String!) { system(slug: "llama-2") { verdict(definition: "osaid", version: $v) { outcome } } }`;
      expect((await ok(app.url, query, { v: '1.0' })).system.verdict.outcome).toBe('FAIL');
      const missing = await gql(app.url, query, { v: '9.9' });
      expect(missing.errors).toEqual([
        expect.objectContaining({
          path: ['system', 'verdict'],
          extensions: { code: 'NOT_FOUND', reason: 'NO_VERSION' },
        }),
      ]);
    });

    it('refuses U+0000 and lone surrogates anywhere, inline or in variables, before any statement', async () => {
      const inline = (definition: string) =>
        `{ system(slug: "llama-2") { verdict(definition: ${JSON.stringify(definition)}, version: "1.0") { outcome } } }`;
      expect((await ok(app.url, inline('osaid'))).system.verdict.outcome).toBe('FAIL');
      const query = `query ($d: String!) { system(slug: "llama-2") { verdict(definition: $d, version: "1.0") { outcome } } }`;
      for (const bad of ['osa\u0000id', 'osaid\ud800']) {
        const refused = await gql(app.url, query, { d: bad });
        expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
        expect(refused.errors?.[0].message).not.toMatch(/bind message|prepared statement/);
      }
      // Inline, U+0000 is a valid escape and refused as a value; a lone surrogate is not
      // even a valid GraphQL string, so the parser refuses the document.
      expect(codes(await gql(app.url, inline('osa\u0000id')))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await gql(app.url, inline('osaid\ud800')))).toEqual([
        'GRAPHQL_VALIDATION_FAILED',
      ]);
    });

    it(`refuses values nested more than ${MAX_VALUE_DEPTH} deep instead of overflowing the stack`, async () => {
      const upsert = `mutation ($f: JSON!) { upsertSystem(input: { slug: "deep", name: "Deep", developer: "Test", facts: $f }) { slug } }`;
      // Written as text: too deep for this process's own JSON.stringify, as for the server's.
      const send = async (depth: number) => {
        const facts = `${'{"a":'.repeat(depth)}true${'}'.repeat(depth)}`;
        const response = await fetch(app.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${steward}` },
          body: `{"query":${JSON.stringify(upsert)},"variables":{"f":${facts}}}`,
        });
        return (await response.json()) as GraphQLResponse<unknown>;
      };
      // Control: at the limit the value reaches the facts check, which names the unknown key.
      const atLimit = await send(MAX_VALUE_DEPTH);
      expect(codes(atLimit)).toEqual(['BAD_USER_INPUT']);
      expect(atLimit.errors?.[0].message).toMatch(/not a known fact/);
      for (const depth of [MAX_VALUE_DEPTH + 1, 20_000]) {
        const deep = await send(depth);
        expect(codes(deep)).toEqual(['BAD_USER_INPUT']);
        expect(deep.errors?.[0].message).toMatch(/nested more than/);
      }
    });
  });

  describe('accounts', () => {
    const SIGN_IN = `mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`;
    const from = (address: string) => ({ 'x-forwarded-for': address });

    it('does not let failures from one address lock the owner out from another', async () => {
      const owner = await signUp(app, {}, from('192.0.2.10'));
      const attacker = from('198.51.100.66');
      for (let i = 0; i <= MAX_FAILURES_PER_ACCOUNT; i++) {
        await gql(app.url, SIGN_IN, { e: owner.email, p: 'wrong password!' }, undefined, {
          headers: attacker,
        });
      }
      const guessing = await gql(
        app.url,
        SIGN_IN,
        { e: owner.email, p: owner.password },
        undefined,
        { headers: attacker },
      );
      expect(codes(guessing)).toEqual(['TOO_MANY_REQUESTS']);
      // The owner, elsewhere, signs in.
      const own = await gql(app.url, SIGN_IN, { e: owner.email, p: owner.password }, undefined, {
        headers: from('192.0.2.10'),
      });
      expect(own.errors).toBeUndefined();
    });

    it('creates at most SIGN_UPS_PER_ADDRESS accounts per address, fifty aliases in one request included', async () => {
      const address = from('203.0.113.50');
      const mutation = `mutation { ${Array.from(
        { length: 50 },
        (
          _,
          i,
        ) => `s${i}: signUp(input: { email: "alias-${i}@example.org", password: "a-long-enough-password",
          handle: "alias-${i}", displayName: "Alias ${i}", sector: INDIVIDUAL }) { stakeholder { handle } }`,
      ).join(' ')} }`;
      // Mutations run in order; the first refused one ends the request (its field is non-null).
      const result = await gql(app.url, mutation, {}, undefined, { headers: address });
      expect(codes(result)).toEqual(['TOO_MANY_REQUESTS']);
      expect(result.errors?.[0].path).toEqual([`s${app.config.signUpsPerAddress}`]);
      const [{ count }] = await app.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM stakeholders WHERE handle LIKE 'alias-%'`,
      );
      expect(count).toBe(app.config.signUpsPerAddress);
      // Control: another address signs up.
      expect((await signUp(app, {}, from('203.0.113.51'))).token).toBeTruthy();
    });
  });

  describe('stored text', () => {
    it('hides a hidden comment’s quote with its body', async () => {
      const number = await amendmentAt(app, 'OPEN', { steward, proposer: member.token });
      const added = await ok(
        app.url,
        `mutation ($n: Int!) { addComment(input: { definition: "osaid", number: $n, body: "Spam",
          criterionKey: "parameters.terms", quote: "the quoted words" }) { id quote } }`,
        { n: number },
        member.token,
      );
      expect(added.addComment.quote).toBe('the quoted words');
      const hidden = await ok(
        app.url,
        `mutation ($id: ID!) { hideComment(id: $id, reason: "Off topic") { hidden body quote hiddenReason } }`,
        { id: added.addComment.id },
        steward,
      );
      expect(hidden.hideComment).toEqual({
        hidden: true,
        body: null,
        quote: null,
        hiddenReason: 'Off topic',
      });
    });

    it('refuses bidirectional controls in a rule, at their position', async () => {
      const rule = (text: string) =>
        amendmentInput({ changes: [{ kind: 'MODIFY', key: 'parameters.terms', rule: text }] });
      const plain = 'components.modelParameters.available';
      expect(
        (await gql(app.url, PROPOSE_AMENDMENT, { input: rule(plain) }, member.token)).errors,
      ).toBeUndefined();
      for (const control of ['\u202e', '\u2066', '\u200f']) {
        const refused = await gql(
          app.url,
          PROPOSE_AMENDMENT,
          { input: rule(`${plain} ${control}`) },
          member.token,
        );
        expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
        expect(refused.errors?.[0].extensions).toMatchObject({
          ruleError: 'DISALLOWED',
          column: plain.length + 2,
        });
      }
    });

    it('refuses whitespace-only titles and names, and trims the rest', async () => {
      const proposed = await ok(
        app.url,
        PROPOSE_AMENDMENT.replace('number status revision', 'number title'),
        { input: amendmentInput({ title: '  A real title  ' }) },
        member.token,
      );
      expect(proposed.proposeAmendment.title).toBe('A real title');
      for (const input of [
        amendmentInput({ title: ' \t\n ' }),
        amendmentInput({ rationale: '   ' }),
      ]) {
        expect(codes(await gql(app.url, PROPOSE_AMENDMENT, { input }, member.token))).toEqual([
          'BAD_USER_INPUT',
        ]);
      }
      const system = (name: string) => ({
        input: { slug: 'blank-name', name, developer: 'Test', facts: {} },
      });
      const upsert = `mutation ($input: UpsertSystemInput!) { upsertSystem(input: $input) { name } }`;
      expect(codes(await gql(app.url, upsert, system('   '), steward))).toEqual(['BAD_USER_INPUT']);
      expect((await ok(app.url, upsert, system(' Named '), steward)).upsertSystem.name).toBe(
        'Named',
      );
    });

    it(`refuses a licence longer than ${MAX_LICENSE_LENGTH} characters and a __proto__ key`, async () => {
      const upsert = (facts: string) =>
        `mutation { upsertSystem(input: { slug: "licensed", name: "Licensed", developer: "Test",
          facts: ${facts} }) { facts } }`;
      const licensed = (license: string) =>
        upsert(`{ components: { modelParameters: { available: true, license: "${license}" } } }`);
      const longest = `LicenseRef-${'x'.repeat(MAX_LICENSE_LENGTH - 'LicenseRef-'.length)}`;
      expect((await ok(app.url, licensed(longest), {}, steward)).upsertSystem.facts).toEqual({
        components: { modelParameters: { available: true, license: longest } },
      });
      const long = await gql(app.url, licensed(`LicenseRef-${'x'.repeat(3000)}`), {}, steward);
      expect(codes(long)).toEqual(['BAD_USER_INPUT']);
      const proto = await gql(app.url, upsert(`{ __proto__: { components: {} } }`), {}, steward);
      expect(codes(proto)).toEqual(['BAD_USER_INPUT']);
      expect(proto.errors?.[0].message).toMatch(/__proto__/);
    });
  });
});
