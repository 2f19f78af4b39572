/**
 * Criteria pushed down to SQL give the in-memory engine's verdicts: rule by rule on 100,000
 * generated systems (absent keys at every level, edge licences, every operator), and
 * amendment impact by impact over real systems in the database. Runs on whichever database
 * the suite runs on (embedded, or the server at DATABASE_URL).
 */
import type { Change } from '../src/change-sets/apply-changes.js';
import { CriteriaSqlScope } from '../src/criteria/criteria-sql.js';
import {
  CriteriaEngine,
  translateRule,
  type Facts,
  type Outcome,
} from '../src/criteria/engine/index.js';
import { upsertLicenseVerdicts } from '../src/criteria/license-table.js';
import { ImpactService } from '../src/impact/impact.service.js';
import { REFERENCE_DEFINITIONS, REFERENCE_SYSTEMS } from '../src/seed/reference/index.js';
import { seededRandom } from '../testkit/seeded-random.js';
import { EDGE_LICENSES, generateEdgeFacts, generateRules } from './support/criteria-cases.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SYSTEMS = 100_000;
const CODE: Record<Outcome, string> = { PASS: 'p', FAIL: 'f', UNKNOWN: 'u' };

describe('criteria in SQL', () => {
  let app: TestApp;
  const engine = new CriteriaEngine();

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app?.close();
  });

  /** Loads facts into a table of their own, numbered from 0, in a few large statements. */
  async function loadSample(table: string, facts: readonly Facts[]): Promise<void> {
    await app.sql(`CREATE TABLE ${table} (n int PRIMARY KEY, facts jsonb NOT NULL)`);
    const BATCH = 10_000;
    for (let start = 0; start < facts.length; start += BATCH) {
      await app.sql(
        `INSERT INTO ${table} (n, facts)
         SELECT $1::int + i::int - 1, f FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS e(f, i)`,
        [start, JSON.stringify(facts.slice(start, start + BATCH))],
      );
    }
  }

  it('gives the engine’s outcome for every rule on 100,000 generated systems', async () => {
    const facts = generateEdgeFacts(SYSTEMS, 20261128);
    await upsertLicenseVerdicts(app.dataSource.manager, EDGE_LICENSES);
    await loadSample('criteria_sample', facts);

    const referenceRules = REFERENCE_DEFINITIONS.flatMap((d) =>
      d.versions.flatMap((v) => v.criteria.map((c) => c.rule)),
    );
    const rules = [...new Set([...referenceRules, ...generateRules(40, 7, engine)])];
    const refused: Array<{ rule: string; reason: string }> = [];
    const mismatches: string[] = [];
    let compared = 0;

    const CHUNK = 40;
    for (let start = 0; start < rules.length; start += CHUNK) {
      const chunk = rules.slice(start, start + CHUNK);
      const scope = new CriteriaSqlScope('s.facts');
      const translated: Array<{ rule: string; sql: string }> = [];
      for (const rule of chunk) {
        const translation = translateRule(rule, scope);
        if (translation.ok) translated.push({ rule, sql: translation.sql });
        else refused.push({ rule, reason: translation.reason });
      }
      const codes = translated.map(
        ({ sql }) => `CASE WHEN ${sql} IS NULL THEN 'u' WHEN ${sql} THEN 'p' ELSE 'f' END`,
      );
      const rows = await app.sql<{ n: number; r: string }>(
        `SELECT s.n, concat(${codes.join(', ')}) AS r FROM criteria_sample s ${scope.joins()} ORDER BY s.n`,
        scope.params,
      );
      expect(rows).toHaveLength(SYSTEMS);
      const compiled = translated.map(({ rule }) => engine.compile([{ key: 'rule', rule }]));
      for (const { n, r } of rows) {
        for (let i = 0; i < compiled.length; i++) {
          const expected = CODE[engine.evaluate(compiled[i], facts[n]).outcome];
          compared++;
          if (r[i] !== expected && mismatches.length < 5) {
            mismatches.push(
              `${translated[i].rule}\n  facts ${JSON.stringify(facts[n])}\n  SQL ${r[i]}, engine ${expected}`,
            );
          }
        }
      }
    }

    expect(mismatches).toEqual([]);
    // Every reference criterion goes down to SQL; a generated rule may be refused only for
    // the reasons the translator documents, and most are not.
    expect(refused.filter(({ rule }) => referenceRules.includes(rule))).toEqual([]);
    for (const { reason } of refused) {
      expect(reason).toMatch(
        /non-ASCII|list literal may only hold literals|licen[cs]e or a literal/,
      );
    }
    expect(refused.length).toBeLessThan(rules.length / 4);
    expect(compared).toBeGreaterThan(50 * SYSTEMS);
  }, 600_000);

  it('refuses, rather than widens, what it cannot map exactly', () => {
    const scope = new CriteriaSqlScope('s.facts');
    const refusedRules = [
      // CEL orders strings by UTF-16 code units, PostgreSQL by code points.
      'components.trainingCode.license < "é"',
      // An absent fact inside a list literal would be a NULL element in SQL, unknown in CEL.
      '[components.trainingCode.license] == ["MIT"]',
      // A licence function on a computed string has no lookup row to join.
      'osiApproved(has(components.trainingCode.license) ? components.trainingCode.license : "MIT")',
    ];
    for (const rule of refusedRules) {
      expect(engine.check(rule)).toEqual({ ok: true });
      expect(translateRule(rule, scope)).toMatchObject({ ok: false });
    }
  });

  it('computes the same impact in SQL as in memory, amendment by amendment', async () => {
    // 3,000 generated systems beside the nine reference ones, written as the app writes them.
    const facts = generateEdgeFacts(3_000, 5);
    await app.sql(
      `WITH f AS (SELECT i, f FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(f, i)),
            s AS (INSERT INTO ai_systems (slug, name, developer, current_revision)
                  SELECT 'generated-' || i, 'Generated ' || i, 'Bench', 1 FROM f RETURNING id, slug)
       INSERT INTO fact_revisions (system_id, revision, facts)
       SELECT s.id, 1, f.f FROM s JOIN f ON s.slug = 'generated-' || f.i`,
      [JSON.stringify(facts)],
    );
    const impact = app.nest.get(ImpactService);
    const random = seededRandom(99);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const rules = generateRules(40, 13, engine);
    let changed = 0;
    let cases = 0;
    for (const definition of REFERENCE_DEFINITIONS) {
      for (const version of definition.versions) {
        const keys = version.criteria.map((c) => c.key);
        for (const rule of rules.slice(0, 8)) {
          const changes: Change[][] = [
            [{ kind: 'MODIFY', key: pick(keys), rule }],
            [
              {
                kind: 'ADD',
                key: 'generated.criterion',
                title: 'Generated',
                text: 'A generated criterion.',
                rule,
                component: 'Generated',
                level: definition.levels?.length ? pick(definition.levels) : null,
              },
            ],
            [{ kind: 'REMOVE', key: pick(keys) }],
          ];
          for (const change of changes) {
            const inSql = await impact.impact(definition.slug, version.label, change, 'SQL');
            const inMemory = await impact.impact(definition.slug, version.label, change, 'MEMORY');
            expect(inSql).toEqual(inMemory);
            expect(inSql.summary.evaluated).toBe(3_000 + REFERENCE_SYSTEMS.length);
            changed += inSql.changes.length;
            cases++;
          }
        }
      }
    }
    // The comparison means something only if the amendments change verdicts.
    expect(changed).toBeGreaterThan(cases);
  }, 600_000);

  it('refuses facts that name a licence the lookup table does not know', async () => {
    const [system] = await app.sql<{ id: string }>(
      `SELECT id FROM ai_systems ORDER BY slug LIMIT 1`,
    );
    await expect(
      app.sql(
        `INSERT INTO fact_revisions (system_id, revision, facts)
         VALUES ($1, 999, '{"components":{"trainingCode":{"available":true,"license":"LicenseRef-Unseen"}}}')`,
        [system.id],
      ),
    ).rejects.toThrow(/LicenseRef-Unseen/);
  });
});
