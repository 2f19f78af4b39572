import type { VerdictChangeModel } from '../verdicts/models/verdict-change.model.js';
import type { ImpactSummaryModel } from './models/impact.model.js';

/** Counts the changes by transition; `unchanged` is every evaluated system that did not change. */
export function summarize(
  evaluated: number,
  changes: ReadonlyArray<Pick<VerdictChangeModel, 'before' | 'after'>>,
): ImpactSummaryModel {
  const summary: ImpactSummaryModel = {
    evaluated,
    failToPass: 0,
    passToFail: 0,
    toUnknown: 0,
    unknownToPass: 0,
    unknownToFail: 0,
    unchanged: evaluated - changes.length,
  };
  for (const { before, after } of changes) {
    if (after === 'UNKNOWN') summary.toUnknown++;
    else if (before === 'FAIL') summary.failToPass++;
    else if (before === 'PASS') summary.passToFail++;
    else if (after === 'PASS') summary.unknownToPass++;
    else summary.unknownToFail++;
  }
  return summary;
}
