/** The fields of a criterion that a diff compares. */
export interface ComparableCriterion {
  key: string;
  component: string;
  title: string;
  text: string;
  rule: string;
  level: string | null;
}

const COMPARED = ['component', 'title', 'text', 'rule', 'level'] as const;
export type ComparedField = (typeof COMPARED)[number];

export interface CriteriaDiff<C extends ComparableCriterion> {
  added: C[];
  removed: C[];
  modified: Array<{ key: string; before: C; after: C; fields: ComparedField[] }>;
}

/** Criteria added, removed and modified between two versions, matched by key; order follows `to`, then `from`. */
export function diffCriteria<C extends ComparableCriterion>(from: C[], to: C[]): CriteriaDiff<C> {
  const before = new Map(from.map((c) => [c.key, c]));
  const after = new Map(to.map((c) => [c.key, c]));
  const diff: CriteriaDiff<C> = { added: [], removed: [], modified: [] };
  for (const criterion of to) {
    const old = before.get(criterion.key);
    if (!old) {
      diff.added.push(criterion);
      continue;
    }
    const fields = COMPARED.filter((field) => (old[field] ?? null) !== (criterion[field] ?? null));
    if (fields.length > 0)
      diff.modified.push({ key: criterion.key, before: old, after: criterion, fields });
  }
  for (const criterion of from) if (!after.has(criterion.key)) diff.removed.push(criterion);
  return diff;
}
