import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { countingFetch, operation, votingAmendment, type VotingAmendment } from './support.js';

const AmendmentTally = operation('AmendmentTally');
const AddComment = operation('AddComment');
const AddCommentToAmendment = operation('AddCommentToAmendment');
const CastVote = operation('CastVote');

/** urql with its default document cache, as an application would set it up. */
function urql(app: TestApp, token: string) {
  const http = countingFetch();
  const client = new Client({
    url: app.url,
    exchanges: [cacheExchange, fetchExchange],
    fetch: http.fetch,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
  });
  return { client, requests: http.requests };
}

describe('urql (document cache)', () => {
  let app: TestApp;
  let voting: VotingAmendment;

  beforeAll(async () => {
    app = await startTestApp();
    voting = await votingAmendment(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('serves a repeated query from its cache, and refetches it after a mutation that returns the Amendment', async () => {
    const { client, requests } = urql(app, voting.committee[0].token);
    const variables = { definition: 'osaid', number: voting.number };
    const read = async () => {
      const result = await client.query(AmendmentTally, variables).toPromise();
      expect(result.error).toBeUndefined();
      return {
        approve: result.data!.amendment.tally.approve as number,
        cache: result.operation.context.meta?.cacheOutcome,
      };
    };
    const comment = (body: string) => ({ input: { ...variables, body } });

    expect(await read()).toEqual({ approve: 0, cache: 'miss' });
    expect(requests()).toBe(1);
    expect(await read()).toEqual({ approve: 0, cache: 'hit' });
    expect(requests()).toBe(1);

    // A mutation whose answer names no Amendment leaves the cached amendment alone …
    expect(
      (await client.mutation(AddComment, comment('A remark')).toPromise()).error,
    ).toBeUndefined();
    expect(await read()).toEqual({ approve: 0, cache: 'hit' });
    // … while the same mutation asking for its amendment invalidates it.
    const added = await client.mutation(AddCommentToAmendment, comment('Another')).toPromise();
    expect(added.data!.addComment.amendment.__typename).toBe('Amendment');
    const afterComment = requests();
    expect(await read()).toEqual({ approve: 0, cache: 'miss' });
    expect(requests()).toBe(afterComment + 1);

    // castVote answers with the amendment: the next read is fresh, and shows the vote.
    const vote = await client
      .mutation(CastVote, { input: { ...variables, choice: 'APPROVE' } })
      .toPromise();
    expect(vote.error).toBeUndefined();
    expect(vote.data!.castVote.amendment.tally.approve).toBe(1);
    const afterVote = requests();
    expect(await read()).toEqual({ approve: 1, cache: 'miss' });
    expect(requests()).toBe(afterVote + 1);
    expect(await read()).toEqual({ approve: 1, cache: 'hit' });
  });
});
