import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  applyChanges,
  ChangeError,
  conflictingKeys,
  type Change,
  type CriterionDraft,
} from '../change-sets/apply-changes.js';
import { ChangeChecker } from '../change-sets/change-checker.js';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/config.js';
import { conflict } from '../common/errors/app-error.js';
import { CriteriaEngine, factPaths } from '../criteria/engine/index.js';
import type { DefinitionEntity } from '../definitions/definition.entity.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { verdictChanges } from '../verdicts/verdict-change.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { CurrentFactsRepository } from './current-facts.repository.js';
import { loadedFactsSource } from './loaded-facts.js';
import { evaluateImpact, type FactsSource, type ImpactEvaluation } from './impact-evaluation.js';
import { planImpact, type ImpactPath } from './impact-path.js';
import { summarize } from './impact-summary.js';
import type { CombinedImpactModel, ImpactModel } from './models/impact.model.js';
import { evaluateImpactInSql, sqlImpactQuery } from './sql-impact.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A set of changes with what it is known by: an amendment's number. */
export interface ChangeSet {
  id: number;
  changes: Change[];
}

/** An amendment's changes against its base version, as `impacts()` takes them. */
export interface AmendmentChanges {
  definition: DefinitionEntity;
  baseVersionId: string;
  /** The base version's criteria. */
  criteria: CriterionDraft[];
  changes: Change[];
}

/** Base criteria and the same criteria amended, for one definition's version. */
interface Comparison {
  definition: DefinitionEntity;
  versionId: string;
  base: CriterionDraft[];
  amended: CriterionDraft[];
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
    @InjectDataSource() private readonly dataSource: DataSource,
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
    const [impact] = await this.compare([{ definition, versionId, base: criteria, amended }], path);
    return impact;
  }

  /**
   * The impact of several amendments, each against its own base, computed together: a
   * listing that asks every amendment for its impact costs the same few statements however
   * long it is. An amendment whose changes no longer apply gets its error, the rest their
   * impact.
   */
  async impacts(amendments: readonly AmendmentChanges[]): Promise<Array<ImpactModel | Error>> {
    const answers: Array<ImpactModel | Error> = [];
    const comparisons: Comparison[] = [];
    const slots: number[] = [];
    for (const { definition, baseVersionId, criteria, changes } of amendments) {
      try {
        this.changes.assertWellFormed(definition, changes);
        const amended = this.changes.apply(criteria, changes);
        comparisons.push({ definition, versionId: baseVersionId, base: criteria, amended });
        slots.push(answers.push(new Error('not computed')) - 1);
      } catch (error) {
        answers.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    const computed = comparisons.length ? await this.compare(comparisons) : [];
    computed.forEach((impact, i) => (answers[slots[i]] = impact));
    return answers;
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
        throw conflict('CHANGES_COLLIDE', `amendment ${id}, ${error.message}`, {
          amendment: id,
          change: error.index,
        });
      }
    }
    const conflicts = [...conflictingKeys(changeSets)]
      .map(([key, amendments]) => ({ key, amendments }))
      .sort((a, b) => a.key.localeCompare(b.key));
    const [impact] = await this.compare([{ definition, versionId, base: criteria, amended }]);
    return { impact, conflicts };
  }

  private async base(slug: string, label: string) {
    const reads = this.dataSource.manager;
    const definition = await this.definitions.bySlug(slug, reads);
    const version = await this.definitions.version(slug, label, reads);
    const criteria: CriterionDraft[] = await this.definitions.criteria(version.id, reads);
    return { definition, versionId: version.id, criteria };
  }

  private async compare(comparisons: Comparison[], path?: ImpactPath): Promise<ImpactModel[]> {
    const evaluations = await this.evaluate(comparisons, path);
    // Assessments are looked up only for the systems that change, once per base version.
    const changedByVersion = new Map<string, Set<string>>();
    const changed = evaluations.map((evaluation, i) => {
      const ids = evaluation.systemIds.filter(
        (id) => evaluation.before.get(id)!.outcome !== evaluation.after.get(id)!.outcome,
      );
      const versionIds = changedByVersion.get(comparisons[i].versionId) ?? new Set();
      for (const id of ids) versionIds.add(id);
      changedByVersion.set(comparisons[i].versionId, versionIds);
      return ids;
    });
    const recordedByVersion = new Map(
      await Promise.all(
        [...changedByVersion].map(async ([versionId, ids]) => {
          const assessed = ids.size
            ? await this.verdicts.assessed(versionId, [...ids])
            : new Map<string, { outcome: ImpactModel['changes'][number]['before'] }>();
          const recorded = new Map([...assessed].map(([id, verdict]) => [id, verdict.outcome]));
          return [versionId, recorded] as const;
        }),
      ),
    );
    return evaluations.map((evaluation, i) => {
      const recorded = recordedByVersion.get(comparisons[i].versionId)!;
      const changes = verdictChanges(changed[i], evaluation.before, evaluation.after, recorded);
      return { summary: summarize(evaluation.evaluated, changes), changes };
    });
  }

  private async evaluate(
    comparisons: Comparison[],
    forced?: ImpactPath,
  ): Promise<ImpactEvaluation[]> {
    const query = sqlImpactQuery(comparisons);
    const threshold = this.config.impactSqlThreshold;
    const systems = forced ? null : await this.facts.systemCount(threshold);
    const { path, loadOnce, fellBack } = planImpact({
      systems,
      threshold,
      translatable: 'sql' in query,
      comparisons: comparisons.length,
      forced,
    });
    if (path === 'SQL' && 'sql' in query) {
      return evaluateImpactInSql((sql, p) => this.facts.query(sql, p), query);
    }
    if (fellBack && !('sql' in query)) {
      this.logger.warn(
        `Impact in memory: criterion "${query.key}" has no SQL form (${query.reason})`,
      );
    }
    return this.facts.inReadTransaction(async (facts) => {
      let source: FactsSource = facts;
      if (loadOnce) {
        const rules = comparisons.flatMap((c) => [...c.base, ...c.amended].map((r) => r.rule));
        source = loadedFactsSource(await facts.loadAll(factPaths(rules)));
      }
      const evaluations: ImpactEvaluation[] = [];
      for (const { definition, base, amended } of comparisons) {
        const { levels } = definition;
        evaluations.push(await evaluateImpact(this.engine, base, amended, levels, source));
      }
      return evaluations;
    });
  }
}
