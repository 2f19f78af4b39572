/**
 * The criteria engine: checks CEL rules against the facts schema when they are saved, and
 * evaluates compiled criteria against a system's facts.
 *
 * Two cel-js environments are kept: a typed one built from the facts schema, which refuses
 * typos and type mismatches with a position, and an untyped (`map`) one for evaluation,
 * about three times faster than the typed one. Rules are only evaluated after they checked.
 */
import {
  Environment,
  ParseError,
  TypeError as CelTypeError,
  type ASTNode,
  type ParseResult,
} from '@marcbachmann/cel-js';
import { childNodes, nodeOffset, positionAt, selectionSteps } from './ast.js';
import { findDisallowed } from './allow-list.js';
import { FACTS_SCHEMA, schemaAt, type Facts } from './facts-schema.js';
import { openDataLicense, osiApproved } from './licenses.js';
import { planRule, type Absent, type Conjunct } from './rule-plan.js';
import type {
  CriterionResult,
  CriterionRule,
  Evaluation,
  RuleCheck,
  RuleError,
  RuleErrorKind,
} from './types.js';

export interface CriteriaEngineOptions {
  /** How many distinct rule texts to keep checked; `check()` sees user input, so it is bounded. */
  cacheSize?: number;
}

export interface CompileOptions {
  /** Tier labels from entry tier to top tier, e.g. ['Class III', 'Class II', 'Class I']. */
  levels?: readonly string[];
}

export interface CompiledCriterion {
  readonly key: string;
  readonly rule: string;
  readonly level: string | null;
  /** Index of the level in the set's levels; -1 when the criterion applies to every tier. */
  readonly rank: number;
  readonly conjuncts: readonly Conjunct[];
}

export interface CompiledCriteria {
  readonly criteria: readonly CompiledCriterion[];
  readonly levels: readonly string[];
}

/** A criterion whose rule does not check; `error` says why and where. */
export class RuleCompileError extends Error {
  override readonly name = 'RuleCompileError';

  constructor(
    readonly key: string,
    readonly error: RuleError,
  ) {
    super(`criterion "${key}": ${error.kind} at ${error.line}:${error.column}: ${error.message}`);
  }
}

interface CheckedRule {
  readonly check: RuleCheck;
  readonly ast?: ASTNode;
  conjuncts?: readonly Conjunct[];
}

const MET = 'met';

export class CriteriaEngine {
  readonly #typed = withHostFunctions(new Environment());
  readonly #untyped = withHostFunctions(new Environment());
  readonly #checked = new Map<string, CheckedRule>();
  readonly #cacheSize: number;

  constructor(options: CriteriaEngineOptions = {}) {
    this.#cacheSize = options.cacheSize ?? 1000;
    for (const [name, schema] of Object.entries(FACTS_SCHEMA)) {
      this.#typed.registerVariable({ name, schema });
      this.#untyped.registerVariable(name, 'map');
    }
  }

  /** Parses, allow-lists and type-checks a rule; the first problem found is reported. */
  check(rule: string): RuleCheck {
    return this.#checkedRule(rule).check;
  }

  /** Checks and prepares criteria for evaluation; throws if any rule does not check. */
  compile(criteria: readonly CriterionRule[], options: CompileOptions = {}): CompiledCriteria {
    const levels = [...(options.levels ?? [])];
    if (new Set(levels).size !== levels.length) throw new Error('levels must be distinct');
    const keys = new Set<string>();
    const compiled = criteria.map(({ key, rule, level = null }): CompiledCriterion => {
      if (keys.has(key)) throw new Error(`duplicate criterion key "${key}"`);
      keys.add(key);
      const rank = level === null ? -1 : levels.indexOf(level);
      if (rank < 0 && level !== null) {
        throw new Error(
          `criterion "${key}" has level "${level}", which is not in the levels given`,
        );
      }
      const checked = this.#checkedRule(rule);
      if (!checked.check.ok) throw new RuleCompileError(key, checked.check.error);
      // A rule that checked always has its AST; its plan is built once and cached with it.
      checked.conjuncts ??= planRule(checked.ast!, this.#untyped);
      return { key, rule, level, rank, conjuncts: checked.conjuncts };
    });
    return { criteria: compiled, levels };
  }

  /** Evaluates every criterion against one system's facts (validated with `validateFacts`). */
  evaluate(compiled: CompiledCriteria, facts: Facts): Evaluation {
    const { criteria: compiledCriteria, levels } = compiled;
    const results = new Array<CriterionResult>(compiledCriteria.length);
    let anyFail = false;
    let anyUnknown = false;
    // The lowest rank among criteria that did not pass bounds the level reached.
    let lowestRankNotPassed = levels.length;
    for (let i = 0; i < compiledCriteria.length; i++) {
      const criterion = compiledCriteria[i];
      const result = evaluateCriterion(criterion, facts);
      results[i] = result;
      if (result.outcome === 'PASS') continue;
      if (result.outcome === 'FAIL') anyFail = true;
      else anyUnknown = true;
      if (criterion.rank < lowestRankNotPassed) lowestRankNotPassed = criterion.rank;
    }
    return {
      outcome: anyFail ? 'FAIL' : anyUnknown ? 'UNKNOWN' : 'PASS',
      level: lowestRankNotPassed > 0 ? levels[lowestRankNotPassed - 1] : null,
      criteria: results,
    };
  }

  evaluateAll(compiled: CompiledCriteria, factsList: readonly Facts[]): Evaluation[] {
    return factsList.map((facts) => this.evaluate(compiled, facts));
  }

  #checkedRule(rule: string): CheckedRule {
    let checked = this.#checked.get(rule);
    if (checked === undefined) {
      checked = this.#analyse(rule);
      // Map keeps insertion order, so the first key is the oldest entry.
      if (this.#checked.size >= this.#cacheSize) {
        this.#checked.delete(this.#checked.keys().next().value!);
      }
      this.#checked.set(rule, checked);
    }
    return checked;
  }

