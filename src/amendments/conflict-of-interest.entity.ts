import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { DefinitionEntity } from '../definitions/definition.entity.js';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity.js';

/** A declared conflict of interest, e.g. employment by a developer whose system is judged. */
@Entity('conflicts_of_interest')
@Index('conflicts_of_interest_stakeholder', ['stakeholderId'])
export class ConflictOfInterestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  stakeholderId: string;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT' })
  stakeholder: Relation<StakeholderEntity>;

  /** The definition it concerns; null when it concerns every definition. */
  @Column({ type: 'uuid', nullable: true })
  definitionId: string | null;

  @ManyToOne(() => DefinitionEntity, { onDelete: 'RESTRICT', nullable: true })
  definition: Relation<DefinitionEntity> | null;

  @Column({ type: 'text' })
  description: string;

  @CreateDateColumn({ type: 'timestamptz' })
  declaredAt: Date;
}
