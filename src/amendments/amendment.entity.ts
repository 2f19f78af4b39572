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
import { DefinitionVersionEntity } from '../definitions/definition-version.entity.js';
import { DefinitionEntity } from '../definitions/definition.entity.js';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity.js';

export const AMENDMENT_STATUSES = [
  'DRAFT',
  'OPEN',
  'VOTING',
  'ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
  'MERGED',
] as const;
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

/** A proposed change to a definition version, numbered per definition. */
@Entity('amendments')
@Index('amendments_definition_number', ['definitionId', 'number'], { unique: true })
@Index('amendments_definition_status', ['definitionId', 'status'])
@Check(
  'amendments_status',
  `"status" IN ('DRAFT','OPEN','VOTING','ACCEPTED','REJECTED','WITHDRAWN','MERGED')`,
)
@Check('amendments_number_positive', `"number" > 0`)
@Check('amendments_revision_positive', `"revision" > 0`)
@Check('amendments_merged_has_version', `("status" = 'MERGED') = ("merged_into_id" IS NOT NULL)`)
export class AmendmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  definitionId: string;

  @ManyToOne(() => DefinitionEntity, { onDelete: 'RESTRICT' })
  definition: Relation<DefinitionEntity>;

  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  rationale: string;

  @Column({ type: 'uuid' })
  proposerId: string;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT' })
  proposer: Relation<StakeholderEntity>;

  @Column({ type: 'uuid' })
  baseVersionId: string;

  @ManyToOne(() => DefinitionVersionEntity, { onDelete: 'RESTRICT' })
  baseVersion: Relation<DefinitionVersionEntity>;

  /** Bumped by every revision; votes are pinned to it. */
  @Column({ type: 'integer', default: 1 })
  revision: number;

  @Column({ type: 'text', default: 'DRAFT' })
  status: AmendmentStatus;

  @Column({ type: 'timestamptz', nullable: true })
  commentsCloseAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  votingCloseAt: Date | null;

  /** The version this amendment became part of. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => DefinitionVersionEntity, { onDelete: 'RESTRICT', nullable: true })
  mergedInto: Relation<DefinitionVersionEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
