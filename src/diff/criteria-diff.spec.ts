import { diffCriteria, type ComparableCriterion } from './criteria-diff.js';

const criterion = (key: string, rule = 'true', text = 'text'): ComparableCriterion => ({
  key,
  component: 'Code',
  title: key,
  text,
  rule,
  level: null,
});

describe('diffCriteria', () => {
  it('matches criteria by key and sorts them into added, removed and modified', () => {
    const from = [criterion('a'), criterion('b'), criterion('c', 'x == 1')];
    const to = [criterion('a'), criterion('c', 'x == 2'), criterion('d')];
    const diff = diffCriteria(from, to);
    expect(diff.added.map((c) => c.key)).toEqual(['d']);
    expect(diff.removed.map((c) => c.key)).toEqual(['b']);
    expect(diff.modified).toEqual([{ key: 'c', before: from[2], after: to[1], fields: ['rule'] }]);
  });

  it('names every field that changed', () => {
    const diff = diffCriteria(
      [criterion('a', 'r1', 't1')],
      [{ ...criterion('a', 'r2', 't2'), level: 'I' }],
    );
    expect(diff.modified[0].fields).toEqual(['text', 'rule', 'level']);
  });

  it('finds nothing between identical versions', () => {
    const same = [criterion('a'), criterion('b')];
    expect(diffCriteria(same, same)).toEqual({ added: [], removed: [], modified: [] });
  });
});
