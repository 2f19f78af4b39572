import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../common/config/config.module.js';
import type { AppConfig } from '../common/config/config.js';
import { PrincipalService } from './principal.service.js';
import { AccountThrottle } from './account-throttle.js';
import { StakeholderLoaders } from './stakeholder.loaders.js';
import { StakeholdersResolver } from './stakeholders.resolver.js';
import { StakeholdersService } from './stakeholders.service.js';
import { TokenService } from './token.service.js';

@Module({
  providers: [
    StakeholdersService,
    StakeholdersResolver,
    TokenService,
    PrincipalService,
    StakeholderLoaders,
    AccountThrottle,
  ],
  exports: [PrincipalService, StakeholderLoaders, StakeholdersService],
})
export class StakeholdersModule implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly stakeholders: StakeholdersService,
  ) {}

  /** The steward named by STEWARD_EMAIL/STEWARD_PASSWORD exists before the first request. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.steward) {
      await this.stakeholders.ensureSteward(
        this.config.steward.email,
        this.config.steward.password,
      );
    }
  }
}
