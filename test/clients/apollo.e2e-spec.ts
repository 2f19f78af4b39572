import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client/core';
import { relayStylePagination } from '@apollo/client/utilities';
import { map } from 'rxjs';
import { signUp } from '../../testkit/factories/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { countingFetch, operation, votingAmendment, type VotingAmendment } from './support.js';

const SystemsPage = operation<Page>('SystemsPage');
const AmendmentTally = operation('AmendmentTally');
const CastVote = operation('CastVote');
const AmendmentThread = operation('AmendmentThread');
const Me = operation('Me');

interface Page {
  systems: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; slug: string } }>;
  };
}

/** An Apollo Client as an application would make one, with the HTTP requests and pages it receives counted. */
function apollo(app: TestApp, token?: string) {
  const http = countingFetch();
  const pages: Page['systems'][] = [];
  const recordPages = new ApolloLink((op, forward) =>
    forward(op).pipe(
      map((result) => {
        const systems = (result.data as Partial<Page> | undefined)?.systems;
        if (systems) pages.push(systems);
        return result;
      }),
    ),
  );
  const cache = new InMemoryCache({
    typePolicies: { Query: { fields: { systems: relayStylePagination() } } },
  });
  const client = new ApolloClient({
    link: ApolloLink.from([
      recordPages,
      new HttpLink({
        uri: app.url,
        fetch: http.fetch,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    ]),
    cache,
  });
  return { client, cache, requests: http.requests, pages };
}

describe('Apollo Client (InMemoryCache)', () => {
  let app: TestApp;
  let voting: VotingAmendment;

  beforeAll(async () => {
    app = await startTestApp();
    voting = await votingAmendment(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('walks systems with first/after to the end, every system once, in pages of the size asked', async () => {
    const { client, cache, requests, pages } = apollo(app);
    const watched = client.watchQuery({ query: SystemsPage, variables: { first: 4 } });
    let subscription: { unsubscribe(): void } | undefined;
    await new Promise<void>((resolve, reject) => {
      subscription = watched.subscribe({
        next: (result) => (result.loading ? undefined : resolve()),
        error: reject,
      });
    });
    try {
      while (pages.at(-1)!.pageInfo.hasNextPage) {
        await watched.fetchMore({ variables: { after: pages.at(-1)!.pageInfo.endCursor } });
      }
    } finally {
      subscription!.unsubscribe();
    }
    const slugs = (
      await app.sql<{ slug: string }>(`SELECT slug FROM ai_systems ORDER BY slug`)
    ).map((row) => row.slug);
    const pageSizes = Array.from({ length: Math.ceil(slugs.length / 4) }, (_, i) =>
      Math.min(4, slugs.length - 4 * i),
    );
    // The pages as the server sent them, one request each.
    const received = pages;
    expect(received.map((page) => page.edges.length)).toEqual(pageSizes);
    expect(received.map((page) => page.pageInfo.hasPreviousPage)).toEqual(
      pageSizes.map((_, i) => i > 0),
    );
    expect(requests()).toBe(pages.length);
    // The list as the cache merged it: every system once, in order, each one a normalised entry.
    const merged = client.readQuery<Page>({ query: SystemsPage, variables: { first: 4 } })!;
    expect(merged.systems.edges.map((edge) => edge.node.slug)).toEqual(slugs);
    expect(merged.systems.pageInfo.hasNextPage).toBe(false);
    const entries = cache.extract();
    for (const { node } of merged.systems.edges) {
      expect(entries[cache.identify({ __typename: 'AiSystem', id: node.id })!]).toMatchObject({
        slug: node.slug,
      });
    }
  });

  it('updates a cached tally from castVote’s answer, without refetching', async () => {
    const voter = voting.committee[0];
    const { client, cache, requests } = apollo(app, voter.token);
    const variables = { definition: 'osaid', number: voting.number };
    const before = await client.query({ query: AmendmentTally, variables });
    expect(before.data!.amendment.tally).toMatchObject({ approve: 0, reject: 0, passed: false });
    expect(requests()).toBe(1);

    const { data } = await client.mutate({
      mutation: CastVote,
      variables: { input: { ...variables, choice: 'APPROVE' } },
    });
    expect(data!.castVote.amendment.id).toBe(before.data!.amendment.id);
    expect(requests()).toBe(2);

    // The query's result, read back from the cache alone: the tally the mutation brought.
    const cached = client.readQuery({ query: AmendmentTally, variables })!;
    expect(cached.amendment.tally).toMatchObject({ approve: 1, reject: 0 });
    const cacheOnly = await client.query({
      query: AmendmentTally,
      variables,
      fetchPolicy: 'cache-only',
    });
    expect(cacheOnly.data!.amendment.tally.approve).toBe(1);
    expect(requests()).toBe(2);
    const vote = cache.identify({ __typename: 'Vote', id: data!.castVote.id })!;
    expect(cache.extract()[vote]).toMatchObject({ choice: 'APPROVE' });

    // And the server agrees.
    const fresh = await client.query({
      query: AmendmentTally,
      variables,
      fetchPolicy: 'network-only',
    });
    expect(fresh.data!.amendment.tally).toEqual(cached.amendment.tally);
  });

  it('keeps the signed-in stakeholder’s email when the same stakeholder is reached another way', async () => {
    const { client } = apollo(app, voting.proposer.token);
    const me = await client.query({ query: Me });
    expect(me.data!.me.email).toBe(voting.proposer.email);
    const thread = await client.query({
      query: AmendmentThread,
      variables: { definition: 'osaid', number: voting.number },
    });
    // One cache entry for the proposer, reached as `me` and as the amendment's proposer.
    expect(thread.data!.amendment.proposer.id).toBe(me.data!.me.id);
    expect(client.readQuery({ query: Me })!.me.email).toBe(voting.proposer.email);

    // Anyone else is shown no email, on any path.
    const other = apollo(app, (await signUp(app)).token).client;
    const seen = await other.query({
      query: AmendmentThread,
      variables: { definition: 'osaid', number: voting.number },
    });
    expect(seen.data!.amendment.proposer.email).toBeNull();
  });
});
