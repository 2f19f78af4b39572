import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module.js';
import { SystemsModule } from '../systems/systems.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { ChangeChecker } from '../amendments/change-checker.js';
import { CurrentFactsRepository } from './current-facts.repository.js';
import { ImpactResolver } from './impact.resolver.js';
import { ImpactService } from './impact.service.js';

/**
 * Amendment impact, and the checks that decide whether changes can apply at all
 * (shared with proposing and ratifying). The VerdictChange.system field it returns is
 * resolved by VerdictsModule.
 */
@Module({
  imports: [DefinitionsModule, SystemsModule, VerdictsModule],
  providers: [ImpactService, ImpactResolver, CurrentFactsRepository, ChangeChecker],
  exports: [ImpactService, ChangeChecker],
})
export class ImpactModule {}
