import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/graphql/request-context.js';
import { StakeholderModel } from '../stakeholders/models/stakeholder.model.js';
import { toStakeholderModel } from '../stakeholders/mappers.js';
import { AuditEntryModel } from './models/amendment.model.js';

@Resolver(() => AuditEntryModel)
export class AuditEntryResolver {
  @ResolveField(() => StakeholderModel, {
    nullable: true,
    description: 'Who made the change; null for the system (e.g. a deadline passing)',
  })
  async actor(
    @Parent() entry: AuditEntryModel,
    @Context() ctx: RequestContext,
  ): Promise<StakeholderModel | null> {
    if (!entry.actorId) return null;
    const stakeholder = await ctx.loaders.stakeholders.byId.load(entry.actorId);
    return stakeholder ? toStakeholderModel(stakeholder) : null;
  }
}
