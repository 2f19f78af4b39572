import { Field, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
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
  @Field()
  slug: string;

  @Field()
  name: string;

  @Field()
  developer: string;

  @Field(() => GraphQLJSON, {
    description: 'The current facts (see the facts schema); absent keys are unknown',
  })
  facts: Record<string, unknown>;

  @Field(() => Int, { description: 'The fact revision the facts come from' })
  factRevision: number;

  @Field(() => [EvidenceModel])
  evidence: EvidenceModel[];

  @Field({ description: 'When the current facts were recorded' })
  factsRecordedAt: Date;

  id: string;
  factRevisionId: string;
}

export const AiSystemConnection = ConnectionType(AiSystemModel, 'AiSystem');
