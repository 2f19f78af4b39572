/**
 * Amendment impact at 10k, 100k and 1M generated systems: `previewImpact` of one amendment
 * end to end through GraphQL over HTTP, pushed down to PostgreSQL (IMPACT_SQL_THRESHOLD=0)
 * and in memory (IMPACT_SQL_THRESHOLD=1000000000), each (size, path) on a server process of
 * its own, so that its peak resident memory (VmHWM) belongs to that measurement. Also at the
 * nine reference systems alone (the fixed cost of a request), 100 and 1k, to place the size
 * from which pushing down wins. The in-memory time is the limit of the pushed-down one at
 * the same size; targets: 1M under 5 s and 600 MB, cost per system 10k → 1M within 1.3×.
 *
 * One fresh database of the PostgreSQL server at BENCH_DATABASE_URL (default: the local
 * server), grown from size to size (bench/impact-data.ts), vacuumed and analysed after each
 * growth, and dropped at the end, failure or not. Fails (returns 1) when the two paths give
 * different answers at any size. BENCH_IMPACT_SIZES=0,1000,10000 runs other sizes.
 *
 * Run alone, after `npm run build`: npx tsx bench/impact.bench.ts
 */
import { loadavg } from 'node:os';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Change } from '../src/change-sets/apply-changes.js';
import { IMPACT_SQL_THRESHOLD } from '../src/common/config/config.js';
import { ok } from '../testkit/graphql-client.js';
import { growCatalogue } from './impact-data.js';
import { spawnServer } from './server.js';
import { crossover, printCells, type Cell } from './impact-report.js';
import { record, writeResults } from './results.js';

/** Generated systems on top of the reference ones; 0 is the reference systems alone. */
const SIZES = (process.env.BENCH_IMPACT_SIZES ?? '0,100,1000,10000,100000,1000000')
  .split(',')
  .map(Number);
const PATHS = { sql: '0', memory: '1000000000' } as const;
/** Warm-ups and timed runs: many where a run is cheap and noise large, three at 1M. */
const runsAt = (size: number) =>
  size <= 10_000
    ? { warmUp: 3, runs: 9 }
    : size < 1_000_000
      ? { warmUp: 1, runs: 5 }
      : { warmUp: 1, runs: 3 };
const TARGET_MS = 5_000;
const TARGET_MB = 600;
const LINEARITY_LIMIT = 1.3;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Bounds every statement of the bench's own connections (loading a million rows included). */
const STATEMENT_TIMEOUT = '-c statement_timeout=300000';

/** The amendment measured: parameters under any licence, as long as they are released. */
const CHANGES: Change[] = [
  { kind: 'MODIFY', key: 'parameters.terms', rule: 'components.modelParameters.available' },
];
const INPUT = { definition: 'osaid', baseVersion: '1.0', changes: CHANGES };
const PREVIEW = `query ($input: PreviewImpactInput!) {
  previewImpact(input: $input) {
    summary { evaluated failToPass passToFail toUnknown unknownToPass unknownToFail unchanged }
    changes { system { slug } recorded before after decidedBy }
  }
}`;

export interface Answer {
  summary: { evaluated: number } & Record<string, number>;
  changes: unknown[];
}

const preview = async (url: string) =>
  (await ok<{ previewImpact: Answer }>(url, PREVIEW, { input: INPUT })).previewImpact;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Warm-up, then `runs` timed previews on a server of its own, sampling its memory. */
