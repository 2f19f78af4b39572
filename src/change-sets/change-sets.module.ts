import { Module } from '@nestjs/common';
import { CriteriaModule } from '../criteria/criteria.module.js';
import { DefinitionsModule } from '../definitions/definitions.module.js';
import { ChangeChecker } from './change-checker.js';

/**
 * Change sets: ADD, MODIFY and REMOVE of criteria by key, applied to a version's criteria,
 * and the checks that decide whether they can apply at all. Below both the amendments
 * (which propose and ratify them) and impact (which previews them).
 */
@Module({
  imports: [CriteriaModule, DefinitionsModule],
  providers: [ChangeChecker],
  exports: [ChangeChecker],
})
export class ChangeSetsModule {}
