import { Injectable } from '@nestjs/common';
import { diffRules } from '../criteria/engine/index.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { toCriterionModel, toVersionModel } from '../definitions/mappers.js';
import { SystemsRepository } from '../systems/systems.repository.js';
import { verdictChanges } from '../verdicts/verdict-change.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { diffCriteria } from './criteria-diff.js';
import type { VersionDiffModel } from './models/version-diff.model.js';
import { wordDiff } from './text-diff.js';

/** Compares two versions of one definition: criteria by key, and the verdicts that differ. */
@Injectable()
export class VersionDiffService {
  constructor(
    private readonly definitions: DefinitionsService,
    private readonly verdicts: VerdictsService,
    private readonly systems: SystemsRepository,
  ) {}

  async diff(slug: string, fromLabel: string, toLabel: string): Promise<VersionDiffModel> {
    const [from, to] = await Promise.all([
      this.definitions.version(slug, fromLabel),
      this.definitions.version(slug, toLabel),
    ]);
    const [fromCriteria, toCriteria, systems] = await Promise.all([
      this.definitions.criteria(from.id),
      this.definitions.criteria(to.id),
      this.systems.all(),
    ]);
    const criteria = diffCriteria(fromCriteria, toCriteria);

    const [before, after, recordedFrom, recordedTo] = await Promise.all([
      this.verdicts.computed(from, systems),
      this.verdicts.computed(to, systems),
      this.verdicts.assessed(
        from.id,
        systems.map((s) => s.id),
      ),
      this.verdicts.assessed(
        to.id,
        systems.map((s) => s.id),
      ),
    ]);
    // The verdict on record: against the older version where there is one, else the newer.
    const recorded = new Map([...recordedTo, ...recordedFrom].map(([id, v]) => [id, v.outcome]));

    return {
      from: toVersionModel(from),
      to: toVersionModel(to),
      added: criteria.added.map(toCriterionModel),
      removed: criteria.removed.map(toCriterionModel),
      modified: criteria.modified.map(({ key, before: old, after: now, fields }) => ({
        key,
        before: toCriterionModel(old),
        after: toCriterionModel(now),
        changedFields: fields,
        textDiff: wordDiff(old.text, now.text),
        ruleDiff: fields.includes('rule') ? diffRules(old.rule, now.rule) : null,
      })),
      verdictChanges: verdictChanges(
        systems.map((s) => s.id),
        before,
        after,
        recorded,
      ),
    };
  }
}
