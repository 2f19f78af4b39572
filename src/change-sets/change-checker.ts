import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RuleChecker } from '../criteria/rule-checker.js';
import { badInput } from '../common/errors/app-error.js';
import type { DefinitionEntity } from '../definitions/definition.entity.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import {
  applyChanges,
  ChangeError,
  validateChanges,
  type Change,
  type CriterionDraft,
} from '../change-sets/apply-changes.js';
import { assertLevel } from '../definitions/refusals.js';

/**
 * Decides whether changes can apply to a version before anything is stored: each
 * rule checks, each level exists, and the changes apply to the version's criteria.
 * Every refusal is BAD_USER_INPUT naming the change's index.
 */
@Injectable()
export class ChangeChecker {
  constructor(
    private readonly rules: RuleChecker,
    private readonly definitions: DefinitionsService,
  ) {}

  /** The criteria the version would have with the changes applied. */
  async assertApplicable(
    manager: EntityManager,
    definition: DefinitionEntity,
    versionId: string,
    changes: readonly Change[],
  ): Promise<CriterionDraft[]> {
    this.assertWellFormed(definition, changes);
    const base = await this.definitions.criteria(versionId, manager);
    return this.apply(base, changes);
  }

  assertWellFormed(definition: Pick<DefinitionEntity, 'levels'>, changes: readonly Change[]): void {
    this.translate(() => validateChanges(changes));
    changes.forEach((change, index) => {
      if (change.rule != null)
        this.rules.assertValid(change.rule, { change: index, key: change.key });
      assertLevel(definition, change.level, { change: index, field: 'level' }, `change ${index}: `);
    });
  }

  apply(base: readonly CriterionDraft[], changes: readonly Change[]): CriterionDraft[] {
    return this.translate(() => applyChanges(base, changes));
  }

  private translate<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ChangeError)
        throw badInput('CHANGE_NOT_APPLICABLE', error.message, { change: error.index });
      throw error;
    }
  }
}
