import {
  Check,
  Column,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { CriterionResult, Outcome } from '../criteria/engine/index.js';
import { DefinitionVersionEntity } from '../definitions/definition-version.entity.js';
import { StakeholderEntity } from '../stakeholders/stakeholder.entity.js';
import { AiSystemEntity } from '../systems/ai-system.entity.js';
import { FactRevisionEntity } from '../systems/fact-revision.entity.js';

export type VerdictSource = 'COMPUTED' | 'ASSESSED';

/**
 * A system judged against a version. COMPUTED verdicts are the engine's, one per
 * (version, fact revision); an ASSESSED verdict is what a stakeholder recorded
 * (e.g. OSI's validation outcome), one per (system, version), replaced when re-recorded.
 */
@Entity('verdicts')
@Index('verdicts_computed_unique', ['versionId', 'factRevisionId'], {
  unique: true,
  where: `"source" = 'COMPUTED'`,
})
@Index('verdicts_assessed_unique', ['versionId', 'systemId'], {
  unique: true,
  where: `"source" = 'ASSESSED'`,
})
@Index('verdicts_system', ['systemId'])
@Check('verdicts_outcome', `"outcome" IN ('PASS','FAIL','UNKNOWN')`)
@Check('verdicts_source', `"source" IN ('COMPUTED','ASSESSED')`)
@Check('verdicts_computed_has_revision', `"source" <> 'COMPUTED' OR "fact_revision_id" IS NOT NULL`)
export class VerdictEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  systemId: string;

  @ManyToOne(() => AiSystemEntity, { onDelete: 'RESTRICT' })
  system: Relation<AiSystemEntity>;

  @Column({ type: 'uuid' })
  versionId: string;

  @ManyToOne(() => DefinitionVersionEntity, { onDelete: 'RESTRICT' })
  version: Relation<DefinitionVersionEntity>;

  /** The facts the verdict used (always set for COMPUTED; the facts current when an assessment was recorded otherwise). */
  @Column({ type: 'uuid', nullable: true })
  factRevisionId: string | null;

  @ManyToOne(() => FactRevisionEntity, { onDelete: 'RESTRICT', nullable: true })
  factRevision: Relation<FactRevisionEntity> | null;

  @Column({ type: 'text' })
  source: VerdictSource;

  @Column({ type: 'text' })
  outcome: Outcome;

  @Column({ type: 'text', nullable: true })
  level: string | null;

  /** Per-criterion results with their one-line explanations. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  criteria: CriterionResult[];

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ type: 'uuid', nullable: true })
  recordedById: string | null;

  @ManyToOne(() => StakeholderEntity, { onDelete: 'RESTRICT', nullable: true })
  recordedBy: Relation<StakeholderEntity> | null;

  /** Who made an ASSESSED verdict when it is an organisation rather than an account (e.g. OSI). */
  @Column({ type: 'text', nullable: true })
  assessedBy: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}
