import { InitialSchema1795856729530 } from '../../../migrations/1795856729530-InitialSchema.js';
import { Invariants1795856729531 } from '../../../migrations/1795856729531-Invariants.js';
import { SignInRateLimits1795859813044 } from '../../../migrations/1795859813044-SignInRateLimits.js';
import { RefuseTruncate1795862000000 } from '../../../migrations/1795862000000-RefuseTruncate.js';
import { LicenseVerdicts1795870000000 } from '../../../migrations/1795870000000-LicenseVerdicts.js';
import { CriteriaInvalidateVerdicts1795870000001 } from '../../../migrations/1795870000001-CriteriaInvalidateVerdicts.js';

/**
 * Every migration, in order. Listed explicitly rather than found by a glob so that
 * the same list works from the compiled build, the CLI and Jest's module loader;
 * a unit spec fails when a file in migrations/ is missing here.
 */
export const MIGRATIONS = [
  InitialSchema1795856729530,
  Invariants1795856729531,
  SignInRateLimits1795859813044,
  RefuseTruncate1795862000000,
  LicenseVerdicts1795870000000,
  CriteriaInvalidateVerdicts1795870000001,
];
