import {
  Check,
  Column,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DefinitionVersionEntity } from './definition-version.entity.js';

/** A criterion of one version; its `key` is what stays stable across versions. */
@Entity('criteria')
@Index('criteria_version_key', ['versionId', 'key'], { unique: true })
@Check('criteria_key_format', `"key" ~ '^[a-z0-9]+([.-][a-z0-9]+)*$'`)
export class CriterionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DefinitionVersionEntity, { onDelete: 'RESTRICT' })
  version: Relation<DefinitionVersionEntity>;

  @Column({ type: 'text' })
  key: string;

  /** The component it concerns: Data Information, Code, Parameters, Freedoms … */
  @Column({ type: 'text' })
  component: string;

  @Column({ type: 'text' })
  title: string;

  /** Normative text. */
  @Column({ type: 'text' })
  text: string;

  /** CEL expression over a system's facts; checked by the criteria engine before it is stored. */
  @Column({ type: 'text' })
  rule: string;

  @Column({ type: 'text', nullable: true })
  level: string | null;

  /** Display order within the version. */
  @Column({ type: 'integer' })
  position: number;
}
