import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';

/**
 * Every state change, append-only. The database refuses UPDATE and DELETE, and a
 * trigger chains each event to the previous one by hash (see the migrations), so
 * an edit made behind Redline's back is detectable.
 */
@Entity('audit_events')
@Index('audit_events_entity', ['entityType', 'entityId', 'seq'])
export class AuditEventEntity {
  /** Assigned by the insert trigger, in chain order. */
  @PrimaryColumn({ type: 'bigint', default: 0 })
  seq: string;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  // Named, not imported: the accounts record their changes here, so audit sits below them.
  @ManyToOne('StakeholderEntity', { onDelete: 'RESTRICT', nullable: true })
  actor: Relation<object> | null;

  @Column({ type: 'text' })
  entityType: string;

  @Column({ type: 'uuid' })
  entityId: string;

  /** e.g. `amendment.proposed`, `version.ratified`, `role.granted`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  fromState: string | null;

  @Column({ type: 'text', nullable: true })
  toState: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'text', default: '' })
  prevHash: string;

  @Column({ type: 'text', default: '' })
  hash: string;
}
