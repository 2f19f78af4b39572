import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CommentEntity } from './comment.entity.js';

/** The body a comment had before an edit. */
@Entity('comment_edits')
@Index('comment_edits_comment', ['commentId', 'editedAt'])
export class CommentEditEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  commentId: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'RESTRICT' })
  comment: Relation<CommentEntity>;

  @Column({ type: 'text' })
  previousBody: string;

  @CreateDateColumn({ type: 'timestamptz' })
  editedAt: Date;
}
