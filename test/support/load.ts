import type { GraphQLResponse } from '../../testkit/graphql-client.js';
import { codes } from '../../testkit/graphql-client.js';

/** What one burst of concurrent requests did, for the figures a suite prints. */
export interface BurstFigures {
  name: string;
  requests: number;
  successes: number;
  conflicts: number;
  /** Any other error code, or a request that failed outright. */
  others: number;
  elapsedMs: number;
}

export interface Burst<T> {
  figures: BurstFigures;
  results: Array<GraphQLResponse<T>>;
}

/**
 * Fires every call at once (each already built, so none waits on another) and
 * times the whole burst until the last answer.
 */
export async function burst<T>(
  name: string,
  calls: Array<() => Promise<GraphQLResponse<T>>>,
): Promise<Burst<T>> {
  const started = performance.now();
  const results = await Promise.all(calls.map((call) => call()));
  const elapsedMs = Math.round(performance.now() - started);
  const outcome = results.map((result) => (result.errors?.length ? codes(result).join(',') : ''));
  return {
    results,
    figures: {
      name,
      requests: results.length,
      successes: outcome.filter((code) => code === '').length,
      conflicts: outcome.filter((code) => code === 'CONFLICT').length,
      others: outcome.filter((code) => code !== '' && code !== 'CONFLICT').length,
      elapsedMs,
    },
  };
}

/** Runs `work` on each item with at most `parallel` in flight, keeping the order of results. */
export async function inBatches<I, O>(
  items: readonly I[],
  parallel: number,
  work: (item: I, index: number) => Promise<O>,
): Promise<O[]> {
  const out: O[] = new Array<O>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return out;
}

/** The figures as an aligned text table. */
export function figuresTable(title: string, rows: readonly BurstFigures[]): string {
  const header = ['burst', 'requests', 'ok', 'CONFLICT', 'other', 'ms', 'req/s'];
  const lines = rows.map((row) => [
    row.name,
    String(row.requests),
    String(row.successes),
    String(row.conflicts),
    String(row.others),
    String(row.elapsedMs),
    String(Math.round((row.requests * 1000) / Math.max(row.elapsedMs, 1))),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...lines.map((l) => l[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  return [title, format(header), ...lines.map(format)].join('\n');
}
