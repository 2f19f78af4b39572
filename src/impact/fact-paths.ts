/**
 * Facts reduced to what some rules read (the engine's `factPaths` names it), so that
 * impact loads and groups only those.
 */
import type { Facts, FactPaths } from '../criteria/engine/index.js';

/**
 * The facts reduced to `paths`. A rule that reads only those paths gives the same result on
 * the reduced facts as on the whole: present objects stay present (possibly empty), so an
 * absent key stays absent and `has()` answers as before. The database loader builds the
 * same shape from SQL; this is its reference, used by the tests.
 */
export function projectFacts(facts: Facts, paths: FactPaths): Facts {
  const projected: Record<string, unknown> = {};
  const source = facts as Record<string, Record<string, unknown> | undefined>;
  for (const [top, keys] of paths) {
    const value = source[top];
    if (value === undefined) continue;
    if (keys === null) {
      projected[top] = value;
      continue;
    }
    const reduced: Record<string, unknown> = {};
    for (const key of keys) if (value[key] !== undefined) reduced[key] = value[key];
    projected[top] = reduced;
  }
  return projected;
}
