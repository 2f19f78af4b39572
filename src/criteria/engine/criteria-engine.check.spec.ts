import { CriteriaEngine } from './criteria-engine.js';
import { OSAID_1_0_STARTER } from './fixtures/osaid-1.0-starter.js';
import type { RuleErrorKind } from './types.js';

const engine = new CriteriaEngine();

describe('CriteriaEngine.check', () => {
  it.each(Object.entries(OSAID_1_0_STARTER))('accepts the OSAID 1.0 starter rule %s', (_, rule) => {
    expect(engine.check(rule)).toEqual({ ok: true });
  });

  it.each([
    'has(components.datasets) && components.datasets.available',
    'size(terms.fieldOfUseRestrictions) < 2 || !has(terms.fieldOfUseRestrictions)',
    'terms.fieldOfUseRestrictions.size() == 0',
    '"no military use" in terms.fieldOfUseRestrictions',
    'components.modelParameters.license in ["Apache-2.0", "MIT"]',
    'components.modelParameters.license != "LicenseRef-Llama-2-Community"',
    'terms.maxMonthlyActiveUsers >= 700000000.0 && terms.maxAnnualRevenueUsd > 1000000',
    'openDataLicense(components["datasets"]["license"])',
    'components.datasets.available ? openDataLicense(components.datasets.license) : false',
    'osiApproved("Apache-2.0") // a comment\n  && true',
  ])('accepts %j, which stays inside the safe subset', (rule) => {
    expect(engine.check(rule)).toEqual({ ok: true });
  });

  const refusals: [string, string, RuleErrorKind, number, number][] = [
    ['a typo in a field', 'components.modelParameters.licence', 'UNKNOWN_FIELD', 1, 28],
    [
      'a typo on a second line',
      'components.modelParameters.available &&\n  components.trainingCode.licence == "MIT"',
      'UNKNOWN_FIELD',
      2,
      27,
    ],
    ['an unknown component', 'components.weights.available', 'UNKNOWN_FIELD', 1, 12],
    ['an unknown variable', 'facts.components.datasets.available', 'UNKNOWN_FIELD', 1, 1],
    ['a typo inside has()', '!has(terms.maxMonthlyActiveUser)', 'UNKNOWN_FIELD', 1, 12],
    ['has() below a leaf', 'has(components.datasets.license.spdx)', 'UNKNOWN_FIELD', 1, 33],
    ['a string compared with an int', 'components.modelParameters.license > 3', 'TYPE', 1, 36],
    ['a bool compared with an int', 'terms.nonCommercialOnly == 1', 'TYPE', 1, 25],
    [
      'a bool passed to osiApproved',
      'osiApproved(components.modelParameters.available)',
      'TYPE',
      1,
      13,
    ],
    [
      'a list passed to openDataLicense',
      'openDataLicense(terms.fieldOfUseRestrictions)',
      'TYPE',
      1,
      17,
    ],
    ['a string rule', 'components.modelParameters.license', 'NOT_BOOLEAN', 1, 1],
    ['an int rule', 'size(terms.fieldOfUseRestrictions)', 'NOT_BOOLEAN', 1, 1],
    [
      'a string-valued ternary',
      '  components.datasets.available ? "yes" : "no"',
      'NOT_BOOLEAN',
      1,
      3,
    ],
    ['the all() macro', '[1,2].all(x, x > 0)', 'DISALLOWED', 1, 7],
    ['the map() macro', '[true].map(x, x) == [true]', 'DISALLOWED', 1, 8],
    ['the exists() macro', 'terms.fieldOfUseRestrictions.exists(r, r == "x")', 'DISALLOWED', 1, 30],
    [
      'the exists_one() macro',
      'terms.fieldOfUseRestrictions.exists_one(r, r == "x")',
      'DISALLOWED',
      1,
      30,
    ],
    [
      'the filter() macro',
      'size(terms.fieldOfUseRestrictions.filter(r, r == "x")) > 0',
      'DISALLOWED',
      1,
      35,
    ],
    ['addition', '1 + 1 > 0', 'DISALLOWED', 1, 3],
    ['multiplication', 'terms.maxMonthlyActiveUsers * 2.0 > 1.0', 'DISALLOWED', 1, 29],
    ['negation', '-1.0 < terms.maxAnnualRevenueUsd', 'DISALLOWED', 1, 1],
    ['an unknown function', 'foo(1)', 'DISALLOWED', 1, 1],
    ['a built-in function', 'dyn(components.datasets.available)', 'DISALLOWED', 1, 1],
    [
      'a function after an operator',
      'components.modelParameters.available && matches("a", "b")',
      'DISALLOWED',
      1,
      41,
    ],
    [
      'a string method',
      'components.modelParameters.license.startsWith("Apache")',
      'DISALLOWED',
      1,
      36,
    ],
    ['cel.bind()', 'cel.bind(x, true, x)', 'DISALLOWED', 1, 5],
    ['a null literal', 'components.modelParameters.license == null', 'DISALLOWED', 1, 39],
    ['a bytes literal', 'b"x" == b"x"', 'DISALLOWED', 1, 1],
    ['a map literal', '{"a": true}["a"]', 'DISALLOWED', 1, 1],
    ['indexing by a number', 'terms.fieldOfUseRestrictions[0] == "x"', 'DISALLOWED', 1, 30],
    ['a stray character', 'a &&& b', 'SYNTAX', 1, 5],
    ['a dangling operator', 'components.modelParameters.available &&', 'SYNTAX', 1, 40],
    ['an unclosed parenthesis', '(components.modelParameters.available', 'SYNTAX', 1, 38],
    ['an unterminated string', 'components.modelParameters.license == "MIT', 'SYNTAX', 1, 39],
    ['a syntax error on a second line', 'true\n  && && true', 'SYNTAX', 2, 6],
    ['an empty rule', '', 'SYNTAX', 1, 1],
  ];

  it.each(refusals)('refuses %s as %3$s at %4$i:%5$i', (_, rule, kind, line, column) => {
    const check = engine.check(rule);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.error).toMatchObject({ kind, line, column });
    expect(check.error.message).not.toContain('\n');
  });

  it('reports the 0-based offset that line and column point at', () => {
    const rule = 'components.datasets.available &&\n  components.trainingCode.licence';
    const check = engine.check(rule);
    if (check.ok) throw new Error('expected a refusal');
    expect(check.error.message).toBe('No such key: licence');
    expect(rule.slice(check.error.offset)).toBe('licence');
  });

  it('refuses nested comprehensions before anything could run them', () => {
    const list = `[${Array.from({ length: 1000 }, (_, i) => i).join(',')}]`;
    const attack = `${list}.all(a, ${list}.all(b, ${list}.all(c, ${list}.all(d, a + b + c + d >= 0))))`;
    const started = performance.now();
    const check = engine.check(attack);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(check).toMatchObject({
      ok: false,
      error: { kind: 'DISALLOWED', column: list.length + 2 },
    });
  });

  it('refuses nesting deeper than the parser allows as a syntax error', () => {
    const deep = `${'('.repeat(300)}true${')'.repeat(300)}`;
    expect(engine.check(deep)).toMatchObject({ ok: false, error: { kind: 'SYNTAX' } });
  });

  it('returns the cached result when a rule is checked again', () => {
    const rule = 'components.datasets.available';
    expect(engine.check(rule)).toBe(engine.check(rule));
  });

  it('forgets the oldest rule once the cache is full', () => {
    const small = new CriteriaEngine({ cacheSize: 2 });
    const first = small.check('components.datasets.available');
    small.check('components.dataCard.available');
    small.check('components.modelCard.available');
    expect(small.check('components.datasets.available')).not.toBe(first);
    expect(small.check('components.datasets.available')).toEqual(first);
  });
});
