import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  amendmentInput,
  castVote,
  grantRole,
  proposeAmendment,
  signUp,
  STEWARD,
  stewardAccount,
  transition,
  type Member,
} from '../testkit/factories/index.js';
import { codes, gql, ok } from '../testkit/graphql-client.js';
import { within } from '../testkit/processes.js';
import {
  createScratchDatabase,
  releaseTogether,
  type ScratchDatabase,
} from './support/scratch-database.js';
import { startServer, stopServer, type ServerProcess } from './support/server-process.js';
import { subscribe, type Subscription } from './support/subscriptions.js';

/**
 * Two processes, one database: two built Redline servers, started as an operator
 * would put them behind a load balancer (same configuration, same PostgreSQL
 * database), must behave as one. A vote cast on one is counted on the other; a
 * subscriber on one hears what was done on the other (PostgreSQL LISTEN/NOTIFY,
 * see src/events); ratifications of one version sent to both at once happen once.
 *
 * The embedded database belongs to one process by design, so the suite needs a
 * PostgreSQL server and is skipped without DATABASE_URL.
 */
const onServer = process.env.DATABASE_URL ? describe : describe.skip;

/** A build of its own: `dist/` may be rebuilt under the suite by a developer or a watcher. */
const BUILD = resolve('dist', `two-processes-${process.pid}`);
const MAIN = join(BUILD, 'src', 'main.js');
const NEW_TEXT = 'Parameters are released under OSI-approved terms, as ratified by two servers.';

const RATIFY = `mutation ($base: String!, $label: String!, $n: Int!) {
  ratifyVersion(input: { definition: "osaid", baseVersion: $base, label: $label, amendments: [$n] }) { label status } }`;
const AMENDMENT = `query ($n: Int!) { amendment(definition: "osaid", number: $n) {
  status votes { choice stale voter { handle } }
  tally { approve reject abstain recused stale eligible quorumMet passed } } }`;
const VERSION = `query ($label: String!) { version(definition: "osaid", label: $label) {
  label status parent { label } criteria { key component title text rule } } }`;
const VERSIONS = `{ definition(slug: "osaid") { versions { label status } } }`;
const EVENTS = `subscription ($n: Int!) { amendmentEvents(definition: "osaid", number: $n) {
  number action fromState toState actor { handle } } }`;

/** [action, fromState, toState, actor's handle] of each of the next `count` events. */
async function nextEvents(sub: Subscription<any>, count: number) {
  const events: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const { data, errors } = await sub.next(10_000);
    if (errors?.length) throw new Error(`Subscription errors: ${JSON.stringify(errors)}`);
    const e = data!.amendmentEvents;
    events.push([e.action, e.fromState, e.toState, e.actor?.handle ?? null]);
  }
  return events;
}

const quiet = (sub: Subscription<any>) => expect(sub.next(300)).rejects.toThrow('No message');

