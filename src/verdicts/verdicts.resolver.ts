import { Args, Context, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, RequireRole } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import type { RequestContext } from '../common/graphql/request-context.js';
import { versionKey } from '../definitions/definition.loaders.js';
import { toVersionModel } from '../definitions/mappers.js';
import { DefinitionVersionModel } from '../definitions/models/definition.model.js';
import { toStakeholderModel } from '../stakeholders/mappers.js';
import { StakeholderModel } from '../stakeholders/models/stakeholder.model.js';
import { toSystemModel } from '../systems/mappers.js';
import { AiSystemModel } from '../systems/models/ai-system.model.js';
import { RecordVerdictInput } from './dto/record-verdict.input.js';
import { toVerdictModel } from './mappers.js';
import { VerdictModel, VerdictSourceEnum } from './models/verdict.model.js';
import type { VerdictSource } from './verdict.entity.js';
import { VerdictsService } from './verdicts.service.js';
import { noSuchVersion } from '../definitions/refusals.js';

const sourceArg = {
  type: () => VerdictSourceEnum,
  defaultValue: 'COMPUTED' as VerdictSource,
  description: 'COMPUTED from the current facts, or the ASSESSED verdict on record',
};

@Resolver(() => VerdictModel)
export class VerdictsResolver {
  constructor(private readonly verdicts: VerdictsService) {}

  @RequireRole('STEWARD')
  @Mutation(() => VerdictModel, {
    description: 'Records (or replaces) an assessment of a system against a version',
  })
  async recordVerdict(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecordVerdictInput,
  ): Promise<VerdictModel> {
    return toVerdictModel(await this.verdicts.record(principal.stakeholderId, input));
  }

  @ResolveField(() => AiSystemModel)
  async system(@Parent() verdict: VerdictModel, @Context() ctx: RequestContext) {
    if (verdict.loadedSystem) return verdict.loadedSystem;
    return toSystemModel((await ctx.loaders.systems.byId.load(verdict.systemId))!);
  }

  @ResolveField(() => DefinitionVersionModel)
  async version(@Parent() verdict: VerdictModel, @Context() ctx: RequestContext) {
    return toVersionModel((await ctx.loaders.definitions.versionById.load(verdict.versionId))!);
  }

  @ResolveField(() => StakeholderModel, {
    nullable: true,
    description: 'The account that recorded an assessment',
  })
  async recordedBy(@Parent() verdict: VerdictModel, @Context() ctx: RequestContext) {
    if (!verdict.recordedById) return null;
    const stakeholder = await ctx.loaders.stakeholders.byId.load(verdict.recordedById);
    return stakeholder ? toStakeholderModel(stakeholder) : null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'The fact revision the verdict used' })
  async factRevision(@Parent() verdict: VerdictModel, @Context() ctx: RequestContext) {
    if (!verdict.factRevisionId) return null;
    const system = verdict.loadedSystem;
    if (system?.factRevisionId === verdict.factRevisionId) return system.factRevision;
    return (
      (await ctx.loaders.systems.factRevisionById.load(verdict.factRevisionId))?.revision ?? null
    );
  }
}

@Resolver(() => AiSystemModel)
export class SystemVerdictResolver {
  @ResolveField(() => VerdictModel, {
    nullable: true,
    description: 'Null when no ASSESSED verdict is on record',
  })
  async verdict(
    @Parent() system: AiSystemModel,
    @Context() ctx: RequestContext,
    @Args('definition') definition: string,
    @Args('version') label: string,
    @Args('source', sourceArg) source: VerdictSource,
  ): Promise<VerdictModel | null> {
    const version = await ctx.loaders.definitions.versionByLabel.load(
      versionKey(definition, label),
    );
    if (!version) throw noSuchVersion(definition, label);
    const verdict = await ctx.loaders.verdicts.verdict.load({ version, source, system });
    return verdict ? toVerdictModel(verdict) : null;
  }
}

@Resolver(() => DefinitionVersionModel)
export class VersionVerdictsResolver {
  constructor(private readonly service: VerdictsService) {}

  /**
   * COMPUTED: the current systems and their cached verdicts in one statement; facts are
   * read, and verdicts computed, only for the systems whose verdict is not cached yet.
   */
  @ResolveField(() => [VerdictModel], { description: 'One per system, in system slug order' })
  async verdicts(
    @Parent() version: DefinitionVersionModel,
    @Args('source', sourceArg) source: VerdictSource,
  ): Promise<VerdictModel[]> {
    if (source === 'ASSESSED') {
      return (await this.service.assessedForVersion(version.id)).map((v) => toVerdictModel(v));
    }
    const systems = await this.service.computedForVersion(version);
    return systems.map((system) => toVerdictModel(system.verdict, toSystemModel(system)));
  }
}
