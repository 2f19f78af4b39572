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
import { StakeholderEntity } from '../stakeholders/stakeholder.entity.js';
import { AmendmentEntity } from './amendment.entity.js';

/** A committee member's blocking objection; it blocks until resolved with a recorded reason. */
@Entity('concerns')
@Index('concerns_amendment', ['amendmentId'])
@Check(
  'concerns_resolution_complete',
  `("resolved_at" IS NULL) = ("resolution" IS NULL) AND ("resolved_at" IS NULL) = ("resolved_by_id" IS NULL)`,
)
export class ConcernEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  amendmentId: string;

  @ManyToOne(() => AmendmentEntity, { onDelete: 'RESTRICT' })
  amendment: Relation<AmendmentEntity>;

  @Column({ type: 'uuid' })
  raisedById: string;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT' })
  raisedBy: Relation<StakeholderEntity>;

  @Column({ type: 'text' })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  raisedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT', nullable: true })
  resolvedBy: Relation<StakeholderEntity> | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;
}
