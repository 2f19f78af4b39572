import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import type { Access } from '../src/common/auth/decorators.js';
import {
  addComment,
  amendmentInput,
  committeeMember,
  draftVersion,
  PROPOSE_AMENDMENT,
  proposeAmendment,
  raiseConcern,
  signIn,
  signUp,
  stewardToken,
  transition,
  type Account,
} from '../testkit/factories/index.js';
import { codes, gql } from '../testkit/graphql-client.js';
import { POLICY } from './support/policy.js';
import { startTestApp, type TestApp } from './support/test-app.js';

type Caller = 'anonymous' | 'member' | 'committee' | 'steward';
const CALLERS: Caller[] = ['anonymous', 'member', 'committee', 'steward'];
const HELD: Record<Caller, string[]> = {
  anonymous: [],
  member: ['MEMBER'],
  committee: ['MEMBER', 'COMMITTEE'],
  steward: ['MEMBER', 'COMMITTEE', 'STEWARD'],
};

/** What the policy says a caller gets: refused with a code, or let through to the service. */
function expected(access: Access, caller: Caller): 'UNAUTHENTICATED' | 'FORBIDDEN' | 'ALLOWED' {
  if (access.kind === 'public') return 'ALLOWED';
  if (caller === 'anonymous') return 'UNAUTHENTICATED';
  if (access.kind === 'signed-in') return 'ALLOWED';
  return HELD[caller].includes(access.role) ? 'ALLOWED' : 'FORBIDDEN';
}

