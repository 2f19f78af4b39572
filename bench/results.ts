/**
 * Benchmark figures collected by the bench scripts and written to bench/results.json,
 * merged by name so that one script's run keeps the other scripts' figures.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchRecord {
  name: string;
  value: number;
  unit: string;
  /** An upper bound the figure should stay under, when there is one. */
  limit: number | null;
  /** value / limit: above 1 means over the limit. */
  ratio: number | null;
}

/** bench/results.json at the project root, whether this runs from bench/ (tsx) or a build. */
function resultsFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    if (dirname(dir) === dir) throw new Error('no package.json above the bench scripts');
    dir = dirname(dir);
  }
  return join(dir, 'bench', 'results.json');
}

const records: BenchRecord[] = [];

export function record(name: string, value: number, unit: string, limit?: number): void {
  records.push({
    name,
    value,
    unit,
    limit: limit ?? null,
    ratio: limit === undefined ? null : value / limit,
  });
}

/** Writes this run's records into bench/results.json, replacing earlier ones of the same name. */
export function writeResults(): string {
  const file = resultsFile();
  const previous: BenchRecord[] = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as BenchRecord[])
    : [];
  const byName = new Map(previous.map((entry) => [entry.name, entry]));
  for (const entry of records) byName.set(entry.name, entry);
  const merged = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  return file;
}
