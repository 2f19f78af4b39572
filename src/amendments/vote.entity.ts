import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity.js';
import { AmendmentEntity } from './amendment.entity.js';

export const VOTE_CHOICES = ['APPROVE', 'REJECT', 'ABSTAIN', 'RECUSE'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** One vote per stakeholder and amendment, pinned to the revision it was cast on. */
@Entity('votes')
@Index('votes_amendment_voter', ['amendmentId', 'voterId'], { unique: true })
@Check('votes_choice', `"choice" IN ('APPROVE','REJECT','ABSTAIN','RECUSE')`)
export class VoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  amendmentId: string;

  @ManyToOne(() => AmendmentEntity, { onDelete: 'RESTRICT' })
  amendment: Relation<AmendmentEntity>;

  @Column({ type: 'uuid' })
  voterId: string;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT' })
  voter: Relation<StakeholderEntity>;

  @Column({ type: 'text' })
  choice: VoteChoice;

  @Column({ type: 'text', default: '' })
  rationale: string;

  @Column({ type: 'integer' })
  amendmentRevision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  castAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
