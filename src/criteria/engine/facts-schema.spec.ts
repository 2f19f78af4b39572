import {
  COMPONENT_NAMES,
  FACTS_SCHEMA,
  FactsValidationError,
  schemaAt,
  validateFacts,
} from './facts-schema.js';

function refusal(input: unknown): { path: string; message: string } {
  try {
    validateFacts(input);
  } catch (error) {
    if (error instanceof FactsValidationError) return { path: error.path, message: error.message };
    throw error;
  }
  throw new Error('expected validateFacts to refuse the input');
}

describe('validateFacts', () => {
  it('accepts the example from the design and returns it', () => {
    const facts = {
      components: {
        modelParameters: { available: true, license: 'Apache-2.0' },
        trainingCode: { available: true, license: 'MIT', complete: true },
        datasets: { available: false },
      },
      dataInformation: {
        describesAllData: true,
        publicDataListed: true,
        thirdPartyDataListed: true,
        unshareableDataDescribed: true,
      },
      terms: {
        maxMonthlyActiveUsers: 700000000,
        maxAnnualRevenueUsd: 1000000,
        fieldOfUseRestrictions: ['no use to improve other LLMs'],
        nonCommercialOnly: true,
      },
    };
    expect(validateFacts(facts)).toBe(facts);
  });

  it('accepts empty facts and keys left undefined, which mean unknown', () => {
    expect(validateFacts({})).toEqual({});
    expect(() =>
      validateFacts({ components: { datasets: { available: true, license: undefined } } }),
    ).not.toThrow();
  });

  it.each([
    ['an unknown top-level key', { facts: {} }, 'facts', 'is not a known fact'],
    [
      'an unknown component',
      { components: { weights: { available: true } } },
      'components.weights',
      'is not a known fact',
    ],
    [
      'a typo in a component field',
      { components: { trainingCode: { available: true, licence: 'MIT' } } },
      'components.trainingCode.licence',
      'is not a known fact',
    ],
    ['an unknown term', { terms: { maxUsers: 1 } }, 'terms.maxUsers', 'is not a known fact'],
    [
      'a null value',
      { components: { datasets: { available: true, license: null } } },
      'components.datasets.license',
      'must not be null',
    ],
    ['a null section', { terms: null }, 'terms', 'must not be null'],
    [
      'a string for a bool',
      { dataInformation: { describesAllData: 'yes' } },
      'dataInformation.describesAllData',
      'must be a boolean, got a string',
    ],
    [
      'a string for a number',
      { terms: { maxMonthlyActiveUsers: '700M' } },
      'terms.maxMonthlyActiveUsers',
      'must be a non-negative finite number',
    ],
    [
      'a negative number',
      { terms: { maxAnnualRevenueUsd: -1 } },
      'terms.maxAnnualRevenueUsd',
      'must be a non-negative finite number',
    ],
    [
      'NaN',
      { terms: { maxAnnualRevenueUsd: Number.NaN } },
      'terms.maxAnnualRevenueUsd',
      'must be a non-negative finite number',
    ],
    [
      'a list of numbers',
      { terms: { fieldOfUseRestrictions: [1] } },
      'terms.fieldOfUseRestrictions',
      'must be a list of strings',
    ],
    ['a list for an object', { components: [] }, 'components', 'must be an object, got a list'],
    [
      'a component without available',
      { components: { datasets: { license: 'MIT' } } },
      'components.datasets.available',
      'is required',
    ],
    [
      'a licence that is not SPDX',
      { components: { datasets: { available: true, license: 'Apache 2.0' } } },
      'components.datasets.license',
      'SPDX',
    ],
    [
      'an empty restriction list',
      { terms: { fieldOfUseRestrictions: [] } },
      'terms.fieldOfUseRestrictions',
      'omit the key',
    ],
    [
      'a false restriction flag',
      { terms: { nonCommercialOnly: false } },
      'terms.nonCommercialOnly',
      'omit the key',
    ],
  ])('refuses %s with its path', (_, input, path, reason) => {
    const { path: reported, message } = refusal(input);
    expect(reported).toBe(path);
    expect(message).toContain(path);
    expect(message).toContain(reason);
  });

  it.each([null, 'facts', [], 42, new Map()])('refuses %p as the facts themselves', (input) => {
    expect(refusal(input).message).toMatch(/^facts: must be an object/);
  });

  it('refuses a __proto__ key parsed from JSON', () => {
    expect(refusal(JSON.parse('{"components": {"__proto__": {"available": true}}}')).path).toBe(
      'components.__proto__',
    );
  });
});

describe('facts schema', () => {
  it('names the 17 components of the Model Openness Framework', () => {
    expect(COMPONENT_NAMES).toHaveLength(17);
    expect(Object.keys(FACTS_SCHEMA.components)).toEqual([...COMPONENT_NAMES]);
  });

  it('resolves field paths and nothing else', () => {
    expect(schemaAt(['components', 'trainingCode', 'license'])).toBe('string');
    expect(schemaAt(['terms', 'fieldOfUseRestrictions'])).toBe('list<string>');
    expect(schemaAt(['components', 'trainingCode', 'licence'])).toBeUndefined();
    expect(schemaAt(['components', 'trainingCode', 'license', 'id'])).toBeUndefined();
    expect(schemaAt(['components', 'toString'])).toBeUndefined();
  });
});
