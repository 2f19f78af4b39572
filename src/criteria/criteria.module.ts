import { Global, Module } from '@nestjs/common';
import { CriteriaEngine } from './engine/index.js';
import { RuleChecker } from './rule-checker.js';

/** One engine per process: it caches compiled rules. */
@Global()
@Module({
  providers: [{ provide: CriteriaEngine, useValue: new CriteriaEngine() }, RuleChecker],
  exports: [CriteriaEngine, RuleChecker],
})
export class CriteriaModule {}
