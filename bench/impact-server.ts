/**
 * The built server (`node dist/src/main.js`) as the impact bench drives it: one process per
 * measurement on a database the bench owns and grows between processes (so, unlike a server
 * with a database of its own, stopping it leaves the database), with its memory read from
 * /proc. Every wait is bounded. BENCH_SERVER_FLAGS adds Node flags to the server's command line.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** No single wait is longer than this, so the bench cannot hang. */
export const WAIT_MS = 120_000;
const START_MS = 60_000;

export interface ImpactServer {
  url: string;
  pid: number;
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** One GraphQL request; throws on an error answer. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(WAIT_MS),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

/** A field of /proc/<pid>/status in MB (the kernel gives kB). */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/**
 * Starts the server on `databaseUrl` with extra environment (say, IMPACT_SQL_THRESHOLD) and
 * waits until it serves the seeded definitions; the first start migrates and seeds.
 */
export async function startServer(
  databaseUrl: string,
  env: Record<string, string>,
): Promise<ImpactServer> {
  const root = projectRoot();
  if (!existsSync(join(root, 'dist/src/main.js'))) {
    throw new Error('dist/src/main.js is missing: run `npm run build` first');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const output: string[] = [];
  // e.g. BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server.
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
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    // Unref'd: a pending timer must not hold the bench open once the server has exited.
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
      if (performance.now() - started > START_MS) throw new Error('the server did not start');
      const data = await graphql<{ definitions: Array<{ slug: string }> }>(
        url,
        '{ definitions { slug } }',
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
    pid,
    memory: () => ({ rssMb: statusMb(pid, 'VmRSS'), peakMb: statusMb(pid, 'VmHWM') }),
    stop,
  };
}
