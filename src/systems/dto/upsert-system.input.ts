import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsObject, IsUrl, Matches, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import { SLUG } from '../../definitions/dto/definition.inputs.js';
import { Text } from '../../common/validation/text.js';

@InputType()
export class EvidenceInput {
  @Field()
  @Text(200)
  label: string;

  @Field()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url: string;
}

@InputType()
export class UpsertSystemInput {
  @Field()
  @Matches(SLUG, { message: 'slug must be lower-case words joined by -' })
  @MaxLength(80)
  slug: string;

  @Field()
  @Text(200)
  name: string;

  @Field()
  @Text(200)
  developer: string;

  @Field(() => GraphQLJSON, { description: 'Facts per the facts schema; unknown keys are refused' })
  @IsObject()
  facts: Record<string, unknown>;

  @Field(() => [EvidenceInput], { defaultValue: [] })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceInput)
  evidence: EvidenceInput[];
}
