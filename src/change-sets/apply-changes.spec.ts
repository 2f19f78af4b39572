import {
  applyChanges,
  ChangeError,
  conflictingKeys,
  validateChanges,
  type CriterionDraft,
} from '../change-sets/apply-changes.js';

const base: CriterionDraft[] = [
  { key: 'a', component: 'Code', title: 'A', text: 'a', rule: 'true == true', level: null },
  { key: 'b', component: 'Code', title: 'B', text: 'b', rule: 'false == false', level: null },
];

describe('applyChanges', () => {
  it('adds, modifies and removes criteria by key, leaving the base untouched', () => {
    const result = applyChanges(base, [
      { kind: 'MODIFY', key: 'a', rule: 'x == 1.0' },
      { kind: 'REMOVE', key: 'b' },
      { kind: 'ADD', key: 'c', component: 'Data', title: 'C', text: 'c', rule: 'true == true' },
    ]);
    expect(result.map((c) => [c.key, c.rule])).toEqual([
      ['a', 'x == 1.0'],
      ['c', 'true == true'],
    ]);
    expect(result[0].title).toBe('A');
    expect(base[0].rule).toBe('true == true');
  });

  it('names the change that cannot apply', () => {
    expect(() =>
      applyChanges(base, [
        { kind: 'MODIFY', key: 'a', title: 'x' },
        { kind: 'REMOVE', key: 'z' },
      ]),
    ).toThrow(new ChangeError(1, 'REMOVE z: no such criterion'));
    expect(() =>
      applyChanges(base, [
        { kind: 'ADD', key: 'a', component: 'C', title: 't', text: 't', rule: 'r' },
      ]),
    ).toThrow(/change 0: ADD a: the criterion exists/);
  });
});

describe('validateChanges', () => {
  it('refuses an ADD without every field, an empty MODIFY, a REMOVE with fields and a key changed twice', () => {
    expect(() => validateChanges([{ kind: 'ADD', key: 'x', title: 't' }])).toThrow(
      /ADD x needs component, text, rule/,
    );
    expect(() => validateChanges([{ kind: 'MODIFY', key: 'x' }])).toThrow(/changes no field/);
    expect(() => validateChanges([{ kind: 'REMOVE', key: 'x', rule: 'r' }])).toThrow(
      /takes no fields/,
    );
    expect(() =>
      validateChanges([
        { kind: 'REMOVE', key: 'x' },
        { kind: 'MODIFY', key: 'x', title: 't' },
      ]),
    ).toThrow(/change 1: key x is changed twice/);
  });
});

describe('conflictingKeys', () => {
  it('reports keys touched by more than one change set', () => {
    const conflicts = conflictingKeys([
      { id: 1, changes: [{ kind: 'MODIFY', key: 'a', title: 'x' }] },
      {
        id: 2,
        changes: [
          { kind: 'REMOVE', key: 'a' },
          { kind: 'REMOVE', key: 'b' },
        ],
      },
      { id: 3, changes: [{ kind: 'REMOVE', key: 'c' }] },
    ]);
    expect([...conflicts]).toEqual([['a', [1, 2]]]);
  });
});
