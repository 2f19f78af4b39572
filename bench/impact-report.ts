/**
 * The impact bench's figures as a table, and the size from which pushing impact down to
 * PostgreSQL wins: the measurement behind the default IMPACT_SQL_THRESHOLD.
 */

/** One (size, path) measurement. */
export interface Cell {
  size: number;
  path: string;
  /** Median of `times`, in ms. */
  ms: number;
  times: number[];
  /** Resident memory after start-up, its highest sample during the previews, and VmHWM. */
  idleMb: number;
  busyMb: number;
  peakMb: number;
  /** One-minute load average before and after the previews. */
  load: number[];
  answer: { summary: { evaluated: number }; changes: unknown[] };
}

export function printCells(cells: Cell[]): void {
  console.log('\nimpact of MODIFY parameters.terms through GraphQL/HTTP (median after a warm-up)');
  console.table(
    cells.map((cell) => ({
      systems: cell.answer.summary.evaluated,
      path: cell.path,
      'median ms': Math.round(cell.ms),
      'µs/system': Number(((cell.ms * 1000) / cell.answer.summary.evaluated).toFixed(2)),
      runs: cell.times.length,
      changes: cell.answer.changes.length,
      'RSS idle MB': Math.round(cell.idleMb),
      'RSS busy MB': Math.round(cell.busyMb),
      'VmHWM MB': Math.round(cell.peakMb),
      'load avg': cell.load.map((l) => l.toFixed(1)).join('→'),
    })),
  );
}

/** How much faster the pushed-down path must be to count as winning, not as noise. */
export const WIN_MARGIN = 0.1;

/**
 * The smallest measured size from which the pushed-down path is faster by more than
 * WIN_MARGIN at every larger measured size too, with the ratios below it.
 */
export function crossover(cells: Cell[]): { systems: number | null; text: string } {
  // Sizes counted as the server counts them: the reference systems included.
  const systems = (cell: Cell) => cell.answer.summary.evaluated;
  const sizes = [...new Set(cells.map(systems))].sort((a, b) => a - b);
  const ratio = (size: number) => {
    const at = (path: string) => cells.find((c) => systems(c) === size && c.path === path)!.ms;
    return at('sql') / at('memory');
  };
  let first = sizes.length;
  while (first > 0 && ratio(sizes[first - 1]) < 1 - WIN_MARGIN) first--;
  const ratios = sizes.map((size) => `${size}: ${ratio(size).toFixed(2)}`).join(', ');
  if (first === sizes.length) {
    return {
      systems: null,
      text: `pushed down is not clearly faster at the largest size (pushed-down / in-memory time at ${ratios})`,
    };
  }
  return {
    systems: sizes[first],
    text: `pushed down is faster by more than ${WIN_MARGIN * 100}% from ${sizes[first]} systems on (pushed-down / in-memory time at ${ratios})`,
  };
}
