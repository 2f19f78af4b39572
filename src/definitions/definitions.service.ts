import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { RuleChecker } from '../criteria/rule-checker.js';
import { conflict, notFound } from '../common/errors/app-error.js';
import { CriterionEntity } from './criterion.entity.js';
import { DefinitionVersionEntity } from './definition-version.entity.js';
import { DEFAULT_POLICY, DefinitionEntity, type GovernancePolicy } from './definition.entity.js';
import type {
  CreateDefinitionInput,
  CreateVersionInput,
  CriterionInput,
} from './dto/definition.inputs.js';
import { assertLevel, noSuchDefinition, noSuchVersion } from './refusals.js';
import { insertVersion } from './new-version.js';

/** Definitions, their versions and the criteria of draft versions. */
@Injectable()
export class DefinitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rules: RuleChecker,
    private readonly audit: AuditService,
  ) {}

  /** A definition by slug, read outside any transaction (a query's answer); NOT_FOUND if none. */
  read(slug: string): Promise<DefinitionEntity> {
    return this.bySlug(slug, this.dataSource.manager);
  }

  list(): Promise<DefinitionEntity[]> {
    return this.dataSource.getRepository(DefinitionEntity).find({ order: { slug: 'ASC' } });
  }

  async bySlug(slug: string, manager: EntityManager): Promise<DefinitionEntity> {
    const definition = await manager.findOneBy(DefinitionEntity, { slug });
    if (!definition) throw noSuchDefinition(slug);
    return definition;
  }

  async version(
    slug: string,
    label: string,
    manager: EntityManager,
  ): Promise<DefinitionVersionEntity> {
    const definition = await this.bySlug(slug, manager);
    const version = await manager.findOneBy(DefinitionVersionEntity, {
      definitionId: definition.id,
      label,
    });
    if (!version) throw noSuchVersion(slug, label);
    return version;
  }

  criteria(versionId: string, manager: EntityManager): Promise<CriterionEntity[]> {
    return manager.find(CriterionEntity, { where: { versionId }, order: { position: 'ASC' } });
  }

  createDefinition(actorId: string, input: CreateDefinitionInput): Promise<DefinitionEntity> {
    return this.dataSource.transaction((manager) => this.insertDefinition(manager, actorId, input));
  }

  /**
   * `createDefinition` in `manager`'s transaction, e.g. with its versions after it
   * (the reference data); `actorId` is null for a definition Redline loads itself.
   */
  async insertDefinition(
    manager: EntityManager,
    actorId: string | null,
    input: Omit<CreateDefinitionInput, 'policy'> & { policy?: Partial<GovernancePolicy> | null },
  ): Promise<DefinitionEntity> {
    const definition = await manager.save(
      manager.create(DefinitionEntity, {
        slug: input.slug,
        name: input.name.trim(),
        stewardOrganization: input.stewardOrganization.trim(),
        description: input.description,
        levels: input.levels,
        policy: { ...DEFAULT_POLICY, ...input.policy },
      }),
    );
    await this.audit.record(manager, {
      actorId,
      entityType: 'definition',
      entityId: definition.id,
      action: 'definition.created',
      data: { slug: definition.slug },
    });
    return definition;
  }

  /** A new DRAFT, with a copy of its parent's criteria when it has one. */
  async createVersion(
    actorId: string,
    input: CreateVersionInput,
  ): Promise<DefinitionVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const definition = await this.bySlug(input.definition, manager);
      const parent = input.parent
        ? await this.version(input.definition, input.parent, manager)
        : null;
      const version = await insertVersion(manager, {
        definitionId: definition.id,
        label: input.label,
        parentId: parent?.id ?? null,
        preamble: input.preamble ?? parent?.preamble ?? '',
        criteria: parent ? await this.criteria(parent.id, manager) : [],
      });
      await this.audit.record(manager, {
        actorId,
        entityType: 'version',
        entityId: version.id,
        action: 'version.created',
        toState: 'DRAFT',
        data: { definition: definition.slug, label: version.label, parent: parent?.label ?? null },
      });
      return version;
    });
  }

  /** Adds or replaces a criterion of a DRAFT version, after the engine accepts its rule. */
  async upsertCriterion(actorId: string, input: CriterionInput): Promise<CriterionEntity> {
    this.rules.assertValid(input.rule, { key: input.key });
    return this.dataSource.transaction(async (manager) => {
      const definition = await this.bySlug(input.definition, manager);
      assertLevel(definition, input.level);
      const version = await this.draft(input.definition, input.version, manager);
      const existing = await manager.findOneBy(CriterionEntity, {
        versionId: version.id,
        key: input.key,
      });
      const fields = {
        component: input.component.trim(),
        title: input.title.trim(),
        text: input.text,
        rule: input.rule,
        level: input.level ?? null,
      };
      let criterion: CriterionEntity;
      if (existing) {
        criterion = await manager.save(Object.assign(existing, fields));
      } else {
        const [{ next }] = await manager.query(
          `SELECT coalesce(max(position), 0) + 1 AS next FROM criteria WHERE version_id = $1`,
          [version.id],
        );
        criterion = await manager.save(
          manager.create(CriterionEntity, {
            ...fields,
            key: input.key,
            versionId: version.id,
            position: next,
          }),
        );
      }
      await this.criteriaChanged(
        manager,
        actorId,
        version,
        existing ? 'criterion.modified' : 'criterion.added',
        input.key,
      );
      return criterion;
    });
  }

  async removeCriterion(actorId: string, slug: string, label: string, key: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const version = await this.draft(slug, label, manager);
      const result = await manager.delete(CriterionEntity, { versionId: version.id, key });
      if (!result.affected)
        throw notFound('NO_CRITERION', `No criterion "${key}" in ${slug} ${label}`);
      await this.criteriaChanged(manager, actorId, version, 'criterion.removed', key);
    });
  }

  private async draft(
    slug: string,
    label: string,
    manager: EntityManager,
  ): Promise<DefinitionVersionEntity> {
    const version = await this.version(slug, label, manager);
    // Lock the version so a concurrent ratification cannot interleave with the edit.
    await manager.query(`SELECT 1 FROM definition_versions WHERE id = $1 FOR UPDATE`, [version.id]);
    const current = await manager.findOneByOrFail(DefinitionVersionEntity, { id: version.id });
    if (current.status !== 'DRAFT') {
      throw conflict(
        'VERSION_NOT_DRAFT',
        `Version ${label} is ${current.status}; only a DRAFT can be edited`,
        {
          status: current.status,
        },
      );
    }
    return current;
  }

  /**
   * Records a change to the version's criteria. Its computed verdicts no longer hold: the
   * trigger `criteria_invalidate_verdicts` has already deleted them in this transaction.
   */
  private async criteriaChanged(
    manager: EntityManager,
    actorId: string,
    version: DefinitionVersionEntity,
    action: string,
    key: string,
  ): Promise<void> {
    await this.audit.record(manager, {
      actorId,
      entityType: 'version',
      entityId: version.id,
      action,
      data: { key },
    });
  }
}
