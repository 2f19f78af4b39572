/**
 * Amendment impact in one SQL statement over every system's current facts: the changed
 * criteria of both sides and the shared ones, translated to SQL (see
 * criteria/engine/sql-translator.ts), evaluated where the facts are stored. Only systems
 * whose outcome changes come back, so Node handles as many rows as there are changes.
 *
 * With U the shared criteria and B / A the base / amended versions of the rest, a verdict
 * is the AND of its criteria (FAIL if any fails, else UNKNOWN if any is unknown, else
 * PASS), so before = U AND B and after = U AND A. A system can change only where B and A
 * differ, and only if U does not fail: that is the WHERE clause, in the order PostgreSQL
 * evaluates it, so U is computed only for the systems where the changed criteria disagree.
 * Several amendments (a listing asking each for its impact) share one statement and one
 * scan: a flag per amendment, and the rows any of them changes.
 */
import {
  translateRule,
  type CriterionRule,
  type CriterionResult,
  type Outcome,
} from '../criteria/engine/index.js';
import { CriteriaSqlScope } from '../criteria/criteria-sql.js';
import { combine, splitCriteria, type ImpactEvaluation } from './impact-evaluation.js';
import { CURRENT_FACTS } from '../systems/current-facts.js';

/** The criteria of a base version and of the same version amended. */
export interface CriteriaPair {
  base: readonly CriterionRule[];
  amended: readonly CriterionRule[];
}

export interface SqlImpactQuery {
  sql: string;
  params: unknown[];
  /** Per pair, the keys of its changed criteria, base side and amended side, in column order. */
  sides: Array<{ before: string[]; after: string[] }>;
}

/** Why a set of criteria cannot be pushed down: the first rule the translator refused. */
export interface NotTranslatable {
  key: string;
  reason: string;
}

type Row = Record<string, unknown> & {
  id: string | null;
  slug: string | null;
  evaluated: number | null;
};

/**
 * The statement computing the impact of every pair in one pass over the facts (a list of
 * amendments costs one scan, not one per amendment), or why there is none.
 */
export function sqlImpactQuery(pairs: readonly CriteriaPair[]): SqlImpactQuery | NotTranslatable {
  const scope = new CriteriaSqlScope('fr.facts');
  const translate = (criteria: readonly CriterionRule[]): string[] | NotTranslatable => {
    const sql: string[] = [];
    for (const { key, rule } of criteria) {
      const translation = translateRule(rule, scope);
      if (!translation.ok) return { key, reason: translation.reason };
      sql.push(translation.sql);
    }
    return sql;
  };
  const all = (rules: string[]) => (rules.length === 0 ? 'TRUE' : rules.join(' AND '));
  const changed: string[] = [];
  const columns: string[] = [];
  const nulls: string[] = [];
  const sides: SqlImpactQuery['sides'] = [];
  for (const [k, pair] of pairs.entries()) {
    const { shared, before, after } = splitCriteria(pair.base, pair.amended);
    const u = translate(shared);
    if (!Array.isArray(u)) return u;
    const b = translate(before);
    if (!Array.isArray(b)) return b;
    const a = translate(after);
    if (!Array.isArray(a)) return a;
    const flag = `((${all(b)}) IS DISTINCT FROM (${all(a)}) AND (${all(u)}) IS NOT FALSE)`;
    changed.push(flag);
    const named = [
      [flag, `c${k}`],
      [all(u), `u${k}`],
      ...b.map((sql, i) => [sql, `b${k}_${i}`]),
      ...a.map((sql, i) => [sql, `a${k}_${i}`]),
    ];
    columns.push(...named.map(([sql, name]) => `${sql} AS ${name}`));
    nulls.push(...named.map(([, name]) => `NULL::boolean AS ${name}`));
    sides.push({ before: before.map((c) => c.key), after: after.map((c) => c.key) });
  }
  // The first row carries how many systems were evaluated; the rest, one per system some
  // pair changes. One statement, so the count and the changes come from one snapshot.
  const sql = `SELECT NULL::uuid AS id, NULL::text AS slug, count(*)::int AS evaluated${nulls.map((c) => `, ${c}`).join('')}
  FROM ai_systems WHERE current_revision > 0
UNION ALL
SELECT * FROM (
  SELECT s.id, s.slug, NULL::int AS evaluated${columns.map((c) => `, ${c}`).join('')}
    FROM ${CURRENT_FACTS}
    ${scope.joins()}
   WHERE ${changed.join(' OR ')}
) AS changed`;
  return { sql, params: scope.params, sides };
}

/** Runs the statement and reads its rows into the shape the in-memory path gives, per pair. */
export async function evaluateImpactInSql(
  run: (sql: string, params: unknown[]) => Promise<Row[]>,
  query: SqlImpactQuery,
): Promise<ImpactEvaluation[]> {
  const rows = await run(query.sql, query.params);
  const evaluated = rows.find((row) => row.id === null)?.evaluated ?? 0;
  // UNION ALL promises no order, so the changes are put in slug order here (slugs are ASCII).
  const systems = rows
    .filter((row): row is Row & { id: string; slug: string } => row.id !== null)
    .sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
  return query.sides.map((side, k) => {
    const result: ImpactEvaluation = {
      evaluated,
      systemIds: [],
      before: new Map(),
      after: new Map(),
    };
    for (const row of systems) {
      if (row[`c${k}`] !== true) continue;
      const common = outcome(row[`u${k}`] as boolean | null);
      const was = results(side.before, `b${k}_`, row);
      const is = results(side.after, `a${k}_`, row);
      result.systemIds.push(row.id);
      result.before.set(row.id, { outcome: combine(common, aggregate(was)), criteria: was });
      result.after.set(row.id, { outcome: combine(common, aggregate(is)), criteria: is });
    }
    return result;
  });
}

function results(keys: readonly string[], prefix: string, row: Row): CriterionResult[] {
  // Only outcomes decide which criteria changed a verdict; the in-memory path explains them.
  return keys.map((key, i) => ({
    key,
    outcome: outcome(row[`${prefix}${i}`] as boolean | null),
    explanation: '',
  }));
}

function aggregate(criteria: readonly CriterionResult[]): Outcome {
  return criteria.reduce<Outcome>((acc, c) => combine(acc, c.outcome), 'PASS');
}

function outcome(truth: boolean | null): Outcome {
  return truth === null ? 'UNKNOWN' : truth ? 'PASS' : 'FAIL';
}
