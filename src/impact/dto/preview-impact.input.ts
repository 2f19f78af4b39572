import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Matches, ValidateNested } from 'class-validator';
import { AmendmentChangeInput } from '../../change-sets/dto/amendment-change.input.js';
import { SLUG, VERSION_LABEL } from '../../definitions/dto/definition.inputs.js';

/** Changes to preview against a version, as an amendment would carry them. */
@InputType()
export class PreviewImpactInput {
  @Field({ description: 'Slug of the definition, e.g. osaid' })
  @Matches(SLUG, { message: 'definition must be a slug' })
  definition: string;

  @Field({ description: 'Label of the version the changes apply to' })
  @Matches(VERSION_LABEL, { message: 'baseVersion must be a version label' })
  baseVersion: string;

  @Field(() => [AmendmentChangeInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AmendmentChangeInput)
  changes: AmendmentChangeInput[];
}
