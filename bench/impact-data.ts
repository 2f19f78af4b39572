/**
 * The generated catalogue of the impact bench, grown in place: 10k → 100k → 1M systems, each
 * size adding only the rows the database lacks.
 *
 * Systems 0 … 99,999 have the facts of `generateFacts(100_000)` (testkit/generate-facts.ts:
 * seeded, schema-valid, with absent and unreleased components, custom, compound and
 * exception licences, missing, clean and restrictive terms), sent as JSON and unpacked by
 * `jsonb_array_elements` in batches. The generator is a seeded sequence, so its first 10,000
 * are `generateFacts(10_000)`: the 10k and 100k catalogues are exactly the generator's.
 *
 * Beyond 100,000, system n copies the facts of system h(n) mod 100,000, h a hash of n, inside
 * PostgreSQL. Measured on this machine, building or parsing a system's facts costs 45–70 µs
 * (JSON text through `jsonb_array_elements`, or `jsonb_build_object` from hashed row numbers),
 * copying one 2 µs: the million would take a minute more to build. A million systems then
 * hold 100,000 distinct fact sets, ten of each; neither impact path gains from that, since
 * both work on the few facts each rule reads (whose distinct values are far fewer than
 * 100,000), not on whole fact sets, and every row is stored, scanned and joined on its own.
 *
 * Every licence the facts name gets its `license_verdicts` row first: a trigger on
 * fact_revisions refuses facts naming a licence the table lacks.
 */
import { licensesIn, upsertLicenseVerdicts } from '../src/criteria/license-table.js';
import type { Facts } from '../src/criteria/engine/index.js';
import { generateFacts } from '../testkit/generate-facts.js';

/** How many distinct generated fact sets there are; systems beyond repeat them. */
export const DISTINCT = 100_000;
/** Rows per INSERT: JSON batches (~1 KB a system) and copy batches. */
const JSON_BATCH = 25_000;
const COPY_BATCH = 250_000;

export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The slug of generated system n: zero-padded, so slug order is row order. */
const slugSql = (n: string) => `'bench-' || lpad(${n}::text, 7, '0')`;
/** Its id, derived from n so that the two inserts and the copies agree without a lookup. */
const idSql = (n: string) => `md5('redline-bench-' || ${n})::uuid`;

let generated: Facts[] | undefined;
/** The distinct fact sets, generated once per process (~1.5 s). */
function distinctFacts(): Facts[] {
  generated ??= generateFacts(DISTINCT);
  return generated;
}

/** Adds systems `from` … `to - 1`, each with one fact revision, one transaction per batch. */
export async function growCatalogue(client: Queryable, from: number, to: number): Promise<void> {
  const facts = distinctFacts();
  await upsertLicenseVerdicts(client, new Set(facts.flatMap(licensesIn)));

  const systems = `INSERT INTO ai_systems (id, slug, name, developer, current_revision)
    SELECT ${idSql('n')}, ${slugSql('n')}, ${slugSql('n')}, 'Bench', 1
      FROM generate_series($1::int, $2::int - 1) AS n`;
  const batches = (start: number, end: number, size: number) =>
    Array.from({ length: Math.max(0, Math.ceil((end - start) / size)) }, (_, i) => [
      start + i * size,
      Math.min(end, start + (i + 1) * size),
    ]);

  // Generated facts, sent as one JSON array per batch.
  for (const [start, end] of batches(from, Math.min(to, DISTINCT), JSON_BATCH)) {
    await client.query('BEGIN');
    await client.query(systems, [start, end]);
    await client.query(
      `INSERT INTO fact_revisions (system_id, revision, facts)
       SELECT ${idSql(`($1::int + t.i - 1)`)}, 1, t.f
         FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS t(f, i)`,
      [start, JSON.stringify(facts.slice(start, end))],
    );
    await client.query('COMMIT');
  }
  // Copies of them, made in PostgreSQL from a table of the distinct fact sets.
  const copies = batches(Math.max(from, DISTINCT), to, COPY_BATCH);
  if (copies.length === 0) return;
  await client.query(`CREATE TEMP TABLE IF NOT EXISTS bench_distinct_facts AS
    SELECT n AS i, fr.facts FROM generate_series(0, ${DISTINCT - 1}) AS n
      JOIN fact_revisions fr ON fr.system_id = ${idSql('n')} AND fr.revision = 1`);
  await client.query('ANALYZE bench_distinct_facts');
  for (const [start, end] of copies) {
    await client.query('BEGIN');
    await client.query("SET LOCAL work_mem = '256MB'");
    // The licence trigger costs ~45 µs a row, half of a copy's cost: it is off for this
    // transaction only (DDL is transactional: a failure turns it back on), because a copy
    // names no licence that the trigger has not already accepted in the facts it copies.
    await client.query('ALTER TABLE fact_revisions DISABLE TRIGGER fact_revisions_licenses_known');
    await client.query(systems, [start, end]);
    await client.query(
      `INSERT INTO fact_revisions (system_id, revision, facts)
       SELECT ${idSql('n')}, 1, d.facts
         FROM generate_series($1::int, $2::int - 1) AS n
         JOIN bench_distinct_facts d ON d.i = (hashint8extended(n, 42) & 2147483647) % ${DISTINCT}`,
      [start, end],
    );
    await client.query('ALTER TABLE fact_revisions ENABLE TRIGGER fact_revisions_licenses_known');
    await client.query('COMMIT');
  }
}
