import { AMENDMENT_ENTITIES } from './amendments/entities.js';
import { AUDIT_ENTITIES } from './audit/entities.js';
import { CRITERIA_ENTITIES } from './criteria/entities.js';
import { DEFINITION_ENTITIES } from './definitions/entities.js';
import { STAKEHOLDER_ENTITIES } from './stakeholders/entities.js';
import { SYSTEM_ENTITIES } from './systems/entities.js';
import { VERDICT_ENTITIES } from './verdicts/entities.js';

/**
 * Every table Redline maps, each feature's own list: the one the application, the
 * migration tooling and the tests hand to openDatabase (src/common/database knows no
 * feature). A feature with a new table adds it to its own entities.ts.
 */
export const ENTITIES = [
  ...DEFINITION_ENTITIES,
  ...SYSTEM_ENTITIES,
  ...VERDICT_ENTITIES,
  ...CRITERIA_ENTITIES,
  ...STAKEHOLDER_ENTITIES,
  ...AMENDMENT_ENTITIES,
  ...AUDIT_ENTITIES,
];
