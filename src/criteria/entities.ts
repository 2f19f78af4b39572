import { LicenseVerdictEntity } from './license-verdict.entity.js';

/** The licence verdicts the SQL translation joins (see src/entities.ts). */
export const CRITERIA_ENTITIES = [LicenseVerdictEntity];
