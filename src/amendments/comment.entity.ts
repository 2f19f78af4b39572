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

export const STANCES = ['SUPPORT', 'OPPOSE', 'NEUTRAL', 'QUESTION'] as const;
export type Stance = (typeof STANCES)[number];

/** A stakeholder's comment; moderation hides it with a reason, nothing is ever deleted. */
@Entity('comments')
@Index('comments_amendment', ['amendmentId', 'createdAt'])
@Check('comments_stance', `"stance" IN ('SUPPORT','OPPOSE','NEUTRAL','QUESTION')`)
@Check('comments_hidden_reason', `("hidden_at" IS NULL) = ("hidden_reason" IS NULL)`)
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  amendmentId: string;

  @ManyToOne(() => AmendmentEntity, { onDelete: 'RESTRICT' })
  amendment: Relation<AmendmentEntity>;

  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT' })
  author: Relation<StakeholderEntity>;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'RESTRICT', nullable: true })
  parent: Relation<CommentEntity> | null;

  /** Markdown. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'NEUTRAL' })
  stance: Stance;

  /** Anchor: the criterion key and the quoted text the comment is about. */
  @Column({ type: 'text', nullable: true })
  criterionKey: string | null;

  @Column({ type: 'text', nullable: true })
  quote: string | null;

  /** The amendment revision the comment was written against. */
  @Column({ type: 'integer' })
  amendmentRevision: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'text', nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  hiddenById: string | null;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT', nullable: true })
  hiddenBy: Relation<StakeholderEntity> | null;
}
