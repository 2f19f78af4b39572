import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { conflict } from '../common/errors/app-error.js';
import { DefinitionVersionEntity } from '../definitions/definition-version.entity.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import { VerdictsService } from '../verdicts/verdicts.service.js';
import { transition } from './amendment-state.js';
import { AmendmentJournal } from './amendment-journal.js';
import { AmendmentEntity } from './amendment.entity.js';
import { conflictingKeys } from '../change-sets/apply-changes.js';
import { ChangeChecker } from '../change-sets/change-checker.js';
import type { RatifyVersionInput } from './dto/amendment.inputs.js';
import { AmendmentsService } from './amendments.service.js';
import { noSuchVersion } from '../definitions/refusals.js';
import { noSuchAmendment } from './amendment-lookup.js';
import { assertAmendable } from './amendment-state.js';
import { insertVersion } from '../definitions/new-version.js';

/**
 * Ratification: the steward applies accepted amendments to the ratified base
 * version and gets a new ratified version, in one transaction — the version, its
 * criteria, its verdicts, the amendments MERGED, the base SUPERSEDED, the audit
 * events — or nothing at all.
 */
@Injectable()
export class RatificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsService,
    private readonly amendments: AmendmentsService,
    private readonly changes: ChangeChecker,
    private readonly verdicts: VerdictsService,
    private readonly audit: AuditService,
    private readonly journal: AmendmentJournal,
  ) {}

  async ratify(actorId: string, input: RatifyVersionInput): Promise<DefinitionVersionEntity> {
    return this.dataSource.transaction(async (manager) => {
      const definition = await this.definitions.bySlug(input.definition, manager);
      // Lock the base first: two ratifications of one base serialise here, and the
      // second finds it SUPERSEDED.
      const base = await manager
        .getRepository(DefinitionVersionEntity)
        .createQueryBuilder('v')
        .where('v.definition_id = :id AND v.label = :label', {
          id: definition.id,
          label: input.baseVersion,
        })
        .setLock('pessimistic_write')
        .getOne();
      if (!base) throw noSuchVersion(input.definition, input.baseVersion);
      assertAmendable(base);

      const numbers = [...new Set(input.amendments)];
      const amendments = await manager
        .getRepository(AmendmentEntity)
        .createQueryBuilder('a')
        .where('a.definition_id = :id AND a.number IN (:...numbers)', {
          id: definition.id,
          numbers,
        })
        .orderBy('a.id')
        .setLock('pessimistic_write')
        .getMany();
      const byNumber = new Map(amendments.map((a) => [a.number, a]));
      const ordered = numbers.map((number) => {
        const amendment = byNumber.get(number);
        if (!amendment) throw noSuchAmendment(input.definition, number);
        if (amendment.status === 'MERGED')
          throw conflict('ALREADY_MERGED', `Amendment #${number} is already MERGED`);
        if (amendment.status !== 'ACCEPTED')
          throw conflict(
            'NOT_ACCEPTED',
            `Amendment #${number} is ${amendment.status}, not ACCEPTED`,
            {
              status: amendment.status,
            },
          );
        if (amendment.baseVersionId !== base.id) {
          throw conflict(
            'OTHER_BASE',
            `Amendment #${number} was written against another version than ${base.label}`,
          );
        }
        return amendment;
      });

      const sets = await Promise.all(
        ordered.map(async (amendment) => ({
          id: amendment.number,
          changes: await this.amendments.currentChanges(manager, amendment),
        })),
      );
      const conflicts = conflictingKeys(sets);
      if (conflicts.size > 0 && !input.applyInListedOrder) {
        const described = [...conflicts]
          .map(([key, ids]) => `${key} (#${ids.join(', #')})`)
          .join('; ');
        throw conflict(
          'ORDER_UNCONFIRMED',
          `Amendments touch the same criteria: ${described}. Confirm the listed order with applyInListedOrder.`,
          {
            conflicts: Object.fromEntries(conflicts),
          },
        );
      }
      const baseCriteria = await this.definitions.criteria(base.id, manager);
      const drafts = sets.reduce(
        (criteria, set) => this.changes.apply(criteria, set.changes),
        baseCriteria.map(({ key, component, title, text, rule, level }) => ({
          key,
          component,
          title,
          text,
          rule,
          level,
        })),
      );

      const now = new Date();
      const version = await insertVersion(manager, {
        definitionId: definition.id,
        label: input.label,
        parentId: base.id,
        preamble: base.preamble,
        criteria: drafts,
        status: 'RATIFIED',
        ratifiedAt: now,
        publishedAt: now.toISOString().slice(0, 10),
      });
      await manager.update(DefinitionVersionEntity, { id: base.id }, { status: 'SUPERSEDED' });
      await manager.update(
        AmendmentEntity,
        { id: In(ordered.map((a) => a.id)) },
        { status: transition('ACCEPTED', 'merge'), mergedIntoId: version.id },
      );

      // Fills the verdict cache for the new version, inside the transaction.
      await this.verdicts.computedForAll(version, manager);
      await this.audit.record(manager, {
        actorId,
        entityType: 'version',
        entityId: version.id,
        action: 'version.ratified',
        toState: 'RATIFIED',
        data: { label: input.label, base: base.label, amendments: numbers },
      });
      for (const amendment of ordered) {
        await this.journal.record(manager, definition.slug, amendment, {
          action: 'amendment.merged',
          actorId,
          fromState: 'ACCEPTED',
          toState: 'MERGED',
          data: { version: input.label },
        });
      }
      return version;
    });
  }
}
