/**
 * The built server (`node dist/src/main.js`) for the benches that drive it over HTTP:
 * `startServer` on a fresh database of the PostgreSQL server at BENCH_DATABASE_URL (default:
 * the local server) that `stop()` drops, `spawnServer` on a database the bench owns (the
 * impact bench grows one catalogue under several servers). Either way the reference data is
 * seeded, every wait is bounded, `stop()` ends the process (SIGTERM, then SIGKILL), and the
 * server's memory is read from /proc. BENCH_SERVER_FLAGS adds Node flags to the server's
 * command line (say, `--cpu-prof`).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { STEWARD } from '../testkit/factories/index.js';
import { ok } from '../testkit/graphql-client.js';
import { freePort } from '../testkit/processes.js';
import { freshDatabase } from '../testkit/server-database.js';

export const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** No single wait is longer than this, so a bench cannot hang. */
export const WAIT_MS = 60_000;

export interface BenchServer {
  url: string;
  /** The server's own database, for the bench's raw queries and checks. */
  databaseUrl: string;
  pid: number;
  /** What the server printed so far. */
  output(): string;
  /** Resident memory now and at its peak (VmRSS, VmHWM), in MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
}

export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    if (dirname(dir) === dir) throw new Error('no package.json above the bench scripts');
    dir = dirname(dir);
  }
  return dir;
}

/** Starts the built server on a fresh seeded database and waits until it serves GraphQL. */
export async function startServer(prefix: string): Promise<BenchServer> {
  const database = await freshDatabase(ADMIN_URL, `redline_${prefix}`);
  try {
    const server = await spawnServer(database.url, {
      STEWARD_EMAIL: STEWARD.email,
      STEWARD_PASSWORD: STEWARD.password,
    });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/**
 * Starts the built server on `databaseUrl` with extra environment (say,
 * IMPACT_SQL_THRESHOLD) and waits until it serves the seeded definitions; the first start on
 * a database migrates and seeds it. Stopping it leaves the database.
 */
export async function spawnServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const root = projectRoot();
  if (!existsSync(join(root, 'dist/src/main.js'))) {
    throw new Error('dist/src/main.js is missing: run `npm run build` first');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const output: string[] = [];
  // e.g. BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=prof" to profile the server.
  const flags = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...flags, join(root, 'dist/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: databaseUrl,
      SEED_ON_START: 'true',
      PORT: String(port),
      HOST: '127.0.0.1',
      NO_COLOR: '1',
      // The write-path bench signs up its voters from one address.
      SIGN_UPS_PER_ADDRESS: '1000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    // Unref'd: a pending timer must not hold the bench process open once the server exited.
    const stopped = await Promise.race([
      exited.then(() => true),
      sleep(30_000, false, { ref: false }),
    ]);
    if (!stopped) {
      child.kill('SIGKILL');
      await Promise.race([exited, sleep(10_000, undefined, { ref: false })]);
    }
  };

  try {
    const started = performance.now();
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${output.join('')}`);
      if (performance.now() - started > WAIT_MS) throw new Error('the server did not start');
      const data = await ok<{ definitions: Array<{ slug: string }> }>(
        url,
        '{ definitions { slug } }',
        {},
        undefined,
        { timeoutMs: WAIT_MS },
      ).catch(() => null);
      if (data?.definitions.some((d) => d.slug === 'osaid')) break;
      await sleep(100);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const pid = child.pid!;
  return {
    url,
    databaseUrl,
    pid,
    output: () => output.join(''),
    memory: () => ({ rssMb: statusMb(pid, 'VmRSS'), peakMb: statusMb(pid, 'VmHWM') }),
    stop,
  };
}

/** A field of /proc/<pid>/status in MB (the kernel gives kB). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** Load average over the last minute and the core count, to print beside the figures. */
export function machineLoad(): string {
  const [one, five] = loadavg();
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${cpus().length} cores`;
}
