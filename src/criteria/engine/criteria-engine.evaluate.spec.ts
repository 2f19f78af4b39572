import { Environment } from '@marcbachmann/cel-js';
import { CriteriaEngine, RuleCompileError } from './criteria-engine.js';
import { OSAID_1_0_STARTER } from './fixtures/osaid-1.0-starter.js';
import type { ComponentFacts, Facts } from './facts-schema.js';
import { osiApproved } from './licenses.js';
import type { CriterionRule, Outcome } from './types.js';

const engine = new CriteriaEngine();

function outcomeOf(rule: string, facts: Facts): [Outcome, string] {
  const [result] = engine.evaluate(engine.compile([{ key: 'k', rule }]), facts).criteria;
  return [result.outcome, result.explanation];
}

const openSystem: Facts = {
  components: {
    dataPreprocessingCode: { available: true, license: 'MIT' },
    trainingCode: { available: true, license: 'Apache-2.0', complete: true },
    inferenceCode: { available: true, license: 'Apache-2.0' },
    modelArchitecture: { available: true, license: 'Apache-2.0' },
    modelParameters: { available: true, license: 'Apache-2.0' },
  },
  dataInformation: {
    describesAllData: true,
    publicDataListed: true,
    thirdPartyDataListed: true,
    unshareableDataDescribed: true,
  },
  terms: {},
};

describe('CriteriaEngine.evaluate', () => {
  const osaid = engine.compile(
    Object.entries(OSAID_1_0_STARTER).map(([key, rule]) => ({ key, rule })),
  );

  it('passes a system that meets every OSAID 1.0 starter criterion', () => {
    const evaluation = engine.evaluate(osaid, openSystem);
    expect(evaluation.outcome).toBe('PASS');
    expect(evaluation.criteria.every((c) => c.explanation === 'met')).toBe(true);
  });

  it('fails a criterion and names the first operand that is false', () => {
    const facts = { components: { trainingCode: { available: true, complete: false } } };
    expect(
      outcomeOf('components.trainingCode.available && components.trainingCode.complete', facts),
    ).toEqual(['FAIL', 'not met: components.trainingCode.complete']);
  });

  it('names the whole rule when a rule that is not a chain fails', () => {
    const facts = {
      components: { datasets: { available: false }, dataCard: { available: false } },
    };
    expect(
      outcomeOf('components.datasets.available || components.dataCard.available', facts),
    ).toEqual(['FAIL', 'not met: components.datasets.available || components.dataCard.available']);
  });

  it('is unknown and names the absent component when a rule needs it', () => {
    expect(outcomeOf(OSAID_1_0_STARTER['code.training'], { components: {} })).toEqual([
      'UNKNOWN',
      'unknown: components.trainingCode is absent',
    ]);
  });

  it('is unknown when the terms were never reviewed', () => {
    expect(outcomeOf(OSAID_1_0_STARTER['freedoms.any-purpose'], {})).toEqual([
      'UNKNOWN',
      'unknown: terms is absent',
    ]);
  });

  it.each([
    ['a negated bool', '!components.trainingCode.complete'],
    ['a number compared with a bound', 'terms.maxMonthlyActiveUsers < 1000.0'],
    ['an empty string compared', 'components.trainingCode.license != "MIT"'],
    ['a ternary', 'components.trainingCode.complete ? false : true'],
    ['a negated disjunction', '!(components.trainingCode.complete || false)'],
  ])('reports an absent key as unknown, never as a default value (%s)', (_, rule) => {
    const facts = { components: { trainingCode: { available: true } }, terms: {} };
    const [outcome, explanation] = outcomeOf(rule, facts);
    expect(outcome).toBe('UNKNOWN');
    expect(explanation).toMatch(/^unknown: (components\.trainingCode|terms)\.\w+ is absent$/);
  });

  it.each([
    ['false && <absent>', 'false && components.trainingCode.complete', 'FAIL'],
    ['<absent> && false', 'components.trainingCode.complete && false', 'FAIL'],
    ['true || <absent>', 'true || components.trainingCode.complete', 'PASS'],
    ['<absent> || true', 'components.trainingCode.complete || true', 'PASS'],
    ['<absent> && true', 'components.trainingCode.complete && true', 'UNKNOWN'],
    ['<absent> || false', 'components.trainingCode.complete || false', 'UNKNOWN'],
  ])('applies CEL commutative logic: %s is %s', (_, rule, expected) => {
    expect(outcomeOf(rule, { components: {} })[0]).toBe(expected);
  });

  it('fails a chain on a false operand even when an earlier operand is unknown', () => {
    const rule = OSAID_1_0_STARTER['code.training'];
    const facts = { components: { trainingCode: { available: true, license: 'LicenseRef-x' } } };
    expect(outcomeOf(rule, facts)).toEqual([
      'FAIL',
      'not met: osiApproved(components.trainingCode.license)',
    ]);
  });

  it('fails overall when any criterion fails, even if others are unknown', () => {
    const facts: Facts = { ...openSystem, terms: { nonCommercialOnly: true }, dataInformation: {} };
    expect(engine.evaluate(osaid, facts).outcome).toBe('FAIL');
  });

  it('is unknown overall when nothing fails but something is unknown', () => {
    const { dataInformation: _, ...withoutDataInformation } = openSystem;
    const evaluation = engine.evaluate(osaid, withoutDataInformation);
    expect(evaluation.outcome).toBe('UNKNOWN');
    expect(evaluation.criteria.filter((c) => c.outcome === 'UNKNOWN').map((c) => c.key)).toEqual([
      'data-information.description',
      'data-information.sources',
    ]);
  });

  it('evaluates many systems in order with evaluateAll', () => {
    const outcomes = engine.evaluateAll(osaid, [openSystem, {}]).map((e) => e.outcome);
    expect(outcomes).toEqual(['PASS', 'UNKNOWN']);
  });
});

