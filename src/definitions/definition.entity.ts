import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** How a definition decides on amendments. */
export interface GovernancePolicy {
  /** Fraction of eligible voters that must cast a non-RECUSE vote; quorum is "more than" this. */
  quorum: number;
  /** Fraction of APPROVE among APPROVE+REJECT needed to pass ("at least" this). */
  approvalThreshold: number;
  commentPeriodDays: number;
  /** The role whose holders may vote. */
  voterRole: 'COMMITTEE' | 'STEWARD';
}

export const DEFAULT_POLICY: GovernancePolicy = {
  quorum: 0.5,
  approvalThreshold: 2 / 3,
  commentPeriodDays: 14,
  voterRole: 'COMMITTEE',
};

@Entity('definitions')
@Index('definitions_slug', ['slug'], { unique: true })
@Check('definitions_slug_format', `"slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`)
export class DefinitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  slug: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  stewardOrganization: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Tier labels for tiered definitions, from the entry tier to the top one (MOF: Class III, II, I). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  levels: string[];

  @Column({ type: 'jsonb' })
  policy: GovernancePolicy;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
