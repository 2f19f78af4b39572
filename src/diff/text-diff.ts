import { diffWordsWithSpace, type Change } from 'diff';

export type SegmentKind = 'EQUAL' | 'ADDED' | 'REMOVED';

export interface TextSegment {
  kind: SegmentKind;
  text: string;
}

/**
 * A word-level diff of two texts as segments. The EQUAL+REMOVED segments spell
 * the old text exactly and the EQUAL+ADDED segments the new one. A run of changed
 * words separated only by spaces reads as one replaced phrase rather than
 * alternating single words.
 */
export function wordDiff(before: string, after: string): TextSegment[] {
  const changes = diffWordsWithSpace(before, after);
  const segments: TextSegment[] = [];
  let i = 0;
  while (i < changes.length) {
    if (!isChange(changes[i])) {
      segments.push({ kind: 'EQUAL', text: changes[i++].value });
      continue;
    }
    // Extend the run over whitespace-only equal parts that have another change after them.
    let end = i;
    while (
      end + 1 < changes.length &&
      (isChange(changes[end + 1]) ||
        (isBlank(changes[end + 1]) && end + 2 < changes.length && isChange(changes[end + 2])))
    ) {
      end++;
    }
    const run = changes.slice(i, end + 1);
    const removed = run
      .filter((c) => !c.added)
      .map((c) => c.value)
      .join('');
    const added = run
      .filter((c) => !c.removed)
      .map((c) => c.value)
      .join('');
    if (removed) segments.push({ kind: 'REMOVED', text: removed });
    if (added) segments.push({ kind: 'ADDED', text: added });
    i = end + 1;
  }
  return segments;
}

const isChange = (change: Change) => Boolean(change.added || change.removed);
const isBlank = (change: Change) => !isChange(change) && change.value.trim() === '';
