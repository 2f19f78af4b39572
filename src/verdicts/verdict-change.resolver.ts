import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/graphql/request-context.js';
import { toSystemModel } from '../systems/mappers.js';
import { AiSystemModel } from '../systems/models/ai-system.model.js';
import { VerdictChangeModel } from './models/verdict-change.model.js';

@Resolver(() => VerdictChangeModel)
export class VerdictChangeResolver {
  @ResolveField(() => AiSystemModel)
  async system(@Parent() change: VerdictChangeModel, @Context() ctx: RequestContext) {
    if (change.loadedSystem) return change.loadedSystem;
    return toSystemModel((await ctx.loaders.systems.byId.load(change.systemId))!);
  }
}
