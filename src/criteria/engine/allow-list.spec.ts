import { parse } from '@marcbachmann/cel-js';
import { findDisallowed } from './allow-list.js';
import { positionAt } from './ast.js';

const disallowed = (rule: string) => findDisallowed(parse(rule).ast);

describe('findDisallowed', () => {
  it('finds nothing in logic, comparisons, membership, selections, literals and allowed calls', () => {
    const rule =
      '!(a.b || a["c"]) && (x ? 1.5 <= 2 : "s" in ["s", "t"]) && has(a.b) && size(l) != 0 && l.size() > 0 && osiApproved(a.l) && openDataLicense(a.l)';
    expect(disallowed(rule)).toBeNull();
  });

  it('reports the first refused construct in source order with its offset', () => {
    expect(disallowed('a.b && x.exists(y, y) && 1 + 2 > 0')).toEqual({
      message: "the 'exists' macro is not allowed: comprehensions have no cost limit",
      offset: 9,
    });
  });

  it('points at the operator of refused arithmetic, even after a comment', () => {
    const rule = 'a.n // count\n  * 2 > 1';
    expect(disallowed(rule)?.offset).toBe(rule.indexOf('*'));
  });
});

describe('positionAt', () => {
  it('turns an offset into a 1-based line and column', () => {
    expect(positionAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2, offset: 4 });
    expect(positionAt('ab', 0)).toEqual({ line: 1, column: 1, offset: 0 });
  });
});