async function measure(
  databaseUrl: string,
  threshold: string,
  { warmUp, runs }: { warmUp: number; runs: number },
): Promise<Omit<Cell, 'size' | 'path'>> {
  const server = await spawnServer(databaseUrl, { IMPACT_SQL_THRESHOLD: threshold });
  try {
    const idleMb = server.memory().rssMb;
    let busyMb = idleMb;
    const sampler = setInterval(() => {
      try {
        busyMb = Math.max(busyMb, server.memory().rssMb);
      } catch {
        // The server has exited: the request waiting on it fails and says so.
      }
    }, 50);
    const times: number[] = [];
    const load: number[] = [loadavg()[0]];
    let answer: Answer;
    try {
      for (let i = 0; i < warmUp; i++) answer = await preview(server.url);
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const again = await preview(server.url);
        times.push(performance.now() - started);
        if (JSON.stringify(again) !== JSON.stringify(answer!)) {
          throw new Error('previewImpact gave two different answers on one database');
        }
      }
    } finally {
      clearInterval(sampler);
    }
    load.push(loadavg()[0]);
    return {
      ms: median(times),
      times,
      idleMb,
      busyMb,
      peakMb: server.memory().peakMb,
      load,
      answer: answer!,
    };
  } finally {
    await server.stop();
  }
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({
    connectionString: ADMIN_URL,
    connectionTimeoutMillis: 10_000,
    options: STATEMENT_TIMEOUT,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs the benchmark, prints its figures and records them; returns 1 when the paths disagree. */
export async function run(): Promise<number> {
  const benchStarted = performance.now();
  const name = `redline_impact_bench_${process.pid}`;
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const loader = new pg.Client({
    connectionString: databaseUrl,
    connectionTimeoutMillis: 10_000,
    options: STATEMENT_TIMEOUT,
  });
  // Interrupted (Ctrl-C), the database is dropped too: a million systems are 1.5 GB.
  const interrupted = () => {
    void loader
      .end()
      .catch(() => undefined)
      .then(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    await loader.connect();
    // A first server migrates and seeds, so that no measured server's peak includes that.
    await (await spawnServer(databaseUrl, {})).stop();
    const { rows } = await loader.query(
      'SELECT count(*)::int AS n FROM ai_systems WHERE current_revision > 0',
    );
    const reference = (rows as Array<{ n: number }>)[0].n;

    const cells: Cell[] = [];
    let failures = 0;
    let loaded = 0;
    for (const size of SIZES) {
      const load = performance.now();
      if (size > loaded) {
        await growCatalogue(loader, loaded, size);
        await loader.query('VACUUM (ANALYZE) ai_systems, fact_revisions, license_verdicts');
        loaded = size;
      }
      console.log(
        `\n${size.toLocaleString('en-US')} generated systems: loaded and analysed in ${Math.round(performance.now() - load)} ms`,
      );
      const here: Cell[] = [];
      for (const [path, threshold] of Object.entries(PATHS)) {
        here.push({ size, path, ...(await measure(databaseUrl, threshold, runsAt(size))) });
        const cell = here.at(-1)!;
        console.log(
          `  ${path}: median ${Math.round(cell.ms)} ms of [${cell.times.map(Math.round).join(', ')}], peak ${Math.round(cell.peakMb)} MB`,
        );
      }
      const [sql, memory] = here;
      const agree = JSON.stringify(sql.answer) === JSON.stringify(memory.answer);
      const complete = sql.answer.summary.evaluated === size + reference;
      if (!agree || !complete) failures++;
      console.log(
        `  summary ${JSON.stringify(sql.answer.summary)}, ${sql.answer.changes.length} changes: ` +
          (agree
            ? 'both paths agree'
            : `DISAGREEMENT: in memory ${JSON.stringify(memory.answer.summary)}`) +
          (complete
            ? ''
            : `; EVALUATED ${sql.answer.summary.evaluated}, expected ${size + reference}`),
      );
      cells.push(...here);
    }

    printCells(cells);
    const label = (size: number) =>
      size === 0
        ? 'reference'
        : size < 1_000
          ? String(size)
          : size < 1_000_000
            ? `${size / 1_000}k`
            : `${size / 1_000_000}m`;
    for (const cell of cells) {
      const other = cells.find((c) => c.size === cell.size && c.path !== cell.path)!;
      const at = label(cell.size);
      // The pushed-down time beside the in-memory one (ratio < 1: pushing down wins) at the
      // sizes of the targets; below them, where the two are a few ms apart, that comparison
      // is what impact.crossover sums up.
      const limit = cell.path === 'sql' && cell.size >= 10_000 ? Math.round(other.ms) : undefined;
      record(`impact.${cell.path}.${at}`, Math.round(cell.ms), 'ms', limit);
      record(
        `impact.${cell.path}.${at}.peak-rss`,
        Math.round(cell.peakMb),
        'MB',
        cell.path === 'sql' ? TARGET_MB : undefined,
      );
    }
    const sqlAt = (size: number) => cells.find((c) => c.size === size && c.path === 'sql');
    const [fixed, small, large] = [sqlAt(0), sqlAt(10_000), sqlAt(1_000_000)];
    if (large) record('impact.sql.1m-vs-target', Math.round(large.ms), 'ms', TARGET_MS);
    if (small && large) {
      // A request costs something whatever the size (HTTP, GraphQL, the criteria, planning),
      // which weighs on 10k's cost per system: the ratio is also given without it, taking
      // the reference-only request as that cost. And PostgreSQL scans 10k systems in one
      // process, 100k and more with two parallel workers besides: 100k → 1M compares like
      // with like.
      const perSystem = (cell: Cell, minus = 0) => (cell.ms - minus) / (cell.size + reference);
      const ratios: Array<[string, number, string]> = [
        ['linearity', perSystem(large) / perSystem(small), '1M / 10k'],
      ];
      if (fixed) {
        const net = perSystem(large, fixed.ms) / perSystem(small, fixed.ms);
        ratios.push(['linearity-net', net, `1M / 10k, less ${Math.round(fixed.ms)} ms a request`]);
      }
      const middle = sqlAt(100_000);
      if (middle)
        ratios.push(['linearity-100k', perSystem(large) / perSystem(middle), '1M / 100k']);
      for (const [figure, ratio, what] of ratios) {
        console.log(`pushed-down cost per system, ${what}: ${ratio.toFixed(2)}`);
        record(`impact.sql.${figure}`, Number(ratio.toFixed(2)), '×', LINEARITY_LIMIT);
      }
    }
    const found = crossover(cells);
    console.log(
      `crossover: ${found.text}; the default IMPACT_SQL_THRESHOLD is ${IMPACT_SQL_THRESHOLD}`,
    );
    if (found.systems !== null) record('impact.crossover', found.systems, 'systems');
    const minutes = (performance.now() - benchStarted) / 60_000;
    const loads = cells.flatMap((cell) => cell.load);
    console.log(
      `impact bench took ${minutes.toFixed(1)} min; one-minute load average ` +
        `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} while measuring`,
    );
    return failures > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', interrupted);
    await loader.end().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

// Run alone: npx tsx bench/impact.bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  run()
    .then((failures) => {
      if (failures > 0) process.exitCode = 1;
      console.log(`results written to ${writeResults()}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
