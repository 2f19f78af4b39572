/**
 * Where amendment impact is computed, decided here and nowhere else.
 *
 * In memory (impact-evaluation.ts) the server groups systems by the values of the facts the
 * changed rules read and evaluates each group once; it needs every rule in the engine and
 * pays for moving the grouped facts out of PostgreSQL. In SQL (sql-impact.ts) the database
 * evaluates every system's translated rules where the facts are stored, and only the
 * changes travel. Below the threshold the two are close and the in-memory path explains
 * more; above it the SQL path wins and its memory stays flat (docs/performance.md has the
 * figures behind the default, IMPACT_SQL_THRESHOLD).
 */
export type ImpactPath = 'SQL' | 'MEMORY';

export interface ImpactPlan {
  path: ImpactPath;
  /**
   * In memory with several comparisons below the threshold: every system's facts (the few
   * the rules read) are loaded once for all of them, rather than read per comparison.
   */
  loadOnce: boolean;
  /** SQL was due (by size, or forced) but a rule has no SQL form, so memory it is. */
  fellBack: boolean;
}

export function planImpact(input: {
  /** Systems with facts; null when the path is forced and they were not counted. */
  systems: number | null;
  threshold: number;
  /** Every rule has an SQL form. */
  translatable: boolean;
  comparisons: number;
  /** A path the caller insists on (the equivalence tests and benches). */
  forced?: ImpactPath;
}): ImpactPlan {
  const { systems, threshold, translatable, comparisons, forced } = input;
  const small = systems !== null && systems < threshold;
  // A rule the translator refused is evaluated in memory, whatever the size: never widened.
  const path: ImpactPath = !translatable ? 'MEMORY' : (forced ?? (small ? 'MEMORY' : 'SQL'));
  return {
    path,
    loadOnce: path === 'MEMORY' && comparisons > 1 && small,
    fellBack: !translatable && (forced === 'SQL' || (forced === undefined && !small)),
  };
}
