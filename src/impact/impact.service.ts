import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  applyChanges,
  ChangeError,
  conflictingKeys,
  type Change,
  type CriterionDraft,
} from '../amendments/apply-changes.js';
import { ChangeChecker } from '../amendments/change-checker.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/config.js';
import { conflict } from '../common/errors/app-error.js';
import { CriteriaEngine } from '../criteria/engine/index.js';
import type { DefinitionEntity } from '../definitions/definition.entity.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { verdictChanges } from '../verdicts/verdict-change.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { CurrentFactsRepository } from './current-facts.repository.js';
import { evaluateImpact, type ImpactEvaluation } from './impact-evaluation.js';
import { chooseImpactPath, type ImpactPath } from './impact-path.js';
import { summarize } from './impact-summary.js';
import type { CombinedImpactModel, ImpactModel } from './models/impact.model.js';
import { evaluateImpactInSql, sqlImpactQuery } from './sql-impact.js';

/** A set of changes with what it is known by: an amendment's number. */
export interface ChangeSet {
  id: number;
  changes: Change[];
}

/**
 * What changes to a version would do to the computed verdicts of every system, worked out
 * in memory or in PostgreSQL (impact-path.ts decides): nothing is stored, so previews are
 * free to run as often as anyone likes.
 */
@Injectable()
export class ImpactService {
  private readonly logger = new Logger(ImpactService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly definitions: DefinitionsService,
    private readonly verdicts: VerdictsService,
    private readonly engine: CriteriaEngine,
    private readonly changes: ChangeChecker,
    private readonly facts: CurrentFactsRepository,
  ) {}

  /**
   * Changes not yet proposed; any problem with them is BAD_USER_INPUT naming the change.
   * `path` forces where the impact is computed (tests and benchmarks compare the two).
   */
  async impact(
    definitionSlug: string,
    baseLabel: string,
    changes: Change[],
    path?: ImpactPath,
  ): Promise<ImpactModel> {
    const { definition, versionId, criteria } = await this.base(definitionSlug, baseLabel);
    this.changes.assertWellFormed(definition, changes);
    const amended = this.changes.apply(criteria, changes);
    return this.compare(definition, versionId, criteria, amended, path);
  }

  /**
   * Several amendments applied to the base in the given order, with the keys more than one
   * of them changes. Changes that cannot apply in that order (say, two ADDs of one key) are a
   * CONFLICT naming the amendment and the change: the order has to be settled first.
   */
  async combinedImpact(
    definitionSlug: string,
    baseLabel: string,
    changeSets: ChangeSet[],
  ): Promise<CombinedImpactModel> {
    const { definition, versionId, criteria } = await this.base(definitionSlug, baseLabel);
    let amended: CriterionDraft[] = criteria;
    for (const { id, changes } of changeSets) {
      try {
        amended = applyChanges(amended, changes);
      } catch (error) {
        if (!(error instanceof ChangeError)) throw error;
        throw conflict(`amendment ${id}, ${error.message}`, {
          amendment: id,
          change: error.index,
        });
      }
    }
    const conflicts = [...conflictingKeys(changeSets)]
      .map(([key, amendments]) => ({ key, amendments }))
      .sort((a, b) => a.key.localeCompare(b.key));
    return { impact: await this.compare(definition, versionId, criteria, amended), conflicts };
  }

  private async base(slug: string, label: string) {
    const definition = await this.definitions.bySlug(slug);
    const version = await this.definitions.version(slug, label);
    const criteria: CriterionDraft[] = await this.definitions.criteria(version.id);
    return { definition, versionId: version.id, criteria };
  }

  private async compare(
    definition: DefinitionEntity,
    versionId: string,
    base: CriterionDraft[],
    amended: CriterionDraft[],
    path?: ImpactPath,
  ): Promise<ImpactModel> {
    const evaluation = await this.evaluate(definition, base, amended, path);
    // Assessments are looked up only for the systems that change, not for all of them.
    const changed = evaluation.systemIds.filter(
      (id) => evaluation.before.get(id)!.outcome !== evaluation.after.get(id)!.outcome,
    );
    const assessed = changed.length ? await this.verdicts.assessed(versionId, changed) : new Map();
    const recorded = new Map([...assessed].map(([id, verdict]) => [id, verdict.outcome]));
    const changes = verdictChanges(changed, evaluation.before, evaluation.after, recorded);
    return { summary: summarize(evaluation.evaluated, changes), changes };
  }

  private async evaluate(
    definition: DefinitionEntity,
    base: CriterionDraft[],
    amended: CriterionDraft[],
    forced?: ImpactPath,
  ): Promise<ImpactEvaluation> {
    const query = sqlImpactQuery(base, amended);
    const threshold = this.config.impactSqlThreshold;
    const path =
      forced ?? chooseImpactPath(await this.facts.systemCount(threshold), threshold, query);
    if (path === 'SQL') {
      if ('sql' in query) return evaluateImpactInSql((sql, p) => this.facts.query(sql, p), query);
      this.logger.warn(
        `Impact in memory: criterion "${query.key}" has no SQL form (${query.reason})`,
      );
    }
    return evaluateImpact(this.engine, base, amended, definition.levels, this.facts);
  }
}
