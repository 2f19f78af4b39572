import { Field, Int, ObjectType } from '@nestjs/graphql';

/** One change to an amendment, as its subscribers see it. */
@ObjectType('AmendmentEvent')
export class AmendmentEventModel {
  @Field({ description: 'The slug of the amendment’s definition' })
  definition: string;

  @Field(() => Int, { description: 'The amendment’s number within its definition' })
  number: number;

  @Field({ description: 'What happened, e.g. amendment.opened, comment.added, vote.cast' })
  action: string;

  @Field(() => String, { nullable: true, description: 'The status before, when it changed' })
  fromState: string | null;

  @Field(() => String, { nullable: true, description: 'The status after, when it changed' })
  toState: string | null;

  @Field({ description: 'When the change was made' })
  at: Date;

  // `actor` is resolved from this id (EventsResolver).
  actorId: string | null;
}
