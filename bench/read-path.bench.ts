/**
 * The read path: `version(definition, label) { criteria verdicts }` through GraphQL over
 * HTTP, driven by autocannon at 10 connections, beside the raw `pg` queries that return the
 * same rows (a pg.Pool of 10 clients in 10 tight loops), for the same duration, one after the
 * other on the same database. The raw queries run twice: as plain parameterised statements
 * (parsed and planned on every call), then as named prepared statements, as the server runs
 * its hot ones; the better of the two is the limit.
 *
 * Figures: requests per second of each; `read-path.raw-pg-per-graphql` = best raw rps /
 * GraphQL rps, whose limit is 2 (the target "at least 50 % of the raw throughput": lower is
 * better, a ratio column over 1 means the target is missed); GraphQL p99, limit 50 ms.
 * The bench fails when the GraphQL answer and the raw rows differ, or a request fails.
 *
 * Spawns the built server on a fresh database of the local PostgreSQL server (see
 * server.ts). Run alone, after `npm run build`: npx tsx bench/read-path.bench.ts
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { ok } from '../testkit/graphql-client.js';
import { record, writeResults } from './results.js';
import { machineLoad, startServer } from './server.js';

const CONNECTIONS = 10;
const WARM_UP_S = 3;
const DURATION_S = 10;
const P99_LIMIT_MS = 50;
/** raw rps / GraphQL rps: at most 2, i.e. GraphQL at least half the raw throughput. */
const RAW_PER_GRAPHQL_LIMIT = 2;

const DEFINITION = 'osaid';
const LABEL = '1.0';
export const READ_QUERY = `{ version(definition: "${DEFINITION}", label: "${LABEL}") {
  criteria { key rule }
  verdicts { system { slug } outcome criteria { key outcome } } } }`;

/** The same rows, straight from the tables: the version's criteria, and its cached verdicts. */
const RAW_CRITERIA = `
  SELECT c.key, c.rule
    FROM definitions d
    JOIN definition_versions v ON v.definition_id = d.id
    JOIN criteria c ON c.version_id = v.id
   WHERE d.slug = $1 AND v.label = $2
   ORDER BY c.position`;
const RAW_VERDICTS = `
  SELECT s.slug, vd.outcome, vd.criteria
    FROM definitions d
    JOIN definition_versions v ON v.definition_id = d.id
    JOIN verdicts vd ON vd.version_id = v.id AND vd.source = 'COMPUTED'
    JOIN ai_systems s ON s.id = vd.system_id
    JOIN fact_revisions fr ON fr.system_id = s.id AND fr.revision = s.current_revision
   WHERE d.slug = $1 AND v.label = $2 AND vd.fact_revision_id = fr.id
   ORDER BY s.slug`;

interface Answer {
  criteria: Array<{ key: string; rule: string }>;
  verdicts: Array<{
    system: { slug: string };
    outcome: string;
    criteria: Array<{ key: string; outcome: string }>;
  }>;
}

/** Both raw queries, as plain parameterised statements or as named prepared ones. */
async function rawAnswer(pool: pg.Pool, prepared: boolean): Promise<Answer> {
  const values = [DEFINITION, LABEL];
  const criteria = await pool.query<{ key: string; rule: string }>({
    text: RAW_CRITERIA,
    values,
    ...(prepared ? { name: 'raw-criteria' } : {}),
  });
  const verdicts = await pool.query<{
    slug: string;
    outcome: string;
    criteria: Array<{ key: string; outcome: string }>;
  }>({ text: RAW_VERDICTS, values, ...(prepared ? { name: 'raw-verdicts' } : {}) });
  return {
    criteria: criteria.rows.map(({ key, rule }) => ({ key, rule })),
    verdicts: verdicts.rows.map((row) => ({
      system: { slug: row.slug },
      outcome: row.outcome,
      criteria: row.criteria.map(({ key, outcome }) => ({ key, outcome })),
    })),
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** CONNECTIONS loops, each running both raw queries back to back, for `seconds`. */
async function rawLoad(
  pool: pg.Pool,
  seconds: number,
  prepared: boolean,
): Promise<{ rps: number; p99: number; n: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const until = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const t = performance.now();
      await rawAnswer(pool, prepared);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p99: percentile(latencies, 99), n: latencies.length };
}

async function graphqlLoad(url: string, seconds: number) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: READ_QUERY }),
    verifyBody: (body) => body.startsWith('{"data":{"version":'),
  });
  const failed = result.errors + result.timeouts + result.non2xx + result.mismatches;
  return {
    rps: result['2xx'] / result.duration,
    p99: result.latency.p99,
    p50: result.latency.p50,
    n: result['2xx'],
    failed,
  };
}

