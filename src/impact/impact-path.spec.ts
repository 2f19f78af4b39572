import { planImpact } from './impact-path.js';

const plan = (
  systems: number | null,
  translatable = true,
  comparisons = 1,
  forced?: 'SQL' | 'MEMORY',
) => planImpact({ systems, threshold: 1_000, translatable, comparisons, forced });

describe('planImpact', () => {
  it('goes to SQL from the threshold on, in memory below it', () => {
    expect(plan(999).path).toBe('MEMORY');
    expect(plan(1_000).path).toBe('SQL');
  });

  it('never widens a rule the translator refused, and says when that overrides the size', () => {
    expect(plan(1_000_000, false)).toEqual({ path: 'MEMORY', loadOnce: false, fellBack: true });
    expect(plan(10, false)).toEqual({ path: 'MEMORY', loadOnce: false, fellBack: false });
    expect(plan(null, false, 1, 'SQL')).toMatchObject({ path: 'MEMORY', fellBack: true });
  });

  it('loads the facts once for several comparisons below the threshold', () => {
    expect(plan(10, true, 3).loadOnce).toBe(true);
    expect(plan(10, true, 1).loadOnce).toBe(false);
    expect(plan(5_000, true, 3).loadOnce).toBe(false);
  });

  it('takes a forced path as given when every rule translates', () => {
    expect(plan(null, true, 1, 'SQL').path).toBe('SQL');
    expect(plan(null, true, 2, 'MEMORY')).toEqual({
      path: 'MEMORY',
      loadOnce: false,
      fellBack: false,
    });
  });
});
