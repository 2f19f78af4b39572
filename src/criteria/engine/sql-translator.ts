/**
 * Criteria as SQL over a `jsonb` facts column, so that PostgreSQL can evaluate a rule for a
 * million systems where they are stored instead of shipping every system's facts to Node.
 *
 * The result has the engine's three values: TRUE (PASS), FALSE (FAIL) and NULL (UNKNOWN).
 * That is SQL's own logic: an absent fact reads as NULL, every operator on NULL gives NULL,
 * and AND / OR / NOT are Kleene's, which is what the engine does with CEL's commutative
 * `&&` / `||` (`false && <absent>` is false, `true || <absent>` is true). A criterion's
 * outcome is its rule's value, and a verdict's outcome (FAIL if any criterion fails, else
 * UNKNOWN if any is unknown, else PASS) is the AND of its criteria.
 *
 * Fail-closed: a rule is translated only when every construct in it has an exact SQL
 * counterpart; anything else (string ordering outside ASCII, where CEL compares UTF-16
 * code units and PostgreSQL code points; a list literal holding a fact, where SQL would
 * keep a NULL element that CEL reports as unknown; a licence function on anything but a
 * component's licence or a literal …) is refused with the reason, and the caller evaluates
 * that rule in memory. A translation is never a widening: the equivalence spec and e2e test
 * compare both paths on every operator the allow-list admits.
 *
 * Fact names are checked against the facts schema and written into the SQL only after
 * matching a plain identifier; every string value from a rule goes in as a parameter.
 */
import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { selectionSteps } from './ast.js';
import { schemaAt, type FieldType } from './facts-schema.js';
import { openDataLicense, osiApproved } from './licenses.js';

export type LicenseFunction = 'osiApproved' | 'openDataLicense';

/** What a translation writes into: the facts column, the query's parameters, licence lookups. */
export interface SqlScope {
  /** The `jsonb` facts expression, e.g. `fr.facts`. */
  readonly facts: string;
  /** Adds a parameter to the query and returns its placeholder (`$3`). */
  param(value: unknown): string;
  /**
   * A boolean SQL expression answering `fn` for the licence at `path` (a component's
   * `license`), NULL when that fact is absent; the caller joins the lookup table.
   */
  license(fn: LicenseFunction, path: readonly string[]): string;
}

export type SqlTranslation = { ok: true; sql: string } | { ok: false; reason: string };

type Kind = 'bool' | 'string' | 'number' | 'list' | 'map';

interface Value {
  sql: string;
  kind: Kind;
  /** Every string it can be is ASCII, where CEL's and PostgreSQL's orderings agree. */
  ascii?: boolean;
}

class Untranslatable extends Error {}

// Parsing needs no declared variables: a rule is type-checked before it is translated.
const parser = new Environment();
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;
const MAX_EXACT_INTEGER = 2n ** 53n;

