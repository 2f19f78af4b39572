import { CriterionEntity } from './criterion.entity.js';
import { DefinitionVersionEntity } from './definition-version.entity.js';
import { DefinitionEntity } from './definition.entity.js';

/** Definitions, their versions and criteria (see src/entities.ts). */
export const DEFINITION_ENTITIES = [DefinitionEntity, DefinitionVersionEntity, CriterionEntity];