describe('CriteriaEngine levels', () => {
  const available = (name: string, level?: string): CriterionRule => ({
    key: name,
    rule: `components.${name}.available`,
    level,
  });
  const tiers = engine.compile(
    [
      available('modelParameters', 'Class III'),
      available('trainingCode', 'Class II'),
      available('datasets', 'Class I'),
    ],
    { levels: ['Class III', 'Class II', 'Class I'] },
  );
  const released = (...names: string[]): Facts => ({
    components: Object.fromEntries(
      ['modelParameters', 'trainingCode', 'datasets'].map((name) => [
        name,
        { available: names.includes(name) } satisfies ComponentFacts,
      ]),
    ),
  });

  it.each([
    [['modelParameters', 'trainingCode', 'datasets'], 'Class I'],
    [['modelParameters', 'trainingCode'], 'Class II'],
    [['modelParameters', 'datasets'], 'Class III'],
    [['trainingCode', 'datasets'], null],
  ])('reaches the highest level whose criteria all pass cumulatively (%j → %s)', (names, level) => {
    expect(engine.evaluate(tiers, released(...names)).level).toBe(level);
  });

  it('does not reach a level whose criterion is unknown', () => {
    const facts: Facts = { components: { modelParameters: { available: true } } };
    expect(engine.evaluate(tiers, facts).level).toBe('Class III');
  });

  it('reaches no level when a criterion without a level fails', () => {
    const withBase = engine.compile([available('modelCard'), ...tiers.criteria], {
      levels: tiers.levels,
    });
    const facts = released('modelParameters', 'trainingCode', 'datasets');
    expect(engine.evaluate(withBase, facts).level).toBeNull();
  });

  it('reports no level for a set without levels', () => {
    const flat = engine.compile([available('datasets')]);
    expect(engine.evaluate(flat, released('datasets')).level).toBeNull();
  });
});

describe('CriteriaEngine.compile', () => {
  it('throws a RuleCompileError naming the criterion whose rule does not check', () => {
    const compile = () => engine.compile([{ key: 'typo', rule: 'components.datasets.availble' }]);
    expect(compile).toThrow(RuleCompileError);
    expect(compile).toThrow('criterion "typo": UNKNOWN_FIELD at 1:21: No such key: availble');
  });

  it('refuses duplicate keys and levels it was not given', () => {
    const rule = 'components.datasets.available';
    expect(() =>
      engine.compile([
        { key: 'a', rule },
        { key: 'a', rule },
      ]),
    ).toThrow(/duplicate/);
    expect(() => engine.compile([{ key: 'a', rule, level: 'Gold' }])).toThrow(/"Gold"/);
  });
});

