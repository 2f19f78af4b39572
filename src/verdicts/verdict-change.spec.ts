import type { CriterionResult, Outcome } from '../criteria/engine/index.js';
import { decidedBy, verdictChanges } from './verdict-change.js';

const result = (key: string, outcome: Outcome): CriterionResult => ({
  key,
  outcome,
  explanation: '',
});
const side = (outcome: Outcome, ...criteria: CriterionResult[]) => ({ outcome, criteria });

describe('decidedBy', () => {
  it('names the criteria whose result changed', () => {
    const before = side('FAIL', result('a', 'PASS'), result('b', 'FAIL'));
    const after = side('PASS', result('a', 'PASS'), result('b', 'PASS'));
    expect(decidedBy({ before, after })).toEqual(['b']);
  });

  it('counts a failing criterion that was removed or added, but not a passing one', () => {
    const before = side('FAIL', result('gone', 'FAIL'), result('kept', 'PASS'));
    const after = side(
      'FAIL',
      result('kept', 'PASS'),
      result('new', 'UNKNOWN'),
      result('easy', 'PASS'),
    );
    expect(decidedBy({ before, after })).toEqual(['gone', 'new']);
  });
});

describe('verdictChanges', () => {
  it('lists only systems whose outcome changed, with the recorded verdict beside them', () => {
    const before = new Map([
      ['s1', side('PASS', result('a', 'PASS'))],
      ['s2', side('FAIL', result('a', 'FAIL'))],
    ]);
    const after = new Map([
      ['s1', side('FAIL', result('a', 'FAIL'))],
      ['s2', side('FAIL', result('a', 'FAIL'))],
    ]);
    const changes = verdictChanges(['s1', 's2'], before, after, new Map([['s1', 'PASS']]));
    expect(changes).toEqual([
      { systemId: 's1', recorded: 'PASS', before: 'PASS', after: 'FAIL', decidedBy: ['a'] },
    ]);
  });
});
