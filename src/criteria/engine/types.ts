/**
 * Public types of the criteria engine. The engine is pure TypeScript: nothing in
 * `src/criteria/engine` may import Nest, TypeORM or anything database-related.
 */

export type Outcome = 'PASS' | 'FAIL' | 'UNKNOWN';

/** A criterion as the engine sees it: a stable key and a CEL rule over the facts. */
export interface CriterionRule {
  key: string;
  rule: string;
  /** Tier label for tiered definitions (e.g. MOF "Class III"); null/undefined = applies to every tier. */
  level?: string | null;
}

export type RuleErrorKind = 'SYNTAX' | 'UNKNOWN_FIELD' | 'TYPE' | 'NOT_BOOLEAN' | 'DISALLOWED';

/** Why a rule was refused, pointing at the offending place (1-based line and column). */
export interface RuleError {
  kind: RuleErrorKind;
  message: string;
  line: number;
  column: number;
  /** 0-based character offset into the rule text. */
  offset: number;
}

export type RuleCheck = { ok: true } | { ok: false; error: RuleError };

export interface CriterionResult {
  key: string;
  outcome: Outcome;
  /** One line saying why, e.g. "components.trainingCode is absent" or "not met: components.trainingCode.complete". */
  explanation: string;
}

export interface Evaluation {
  /** FAIL if any criterion fails, else UNKNOWN if any is unknown, else PASS. */
  outcome: Outcome;
  /** Tiered definitions only: the highest level whose cumulative criteria all pass; null otherwise. */
  level: string | null;
  criteria: CriterionResult[];
}
