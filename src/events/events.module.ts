import { Global, Module } from '@nestjs/common';
import { EventsResolver } from './events.resolver.js';
import { EventsService } from './events.service.js';

/** Global like the audit trail: every service that changes an amendment publishes. */
@Global()
@Module({ providers: [EventsService, EventsResolver], exports: [EventsService] })
export class EventsModule {}
