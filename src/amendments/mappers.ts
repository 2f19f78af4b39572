import type { AuditEventEntity } from '../audit/audit-event.entity.js';
import { derivedId } from '../common/graphql/ids.js';
import type { AmendmentChangeEntity } from './amendment-change.entity.js';
import type { AmendmentEntity } from './amendment.entity.js';
import type { CommentEditEntity } from './comment-edit.entity.js';
import type { CommentEntity } from './comment.entity.js';
import type { ConcernEntity } from './concern.entity.js';
import { AmendmentChangeModel, AmendmentModel, AuditEntryModel } from './models/amendment.model.js';
import {
  CommentEditModel,
  CommentModel,
  ConcernModel,
  VoteModel,
} from './models/participation.model.js';
import type { VoteEntity } from './vote.entity.js';

export const toAmendmentModel = (e: AmendmentEntity): AmendmentModel =>
  Object.assign(new AmendmentModel(), {
    id: e.id,
    definitionId: e.definitionId,
    baseVersionId: e.baseVersionId,
    proposerId: e.proposerId,
    mergedIntoId: e.mergedIntoId,
    number: e.number,
    title: e.title,
    rationale: e.rationale,
    status: e.status,
    revision: e.revision,
    commentsCloseAt: e.commentsCloseAt,
    votingCloseAt: e.votingCloseAt,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  });

export const toChangeModel = (e: AmendmentChangeEntity): AmendmentChangeModel =>
  Object.assign(new AmendmentChangeModel(), {
    id: e.id,
    kind: e.kind,
    key: e.key,
    title: e.title,
    text: e.text,
    rule: e.rule,
    component: e.component,
    level: e.level,
  });

/** A hidden comment keeps its place in the thread and its reason, not its body or quote. */
export const toCommentModel = (e: CommentEntity): CommentModel =>
  Object.assign(new CommentModel(), {
    id: e.id,
    authorId: e.authorId,
    amendmentId: e.amendmentId,
    body: e.hiddenAt ? null : e.body,
    stance: e.stance,
    criterionKey: e.criterionKey,
    quote: e.hiddenAt ? null : e.quote,
    parentId: e.parentId,
    amendmentRevision: e.amendmentRevision,
    createdAt: e.createdAt,
    editedAt: e.editedAt,
    hidden: e.hiddenAt !== null,
    hiddenReason: e.hiddenReason,
  });

export const toVoteModel = (e: VoteEntity, currentRevision: number): VoteModel =>
  Object.assign(new VoteModel(), {
    id: e.id,
    voterId: e.voterId,
    amendmentId: e.amendmentId,
    choice: e.choice,
    rationale: e.rationale,
    revision: e.amendmentRevision,
    stale: e.amendmentRevision !== currentRevision,
    castAt: e.castAt,
    updatedAt: e.updatedAt,
  });

export const toCommentEditModel = (e: CommentEditEntity): CommentEditModel =>
  Object.assign(new CommentEditModel(), {
    id: e.id,
    previousBody: e.previousBody,
    editedAt: e.editedAt,
  });

export const toConcernModel = (e: ConcernEntity): ConcernModel =>
  Object.assign(new ConcernModel(), {
    id: e.id,
    raisedById: e.raisedById,
    amendmentId: e.amendmentId,
    resolvedById: e.resolvedById,
    body: e.body,
    raisedAt: e.raisedAt,
    open: e.resolvedAt === null,
    resolvedAt: e.resolvedAt,
    resolution: e.resolution,
  });

export const toAuditEntryModel = (e: AuditEventEntity): AuditEntryModel =>
  Object.assign(new AuditEntryModel(), {
    id: derivedId('audit-entry', e.seq),
    seq: e.seq,
    actorId: e.actorId,
    action: e.action,
    fromState: e.fromState,
    toState: e.toState,
    at: e.occurredAt,
    data: e.data,
  });
