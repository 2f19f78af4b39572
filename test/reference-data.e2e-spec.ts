import { stewardToken, systemFacts, upsertSystem } from '../testkit/factories/index.js';
import { codes, gql, ok } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const VERDICTS = `query ($definition: String!, $version: String!, $source: VerdictSource!) {
  systems(first: 100) {
    totalCount
    edges { node { slug verdict(definition: $definition, version: $version, source: $source) { outcome level } } }
  }
}`;

type VerdictsData = {
  systems: {
    totalCount: number;
    edges: Array<{
      node: { slug: string; verdict: { outcome: string; level: string | null } | null };
    }>;
  };
};

async function outcomes(app: TestApp, definition: string, version: string, source = 'COMPUTED') {
  const data = await ok<VerdictsData>(app.url, VERDICTS, { definition, version, source });
  return Object.fromEntries(data.systems.edges.map(({ node }) => [node.slug, node.verdict]));
}

describe('Reference data', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads the OSAID versions with their parents and statuses, and the MOF with its classes', async () => {
    const data = await ok(
      app.url,
      `{ definitions { slug levels versions { label status parent { label } criteria { key level } } } }`,
    );
    const bySlug = Object.fromEntries(data.definitions.map((d: any) => [d.slug, d]));
    expect(
      bySlug.osaid.versions.map((v: any) => [v.label, v.status, v.parent?.label ?? null]),
    ).toEqual([
      ['0.0.9', 'SUPERSEDED', null],
      ['1.0-RC1', 'SUPERSEDED', '0.0.9'],
      ['1.0', 'RATIFIED', '1.0-RC1'],
    ]);
    expect(bySlug.mof.levels).toEqual(['Class III', 'Class II', 'Class I']);
    const levels = new Set(bySlug.mof.versions[0].criteria.map((c: any) => c.level));
    expect(levels).toEqual(new Set(['Class III', 'Class II', 'Class I']));
  });

  it('computes under OSAID 1.0 the outcomes OSI published for the nine systems it reviewed', async () => {
    const computed = await outcomes(app, 'osaid', '1.0');
    const assessed = await outcomes(app, 'osaid', '1.0', 'ASSESSED');
    const expected = {
      pythia: 'PASS',
      olmo: 'PASS',
      amber: 'PASS',
      crystalcoder: 'PASS',
      t5: 'PASS',
      'llama-2': 'FAIL',
      'grok-1': 'FAIL',
      'phi-2': 'FAIL',
      'mixtral-8x7b': 'FAIL',
    };
    for (const [slug, outcome] of Object.entries(expected)) {
      expect([slug, assessed[slug]?.outcome]).toEqual([slug, outcome]);
      expect([slug, computed[slug]?.outcome]).toEqual([slug, outcome]);
    }
  });

  it('explains each criterion of a failing verdict', async () => {
    const data = await ok(
      app.url,
      `{ system(slug: "llama-2") { name developer facts factRevision evidence { url }
           verdict(definition: "osaid", version: "1.0") { outcome source criteria { key outcome explanation } } } }`,
    );
    const { verdict } = data.system;
    expect(verdict.source).toBe('COMPUTED');
    const failed = verdict.criteria.filter((c: any) => c.outcome === 'FAIL').map((c: any) => c.key);
    expect(failed).toEqual(expect.arrayContaining(['freedoms.any-purpose', 'code.training']));
    for (const criterion of verdict.criteria) expect(criterion.explanation).not.toBe('');
    expect(data.system.facts.terms.maxMonthlyActiveUsers).toBe(700000000);
    expect(data.system.evidence.length).toBeGreaterThan(0);
  });

  it('reports the MOF class each system reaches', async () => {
    const computed = await outcomes(app, 'mof', '1.0');
    expect(Object.keys(computed)).toHaveLength(9);
    for (const verdict of Object.values(computed)) {
      expect(['Class III', 'Class II', 'Class I', null]).toContain(verdict!.level);
    }
    expect(computed.pythia!.level).not.toBeNull();
    expect(computed['llama-2']!.level).toBeNull();
  });

  it('diffs 0.0.9 → 1.0: criteria by key, their text and rule, and the verdicts that differ', async () => {
    // A system with training code that is released but not complete: 0.0.9 did not
    // ask for completeness, 1.0 does, so its verdict flips.
    const steward = await stewardToken(app);
    const facts = await systemFacts(app, 'olmo');
    facts.components.trainingCode.complete = false;
    await upsertSystem(app, steward, { slug: 'partial-olmo', name: 'Partial OLMo', facts });

    const data = await ok(
      app.url,
      `{ versionDiff(definition: "osaid", from: "0.0.9", to: "1.0") {
          added { key } removed { key }
          modified { key changedFields ruleDiff textDiff { kind text } before { text } after { text } }
          verdictChanges { system { slug } recorded before after decidedBy } } }`,
    );
    const diff = data.versionDiff;
    expect(diff.added.map((c: any) => c.key)).toEqual(['data-information.sources']);
    expect(diff.removed).toEqual([]);
    const modified = Object.fromEntries(diff.modified.map((m: any) => [m.key, m]));
    expect(modified['code.training'].changedFields).toContain('rule');
    expect(modified['code.training'].ruleDiff).toContain('+ components.trainingCode.complete');
    for (const change of diff.modified) {
      const spelled = (skip: string) =>
        change.textDiff
          .filter((s: any) => s.kind !== skip)
          .map((s: any) => s.text)
          .join('');
      expect(spelled('ADDED')).toBe(change.before.text);
      expect(spelled('REMOVED')).toBe(change.after.text);
    }
    expect(diff.verdictChanges).toEqual([
      {
        system: { slug: 'partial-olmo' },
        recorded: null,
        before: 'PASS',
        after: 'FAIL',
        decidedBy: ['code.training'],
      },
    ]);
  });

  it('answers NOT_FOUND for a definition, version or system that does not exist', async () => {
    expect(codes(await gql(app.url, `{ definition(slug: "nope") { slug } }`))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(await gql(app.url, `{ version(definition: "osaid", label: "9.9") { label } }`)),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await gql(app.url, `{ system(slug: "nope") { slug } }`))).toEqual(['NOT_FOUND']);
  });

  it('pages through systems with cursors', async () => {
    const first = await ok(
      app.url,
      `{ systems(first: 4) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }`,
    );
    const rest = await ok(
      app.url,
      `query ($after: String) { systems(first: 100, after: $after) { pageInfo { hasNextPage } edges { node { slug } } } }`,
      {
        after: first.systems.pageInfo.endCursor,
      },
    );
    const slugs = [...first.systems.edges, ...rest.systems.edges].map((e: any) => e.node.slug);
    expect(slugs).toHaveLength(first.systems.totalCount);
    expect(slugs).toEqual([...slugs].sort());
    expect(first.systems.pageInfo.hasNextPage).toBe(true);
    expect(rest.systems.pageInfo.hasNextPage).toBe(false);
    expect(codes(await gql(app.url, `{ systems(first: 101) { totalCount } }`))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});
