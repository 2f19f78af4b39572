import { CriteriaEngine, validateFacts } from '../../criteria/engine/index.js';
import type { Evaluation } from '../../criteria/engine/types.js';
import { REFERENCE_DEFINITIONS, REFERENCE_SYSTEMS } from './index.js';
import type { ReferenceDefinition, ReferenceSystem, ReferenceVersion } from './types.js';

const engine = new CriteriaEngine();

const definition = (slug: string): ReferenceDefinition => {
  const found = REFERENCE_DEFINITIONS.find((d) => d.slug === slug);
  if (!found) throw new Error(`no definition ${slug}`);
  return found;
};

const version = (slug: string, label: string): ReferenceVersion => {
  const found = definition(slug).versions.find((v) => v.label === label);
  if (!found) throw new Error(`no version ${slug} ${label}`);
  return found;
};

const evaluate = (slug: string, label: string, system: ReferenceSystem): Evaluation => {
  const compiled = engine.compile(version(slug, label).criteria, {
    levels: definition(slug).levels,
  });
  return engine.evaluate(compiled, system.facts);
};

const allCriteria = REFERENCE_DEFINITIONS.flatMap((d) =>
  d.versions.flatMap((v) => v.criteria.map((c) => ({ at: `${d.slug} ${v.label} ${c.key}`, c }))),
);

// reference/osaid.md, "Starter encoding of OSAID 1.0 as criteria": keys and rules verbatim.
const OSAID_1_0_STARTER: [string, string][] = [
  [
    'freedoms.any-purpose',
    '!has(terms.maxMonthlyActiveUsers) && !has(terms.maxAnnualRevenueUsd) && !has(terms.fieldOfUseRestrictions) && !has(terms.nonCommercialOnly)',
  ],
  [
    'data-information.description',
    'dataInformation.describesAllData && dataInformation.unshareableDataDescribed',
  ],
  [
    'data-information.sources',
    'dataInformation.publicDataListed && dataInformation.thirdPartyDataListed',
  ],
  [
    'code.data-processing',
    'components.dataPreprocessingCode.available && osiApproved(components.dataPreprocessingCode.license)',
  ],
  [
    'code.training',
    'components.trainingCode.available && components.trainingCode.complete && osiApproved(components.trainingCode.license)',
  ],
  [
    'code.inference',
    'components.inferenceCode.available && osiApproved(components.inferenceCode.license)',
  ],
  [
    'code.architecture',
    'components.modelArchitecture.available && osiApproved(components.modelArchitecture.license)',
  ],
  [
    'parameters.terms',
    'components.modelParameters.available && osiApproved(components.modelParameters.license)',
  ],
];

// What the facts make the engine compute (OSI assessed only 1.0; the rest is Redline's).
const EXPECTED: Record<string, { v009: string; rc1: string; v10: string; mof: string | null }> = {
  pythia: { v009: 'PASS', rc1: 'PASS', v10: 'PASS', mof: 'Class III' },
  olmo: { v009: 'PASS', rc1: 'PASS', v10: 'PASS', mof: 'Class III' },
  amber: { v009: 'PASS', rc1: 'PASS', v10: 'PASS', mof: 'Class III' },
  crystalcoder: { v009: 'PASS', rc1: 'PASS', v10: 'PASS', mof: 'Class III' },
  t5: { v009: 'PASS', rc1: 'PASS', v10: 'PASS', mof: 'Class III' },
  'llama-2': { v009: 'FAIL', rc1: 'FAIL', v10: 'FAIL', mof: null },
  'grok-1': { v009: 'FAIL', rc1: 'FAIL', v10: 'FAIL', mof: null },
  'phi-2': { v009: 'FAIL', rc1: 'FAIL', v10: 'FAIL', mof: null },
  'mixtral-8x7b': { v009: 'FAIL', rc1: 'FAIL', v10: 'FAIL', mof: null },
};

