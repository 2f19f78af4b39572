import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Public, RequireRole } from '../common/auth/decorators.js';
import type { Principal } from '../common/auth/principal.js';
import {
  decodeCursor,
  PageArgs,
  toConnection,
  type Connection,
} from '../common/pagination/connection.js';
import { UpsertSystemInput } from './dto/upsert-system.input.js';
import { toSystemModel } from './mappers.js';
import { AiSystemConnection, AiSystemModel } from './models/ai-system.model.js';
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
  async systems(@Args() { first, after }: PageArgs): Promise<Connection<AiSystemModel>> {
    const [rows, total] = await Promise.all([
      this.repository.page(after ? decodeCursor(after) : null, first + 1),
      this.repository.count(),
    ]);
    return toConnection(rows, first, total, (row) => row.slug, toSystemModel);
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
}
