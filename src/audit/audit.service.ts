import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity.js';

export interface AuditRecord {
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends audit events. Always called with the transaction's manager, so an event
 * exists exactly when the change it describes was committed. Sequence numbers and
 * the hash chain are set by a database trigger.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, event: AuditRecord): Promise<void> {
    await manager.save(
      manager.create(AuditEventEntity, {
        actorId: event.actorId,
        entityType: event.entityType,
        entityId: event.entityId,
        action: event.action,
        fromState: event.fromState ?? null,
        toState: event.toState ?? null,
        data: event.data ?? {},
      }),
    );
  }
}
