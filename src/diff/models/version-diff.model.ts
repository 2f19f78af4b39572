import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  CriterionModel,
  DefinitionVersionModel,
} from '../../definitions/models/definition.model.js';
import { VerdictChangeModel } from '../../verdicts/models/verdict-change.model.js';
import type { SegmentKind } from '../text-diff.js';

export const SegmentKindEnum = { EQUAL: 'EQUAL', ADDED: 'ADDED', REMOVED: 'REMOVED' } as const;
registerEnumType(SegmentKindEnum, { name: 'SegmentKind' });

@ObjectType('TextSegment')
export class TextSegmentModel {
  @Field(() => SegmentKindEnum)
  kind: SegmentKind;

  @Field()
  text: string;
}

@ObjectType('CriterionChange')
export class CriterionChangeModel {
  @Field()
  key: string;

  @Field(() => CriterionModel)
  before: CriterionModel;

  @Field(() => CriterionModel)
  after: CriterionModel;

  @Field(() => [String], {
    description: 'The fields that differ: component, title, text, rule, level',
  })
  changedFields: string[];

  @Field(() => [TextSegmentModel], { description: 'Word-level diff of the normative text' })
  textDiff: TextSegmentModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Readable diff of the rule; null when the rule is unchanged',
  })
  ruleDiff: string | null;
}

@ObjectType('VersionDiff')
export class VersionDiffModel {
  @Field(() => DefinitionVersionModel)
  from: DefinitionVersionModel;

  @Field(() => DefinitionVersionModel)
  to: DefinitionVersionModel;

  @Field(() => [CriterionModel])
  added: CriterionModel[];

  @Field(() => [CriterionModel])
  removed: CriterionModel[];

  @Field(() => [CriterionChangeModel])
  modified: CriterionChangeModel[];

  @Field(() => [VerdictChangeModel], {
    description: 'Systems whose computed verdict differs between the versions',
  })
  verdictChanges: VerdictChangeModel[];
}
