/**
 * SQL statements per GraphQL request for the heaviest list queries, at two sizes: the
 * amendments listing (proposer, changes, comments, votes, tally), the systems list with
 * each system's verdict, a version's verdicts, and a version diff with its verdict changes.
 * Each figure is the count at LARGE items, recorded with the count at SMALL items as its
 * limit: a ratio of 1 means the count does not grow with the number of items.
 *
 * In-process: the built application (dist/) on a fresh database of the local PostgreSQL
 * server, with the reference data; statements are counted as the e2e suites count them
 * (test/support/test-app.ts), by wrapping pg.Client#query while one request runs, the
 * least of three runs. The voting-deadline sweeper is slowed down so it cannot land in one.
 *
 * Run alone, after `npm run build`: npx tsx bench/sql-count.bench.ts
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { Facts } from '../src/criteria/engine/index.js';
import { licensesIn, upsertLicenseVerdicts } from '../src/criteria/license-table.js';
import {
  addComment,
  amendmentInput,
  castVote,
  committeeMember,
  proposeAmendment,
  STEWARD,
  stewardToken,
  transition,
} from '../testkit/factories/index.js';
import { generateFacts } from '../testkit/generate-facts.js';
import { ok } from '../testkit/graphql-client.js';
import { freshDatabase } from '../testkit/server-database.js';
import { record, writeResults } from './results.js';
import { ADMIN_URL, projectRoot } from './server.js';

const SMALL = 10;
const LARGE = 100;
/** Members who propose, comment and vote, round robin, so each loader batches several. */
const MEMBERS = 5;

const QUERIES = {
  amendments: `{ amendments(definition: "osaid", first: 100) { totalCount edges { node {
    number proposer { handle } changes { key } comments { body author { handle } }
    votes { choice voter { handle } } tally { passed } } } } }`,
  'systems-with-verdict': `{ systems(first: 100) { totalCount edges { node {
    slug factRevision verdict(definition: "mof", version: "1.0") { outcome level criteria { key outcome } } } } } }`,
  'version-verdicts': `{ version(definition: "osaid", label: "1.0") {
    criteria { key rule } verdicts { system { slug } outcome factRevision criteria { key outcome } } } }`,
  'version-diff': `{ versionDiff(definition: "osaid", from: "0.0.9", to: "1.0") {
    added { key } removed { key } modified { key changedFields }
    verdictChanges { system { slug } recorded before after decidedBy } } }`,
} as const;
type QueryName = keyof typeof QUERIES;

/**
 * A module of the built application, imported at run time: tsx cannot emit the decorator
 * metadata Nest's injection needs. Typed as its source.
 */
async function dist<T>(path: string): Promise<T> {
  return (await import(pathToFileURL(join(projectRoot(), 'dist', path)).href)) as T;
}

/** How many statements reach PostgreSQL from this process while `work` runs. */
async function countStatements(work: () => Promise<unknown>): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}

/**
 * Adds generated systems (one fact revision each) until there are `total`. The first one
 * added is OLMo without a description of all its data, whose verdict flips from 0.0.9 to
 * 1.0: the diff then lists a change at either size, as a real catalogue would.
 */
