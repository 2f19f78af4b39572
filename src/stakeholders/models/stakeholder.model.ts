import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ROLES, type Role } from '../../common/auth/principal.js';
import { SECTORS, type Sector } from '../stakeholder.entity.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const SectorEnum = enumOf(SECTORS);
export const RoleEnum = enumOf(ROLES);
registerEnumType(SectorEnum, { name: 'Sector' });
registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'STEWARD implies COMMITTEE, which implies MEMBER',
});

/** A stakeholder as anyone may see them; the email is shown only to the stakeholder themself. */
@ObjectType('Stakeholder')
export class StakeholderModel {
  @Field(() => ID)
  id: string;

  @Field()
  handle: string;

  @Field()
  displayName: string;

  @Field()
  organization: string;

  @Field(() => SectorEnum)
  sector: Sector;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field()
  createdAt: Date;

  /**
   * Never sent as is: `email` is resolved from it for the stakeholder themself only,
   * whatever the path they are reached by (see StakeholdersResolver.email).
   */
  accountEmail: string;
  /** Set in a sign-in's payload, whose caller has just proved they own the account. */
  showEmail: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`' })
  token: string;

  @Field()
  expiresAt: Date;

  @Field(() => StakeholderModel)
  stakeholder: StakeholderModel;
}
