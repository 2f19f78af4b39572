import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Outcome } from '../../criteria/engine/index.js';
import type { AiSystemModel } from '../../systems/models/ai-system.model.js';
import type { VerdictSource } from '../verdict.entity.js';

export const OutcomeEnum = { PASS: 'PASS', FAIL: 'FAIL', UNKNOWN: 'UNKNOWN' } as const;
export const VerdictSourceEnum = { COMPUTED: 'COMPUTED', ASSESSED: 'ASSESSED' } as const;
registerEnumType(OutcomeEnum, {
  name: 'Outcome',
  description: 'UNKNOWN when a fact a rule needs is missing',
});
registerEnumType(VerdictSourceEnum, {
  name: 'VerdictSource',
  description: 'COMPUTED by the criteria engine, or ASSESSED (recorded by a stakeholder)',
});

@ObjectType('CriterionResult')
export class CriterionResultModel {
  @Field()
  key: string;

  @Field(() => OutcomeEnum)
  outcome: Outcome;

  @Field()
  explanation: string;
}

@ObjectType('Verdict')
export class VerdictModel {
  @Field(() => ID, {
    description:
      'Derived from the version, the system and the source: the same verdict keeps it when the facts change',
  })
  id: string;

  @Field(() => OutcomeEnum)
  outcome: Outcome;

  @Field(() => VerdictSourceEnum)
  source: VerdictSource;

  @Field(() => String, {
    nullable: true,
    description: 'Tiered definitions: the highest level reached',
  })
  level: string | null;

  @Field(() => [CriterionResultModel], {
    description: 'Empty for an assessment recorded without them',
  })
  criteria: CriterionResultModel[];

  @Field()
  notes: string;

  @Field(() => String, {
    nullable: true,
    description: 'The organisation that made an ASSESSED verdict',
  })
  assessedBy: string | null;

  @Field()
  recordedAt: Date;

  systemId: string;
  /** The system, when it was read in the same statement as the verdict (its facts may not be). */
  loadedSystem?: AiSystemModel;
  factRevisionId: string | null;
  versionId: string;
  recordedById: string | null;
}
