import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Text } from '../../common/validation/text.js';

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const CRITERION_KEY = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
export const VERSION_LABEL = /^[0-9A-Za-z][0-9A-Za-z.-]{0,31}$/;
export const MAX_TEXT = 20_000;
export const MAX_RULE = 2_000;

@InputType()
export class GovernancePolicyInput {
  @Field(() => Float, { defaultValue: 0.5 })
  @IsNumber()
  @Min(0)
  @Max(1)
  quorum: number;

  @Field(() => Float, { defaultValue: 2 / 3 })
  @IsNumber()
  @Min(0.5)
  @Max(1)
  approvalThreshold: number;

  @Field(() => Int, { defaultValue: 14 })
  @Min(1)
  @Max(365)
  commentPeriodDays: number;

  @Field({ defaultValue: 'COMMITTEE' })
  @IsIn(['COMMITTEE', 'STEWARD'])
  voterRole: 'COMMITTEE' | 'STEWARD';
}

@InputType()
export class CreateDefinitionInput {
  @Field()
  @Matches(SLUG, { message: 'slug must be lower-case words joined by -' })
  @MaxLength(60)
  slug: string;

  @Field()
  @Text(200)
  name: string;

  @Field()
  @Text(200)
  stewardOrganization: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(MAX_TEXT)
  description: string;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Tiers from the entry tier to the top one',
  })
  @ArrayMaxSize(10)
  @Text(60, { each: true })
  levels: string[];

  @Field(() => GovernancePolicyInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GovernancePolicyInput)
  policy?: GovernancePolicyInput;
}

@InputType()
export class CreateVersionInput {
  @Field({ description: 'Definition slug' })
  @Matches(SLUG)
  definition: string;

  @Field()
  @Matches(VERSION_LABEL, { message: 'label must be 1–32 letters, digits, . or -' })
  label: string;

  @Field(() => String, {
    nullable: true,
    description: 'Label of the version to copy criteria from',
  })
  @IsOptional()
  @Matches(VERSION_LABEL)
  parent?: string | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the parent’s preamble' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_TEXT)
  preamble?: string | null;
}

@InputType()
export class CriterionInput {
  @Field()
  @Matches(SLUG)
  definition: string;

  @Field({ description: 'Label of a DRAFT version' })
  @Matches(VERSION_LABEL)
  version: string;

  @Field()
  @Matches(CRITERION_KEY, { message: 'key must be lower-case words joined by . or -' })
  @MaxLength(100)
  key: string;

  @Field()
  @Text(100)
  component: string;

  @Field()
  @Text(200)
  title: string;

  @Field()
  @Text(MAX_TEXT)
  text: string;

  @Field()
  @Text(MAX_RULE)
  rule: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  level?: string | null;
}
