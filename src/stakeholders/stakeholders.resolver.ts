import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public, RequireRole, SignedIn } from '../common/auth/decorators.js';
import type { Principal, Role } from '../common/auth/principal.js';
import type { RequestContext } from '../common/graphql/request-context.js';
import { SignUpInput } from './dto/sign-up.input.js';
import { AuthPayload, RoleEnum, StakeholderModel } from './models/stakeholder.model.js';
import { toStakeholderModel } from './mappers.js';
import { StakeholdersService, type SignedIn as SignedInResult } from './stakeholders.service.js';

const toPayload = (result: SignedInResult): AuthPayload => ({
  token: result.token,
  expiresAt: result.expiresAt,
  stakeholder: toStakeholderModel(result.stakeholder, true),
});

@Resolver(() => StakeholderModel)
export class StakeholdersResolver {
  constructor(private readonly stakeholders: StakeholdersService) {}

  @Public()
  @Query(() => StakeholderModel, {
    nullable: true,
    description: 'The signed-in stakeholder, or null',
  })
  async me(
    @CurrentPrincipal() principal: Principal | null,
    @Context() ctx: RequestContext,
  ): Promise<StakeholderModel | null> {
    if (!principal) return null;
    const entity = await ctx.loaders.stakeholders.byId.load(principal.stakeholderId);
    return entity ? toStakeholderModel(entity) : null;
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Creates a MEMBER account and signs it in; refused with TOO_MANY_REQUESTS after too many from one address',
  })
  async signUp(
    @Args('input') input: SignUpInput,
    @Context() ctx: RequestContext,
  ): Promise<AuthPayload> {
    // Fastify's socket address: behind a proxy it is the proxy's unless TRUST_PROXY is set.
    return toPayload(await this.stakeholders.signUp(input, ctx.req.ip));
  }

  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Refused with TOO_MANY_REQUESTS after repeated failures on an account from one address, or from an address',
  })
  async signIn(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context() ctx: RequestContext,
  ): Promise<AuthPayload> {
    return toPayload(await this.stakeholders.signIn(email, password, ctx.req.ip));
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Ends the session the token belongs to' })
  async signOut(@CurrentPrincipal() principal: Principal): Promise<boolean> {
    await this.stakeholders.signOut(principal.sessionId);
    return true;
  }

  @RequireRole('STEWARD')
  @Mutation(() => StakeholderModel)
  async grantRole(
    @CurrentPrincipal() principal: Principal,
    @Args('handle') handle: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
  ): Promise<StakeholderModel> {
    return toStakeholderModel(
      await this.stakeholders.grantRole(principal.stakeholderId, handle, role),
    );
  }

  @RequireRole('STEWARD')
  @Mutation(() => StakeholderModel)
  async revokeRole(
    @CurrentPrincipal() principal: Principal,
    @Args('handle') handle: string,
    @Args('role', { type: () => RoleEnum }) role: Role,
  ): Promise<StakeholderModel> {
    return toStakeholderModel(
      await this.stakeholders.revokeRole(principal.stakeholderId, handle, role),
    );
  }

  /**
   * The same answer on every path to the same stakeholder (`me`, an amendment's proposer, a
   * vote's voter …): a normalised client cache merges them into one object, and an email
   * shown on one path and null on another would overwrite each other there.
   */
  @ResolveField(() => String, {
    nullable: true,
    description: 'Shown only to the stakeholder themself (and in their sign-in’s AuthPayload)',
  })
  email(@Parent() stakeholder: StakeholderModel, @Context() ctx: RequestContext): string | null {
    const self = stakeholder.showEmail || ctx.principal?.stakeholderId === stakeholder.id;
    return self ? stakeholder.accountEmail : null;
  }

  @ResolveField(() => [RoleEnum])
  roles(@Parent() stakeholder: StakeholderModel, @Context() ctx: RequestContext): Promise<Role[]> {
    return ctx.loaders.stakeholders.roles.load(stakeholder.id);
  }
}
