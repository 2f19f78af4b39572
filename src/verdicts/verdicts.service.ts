import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CriteriaEngine, type CriterionRule, type Evaluation } from '../criteria/engine/index.js';
import { badInput, notFound } from '../common/errors/app-error.js';
import type { DefinitionVersionEntity } from '../definitions/definition-version.entity.js';
import { DefinitionEntity } from '../definitions/definition.entity.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { SystemsRepository, type SystemWithFacts } from '../systems/systems.repository.js';
import type { RecordVerdictInput } from './dto/record-verdict.input.js';
import { VerdictEntity } from './verdict.entity.js';

/**
 * Verdicts: computed by the engine from a system's current facts (and cached per
 * version and fact revision once the version can no longer change), or assessed
 * and recorded by a steward.
 */
@Injectable()
export class VerdictsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: CriteriaEngine,
    private readonly definitions: DefinitionsService,
    private readonly systems: SystemsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Evaluates systems against a set of criteria in memory; nothing is stored. */
  evaluate(
    criteria: CriterionRule[],
    levels: string[],
    systems: SystemWithFacts[],
  ): Map<string, Evaluation> {
    const compiled = this.engine.compile(criteria, { levels });
    return new Map(
      systems.map((system) => [system.id, this.engine.evaluate(compiled, system.facts)]),
    );
  }

  /** The computed verdict of each system under a version, from cache where it can be. */
  async computed(
    version: DefinitionVersionEntity,
    systems: SystemWithFacts[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, VerdictEntity>> {
    const result = new Map<string, VerdictEntity>();
    if (systems.length === 0) return result;
    const cacheable = version.status !== 'DRAFT';
    if (cacheable) {
      const cached: VerdictEntity[] = await manager
        .getRepository(VerdictEntity)
        .createQueryBuilder('v')
        .where(`v.source = 'COMPUTED' AND v.version_id = :versionId`, { versionId: version.id })
        .andWhere('v.fact_revision_id = ANY(:revisions)', {
          revisions: systems.map((s) => s.factRevisionId),
        })
        .getMany();
      for (const verdict of cached) result.set(verdict.systemId, verdict);
    }
    const missing = systems.filter((system) => !result.has(system.id));
    if (missing.length === 0) return result;

    const [criteria, definition] = await Promise.all([
      this.definitions.criteria(version.id, manager),
      manager.findOneByOrFail(DefinitionEntity, { id: version.definitionId }),
    ]);
    const evaluations = this.evaluate(criteria, definition.levels, missing);
    const rows = missing.map((system) => {
      const evaluation = evaluations.get(system.id)!;
      return manager.create(VerdictEntity, {
        systemId: system.id,
        versionId: version.id,
        factRevisionId: system.factRevisionId,
        source: 'COMPUTED',
        outcome: evaluation.outcome,
        level: evaluation.level,
        criteria: evaluation.criteria,
        notes: '',
        recordedById: null,
        assessedBy: null,
        recordedAt: new Date(),
      });
    });
    for (const row of rows) result.set(row.systemId, row);
    if (cacheable) await this.store(manager, rows);
    return result;
  }

  /** Recorded assessments of the given systems under a version. */
  async assessed(
    versionId: string,
    systemIds: readonly string[],
  ): Promise<Map<string, VerdictEntity>> {
    const rows = await this.dataSource
      .getRepository(VerdictEntity)
      .createQueryBuilder('v')
      .where(`v.source = 'ASSESSED' AND v.version_id = :versionId`, { versionId })
      .andWhere('v.system_id = ANY(:ids)', { ids: systemIds })
      .getMany();
    return new Map(rows.map((row) => [row.systemId, row]));
  }

  /** Records (or replaces) an assessment of a system against a version. */
  async record(actorId: string, input: RecordVerdictInput): Promise<VerdictEntity> {
    const system = await this.systems.bySlug(input.system);
    if (!system) throw notFound(`No system "${input.system}"`);
    return this.dataSource.transaction(async (manager) => {
      const version = await this.definitions.version(input.definition, input.version, manager);
      const definition = await manager.findOneByOrFail(DefinitionEntity, {
        id: version.definitionId,
      });
      if (input.level && !definition.levels.includes(input.level)) {
        throw badInput(
          `Level "${input.level}" is not one of ${JSON.stringify(definition.levels)}`,
          { field: 'level' },
        );
      }
      const previous = await manager.findOneBy(VerdictEntity, {
        source: 'ASSESSED',
        versionId: version.id,
        systemId: system.id,
      });
      const verdict = await manager.save(
        Object.assign(
          previous ??
            manager.create(VerdictEntity, {
              source: 'ASSESSED',
              systemId: system.id,
              versionId: version.id,
            }),
          {
            factRevisionId: system.factRevisionId,
            outcome: input.outcome,
            level: input.level ?? null,
            criteria: [],
            notes: input.notes,
            assessedBy: input.assessedBy ?? null,
            recordedById: actorId,
            recordedAt: new Date(),
          },
        ),
      );
      await this.audit.record(manager, {
        actorId,
        entityType: 'system',
        entityId: system.id,
        action: 'verdict.recorded',
        fromState: previous?.outcome ?? null,
        toState: input.outcome,
        data: { definition: input.definition, version: input.version },
      });
      return verdict;
    });
  }

  /** Caches computed verdicts; a concurrent request that stored the same ones first wins. */
  private async store(manager: EntityManager, rows: VerdictEntity[]): Promise<void> {
    const CHUNK = 1000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(VerdictEntity)
        .values(rows.slice(i, i + CHUNK))
        .orIgnore()
        .execute();
    }
  }
}
