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
import { DefinitionEntity } from './definition.entity.js';
import type { VersionStatus } from './version-status.js';

/**
 * One version of a definition. Once RATIFIED (or SUPERSEDED) its criteria are
 * frozen by a database trigger, not only by the service.
 */
@Entity('definition_versions')
@Index('definition_versions_definition_label', ['definitionId', 'label'], { unique: true })
@Check(
  'definition_versions_status',
  `"status" IN ('DRAFT','RELEASE_CANDIDATE','RATIFIED','SUPERSEDED')`,
)
@Check('definition_versions_label_format', `"label" ~ '^[0-9A-Za-z][0-9A-Za-z.\\-]{0,31}$'`)
export class DefinitionVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  definitionId: string;

  @ManyToOne(() => DefinitionEntity, { onDelete: 'RESTRICT' })
  definition: Relation<DefinitionEntity>;

  @Column({ type: 'text' })
  label: string;

  @Column({ type: 'text', default: 'DRAFT' })
  status: VersionStatus;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => DefinitionVersionEntity, { onDelete: 'RESTRICT', nullable: true })
  parent: Relation<DefinitionVersionEntity> | null;

  @Column({ type: 'text', default: '' })
  preamble: string;

  /** The day the version was published (for reference versions) or ratified. */
  @Column({ type: 'date', nullable: true })
  publishedAt: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  ratifiedAt: Date | null;

  /** The SPDX licence list the licence functions used when this version was ratified. */
  @Column({ type: 'text', nullable: true })
  licenseListVersion: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
