import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import {
  CriteriaEngine,
  type CriterionRule,
  type Evaluation,
  type Facts,
} from '../criteria/engine/index.js';
import { notFound } from '../common/errors/app-error.js';
import type { DefinitionVersionEntity } from '../definitions/definition-version.entity.js';
import { DefinitionEntity } from '../definitions/definition.entity.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { SystemsRepository } from '../systems/systems.repository.js';
import type { RecordVerdictInput } from './dto/record-verdict.input.js';
import { VerdictEntity } from './verdict.entity.js';
import { VerdictsRepository, type CachedSystem } from './verdicts.repository.js';
import { isFrozen } from '../definitions/version-status.js';
import { assertLevel } from '../definitions/refusals.js';

const hasVerdict = (system: CachedSystem): system is CachedSystem & { verdict: VerdictEntity } =>
  system.verdict !== null;

/** What the cache needs to know of a version: which one, whether its criteria may still change, its definition. */
export type VersionRef = Pick<DefinitionVersionEntity, 'id' | 'status' | 'definitionId'>;

/** A system at a fact revision; without `facts` they are read from the revision when needed. */
export interface SystemRef {
  id: string;
  factRevisionId: string;
  facts?: Facts | null;
}

/**
 * Verdicts: computed by the engine from a system's current facts and cached, one row per
 * (version, fact revision), or assessed and recorded by a steward.
 *
 * The cache. A computed verdict depends only on the version's criteria and the facts of
 * one revision. Revisions are never rewritten (a new one is added), so a change of facts is
 * a new key and only that system's verdict is computed again. Criteria of a RATIFIED or
 * SUPERSEDED version never change (trigger `criteria_frozen`). A DRAFT's criteria do:
 * upsertCriterion and removeCriterion lock the version row FOR UPDATE, and the
 * `criteria_invalidate_verdicts` trigger deletes its COMPUTED rows in the same transaction
 * whichever path edits them; a miss on any version not frozen is filled
 * under a FOR SHARE lock on the same row, so the criteria read, the verdicts computed from
 * them and the rows stored cannot straddle an edit (see docs/decisions.md).
 */
@Injectable()
export class VerdictsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: CriteriaEngine,
    private readonly definitions: DefinitionsService,
    private readonly systems: SystemsRepository,
    private readonly repository: VerdictsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Evaluates systems against a set of criteria in memory; nothing is stored. */
  evaluate(
    criteria: CriterionRule[],
    levels: string[],
    systems: Array<{ id: string; facts: Facts }>,
  ): Map<string, Evaluation> {
    const compiled = this.engine.compile(criteria, { levels });
    return new Map(
      systems.map((system) => [system.id, this.engine.evaluate(compiled, system.facts)]),
    );
  }

  /** The computed verdict of each given system under a version, from the cache where it can be. */
  async computed(
    version: VersionRef,
    systems: readonly SystemRef[],
    manager: EntityManager,
  ): Promise<Map<string, VerdictEntity>> {
    if (systems.length === 0) return new Map();
    const revisions = systems.map((system) => system.factRevisionId);
    const cached = await this.repository.cached(version.id, revisions, manager);
    if (systems.every((system) => cached.has(system.id))) return cached;
    return this.filling(version, manager, async (m, locked) => {
      // Under a draft's lock, read again: an edit may have emptied the cache meanwhile.
      const found = locked ? await this.repository.cached(version.id, revisions, m) : cached;
      const missing = systems.filter((system) => !found.has(system.id));
      for (const row of await this.fill(version, missing, m)) found.set(row.systemId, row);
      return found;
    });
  }

  /** computedForAll, read outside any transaction (a query's answer). */
  computedForVersion(version: VersionRef) {
    return this.computedForAll(version, this.dataSource.manager);
  }

  /**
   * Every current system with its computed verdict under a version, in slug order. A warm
   * cache answers in one statement, without reading any facts; only the systems whose
   * verdict is missing have their facts read and evaluated.
   */
  async computedForAll(
    version: VersionRef,
    manager: EntityManager,
  ): Promise<Array<CachedSystem & { verdict: VerdictEntity }>> {
    const read = await this.repository.currentWithCached(version.id, manager);
    if (read.every(hasVerdict)) return read;
    return this.filling(version, manager, async (m, locked) => {
      // Under a draft's lock, read again: an edit may have emptied the cache meanwhile.
      const systems = locked ? await this.repository.currentWithCached(version.id, m) : read;
      const missing = systems.filter((system) => !system.verdict);
      const rows = await this.fill(version, missing, m);
      const filled = new Map(rows.map((row) => [row.systemId, row]));
      return systems.map((system) =>
        hasVerdict(system) ? system : { ...system, verdict: filled.get(system.id)! },
      );
    });
  }

  /**
   * Runs `work`, which fills the cache: as is for a version whose criteria are frozen; for
   * any other (a DRAFT) in a transaction holding a share lock on the version row (`locked`).
   */
  private filling<T>(
    version: VersionRef,
    manager: EntityManager,
    work: (manager: EntityManager, locked: boolean) => Promise<T>,
  ): Promise<T> {
    if (isFrozen(version.status)) return work(manager, false);
    const locked = async (m: EntityManager) => {
      await m.query(`SELECT 1 FROM definition_versions WHERE id = $1 FOR SHARE`, [version.id]);
      return work(m, true);
    };
    return manager.queryRunner?.isTransactionActive ? locked(manager) : manager.transaction(locked);
  }

  /** Evaluates the systems under the version's current criteria and caches the verdicts. */
  private async fill(
    version: VersionRef,
    systems: readonly SystemRef[],
    manager: EntityManager,
  ): Promise<VerdictEntity[]> {
    if (systems.length === 0) return [];
    const unread = systems.filter((system) => !system.facts).map((s) => s.factRevisionId);
    const [facts, criteria, definition] = await Promise.all([
      unread.length > 0 ? this.repository.facts(unread, manager) : new Map<string, Facts>(),
      this.definitions.criteria(version.id, manager),
      manager.findOneByOrFail(DefinitionEntity, { id: version.definitionId }),
    ]);
    const evaluations = this.evaluate(
      criteria,
      definition.levels,
      systems.map((system) => ({
        id: system.id,
        facts: system.facts ?? facts.get(system.factRevisionId)!,
      })),
    );
    const recordedAt = new Date();
    const rows = systems.map((system) => {
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
        recordedAt,
      });
    });
    await this.repository.store(manager, rows);
    return rows;
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

  /** Every ASSESSED verdict on record under a version, in system slug order. */
  assessedForVersion(versionId: string): Promise<VerdictEntity[]> {
    return this.repository.assessed(versionId);
  }

  /** Records (or replaces) an assessment of a system against a version. */
  record(actorId: string, input: RecordVerdictInput): Promise<VerdictEntity> {
    return this.dataSource.transaction((manager) => this.recordIn(manager, actorId, input));
  }

  /**
   * `record` in `manager`'s transaction; `recordedAt` dates an assessment made earlier
   * (the reference data's, as published), and `actorId` is null for one Redline loads.
   */
  async recordIn(
    manager: EntityManager,
    actorId: string | null,
    input: RecordVerdictInput,
    recordedAt = new Date(),
  ): Promise<VerdictEntity> {
    const system = await this.systems.bySlug(input.system, manager);
    if (!system) throw notFound('NO_SYSTEM', `No system "${input.system}"`);
    const version = await this.definitions.version(input.definition, input.version, manager);
    const definition = await manager.findOneByOrFail(DefinitionEntity, {
      id: version.definitionId,
    });
    assertLevel(definition, input.level);
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
          recordedAt,
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
  }
}
