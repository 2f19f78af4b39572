import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { CurrentPrincipal, Public, RequireRole } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import type { RequestContext } from '../common/graphql/request-context.js';
import {
  PageArgs,
  pageRequest,
  toConnection,
  type Connection,
} from '../common/pagination/connection.js';
import { UpsertSystemInput } from './dto/upsert-system.input.js';
import { toSystemModel } from './mappers.js';
import { AiSystemConnection, AiSystemModel, EvidenceModel } from './models/ai-system.model.js';
import { SystemsRepository } from './systems.repository.js';
import { SystemsService } from './systems.service.js';

@Resolver(() => AiSystemModel)
export class SystemsResolver {
  constructor(
    private readonly service: SystemsService,
    private readonly repository: SystemsRepository,
  ) {}

  @Public()
  @Query(() => AiSystemConnection, { description: 'Systems in slug order' })
  async systems(@Args() args: PageArgs): Promise<Connection<AiSystemModel>> {
    const page = pageRequest({ connection: 'systems' }, args);
    const [rows, total] = await Promise.all([
      this.repository.page(page.afterKey, page.first + 1),
      this.repository.count(),
    ]);
    return toConnection(page, rows, total, (row) => row.slug, toSystemModel);
  }

  @Public()
  @Query(() => AiSystemModel, { description: 'NOT_FOUND when there is no such system' })
  async system(@Args('slug') slug: string): Promise<AiSystemModel> {
    return toSystemModel(await this.service.bySlug(slug));
  }

  @RequireRole('STEWARD')
  @Mutation(() => AiSystemModel, {
    description: 'Creates or updates a system; its facts become a new revision',
  })
  async upsertSystem(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpsertSystemInput,
  ): Promise<AiSystemModel> {
    return toSystemModel(await this.service.upsert(principal.stakeholderId, input));
  }

  // The fact revision's own fields: read with the system as a rule, but a verdict list
  // leaves them out, and they are then read from the revision only if asked for.

  @ResolveField(() => GraphQLJSON, {
    description: 'The current facts (see the facts schema); absent keys are unknown',
  })
  async facts(@Parent() system: AiSystemModel, @Context() ctx: RequestContext): Promise<object> {
    return system.facts ?? (await this.revision(system, ctx)).facts;
  }

  @ResolveField(() => [EvidenceModel])
  async evidence(
    @Parent() system: AiSystemModel,
    @Context() ctx: RequestContext,
  ): Promise<EvidenceModel[]> {
    return system.evidence ?? (await this.revision(system, ctx)).evidence;
  }

  @ResolveField(() => Date, { description: 'When the current facts were recorded' })
  async factsRecordedAt(
    @Parent() system: AiSystemModel,
    @Context() ctx: RequestContext,
  ): Promise<Date> {
    return system.factsRecordedAt ?? (await this.revision(system, ctx)).createdAt;
  }

  private async revision(system: AiSystemModel, ctx: RequestContext) {
    return (await ctx.loaders.systems.factRevisionById.load(system.factRevisionId))!;
  }
}
