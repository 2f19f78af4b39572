import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, forbidden } from '../common/errors/app-error.js';
import { DefinitionVersionEntity } from '../definitions/definition-version.entity.js';
import { DefinitionsService } from '../definitions/definitions.service.js';
import type { DefinitionEntity } from '../definitions/definition.entity.js';
import { transition, type AmendmentAction } from './amendment-state.js';
import { AmendmentChangeEntity } from './amendment-change.entity.js';
import { AmendmentJournal } from './amendment-journal.js';
import { locate } from './amendment-lookup.js';
import { AmendmentEntity, type AmendmentStatus } from './amendment.entity.js';
import { ChangeChecker } from '../change-sets/change-checker.js';
import type { AmendmentChangeInput } from '../change-sets/dto/amendment-change.input.js';
import type { ProposeAmendmentInput, ReviseAmendmentInput } from './dto/amendment.inputs.js';
import type { Tally } from './tally.js';
import { tallyOf, transactionTallySource } from './tally-inputs.js';
import { assertAmendable } from './amendment-state.js';

/** Proposing, revising and moving amendments through their statuses. */
@Injectable()
export class AmendmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly definitions: DefinitionsService,
    private readonly changes: ChangeChecker,
    private readonly journal: AmendmentJournal,
  ) {}

  /** A page of a definition's amendments in number order, after `afterNumber`, and how many match in all. */
  async page(slug: string, status: AmendmentStatus | null, afterNumber: number, limit: number) {
    const definition = await this.definitions.bySlug(slug, this.dataSource.manager);
    const query = this.dataSource
      .getRepository(AmendmentEntity)
      .createQueryBuilder('a')
      .where('a.definition_id = :id', { id: definition.id });
    if (status) query.andWhere('a.status = :status', { status });
    const [rows, total] = await Promise.all([
      query
        .clone()
        .andWhere('a.number > :afterNumber', { afterNumber })
        .orderBy('a.number', 'ASC')
        .take(limit)
        .getMany(),
      query.getCount(),
    ]);
    return { rows, total };
  }

  /** Every rule is checked before anything is stored; one bad change refuses the whole amendment. */
  async propose(proposerId: string, input: ProposeAmendmentInput): Promise<AmendmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const base = await this.definitions.version(input.definition, input.baseVersion, manager);
      assertAmendable(base);
      const definition = await this.definitions.bySlug(input.definition, manager);
      await this.changes.assertApplicable(manager, definition, base.id, input.changes);
      // Numbers are per definition; serialise allocation so two proposals never race for one.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('amendment-number:' || $1))`, [
        definition.id,
      ]);
      const [{ next }] = await manager.query(
        `SELECT coalesce(max(number), 0) + 1 AS next FROM amendments WHERE definition_id = $1`,
        [definition.id],
      );
      const amendment = await manager.save(
        manager.create(AmendmentEntity, {
          definitionId: definition.id,
          number: next,
          title: input.title.trim(),
          rationale: input.rationale,
          proposerId,
          baseVersionId: base.id,
          revision: 1,
          status: 'DRAFT',
        }),
      );
      await this.storeChanges(manager, amendment.id, 1, input.changes);
      await this.journal.record(manager, definition.slug, amendment, {
        action: 'amendment.proposed',
        actorId: proposerId,
        toState: 'DRAFT',
        data: { baseVersion: base.label, changes: input.changes.length },
      });
      return amendment;
    });
  }

  /**
   * A new revision by the proposer, only from the revision they have seen: the
   * compare-and-set on `revision` makes a concurrent or stale revise a CONFLICT,
   * never a lost update. Earlier revisions' changes stay stored.
   */
  async revise(
    actorId: string,
    slug: string,
    number: number,
    input: ReviseAmendmentInput,
  ): Promise<AmendmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { definition, amendment } = await locate(manager, slug, number, 'update');
      if (amendment.proposerId !== actorId)
        throw forbidden('NOT_PROPOSER', 'Only the proposer can revise an amendment');
      transition(amendment.status, 'revise');
      if (amendment.revision !== input.expectedRevision) {
        throw conflict(
          'STALE_REVISION',
          `Amendment ${slug} #${number} is at revision ${amendment.revision}, not ${input.expectedRevision}; reload it`,
          { revision: amendment.revision },
        );
      }
      const revision = amendment.revision + 1;
      const changes = input.changes ?? (await this.currentChanges(manager, amendment));
      if (input.changes)
        await this.changes.assertApplicable(manager, definition, amendment.baseVersionId, changes);
      await manager.update(
        AmendmentEntity,
        { id: amendment.id },
        {
          revision,
          title: input.title?.trim() ?? amendment.title,
          rationale: input.rationale ?? amendment.rationale,
        },
      );
      await this.storeChanges(manager, amendment.id, revision, changes);
      await this.journal.record(manager, definition.slug, amendment, {
        action: 'amendment.revised',
        actorId,
        data: { revision },
      });
      return manager.findOneByOrFail(AmendmentEntity, { id: amendment.id });
    });
  }

  /** By the proposer or a steward, from DRAFT or OPEN. */
  withdraw(
    actorId: string,
    isSteward: boolean,
    slug: string,
    number: number,
  ): Promise<AmendmentEntity> {
    return this.move(slug, number, 'withdraw', actorId, (amendment) => {
      if (amendment.proposerId !== actorId && !isSteward) {
        throw forbidden('NOT_PROPOSER', 'Only the proposer or a steward can withdraw an amendment');
      }
    });
  }

  openComments(
    actorId: string,
    slug: string,
    number: number,
    closesAt: Date | null,
  ): Promise<AmendmentEntity> {
    return this.move(slug, number, 'openComments', actorId, (amendment, definition) => {
      amendment.commentsCloseAt = this.deadline(closesAt, definition.policy.commentPeriodDays);
    });
  }

  openVoting(
    actorId: string,
    slug: string,
    number: number,
    closesAt: Date | null,
  ): Promise<AmendmentEntity> {
    return this.move(slug, number, 'openVoting', actorId, (amendment) => {
      amendment.votingCloseAt = closesAt ? this.deadline(closesAt, 0) : null;
    });
  }

  /** ACCEPTED or REJECTED by the tally under the definition's policy, computed in the same transaction. */
  async closeVoting(
    actorId: string | null,
    slug: string,
    number: number,
  ): Promise<AmendmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { definition, amendment } = await locate(manager, slug, number, 'update');
      transition(amendment.status, 'accept');
      const result = await this.tally(manager, definition, amendment);
      const action: AmendmentAction = result.passed ? 'accept' : 'reject';
      return this.apply(manager, definition, amendment, action, actorId, { tally: result });
    });
  }

  /** The tally as it stands, read inside `manager`'s transaction. */
  async tally(
    manager: EntityManager,
    definition: DefinitionEntity,
    amendment: AmendmentEntity,
  ): Promise<Tally> {
    return tallyOf(amendment, definition.policy, transactionTallySource(manager));
  }

  /**
   * The current changes of several amendments, in the order given, for a combined
   * preview; they must share one base version.
   */
  async changeSets(slug: string, numbers: number[]) {
    const manager = this.dataSource.manager;
    const located = [];
    for (const number of numbers) located.push((await locate(manager, slug, number)).amendment);
    const bases = new Set(located.map((amendment) => amendment.baseVersionId));
    if (bases.size > 1)
      throw conflict('MIXED_BASES', 'The amendments were written against different versions');
    const base = await manager.findOneByOrFail(DefinitionVersionEntity, {
      id: located[0].baseVersionId,
    });
    const sets = await Promise.all(
      located.map(async (amendment) => ({
        id: amendment.number,
        changes: await this.currentChanges(manager, amendment),
      })),
    );
    return { baseLabel: base.label, sets };
  }

  /** The changes of the amendment's current revision, in order. */
  currentChanges(
    manager: EntityManager,
    amendment: AmendmentEntity,
  ): Promise<AmendmentChangeEntity[]> {
    return manager.find(AmendmentChangeEntity, {
      where: { amendmentId: amendment.id, revision: amendment.revision },
      order: { position: 'ASC' },
    });
  }

  private async move(
    slug: string,
    number: number,
    action: AmendmentAction,
    actorId: string,
    prepare: (amendment: AmendmentEntity, definition: DefinitionEntity) => void,
  ): Promise<AmendmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { definition, amendment } = await locate(manager, slug, number, 'update');
      transition(amendment.status, action);
      prepare(amendment, definition);
      return this.apply(manager, definition, amendment, action, actorId);
    });
  }

  private async apply(
    manager: EntityManager,
    definition: DefinitionEntity,
    amendment: AmendmentEntity,
    action: AmendmentAction,
    actorId: string | null,
    data: Record<string, unknown> = {},
  ): Promise<AmendmentEntity> {
    const from = amendment.status;
    amendment.status = transition(from, action);
    const saved = await manager.save(amendment);
    await this.journal.record(manager, definition.slug, amendment, {
      action: `amendment.${action}`,
      actorId,
      fromState: from,
      toState: amendment.status,
      data,
    });
    return saved;
  }

  private deadline(closesAt: Date | null, defaultDays: number): Date {
    const at = closesAt ?? new Date(Date.now() + defaultDays * 86_400_000);
    if (Number.isNaN(at.getTime()))
      throw badInput('INVALID_DEADLINE', 'closesAt is not a date', { field: 'closesAt' });
    if (closesAt && at.getTime() <= Date.now())
      throw badInput('INVALID_DEADLINE', 'closesAt must be in the future', { field: 'closesAt' });
    return at;
  }

  private async storeChanges(
    manager: EntityManager,
    amendmentId: string,
    revision: number,
    changes: ReadonlyArray<
      Pick<AmendmentChangeInput, 'kind' | 'key' | 'title' | 'text' | 'rule' | 'component' | 'level'>
    >,
  ): Promise<void> {
    await manager.insert(
      AmendmentChangeEntity,
      changes.map((change, position) => ({
        amendmentId,
        revision,
        position,
        kind: change.kind,
        key: change.key,
        title: change.title ?? null,
        text: change.text ?? null,
        rule: change.rule ?? null,
        component: change.component ?? null,
        level: change.level ?? null,
      })),
    );
  }
}
