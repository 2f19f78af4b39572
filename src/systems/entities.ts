import { AiSystemEntity } from './ai-system.entity.js';
import { FactRevisionEntity } from './fact-revision.entity.js';

/** Systems and their fact revisions (see src/entities.ts). */
export const SYSTEM_ENTITIES = [AiSystemEntity, FactRevisionEntity];
