import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { AmendmentModel } from './amendment.model.js';
import { STANCES, type Stance } from '../comment.entity.js';
import { VOTE_CHOICES, type VoteChoice } from '../vote.entity.js';

export const StanceEnum = Object.fromEntries(STANCES.map((s) => [s, s])) as { [K in Stance]: K };
export const VoteChoiceEnum = Object.fromEntries(VOTE_CHOICES.map((c) => [c, c])) as {
  [K in VoteChoice]: K;
};
registerEnumType(StanceEnum, { name: 'Stance' });
registerEnumType(VoteChoiceEnum, { name: 'VoteChoice' });

@ObjectType('CommentEdit')
export class CommentEditModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The body before this edit' })
  previousBody: string;

  @Field()
  editedAt: Date;
}

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'Null while the comment is hidden' })
  body: string | null;

  @Field(() => StanceEnum)
  stance: Stance;

  @Field(() => String, {
    nullable: true,
    description: 'The criterion key the comment is anchored to',
  })
  criterionKey: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The quoted text it is about; null while hidden',
  })
  quote: string | null;

  @Field(() => ID, { nullable: true, description: 'The comment this replies to' })
  parentId: string | null;

  @Field(() => Int, { description: 'The amendment revision it was written against' })
  amendmentRevision: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field()
  hidden: boolean;

  @Field(() => String, { nullable: true, description: 'Why a steward hid it' })
  hiddenReason: string | null;

  authorId: string;
  amendmentId: string;
  /** The amendment, when the comment was read through it. */
  loadedAmendment?: AmendmentModel;
}

@ObjectType('Vote')
export class VoteModel {
  @Field(() => ID, { description: 'The same when a repeat vote replaces the earlier one' })
  id: string;

  @Field(() => VoteChoiceEnum)
  choice: VoteChoice;

  @Field()
  rationale: string;

  @Field(() => Int, { description: 'The amendment revision it was cast on' })
  revision: number;

  @Field({ description: 'Cast on an earlier revision: does not count until re-confirmed' })
  stale: boolean;

  @Field()
  castAt: Date;

  @Field()
  updatedAt: Date;

  voterId: string;
  amendmentId: string;
  /** The amendment, when the vote was read through it. */
  loadedAmendment?: AmendmentModel;
}

@ObjectType('Concern')
export class ConcernModel {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field()
  raisedAt: Date;

  @Field({ description: 'An open concern blocks the amendment from passing' })
  open: boolean;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => String, { nullable: true })
  resolution: string | null;

  raisedById: string;
  resolvedById: string | null;
  amendmentId: string;
  /** The amendment, when the concern was read through it. */
  loadedAmendment?: AmendmentModel;
}
