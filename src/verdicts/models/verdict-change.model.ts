import { Field, ObjectType } from '@nestjs/graphql';
import type { Outcome } from '../../criteria/engine/index.js';
import type { AiSystemModel } from '../../systems/models/ai-system.model.js';
import { OutcomeEnum } from './verdict.model.js';

/** A system whose computed verdict differs between two sets of criteria. */
@ObjectType('VerdictChange')
export class VerdictChangeModel {
  @Field(() => OutcomeEnum, {
    nullable: true,
    description: 'The ASSESSED verdict on record, if any',
  })
  recorded: Outcome | null;

  @Field(() => OutcomeEnum)
  before: Outcome;

  @Field(() => OutcomeEnum)
  after: Outcome;

  @Field(() => [String], { description: 'Keys of the criteria whose result changed' })
  decidedBy: string[];

  systemId: string;
  /** The system, when the caller already read it (its facts may not be). */
  loadedSystem?: AiSystemModel;
}
