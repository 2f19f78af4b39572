import { Global, Module } from '@nestjs/common';
import { LoadersRegistry } from './loaders.js';

/** The registry every feature's loaders register with (see loaders.ts). */
@Global()
@Module({ providers: [LoadersRegistry], exports: [LoadersRegistry] })
export class LoadersModule {}