/** Runs the benchmark, prints and records its figures; returns the number of failures. */
export async function run(): Promise<number> {
  const server = await startServer('read');
  const pool = new pg.Pool({ connectionString: server.databaseUrl, max: CONNECTIONS });
  try {
    // The first read computes and caches the verdicts; both sides then read the cache.
    const served = await ok<{ version: Answer }>(server.url, READ_QUERY);
    const raw = await rawAnswer(pool, false);
    const agree = JSON.stringify(served.version) === JSON.stringify(raw);
    console.log(
      `${raw.criteria.length} criteria, ${raw.verdicts.length} verdicts; ` +
        (agree ? 'GraphQL and raw pg return the same rows' : 'DISAGREEMENT with the raw rows'),
    );

    await graphqlLoad(server.url, WARM_UP_S);
    const api = await graphqlLoad(server.url, DURATION_S);
    await rawLoad(pool, WARM_UP_S, false);
    const plain = await rawLoad(pool, DURATION_S, false);
    await rawLoad(pool, WARM_UP_S, true);
    const prepared = await rawLoad(pool, DURATION_S, true);
    // The limit is the better of the two raw ways; the server prepares its hot statements too.
    const best = prepared.rps >= plain.rps ? prepared : plain;

    console.log(
      `\nread path, ${CONNECTIONS} connections, ${DURATION_S} s each after ${WARM_UP_S} s warm-up; ${machineLoad()}`,
    );
    const row = (path: string, figures: { rps: number; p99: number; n: number }, failed = 0) => ({
      path,
      'req/s': Math.round(figures.rps),
      'p99 ms': Number(figures.p99.toFixed(1)),
      requests: figures.n,
      failed,
    });
    console.table([
      row('GraphQL over HTTP (autocannon)', api, api.failed),
      row('raw pg, 2 plain statements', plain),
      row('raw pg, 2 prepared statements', prepared),
    ]);
    console.log(
      `GraphQL reaches ${((100 * api.rps) / best.rps).toFixed(0)} % of the better raw pg figure ` +
        `(${((100 * api.rps) / plain.rps).toFixed(0)} % of plain statements; target ≥ 50 %); ` +
        `p99 ${api.p99} ms (target < ${P99_LIMIT_MS} ms)`,
    );

    record('read-path.graphql.rps', Math.round(api.rps), 'req/s');
    record('read-path.raw-pg.plain.rps', Math.round(plain.rps), 'req/s');
    record('read-path.raw-pg.prepared.rps', Math.round(prepared.rps), 'req/s');
    record(
      'read-path.raw-pg-per-graphql (lower is better)',
      Number((best.rps / api.rps).toFixed(2)),
      '×',
      RAW_PER_GRAPHQL_LIMIT,
    );
    record('read-path.graphql.p99', api.p99, 'ms', P99_LIMIT_MS);
    return (agree ? 0 : 1) + (api.failed > 0 ? 1 : 0);
  } finally {
    await pool.end();
    await server.stop();
  }
}

// Run alone: npx tsx bench/read-path.bench.ts
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