/** Translates a rule that passed `CriteriaEngine.check`; refuses what it cannot map exactly. */
export function translateRule(rule: string, scope: SqlScope): SqlTranslation {
  let ast: ASTNode;
  try {
    ast = parser.parse(rule).ast;
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  // A dry run first, so that a refused rule leaves no parameters or joins in the scope;
  // translation is deterministic, so the real run then succeeds.
  try {
    translate(ast, DRY_RUN);
  } catch (error) {
    if (error instanceof Untranslatable) return { ok: false, reason: error.message };
    throw error;
  }
  return { ok: true, sql: translate(ast, scope) };
}

const DRY_RUN: SqlScope = { facts: 'facts', param: () => '$0', license: () => 'NULL' };

function translate(ast: ASTNode, scope: SqlScope): string {
  const value = new Translator(scope).node(ast);
  if (value.kind !== 'bool') throw new Untranslatable('a rule must be a bool');
  return value.sql;
}

class Translator {
  constructor(private readonly scope: SqlScope) {}

  node(node: ASTNode): Value {
    switch (node.op) {
      case 'value':
        return this.literal(node.args);
      case 'id':
      case '.':
      case '[]':
        return this.selection(node);
      case '!_':
        return bool(`(NOT ${this.expect(node.args, 'bool').sql})`);
      case '&&':
      case '||': {
        const [left, right] = node.args.map((child) => this.expect(child, 'bool').sql);
        return bool(`(${left} ${node.op === '&&' ? 'AND' : 'OR'} ${right})`);
      }
      case '?:':
        return this.conditional(node.args[0], node.args[1], node.args[2]);
      case '==':
      case '!=':
        return this.equality(node.op, node.args[0], node.args[1]);
      case '<':
      case '<=':
      case '>':
      case '>=':
        return this.ordering(node.op, node.args[0], node.args[1]);
      case 'in':
        return this.membership(node.args[0], node.args[1]);
      case 'list':
        return this.list(node.args);
      case 'call':
        return this.call(node.args[0], node.args[1]);
      case 'rcall':
        if (node.args[0] === 'size' && node.args[2].length === 0) return this.size(node.args[1]);
        throw new Untranslatable(`method '${node.args[0]}' has no SQL translation`);
      default:
        throw new Untranslatable(`'${node.op}' has no SQL translation`);
    }
  }

  private expect(node: ASTNode, kind: Kind): Value {
    const value = this.node(node);
    if (value.kind !== kind) throw new Untranslatable(`expected a ${kind}, got a ${value.kind}`);
    return value;
  }

  private literal(value: unknown): Value {
    if (typeof value === 'boolean') return bool(value ? 'TRUE' : 'FALSE');
    if (typeof value === 'string') {
      // PostgreSQL text cannot hold U+0000.
      if (value.includes('\0')) throw new Untranslatable('a string holding U+0000');
      return {
        sql: `${this.scope.param(value)}::text`,
        kind: 'string',
        ascii: isAscii(value),
      };
    }
    if (typeof value === 'number' && Number.isFinite(value)) return number(value);
    if (typeof value === 'bigint' && value <= MAX_EXACT_INTEGER && value >= -MAX_EXACT_INTEGER) {
      return number(Number(value));
    }
    throw new Untranslatable(`the literal ${String(value)} has no exact SQL counterpart`);
  }

  /** A fact: `components.trainingCode.license` → `fr.facts #>> '{components,trainingCode,license}'`. */
  private selection(node: ASTNode): Value {
    const path = factPath(node);
    const type = schemaAt(path);
    if (type === undefined) throw new Untranslatable(`no fact ${path.join('.')}`);
    const at = `${this.scope.facts} #> '{${path.join(',')}}'`;
    if (typeof type !== 'string') return { sql: `(${at})`, kind: 'map' };
    return FIELD_SQL[type](this.scope.facts, path, at);
  }

  private conditional(condition: ASTNode, then: ASTNode, otherwise: ASTNode): Value {
    const test = this.expect(condition, 'bool').sql;
    const [a, b] = [this.node(then), this.node(otherwise)];
    if (a.kind !== b.kind || a.kind === 'list' || a.kind === 'map') {
      throw new Untranslatable(`a conditional of a ${a.kind} and a ${b.kind}`);
    }
    // An unknown condition matches neither arm: the whole conditional is unknown, as in CEL.
    // The condition is written once, so nested conditionals do not grow the SQL exponentially.
    return {
      sql: `(CASE ${test} WHEN TRUE THEN ${a.sql} WHEN FALSE THEN ${b.sql} END)`,
      kind: a.kind,
      ascii: a.ascii === true && b.ascii === true,
    };
  }

  private equality(op: '==' | '!=', leftNode: ASTNode, rightNode: ASTNode): Value {
    const [left, right] = [this.node(leftNode), this.node(rightNode)];
    if (left.kind !== right.kind || left.kind === 'map') {
      throw new Untranslatable(`comparing a ${left.kind} with a ${right.kind}`);
    }
    // Lists compare as jsonb arrays: element by element, in order, as CEL does.
    return bool(`(${left.sql} ${op === '==' ? '=' : '<>'} ${right.sql})`);
  }

  private ordering(op: '<' | '<=' | '>' | '>=', leftNode: ASTNode, rightNode: ASTNode): Value {
    const [left, right] = [this.node(leftNode), this.node(rightNode)];
    if (left.kind !== right.kind) {
      throw new Untranslatable(`ordering a ${left.kind} against a ${right.kind}`);
    }
    if (left.kind === 'number' || left.kind === 'bool') {
      return bool(`(${left.sql} ${op} ${right.sql})`);
    }
    if (left.kind === 'string' && left.ascii && right.ascii) {
      return bool(`(${left.sql} COLLATE "C" ${op} ${right.sql})`);
    }
    throw new Untranslatable(`ordering of a ${left.kind} that may hold non-ASCII text`);
  }

  private membership(itemNode: ASTNode, containerNode: ASTNode): Value {
    const item = this.node(itemNode);
    if (containerNode.op === 'list') {
      const elements = constantList(containerNode.args);
      if (!elements.every((element) => kindOf(element) === item.kind)) {
        throw new Untranslatable(`'in' a list of other things than ${item.kind}s`);
      }
      const type = ARRAY_TYPE[item.kind];
      if (!type) throw new Untranslatable(`'in' for a ${item.kind}`);
      // `NULL = ANY('{}')` is false in SQL; an absent item is unknown in CEL, list or no list.
      if (elements.length === 0)
        return bool(`(CASE WHEN ${item.sql} IS NULL THEN NULL ELSE FALSE END)`);
      return bool(`(${item.sql} = ANY(${this.scope.param(elements)}::${type}))`);
    }
    const container = this.node(containerNode);
    if (container.kind !== 'list') throw new Untranslatable(`'in' a ${container.kind}`);
    // A fact list (the only ones are lists of strings): jsonb's `?` tests its string elements.
    if (item.kind !== 'string') throw new Untranslatable(`a ${item.kind} 'in' a list of strings`);
    return bool(`(${container.sql} ? ${item.sql})`);
  }

  private list(elements: readonly ASTNode[]): Value {
    const constant = constantList(elements);
    return { sql: `${this.scope.param(JSON.stringify(constant))}::jsonb`, kind: 'list' };
  }

  private call(name: string, args: readonly ASTNode[]): Value {
    if (name === 'has' && args.length === 1) return this.has(args[0]);
    if (name === 'size' && args.length === 1) return this.size(args[0]);
    if ((name === 'osiApproved' || name === 'openDataLicense') && args.length === 1) {
      return this.licenseFunction(name, args[0]);
    }
    throw new Untranslatable(`function '${name}' has no SQL translation`);
  }

  /** `has(a.b.c)`: unknown when `a.b` is absent, else whether it holds `c`. */
  private has(arg: ASTNode): Value {
    const path = factPath(arg);
    if (path.length < 2 || schemaAt(path) === undefined) {
      throw new Untranslatable('has() needs a field of a fact');
    }
    const parent = path.slice(0, -1);
    const key = path[path.length - 1];
    return bool(`((${this.scope.facts} #> '{${parent.join(',')}}') ? '${key}')`);
  }

  private size(arg: ASTNode): Value {
    if (arg.op === 'list') return number(constantList(arg.args).length);
    if (arg.op === 'value' && typeof arg.args === 'string') return number([...arg.args].length);
    const value = this.node(arg);
    if (value.kind === 'list')
      return { sql: `jsonb_array_length(${value.sql})::float8`, kind: 'number' };
    // char_length counts code points, as CEL's size() does (not UTF-16 code units).
    if (value.kind === 'string')
      return { sql: `char_length(${value.sql})::float8`, kind: 'number' };
    throw new Untranslatable(`size() of a ${value.kind}`);
  }

  private licenseFunction(name: LicenseFunction, arg: ASTNode): Value {
    if (arg.op === 'value' && typeof arg.args === 'string') {
      const answer = (name === 'osiApproved' ? osiApproved : openDataLicense)(arg.args);
      return bool(answer ? 'TRUE' : 'FALSE');
    }
    const path = selectionSteps(arg)?.map((step) => step.key) ?? [];
    if (path.length !== 3 || path[0] !== 'components' || path[2] !== 'license') {
      throw new Untranslatable(`${name}() of anything but a component's licence or a literal`);
    }
    factPath(arg); // the component's name must be a plain identifier too
    return bool(`(${this.scope.license(name, path)})`);
  }
}

/**
 * The values of a list literal's elements, which must all be literals: in SQL an absent
 * fact inside a list would be a NULL element, where CEL makes the whole list unknown.
 */
function constantList(elements: readonly ASTNode[]): unknown[] {
  return elements.map((element) => {
    const value = element.op === 'value' ? element.args : undefined;
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && !value.includes('\0')) return value;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'bigint' && value <= MAX_EXACT_INTEGER) return Number(value);
    throw new Untranslatable('a list literal may only hold literals');
  });
}

