import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CurrentPrincipal, Public, RequireRole, SignedIn } from '../common/auth/decorators.js';
import { hasRole, type Principal } from '../common/auth/principal.js';
import type { RequestContext } from '../common/graphql/request-context.js';
import { pageRequest, toConnection } from '../common/pagination/connection.js';
import { toDefinitionModel, toVersionModel } from '../definitions/mappers.js';
import { DefinitionModel, DefinitionVersionModel } from '../definitions/models/definition.model.js';
import { badInput } from '../common/errors/app-error.js';
import { ImpactService } from '../impact/impact.service.js';
import { CombinedImpactModel, ImpactModel } from '../impact/models/impact.model.js';
import { toStakeholderModel } from '../stakeholders/mappers.js';
import { StakeholderModel } from '../stakeholders/models/stakeholder.model.js';
import { revisionKey } from './amendment.loaders.js';
import { locate } from './amendment-lookup.js';
import { AmendmentsService } from './amendments.service.js';
import {
  AmendmentsArgs,
  ProposeAmendmentInput,
  ReviseAmendmentInput,
} from './dto/amendment.inputs.js';
import {
  toAmendmentModel,
  toAuditEntryModel,
  toChangeModel,
  toCommentModel,
  toConcernModel,
  toVoteModel,
} from './mappers.js';
import {
  AmendmentChangeModel,
  AmendmentConnection,
  AmendmentModel,
  AuditEntryModel,
  TallyModel,
} from './models/amendment.model.js';
import { CommentModel, ConcernModel, VoteModel } from './models/participation.model.js';
import { tallyOf } from './tally-inputs.js';

const number = { type: () => Int };

@Resolver(() => AmendmentModel)
export class AmendmentsResolver {
  constructor(
    private readonly service: AmendmentsService,
    private readonly impacts: ImpactService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Query(() => AmendmentModel, { description: 'NOT_FOUND when there is no such amendment' })
  async amendment(@Args('definition') definition: string, @Args('number', number) n: number) {
    return toAmendmentModel((await locate(this.dataSource.manager, definition, n)).amendment);
  }

  @Public()
  @Query(() => AmendmentConnection, { description: 'Amendments of a definition in number order' })
  async amendments(@Args() args: AmendmentsArgs) {
    const { definition: slug, status = null } = args;
    const page = pageRequest({ connection: 'amendments', args: [slug, status] }, args);
    // The checksum vouches for the key: it is a number this connection wrote.
    const afterNumber = page.afterKey === null ? 0 : Number(page.afterKey);
    const { rows, total } = await this.service.page(slug, status, afterNumber, page.first + 1);
    return toConnection(page, rows, total, (row) => String(row.number), toAmendmentModel);
  }

  @Public()
  @Query(() => CombinedImpactModel, {
    description:
      'Several amendments applied in the given order, and the criteria more than one of them touches',
  })
  async combinedImpact(
    @Args('definition') definition: string,
    @Args('amendments', { type: () => [Int] }) numbers: number[],
  ): Promise<CombinedImpactModel> {
    if (numbers.length === 0 || numbers.length > 20) {
      throw badInput('INVALID_INPUT', 'amendments must list 1 to 20 numbers', {
        field: 'amendments',
      });
    }
    const { baseLabel, sets } = await this.service.changeSets(definition, [...new Set(numbers)]);
    return this.impacts.combinedImpact(definition, baseLabel, sets);
  }

  @SignedIn()
  @Mutation(() => AmendmentModel, { description: 'Any signed-in stakeholder; starts as DRAFT' })
  async proposeAmendment(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ProposeAmendmentInput,
  ) {
    return toAmendmentModel(await this.service.propose(principal.stakeholderId, input));
  }

  @SignedIn()
  @Mutation(() => AmendmentModel, {
    description: 'The proposer, while DRAFT or OPEN; a stale expectedRevision is a CONFLICT',
  })
  async reviseAmendment(
    @CurrentPrincipal() principal: Principal,
    @Args('definition') definition: string,
    @Args('number', number) n: number,
    @Args('input') input: ReviseAmendmentInput,
  ) {
    return toAmendmentModel(
      await this.service.revise(principal.stakeholderId, definition, n, input),
    );
  }

  @SignedIn()
  @Mutation(() => AmendmentModel, { description: 'The proposer or a steward, from DRAFT or OPEN' })
  async withdrawAmendment(
    @CurrentPrincipal() principal: Principal,
    @Args('definition') definition: string,
    @Args('number', number) n: number,
  ) {
    const steward = hasRole(principal, 'STEWARD');
    return toAmendmentModel(
      await this.service.withdraw(principal.stakeholderId, steward, definition, n),
    );
  }

  @RequireRole('STEWARD')
  @Mutation(() => AmendmentModel, {
    description: 'DRAFT → OPEN; closesAt defaults to the policy’s comment period',
  })
  async openComments(
    @CurrentPrincipal() principal: Principal,
    @Args('definition') definition: string,
    @Args('number', number) n: number,
    @Args('closesAt', { type: () => Date, nullable: true }) closesAt?: Date | null,
  ) {
    return toAmendmentModel(
      await this.service.openComments(principal.stakeholderId, definition, n, closesAt ?? null),
    );
  }

  @RequireRole('STEWARD')
  @Mutation(() => AmendmentModel, {
    description: 'DRAFT or OPEN → VOTING; voting closes by itself at closesAt',
  })
  async openVoting(
    @CurrentPrincipal() principal: Principal,
    @Args('definition') definition: string,
    @Args('number', number) n: number,
    @Args('closesAt', { type: () => Date, nullable: true }) closesAt?: Date | null,
  ) {
    return toAmendmentModel(
      await this.service.openVoting(principal.stakeholderId, definition, n, closesAt ?? null),
    );
  }

  @RequireRole('STEWARD')
  @Mutation(() => AmendmentModel, { description: 'VOTING → ACCEPTED or REJECTED by the tally' })
  async closeVoting(
    @CurrentPrincipal() principal: Principal,
    @Args('definition') definition: string,
    @Args('number', number) n: number,
  ) {
    return toAmendmentModel(await this.service.closeVoting(principal.stakeholderId, definition, n));
  }

  @ResolveField(() => DefinitionModel)
  async definition(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    return toDefinitionModel((await ctx.loaders.definitions.definitionById.load(a.definitionId))!);
  }

  @ResolveField(() => DefinitionVersionModel)
  async baseVersion(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    return toVersionModel((await ctx.loaders.definitions.versionById.load(a.baseVersionId))!);
  }

  @ResolveField(() => DefinitionVersionModel, {
    nullable: true,
    description: 'The version it was merged into',
  })
  async mergedInto(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    if (!a.mergedIntoId) return null;
    return toVersionModel((await ctx.loaders.definitions.versionById.load(a.mergedIntoId))!);
  }

  @ResolveField(() => StakeholderModel)
  async proposer(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    return toStakeholderModel((await ctx.loaders.stakeholders.byId.load(a.proposerId))!);
  }

  @ResolveField(() => [AmendmentChangeModel], {
    description: 'The changes of the current revision',
  })
  async changes(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.amendments.changes.load(revisionKey(a.id, a.revision))).map(
      toChangeModel,
    );
  }

