import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { EventsService } from '../events/events.service.js';
import type { AmendmentEntity } from './amendment.entity.js';

export interface JournalEntry {
  action: string;
  actorId: string | null;
  fromState?: string | null;
  toState?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Records what happened to an amendment: an audit event and a notification for
 * subscribers, both inside the caller's transaction, so neither exists unless the
 * change itself was committed.
 */
@Injectable()
export class AmendmentJournal {
  constructor(
    private readonly audit: AuditService,
    private readonly events: EventsService,
  ) {}

  async record(
    manager: EntityManager,
    definitionSlug: string,
    amendment: Pick<AmendmentEntity, 'id' | 'number'>,
    entry: JournalEntry,
  ): Promise<void> {
    await this.audit.record(manager, {
      actorId: entry.actorId,
      entityType: 'amendment',
      entityId: amendment.id,
      action: entry.action,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      data: entry.data ?? {},
    });
    await this.events.publish(manager, {
      definition: definitionSlug,
      number: amendment.number,
      amendmentId: amendment.id,
      action: entry.action,
      fromState: entry.fromState ?? null,
      toState: entry.toState ?? null,
      actorId: entry.actorId,
      at: new Date().toISOString(),
    });
  }
}
