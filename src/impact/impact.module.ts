import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module.js';
import { SystemsModule } from '../systems/systems.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { ChangeSetsModule } from '../change-sets/change-sets.module.js';
import { CurrentFactsRepository } from './current-facts.repository.js';
import { ImpactResolver } from './impact.resolver.js';
import { ImpactService } from './impact.service.js';

/**
 * What changes to a version would do to every system's computed verdict. The
 * VerdictChange.system field it returns is resolved by VerdictsModule.
 */
@Module({
  imports: [DefinitionsModule, SystemsModule, VerdictsModule, ChangeSetsModule],
  providers: [ImpactService, ImpactResolver, CurrentFactsRepository],
  exports: [ImpactService],
})
export class ImpactModule {}
