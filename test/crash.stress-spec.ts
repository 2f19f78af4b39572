import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from '../testkit/seeded-random.js';
import { sleep, within } from '../testkit/processes.js';
import { checkConsistency, snapshotRatified } from './support/consistency.js';
import {
  checkInSql,
  checkThroughApi,
  type Ratification,
  type Round,
} from './support/crash-checks.js';
import { RATIFY_VERSION, STEWARD, transition } from '../testkit/factories/index.js';
import { prepare, propose, setUp } from './support/crash-governance.js';
import {
  embeddedTarget,
  ratificationUnderWay,
  serverTarget,
  type Target,
} from './support/crash-targets.js';
import { call, storm } from './support/crash-workload.js';
import { launch, startServer, stopServer, type ServerProcess } from './support/server-process.js';

/**
 * Crash safety: the built server is killed with SIGKILL in the middle of vote and
 * comment storms and ratifications, again and again, and restarted each time. After
 * each restart nothing acknowledged may be missing and every ratification must be
 * wholly there or wholly absent; at the end the same is proven in SQL, with the
 * consistency checker. Runs on the embedded database (a temporary DATA_DIR, so
 * every restart reopens a PGlite directory whose owner died holding its lock) and,
 * when DATABASE_URL is set, on a scratch database on that server.
 *
 * `npm run test:stress`; CRASH_KILLS (default 20) kills per database, CRASH_SEED to
 * replay a run's timings.
 */
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? randomBytes(4).readUInt32BE());
const COMMENTERS = 6;
const FIRST_START_MS = 120_000;
const RESTART_MS = 90_000;

const targets: Target[] = [embeddedTarget()];
if (process.env.DATABASE_URL) targets.push(serverTarget(process.env.DATABASE_URL));

/**
 * The loop runs what an operator runs, the built server, from a build of its own:
 * `dist/` may be rebuilt under it by a developer or a watcher while the loop runs.
 */
const BUILD = resolve('dist', `stress-${process.pid}`);
const MAIN = join(BUILD, 'src', 'main.js');

beforeAll(() => {
  execFileSync('npm', ['run', 'build', '--', '--outDir', BUILD], {
    stdio: 'ignore',
    timeout: 300_000,
  });
  console.log(`Crash loop: ${KILLS} kills per database, CRASH_SEED=${SEED}`);
}, 320_000);
afterAll(() => rmSync(BUILD, { recursive: true, force: true }));

describe.each(targets)('Crash safety on the $name database', (target) => {
  let server: ServerProcess | null = null;
  const rounds: Round[] = [];
  const figures: Figures = {
    restartsMs: [],
    staleLocks: 0,
    startupKills: 0,
    phasesMs: {},
    startedAt: 0,
  };
  afterAll(async () => {
    if (server) await stopServer(server, 'SIGKILL').catch(() => undefined);
    await target.cleanUp();
    // Printed whatever the outcome: a failing run's figures say how far it got.
    if (rounds.length > 0) console.log(report(target.name, rounds, figures));
  });

  /** Launches the server and SIGKILLs it `ms` later, ready or not. */
  async function killWhileStarting(env: Record<string, string>, ms: number): Promise<void> {
    const starting = await launch(MAIN, env);
    await sleep(ms);
    starting.kill('SIGKILL');
    await within(starting.exited, 15_000, 'a starting server to exit after SIGKILL');
  }

  it(
    `loses nothing acknowledged and never half-ratifies across ${KILLS} SIGKILLs`,
    async () => {
      const random = seededRandom(SEED);
      figures.startedAt = performance.now();
      const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
        const t = performance.now();
        try {
          return await work();
        } finally {
          figures.phasesMs[name] = (figures.phasesMs[name] ?? 0) + performance.now() - t;
        }
      };
      const { env: dbEnv, sql: liveSql } = await target.open();
      const env = {
        NODE_ENV: 'production',
        JWT_SECRET: randomBytes(32).toString('hex'),
        STEWARD_EMAIL: STEWARD.email,
        STEWARD_PASSWORD: STEWARD.password,
        ...dbEnv,
      };
      // Killed once while it is first starting (creating the cluster, migrating, seeding):
      // the next start must finish the job.
      await phase('first start', () => killWhileStarting(env, 300 + random() * target.startupMs));
      figures.startupKills++;
      server = await phase('first start', () => startServer(MAIN, env, FIRST_START_MS));
      const accounts = await phase('set-up', () => setUp(server!));
      const snapshot = liveSql ? await snapshotRatified(liveSql) : undefined;
      const lockHolder = () => readFileSync(join(dbEnv.DATA_DIR, 'redline.lock'), 'utf8');
      let base = '1.0';
      let pending: Omit<Ratification, 'label' | 'base'> | null = null;
      // How long a ratification takes to answer under the storm, learnt as the loop goes:
      // kills are spread over twice that after it is sent, so some land while it is in
      // flight and some after it was acknowledged.
      let ratifyEstimate = 1000;

      for (let index = 1; index <= KILLS; index++) {
        const up: ServerProcess = server;
        const url = up.url;
        const n = await phase('preparation', async () => {
          pending ??= await prepare(up, accounts, base, index);
          const storm = await propose(up, accounts.proposer, base, {
            'parameters.terms': `Storm ${index}.`,
          });
          await transition(up, accounts.steward.token, 'openVoting', storm);
          return storm;
        });
        const ratifyAt = random() < 0.85 ? Math.floor(random() * 300) : null;
        const killAt =
          ratifyAt === null
            ? 100 + Math.floor(random() * 1400)
            : ratifyAt + Math.floor(random() * 2 * ratifyEstimate);
        const ratification: Ratification = { ...pending!, base, label: `k${index}` };
        let inside: boolean | undefined;
        const dying: ServerProcess = server;
        const record = await phase('storm', () =>
          storm({
            url,
            number: n,
            members: accounts.committee,
            commenters: [accounts.proposer, ...accounts.committee.slice(0, COMMENTERS - 1)],
            ratifyAt,
            killAt,
            ratify: () =>
              call(
                url,
                RATIFY_VERSION,
                {
                  input: {
                    definition: 'osaid',
                    baseVersion: base,
                    label: ratification.label,
                    amendments: ratification.numbers,
                  },
                },
                accounts.steward.token,
              ),
            kill: async () => {
              if (liveSql) inside = await ratificationUnderWay(liveSql);
              dying.kill('SIGKILL');
            },
            random,
          }),
        );
        if (record.ratifyMs !== undefined) ratifyEstimate = (ratifyEstimate + record.ratifyMs) / 2;
        else if (record.ratification === 'lost')
          ratifyEstimate = Math.max(ratifyEstimate, 1.2 * (killAt - ratifyAt!));
        const exit = await within(dying.exited, 15_000, 'the killed server to exit');
        expect(exit.signal).toBe('SIGKILL');
        expect({ refused: record.refused, unanswered: record.unanswered }).toEqual({
          refused: [],
          unanswered: 0,
        });
        server = null;
        if (target.name === 'embedded') {
          // The dead process's lock is still there: the restart must take it over.
          expect(lockHolder()).toBe(String(dying.pid));
          figures.staleLocks++;
        }
        if (index % 5 === 0) {
          // A crash loop: the restart itself is killed while it recovers.
          await phase('restart', () => killWhileStarting(env, 300 + random() * 3000));
        }
        const restarting = performance.now();
        const restarted = await phase('restart', () => startServer(MAIN, env, RESTART_MS));
        server = restarted;
        figures.restartsMs.push(Math.round(performance.now() - restarting));
        if (target.name === 'embedded') expect(lockHolder()).toBe(String(restarted.pid));
        figures.startupKills += index % 5 === 0 ? 1 : 0;

        const round: Round = {
          index,
          storm: n,
          record,
          ratification,
          killedInsideRatification: inside,
        };
        rounds.push(round);
        const problems = await phase('checks', async () => {
          const found = await checkThroughApi(restarted.url, round);
          if (liveSql) {
            found.push(...(await checkInSql(liveSql, [round])));
            found.push(...(await checkConsistency(liveSql, { ratifiedSnapshot: snapshot })));
          }
          return found;
        });
        expect({ round: index, seed: SEED, problems }).toEqual({
          round: index,
          seed: SEED,
          problems: [],
        });
        if (round.ratified) [base, pending] = [ratification.label, null];
      }

      expect((await stopServer(server, 'SIGTERM')).code).toBe(0);
      server = null;
      const db = await target.inspect();
      try {
        await phase('checks', async () => {
          expect(await checkInSql(db.sql, rounds)).toEqual([]);
          expect(await checkConsistency(db.sql, { ratifiedSnapshot: snapshot })).toEqual([]);
        });
      } finally {
        await db.close();
      }
    },
    KILLS * 40_000 + 240_000,
  );
});

