import { randomUUID } from 'node:crypto';
import { print, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { AmendmentEventPayload } from '../../src/events/amendment-event.js';
import { EventsService } from '../../src/events/events.service.js';
import { ok } from '../../testkit/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { operation, votingAmendment, type VotingAmendment } from './support.js';

const AmendmentEvents = print(operation('AmendmentEvents'));
const CastVote = print(operation('CastVote'));

interface Event {
  action: string;
  toState: string | null;
  actor: { id: string; handle: string; email: string | null } | null;
}

/** A graphql-ws subscription whose results queue up until taken. */
function listen(client: Client, variables: Record<string, unknown>) {
  const inbox: Array<{ event?: Event; errors?: readonly GraphQLFormattedError[] }> = [];
  let wake = () => {};
  const stop = client.subscribe<{ amendmentEvents: Event }>(
    { query: AmendmentEvents, variables },
    {
      next: (result) =>
        inbox.push({ event: result.data?.amendmentEvents, errors: result.errors }) && wake(),
      error: (errors) => inbox.push({ errors: errors as GraphQLFormattedError[] }) && wake(),
      complete: () => {},
    },
  );
  const take = async (timeoutMs = 5_000) => {
    const deadline = Date.now() + timeoutMs;
    while (inbox.length === 0 && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    if (inbox.length === 0) throw new Error(`Nothing within ${timeoutMs} ms`);
    return inbox.shift()!;
  };
  return { take, stop, pending: () => inbox.length };
}

describe('graphql-ws', () => {
  let app: TestApp;
  let voting: VotingAmendment;
  const clients: Client[] = [];
  const connect = (token?: string) => {
    const client = createClient({
      url: app.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
    clients.push(client);
    return client;
  };

  /**
   * The protocol does not acknowledge a subscription: probe events are published (as the
   * services do, in a committed transaction) until every subscriber has had one.
   */
  async function live(...subscriptions: Array<ReturnType<typeof listen>>): Promise<void> {
    const probe: AmendmentEventPayload = {
      definition: 'osaid',
      number: voting.number,
      amendmentId: randomUUID(),
      action: 'test.probe',
      fromState: null,
      toState: null,
      actorId: null,
      at: new Date().toISOString(),
    };
    const events = app.nest.get(EventsService);
    const waiting = new Set(subscriptions);
    for (let attempt = 0; attempt < 50 && waiting.size > 0; attempt++) {
      await app.dataSource.transaction((manager) => events.publish(manager, probe));
      for (const subscription of [...waiting]) {
        try {
          if ((await subscription.take(200)).event?.action === 'test.probe') {
            waiting.delete(subscription);
          }
        } catch {
          // not subscribed yet
        }
      }
    }
    expect(waiting.size).toBe(0);
    // Probes already on their way.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const subscription of subscriptions) {
      while (subscription.pending() > 0) {
        expect((await subscription.take()).event?.action).toBe('test.probe');
      }
    }
  }

  beforeAll(async () => {
    app = await startTestApp();
    voting = await votingAmendment(app);
  });
  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await app?.close();
  });

  it('receives the vote.cast event of an amendment, signed in through connectionParams', async () => {
    const voter = voting.committee[1];
    const variables = { definition: 'osaid', number: voting.number };
    const signedIn = listen(connect(voter.token), variables);
    const anonymous = listen(connect(), variables);
    await live(signedIn, anonymous);

    await ok(app.url, CastVote, { input: { ...variables, choice: 'REJECT' } }, voter.token);

    const seen = await signedIn.take();
    expect(seen.errors).toBeUndefined();
    // The voter's own email is shown only to the voter: the token in connectionParams signed in.
    expect(seen.event).toMatchObject({
      action: 'vote.cast',
      actor: { handle: voter.handle, email: voter.email },
    });
    const seenByAnyone = await anonymous.take();
    expect(seenByAnyone.event).toMatchObject({
      action: 'vote.cast',
      actor: { id: seen.event!.actor!.id, handle: voter.handle, email: null },
    });
    signedIn.stop();
    anonymous.stop();
  });

  it('holds a subscription to the same rules and limits as a query', async () => {
    const client = connect();
    const refusal = async (query: string) =>
      new Promise<readonly GraphQLFormattedError[]>((resolve) => {
        client.subscribe(
          { query, variables: { definition: 'osaid', number: voting.number } },
          {
            next: (result) => resolve(result.errors ?? []),
            error: (errors) => resolve(errors as GraphQLFormattedError[]),
            complete: () => resolve([]),
          },
        );
      });
    const on = `($definition: String!, $number: Int!) { amendmentEvents(definition: $definition, number: $number)`;
    // Not a field of the schema: validated as over HTTP.
    const unknown = await refusal(`subscription ${on} { nope } }`);
    expect(unknown.map((error) => error.message)).toEqual([
      expect.stringMatching(/Cannot query field "nope"/),
    ]);
    // A chain of fragments, each spreading the one before twice: refused by cost, at once.
    let chain = `subscription ${on} { ...F30 } }\nfragment F0 on AmendmentEvent { action }\n`;
    for (let i = 1; i <= 30; i++)
      chain += `fragment F${i} on AmendmentEvent { ...F${i - 1} ...F${i - 1} }\n`;
    const costly = await refusal(chain);
    expect(costly.map((error) => error.extensions?.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses a subscription whose connectionParams carry a bad token', async () => {
    const refused = listen(connect('not-a-token'), { definition: 'osaid', number: voting.number });
    const { errors } = await refused.take();
    expect(errors?.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
