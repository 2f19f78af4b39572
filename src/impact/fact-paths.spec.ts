import type { Facts } from '../criteria/engine/index.js';
import { factPaths } from '../criteria/engine/index.js';
import { projectFacts } from './fact-paths.js';

describe('factPaths', () => {
  it('lists the facts rules read, two levels deep, whether selected, indexed or tested', () => {
    const paths = factPaths([
      'components.modelParameters.available && osiApproved(components.modelParameters.license)',
      '!has(terms.maxMonthlyActiveUsers) && components["datasets"].available',
      'size(terms.fieldOfUseRestrictions) == 0',
    ]);
    expect(paths).toEqual(
      new Map([
        ['components', new Set(['modelParameters', 'datasets'])],
        ['terms', new Set(['maxMonthlyActiveUsers', 'fieldOfUseRestrictions'])],
      ]),
    );
  });

  it('reads a whole fact that a rule uses bare', () => {
    expect(factPaths(['size(terms) == 0', 'has(terms.nonCommercialOnly)'])).toEqual(
      new Map([['terms', null]]),
    );
  });

  it('reads nothing for a rule that reads no facts', () => {
    expect(factPaths(['true == true'])).toEqual(new Map());
  });
});

describe('projectFacts', () => {
  const facts: Facts = {
    components: {
      modelParameters: { available: true, license: 'MIT' },
      datasets: { available: false },
    },
    terms: { nonCommercialOnly: true },
  };

  it('keeps only the facts read, and keeps a read object present even when it ends up empty', () => {
    const paths = factPaths([
      'components.modelParameters.available && has(terms.maxMonthlyActiveUsers)',
    ]);
    expect(projectFacts(facts, paths)).toEqual({
      components: { modelParameters: { available: true, license: 'MIT' } },
      terms: {},
    });
  });

  it('leaves an absent fact absent', () => {
    expect(projectFacts({}, factPaths(['terms.nonCommercialOnly']))).toEqual({});
  });
});
