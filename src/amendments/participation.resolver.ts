import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RequireRole, SignedIn } from '../common/auth/decorators.js';
import { hasRole, type Principal } from '../common/auth/principal.js';
import type { RequestContext } from '../common/graphql/request-context.js';
import { plainText } from '../common/validation/text.js';
import { toStakeholderModel } from '../stakeholders/mappers.js';
import { StakeholderModel } from '../stakeholders/models/stakeholder.model.js';
import { AddCommentInput, CastVoteInput, MAX_COMMENT } from './dto/amendment.inputs.js';
import {
  toAmendmentModel,
  toCommentEditModel,
  toCommentModel,
  toConcernModel,
  toVoteModel,
} from './mappers.js';
import { AmendmentModel } from './models/amendment.model.js';
import {
  CommentEditModel,
  CommentModel,
  ConcernModel,
  VoteModel,
} from './models/participation.model.js';
import { ParticipationService } from './participation.service.js';

async function stakeholder(ctx: RequestContext, id: string | null) {
  if (!id) return null;
  const entity = await ctx.loaders.stakeholders.byId.load(id);
  return entity ? toStakeholderModel(entity) : null;
}

/** What a comment, vote or concern belongs to: a client's cache updates it from a mutation's answer. */
async function amendmentOf(
  ctx: RequestContext,
  child: CommentModel | VoteModel | ConcernModel,
): Promise<AmendmentModel> {
  if (child.loadedAmendment) return child.loadedAmendment;
  return toAmendmentModel((await ctx.loaders.amendments.byId.load(child.amendmentId))!);
}

const AMENDMENT = { description: 'The amendment it belongs to' };

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(private readonly participation: ParticipationService) {}

  @SignedIn()
  @Mutation(() => CommentModel, {
    description: 'While DRAFT, OPEN (until the comment period closes) or VOTING',
  })
  async addComment(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AddCommentInput,
  ) {
    return toCommentModel(await this.participation.addComment(principal.stakeholderId, input));
  }

  @SignedIn()
  @Mutation(() => CommentModel, {
    description: 'The author only; the previous body is kept in `edits`',
  })
  async editComment(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('body') body: string,
  ) {
    return toCommentModel(
      await this.participation.editComment(
        principal.stakeholderId,
        id,
        plainText(body, 'body', MAX_COMMENT),
      ),
    );
  }

  @RequireRole('STEWARD')
  @Mutation(() => CommentModel, { description: 'Hidden with the reason shown, never deleted' })
  async hideComment(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason') reason: string,
  ) {
    return toCommentModel(
      await this.participation.hideComment(
        principal.stakeholderId,
        id,
        plainText(reason, 'reason', 2000),
      ),
    );
  }

  @ResolveField(() => StakeholderModel)
  author(@Parent() comment: CommentModel, @Context() ctx: RequestContext) {
    return stakeholder(ctx, comment.authorId);
  }

  @ResolveField(() => AmendmentModel, AMENDMENT)
  amendment(@Parent() comment: CommentModel, @Context() ctx: RequestContext) {
    return amendmentOf(ctx, comment);
  }

  @ResolveField(() => [CommentEditModel], {
    description: 'Earlier bodies, oldest first (empty while hidden)',
  })
  async edits(@Parent() comment: CommentModel, @Context() ctx: RequestContext) {
    if (comment.hidden) return [];
    return (await ctx.loaders.amendments.commentEdits.load(comment.id)).map(toCommentEditModel);
  }
}

@Resolver(() => VoteModel)
export class VotesResolver {
  constructor(private readonly participation: ParticipationService) {}

  @RequireRole('COMMITTEE')
  @Mutation(() => VoteModel, { description: 'While VOTING; a repeat replaces the earlier vote' })
  async castVote(@CurrentPrincipal() principal: Principal, @Args('input') input: CastVoteInput) {
    const vote = await this.participation.castVote(principal.stakeholderId, input);
    return toVoteModel(vote, vote.amendmentRevision);
  }

  @ResolveField(() => StakeholderModel)
  voter(@Parent() vote: VoteModel, @Context() ctx: RequestContext) {
    return stakeholder(ctx, vote.voterId);
  }

  @ResolveField(() => AmendmentModel, AMENDMENT)
  amendment(@Parent() vote: VoteModel, @Context() ctx: RequestContext) {
    return amendmentOf(ctx, vote);
  }
}

@Resolver(() => ConcernModel)
export class ConcernsResolver {
  constructor(private readonly participation: ParticipationService) {}

  @RequireRole('COMMITTEE')
  @Mutation(() => ConcernModel, {
    description: 'A blocking objection; the amendment cannot pass while it is open',
  })
  async raiseConcern(
    @CurrentPrincipal() principal: Principal,
    @Args('definition') definition: string,
    @Args('number', { type: () => Int }) number: number,
    @Args('body') body: string,
  ) {
    return toConcernModel(
      await this.participation.raiseConcern(
        principal.stakeholderId,
        definition,
        number,
        plainText(body, 'body', MAX_COMMENT),
      ),
    );
  }

  @RequireRole('COMMITTEE')
  @Mutation(() => ConcernModel, {
    description: 'By the member who raised it or a steward, with the reason',
  })
  async resolveConcern(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('resolution') resolution: string,
  ) {
    const steward = hasRole(principal, 'STEWARD');
    return toConcernModel(
      await this.participation.resolveConcern(
        principal.stakeholderId,
        steward,
        id,
        plainText(resolution, 'resolution', MAX_COMMENT),
      ),
    );
  }

  @ResolveField(() => StakeholderModel)
  raisedBy(@Parent() concern: ConcernModel, @Context() ctx: RequestContext) {
    return stakeholder(ctx, concern.raisedById);
  }

  @ResolveField(() => StakeholderModel, { nullable: true })
  resolvedBy(@Parent() concern: ConcernModel, @Context() ctx: RequestContext) {
    return stakeholder(ctx, concern.resolvedById);
  }

  @ResolveField(() => AmendmentModel, AMENDMENT)
  amendment(@Parent() concern: ConcernModel, @Context() ctx: RequestContext) {
    return amendmentOf(ctx, concern);
  }
}
