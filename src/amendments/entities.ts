import { AmendmentChangeEntity } from './amendment-change.entity.js';
import { AmendmentEntity } from './amendment.entity.js';
import { CommentEditEntity } from './comment-edit.entity.js';
import { CommentEntity } from './comment.entity.js';
import { ConcernEntity } from './concern.entity.js';
import { ConflictOfInterestEntity } from './conflict-of-interest.entity.js';
import { VoteEntity } from './vote.entity.js';

/** The tables of amendments and their participation (see src/entities.ts). */
export const AMENDMENT_ENTITIES = [
  AmendmentEntity,
  AmendmentChangeEntity,
  CommentEntity,
  CommentEditEntity,
  VoteEntity,
  ConcernEntity,
  ConflictOfInterestEntity,
];
