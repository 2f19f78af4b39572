import { Module } from '@nestjs/common';
import { ChangeSetsModule } from '../change-sets/change-sets.module.js';
import { DefinitionsModule } from '../definitions/definitions.module.js';
import { EventsModule } from '../events/events.module.js';
import { ImpactModule } from '../impact/impact.module.js';
import { SystemsModule } from '../systems/systems.module.js';
import { VerdictsModule } from '../verdicts/verdicts.module.js';
import { AmendmentJournal } from './amendment-journal.js';
import { AmendmentLoaders } from './amendment.loaders.js';
import { AmendmentsResolver } from './amendments.resolver.js';
import { AmendmentsService } from './amendments.service.js';
import { AuditEntryResolver } from './audit-entry.resolver.js';
import { CommentsResolver, ConcernsResolver, VotesResolver } from './participation.resolver.js';
import { ParticipationService } from './participation.service.js';
import { RatificationResolver } from './ratification.resolver.js';
import { RatificationService } from './ratification.service.js';
import { VotingDeadlines } from './voting-deadlines.js';

@Module({
  imports: [
    DefinitionsModule,
    SystemsModule,
    VerdictsModule,
    EventsModule,
    ChangeSetsModule,
    ImpactModule,
  ],
  providers: [
    AmendmentsService,
    ParticipationService,
    RatificationService,
    AmendmentJournal,
    AmendmentLoaders,
    AmendmentsResolver,
    AuditEntryResolver,
    CommentsResolver,
    VotesResolver,
    ConcernsResolver,
    RatificationResolver,
    VotingDeadlines,
  ],
  exports: [AmendmentsService, AmendmentLoaders],
})
export class AmendmentsModule {}
