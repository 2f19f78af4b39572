import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { Facts } from '../../criteria/engine/index.js';
import { ConnectionType } from '../../common/pagination/connection.js';

@ObjectType('Evidence')
export class EvidenceModel {
  @Field()
  label: string;

  @Field()
  url: string;
}

@ObjectType('AiSystem')
export class AiSystemModel {
  @Field(() => ID, { description: 'The same across fact revisions' })
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  developer: string;

  /** facts, evidence, factsRecordedAt: null when a list was read without them (see SystemsResolver). */
  @Field(() => GraphQLJSON, {
    description: 'The current facts (see the facts schema); absent keys are unknown',
  })
  facts: Facts | null;

  @Field(() => Int, { description: 'The fact revision the facts come from' })
  factRevision: number;

  @Field(() => [EvidenceModel])
  evidence: EvidenceModel[] | null;

  @Field(() => Date, { description: 'When the current facts were recorded' })
  factsRecordedAt: Date | null;

  factRevisionId: string;
}

export const AiSystemConnection = ConnectionType(AiSystemModel, 'AiSystem');