/** The fact a selection names, with every step a plain identifier; refuses anything else. */
function factPath(node: ASTNode): string[] {
  const steps = selectionSteps(node);
  if (!steps) throw new Untranslatable('not a fact');
  const path = steps.map((step) => step.key);
  if (!path.every((key) => IDENTIFIER.test(key))) throw new Untranslatable('not a fact name');
  return path;
}

const FIELD_SQL: Record<FieldType, (facts: string, path: string[], at: string) => Value> = {
  bool: (_facts, _path, at) => bool(`(${at})::boolean`),
  // Licences are validated SPDX expressions: ASCII only.
  string: (facts, path) => ({
    sql: `(${facts} #>> '{${path.join(',')}}')`,
    kind: 'string',
    ascii: path[0] === 'components' && path[2] === 'license',
  }),
  double: (_facts, _path, at) => ({ sql: `(${at})::float8`, kind: 'number' }),
  'list<string>': (_facts, _path, at) => ({ sql: `(${at})`, kind: 'list' }),
};

const ARRAY_TYPE: Partial<Record<Kind, string>> = {
  bool: 'boolean[]',
  string: 'text[]',
  number: 'float8[]',
};

function bool(sql: string): Value {
  return { sql, kind: 'bool' };
}

function number(value: number): Value {
  // String(value) of a finite number is digits, '.', 'e', '+' or '-': safe to inline.
  return { sql: `'${String(value)}'::float8`, kind: 'number' };
}

function kindOf(value: unknown): Kind | undefined {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  return undefined;
}

function isAscii(text: string): boolean {
  return /^[\x00-\x7f]*$/.test(text);
}
