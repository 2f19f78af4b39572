import { ArgsType, Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CRITERION_KEY,
  MAX_TEXT,
  SLUG,
  VERSION_LABEL,
} from '../../definitions/dto/definition.inputs.js';
import { STANCES, type Stance } from '../comment.entity.js';
import { StanceEnum, VoteChoiceEnum } from '../models/participation.model.js';
import { VOTE_CHOICES, type VoteChoice } from '../vote.entity.js';
import { AMENDMENT_STATUSES, type AmendmentStatus } from '../amendment.entity.js';
import { AmendmentStatusEnum } from '../models/amendment.model.js';
import { PageArgs } from '../../common/pagination/connection.js';
import { AmendmentChangeInput } from '../../change-sets/dto/amendment-change.input.js';
import { Text } from '../../common/validation/text.js';

/** Most changes one amendment may carry. */
export const MAX_CHANGES = 50;
export const MAX_COMMENT = 20_000;

@InputType()
export class ProposeAmendmentInput {
  @Field()
  @Matches(SLUG)
  definition: string;

  @Field({ description: 'Label of the version the changes apply to' })
  @Matches(VERSION_LABEL)
  baseVersion: string;

  @Field()
  @Text(200)
  title: string;

  @Field({ description: 'Markdown' })
  @Text(MAX_TEXT)
  rationale: string;

  @Field(() => [AmendmentChangeInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CHANGES)
  @ValidateNested({ each: true })
  @Type(() => AmendmentChangeInput)
  changes: AmendmentChangeInput[];
}

@InputType()
export class ReviseAmendmentInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(200)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(MAX_TEXT)
  rationale?: string | null;

  @Field(() => [AmendmentChangeInput], {
    nullable: true,
    description: 'Replaces all changes when given',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CHANGES)
  @ValidateNested({ each: true })
  @Type(() => AmendmentChangeInput)
  changes?: AmendmentChangeInput[] | null;

  @Field(() => Int, { description: 'The revision being revised; a stale one is a CONFLICT' })
  @IsInt()
  @Min(1)
  expectedRevision: number;
}

@InputType()
export class AddCommentInput {
  @Field()
  @Matches(SLUG)
  definition: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  number: number;

  @Field({ description: 'Markdown' })
  @Text(MAX_COMMENT)
  body: string;

  @Field(() => StanceEnum, { nullable: true, description: 'NEUTRAL when not given' })
  @IsOptional()
  @IsIn(STANCES)
  stance?: Stance | null;

  @Field(() => String, { nullable: true, description: 'Anchor the comment to a criterion key' })
  @IsOptional()
  @Matches(CRITERION_KEY)
  criterionKey?: string | null;

  @Field(() => String, { nullable: true, description: 'The quoted text the comment is about' })
  @IsOptional()
  @Text(2000)
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'The comment this replies to' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}

@InputType()
export class CastVoteInput {
  @Field()
  @Matches(SLUG)
  definition: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  number: number;

  @Field(() => VoteChoiceEnum)
  @IsIn(VOTE_CHOICES)
  choice: VoteChoice;

  @Field({ defaultValue: '' })
  @IsString()
  @Length(0, MAX_TEXT)
  rationale: string;
}

@InputType()
export class RatifyVersionInput {
  @Field()
  @Matches(SLUG)
  definition: string;

  @Field({ description: 'The RATIFIED version the amendments were written against' })
  @Matches(VERSION_LABEL)
  baseVersion: string;

  @Field({ description: 'Label of the new version' })
  @Matches(VERSION_LABEL)
  label: string;

  @Field(() => [Int], { description: 'ACCEPTED amendments, applied in this order' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  amendments: number[];

  @Field({
    defaultValue: false,
    description:
      'Amendments touching the same criterion are refused unless this confirms the listed order',
  })
  @IsBoolean()
  applyInListedOrder: boolean;
}

@ArgsType()
export class AmendmentsArgs extends PageArgs {
  @Field({ description: 'Definition slug' })
  @Matches(SLUG)
  definition: string;

  @Field(() => AmendmentStatusEnum, { nullable: true })
  @IsOptional()
  @IsIn(AMENDMENT_STATUSES)
  status?: AmendmentStatus | null;
}
