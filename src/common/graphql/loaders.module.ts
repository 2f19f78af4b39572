import { Module } from '@nestjs/common';
import { AmendmentsModule } from '../../amendments/amendments.module.js';
import { DefinitionsModule } from '../../definitions/definitions.module.js';
import { StakeholdersModule } from '../../stakeholders/stakeholders.module.js';
import { SystemsModule } from '../../systems/systems.module.js';
import { VerdictsModule } from '../../verdicts/verdicts.module.js';
import { LoadersFactory } from './loaders.js';

@Module({
  imports: [AmendmentsModule, DefinitionsModule, StakeholdersModule, SystemsModule, VerdictsModule],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class LoadersModule {}
