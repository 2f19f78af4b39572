import type { EntityManager } from 'typeorm';
import { LICENSE_LIST_VERSION } from '../criteria/engine/index.js';
import { CriterionEntity } from './criterion.entity.js';
import { DefinitionVersionEntity } from './definition-version.entity.js';
import { isFrozen, type VersionStatus } from './version-status.js';

/** What a criterion says, whichever version it belongs to. */
export interface CriterionContent {
  key: string;
  component: string;
  title: string;
  text: string;
  rule: string;
  level: string | null;
}

export interface NewVersion {
  definitionId: string;
  label: string;
  parentId: string | null;
  preamble: string;
  /** In order: positions are given from 1. */
  criteria: readonly CriterionContent[];
  /** DRAFT unless given; a RATIFIED or SUPERSEDED one records the licence list it used. */
  status?: VersionStatus;
  publishedAt?: string | null;
  ratifiedAt?: Date | null;
  createdAt?: Date;
}

/**
 * A version with its criteria, in `manager`'s transaction — the one way a version is
 * made: a steward's draft, a ratification, the reference data. It is inserted as a DRAFT
 * with its criteria, then given its status, since the database refuses criteria in a
 * RATIFIED or SUPERSEDED version.
 */
export async function insertVersion(
  manager: EntityManager,
  spec: NewVersion,
): Promise<DefinitionVersionEntity> {
  const status = spec.status ?? 'DRAFT';
  const version = await manager.save(
    manager.create(DefinitionVersionEntity, {
      definitionId: spec.definitionId,
      label: spec.label,
      status: 'DRAFT',
      parentId: spec.parentId,
      preamble: spec.preamble,
      publishedAt: spec.publishedAt ?? null,
      ratifiedAt: spec.ratifiedAt ?? null,
      licenseListVersion: isFrozen(status) ? LICENSE_LIST_VERSION : null,
      ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
    }),
  );
  if (spec.criteria.length > 0) {
    await manager.insert(
      CriterionEntity,
      spec.criteria.map(({ key, component, title, text, rule, level }, index) => ({
        key,
        component,
        title,
        text,
        rule,
        level,
        versionId: version.id,
        position: index + 1,
      })),
    );
  }
  if (status === 'DRAFT') return version;
  await manager.update(DefinitionVersionEntity, { id: version.id }, { status });
  return manager.findOneByOrFail(DefinitionVersionEntity, { id: version.id });
}
