import type { CriterionEntity } from './criterion.entity.js';
import type { DefinitionVersionEntity } from './definition-version.entity.js';
import type { DefinitionEntity } from './definition.entity.js';
import {
  CriterionModel,
  DefinitionModel,
  DefinitionVersionModel,
} from './models/definition.model.js';

export const toDefinitionModel = (e: DefinitionEntity): DefinitionModel =>
  Object.assign(new DefinitionModel(), {
    id: e.id,
    slug: e.slug,
    name: e.name,
    stewardOrganization: e.stewardOrganization,
    description: e.description,
    levels: e.levels,
    policy: e.policy,
  });

export const toVersionModel = (e: DefinitionVersionEntity): DefinitionVersionModel =>
  Object.assign(new DefinitionVersionModel(), {
    id: e.id,
    definitionId: e.definitionId,
    parentId: e.parentId,
    label: e.label,
    status: e.status,
    preamble: e.preamble,
    publishedAt: e.publishedAt,
    ratifiedAt: e.ratifiedAt,
    licenseListVersion: e.licenseListVersion,
  });

export const toCriterionModel = (e: CriterionEntity): CriterionModel =>
  Object.assign(new CriterionModel(), {
    id: e.id,
    key: e.key,
    component: e.component,
    title: e.title,
    text: e.text,
    rule: e.rule,
    level: e.level,
  });
