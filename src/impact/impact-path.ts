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

export function chooseImpactPath(
  systems: number,
  threshold: number,
  translatable: boolean,
): ImpactPath {
  // A rule the translator refused is evaluated in memory, whatever the size: never widened.
  if (!translatable) return 'MEMORY';
  return systems >= threshold ? 'SQL' : 'MEMORY';
}
