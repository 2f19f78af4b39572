import { diffRules } from './rule-diff.js';

describe('diffRules', () => {
  it('lists the operands of an && chain that were removed, added and kept', () => {
    const before = 'components.trainingCode.available && components.trainingCode.complete';
    const after =
      'components.trainingCode.available && osiApproved(components.trainingCode.license)';
    expect(diffRules(before, after)).toBe(
      [
        '  components.trainingCode.available',
        '- components.trainingCode.complete',
        '+ osiApproved(components.trainingCode.license)',
      ].join('\n'),
    );
  });

  it('ignores spacing, line breaks and comments', () => {
    const before = 'dataInformation.describesAllData && dataInformation.publicDataListed';
    const after =
      'dataInformation.describesAllData // all of it\n  &&   dataInformation.publicDataListed';
    expect(diffRules(before, after)).toBe(
      '  dataInformation.describesAllData\n  dataInformation.publicDataListed',
    );
  });

  it('treats a single condition as a chain of one when the other rule is a chain', () => {
    expect(
      diffRules('components.datasets.available', 'components.datasets.available && true'),
    ).toBe('  components.datasets.available\n+ true');
  });

  it('compares || chains operand by operand', () => {
    expect(
      diffRules(
        'components.datasets.available || components.dataCard.available',
        'components.datasets.available || components.researchPaper.available',
      ),
    ).toBe(
      '  components.datasets.available\n- components.dataCard.available\n+ components.researchPaper.available',
    );
  });

  it('keeps a parenthesised group as one operand', () => {
    expect(diffRules('a && (b || c)', 'a && (b || d)')).toBe('  a\n- b || c\n+ b || d');
  });

  it('compares whole rules when the chains use different operators', () => {
    expect(diffRules('a && b', 'a || b')).toBe('- a && b\n+ a || b');
  });

  it('compares whole rules when neither is a chain', () => {
    expect(diffRules('size(x) > 1', 'size(x)  >  2')).toBe('- size(x) > 1\n+ size(x) > 2');
    expect(diffRules('has(x.y)', 'has( x.y )')).toBe('  has(x.y)');
  });

  it('falls back to the rule texts when a rule does not parse', () => {
    expect(diffRules('a &&', 'a && b')).toBe('- a &&\n+ a && b');
  });
});
