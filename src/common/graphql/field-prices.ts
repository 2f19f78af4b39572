/**
 * What a field that computes something costs beyond an ordinary field, in the units of
 * the query cost (query-complexity.ts: a field is 1, a root field 10, the limit 10,000
 * per request). Each price is the field's measured time over that of a plain root field
 * (`systems(first: 1) { totalCount }`), times that field's cost, on the reference
 * catalogue; `npm run bench` measures them again (bench/field-prices.bench.ts) and
 * docs/performance.md keeps the figures. Keys are `Type.field`; a unit test checks that
 * each names a field of the schema.
 */
export const FIELD_PRICES: Readonly<Record<string, number>> = {
  // Applies changes to a version and evaluates every system under both sets of criteria.
  'Query.previewImpact': 1_000,
  // The same for each amendment listed (the price is per amendment).
  'Query.combinedImpact': 1_000,
  // Criteria diffs plus every system's verdict under both versions.
  'Query.versionDiff': 1_000,
  // In a listing, every amendment's impact is computed together (one scan), so less each.
  'Amendment.impact': 500,
  // One verdict per system, computed or read from the cache.
  'DefinitionVersion.verdicts': 200,
  // One system's verdict, usually from the cache.
  'AiSystem.verdict': 20,
  // Recomputes the whole audit hash chain.
  'Query.auditIntegrity': 1_000,
};
