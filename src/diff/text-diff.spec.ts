import { wordDiff } from './text-diff.js';

const spell = (segments: ReturnType<typeof wordDiff>, skip: 'ADDED' | 'REMOVED') =>
  segments
    .filter((s) => s.kind !== skip)
    .map((s) => s.text)
    .join('');

describe('wordDiff', () => {
  it('marks the words that changed and keeps the rest equal', () => {
    const segments = wordDiff(
      'A sufficiently detailed description of the data',
      'A complete description of the data',
    );
    const words = (kind: string) =>
      segments
        .filter((s) => s.kind === kind)
        .map((s) => s.text)
        .join('')
        .trim();
    expect(words('REMOVED')).toBe('sufficiently detailed');
    expect(words('ADDED')).toBe('complete');
    expect(words('EQUAL')).toContain('description of the data');
    expect(segments.filter((s) => s.kind === 'REMOVED')).toHaveLength(1);
  });

  it('can spell both texts back exactly from the segments', () => {
    const before = 'Code used for  cleaning the data.\nAnd more.';
    const after = 'Code used for processing and filtering the data.\nAnd more!';
    const segments = wordDiff(before, after);
    expect(spell(segments, 'ADDED')).toBe(before);
    expect(spell(segments, 'REMOVED')).toBe(after);
  });

  it('reads a run of changed words as one replaced phrase', () => {
    const segments = wordDiff('keep one two three keep', 'keep four five six keep');
    expect(segments).toEqual([
      { kind: 'EQUAL', text: 'keep ' },
      { kind: 'REMOVED', text: 'one two three' },
      { kind: 'ADDED', text: 'four five six' },
      { kind: 'EQUAL', text: ' keep' },
    ]);
  });

  it('gives one EQUAL segment for identical texts', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ kind: 'EQUAL', text: 'same words' }]);
  });
});