async function growSystems(db: pg.Client, total: number): Promise<void> {
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ai_systems`)).rows;
  const facts = generateFacts(total - n, total);
  const { rows } = await db.query<{ facts: Facts }>(
    `SELECT fr.facts FROM ai_systems s
       JOIN fact_revisions fr ON fr.system_id = s.id AND fr.revision = s.current_revision
      WHERE s.slug = 'olmo'`,
  );
  const olmo = rows[0].facts;
  facts[0] = { ...olmo, dataInformation: { ...olmo.dataInformation, describesAllData: false } };
  const ids = facts.map(() => randomUUID());
  const slugs = facts.map((_, i) => `sql-count-${total}-${i}`);
  // A trigger refuses facts naming a licence without its `license_verdicts` row.
  await upsertLicenseVerdicts(db, new Set(facts.flatMap(licensesIn)));
  await db.query(
    `INSERT INTO ai_systems (id, slug, name, developer, current_revision)
     SELECT id, slug, slug, 'Bench', 1 FROM unnest($1::uuid[], $2::text[]) AS t(id, slug)`,
    [ids, slugs],
  );
  await db.query(
    `INSERT INTO fact_revisions (system_id, revision, facts)
     SELECT id, 1, facts FROM unnest($1::uuid[], $2::jsonb[]) AS t(id, facts)`,
    [ids, facts.map((f) => JSON.stringify(f))],
  );
}

interface World {
  url: string;
  steward: string;
  members: string[];
  amendments: number;
}

/** Adds amendments in VOTING, each with a comment and a vote, until there are `total`. */
async function growAmendments(world: World, total: number): Promise<void> {
  const member = (i: number) => world.members[i % world.members.length];
  while (world.amendments < total) {
    const i = world.amendments;
    const input = amendmentInput({
      title: `Amendment ${i}`,
      rationale: 'SQL count bench',
      changes: [{ kind: 'MODIFY', key: 'parameters.terms', title: `Parameters, take ${i}` }],
    });
    const { number } = await proposeAmendment(world, member(i), input);
    await addComment(world, member(i + 1), number, { body: 'A comment' });
    await transition(world, world.steward, 'openVoting', number);
    await castVote(world, member(i + 2), number);
    world.amendments++;
  }
}

/**
 * Statements for each query: the least of three warm runs, and the first (cold) run, which
 * fills the verdict cache for the systems just added (each query reads verdicts of its own
 * version: MOF 1.0, OSAID 1.0, then the diff adds OSAID 0.0.9).
 */
async function measure(url: string): Promise<Record<QueryName, { cold: number; warm: number }>> {
  const figures = {} as Record<QueryName, { cold: number; warm: number }>;
  for (const name of Object.keys(QUERIES) as QueryName[]) {
    const cold = await countStatements(() => ok(url, QUERIES[name]));
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) runs.push(await countStatements(() => ok(url, QUERIES[name])));
    figures[name] = { cold, warm: Math.min(...runs) };
  }
  return figures;
}

/** Runs the benchmark, prints and records its figures. */
export async function run(): Promise<void> {
  const { createApp } = await dist<typeof import('../src/bootstrap.js')>('src/bootstrap.js');
  const { loadConfig } = await dist<typeof import('../src/common/config/config.js')>(
    'src/common/config/config.js',
  );
  const { openDatabase } = await dist<typeof import('../src/common/database/database.js')>(
    'src/common/database/database.js',
  );
  const { seedReferenceData } =
    await dist<typeof import('../src/seed/seeder.js')>('src/seed/seeder.js');
  const { ENTITIES } = await dist<typeof import('../src/entities.js')>('src/entities.js');

  const database = await freshDatabase(ADMIN_URL, 'redline_sqlcount');
  const db = new pg.Client({ connectionString: database.url });
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let opened: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    opened = await openDatabase({
      entities: ENTITIES,
      databaseUrl: database.url,
      dataDir: null,
      poolSize: 10,
    });
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      STEWARD_EMAIL: STEWARD.email,
      STEWARD_PASSWORD: STEWARD.password,
      DEADLINE_SWEEP_MS: String(3_600_000),
      SIGN_UPS_PER_ADDRESS: '1000000',
    });
    app = await createApp(config, opened, ['error', 'warn']);
    await seedReferenceData(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.getHttpServer().address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/graphql`;
    await db.connect();

    const steward = await stewardToken({ url });
    const world: World = { url, steward, members: [], amendments: 0 };
    for (let i = 0; i < MEMBERS; i++) {
      world.members.push((await committeeMember(world, steward, { handle: `member-${i}` })).token);
    }

    const sizes: Array<Record<QueryName, { cold: number; warm: number }>> = [];
    for (const size of [SMALL, LARGE]) {
      await growSystems(db, size);
      await growAmendments(world, size);
      sizes.push(await measure(url));
    }
    const [small, large] = sizes;

    console.log(
      `\nSQL statements per request, ${SMALL} and ${LARGE} items (systems or amendments); ` +
        'warm = least of three runs after the first, cold = the first (fills the verdict cache)',
    );
    console.table(
      (Object.keys(QUERIES) as QueryName[]).map((name) => ({
        query: name,
        [`cold ${SMALL}`]: small[name].cold,
        [`cold ${LARGE}`]: large[name].cold,
        [`warm ${SMALL}`]: small[name].warm,
        [`warm ${LARGE}`]: large[name].warm,
      })),
    );
    for (const name of Object.keys(QUERIES) as QueryName[]) {
      record(`sql-count.${name}.${LARGE}`, large[name].warm, 'statements', small[name].warm);
      if (name !== 'amendments') {
        record(`sql-count.${name}.${LARGE}.cold`, large[name].cold, 'statements', small[name].cold);
      }
    }
  } finally {
    await db.end().catch(() => undefined);
    await app?.close();
    if (opened?.dataSource.isInitialized) await opened.dataSource.destroy();
    await database.drop();
  }
}

// Run alone: npx tsx bench/sql-count.bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  run()
    .then(() => console.log(`results written to ${writeResults()}`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
