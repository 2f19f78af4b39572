import { Args, Context, Int, Parent, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import type { SubscriptionContext } from 'mercurius';
import { Public } from '../common/auth/decorators.js';
import { LoadersRegistry } from '../common/graphql/loaders.js';
import type { RequestContext } from '../common/graphql/request-context.js';
import { StakeholderModel } from '../stakeholders/models/stakeholder.model.js';
import { toStakeholderModel } from '../stakeholders/mappers.js';
import { amendmentTopic, type AmendmentEventPayload } from './amendment-event.js';
import { AmendmentEventModel } from './models/amendment-event.model.js';

const toModel = (event: AmendmentEventPayload): AmendmentEventModel =>
  Object.assign(new AmendmentEventModel(), {
    definition: event.definition,
    number: event.number,
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    at: new Date(event.at),
    actorId: event.actorId,
  });

@Resolver(() => AmendmentEventModel)
export class EventsResolver {
  constructor(private readonly loaders: LoadersRegistry) {}

  @Public()
  @Subscription(() => AmendmentEventModel, {
    description:
      'Every change to one amendment — state changes, comments, votes, concerns — from whichever server made it. Over WebSocket (graphql-transport-ws); sign in by sending `{ authorization: "Bearer <token>" }` as the connection_init payload.',
    // Each event gets loaders of its own: a subscription lives for hours, and its
    // connection's loaders would otherwise serve what they cached at the start.
    resolve(
      this: EventsResolver,
      event: AmendmentEventPayload,
      _args: unknown,
      ctx: RequestContext,
    ) {
      ctx.loaders = this.loaders.create();
      return toModel(event);
    },
  })
  amendmentEvents(
    @Args('definition', { description: 'The definition’s slug' }) definition: string,
    @Args('number', { type: () => Int }) number: number,
    @Context('pubsub') pubsub: SubscriptionContext,
  ) {
    return pubsub.subscribe<AmendmentEventPayload>(amendmentTopic(definition, number));
  }

  @ResolveField(() => StakeholderModel, {
    nullable: true,
    description: 'Who made the change; null for the system (e.g. a deadline passing)',
  })
  async actor(
    @Parent() event: AmendmentEventModel,
    @Context() ctx: RequestContext,
  ): Promise<StakeholderModel | null> {
    if (!event.actorId) return null;
    const stakeholder = await ctx.loaders.stakeholders.byId.load(event.actorId);
    return stakeholder ? toStakeholderModel(stakeholder) : null;
  }
}
