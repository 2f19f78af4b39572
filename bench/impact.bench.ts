/**
 * Amendment impact over 100,000 systems: `previewImpact` end to end through GraphQL over
 * HTTP, beside the engine alone doing the same work in this process (compile the base and
 * amended criteria, evaluate both over the same facts, compare outcomes). The engine figure
 * is the limit; targets: the GraphQL path under 1 s, and within 2× of the engine.
 *
 * Spawns the built server (`node dist/src/main.js`) on a fresh database of the PostgreSQL
 * server at BENCH_DATABASE_URL (default: the local server), loads 100,000 generated systems
 * with plain SQL, and drops the database afterwards. Every wait is bounded.
 *
 * Run alone, after `npm run build`: npx tsx bench/impact.bench.ts
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { applyChanges, type Change } from '../src/amendments/apply-changes.js';
import { CriteriaEngine, type Facts, type Outcome } from '../src/criteria/engine/index.js';
import { generateFacts } from './generate-facts.js';
import { record, writeResults } from './results.js';

const SYSTEMS = 100_000;
const BATCH = 5_000;
const RUNS = 5;
const TARGET_MS = 1_000;
const RATIO_LIMIT = 2;
/** No single wait is longer than this, so the bench cannot hang. */
const WAIT_MS = 120_000;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The amendment measured: parameters under any licence, as long as they are released. */
const CHANGES: Change[] = [
  { kind: 'MODIFY', key: 'parameters.terms', rule: 'components.modelParameters.available' },
];

const PREVIEW = `query ($input: PreviewImpactInput!) {
  previewImpact(input: $input) {
    summary { evaluated failToPass passToFail toUnknown unknownToPass unknownToFail unchanged }
    changes { system { slug } recorded before after decidedBy }
  }
}`;

interface Summary {
  evaluated: number;
  failToPass: number;
  passToFail: number;
  toUnknown: number;
  unknownToPass: number;
  unknownToFail: number;
  unchanged: number;
}

