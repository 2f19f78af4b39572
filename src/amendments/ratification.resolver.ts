import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RequireRole } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import { toVersionModel } from '../definitions/mappers.js';
import { DefinitionVersionModel } from '../definitions/models/definition.model.js';
import { RatifyVersionInput } from './dto/amendment.inputs.js';
import { RatificationService } from './ratification.service.js';

@Resolver()
export class RatificationResolver {
  constructor(private readonly ratification: RatificationService) {}

  @RequireRole('STEWARD')
  @Mutation(() => DefinitionVersionModel, {
    description:
      'Applies ACCEPTED amendments to the RATIFIED base: a new RATIFIED version, all or nothing',
  })
  async ratifyVersion(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RatifyVersionInput,
  ) {
    return toVersionModel(await this.ratification.ratify(principal.stakeholderId, input));
  }
}
