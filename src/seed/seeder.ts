import { Injectable, type INestApplicationContext } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DefinitionEntity } from '../definitions/definition.entity.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { insertVersion } from '../definitions/new-version.js';
import { isFrozen } from '../definitions/version-status.js';
import { AiSystemEntity } from '../systems/ai-system.entity.js';
import { SystemsService } from '../systems/systems.service.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import {
  REFERENCE_DEFINITIONS,
  REFERENCE_SYSTEMS,
  type ReferenceDefinition,
  type ReferenceSystem,
} from './reference/index.js';

/**
 * Loads the reference definitions (OSAID, MOF) and the systems OSI reviewed, each only
 * if its slug is not there yet: running it twice changes nothing, and nothing a steward
 * has changed since is overwritten. It writes through the same services a steward's
 * mutations and an importer use, in one transaction, as Redline itself (no actor).
 */
@Injectable()
export class ReferenceSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsService,
    private readonly systems: SystemsService,
    private readonly verdicts: VerdictsService,
  ) {}

  /** Returns the slugs it loaded. */
  seed(): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      // Two processes starting on one fresh database must not both load it.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('redline.seed'))`);
      const loaded: string[] = [];
      for (const definition of REFERENCE_DEFINITIONS) {
        if (await manager.existsBy(DefinitionEntity, { slug: definition.slug })) continue;
        await this.definition(manager, definition);
        loaded.push(definition.slug);
      }
      for (const system of REFERENCE_SYSTEMS) {
        if (await manager.existsBy(AiSystemEntity, { slug: system.slug })) continue;
        await this.system(manager, system);
        loaded.push(system.slug);
      }
      return loaded;
    });
  }

  private async definition(manager: EntityManager, reference: ReferenceDefinition) {
    const definition = await this.definitions.insertDefinition(manager, null, {
      slug: reference.slug,
      name: reference.name,
      stewardOrganization: reference.stewardOrganization,
      description: reference.description,
      levels: reference.levels ?? [],
      policy: reference.policy,
    });
    const ids = new Map<string, string>();
    for (const version of reference.versions) {
      const parentId = version.parentLabel ? ids.get(version.parentLabel) : null;
      if (parentId === undefined) {
        throw new Error(
          `${reference.slug} ${version.label}: parent ${version.parentLabel} must come first`,
        );
      }
      const published = new Date(`${version.publishedAt}T00:00:00Z`);
      const row = await insertVersion(manager, {
        definitionId: definition.id,
        label: version.label,
        parentId,
        preamble: version.preamble,
        criteria: version.criteria.map((criterion) => ({
          ...criterion,
          level: criterion.level ?? null,
        })),
        status: version.status,
        publishedAt: version.publishedAt,
        ratifiedAt: isFrozen(version.status) ? published : null,
        createdAt: published,
      });
      ids.set(version.label, row.id);
    }
  }

  private async system(manager: EntityManager, reference: ReferenceSystem) {
    await this.systems.upsertIn(manager, null, {
      slug: reference.slug,
      name: reference.name,
      developer: reference.developer,
      facts: reference.facts,
      evidence: reference.evidence,
    });
    const { assessed } = reference;
    await this.verdicts.recordIn(
      manager,
      null,
      {
        system: reference.slug,
        definition: assessed.definition,
        version: assessed.version,
        outcome: assessed.outcome,
        notes: assessed.notes,
        assessedBy: assessed.assessedBy,
      },
      new Date(`${assessed.assessedAt}T00:00:00Z`),
    );
  }
}

/** Loads the missing reference data with the application's own services. */
export function seedReferenceData(app: INestApplicationContext): Promise<string[]> {
  return app.get(ReferenceSeeder).seed();
}
