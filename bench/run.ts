/**
 * `npm run bench` (after the build): the criteria-engine bench, the embedded start-up bench,
 * then amendment impact at 10k, 100k and 1M systems, pushed down and in memory (about three
 * minutes), on the local PostgreSQL server, in one run;
 * writes bench/results.json and prints every figure beside its limit.
 */
import { readFileSync } from 'node:fs';
import { run as runEngine } from './engine.bench.js';
import { run as runFieldPrices } from './field-prices.bench.js';
import { run as runImpact } from './impact.bench.js';
import { run as runReadPath } from './read-path.bench.js';
import { writeResults, type BenchRecord } from './results.js';
import { run as runSqlCount } from './sql-count.bench.js';
import { run as runStartup } from './startup.bench.js';
import { run as runWritePath } from './write-path.bench.js';

async function main(): Promise<void> {
  const started = performance.now();

  console.log('== criteria engine ==\n');
  const disagreements = runEngine();
  console.log('\n== embedded start-up ==\n');
  await runStartup();
  console.log('\n== amendment impact ==\n');
  const impactDisagreements = await runImpact();
  // Read path, castVote under 50 clients, SQL statements per list request: each returns failures.
  console.log('\n== read path, write path, SQL per request ==\n');
  const pathFailures = (await runReadPath()) + (await runWritePath());
  await runSqlCount();
  console.log('\n== what computed fields cost (query cost prices) ==\n');
  await runFieldPrices();

  const file = writeResults();
  const records = JSON.parse(readFileSync(file, 'utf8')) as BenchRecord[];
  console.log(`\n== summary: ${file} ==\n`);
  console.table(
    records.map((entry) => ({
      name: entry.name,
      value: entry.value,
      unit: entry.unit,
      limit: entry.limit ?? '',
      ratio: entry.ratio === null ? '' : entry.ratio.toFixed(2),
    })),
  );
  const over = records.filter((entry) => entry.ratio !== null && entry.ratio > 1);
  console.log(
    over.length === 0
      ? 'every figure with a limit is within it'
      : `OVER the limit: ${over.map((entry) => entry.name).join(', ')}`,
  );
  console.log(`bench finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (disagreements > 0 || impactDisagreements > 0 || pathFailures > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