onServer(
  'Two Redline processes on one PostgreSQL database (needs DATABASE_URL; skipped on the embedded database)',
  () => {
    let db: ScratchDatabase;
    /** A and B, the two servers; `running` is what afterAll stops, whatever happened. */
    let a: ServerProcess;
    let b: ServerProcess;
    const running: ServerProcess[] = [];
    const subs: Subscription<any>[] = [];
    let steward: Member;
    let proposer: Member;
    const committee: Member[] = [];
    let n: number;
    let onA: Subscription<any>;
    let onB: Subscription<any>;

    /**
     * graphql-transport-ws does not acknowledge a subscription, so probes are sent
     * on the events channel straight from SQL, as any process on the database could,
     * until every subscriber has had one; later events then arrive in commit order.
     */
    async function live(targets: Subscription<any>[]) {
      const probe = JSON.stringify({
        definition: 'osaid',
        number: n,
        amendmentId: randomUUID(),
        action: 'test.probe',
        fromState: null,
        toState: null,
        actorId: null,
        at: new Date().toISOString(),
      });
      const waiting = new Set(targets);
      for (let attempt = 0; attempt < 50 && waiting.size > 0; attempt++) {
        await db.sql(`SELECT pg_notify('redline_events', $1)`, [probe]);
        for (const sub of [...waiting]) {
          const result = await sub.next(200).catch(() => null);
          if (result?.data?.amendmentEvents.action === 'test.probe') waiting.delete(sub);
        }
      }
      if (waiting.size > 0) throw new Error('A subscription never became live');
      // Probes already on their way when the first one arrived.
      for (const sub of targets) {
        for (;;) {
          const result = await sub.next(300).catch(() => null);
          if (!result) break;
          expect(result.data?.amendmentEvents.action).toBe('test.probe');
        }
      }
    }

    /** Proposes a change on `base` through `server` and votes it through to ACCEPTED. */
    async function accepted(server: ServerProcess, base: string, key: string, text: string) {
      const changes = [{ kind: 'MODIFY', key, text }];
      const input = amendmentInput({ baseVersion: base, title: `Reword ${key}`, changes });
      const { number } = await proposeAmendment(server, proposer.token, input);
      await transition(server, steward.token, 'openVoting', number);
      for (const member of committee) await castVote(server, member.token, number, 'APPROVE');
      expect(await transition(server, steward.token, 'closeVoting', number)).toBe('ACCEPTED');
      return number;
    }

    /**
     * Sends each ratification of `base` to its server at the same moment — made certain
     * by holding the base version's row until all of them wait for it, each inside its
     * own transaction — and expects one to win and the others to get CONFLICT, having
     * found the base SUPERSEDED once they had its lock. (Without that lock the database
     * still refuses the second, by the version_frozen trigger or the amendment's row
     * lock, but with another message: the message says which guard held.)
     */
    async function race(
      base: string,
      entries: { server: ServerProcess; label: string; n: number }[],
    ) {
      const answers = await releaseTogether(
        db,
        `SELECT 1 FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
          WHERE d.slug = 'osaid' AND v.label = $1 FOR UPDATE OF v`,
        [base],
        entries.length,
        () =>
          Promise.all(
            entries.map(({ server, label, n }) =>
              gql(server.url, RATIFY, { base, label, n }, steward.token),
            ),
          ),
      );
      const won = entries.filter((_, i) => !answers[i].errors);
      expect(won).toHaveLength(1);
      expect(answers[entries.indexOf(won[0])].data!.ratifyVersion).toEqual({
        label: won[0].label,
        status: 'RATIFIED',
      });
      const lost = entries.filter((_, i) => answers[i].errors);
      for (const entry of lost) {
        const answer = answers[entries.indexOf(entry)];
        expect(codes(answer)).toEqual(['CONFLICT']);
        expect(answer.errors![0].message).toMatch(`Version ${base} is SUPERSEDED`);
      }
      return { winner: won[0], loser: lost[0] };
    }

    const versionCount = async () =>
      (await db.sql<{ count: number }>(`SELECT count(*)::int AS count FROM definition_versions`))[0]
        .count;

    /** The OSAID's ratified and superseded versions, and its amendments with what they were merged into. */
    async function statuses() {
      const versions = await db.sql<{ label: string; status: string }>(
        `SELECT v.label, v.status FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
          WHERE d.slug = 'osaid' AND v.status IN ('RATIFIED', 'SUPERSEDED')`,
      );
      const amendments = await db.sql<{
        number: number;
        status: string;
        mergedInto: string | null;
      }>(
        `SELECT am.number, am.status, v.label AS "mergedInto" FROM amendments am
          LEFT JOIN definition_versions v ON v.id = am.merged_into_id ORDER BY am.number`,
      );
      return {
        versions: Object.fromEntries(versions.map((v) => [v.label, v.status])),
        ratified: versions.filter((v) => v.status === 'RATIFIED').map((v) => v.label),
        amendments,
      };
    }

    beforeAll(async () => {
      await promisify(execFile)('npm', ['run', 'build', '--', '--outDir', BUILD], {
        timeout: 120_000,
      });
      db = await createScratchDatabase(process.env.DATABASE_URL!, 'redline_two_processes');
      // The same configuration for both, as a load balancer's pool would have.
      const env = {
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        STEWARD_EMAIL: STEWARD.email,
        STEWARD_PASSWORD: STEWARD.password,
        DATABASE_URL: db.url,
      };
      // One after the other: the first migrates the empty database and seeds it. Started
      // together, one of the two often exits on a duplicate-key error: migrations take no
      // lock (src/common/database/database.ts), unlike seeding and the steward account.
      a = await startServer(MAIN, env, 30_000);
      running.push(a);
      b = await startServer(MAIN, env, 30_000);
      running.push(b);

      // Accounts made on one process and used on the other: sessions live in the database.
      steward = await stewardAccount(a);
      for (let i = 0; i < 4; i++) {
        const member = await signUp(i % 2 ? a : b, { handle: `member-${i}` });
        if (i === 0) proposer = member;
        else {
          await grantRole(b, steward.token, member.handle);
          committee.push(member);
        }
      }
    }, 180_000);

    afterAll(async () => {
      await Promise.all(
        subs.map((sub) => within(sub.close(), 5_000, 'a subscription to close').catch(() => null)),
      );
      for (const server of running) {
        if (server.gone()) continue;
        await stopServer(server, 'SIGTERM', 10_000).catch(() =>
          stopServer(server, 'SIGKILL', 10_000).catch(() => undefined),
        );
      }
      await db?.drop();
      rmSync(BUILD, { recursive: true, force: true });
    }, 60_000);

    it('tells a subscriber on B, over its WebSocket, what mutations sent to A did', async () => {
      const input = amendmentInput({
        title: 'Say how parameters must be released',
        rationale: 'Ratified by whichever server is asked first.',
        changes: [{ kind: 'MODIFY', key: 'parameters.terms', text: NEW_TEXT }],
      });
      const proposed = await proposeAmendment(a, proposer.token, input);
      n = proposed.number;
      expect(proposed.status).toBe('DRAFT');
      // Signed in on B with a token A issued, and anonymously on A.
      onB = await subscribe(b.url, EVENTS, { n }, steward.token);
      onA = await subscribe(a.url, EVENTS, { n });
      subs.push(onB, onA);
      await live([onB, onA]);

      expect(await transition(a, steward.token, 'openComments', n)).toBe('OPEN');
      expect(await transition(a, steward.token, 'openVoting', n)).toBe('VOTING');
      await castVote(a, committee[0].token, n, 'APPROVE');

      const expected = [
        ['amendment.openComments', 'DRAFT', 'OPEN', steward.handle],
        ['amendment.openVoting', 'OPEN', 'VOTING', steward.handle],
        ['vote.cast', null, null, committee[0].handle],
      ];
      expect(await nextEvents(onB, 3)).toEqual(expected);
      expect(await nextEvents(onA, 3)).toEqual(expected);
      await quiet(onB);
    });

    it('counts on B the votes cast through A, and on A those cast through B', async () => {
      const tallyOn = async (server: ServerProcess) => {
        const { amendment } = await ok(server.url, AMENDMENT, { n });
        amendment.votes.sort((x: any, y: any) => x.voter.handle.localeCompare(y.voter.handle));
        return amendment;
      };
      await castVote(a, committee[1].token, n, 'APPROVE');
      expect((await tallyOn(b)).tally).toMatchObject({ approve: 2, reject: 0 });
      await castVote(b, committee[2].token, n, 'REJECT');
      expect((await tallyOn(a)).tally).toMatchObject({ approve: 2, reject: 1 });
      // A change of mind through A replaces the vote cast through B.
      await castVote(a, committee[2].token, n, 'APPROVE');

      const seenByB = await tallyOn(b);
      expect(seenByB).toEqual({
        status: 'VOTING',
        votes: committee.map((member) => ({
          choice: 'APPROVE',
          stale: false,
          voter: { handle: member.handle },
        })),
        // The three committee members and the steward are eligible; three of four is a quorum.
        tally: {
          approve: 3,
          reject: 0,
          abstain: 0,
          recused: 0,
          stale: 0,
          eligible: 4,
          quorumMet: true,
          passed: true,
        },
      });
      expect(await tallyOn(a)).toEqual(seenByB);
      const [{ count }] = await db.sql<{ count: number }>(
        `SELECT count(*)::int AS count FROM votes v JOIN amendments am ON am.id = v.amendment_id
          WHERE am.number = $1`,
        [n],
      );
      expect(count).toBe(3);

      const votes = committee.slice(1).map((m) => ['vote.cast', null, null, m.handle]);
      const expected = [votes[0], votes[1], votes[1]];
      expect(await nextEvents(onB, 3)).toEqual(expected);
      expect(await nextEvents(onA, 3)).toEqual(expected);
    });

    it('ratifies exactly once when both processes are asked at the same moment', async () => {
      expect(await transition(b, steward.token, 'closeVoting', n)).toBe('ACCEPTED');
      const before = await versionCount();

      const { winner, loser } = await race('1.0', [
        { server: a, label: '1.1-a', n },
        { server: b, label: '1.1-b', n },
      ]);

      // In the database: one new version, ratified from 1.0, now superseded; the amendment merged into it.
      expect(await versionCount()).toBe(before + 1);
      const { versions, ratified, amendments } = await statuses();
      expect(versions).toMatchObject({ '1.0': 'SUPERSEDED', [winner.label]: 'RATIFIED' });
      expect(ratified).toEqual([winner.label]);
      expect(amendments).toEqual([{ number: n, status: 'MERGED', mergedInto: winner.label }]);

      // What a user would check: both servers give the same answers.
      const version = await ok(a.url, VERSION, { label: winner.label });
      expect(version.version).toMatchObject({ status: 'RATIFIED', parent: { label: '1.0' } });
      const terms = version.version.criteria.find((c: any) => c.key === 'parameters.terms');
      expect(terms.text).toBe(NEW_TEXT);
      expect(await ok(b.url, VERSION, { label: winner.label })).toEqual(version);
      expect(await ok(b.url, VERSIONS)).toEqual(await ok(a.url, VERSIONS));
      for (const server of [a, b]) {
        expect(codes(await gql(server.url, VERSION, { label: loser.label }))).toEqual([
          'NOT_FOUND',
        ]);
        expect((await ok(server.url, AMENDMENT, { n })).amendment.status).toBe('MERGED');
      }

      // Both subscribers hear of the merge once, whichever server did it.
      const expected = [
        ['amendment.accept', 'VOTING', 'ACCEPTED', steward.handle],
        ['amendment.merged', 'ACCEPTED', 'MERGED', steward.handle],
      ];
      expect(await nextEvents(onB, 2)).toEqual(expected);
      expect(await nextEvents(onA, 2)).toEqual(expected);
      await quiet(onB);
      await quiet(onA);
    });

    it('lets through one of two different ratifications of one base at once, never both', async () => {
      // Each merges its own amendment, so only their common base stands between the two.
      const [base] = (await statuses()).ratified;
      const first = await accepted(a, base, 'code.training', 'Training code, complete.');
      const second = await accepted(b, base, 'code.inference', 'Inference code, complete.');
      const before = await versionCount();

      const { winner, loser } = await race(base, [
        { server: a, label: '1.2-a', n: first },
        { server: b, label: '1.2-b', n: second },
      ]);

      expect(await versionCount()).toBe(before + 1);
      const { versions, ratified, amendments } = await statuses();
      expect(versions).toMatchObject({ [base]: 'SUPERSEDED', [winner.label]: 'RATIFIED' });
      expect(ratified).toEqual([winner.label]);
      expect(amendments.slice(1)).toEqual(
        [
          { number: winner.n, status: 'MERGED', mergedInto: winner.label },
          { number: loser.n, status: 'ACCEPTED', mergedInto: null },
        ].sort((x, y) => x.number - y.number),
      );
      expect(await ok(b.url, VERSIONS)).toEqual(await ok(a.url, VERSIONS));
    });
  },
);
