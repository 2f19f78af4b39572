/**
 * Every system's facts, already loaded (reduced to the facts some rules read), served as a
 * FactsSource: the in-memory path for several amendments at once then reads the database
 * once instead of twice per amendment. Meant for catalogues below the SQL threshold.
 */
import type { FactPaths, Facts } from '../criteria/engine/index.js';
import { projectFacts } from './fact-paths.js';
import type { FactsGroup, FactsSource, Members } from './impact-evaluation.js';

export interface SystemFacts {
  id: string;
  slug: string;
  facts: Facts;
}

export function loadedFactsSource(systems: readonly SystemFacts[]): FactsSource {
  const keyOf = (facts: Facts, paths: FactPaths) => JSON.stringify(projectFacts(facts, paths));
  return {
    groups(paths: FactPaths): Promise<FactsGroup[]> {
      const groups = new Map<string, FactsGroup>();
      for (const { facts } of systems) {
        const key = keyOf(facts, paths);
        const group = groups.get(key);
        if (group) group.count++;
        else groups.set(key, { key, count: 1, facts: projectFacts(facts, paths) });
      }
      return Promise.resolve([...groups.values()]);
    },
    members(groupPaths: FactPaths, keys: string[], parts: FactPaths[]): Promise<Members> {
      const index = new Map(keys.map((key, i) => [key, i]));
      const rows: Members['rows'] = [];
      for (const { id, slug, facts } of systems) {
        const group = index.get(keyOf(facts, groupPaths));
        if (group === undefined) continue;
        rows.push({ id, slug, group, keys: parts.map((paths) => keyOf(facts, paths)) });
      }
      return Promise.resolve({ rows, facts: (_part, key) => JSON.parse(key) as Facts });
    },
  };
}
