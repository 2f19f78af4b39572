import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { LICENSE_LIST_VERSION, validateFacts } from '../criteria/engine/index.js';
import { CriterionEntity } from '../definitions/criterion.entity.js';
import { DefinitionVersionEntity } from '../definitions/definition-version.entity.js';
import { DefinitionEntity } from '../definitions/definition.entity.js';
import { AiSystemEntity } from '../systems/ai-system.entity.js';
import { licensesIn, upsertLicenseVerdicts } from '../criteria/license-table.js';
import { FactRevisionEntity } from '../systems/fact-revision.entity.js';
import { VerdictEntity } from '../verdicts/verdict.entity.js';
import {
  REFERENCE_DEFINITIONS,
  REFERENCE_SYSTEMS,
  type ReferenceDefinition,
  type ReferenceSystem,
} from './reference/index.js';

/**
 * Loads the reference definitions (OSAID, MOF) and the systems OSI reviewed,
 * each only if its slug is not there yet: running it twice changes nothing, and
 * nothing a steward has changed since is overwritten. Returns what it loaded.
 */
export async function seedReferenceData(dataSource: DataSource): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    // Two processes starting on one fresh database must not both load it.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('redline.seed'))`);
    const loaded: string[] = [];
    for (const definition of REFERENCE_DEFINITIONS) {
      if (await manager.existsBy(DefinitionEntity, { slug: definition.slug })) continue;
      await seedDefinition(manager, definition);
      loaded.push(definition.slug);
    }
    for (const system of REFERENCE_SYSTEMS) {
      if (await manager.existsBy(AiSystemEntity, { slug: system.slug })) continue;
      await seedSystem(manager, system);
      loaded.push(system.slug);
    }
    return loaded;
  });
}

async function seedDefinition(
  manager: EntityManager,
  reference: ReferenceDefinition,
): Promise<void> {
  const definition = await manager.save(
    manager.create(DefinitionEntity, {
      slug: reference.slug,
      name: reference.name,
      stewardOrganization: reference.stewardOrganization,
      description: reference.description,
      levels: reference.levels ?? [],
      policy: reference.policy,
    }),
  );
  const ids = new Map<string, string>();
  for (const version of reference.versions) {
    const parentId = version.parentLabel ? ids.get(version.parentLabel) : null;
    if (parentId === undefined) {
      throw new Error(
        `${reference.slug} ${version.label}: parent ${version.parentLabel} must come first`,
      );
    }
    const frozen = version.status === 'RATIFIED' || version.status === 'SUPERSEDED';
    // Criteria go into a DRAFT; the final status is set afterwards, since the
    // database refuses criteria changes in a ratified or superseded version.
    const row = await manager.save(
      manager.create(DefinitionVersionEntity, {
        definitionId: definition.id,
        label: version.label,
        status: 'DRAFT',
        parentId,
        preamble: version.preamble,
        publishedAt: version.publishedAt,
        ratifiedAt: frozen ? new Date(`${version.publishedAt}T00:00:00Z`) : null,
        licenseListVersion: frozen ? LICENSE_LIST_VERSION : null,
        createdAt: new Date(`${version.publishedAt}T00:00:00Z`),
      }),
    );
    ids.set(version.label, row.id);
    await manager.insert(
      CriterionEntity,
      version.criteria.map((criterion, index) => ({
        versionId: row.id,
        key: criterion.key,
        component: criterion.component,
        title: criterion.title,
        text: criterion.text,
        rule: criterion.rule,
        level: criterion.level ?? null,
        position: index + 1,
      })),
    );
    if (version.status !== 'DRAFT') {
      await manager.update(DefinitionVersionEntity, { id: row.id }, { status: version.status });
    }
  }
  await audit(manager, 'definition', definition.id, { slug: reference.slug });
}

async function seedSystem(manager: EntityManager, reference: ReferenceSystem): Promise<void> {
  const system = await manager.save(
    manager.create(AiSystemEntity, {
      slug: reference.slug,
      name: reference.name,
      developer: reference.developer,
      currentRevision: 1,
    }),
  );
  const facts = validateFacts(reference.facts);
  await upsertLicenseVerdicts(manager, licensesIn(facts));
  const revision = await manager.save(
    manager.create(FactRevisionEntity, {
      systemId: system.id,
      revision: 1,
      facts,
      evidence: reference.evidence,
    }),
  );
  const { assessed } = reference;
  const [version] = await manager.query(
    `SELECT v.id FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
      WHERE d.slug = $1 AND v.label = $2`,
    [assessed.definition, assessed.version],
  );
  if (!version)
    throw new Error(`${reference.slug}: no version ${assessed.definition} ${assessed.version}`);
  await manager.insert(VerdictEntity, {
    systemId: system.id,
    versionId: version.id,
    factRevisionId: revision.id,
    source: 'ASSESSED',
    outcome: assessed.outcome,
    criteria: [],
    notes: assessed.notes,
    assessedBy: assessed.assessedBy,
    recordedAt: new Date(`${assessed.assessedAt}T00:00:00Z`),
  });
  await audit(manager, 'system', system.id, { slug: reference.slug });
}

function audit(
  manager: EntityManager,
  entityType: string,
  entityId: string,
  data: Record<string, unknown>,
) {
  return new AuditService().record(manager, {
    actorId: null,
    entityType,
    entityId,
    action: 'reference.loaded',
    data,
  });
}
