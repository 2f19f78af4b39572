/**
 * The verdicts an amendment changes, computed without evaluating (or loading) more than it
 * must. A system's outcome aggregates its criteria (FAIL if any fails, else UNKNOWN if any is
 * unknown, else PASS), and the aggregate can be taken in parts; so with U the criteria both
 * sides share unchanged and B/A the base/amended versions of the rest:
 *
 *   before = U ∧ B, after = U ∧ A
 *
 * 1. B and A read few facts, and many systems have the same values for those: so B and A
 *    are evaluated once per distinct value (a group), not once per system. Where they agree,
 *    before and after agree too, whatever U says: none of that group's systems changes.
 * 2. The systems of the other groups (the candidates) are evaluated on U, criterion by
 *    criterion up to the first that fails: then both sides fail, no change. Otherwise before
 *    and after are exact, and the changed criteria's results are what `decidedBy` compares
 *    (U's are the same on both sides). Each criterion is again evaluated once per distinct
 *    value of the facts it reads, not once per system.
 *
 * This gives the same answer as evaluating both full criteria sets over every system's whole
 * facts (a spec checks it), at a fraction of the cost when an amendment touches a few
 * criteria. A rule's result depends only on the facts it reads: that is what makes both the
 * grouping and the reduced facts sound.
 */
import {
  factPaths,
  type CompiledCriteria,
  type CriteriaEngine,
  type CriterionRule,
  type Evaluation,
  type FactPaths,
  type Facts,
  type Outcome,
} from '../criteria/engine/index.js';
import type { VerdictPair } from '../verdicts/verdict-change.js';

/** Systems that have the same values for some facts; `key` names the values. */
export interface FactsGroup {
  key: string;
  count: number;
  /** The facts (reduced to the paths grouped on) every system of the group has. */
  facts: Facts;
}

/** Systems with, per part asked for, a key naming the values that part's facts have. */
export interface Members {
  rows: Array<{ id: string; slug: string; group: number; keys: string[] }>;
  /** The facts (reduced to the part's paths) that a part's key names. */
  facts(part: number, key: string): Facts;
}

/** Where the systems come from: the database in the service, an array in the specs. */
export interface FactsSource {
  /** The distinct values `paths` take in every system's current facts, with how many have each. */
  groups(paths: FactPaths): Promise<FactsGroup[]>;
  /**
   * The systems in the groups `keys` (of `groupPaths`; `group` is the index in `keys`), with
   * a key per part for their facts reduced to that part's paths.
   */
  members(groupPaths: FactPaths, keys: string[], parts: FactPaths[]): Promise<Members>;
}

export interface ImpactEvaluation {
  /** How many systems were evaluated. */
  evaluated: number;
  /** Systems whose outcome may differ (and every one that does), in slug order. */
  systemIds: string[];
  /** Their outcomes, with the results of the changed criteria only: the rest never decide. */
  before: Map<string, VerdictPair['before']>;
  after: Map<string, VerdictPair['after']>;
}

/** FAIL if either is FAIL, else UNKNOWN if either is UNKNOWN, else PASS. */
export function combine(a: Outcome, b: Outcome): Outcome {
  if (a === 'FAIL' || b === 'FAIL') return 'FAIL';
  return a === 'UNKNOWN' || b === 'UNKNOWN' ? 'UNKNOWN' : 'PASS';
}

/** Criteria of both sides split into those that differ in their rule (or exist on one side) and the rest. */
export function splitCriteria(
  base: readonly CriterionRule[],
  amended: readonly CriterionRule[],
): { shared: CriterionRule[]; before: CriterionRule[]; after: CriterionRule[] } {
  const amendedRules = new Map(amended.map((c) => [c.key, c.rule]));
  const baseRules = new Map(base.map((c) => [c.key, c.rule]));
  // A criterion whose rule is unchanged gives the same result on both sides; its level does
  // not enter the outcome, so a criterion that only moved to another level is shared too.
  const isShared = (c: CriterionRule) =>
    amendedRules.get(c.key) === c.rule && baseRules.get(c.key) === c.rule;
  return {
    shared: base.filter(isShared),
    before: base.filter((c) => !isShared(c)),
    after: amended.filter((c) => !isShared(c)),
  };
}

export async function evaluateImpact(
  engine: CriteriaEngine,
  base: readonly CriterionRule[],
  amended: readonly CriterionRule[],
  levels: readonly string[],
  source: FactsSource,
): Promise<ImpactEvaluation> {
  const { shared, before, after } = splitCriteria(base, amended);
  const compile = (criteria: CriterionRule[]) => engine.compile(criteria, { levels });
  const [beforeSet, afterSet] = [compile(before), compile(after)];

  // Step 1: the changed criteria on both sides, once per group.
  const changedPaths = factPaths([...before, ...after].map((c) => c.rule));
  const groups = await source.groups(changedPaths);
  const candidates: Array<{ key: string; before: Evaluation; after: Evaluation }> = [];
  let evaluated = 0;
  for (const group of groups) {
    evaluated += group.count;
    const was = engine.evaluate(beforeSet, group.facts);
    const is = engine.evaluate(afterSet, group.facts);
    if (was.outcome !== is.outcome) candidates.push({ key: group.key, before: was, after: is });
  }
  const result: ImpactEvaluation = {
    evaluated,
    systemIds: [],
    before: new Map(),
    after: new Map(),
  };
  if (candidates.length === 0) return result;

  // Step 2: the shared criteria for each system of the candidate groups, one by one so that
  // the first that fails settles it, and once per distinct value of the facts each reads.
  const sharedOutcome = sharedCriteria(
    engine,
    shared.map((criterion) => compile([criterion])),
  );
  const members = await source.members(
    changedPaths,
    candidates.map((c) => c.key),
    shared.map((c) => factPaths([c.rule])),
  );
  const kept: Array<{ id: string; slug: string }> = [];
  for (const { id, slug, group, keys } of members.rows) {
    const common = sharedOutcome(keys, members);
    if (common === 'FAIL') continue;
    // Shared criteria give the same result on both sides, so they never decide a change:
    // the changed criteria's results are all `decidedBy` needs.
    const { before: was, after: is } = candidates[group];
    result.before.set(id, { outcome: combine(common, was.outcome), criteria: was.criteria });
    result.after.set(id, { outcome: combine(common, is.outcome), criteria: is.criteria });
    kept.push({ id, slug });
  }
  kept.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  result.systemIds = kept.map((system) => system.id);
  return result;
}

/** The aggregate of the shared criteria for a system, given its keys: memoised per key. */
function sharedCriteria(engine: CriteriaEngine, sets: readonly CompiledCriteria[]) {
  const outcomes = sets.map(() => new Map<string, Outcome>());
  return (keys: readonly string[], members: Members): Outcome => {
    let aggregate: Outcome = 'PASS';
    for (let part = 0; part < sets.length; part++) {
      let outcome = outcomes[part].get(keys[part]);
      if (outcome === undefined) {
        outcome = engine.evaluate(sets[part], members.facts(part, keys[part])).outcome;
        outcomes[part].set(keys[part], outcome);
      }
      if (outcome === 'FAIL') return 'FAIL';
      if (outcome === 'UNKNOWN') aggregate = 'UNKNOWN';
    }
    return aggregate;
  };
}