describe('Reference definitions', () => {
  it.each(allCriteria)('checks the rule of $at with the criteria engine', ({ c }) => {
    expect(engine.check(c.rule)).toEqual({ ok: true });
  });

  const versions = REFERENCE_DEFINITIONS.flatMap((d) =>
    d.versions.map((v) => [`${d.slug} ${v.label}`, v] as const),
  );
  it.each(versions)('keeps criterion keys unique in %s', (_at, v) => {
    const keys = v.criteria.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(REFERENCE_DEFINITIONS)('chains the versions of $slug to earlier parents', (d) => {
    d.versions.forEach((v, i) => {
      if (i === 0) {
        expect(v.parentLabel).toBeNull();
        return;
      }
      const parent = d.versions.findIndex((p) => p.label === v.parentLabel);
      expect(parent).toBeGreaterThanOrEqual(0);
      expect(parent).toBeLessThan(i);
      expect(d.versions[parent].publishedAt < v.publishedAt).toBe(true);
      expect(d.versions[parent].status).toBe('SUPERSEDED');
    });
    expect(d.versions.filter((v) => v.status === 'RATIFIED')).toHaveLength(1);
  });

  it.each(REFERENCE_DEFINITIONS)('gives each criterion of $slug a level it declares', (d) => {
    for (const c of d.versions.flatMap((v) => v.criteria)) {
      if (d.levels) expect(d.levels).toContain(c.level);
      else expect(c.level).toBeUndefined();
    }
  });

  it('encodes OSAID 1.0 as the starter table, keys and rules verbatim', () => {
    expect(version('osaid', '1.0').criteria.map((c) => [c.key, c.rule])).toEqual(OSAID_1_0_STARTER);
  });

  it('changes criteria by key between OSAID versions as each version did', () => {
    const byKey = (label: string) =>
      new Map(version('osaid', label).criteria.map((c) => [c.key, c]));
    const [v009, rc1, v10] = ['0.0.9', '1.0-RC1', '1.0'].map(byKey);

    expect([...rc1.keys()].filter((k) => !v009.has(k))).toEqual(['data-information.sources']);
    expect([...v009.keys()].filter((k) => !rc1.has(k))).toEqual([]);
    const ruleChanged = [...rc1.keys()].filter((k) => v009.get(k)?.rule !== rc1.get(k)?.rule);
    expect(ruleChanged.sort()).toEqual([
      'code.training',
      'data-information.description',
      'data-information.sources',
    ]);

    expect([...v10.keys()]).toEqual([...rc1.keys()]);
    for (const [key, c] of v10) expect(c.rule).toBe(rc1.get(key)?.rule);
    const textChanged = [...v10.keys()].filter((k) => v10.get(k)?.text !== rc1.get(k)?.text);
    expect(textChanged.sort()).toEqual(['data-information.description', 'parameters.terms']);
  });
});

describe('Reference systems', () => {
  it('covers the nine validated systems with unique slugs', () => {
    expect(REFERENCE_SYSTEMS.map((s) => s.slug).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(REFERENCE_SYSTEMS)('records facts for $slug that validateFacts accepts', (s) => {
    expect(() => validateFacts(s.facts)).not.toThrow();
  });

  it.each(REFERENCE_SYSTEMS)('computes the assessed OSAID 1.0 verdict for $slug', (s) => {
    expect(s.assessed).toMatchObject({ definition: 'osaid', version: '1.0' });
    expect(evaluate('osaid', '1.0', s).outcome).toBe(s.assessed.outcome);
  });

  it.each(REFERENCE_SYSTEMS.filter((s) => s.assessed.outcome === 'FAIL'))(
    'fails $slug on OSAID 1.0 training code, a known fact',
    (s) => {
      const training = evaluate('osaid', '1.0', s).criteria.find((c) => c.key === 'code.training');
      expect(training?.outcome).toBe('FAIL');
    },
  );

  it('fails Llama 2 on freedoms and parameter terms as well', () => {
    const llama = REFERENCE_SYSTEMS.find((s) => s.slug === 'llama-2')!;
    const failed = evaluate('osaid', '1.0', llama)
      .criteria.filter((c) => c.outcome === 'FAIL')
      .map((c) => c.key);
    expect(failed).toEqual(expect.arrayContaining(['freedoms.any-purpose', 'parameters.terms']));
  });

  it('computes the verdicts under every OSAID version and the MOF class', () => {
    const rows = REFERENCE_SYSTEMS.map((s) => ({
      system: s.slug,
      v009: evaluate('osaid', '0.0.9', s).outcome,
      rc1: evaluate('osaid', '1.0-RC1', s).outcome,
      v10: evaluate('osaid', '1.0', s).outcome,
      mof: evaluate('mof', '1.0', s).level,
    }));
    for (const { system, ...row } of rows) expect(row).toEqual(EXPECTED[system]);
  });
});