describe('CriteriaEngine verdicts against plain cel-js', () => {
  // The engine runs &&, || and ! itself and skips cel-js when a fact is absent; evaluating
  // the whole rule with cel-js (an error meaning unknown) must give the same outcome.
  const reference = new Environment()
    .registerVariable('components', 'map')
    .registerVariable('terms', 'map')
    .registerFunction('osiApproved(string): bool', osiApproved);

  const rules = [
    OSAID_1_0_STARTER['code.training'],
    OSAID_1_0_STARTER['freedoms.any-purpose'],
    '!(components.trainingCode.complete || !osiApproved(components.trainingCode.license))',
    'components.trainingCode.available ? components.trainingCode.complete : has(terms.nonCommercialOnly)',
    '(components.trainingCode.complete || has(components.trainingCode.license)) && !has(terms.maxAnnualRevenueUsd)',
    'components.trainingCode.license in ["MIT", "Apache-2.0"] == components.trainingCode.complete',
  ];

  const trainingCodes: (ComponentFacts | undefined)[] = [undefined];
  for (const available of [true, false])
    for (const complete of [undefined, true, false])
      for (const license of [undefined, 'MIT', 'LicenseRef-x'])
        trainingCodes.push({ available, complete, license });
  const allTerms = [undefined, {}, { nonCommercialOnly: true }, { maxAnnualRevenueUsd: 1e6 }];
  const systems: Facts[] = trainingCodes.flatMap((trainingCode) =>
    allTerms.map((terms) => ({ components: { trainingCode }, terms })),
  );

  it.each(rules)('agrees on every combination of facts for %s', (rule) => {
    const compiled = engine.compile([{ key: 'k', rule }]);
    const parsed = reference.parse(rule);
    for (const facts of systems) {
      let expected: Outcome;
      try {
        expected = parsed(facts) ? 'PASS' : 'FAIL';
      } catch {
        expected = 'UNKNOWN';
      }
      expect([facts, engine.evaluate(compiled, facts).outcome]).toEqual([facts, expected]);
    }
  });
});

describe('leaves written back as CEL', () => {
  const engine = new CriteriaEngine();

  it('keeps the parentheses an operand needs and doubles that print with an exponent', () => {
    const compiled = engine.compile([
      {
        key: 'nested',
        rule: '(size(terms.fieldOfUseRestrictions) <= 2) == (size(terms.fieldOfUseRestrictions) != 1)',
      },
      { key: 'exponent', rule: 'terms.maxMonthlyActiveUsers in [1000.0, 1e21]' },
    ]);
    const outcomes = (terms: Facts['terms']) =>
      engine.evaluate(compiled, { terms }).criteria.map((c) => c.outcome);
    expect(outcomes({ fieldOfUseRestrictions: ['a'], maxMonthlyActiveUsers: 1e21 })).toEqual([
      'FAIL',
      'PASS',
    ]);
    expect(outcomes({ fieldOfUseRestrictions: ['a', 'b'], maxMonthlyActiveUsers: 5 })).toEqual([
      'PASS',
      'FAIL',
    ]);
  });

  it('compiles and evaluates a leaf holding an emoji (and an escaped backslash before "u")', () => {
    const compiled = engine.compile([
      { key: 'emoji', rule: '"😀" in terms.fieldOfUseRestrictions' },
      { key: 'backslash', rule: '"\\\\ud83d\\\\ude00" in terms.fieldOfUseRestrictions' },
    ]);
    const outcomes = (restrictions: string[]) =>
      engine
        .evaluate(compiled, { terms: { fieldOfUseRestrictions: restrictions } })
        .criteria.map((c) => c.outcome);
    expect(outcomes(['😀'])).toEqual(['PASS', 'FAIL']);
    expect(outcomes(['\\ud83d\\ude00'])).toEqual(['FAIL', 'PASS']);
  });
});
