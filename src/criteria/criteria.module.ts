import { Global, Module } from '@nestjs/common';
import { CriteriaEngine } from './engine/index.js';
import { LicenseTable } from './license-table.js';
import { RuleChecker } from './rule-checker.js';

/** One engine per process: it caches compiled rules. */
@Global()
@Module({
  providers: [
    { provide: CriteriaEngine, useValue: new CriteriaEngine() },
    RuleChecker,
    LicenseTable,
  ],
  exports: [CriteriaEngine, RuleChecker, LicenseTable],
})
export class CriteriaModule {}
