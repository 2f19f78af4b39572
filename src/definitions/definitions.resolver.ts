import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public, RequireRole } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import type { RequestContext } from '../common/graphql/request-context.js';
import { versionKey } from './definition.loaders.js';
import { DefinitionsService } from './definitions.service.js';
import {
  CreateDefinitionInput,
  CreateVersionInput,
  CriterionInput,
} from './dto/definition.inputs.js';
import { toCriterionModel, toDefinitionModel, toVersionModel } from './mappers.js';
import {
  CriterionModel,
  DefinitionModel,
  DefinitionVersionModel,
} from './models/definition.model.js';
import { noSuchVersion } from './refusals.js';

@Resolver(() => DefinitionModel)
export class DefinitionsResolver {
  constructor(private readonly service: DefinitionsService) {}

  @Public()
  @Query(() => [DefinitionModel])
  async definitions(): Promise<DefinitionModel[]> {
    return (await this.service.list()).map(toDefinitionModel);
  }

  @Public()
  @Query(() => DefinitionModel, { description: 'NOT_FOUND when there is no such definition' })
  async definition(@Args('slug') slug: string): Promise<DefinitionModel> {
    return toDefinitionModel(await this.service.read(slug));
  }

  @Public()
  @Query(() => DefinitionVersionModel)
  async version(
    @Args('definition') definition: string,
    @Args('label') label: string,
    @Context() ctx: RequestContext,
  ): Promise<DefinitionVersionModel> {
    // One statement (the version joined with its definition), batched with any other look-up.
    const version = await ctx.loaders.definitions.versionByLabel.load(
      versionKey(definition, label),
    );
    if (!version) throw noSuchVersion(definition, label);
    return toVersionModel(version);
  }

  @RequireRole('STEWARD')
  @Mutation(() => DefinitionModel)
  async createDefinition(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateDefinitionInput,
  ): Promise<DefinitionModel> {
    return toDefinitionModel(await this.service.createDefinition(principal.stakeholderId, input));
  }

  @RequireRole('STEWARD')
  @Mutation(() => DefinitionVersionModel, {
    description: 'A DRAFT copied from its parent; editable until ratified',
  })
  async createVersion(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateVersionInput,
  ): Promise<DefinitionVersionModel> {
    return toVersionModel(await this.service.createVersion(principal.stakeholderId, input));
  }

  @RequireRole('STEWARD')
  @Mutation(() => CriterionModel, {
    description: 'Adds or replaces a criterion of a DRAFT version',
  })
  async upsertCriterion(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CriterionInput,
  ): Promise<CriterionModel> {
    return toCriterionModel(await this.service.upsertCriterion(principal.stakeholderId, input));
  }

  @RequireRole('STEWARD')
  @Mutation(() => Boolean, { description: 'Removes a criterion from a DRAFT version' })
  async removeCriterion(
    @CurrentPrincipal() principal: Principal,
    @Args('definition') definition: string,
    @Args('version') version: string,
    @Args('key') key: string,
  ): Promise<boolean> {
    await this.service.removeCriterion(principal.stakeholderId, definition, version, key);
    return true;
  }

  @ResolveField(() => [DefinitionVersionModel])
  async versions(@Parent() definition: DefinitionModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.definitions.versionsByDefinition.load(definition.id)).map(
      toVersionModel,
    );
  }
}

@Resolver(() => DefinitionVersionModel)
export class DefinitionVersionResolver {
  @ResolveField(() => DefinitionModel)
  async definition(@Parent() version: DefinitionVersionModel, @Context() ctx: RequestContext) {
    return toDefinitionModel(
      (await ctx.loaders.definitions.definitionById.load(version.definitionId))!,
    );
  }

  @ResolveField(() => DefinitionVersionModel, { nullable: true })
  async parent(@Parent() version: DefinitionVersionModel, @Context() ctx: RequestContext) {
    if (!version.parentId) return null;
    const parent = await ctx.loaders.definitions.versionById.load(version.parentId);
    return parent ? toVersionModel(parent) : null;
  }

  @ResolveField(() => [CriterionModel])
  async criteria(@Parent() version: DefinitionVersionModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.definitions.criteriaByVersion.load(version.id)).map(toCriterionModel);
  }
}
