import { VerdictEntity } from './verdict.entity.js';

/** Recorded and cached verdicts (see src/entities.ts). */
export const VERDICT_ENTITIES = [VerdictEntity];