interface Sample {
  query: string;
  /** Variables for one call; may first create what the caller needs to own (their amendment, comment…). */
  variables: (
    caller: Caller,
    token: string | undefined,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}${++seq}`;
const MODIFY = [{ kind: 'MODIFY', key: 'parameters.terms', title: 'Parameters, any terms' }];

describe('Authorization matrix', () => {
  let app: TestApp;
  const tokens: Partial<Record<Caller, string>> = {};
  const accounts: Partial<Record<Caller, Account>> = {};
  let stewardT: string;

  const propose = async (token: string) =>
    (await proposeAmendment(app, token, amendmentInput({ title: 'Matrix', changes: MODIFY })))
      .number;
  const comment = async (number: number, token: string) =>
    (await addComment(app, token, number, { body: 'A comment' })).id;
  const concern = async (number: number, token: string) =>
    (await raiseConcern(app, token, number, 'A concern')).id;
  const own = (caller: Caller, token: string | undefined) =>
    caller === 'anonymous' ? stewardT : token!;

  let open: number;
  let voting: number;

  const SAMPLES: Record<string, Sample> = {
    signUp: {
      query: `mutation ($input: SignUpInput!) { signUp(input: $input) { token } }`,
      variables: () => {
        const id = unique();
        return {
          input: {
            email: `m${id}@example.org`,
            password: 'a-long-password',
            handle: `m${id}`,
            displayName: 'M',
            organization: '',
            sector: 'INDIVIDUAL',
          },
        };
      },
    },
    signIn: {
      query: `mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`,
      variables: () => ({ e: accounts.member!.email, p: accounts.member!.password }),
    },
    signOut: { query: `mutation { signOut }`, variables: () => ({}) },
    grantRole: {
      query: `mutation ($h: String!) { grantRole(handle: $h, role: MEMBER) { handle } }`,
      variables: () => ({ h: accounts.member!.handle }),
    },
    revokeRole: {
      query: `mutation ($h: String!) { revokeRole(handle: $h, role: COMMITTEE) { handle } }`,
      variables: async () => ({ h: (await committeeMember(app, stewardT)).handle }),
    },
    createDefinition: {
      query: `mutation ($s: String!) { createDefinition(input: { slug: $s, name: "D", stewardOrganization: "O" }) { slug } }`,
      variables: () => ({ s: `d-${unique()}` }),
    },
    createVersion: {
      query: `mutation ($l: String!) { createVersion(input: { definition: "osaid", label: $l, parent: "1.0" }) { label } }`,
      variables: () => ({ l: `9.${unique()}` }),
    },
    upsertCriterion: {
      query: `mutation ($k: String!) { upsertCriterion(input: { definition: "osaid", version: "matrix-draft", key: $k, component: "Code", title: "T", text: "T", rule: "components.trainingCode.available" }) { key } }`,
      variables: () => ({ k: `code.m${unique()}` }),
    },
    removeCriterion: {
      query: `mutation { removeCriterion(definition: "osaid", version: "matrix-draft", key: "code.inference") }`,
      variables: () => ({}),
    },
    upsertSystem: {
      query: `mutation ($s: String!) { upsertSystem(input: { slug: $s, name: "S", developer: "D", facts: {} }) { slug } }`,
      variables: () => ({ s: `s-${unique()}` }),
    },
    recordVerdict: {
      query: `mutation { recordVerdict(input: { system: "pythia", definition: "osaid", version: "1.0", outcome: PASS }) { outcome } }`,
      variables: () => ({}),
    },
    proposeAmendment: {
      query: PROPOSE_AMENDMENT,
      variables: () => ({ input: amendmentInput({ title: 'M', rationale: 'R', changes: MODIFY }) }),
    },
    reviseAmendment: {
      query: `mutation ($n: Int!) { reviseAmendment(definition: "osaid", number: $n, input: { title: "Revised", expectedRevision: 1 }) { revision } }`,
      variables: async (caller, token) => ({ n: await propose(own(caller, token)) }),
    },
    withdrawAmendment: {
      query: `mutation ($n: Int!) { withdrawAmendment(definition: "osaid", number: $n) { status } }`,
      variables: async (caller, token) => ({ n: await propose(own(caller, token)) }),
    },
    openComments: {
      query: `mutation ($n: Int!) { openComments(definition: "osaid", number: $n) { status } }`,
      variables: async () => ({ n: await propose(stewardT) }),
    },
    openVoting: {
      query: `mutation ($n: Int!) { openVoting(definition: "osaid", number: $n) { status } }`,
      variables: async () => ({ n: await propose(stewardT) }),
    },
    closeVoting: {
      query: `mutation ($n: Int!) { closeVoting(definition: "osaid", number: $n) { status } }`,
      variables: async () => {
        const n = await propose(stewardT);
        await transition(app, stewardT, 'openVoting', n);
        return { n };
      },
    },
    addComment: {
      query: `mutation ($n: Int!) { addComment(input: { definition: "osaid", number: $n, body: "Hello" }) { id } }`,
      variables: () => ({ n: open }),
    },
    editComment: {
      query: `mutation ($id: ID!) { editComment(id: $id, body: "Edited") { id } }`,
      variables: async (caller, token) => ({ id: await comment(open, own(caller, token)) }),
    },
    hideComment: {
      query: `mutation ($id: ID!) { hideComment(id: $id, reason: "off topic") { hidden } }`,
      variables: async () => ({ id: await comment(open, tokens.member!) }),
    },
    castVote: {
      query: `mutation ($n: Int!) { castVote(input: { definition: "osaid", number: $n, choice: APPROVE }) { choice } }`,
      variables: () => ({ n: voting }),
    },
    raiseConcern: {
      query: `mutation ($n: Int!) { raiseConcern(definition: "osaid", number: $n, body: "Wait") { id } }`,
      variables: () => ({ n: voting }),
    },
    resolveConcern: {
      query: `mutation ($id: ID!) { resolveConcern(id: $id, resolution: "Done") { open } }`,
      variables: async (caller, token) => ({
        id: await concern(
          voting,
          caller === 'committee' || caller === 'steward' ? token! : tokens.committee!,
        ),
      }),
    },
    ratifyVersion: {
      query: `mutation { ratifyVersion(input: { definition: "osaid", baseVersion: "1.0", label: "9.9", amendments: [999] }) { label } }`,
      variables: () => ({}),
    },
  };

  beforeAll(async () => {
    app = await startTestApp();
    stewardT = await stewardToken(app);
    tokens.steward = stewardT;
    accounts.member = await signUp(app);
    tokens.member = accounts.member.token;
    accounts.committee = await committeeMember(app, stewardT);
    tokens.committee = accounts.committee.token;
    await draftVersion(app, stewardT, { label: 'matrix-draft', parent: '1.0' });
    open = await propose(stewardT);
    await transition(app, stewardT, 'openComments', open);
    voting = await propose(stewardT);
    await transition(app, stewardT, 'openVoting', voting);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('has a sample call for every mutation in schema.gql', () => {
    const mutations = Object.keys(
      buildSchema(readFileSync('schema.gql', 'utf8')).getMutationType()!.getFields(),
    );
    expect(mutations.filter((m) => !SAMPLES[m])).toEqual([]);
  });

  it('gives every caller what the policy table says, for every mutation, and a refusal changes nothing', async () => {
    const outcomes: string[] = [];
    const mismatches: string[] = [];
    for (const [mutation, sample] of Object.entries(SAMPLES)) {
      const access = POLICY[mutation];
      expect([mutation, access]).toEqual([mutation, expect.anything()]);
      for (const caller of CALLERS) {
        // signOut ends the session it is called with, so it gets a session of its own.
        const token =
          caller === 'anonymous'
            ? undefined
            : mutation === 'signOut' && caller !== 'steward'
              ? await signIn(app, accounts[caller]!.email, accounts[caller]!.password)
              : tokens[caller];
        const variables = await sample.variables(caller, token);
        const [{ before }] = await app.sql<{ before: number }>(
          `SELECT count(*)::int AS before FROM audit_events`,
        );
        const result = await gql(
          app.url,
          sample.query,
          variables,
          mutation === 'signOut' && caller === 'steward' ? await stewardToken(app) : token,
        );
        const got = codes(result)[0] ?? 'OK';
        const want = expected(access, caller);
        const refused = got === 'UNAUTHENTICATED' || got === 'FORBIDDEN';
        const matches = want === 'ALLOWED' ? !refused : got === want;
        outcomes.push(`${mutation} as ${caller}: ${got}`);
        if (!matches) mismatches.push(`${mutation} as ${caller}: expected ${want}, got ${got}`);
        if (refused) {
          const [{ after }] = await app.sql<{ after: number }>(
            `SELECT count(*)::int AS after FROM audit_events`,
          );
          if (after !== before)
            mismatches.push(
              `${mutation} as ${caller}: refused but wrote ${after - before} audit event(s)`,
            );
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(outcomes).toHaveLength(Object.keys(SAMPLES).length * CALLERS.length);
  });
});