interface Figures {
  restartsMs: number[];
  staleLocks: number;
  /** Kills of a server still starting (recovering, migrating, seeding). */
  startupKills: number;
  phasesMs: Record<string, number>;
  startedAt: number;
}

function report(name: string, rounds: Round[], figures: Figures) {
  const sum = (f: (r: Round) => number) => rounds.reduce((total, r) => total + f(r), 0);
  const restarts = [...figures.restartsMs].sort((a, b) => a - b);
  const sent = rounds.filter((r) => r.record.ratification !== 'not sent');
  const lost = sent.filter((r) => r.record.ratification === 'lost');
  const phases = Object.entries(figures.phasesMs).map(
    ([k, ms]) => `${k} ${Math.round(ms / 1000)} s`,
  );
  return [
    `Crash safety on the ${name} database (seed ${SEED})`,
    `  kills survived: ${rounds.length} mid-storm + ${figures.startupKills} during start-up; ` +
      `stale locks taken over: ${figures.staleLocks}`,
    `  restart ms: min ${restarts[0]}, median ${restarts[restarts.length >> 1]}, max ${restarts.at(-1)}`,
    `  storm requests: ${sum((r) => r.record.requests)}`,
    `  votes acknowledged: ${sum((r) => r.record.voters.reduce((t, v) => t + v.acked, 0))}, ` +
      `in flight at a kill: ${sum((r) => r.record.voters.filter((v) => v.lost).length)}`,
    `  comments acknowledged: ${sum((r) => r.record.comments.acked.length)}, ` +
      `in flight at a kill: ${sum((r) => r.record.comments.lost.length)}`,
    `  ratifications sent: ${sent.length}; acknowledged ${sent.filter((r) => r.record.ratification === 'acked').length}; ` +
      `in flight at a kill ${lost.length} (found whole ${lost.filter((r) => r.ratified).length}, ` +
      `wholly absent ${lost.filter((r) => r.ratified === false).length})` +
      (rounds.some((r) => r.killedInsideRatification !== undefined)
        ? `; killed with its transaction open ${rounds.filter((r) => r.killedInsideRatification).length}`
        : ''),
    `  ratification answered in ms: ${sent
      .map((r) => r.record.ratifyMs)
      .filter((ms) => ms !== undefined)
      .sort((a, b) => a - b)
      .join(', ')}`,
    `  elapsed ${Math.round((performance.now() - figures.startedAt) / 1000)} s: ${phases.join(', ')}`,
  ].join('\n');
}