function projectRoot(): string {
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

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function graphql<T>(url: string, query: string, variables = {}): Promise<T> {
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

/** Inserts generated systems, each with one fact revision, in batches of BATCH rows. */
async function insertSystems(databaseUrl: string, facts: Facts[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let start = 0; start < facts.length; start += BATCH) {
      const batch = facts.slice(start, start + BATCH);
      const ids = batch.map(() => randomUUID());
      const slugs = batch.map((_, i) => `bench-${String(start + i).padStart(6, '0')}`);
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ai_systems (id, slug, name, developer, current_revision)
         SELECT id, slug, slug, 'Bench', 1 FROM unnest($1::uuid[], $2::text[]) AS t(id, slug)`,
        [ids, slugs],
      );
      await client.query(
        `INSERT INTO fact_revisions (system_id, revision, facts)
         SELECT id, 1, facts FROM unnest($1::uuid[], $2::jsonb[]) AS t(id, facts)`,
        [ids, batch.map((f) => JSON.stringify(f))],
      );
      await client.query('COMMIT');
    }
    // As a settled database would be: statistics, visibility map and hint bits all set.
    await client.query('VACUUM (ANALYZE) ai_systems');
    await client.query('VACUUM (ANALYZE) fact_revisions');
  } finally {
    await client.end();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function timed<T>(work: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** The engine alone: compile both sides, evaluate both over every system, count the changes. */
function engineOnly(
  base: Array<{ key: string; rule: string; level: string | null }>,
  facts: Facts[],
): Summary {
  const engine = new CriteriaEngine();
  const before = engine.compile(base);
  const after = engine.compile(applyChanges(base as never, CHANGES));
  const summary: Summary = {
    evaluated: facts.length,
    failToPass: 0,
    passToFail: 0,
    toUnknown: 0,
    unknownToPass: 0,
    unknownToFail: 0,
    unchanged: 0,
  };
  for (const system of facts) {
    const was: Outcome = engine.evaluate(before, system).outcome;
    const is: Outcome = engine.evaluate(after, system).outcome;
    if (was === is) summary.unchanged++;
    else if (is === 'UNKNOWN') summary.toUnknown++;
    else if (was === 'FAIL') summary.failToPass++;
    else if (was === 'PASS') summary.passToFail++;
    else if (is === 'PASS') summary.unknownToPass++;
    else summary.unknownToFail++;
  }
  return summary;
}

/** Runs the benchmark, prints its figures and records them; returns 1 when the two disagree. */
export async function run(): Promise<number> {
  const root = projectRoot();
  if (!existsSync(join(root, 'dist/src/main.js'))) {
    throw new Error('dist/src/main.js is missing: run `npm run build` first');
  }
  const name = `redline_bench_${process.pid}`;
  const databaseUrl = Object.assign(new URL(ADMIN_URL), { pathname: `/${name}` }).toString();
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const output: string[] = [];
  const child = spawn(process.execPath, [join(root, 'dist/src/main.js')], {
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
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));

  try {
    // --- setup: a served, seeded database, then 100,000 systems -----------------------------
    const started = performance.now();
    let reference: Facts[] | undefined;
    while (!reference) {
      if (child.exitCode !== null) throw new Error(`the server exited:\n${output.join('')}`);
      if (performance.now() - started > WAIT_MS) throw new Error('the server did not start');
      const data = await graphql<{ systems: { edges: Array<{ node: { facts: Facts } }> } }>(
        url,
        '{ systems(first: 100) { edges { node { facts } } } }',
      ).catch(() => null);
      if (data) reference = data.systems.edges.map((edge) => edge.node.facts);
      else await sleep(100);
    }
    const { version } = await graphql<{
      version: { criteria: Array<{ key: string; rule: string; level: string | null }> };
    }>(url, '{ version(definition: "osaid", label: "1.0") { criteria { key rule level } } }');
    const generated = generateFacts(SYSTEMS);
    const load = await timed(() => insertSystems(databaseUrl, generated));
    console.log(`inserted ${SYSTEMS.toLocaleString('en-US')} systems in ${Math.round(load.ms)} ms`);
    const facts = [...reference, ...generated];

    // --- timing: one warm-up, then the median of RUNS ------------------------------------------
    const input = { definition: 'osaid', baseVersion: '1.0', changes: CHANGES };
    const preview = () =>
      graphql<{ previewImpact: { summary: Summary; changes: unknown[] } }>(url, PREVIEW, { input });
    const served = (await preview()).previewImpact;
    const graphqlTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) graphqlTimes.push((await timed(preview)).ms);

    const computed = engineOnly(version.criteria, facts);
    const engineTimes: number[] = [];
    for (let i = 0; i < RUNS; i++)
      engineTimes.push((await timed(() => engineOnly(version.criteria, facts))).ms);

    // --- report -------------------------------------------------------------------------------
    const graphqlMs = median(graphqlTimes);
    const engineMs = median(engineTimes);
    const ratio = graphqlMs / engineMs;
    const agree = JSON.stringify(served.summary) === JSON.stringify(computed);
    console.log(
      `\nimpact of MODIFY parameters.terms over ${facts.length.toLocaleString('en-US')} systems, median of ${RUNS}`,
    );
    console.table([
      { path: 'engine alone (in process)', 'median ms': Math.round(engineMs), 'vs engine': '1×' },
      {
        path: 'previewImpact over GraphQL/HTTP',
        'median ms': Math.round(graphqlMs),
        'vs engine': `${ratio.toFixed(2)}×`,
      },
    ]);
    console.log(`summary: ${JSON.stringify(served.summary)}, ${served.changes.length} changes`);
    console.log(
      agree
        ? 'agreement: the GraphQL summary equals the engine-only count'
        : `DISAGREEMENT: engine-only counts ${JSON.stringify(computed)}`,
    );
    console.log(
      `GraphQL path ${Math.round(graphqlMs)} ms ${graphqlMs <= TARGET_MS ? 'is under' : 'is OVER'} ${TARGET_MS} ms; ` +
        `${ratio.toFixed(2)}× ${ratio <= RATIO_LIMIT ? 'is within' : 'is OVER'} ${RATIO_LIMIT}× of the engine`,
    );

    record('impact.graphql.preview-100k', Math.round(graphqlMs), 'ms', TARGET_MS);
    record('impact.engine.preview-100k', Math.round(engineMs), 'ms');
    record('impact.graphql.vs-engine', Number(ratio.toFixed(2)), '×', RATIO_LIMIT);
    return agree ? 0 : 1;
  } finally {
    if (child.exitCode === null) child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(30_000, false)]);
    if (!stopped) {
      child.kill('SIGKILL');
      await Promise.race([exited, sleep(10_000)]);
    }
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
