import type { CriterionResult, Outcome } from '../criteria/engine/index.js';
import type { VerdictChangeModel } from './models/verdict-change.model.js';

/** The verdicts of one system under two sets of criteria. */
export interface VerdictPair {
  before: { outcome: Outcome; criteria: CriterionResult[] };
  after: { outcome: Outcome; criteria: CriterionResult[] };
}

/**
 * The criteria that decided a change of verdict: those whose own outcome differs
 * between the two sides (a criterion only on one side counts as differing unless
 * it passes, since a passing criterion that appears or disappears changes nothing).
 */
export function decidedBy({ before, after }: VerdictPair): string[] {
  const beforeByKey = new Map(before.criteria.map((c) => [c.key, c.outcome]));
  const afterByKey = new Map(after.criteria.map((c) => [c.key, c.outcome]));
  const keys = new Set([...beforeByKey.keys(), ...afterByKey.keys()]);
  const decided: string[] = [];
  for (const key of keys) {
    const was = beforeByKey.get(key) ?? 'PASS';
    const is = afterByKey.get(key) ?? 'PASS';
    if (was !== is) decided.push(key);
  }
  return decided.sort();
}

/** Systems whose outcome differs between two evaluations, with the criteria that decided it, in the given order. */
export function verdictChanges(
  systemIds: string[],
  before: Map<string, VerdictPair['before']>,
  after: Map<string, VerdictPair['before']>,
  recorded: Map<string, Outcome>,
): VerdictChangeModel[] {
  const changes: VerdictChangeModel[] = [];
  for (const systemId of systemIds) {
    const was = before.get(systemId);
    const is = after.get(systemId);
    if (!was || !is || was.outcome === is.outcome) continue;
    changes.push({
      systemId,
      recorded: recorded.get(systemId) ?? null,
      before: was.outcome,
      after: is.outcome,
      decidedBy: decidedBy({ before: was, after: is }),
    });
  }
  return changes;
}
