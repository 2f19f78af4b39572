import { amendmentInput, proposeAmendment, signUp } from '../testkit/factories/index.js';
import { codes, gql, ok, type GraphQLResponse } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SYSTEMS = `query ($first: Int!, $after: String) { systems(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { slug } } } }`;
const AMENDMENTS = `query ($definition: String!, $status: AmendmentStatus, $first: Int!, $after: String) {
  amendments(definition: $definition, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { number } } } }`;

/** Flips one character in the middle of a cursor. */
const tamper = (cursor: string) => {
  const i = Math.floor(cursor.length / 2);
  return cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
};

/** A refusal of `after` as a user would read it: one BAD_USER_INPUT naming the argument. */
function expectCursorRefused(result: GraphQLResponse<unknown>, why: RegExp): void {
  expect(result.data).toBeNull();
  expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  expect(result.errors![0].extensions).toMatchObject({ field: 'after' });
  expect(result.errors![0].message).toMatch(why);
  expect(result.errors![0].message).toMatch(/leave after out to start from the beginning/);
}

describe('Relay connections', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const member = await signUp(app);
    for (const [definition, baseVersion, key] of [
      ['osaid', '1.0', 'parameters.terms'],
      ['osaid', '1.0', 'parameters.terms'],
      ['osaid', '1.0', 'parameters.terms'],
      ['mof', '1.0', null],
    ] as const) {
      const { version } = await ok(
        app.url,
        `query ($d: String!, $v: String!) { version(definition: $d, label: $v) { criteria { key } } }`,
        { d: definition, v: baseVersion },
      );
      const change = { kind: 'MODIFY', key: key ?? version.criteria[0].key, title: 'Retitled' };
      const input = amendmentInput({ definition, baseVersion, title: 'T', changes: [change] });
      await proposeAmendment(app, member.token, input);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('walks systems forward, with startCursor and hasPreviousPage per page', async () => {
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const data: any = await ok(app.url, SYSTEMS, { first: 4, after });
      pages.push(data.systems);
      after = data.systems.pageInfo.endCursor;
    } while (pages.at(-1).pageInfo.hasNextPage);
    const total = pages[0].totalCount;
    expect(pages.map((page) => page.edges.length)).toEqual(
      Array.from({ length: Math.ceil(total / 4) }, (_, i) => Math.min(4, total - 4 * i)),
    );
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual(pages.map((_, i) => i > 0));
    for (const page of pages) {
      expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    }
    const slugs = pages.flatMap((page) => page.edges.map((edge: any) => edge.node.slug));
    expect(new Set(slugs).size).toBe(total);
  });

  it('refuses a cursor that is garbage, of another connection, altered, or of the old format', async () => {
    const first = (await ok(app.url, SYSTEMS, { first: 2 })).systems;
    const amendments = (await ok(app.url, AMENDMENTS, { definition: 'osaid', first: 1 }))
      .amendments;
    const refused = (after: string) => gql(app.url, SYSTEMS, { first: 2, after });
    expectCursorRefused(await refused('garbage'), /not a cursor/);
    expectCursorRefused(await refused(''), /not a cursor/);
    // What a client held before cursors were checked: the slug, base64url-encoded.
    expectCursorRefused(
      await refused(Buffer.from(first.edges[1].node.slug).toString('base64url')),
      /not a cursor/,
    );
    expectCursorRefused(
      await refused(amendments.pageInfo.endCursor),
      /a cursor of another list, not of systems/,
    );
    expectCursorRefused(await refused(tamper(first.pageInfo.endCursor)), /not a cursor|altered/);
    // A valid one still works, and leads past the first page.
    const second = (await ok(app.url, SYSTEMS, { first: 2, after: first.pageInfo.endCursor }))
      .systems;
    expect(second.edges[0].node.slug > first.edges[1].node.slug).toBe(true);
  });

  it('binds an amendments cursor to its definition and status', async () => {
    const osaid = (await ok(app.url, AMENDMENTS, { definition: 'osaid', first: 1 })).amendments;
    expect(osaid.totalCount).toBe(3);
    const cursor = osaid.pageInfo.endCursor;
    const next = await ok(app.url, AMENDMENTS, { definition: 'osaid', first: 5, after: cursor });
    expect(next.amendments.edges.map((edge: any) => edge.node.number)).toEqual([2, 3]);
    expect(next.amendments.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });

    const elsewhere = [
      { definition: 'mof', first: 5, after: cursor },
      { definition: 'osaid', status: 'DRAFT', first: 5, after: cursor },
    ];
    for (const variables of elsewhere) {
      expectCursorRefused(
        await gql(app.url, AMENDMENTS, variables),
        /altered, or that belongs to amendments with other arguments/,
      );
    }
    // Garbage used to give the first page here.
    expectCursorRefused(
      await gql(app.url, AMENDMENTS, { definition: 'osaid', first: 5, after: 'Mg' }),
      /not a cursor/,
    );
  });
});
