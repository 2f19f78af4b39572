import { Module } from '@nestjs/common';
import { SystemLoaders } from './system.loaders.js';
import { SystemsRepository } from './systems.repository.js';
import { SystemsResolver } from './systems.resolver.js';
import { SystemsService } from './systems.service.js';

@Module({
  providers: [SystemsService, SystemsRepository, SystemsResolver, SystemLoaders],
  exports: [SystemsService, SystemsRepository, SystemLoaders],
})
export class SystemsModule {}
