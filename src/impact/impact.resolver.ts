import { Args, Query, Resolver } from '@nestjs/graphql';
import { Public } from '../common/auth/decorators.js';
import { PreviewImpactInput } from './dto/preview-impact.input.js';
import { ImpactService } from './impact.service.js';
import { ImpactModel } from './models/impact.model.js';

@Resolver(() => ImpactModel)
export class ImpactResolver {
  constructor(private readonly impacts: ImpactService) {}

  @Public()
  @Query(() => ImpactModel, {
    description:
      'What changes to a version would do to every system’s computed verdict, before anyone proposes them; nothing is stored',
  })
  previewImpact(@Args('input') input: PreviewImpactInput): Promise<ImpactModel> {
    return this.impacts.impact(input.definition, input.baseVersion, input.changes);
  }
}
