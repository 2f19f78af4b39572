import { Field, InputType } from '@nestjs/graphql';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Outcome } from '../../criteria/engine/index.js';
import { SLUG, VERSION_LABEL, MAX_TEXT } from '../../definitions/dto/definition.inputs.js';
import { OutcomeEnum } from '../models/verdict.model.js';
import { Text } from '../../common/validation/text.js';

/** An assessment made outside the engine, e.g. the outcome of a validation review. */
@InputType()
export class RecordVerdictInput {
  @Field({ description: 'System slug' })
  @Matches(SLUG)
  system: string;

  @Field()
  @Matches(SLUG)
  definition: string;

  @Field()
  @Matches(VERSION_LABEL)
  version: string;

  @Field(() => OutcomeEnum)
  @IsIn(Object.values(OutcomeEnum))
  outcome: Outcome;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(MAX_TEXT)
  notes: string;

  @Field(() => String, {
    nullable: true,
    description: 'The organisation that assessed, if not the caller',
  })
  @IsOptional()
  @Text(200)
  assessedBy?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(60)
  level?: string | null;
}
