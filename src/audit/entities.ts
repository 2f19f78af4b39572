import { AuditEventEntity } from './audit-event.entity.js';

/** The audit trail's table (see src/entities.ts). */
export const AUDIT_ENTITIES = [AuditEventEntity];
