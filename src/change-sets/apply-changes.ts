import type { CriterionContent } from '../definitions/new-version.js';

/** ADD a criterion (all fields), MODIFY one by key (any fields), REMOVE one by key. */
export const CHANGE_KINDS = ['ADD', 'MODIFY', 'REMOVE'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A criterion as the change logic sees it: what it says, whichever version holds it. */
export type CriterionDraft = CriterionContent;

/** One change, as stored or as given in input. */
export interface Change {
  kind: ChangeKind;
  key: string;
  title?: string | null;
  text?: string | null;
  rule?: string | null;
  component?: string | null;
  level?: string | null;
}

/** Why a set of changes cannot be applied; `index` is the change's position in its list. */
export class ChangeError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(`change ${index}: ${message}`);
    this.name = 'ChangeError';
  }
}

const MODIFIABLE = ['component', 'title', 'text', 'rule', 'level'] as const;

/**
 * Checks that a list of changes is well-formed on its own: ADD carries every field,
 * MODIFY carries at least one, REMOVE carries none, and no key is changed twice.
 */
export function validateChanges(changes: readonly Change[]): void {
  const seen = new Set<string>();
  changes.forEach((change, index) => {
    if (seen.has(change.key)) throw new ChangeError(index, `key ${change.key} is changed twice`);
    seen.add(change.key);
    const given = MODIFIABLE.filter((field) => change[field] != null);
    if (change.kind === 'ADD') {
      const missing = (['component', 'title', 'text', 'rule'] as const).filter(
        (f) => change[f] == null,
      );
      if (missing.length > 0)
        throw new ChangeError(index, `ADD ${change.key} needs ${missing.join(', ')}`);
    } else if (change.kind === 'MODIFY' && given.length === 0) {
      throw new ChangeError(index, `MODIFY ${change.key} changes no field`);
    } else if (change.kind === 'REMOVE' && given.length > 0) {
      throw new ChangeError(index, `REMOVE ${change.key} takes no fields`);
    }
  });
}

/**
 * The criteria that result from applying changes in order to a base set. ADD of an
 * existing key, or MODIFY/REMOVE of a missing one, is an error naming the change.
 * Added criteria go to the end; order is otherwise kept.
 */
export function applyChanges(
  base: readonly CriterionDraft[],
  changes: readonly Change[],
): CriterionDraft[] {
  const result = base.map((criterion) => ({ ...criterion }));
  changes.forEach((change, index) => {
    const at = result.findIndex((criterion) => criterion.key === change.key);
    switch (change.kind) {
      case 'ADD':
        if (at >= 0) throw new ChangeError(index, `ADD ${change.key}: the criterion exists`);
        result.push({
          key: change.key,
          component: change.component!,
          title: change.title!,
          text: change.text!,
          rule: change.rule!,
          level: change.level ?? null,
        });
        break;
      case 'MODIFY':
        if (at < 0) throw new ChangeError(index, `MODIFY ${change.key}: no such criterion`);
        for (const field of MODIFIABLE) {
          const value = change[field];
          if (value != null) result[at] = { ...result[at], [field]: value };
        }
        break;
      case 'REMOVE':
        if (at < 0) throw new ChangeError(index, `REMOVE ${change.key}: no such criterion`);
        result.splice(at, 1);
        break;
    }
  });
  return result;
}

/** Criterion keys touched by more than one of the given change sets, with who touches them. */
export function conflictingKeys<T>(
  sets: ReadonlyArray<{ id: T; changes: readonly Change[] }>,
): Map<string, T[]> {
  const touchedBy = new Map<string, T[]>();
  for (const { id, changes } of sets) {
    for (const key of new Set(changes.map((change) => change.key))) {
      touchedBy.set(key, [...(touchedBy.get(key) ?? []), id]);
    }
  }
  return new Map([...touchedBy].filter(([, ids]) => ids.length > 1));
}
