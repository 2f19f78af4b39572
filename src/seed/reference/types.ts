/**
 * Types of Redline's reference data: definitions (OSAID, MOF), their versions and
 * criteria, and the AI systems with their facts and recorded (ASSESSED) verdicts.
 * Plain data, no Nest or database imports: the seeder maps these onto entities.
 */

// The facts schema is the criteria engine's (DESIGN.md, "Facts and criteria"): the same
// types, imported for type-checking only, so the reference data cannot drift from it.
import type { Facts } from '../../criteria/engine/index.js';

export type {
  ComponentFacts,
  ComponentName,
  DataInformationFacts,
  TermsFacts,
} from '../../criteria/engine/index.js';

/** What is known about a system. Unknown = key absent, never null. */
export type SystemFacts = Facts;

export type IsoDate = `${number}-${number}-${number}`;

export type VersionStatus = 'DRAFT' | 'RELEASE_CANDIDATE' | 'RATIFIED' | 'SUPERSEDED';

export interface ReferenceCriterion {
  /** Stable across versions: a version diff matches criteria by key. */
  key: string;
  /** Human-readable component, e.g. 'Code', 'Data Information', 'Parameters'. */
  component: string;
  title: string;
  /** Normative text in Redline's words (short, faithful to the version). */
  text: string;
  /** CEL over the facts schema, inside the engine's allowed subset. */
  rule: string;
  /** Tier for tiered definitions (MOF); absent = applies to every tier. */
  level?: string;
}

export interface ReferenceVersion {
  label: string;
  status: VersionStatus;
  parentLabel: string | null;
  publishedAt: IsoDate;
  preamble: string;
  criteria: ReferenceCriterion[];
}

export interface GovernancePolicy {
  /** Fraction of eligible voters that must take part; 0.5 means "more than half". */
  quorum: number;
  /** Fraction of counted (non-abstaining, non-recused) votes that must approve. */
  approvalThreshold: number;
  commentPeriodDays: number;
  voterRole: 'COMMITTEE';
}

export interface ReferenceDefinition {
  slug: string;
  name: string;
  stewardOrganization: string;
  description: string;
  /** Ordered entry tier → top tier; absent for pass/fail definitions. */
  levels?: string[];
  policy: GovernancePolicy;
  versions: ReferenceVersion[];
}

export interface ReferenceSystem {
  slug: string;
  name: string;
  developer: string;
  facts: SystemFacts;
  evidence: { label: string; url: string }[];
  assessed: {
    definition: string;
    version: string;
    outcome: 'PASS' | 'FAIL';
    assessedBy: string;
    assessedAt: IsoDate;
    notes: string;
  };
}
