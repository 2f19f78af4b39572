import { Injectable } from '@nestjs/common';
import { AmendmentLoaders } from '../../amendments/amendment.loaders.js';
import { DefinitionLoaders } from '../../definitions/definition.loaders.js';
import { StakeholderLoaders } from '../../stakeholders/stakeholder.loaders.js';
import { SystemLoaders } from '../../systems/system.loaders.js';
import { VerdictLoaders } from '../../verdicts/verdict.loaders.js';

/** Every per-request DataLoader, grouped by feature. A new set is made for each request. */
export interface Loaders {
  amendments: ReturnType<AmendmentLoaders['create']>;
  definitions: ReturnType<DefinitionLoaders['create']>;
  stakeholders: ReturnType<StakeholderLoaders['create']>;
  systems: ReturnType<SystemLoaders['create']>;
  verdicts: ReturnType<VerdictLoaders['create']>;
}

@Injectable()
export class LoadersFactory {
  constructor(
    private readonly amendments: AmendmentLoaders,
    private readonly definitions: DefinitionLoaders,
    private readonly stakeholders: StakeholderLoaders,
    private readonly systems: SystemLoaders,
    private readonly verdicts: VerdictLoaders,
  ) {}

  create(): Loaders {
    return {
      amendments: this.amendments.create(),
      definitions: this.definitions.create(),
      stakeholders: this.stakeholders.create(),
      systems: this.systems.create(),
      verdicts: this.verdicts.create(),
    };
  }
}