  #analyse(rule: string): CheckedRule {
    // Bidirectional controls reorder what a reader sees (a rule can read `a && !b` and
    // evaluate `a && b`): a rule must look as it evaluates, so none is allowed anywhere.
    const bidi = BIDI_CONTROL.exec(rule);
    if (bidi) {
      const code = bidi[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      return refused(
        rule,
        'DISALLOWED',
        `bidirectional control character U+${code} is not allowed in a rule`,
        bidi.index,
      );
    }
    let parsed: ParseResult;
    try {
      parsed = this.#typed.parse(rule);
    } catch (error) {
      const offset = error instanceof ParseError ? (error.range?.start ?? 0) : 0;
      return refused(rule, 'SYNTAX', messageOf(error), offset);
    }
    // Before type-checking: the checker must never see an expression it could spend
    // unbounded time on, and an unknown function is a DISALLOWED rather than a TYPE error.
    const ast = parsed.ast;
    const disallowed = findDisallowed(ast);
    if (disallowed) return refused(rule, 'DISALLOWED', disallowed.message, disallowed.offset);

    const typed = parsed.check();
    if (!typed.valid) {
      const error = typed.error;
      const unknown =
        error instanceof CelTypeError &&
        (error.code === 'no_such_key' || error.code === 'unknown_variable');
      return refused(
        rule,
        unknown ? 'UNKNOWN_FIELD' : 'TYPE',
        messageOf(error),
        typeErrorOffset(error),
      );
    }
    const unknownField = findUnknownPresenceTest(ast);
    if (unknownField) {
      const message = `No such key: ${unknownField.key}`;
      return refused(rule, 'UNKNOWN_FIELD', message, nodeOffset(unknownField.node));
    }
    if (typed.type !== 'bool') {
      return refused(
        rule,
        'NOT_BOOLEAN',
        `a rule must be a bool, this one is a ${typed.type}`,
        ast.start,
      );
    }
    return { check: { ok: true }, ast };
  }
}

function withHostFunctions(env: Environment): Environment {
  return env
    .registerFunction('osiApproved(string): bool', osiApproved, {
      description: 'True when the SPDX expression is OSI-approved (OR = any side, AND = all sides)',
    })
    .registerFunction('openDataLicense(string): bool', openDataLicense, {
      description: 'True when the SPDX expression is an open-data licence as MOF tools count them',
    });
}

function evaluateCriterion(criterion: CompiledCriterion, facts: Facts): CriterionResult {
  let absent: Absent | undefined;
  for (const conjunct of criterion.conjuncts) {
    const truth = conjunct.test(facts);
    // A false operand decides the chain even when another is unknown (CEL's commutative &&).
    if (truth === false) {
      return { key: criterion.key, outcome: 'FAIL', explanation: conjunct.notMet };
    }
    if (truth !== true) absent ??= truth;
  }
  return absent
    ? { key: criterion.key, outcome: 'UNKNOWN', explanation: absent.explanation }
    : { key: criterion.key, outcome: 'PASS', explanation: MET };
}

/**
 * cel-js's typed checker accepts `has()` on any field name (`has(terms.maxMonthlyActiveUser)`
 * checks), which would make a typo silently true or false; so presence tests are resolved
 * against the facts schema here.
 */
function findUnknownPresenceTest(node: ASTNode): { key: string; node: ASTNode } | null {
  if (node.op === 'call' && node.args[0] === 'has') {
    const steps = selectionSteps(node.args[1][0]);
    const unknown = steps?.find(
      (_, i) => schemaAt(steps.slice(0, i + 1).map((step) => step.key)) === undefined,
    );
    if (unknown) return unknown;
  }
  for (const child of childNodes(node)) {
    const found = findUnknownPresenceTest(child);
    if (found) return found;
  }
  return null;
}

function typeErrorOffset(error: unknown): number {
  if (!(error instanceof CelTypeError) || !error.node) return 0;
  const node = error.node;
  // A call with one argument fails on that argument's type: point at the argument.
  if (node.op === 'call' && node.args[1].length === 1) return node.args[1][0].start;
  return nodeOffset(node);
}

function messageOf(error: unknown): string {
  // `summary` is the message without cel-js's multi-line source highlight.
  if (error instanceof ParseError || error instanceof CelTypeError) return error.summary;
  return error instanceof Error ? error.message : String(error);
}

/** LRM, RLM, ALM, the embeddings and overrides (U+202A–202E) and the isolates (U+2066–2069). */
const BIDI_CONTROL = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

function refused(rule: string, kind: RuleErrorKind, message: string, offset: number): CheckedRule {
  return { check: { ok: false, error: { kind, message, ...positionAt(rule, offset) } } };
}
