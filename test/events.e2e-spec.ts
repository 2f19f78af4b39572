import { randomUUID } from 'node:crypto';
import type { AmendmentEventPayload } from '../src/events/amendment-event.js';
import { EventsService } from '../src/events/events.service.js';
import { signUp } from '../testkit/factories/index.js';
import { startSecondInstance, type SecondInstance } from './support/second-instance.js';
import { subscribe, type Subscription } from './support/subscriptions.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const EVENTS = `subscription ($definition: String!, $number: Int!) {
  amendmentEvents(definition: $definition, number: $number) {
    definition number action fromState toState at actor { handle roles }
  }
}`;

const event = (overrides: Partial<AmendmentEventPayload> = {}): AmendmentEventPayload => ({
  definition: 'osaid',
  number: 1,
  amendmentId: randomUUID(),
  action: 'amendment.opened',
  fromState: 'DRAFT',
  toState: 'OPEN',
  actorId: null,
  at: new Date().toISOString(),
  ...overrides,
});

/** Publishes as the amendment services do: inside a transaction that commits. */
const publish = (app: TestApp, payload: AmendmentEventPayload) =>
  app.dataSource.transaction((manager) => app.nest.get(EventsService).publish(manager, payload));

/**
 * The protocol does not acknowledge a subscription, so probe events are published
 * until every subscriber has had one; after that the subscriptions are live and
 * later events arrive in commit order.
 */
async function live(
  subs: Subscription<any>[],
  send: (payload: AmendmentEventPayload) => Promise<unknown>,
  target: Partial<AmendmentEventPayload> = {},
): Promise<void> {
  const waiting = new Set(subs);
  for (let attempt = 0; attempt < 50 && waiting.size > 0; attempt++) {
    await send(event({ ...target, action: 'test.probe' }));
    for (const sub of [...waiting]) {
      try {
        const result = await sub.next(200);
        if (result.data?.amendmentEvents.action === 'test.probe') waiting.delete(sub);
      } catch {
        // not subscribed yet
      }
    }
  }
  if (waiting.size > 0) throw new Error('A subscription never became live');
  for (const sub of subs) await drain(sub);
}

/** Probes that were already on their way when the first one arrived. */
async function drain(sub: Subscription<any>): Promise<void> {
  for (;;) {
    try {
      const result = await sub.next(150);
      if (result.data?.amendmentEvents.action !== 'test.probe') {
        throw new Error(`Unexpected event: ${JSON.stringify(result)}`);
      }
    } catch (error) {
      if ((error as Error).message.startsWith('No message')) return;
      throw error;
    }
  }
}

describe('amendmentEvents subscription', () => {
  let app: TestApp;
  const open: Subscription<any>[] = [];
  const subscribeTo = async (url: string, number: number, token?: string) => {
    const sub = await subscribe(url, EVENTS, { definition: 'osaid', number }, token);
    open.push(sub);
    return sub;
  };

  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((sub) => sub.close()));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('delivers a committed event to anonymous subscribers of that amendment only', async () => {
    const sub = await subscribeTo(app.url, 1);
    await live([sub], (payload) => publish(app, payload));

    await publish(app, event({ number: 2, action: 'comment.added' }));
    await publish(app, event({ definition: 'mof', action: 'comment.added' }));
    const at = new Date().toISOString();
    await publish(app, event({ action: 'vote.cast', fromState: null, toState: null, at }));

    // Commit order is kept, so anything for #2 or the MOF would have come first.
    expect(await sub.next()).toEqual({
      data: {
        amendmentEvents: {
          definition: 'osaid',
          number: 1,
          action: 'vote.cast',
          fromState: null,
          toState: null,
          at,
          actor: null,
        },
      },
    });
    await expect(sub.next(300)).rejects.toThrow('No message');
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const sub = await subscribeTo(app.url, 1);
    await live([sub], (payload) => publish(app, payload));

    await expect(
      app.dataSource.transaction(async (manager) => {
        await app.nest.get(EventsService).publish(manager, event({ action: 'rolled.back' }));
        throw new Error('roll it back');
      }),
    ).rejects.toThrow('roll it back');
    await publish(app, event({ action: 'committed' }));

    const result = await sub.next();
    expect(result.data?.amendmentEvents.action).toBe('committed');
    await expect(sub.next(300)).rejects.toThrow('No message');
  });

  it('resolves the actor for a signed-in subscriber', async () => {
    const member = await signUp(app);
    const [{ id }] = await app.sql<{ id: string }>(
      `SELECT id FROM stakeholders WHERE handle = $1`,
      [member.handle],
    );
    const sub = await subscribeTo(app.url, 7, member.token);
    await live([sub], (payload) => publish(app, payload), { number: 7 });

    await publish(app, event({ number: 7, action: 'comment.added', actorId: id }));
    const result = await sub.next();
    expect(result.data?.amendmentEvents.actor).toEqual({
      handle: member.handle,
      roles: ['MEMBER'],
    });
  });

  it('refuses a subscription with a bad token as UNAUTHENTICATED', async () => {
    const sub = await subscribeTo(app.url, 1, 'not-a-token');
    const errors = await sub.refused();
    expect(errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a payload too large for NOTIFY, before anything is sent', async () => {
    await expect(publish(app, event({ action: 'x'.repeat(8000) }))).rejects.toThrow(
      'too large for NOTIFY',
    );
  });
});

// Two processes on one database need a PostgreSQL server: the embedded one is
// private to its process.
const onServer = process.env.DATABASE_URL ? describe : describe.skip;

onServer(
  'amendmentEvents across two servers (needs DATABASE_URL; skipped on the embedded database)',
  () => {
    let first: TestApp;
    let second: SecondInstance;
    const open: Subscription<any>[] = [];

    beforeAll(async () => {
      first = await startTestApp({ seed: false });
      second = await startSecondInstance(first);
    });
    afterAll(async () => {
      await Promise.all(open.map((sub) => sub.close()));
      await second?.close();
      await first?.close();
    });

    it('delivers an event committed through one server to subscribers on the other', async () => {
      const onSecond = await subscribe(second.url, EVENTS, { definition: 'osaid', number: 1 });
      const onFirst = await subscribe(first.url, EVENTS, { definition: 'osaid', number: 1 });
      open.push(onSecond, onFirst);
      await live([onSecond, onFirst], (payload) => publish(first, payload));

      await publish(
        first,
        event({ action: 'amendment.voting-opened', fromState: 'OPEN', toState: 'VOTING' }),
      );

      for (const sub of [onSecond, onFirst]) {
        const result = await sub.next();
        expect(result.data?.amendmentEvents).toMatchObject({
          action: 'amendment.voting-opened',
          fromState: 'OPEN',
          toState: 'VOTING',
        });
      }
    });

    it('listens again after its connection to PostgreSQL is dropped', async () => {
      const sub = await subscribe(second.url, EVENTS, { definition: 'osaid', number: 3 });
      open.push(sub);
      await live([sub], (payload) => publish(first, payload), { number: 3 });

      // As a server restart or failover would: both servers' listening connections go.
      const dropped = await first.sql<{ pid: number }>(
        `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
        WHERE application_name = 'redline-events' AND datname = current_database()`,
      );
      expect(dropped).toHaveLength(2);
      await live([sub], (payload) => publish(first, payload), { number: 3 });

      await publish(first, event({ number: 3, action: 'comment.added' }));
      expect((await sub.next()).data?.amendmentEvents.action).toBe('comment.added');
    });
  },
);
