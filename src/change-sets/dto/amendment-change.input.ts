import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsIn, IsOptional, Matches, MaxLength } from 'class-validator';
import { CRITERION_KEY, MAX_RULE, MAX_TEXT } from '../../definitions/dto/definition.inputs.js';
import { CHANGE_KINDS, type ChangeKind } from '../apply-changes.js';
import { Text } from '../../common/validation/text.js';

export const ChangeKindEnum = Object.fromEntries(CHANGE_KINDS.map((k) => [k, k])) as {
  [K in ChangeKind]: K;
};
registerEnumType(ChangeKindEnum, {
  name: 'ChangeKind',
  description: 'ADD a criterion (all fields), MODIFY one by key (any fields), REMOVE one by key',
});

/** One change to a version's criteria; which fields are required depends on the kind. */
@InputType()
export class AmendmentChangeInput {
  @Field(() => ChangeKindEnum)
  @IsIn(CHANGE_KINDS)
  kind: ChangeKind;

  @Field()
  @Matches(CRITERION_KEY, { message: 'key must be lower-case words joined by . or -' })
  @MaxLength(100)
  key: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'Normative text' })
  @IsOptional()
  @Text(MAX_TEXT)
  text?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'CEL rule; checked before anything is stored',
  })
  @IsOptional()
  @Text(MAX_RULE)
  rule?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(100)
  component?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(60)
  level?: string | null;
}
