import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, forbidden, notFound } from '../common/errors/app-error.js';
import { transition } from './amendment-state.js';
import { AmendmentJournal } from './amendment-journal.js';
import { locate } from './amendment-lookup.js';
import { CommentEditEntity } from './comment-edit.entity.js';
import { CommentEntity } from './comment.entity.js';
import { ConcernEntity } from './concern.entity.js';
import type { AddCommentInput, CastVoteInput } from './dto/amendment.inputs.js';
import { VoteEntity } from './vote.entity.js';

/** Comments, votes and blocking concerns: what stakeholders add to an amendment. */
@Injectable()
export class ParticipationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly journal: AmendmentJournal,
  ) {}

  async addComment(authorId: string, input: AddCommentInput): Promise<CommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { definition, amendment } = await locate(
        manager,
        input.definition,
        input.number,
        'share',
      );
      transition(amendment.status, 'comment');
      if (
        amendment.status === 'OPEN' &&
        amendment.commentsCloseAt &&
        amendment.commentsCloseAt <= new Date()
      ) {
        throw conflict(
          'COMMENTS_CLOSED',
          `The comment period of ${input.definition} #${input.number} has closed`,
        );
      }
      if (input.parentId) {
        const parent = await manager.findOneBy(CommentEntity, { id: input.parentId });
        if (!parent || parent.amendmentId !== amendment.id) {
          throw badInput('REPLY_ELSEWHERE', 'parentId is not a comment on this amendment', {
            field: 'parentId',
          });
        }
      }
      const comment = await manager.save(
        manager.create(CommentEntity, {
          amendmentId: amendment.id,
          authorId,
          parentId: input.parentId ?? null,
          body: input.body,
          stance: input.stance ?? 'NEUTRAL',
          criterionKey: input.criterionKey ?? null,
          quote: input.quote ?? null,
          amendmentRevision: amendment.revision,
        }),
      );
      await this.journal.record(manager, definition.slug, amendment, {
        action: 'comment.added',
        actorId: authorId,
        data: { commentId: comment.id, stance: comment.stance },
      });
      return comment;
    });
  }

  /** By the author only; the previous body is kept as an edit. */
  async editComment(actorId: string, id: string, body: string): Promise<CommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const comment = await this.lockComment(manager, id);
      if (comment.authorId !== actorId)
        throw forbidden('NOT_AUTHOR', 'Only the author can edit a comment');
      if (comment.hiddenAt) throw conflict('COMMENT_HIDDEN', 'A hidden comment cannot be edited');
      if (comment.body === body) return comment;
      await manager.insert(CommentEditEntity, {
        commentId: comment.id,
        previousBody: comment.body,
      });
      comment.body = body;
      comment.editedAt = new Date();
      const saved = await manager.save(comment);
      await this.recordOnAmendment(manager, comment.amendmentId, 'comment.edited', actorId, {
        commentId: id,
      });
      return saved;
    });
  }

  /** Hidden with a reason, never deleted. */
  async hideComment(actorId: string, id: string, reason: string): Promise<CommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const comment = await this.lockComment(manager, id);
      if (comment.hiddenAt) throw conflict('COMMENT_HIDDEN', 'The comment is already hidden');
      Object.assign(comment, { hiddenAt: new Date(), hiddenReason: reason, hiddenById: actorId });
      const saved = await manager.save(comment);
      await this.recordOnAmendment(manager, comment.amendmentId, 'comment.hidden', actorId, {
        commentId: id,
        reason,
      });
      return saved;
    });
  }

  /**
   * One vote per voter: a repeat replaces it. The upsert is a single statement on
   * the (amendment, voter) unique key, so concurrent calls leave exactly one row;
   * the shared lock on the amendment keeps votes out while voting is being closed.
   */
  async castVote(voterId: string, input: CastVoteInput): Promise<VoteEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { definition, amendment } = await locate(
        manager,
        input.definition,
        input.number,
        'share',
      );
      transition(amendment.status, 'vote');
      if (amendment.votingCloseAt && amendment.votingCloseAt <= new Date()) {
        throw conflict(
          'VOTING_CLOSED',
          `Voting on ${input.definition} #${input.number} has closed`,
        );
      }
      const [row] = await manager.query(
        `INSERT INTO votes (amendment_id, voter_id, choice, rationale, amendment_revision)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (amendment_id, voter_id) DO UPDATE
           SET choice = EXCLUDED.choice, rationale = EXCLUDED.rationale,
               amendment_revision = EXCLUDED.amendment_revision, updated_at = now()
         RETURNING id`,
        [amendment.id, voterId, input.choice, input.rationale, amendment.revision],
      );
      await this.journal.record(manager, definition.slug, amendment, {
        action: 'vote.cast',
        actorId: voterId,
        data: { choice: input.choice, revision: amendment.revision },
      });
      return manager.findOneByOrFail(VoteEntity, { id: row.id });
    });
  }

  async raiseConcern(
    actorId: string,
    slug: string,
    number: number,
    body: string,
  ): Promise<ConcernEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { definition, amendment } = await locate(manager, slug, number, 'share');
      transition(amendment.status, 'raiseConcern');
      const concern = await manager.save(
        manager.create(ConcernEntity, { amendmentId: amendment.id, raisedById: actorId, body }),
      );
      await this.journal.record(manager, definition.slug, amendment, {
        action: 'concern.raised',
        actorId,
        data: { concernId: concern.id },
      });
      return concern;
    });
  }

  /** By the member who raised it or a steward, with the reason recorded. */
  async resolveConcern(
    actorId: string,
    isSteward: boolean,
    id: string,
    resolution: string,
  ): Promise<ConcernEntity> {
    return this.dataSource.transaction(async (manager) => {
      const concern = await manager
        .getRepository(ConcernEntity)
        .createQueryBuilder('c')
        .where('c.id = :id', { id })
        .setLock('pessimistic_write')
        .getOne();
      if (!concern) throw notFound('NO_CONCERN', `No concern ${id}`);
      if (concern.raisedById !== actorId && !isSteward) {
        throw forbidden(
          'NOT_RAISER',
          'Only the member who raised a concern or a steward can resolve it',
        );
      }
      if (concern.resolvedAt) throw conflict('CONCERN_RESOLVED', 'The concern is already resolved');
      Object.assign(concern, { resolvedAt: new Date(), resolvedById: actorId, resolution });
      const saved = await manager.save(concern);
      await this.recordOnAmendment(manager, concern.amendmentId, 'concern.resolved', actorId, {
        concernId: id,
      });
      return saved;
    });
  }

  private async lockComment(manager: EntityManager, id: string): Promise<CommentEntity> {
    const comment = await manager
      .getRepository(CommentEntity)
      .createQueryBuilder('c')
      .where('c.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!comment) throw notFound('NO_COMMENT', `No comment ${id}`);
    return comment;
  }

  private async recordOnAmendment(
    manager: EntityManager,
    amendmentId: string,
    action: string,
    actorId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    const [row] = await manager.query(
      `SELECT a.id, a.number, d.slug FROM amendments a JOIN definitions d ON d.id = a.definition_id WHERE a.id = $1`,
      [amendmentId],
    );
    await this.journal.record(
      manager,
      row.slug,
      { id: row.id, number: row.number },
      { action, actorId, data },
    );
  }
}
