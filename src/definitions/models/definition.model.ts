import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { VERSION_STATUSES, type VersionStatus } from '../version-status.js';

export const VersionStatusEnum = Object.fromEntries(VERSION_STATUSES.map((s) => [s, s])) as {
  [K in VersionStatus]: K;
};
registerEnumType(VersionStatusEnum, { name: 'VersionStatus' });

@ObjectType()
export class GovernancePolicyModel {
  @Field(() => Float, {
    description: 'Quorum: more than this fraction of eligible voters cast a non-RECUSE vote',
  })
  quorum: number;

  @Field(() => Float, { description: 'At least this fraction of APPROVE+REJECT must approve' })
  approvalThreshold: number;

  @Field(() => Int)
  commentPeriodDays: number;

  @Field({ description: 'The role whose holders vote' })
  voterRole: string;
}

@ObjectType('Definition')
export class DefinitionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  slug: string;

  @Field()
  name: string;

  @Field()
  stewardOrganization: string;

  @Field()
  description: string;

  @Field(() => [String], {
    description: 'Tiers from the entry tier to the top one; empty when untiered',
  })
  levels: string[];

  @Field(() => GovernancePolicyModel)
  policy: GovernancePolicyModel;
}

@ObjectType('Criterion')
export class CriterionModel {
  @Field(() => ID, { description: 'This version’s criterion: each version has its own' })
  id: string;

  @Field({ description: 'Stable across versions, e.g. code.complete' })
  key: string;

  @Field()
  component: string;

  @Field()
  title: string;

  @Field({ description: 'Normative text' })
  text: string;

  @Field({ description: 'CEL expression over an AI system’s facts' })
  rule: string;

  @Field(() => String, { nullable: true })
  level: string | null;
}

@ObjectType('DefinitionVersion')
export class DefinitionVersionModel {
  @Field(() => ID)
  id: string;

  @Field()
  label: string;

  @Field(() => VersionStatusEnum)
  status: VersionStatus;

  @Field()
  preamble: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  publishedAt: string | null;

  @Field(() => Date, { nullable: true })
  ratifiedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'SPDX licence list the licence functions used',
  })
  licenseListVersion: string | null;

  definitionId: string;
  parentId: string | null;
}
