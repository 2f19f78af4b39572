import { jest } from '@jest/globals';
import { CriteriaEngine } from '../src/criteria/engine/index.js';
import {
  draftVersion,
  stewardToken,
  upsertCriterion,
  upsertSystem,
} from '../testkit/factories/index.js';
import { ok } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const VERSION_VERDICTS = `query ($label: String!) { version(definition: "osaid", label: $label) {
  verdicts { system { slug } outcome factRevision criteria { key outcome } } } }`;
const SYSTEM_VERDICT = `query ($slug: String!) { system(slug: $slug) {
  factRevision verdict(definition: "osaid", version: "1.0") { outcome factRevision } } }`;
const DIFF = `{ versionDiff(definition: "osaid", from: "0.0.9", to: "1.0") {
  verdictChanges { system { slug } before after decidedBy } } }`;

interface CachedRow {
  id: string;
  label: string;
  slug: string;
  revision: number;
  outcome: string;
  recorded_at: string;
}

interface Verdict {
  system: { slug: string };
  outcome: string;
  factRevision: number;
  criteria: Array<{ key: string; outcome: string }>;
}

describe('Verdict cache', () => {
  let app: TestApp;
  let steward: string;

  /** Every cached COMPUTED verdict of the OSAID, as stored. */
  const cached = () =>
    app.sql<CachedRow>(
      `SELECT v.id, dv.label, s.slug, fr.revision, v.outcome, v.recorded_at::text
         FROM verdicts v
         JOIN definition_versions dv ON dv.id = v.version_id
         JOIN definitions d ON d.id = dv.definition_id AND d.slug = 'osaid'
         JOIN ai_systems s ON s.id = v.system_id
         JOIN fact_revisions fr ON fr.id = v.fact_revision_id
        WHERE v.source = 'COMPUTED'
        ORDER BY v.id`,
    );
  const systemCount = async () =>
    (await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ai_systems`))[0].n;
  const verdicts = async (label: string): Promise<Verdict[]> =>
    (await ok(app.url, VERSION_VERDICTS, { label })).version.verdicts;
  const bySlug = (list: Verdict[], slug: string) => list.find((v) => v.system.slug === slug)!;
  const criterion = (verdict: Verdict, key: string) =>
    verdict.criteria.find((c) => c.key === key)?.outcome;

  beforeAll(async () => {
    app = await startTestApp();
    steward = await stewardToken(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('computes each verdict once, then reads the version and its cached verdicts in two statements', async () => {
    const systems = await systemCount();
    const first = await verdicts('1.0');
    expect(first).toHaveLength(systems);
    const stored = (await cached()).filter((row) => row.label === '1.0');
    expect(stored).toHaveLength(systems);

    const again = await verdicts('1.0');
    expect(again).toEqual(first);
    expect((await cached()).filter((row) => row.label === '1.0')).toEqual(stored);

    // The version, then the systems joined with their cached verdicts: no facts, no
    // evaluation. Least of three runs: the deadline sweeper's queries may land inside one.
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      runs.push(await app.countQueries(() => verdicts('1.0')));
    }
    expect(Math.min(...runs)).toBe(2);
  });

  it('recomputes only the verdict of the system whose facts changed, for lists, a system and a diff', async () => {
    // Fill the cache for both versions of the diff, through every reader.
    await verdicts('1.0');
    const diffBefore = (await ok(app.url, DIFF)).versionDiff.verdictChanges;
    expect(diffBefore).toEqual([]);
    expect((await ok(app.url, SYSTEM_VERDICT, { slug: 'olmo' })).system.verdict).toEqual({
      outcome: 'PASS',
      factRevision: 1,
    });
    const before = await cached();
    const systems = await systemCount();
    expect(before.filter((row) => row.label === '1.0')).toHaveLength(systems);
    expect(before.filter((row) => row.label === '0.0.9')).toHaveLength(systems);

    // OLMo stops describing all of its training data: 0.0.9 only asked for some data
    // document, 1.0 asks for the description, so its 1.0 verdict flips and 0.0.9's does not.
    const olmo = (await ok(app.url, `{ system(slug: "olmo") { name developer facts } }`)).system;
    const facts = structuredClone(olmo.facts);
    facts.dataInformation.describesAllData = false;
    const { name, developer } = olmo;
    const revised = await upsertSystem(app, steward, { slug: 'olmo', name, developer, facts });
    expect(revised.factRevision).toBe(2);

    // Each read evaluates only what it has not seen: OLMo's new facts, once per version.
    const evaluations = jest.spyOn(app.nest.get(CriteriaEngine), 'evaluate');
    const evaluated = async <T>(read: () => Promise<T>): Promise<[T, number]> => {
      evaluations.mockClear();
      const result = await read();
      return [result, evaluations.mock.calls.length];
    };
    try {
      const [list, listEvaluations] = await evaluated(() => verdicts('1.0'));
      expect(listEvaluations).toBe(1);
      expect(bySlug(list, 'olmo')).toMatchObject({ outcome: 'FAIL', factRevision: 2 });
      expect(criterion(bySlug(list, 'olmo'), 'data-information.description')).toBe('FAIL');

      const [one, oneEvaluations] = await evaluated(() =>
        ok(app.url, SYSTEM_VERDICT, { slug: 'olmo' }),
      );
      expect(oneEvaluations).toBe(0);
      expect(one.system).toEqual({
        factRevision: 2,
        verdict: { outcome: 'FAIL', factRevision: 2 },
      });

      const [diff, diffEvaluations] = await evaluated(() => ok(app.url, DIFF));
      expect(diffEvaluations).toBe(1); // 0.0.9 had not seen the new facts yet
      expect(diff.versionDiff.verdictChanges).toEqual([
        {
          system: { slug: 'olmo' },
          before: 'PASS',
          after: 'FAIL',
          decidedBy: ['data-information.description'],
        },
      ]);
      const [, again] = await evaluated(() => ok(app.url, DIFF));
      expect(again).toBe(0);
    } finally {
      evaluations.mockRestore();
    }

    const after = await cached();
    // Every row cached before is still there, untouched (same id, revision, outcome, time)…
    const afterById = new Map(after.map((row) => [row.id, row]));
    for (const row of before) expect(afterById.get(row.id)).toEqual(row);
    // …and the only new rows are OLMo's at its new revision: one per version read.
    const added = after.filter((row) => !before.some((old) => old.id === row.id));
    expect(
      added.map(({ label, slug, revision, outcome }) => ({ label, slug, revision, outcome })),
    ).toEqual(
      expect.arrayContaining([
        { label: '1.0', slug: 'olmo', revision: 2, outcome: 'FAIL' },
        { label: '0.0.9', slug: 'olmo', revision: 2, outcome: 'PASS' },
      ]),
    );
    expect(added).toHaveLength(2);
  });

  it('caches a draft’s verdicts and drops them, and only them, when its criteria change', async () => {
    await draftVersion(app, steward, { label: '2.0-draft', parent: '1.0' });
    const systems = await systemCount();
    const draft = () => cached().then((rows) => rows.filter((row) => row.label === '2.0-draft'));
    const ratified = (await cached()).filter((row) => row.label !== '2.0-draft');

    const first = await verdicts('2.0-draft');
    expect(criterion(bySlug(first, 'llama-2'), 'parameters.terms')).toBe('FAIL');
    const filled = await draft();
    expect(filled).toHaveLength(systems);
    await verdicts('2.0-draft');
    expect(await draft()).toEqual(filled);

    // Relax the parameters criterion: Llama 2's custom licence no longer fails it.
    await upsertCriterion(app, steward, '2.0-draft', {
      key: 'parameters.terms',
      component: 'Parameters',
      title: 'Parameters released',
      text: 'The model parameters are available.',
      rule: 'components.modelParameters.available',
    });
    // Dropped in the edit's own transaction: nothing stale is there to be read.
    expect(await draft()).toEqual([]);
    const relaxed = await verdicts('2.0-draft');
    expect(criterion(bySlug(relaxed, 'llama-2'), 'parameters.terms')).toBe('PASS');
    const refilled = await draft();
    expect(refilled).toHaveLength(systems);
    expect(refilled.some((row) => filled.some((old) => old.id === row.id))).toBe(false);

    await ok(
      app.url,
      `mutation { removeCriterion(definition: "osaid", version: "2.0-draft", key: "parameters.terms") }`,
      {},
      steward,
    );
    expect(await draft()).toEqual([]);
    const removed = await verdicts('2.0-draft');
    expect(removed.every((v) => criterion(v, 'parameters.terms') === undefined)).toBe(true);
    expect(await draft()).toHaveLength(systems);

    // The database itself drops them, whoever edits the criteria: here an operator's SQL.
    await app.sql(
      `UPDATE criteria SET rule = 'components.modelParameters.available'
        WHERE key = 'code.inference'
          AND version_id = (SELECT id FROM definition_versions WHERE label = '2.0-draft')`,
    );
    expect(await draft()).toEqual([]);

    // The other versions' cached verdicts were never touched by the draft's edits.
    const others = (await cached()).filter((row) => row.label !== '2.0-draft');
    expect(others).toEqual(ratified);
  });
});
