import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module.js';
import { SystemsModule } from '../systems/systems.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { ReferenceSeeder } from './seeder.js';

/** The reference data, loaded through the features' services. */
@Module({
  imports: [DefinitionsModule, SystemsModule, VerdictsModule],
  providers: [ReferenceSeeder],
  exports: [ReferenceSeeder],
})
export class SeedModule {}
