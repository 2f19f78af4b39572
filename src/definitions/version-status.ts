/** DRAFT → RELEASE_CANDIDATE → RATIFIED → SUPERSEDED. */
export const VERSION_STATUSES = ['DRAFT', 'RELEASE_CANDIDATE', 'RATIFIED', 'SUPERSEDED'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/**
 * Statuses whose criteria never change again: the `criteria_frozen` and `version_frozen`
 * triggers refuse it, so what was read of such a version holds for good.
 */
export const FROZEN_STATUSES: ReadonlySet<string> = new Set<VersionStatus>([
  'RATIFIED',
  'SUPERSEDED',
]);

export const isFrozen = (status: string): boolean => FROZEN_STATUSES.has(status);
