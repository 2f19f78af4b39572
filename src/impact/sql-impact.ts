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
 */
import type { CriterionRule, CriterionResult, Outcome } from '../criteria/engine/index.js';
import { translateRule } from '../criteria/engine/sql-translator.js';
import { CriteriaSqlScope } from '../criteria/criteria-sql.js';
import { combine, splitCriteria, type ImpactEvaluation } from './impact-evaluation.js';

export interface SqlImpactQuery {
  sql: string;
  params: unknown[];
  /** Keys of the changed criteria, base side then amended side, in column order. */
  before: string[];
  after: string[];
}

/** Why a set of criteria cannot be pushed down: the first rule the translator refused. */
export interface NotTranslatable {
  key: string;
  reason: string;
}

type Row = Record<string, unknown> & {
  id: string | null;
  slug: string | null;
  shared: boolean | null;
  evaluated: number | null;
};

/** The statement computing the impact of `amended` over `base`, or why there is none. */
export function sqlImpactQuery(
  base: readonly CriterionRule[],
  amended: readonly CriterionRule[],
): SqlImpactQuery | NotTranslatable {
  const { shared, before, after } = splitCriteria(base, amended);
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
  const u = translate(shared);
  if (!Array.isArray(u)) return u;
  const b = translate(before);
  if (!Array.isArray(b)) return b;
  const a = translate(after);
  if (!Array.isArray(a)) return a;

  const all = (rules: string[]) => (rules.length === 0 ? 'TRUE' : rules.join(' AND '));
  const columns = [
    ...b.map((sql, i) => `${sql} AS b${i}`),
    ...a.map((sql, i) => `${sql} AS a${i}`),
  ];
  const nulls = [
    ...b.map((_, i) => `NULL::boolean AS b${i}`),
    ...a.map((_, i) => `NULL::boolean AS a${i}`),
  ];
  // The first row carries how many systems were evaluated; the rest, one per change. One
  // statement, so the count and the changes come from one snapshot.
  const sql = `SELECT NULL::uuid AS id, NULL::text AS slug, NULL::boolean AS shared,
       count(*)::int AS evaluated${nulls.map((c) => `, ${c}`).join('')}
  FROM ai_systems WHERE current_revision > 0
UNION ALL
SELECT * FROM (
  SELECT s.id, s.slug, ${all(u)} AS shared, NULL::int AS evaluated${columns.map((c) => `, ${c}`).join('')}
    FROM ai_systems s
    JOIN fact_revisions fr ON fr.system_id = s.id AND fr.revision = s.current_revision
    ${scope.joins()}
   WHERE (${all(b)}) IS DISTINCT FROM (${all(a)}) AND (${all(u)}) IS NOT FALSE
) AS changed`;
  return {
    sql,
    params: scope.params,
    before: before.map((c) => c.key),
    after: after.map((c) => c.key),
  };
}

/** Runs the statement and reads its rows into the shape the in-memory path gives. */
export async function evaluateImpactInSql(
  run: (sql: string, params: unknown[]) => Promise<Row[]>,
  query: SqlImpactQuery,
): Promise<ImpactEvaluation> {
  const rows = await run(query.sql, query.params);
  const result: ImpactEvaluation = {
    evaluated: 0,
    systemIds: [],
    before: new Map(),
    after: new Map(),
  };
  const changed: Array<{ id: string; slug: string }> = [];
  for (const row of rows) {
    if (row.id === null) {
      result.evaluated = row.evaluated ?? 0;
      continue;
    }
    changed.push({ id: row.id, slug: row.slug! });
    const common = outcome(row.shared);
    const was = results(query.before, 'b', row);
    const is = results(query.after, 'a', row);
    result.before.set(row.id, { outcome: combine(common, aggregate(was)), criteria: was });
    result.after.set(row.id, { outcome: combine(common, aggregate(is)), criteria: is });
  }
  // UNION ALL promises no order, so the changes are put in slug order here (slugs are ASCII).
  changed.sort((x, y) => (x.slug < y.slug ? -1 : x.slug > y.slug ? 1 : 0));
  result.systemIds = changed.map((system) => system.id);
  return result;
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
