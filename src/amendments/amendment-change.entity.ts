import {
  Check,
  Column,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { AmendmentEntity } from './amendment.entity.js';
import type { ChangeKind } from '../change-sets/apply-changes.js';

/**
 * One change of one amendment revision. A revision adds a new set of rows rather
 * than rewriting the old ones, so every revision that was voted or commented on
 * can still be read.
 */
@Entity('amendment_changes')
@Index('amendment_changes_position', ['amendmentId', 'revision', 'position'], { unique: true })
@Index('amendment_changes_key', ['amendmentId', 'revision', 'key'], { unique: true })
@Check('amendment_changes_kind', `"kind" IN ('ADD','MODIFY','REMOVE')`)
@Check(
  'amendment_changes_add_complete',
  `"kind" <> 'ADD' OR ("title" IS NOT NULL AND "text" IS NOT NULL AND "rule" IS NOT NULL AND "component" IS NOT NULL)`,
)
export class AmendmentChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  amendmentId: string;

  @ManyToOne(() => AmendmentEntity, { onDelete: 'RESTRICT' })
  amendment: Relation<AmendmentEntity>;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  kind: ChangeKind;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Column({ type: 'text', nullable: true })
  rule: string | null;

  @Column({ type: 'text', nullable: true })
  component: string | null;

  @Column({ type: 'text', nullable: true })
  level: string | null;
}
