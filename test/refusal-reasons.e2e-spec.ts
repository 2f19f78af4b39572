import {
  amendmentAt,
  amendmentInput,
  committeeMember,
  PROPOSE_AMENDMENT,
  signUp,
  STEWARD,
  stewardToken,
  type Account,
} from '../testkit/factories/index.js';
import { gql, ok, type GraphQLResponse } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Each refusal a client can meet in the governance workflow, with the code and the reason
 * (docs/errors.md) it must carry: a client tells one CONFLICT from another by the reason.
 */

type Refusal = () => Promise<GraphQLResponse<unknown>>;

const refusalOf = (result: GraphQLResponse<unknown>) => {
  const [error] = result.errors ?? [];
  return { code: error?.extensions?.code, reason: error?.extensions?.reason };
};

describe('Refusal reasons', () => {
  let app: TestApp;
  let steward: string;
  let member: Account;
  let other: Account;
  let voters: Account[];
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    gql(app.url, query, variables, token);

  beforeAll(async () => {
    app = await startTestApp();
    steward = await stewardToken(app);
    member = await signUp(app);
    other = await signUp(app);
    voters = [await committeeMember(app, steward), await committeeMember(app, steward)];
  });
  afterAll(async () => {
    await app?.close();
  });

  const people = () => ({ steward, proposer: member.token, voters });
  const step = (mutation: string, number: number, token: string) =>
    call(`mutation ($n: Int!) { ${mutation} }`, { n: number }, token);
  const comment = (number: number, token: string, extra = '') =>
    call(
      `mutation ($n: Int!) { addComment(input: { definition: "osaid", number: $n, body: "A comment" ${extra} }) { id } }`,
      { n: number },
      token,
    );
  const vote = (number: number, token: string) =>
    call(
      `mutation ($n: Int!) { castVote(input: { definition: "osaid", number: $n, choice: APPROVE }) { choice } }`,
      { n: number },
      token,
    );
  const ratify = (numbers: number[], extra = '') =>
    call(
      `mutation ($a: [Int!]!) { ratifyVersion(input: { definition: "osaid", baseVersion: "1.0",
        label: "9.${numbers.join('-')}", amendments: $a ${extra} }) { label } }`,
      { a: numbers },
      steward,
    );

  const cases: Record<
    string,
    [code: string, reason: string, refusal: () => Refusal | Promise<Refusal>]
  > = {
    'an amendment that does not exist': [
      'NOT_FOUND',
      'NO_AMENDMENT',
      () => () => step('openComments(definition: "osaid", number: $n) { status }', 999, steward),
    ],
    'a step not allowed from the status': [
      'CONFLICT',
      'WRONG_STATUS',
      async () => {
        const n = await amendmentAt(app, 'WITHDRAWN', people());
        return () => step('openComments(definition: "osaid", number: $n) { status }', n, steward);
      },
    ],
    'a revision of an older revision': [
      'CONFLICT',
      'STALE_REVISION',
      async () => {
        const n = await amendmentAt(app, 'DRAFT', people());
        const revise = (revision: number) =>
          call(
            `mutation ($n: Int!, $r: Int!) { reviseAmendment(definition: "osaid", number: $n,
              input: { expectedRevision: $r, title: "Revised" }) { revision } }`,
            { n, r: revision },
            member.token,
          );
        expect((await revise(1)).errors).toBeUndefined();
        return () => revise(1);
      },
    ],
    'a proposal against a version that is not the ratified one': [
      'CONFLICT',
      'BASE_NOT_RATIFIED',
      () => () =>
        call(
          PROPOSE_AMENDMENT,
          { input: amendmentInput({ baseVersion: '1.0-RC1' }) },
          member.token,
        ),
    ],
    'a comment after the comment period': [
      'CONFLICT',
      'COMMENTS_CLOSED',
      async () => {
        const n = await amendmentAt(app, 'ACCEPTED', people());
        return () => comment(n, member.token);
      },
    ],
    'a vote once voting has closed': [
      'CONFLICT',
      'VOTING_CLOSED',
      async () => {
        const n = await amendmentAt(app, 'REJECTED', people());
        return () => vote(n, voters[0].token);
      },
    ],
    'a vote before voting opens': [
      'CONFLICT',
      'WRONG_STATUS',
      async () => {
        const n = await amendmentAt(app, 'OPEN', people());
        return () => vote(n, voters[0].token);
      },
    ],
    'a revision by someone other than the proposer': [
      'FORBIDDEN',
      'NOT_PROPOSER',
      async () => {
        const n = await amendmentAt(app, 'DRAFT', people());
        return () =>
          call(
            `mutation ($n: Int!) { reviseAmendment(definition: "osaid", number: $n,
              input: { expectedRevision: 1, title: "Mine now" }) { revision } }`,
            { n },
            other.token,
          );
      },
    ],
    'an edit of someone else’s comment': [
      'FORBIDDEN',
      'NOT_AUTHOR',
      async () => {
        const n = await amendmentAt(app, 'OPEN', people());
        const { data } = await comment(n, member.token);
        const id = (data as any).addComment.id as string;
        return () =>
          call(
            `mutation ($id: ID!) { editComment(id: $id, body: "Edited") { id } }`,
            { id },
            other.token,
          );
      },
    ],
    'an edit of a hidden comment': [
      'CONFLICT',
      'COMMENT_HIDDEN',
      async () => {
        const n = await amendmentAt(app, 'OPEN', people());
        const { data } = await comment(n, member.token);
        const id = (data as any).addComment.id as string;
        await ok(
          app.url,
          `mutation ($id: ID!) { hideComment(id: $id, reason: "Off topic") { id } }`,
          { id },
          steward,
        );
        return () =>
          call(
            `mutation ($id: ID!) { editComment(id: $id, body: "Edited") { id } }`,
            { id },
            member.token,
          );
      },
    ],
    'a reply to a comment of another amendment': [
      'BAD_USER_INPUT',
      'REPLY_ELSEWHERE',
      async () => {
        const first = await amendmentAt(app, 'OPEN', people());
        const second = await amendmentAt(app, 'OPEN', people());
        const { data } = await comment(first, member.token);
        const id = (data as any).addComment.id as string;
        return () => comment(second, member.token, `, parentId: "${id}"`);
      },
    ],
    'a comment that does not exist': [
      'NOT_FOUND',
      'NO_COMMENT',
      () => () =>
        call(
          `mutation { editComment(id: "00000000-0000-4000-8000-000000000000", body: "Edited") { id } }`,
          {},
          member.token,
        ),
    ],
    'a concern resolved by someone else': [
      'FORBIDDEN',
      'NOT_RAISER',
      async () => {
        const n = await amendmentAt(app, 'VOTING', people());
        const raised = await ok(
          app.url,
          `mutation ($n: Int!) { raiseConcern(definition: "osaid", number: $n, body: "Blocking") { id } }`,
          { n },
          voters[0].token,
        );
        return () =>
          call(
            `mutation ($id: ID!) { resolveConcern(id: $id, resolution: "Not mine") { id } }`,
            { id: raised.raiseConcern.id },
            voters[1].token,
          );
      },
    ],
    'a concern resolved twice': [
      'CONFLICT',
      'CONCERN_RESOLVED',
      async () => {
        const n = await amendmentAt(app, 'VOTING', people());
        const raised = await ok(
          app.url,
          `mutation ($n: Int!) { raiseConcern(definition: "osaid", number: $n, body: "Blocking") { id } }`,
          { n },
          voters[0].token,
        );
        const resolve = () =>
          call(
            `mutation ($id: ID!) { resolveConcern(id: $id, resolution: "Settled") { id } }`,
            { id: raised.raiseConcern.id },
            voters[0].token,
          );
        expect((await resolve()).errors).toBeUndefined();
        return resolve;
      },
    ],
    'a concern that does not exist': [
      'NOT_FOUND',
      'NO_CONCERN',
      () => () =>
        call(
          `mutation { resolveConcern(id: "00000000-0000-4000-8000-000000000000", resolution: "x") { id } }`,
          {},
          voters[0].token,
        ),
    ],
    'a deadline in the past': [
      'BAD_USER_INPUT',
      'INVALID_DEADLINE',
      async () => {
        const n = await amendmentAt(app, 'DRAFT', people());
        return () =>
          step(
            'openComments(definition: "osaid", number: $n, closesAt: "2000-01-01T00:00:00Z") { status }',
            n,
            steward,
          );
      },
    ],
    'ratifying an amendment that is not accepted': [
      'CONFLICT',
      'NOT_ACCEPTED',
      async () => {
        const n = await amendmentAt(app, 'VOTING', people());
        return () => ratify([n]);
      },
    ],
    'ratifying amendments that touch one criterion, order unconfirmed': [
      'CONFLICT',
      'ORDER_UNCONFIRMED',
      async () => {
        const a = await amendmentAt(app, 'ACCEPTED', people());
        const b = await amendmentAt(app, 'ACCEPTED', people());
        return () => ratify([a, b]);
      },
    ],
    'a change that cannot apply': [
      'BAD_USER_INPUT',
      'CHANGE_NOT_APPLICABLE',
      () => () =>
        call(
          PROPOSE_AMENDMENT,
          { input: amendmentInput({ changes: [{ kind: 'REMOVE', key: 'no.such-criterion' }] }) },
          member.token,
        ),
    ],
    'a rule that does not check': [
      'BAD_USER_INPUT',
      'RULE_REFUSED',
      () => () =>
        call(
          PROPOSE_AMENDMENT,
          {
            input: amendmentInput({
              changes: [{ kind: 'MODIFY', key: 'parameters.terms', rule: 'components.nope' }],
            }),
          },
          member.token,
        ),
    ],
    'a version that does not exist': [
      'NOT_FOUND',
      'NO_VERSION',
      () => () => call(`{ version(definition: "osaid", label: "9.9") { label } }`),
    ],
    'a definition that does not exist': [
      'NOT_FOUND',
      'NO_DEFINITION',
      () => () => call(`{ definition(slug: "nope") { slug } }`),
    ],
    'editing the criteria of a ratified version': [
      'CONFLICT',
      'VERSION_NOT_DRAFT',
      () => () =>
        call(
          `mutation { removeCriterion(definition: "osaid", version: "1.0", key: "code.training") }`,
          {},
          steward,
        ),
    ],
    'a system that does not exist': [
      'NOT_FOUND',
      'NO_SYSTEM',
      () => () => call(`{ system(slug: "nope") { slug } }`),
    ],
    'facts outside the facts schema': [
      'BAD_USER_INPUT',
      'INVALID_FACTS',
      () => () =>
        call(
          `mutation { upsertSystem(input: { slug: "bad-facts", name: "Bad", developer: "Test",
            facts: { components: { weights: { available: true } } } }) { slug } }`,
          {},
          steward,
        ),
    ],
    'an operation that needs a signed-in caller': [
      'UNAUTHENTICATED',
      'SIGN_IN_REQUIRED',
      () => () => call(PROPOSE_AMENDMENT, { input: amendmentInput() }),
    ],
    'an operation that needs a role': [
      'FORBIDDEN',
      'ROLE_REQUIRED',
      () => () => vote(1, member.token),
    ],
    'a wrong password': [
      'UNAUTHENTICATED',
      'WRONG_CREDENTIALS',
      () => () =>
        call(
          `mutation ($e: String!) { signIn(email: $e, password: "not-the-password") { token } }`,
          { e: STEWARD.email },
        ),
    ],
    'a taken email': [
      'CONFLICT',
      'EMAIL_TAKEN',
      () => () =>
        call(
          `mutation ($e: String!) { signUp(input: { email: $e, password: "a-long-enough-password",
            handle: "someone-new", displayName: "New", sector: ACADEMIA }) { token } }`,
          { e: member.email },
        ),
    ],
    'revoking the last steward': [
      'CONFLICT',
      'LAST_STEWARD',
      async () => {
        const me = await ok(app.url, `{ me { handle } }`, {}, steward);
        return () =>
          call(
            `mutation ($h: String!) { revokeRole(handle: $h, role: STEWARD) { handle } }`,
            { h: me.me.handle },
            steward,
          );
      },
    ],
    'a cursor of another list': [
      'BAD_USER_INPUT',
      'INVALID_CURSOR',
      async () => {
        const page = await ok(app.url, `{ systems(first: 1) { pageInfo { endCursor } } }`);
        return () =>
          call(`query ($a: String) { amendments(definition: "osaid", after: $a) { totalCount } }`, {
            a: page.systems.pageInfo.endCursor,
          });
      },
    ],
  };

  it.each(Object.keys(cases))('refuses %s with its code and reason', async (name) => {
    const [code, reason, prepare] = cases[name];
    const refusal = await prepare();
    expect(refusalOf(await refusal())).toEqual({ code, reason });
  });
});
