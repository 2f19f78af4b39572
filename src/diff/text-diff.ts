import { diffWords } from 'diff';

export type SegmentKind = 'EQUAL' | 'ADDED' | 'REMOVED';

export interface TextSegment {
  kind: SegmentKind;
  text: string;
}

/**
 * A word-level diff of two texts as segments. Whitespace is kept inside the
 * segments, so the EQUAL+REMOVED segments spell the old text exactly and the
 * EQUAL+ADDED segments the new one.
 */
export function wordDiff(before: string, after: string): TextSegment[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? 'ADDED' : change.removed ? 'REMOVED' : 'EQUAL',
    text: change.value,
  }));
}
