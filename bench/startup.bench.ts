/**
 * Embedded-database start-up: spawns the built server (`node dist/src/main.js`) without
 * DATABASE_URL on a fresh temporary DATA_DIR, then measures the time from spawn to the first
 * GraphQL answer listing the OSAID and MOF definitions (polled every 100 ms) and the server's
 * peak resident memory (VmHWM, read just before it is stopped). Twice on one directory: the
 * first start creates the PGlite cluster, applies the migrations and loads the reference data;
 * the second reopens it. Each run ends with SIGTERM and must exit with code 0.
 *
 * Run alone, after `npm run build`: npx tsx bench/startup.bench.ts
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { gql } from '../testkit/graphql-client.js';
import { freePort, within } from '../testkit/processes.js';
import { record, writeResults } from './results.js';
import { projectRoot } from './server.js';

/** The target: an installed Redline serves GraphQL within 30 s. */
const READY_LIMIT_MS = 30_000;
/** No single wait is longer than this, so the bench cannot hang. */
const WAIT_MS = 60_000;
const POLL_MS = 100;
const QUERY = '{ definitions { slug } }';

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface StartFigures {
  readyMs: number;
  peakMb: number;
  shutdownMs: number;
  exitCode: number | null;
  /** Lines the server printed that mention a warning or an error. */
  warnings: string[];
}

/** True once the server answers the query with both reference definitions. */
async function servesDefinitions(url: string): Promise<boolean> {
  try {
    const answer = await gql<{ definitions?: { slug: string }[] }>(url, QUERY, {}, undefined, {
      timeoutMs: 5_000,
    });
    if (answer.status < 200 || answer.status > 299) return false;
    const slugs = answer.data?.definitions?.map((definition) => definition.slug) ?? [];
    return slugs.includes('osaid') && slugs.includes('mof');
  } catch {
    return false; // not listening yet
  }
}

/** Peak resident set size of a process in MB (MiB), from Linux's /proc. */
function peakRssMb(pid: number): number {
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Math.round(Number(match[1]) / 1024);
}

/** Starts the server on `dataDir`, waits for GraphQL, reads its peak memory, stops it. */
async function startAndStop(root: string, dataDir: string): Promise<StartFigures> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_ON_START: 'true',
    NO_COLOR: '1',
  };
  delete env.DATABASE_URL;

  const output: string[] = [];
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/src/main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => {
      output.push(String(error));
      resolve({ code: null, signal: null });
    });
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  const log = (): string => output.join('').trimEnd();
  const running = (): boolean => child.exitCode === null && child.signalCode === null;

  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    let readyMs: number | undefined;
    while (readyMs === undefined) {
      if (!running()) throw new Error(`the server exited before serving GraphQL:\n${log()}`);
      if (await servesDefinitions(url)) {
        readyMs = performance.now() - started;
      } else if (performance.now() - started > WAIT_MS) {
        throw new Error(`no GraphQL answer within ${WAIT_MS / 1000} s:\n${log()}`);
      } else {
        await sleep(POLL_MS);
      }
    }

    const peakMb = peakRssMb(child.pid!);
    const stopping = performance.now();
    child.kill('SIGTERM');
    const exit = await within(exited, WAIT_MS, `the server to exit after SIGTERM`);
    const shutdownMs = performance.now() - stopping;
    if (exit.code !== 0) {
      throw new Error(
        `the server exited with ${exit.code ?? exit.signal} after SIGTERM, not 0:\n${log()}`,
      );
    }
    const warnings = log()
      .split('\n')
      .filter((line) => /warn|error/i.test(line));
    return { readyMs, peakMb, shutdownMs, exitCode: exit.code, warnings };
  } finally {
    if (running()) {
      child.kill('SIGKILL');
      await within(exited, WAIT_MS, 'the server to exit after SIGKILL');
    }
  }
}

/** Runs both starts, prints a table and records the figures. */
export async function run(): Promise<void> {
  const root = projectRoot();
  if (!existsSync(join(root, 'dist/src/main.js'))) {
    throw new Error('dist/src/main.js is missing: run `npm run build` first');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'redline-startup-bench-'));
  try {
    const fresh = await startAndStop(root, dataDir);
    const reopen = await startAndStop(root, dataDir);

    console.log(`embedded database start-up (spawn → first GraphQL answer), DATA_DIR ${dataDir}`);
    const row = (start: string, figures: StartFigures) => ({
      start,
      'ready ms': Math.round(figures.readyMs),
      'peak RSS MB': figures.peakMb,
      'SIGTERM → exit ms': Math.round(figures.shutdownMs),
      'exit code': figures.exitCode,
    });
    console.table([row('first (create, migrate, seed)', fresh), row('second (reopen)', reopen)]);
    for (const [start, figures] of [
      ['first', fresh],
      ['second', reopen],
    ] as const) {
      for (const line of figures.warnings) console.log(`${start} start printed: ${line}`);
    }

    for (const [name, figures] of [
      ['fresh', fresh],
      ['reopen', reopen],
    ] as const) {
      record(
        `startup.embedded.${name}.serve-graphql`,
        Math.round(figures.readyMs),
        'ms',
        READY_LIMIT_MS,
      );
      record(`startup.embedded.${name}.peak-rss`, figures.peakMb, 'MB');
      record(`startup.embedded.${name}.shutdown`, Math.round(figures.shutdownMs), 'ms');
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Run alone: npx tsx bench/startup.bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  run()
    .then(() => console.log(`results written to ${writeResults()}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
