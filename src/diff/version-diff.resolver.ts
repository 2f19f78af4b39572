import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/auth/decorators.js';
import { VersionDiffModel } from './models/version-diff.model.js';
import { VersionDiffService } from './version-diff.service.js';

@Resolver(() => VersionDiffModel)
export class VersionDiffResolver {
  constructor(private readonly diffs: VersionDiffService) {}

  @Public()
  @Query(() => VersionDiffModel, {
    description: 'What changed from one version to another, and whose verdict it flips',
  })
  versionDiff(
    @Args('definition') definition: string,
    @Args('from') from: string,
    @Args('to') to: string,
  ): Promise<VersionDiffModel> {
    return this.diffs.diff(definition, from, to);
  }
}
