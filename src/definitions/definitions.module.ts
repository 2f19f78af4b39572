import { Module } from '@nestjs/common';
import { DefinitionLoaders } from './definition.loaders.js';
import { DefinitionsResolver, DefinitionVersionResolver } from './definitions.resolver.js';
import { DefinitionsService } from './definitions.service.js';

@Module({
  providers: [
    DefinitionsService,
    DefinitionsResolver,
    DefinitionVersionResolver,
    DefinitionLoaders,
  ],
  exports: [DefinitionsService, DefinitionLoaders],
})
export class DefinitionsModule {}
