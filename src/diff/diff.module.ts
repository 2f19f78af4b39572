import { Module } from '@nestjs/common';
import { DefinitionsModule } from '../definitions/definitions.module.js';
import { SystemsModule } from '../systems/systems.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { VersionDiffResolver } from './version-diff.resolver.js';
import { VersionDiffService } from './version-diff.service.js';

@Module({
  imports: [DefinitionsModule, SystemsModule, VerdictsModule],
  providers: [VersionDiffService, VersionDiffResolver],
})
export class DiffModule {}
