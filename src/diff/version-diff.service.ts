import { Injectable } from '@nestjs/common';
import { diffRules } from '../criteria/engine/index.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { toCriterionModel, toVersionModel } from '../definitions/mappers.js';
import { toSystemModel } from '../systems/mappers.js';
import type { VerdictEntity } from '../verdicts/verdict.entity.js';
import { verdictChanges } from '../verdicts/verdict-change.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { diffCriteria } from './criteria-diff.js';
import type { VersionDiffModel } from './models/version-diff.model.js';
import { wordDiff } from './text-diff.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Compares two versions of one definition: criteria by key, and the verdicts that differ. */
@Injectable()
export class VersionDiffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsService,
    private readonly verdicts: VerdictsService,
  ) {}

  async diff(slug: string, fromLabel: string, toLabel: string): Promise<VersionDiffModel> {
    // Reads outside any transaction; each side's cached verdicts are consistent in themselves.
    const reads = this.dataSource.manager;
    const [from, to] = await Promise.all([
      this.definitions.version(slug, fromLabel, reads),
      this.definitions.version(slug, toLabel, reads),
    ]);
    // Both sides through the verdict cache: facts are read only for verdicts not cached yet.
    const [fromCriteria, toCriteria, fromSystems, toSystems] = await Promise.all([
      this.definitions.criteria(from.id, reads),
      this.definitions.criteria(to.id, reads),
      this.verdicts.computedForAll(from, reads),
      this.verdicts.computedForAll(to, reads),
    ]);
    const criteria = diffCriteria(fromCriteria, toCriteria);
    const systems = new Map(toSystems.map((s) => [s.id, s]));
    const before = new Map(fromSystems.map((s) => [s.id, s.verdict]));
    const after = new Map(toSystems.map((s) => [s.id, s.verdict]));
    // Only the systems that change need the verdict on record.
    const changing = fromSystems
      .map((s) => s.id)
      .filter((id) => after.has(id) && before.get(id)!.outcome !== after.get(id)!.outcome);
    const [recordedFrom, recordedTo] = changing.length
      ? await Promise.all([
          this.verdicts.assessed(from.id, changing),
          this.verdicts.assessed(to.id, changing),
        ])
      : [new Map<string, VerdictEntity>(), new Map<string, VerdictEntity>()];
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
        fromSystems.map((s) => s.id),
        before,
        after,
        recorded,
      ).map((change) => ({
        ...change,
        loadedSystem: toSystemModel(systems.get(change.systemId)!),
      })),
    };
  }
}
