import { Field, Int, ObjectType } from '@nestjs/graphql';
import { VerdictChangeModel } from '../../verdicts/models/verdict-change.model.js';

@ObjectType('ImpactSummary', { description: 'How many computed verdicts change, by transition' })
export class ImpactSummaryModel {
  @Field(() => Int, { description: 'Systems evaluated under both sets of criteria' })
  evaluated: number;

  @Field(() => Int)
  failToPass: number;

  @Field(() => Int)
  passToFail: number;

  @Field(() => Int, { description: 'Changes whose outcome becomes UNKNOWN, from PASS or FAIL' })
  toUnknown: number;

  @Field(() => Int)
  unknownToPass: number;

  @Field(() => Int)
  unknownToFail: number;

  @Field(() => Int, { description: 'Evaluated systems whose outcome stays the same' })
  unchanged: number;
}

@ObjectType('Impact', {
  description: 'What a set of changes to a version would do to the computed verdicts',
})
export class ImpactModel {
  @Field(() => ImpactSummaryModel)
  summary: ImpactSummaryModel;

  @Field(() => [VerdictChangeModel], {
    description: 'Each system whose outcome changes, in slug order',
  })
  changes: VerdictChangeModel[];
}

@ObjectType('AmendmentConflict', {
  description: 'A criterion key that more than one amendment changes',
})
export class AmendmentConflictModel {
  @Field()
  key: string;

  @Field(() => [Int], { description: 'Numbers of the amendments that change it' })
  amendments: number[];
}

@ObjectType('CombinedImpact', {
  description: 'The impact of several amendments applied in order, and where they collide',
})
export class CombinedImpactModel {
  @Field(() => ImpactModel)
  impact: ImpactModel;

  @Field(() => [AmendmentConflictModel])
  conflicts: AmendmentConflictModel[];
}
