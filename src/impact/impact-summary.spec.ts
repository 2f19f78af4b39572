import type { Outcome } from '../criteria/engine/index.js';
import { summarize } from './impact-summary.js';

const change = (before: Outcome, after: Outcome) => ({ before, after });

describe('summarize', () => {
  it('counts each transition once, and the rest of the evaluated systems as unchanged', () => {
    const summary = summarize(10, [
      change('FAIL', 'PASS'),
      change('FAIL', 'PASS'),
      change('PASS', 'FAIL'),
      change('PASS', 'UNKNOWN'),
      change('FAIL', 'UNKNOWN'),
      change('UNKNOWN', 'PASS'),
      change('UNKNOWN', 'FAIL'),
    ]);
    expect(summary).toEqual({
      evaluated: 10,
      failToPass: 2,
      passToFail: 1,
      toUnknown: 2,
      unknownToPass: 1,
      unknownToFail: 1,
      unchanged: 3,
    });
  });

  it('reports every system unchanged when nothing changes', () => {
    expect(summarize(4, [])).toMatchObject({ evaluated: 4, unchanged: 4, toUnknown: 0 });
  });
});