  @ResolveField(() => [CommentModel], { description: 'Oldest first; replies carry parentId' })
  async comments(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.amendments.comments.load(a.id)).map((comment) =>
      Object.assign(toCommentModel(comment), { loadedAmendment: a }),
    );
  }

  @ResolveField(() => [VoteModel])
  async votes(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.amendments.votes.load(a.id)).map((vote) =>
      Object.assign(toVoteModel(vote, a.revision), { loadedAmendment: a }),
    );
  }

  @ResolveField(() => [ConcernModel])
  async concerns(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.amendments.concerns.load(a.id)).map((concern) =>
      Object.assign(toConcernModel(concern), { loadedAmendment: a }),
    );
  }

  @ResolveField(() => TallyModel, {
    description: 'The vote under the definition’s policy, and why it passes or not',
  })
  async tally(@Parent() a: AmendmentModel, @Context() ctx: RequestContext): Promise<TallyModel> {
    const definition = (await ctx.loaders.definitions.definitionById.load(a.definitionId))!;
    const loaders = ctx.loaders.amendments;
    return tallyOf(a, definition.policy, {
      votes: (id) => loaders.votes.load(id),
      openConcerns: async (id) =>
        (await loaders.concerns.load(id)).filter((concern) => concern.resolvedAt === null).length,
      eligibleVoters: (role) => loaders.eligibleVoters.load(role),
    });
  }

  @ResolveField(() => ImpactModel, {
    description:
      'What the current revision would do to every system’s computed verdict, against its base',
  })
  async impact(@Parent() a: AmendmentModel, @Context() ctx: RequestContext): Promise<ImpactModel> {
    const key = revisionKey(a.id, a.revision);
    const [definition, criteria, changes] = await Promise.all([
      ctx.loaders.definitions.definitionById.load(a.definitionId),
      ctx.loaders.definitions.criteriaByVersion.load(a.baseVersionId),
      ctx.loaders.amendments.changes.load(key),
    ]);
    return ctx.loaders.amendments.impact.load({
      key,
      definition: definition!,
      baseVersionId: a.baseVersionId,
      criteria,
      changes,
    });
  }

  @ResolveField(() => [AuditEntryModel], {
    description: 'Every change to this amendment: who (actor), when, from → to',
  })
  async history(@Parent() a: AmendmentModel, @Context() ctx: RequestContext) {
    return (await ctx.loaders.amendments.history.load(a.id)).map(toAuditEntryModel);
  }
}
