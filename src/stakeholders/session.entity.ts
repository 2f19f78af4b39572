import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { StakeholderEntity } from './stakeholder.entity.js';

/** A signed-in session; a token names one, so signing out can revoke it. */
@Entity('sessions')
@Index('sessions_stakeholder', ['stakeholderId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  stakeholderId: string;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'CASCADE' })
  stakeholder: Relation<StakeholderEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
