import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { Facts } from '../criteria/engine/index.js';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity.js';
import { AiSystemEntity } from './ai-system.entity.js';

export interface Evidence {
  label: string;
  url: string;
}

/** What was known about a system at one point; never updated, a new revision is added instead. */
@Entity('fact_revisions')
@Index('fact_revisions_system_revision', ['systemId', 'revision'], { unique: true })
@Check('fact_revisions_revision_positive', `"revision" > 0`)
@Check('fact_revisions_facts_object', `jsonb_typeof("facts") = 'object'`)
export class FactRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  systemId: string;

  @ManyToOne(() => AiSystemEntity, { onDelete: 'RESTRICT' })
  system: Relation<AiSystemEntity>;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'jsonb' })
  facts: Facts;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  evidence: Evidence[];

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT', nullable: true })
  recordedBy: Relation<StakeholderEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
