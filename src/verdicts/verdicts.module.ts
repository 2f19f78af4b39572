import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module.js';
import { SystemsModule } from '../systems/systems.module.js';
import { VerdictChangeResolver } from './verdict-change.resolver.js';
import { VerdictLoaders } from './verdict.loaders.js';
import {
  SystemVerdictResolver,
  VerdictsResolver,
  VersionVerdictsResolver,
} from './verdicts.resolver.js';
import { VerdictsRepository } from './verdicts.repository.js';
import { VerdictsService } from './verdicts.service.js';

@Module({
  imports: [DefinitionsModule, SystemsModule],
  providers: [
    VerdictsService,
    VerdictsRepository,
    VerdictLoaders,
    VerdictsResolver,
    SystemVerdictResolver,
    VersionVerdictsResolver,
    VerdictChangeResolver,
  ],
  exports: [VerdictsService, VerdictLoaders],
})
export class VerdictsModule {}
