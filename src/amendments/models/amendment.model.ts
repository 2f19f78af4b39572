import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { ConnectionType } from '../../common/pagination/connection.js';
import type { ChangeKind } from '../../change-sets/apply-changes.js';
import { AMENDMENT_STATUSES, type AmendmentStatus } from '../amendment.entity.js';
import { ChangeKindEnum } from '../../change-sets/dto/amendment-change.input.js';

export const AmendmentStatusEnum = Object.fromEntries(AMENDMENT_STATUSES.map((s) => [s, s])) as {
  [K in AmendmentStatus]: K;
};
registerEnumType(AmendmentStatusEnum, {
  name: 'AmendmentStatus',
  description:
    'DRAFT → OPEN (comments) → VOTING → ACCEPTED | REJECTED; WITHDRAWN from DRAFT or OPEN; MERGED once ratified',
});

@ObjectType('Amendment')
export class AmendmentModel {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'Numbered per definition' })
  number: number;

  @Field()
  title: string;

  @Field({ description: 'Markdown' })
  rationale: string;

  @Field(() => AmendmentStatusEnum)
  status: AmendmentStatus;

  @Field(() => Int, { description: 'Bumped by every revision; votes are pinned to it' })
  revision: number;

  @Field(() => Date, { nullable: true })
  commentsCloseAt: Date | null;

  @Field(() => Date, { nullable: true })
  votingCloseAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  definitionId: string;
  baseVersionId: string;
  proposerId: string;
  mergedIntoId: string | null;
}

export const AmendmentConnection = ConnectionType(AmendmentModel, 'Amendment');

@ObjectType('AmendmentChange')
export class AmendmentChangeModel {
  @Field(() => ID, { description: 'Each revision of an amendment has changes of its own' })
  id: string;

  @Field(() => ChangeKindEnum)
  kind: ChangeKind;

  @Field()
  key: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => String, { nullable: true })
  rule: string | null;

  @Field(() => String, { nullable: true })
  component: string | null;

  @Field(() => String, { nullable: true })
  level: string | null;
}

@ObjectType('Tally')
export class TallyModel {
  @Field(() => Int)
  approve: number;

  @Field(() => Int)
  reject: number;

  @Field(() => Int)
  abstain: number;

  @Field(() => Int)
  recused: number;

  @Field(() => Int, {
    description: 'Votes cast on an earlier revision; they do not count until re-confirmed',
  })
  stale: number;

  @Field(() => Int)
  eligible: number;

  @Field()
  quorumMet: boolean;

  @Field()
  passed: boolean;

  @Field(() => [String], { description: 'Why it passes or not' })
  reasons: string[];
}

/** One entry of an amendment's audit trail. */
@ObjectType('AuditEntry')
export class AuditEntryModel {
  @Field(() => ID, { description: 'Derived from its place in the chain' })
  id: string;

  @Field(() => ID, { description: 'Position in the tamper-evident audit chain' })
  seq: string;

  @Field()
  action: string;

  @Field(() => String, { nullable: true })
  fromState: string | null;

  @Field(() => String, { nullable: true })
  toState: string | null;

  @Field()
  at: Date;

  @Field(() => GraphQLJSON)
  data: Record<string, unknown>;

  actorId: string | null;
}
