/**
 * The safe subset of CEL that criteria may use, enforced over the AST before a rule is
 * type-checked or run. cel-js has no evaluation cost limit: nested comprehensions hang the
 * process or exhaust its memory, so anything a criterion does not need is refused here,
 * by listing what is allowed rather than what is not.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { nodeOffset } from './ast.js';

/** Functions a rule may call besides `has()` and `size()`; the engine supplies them. */
export const HOST_FUNCTIONS = ['osiApproved', 'openDataLicense'] as const;

const FUNCTIONS: ReadonlySet<string> = new Set(['has', 'size', ...HOST_FUNCTIONS]);
const COMPREHENSIONS: ReadonlySet<string> = new Set([
  'all',
  'exists',
  'exists_one',
  'map',
  'filter',
]);
const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '-_']);

export interface Disallowed {
  message: string;
  /** 0-based offset of the refused construct in the rule text. */
  offset: number;
}

/** The first construct outside the safe subset, in source order, or null if there is none. */
export function findDisallowed(node: ASTNode): Disallowed | null {
  switch (node.op) {
    case 'value':
      return checkLiteral(node);
    case 'id':
      return null;
    case '.':
      return findDisallowed(node.args[0]);
    case '[]': {
      const index = node.args[1];
      if (index.op !== 'value' || typeof index.args !== 'string') {
        return refuse(
          'indexing is only allowed by a string literal, e.g. components["datasets"]',
          index,
        );
      }
      return findDisallowed(node.args[0]);
    }
    case '!_':
      return findDisallowed(node.args);
    case '&&':
    case '||':
    case '?:':
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'in':
    case 'list':
      return firstDisallowed(node.args);
    case 'call':
      if (!FUNCTIONS.has(node.args[0])) {
        return refuse(
          `function '${node.args[0]}' is not allowed; use ${[...FUNCTIONS].join(', ')}`,
          node,
        );
      }
      return firstDisallowed(node.args[1]);
    case 'rcall':
      return checkMethodCall(node);
    default:
      if (ARITHMETIC.has(node.op)) return refuse('arithmetic is not allowed in criteria', node);
      if (node.op === 'map') return refuse('map literals are not allowed in criteria', node);
      return refuse(`'${node.op}' is not allowed in criteria`, node);
  }
}

function firstDisallowed(nodes: readonly ASTNode[]): Disallowed | null {
  for (const child of nodes) {
    const found = findDisallowed(child);
    if (found) return found;
  }
  return null;
}

function checkMethodCall(node: Extract<ASTNode, { op: 'rcall' }>): Disallowed | null {
  const [method, receiver, args] = node.args;
  if (method === 'size' && args.length === 0) return findDisallowed(receiver);
  if (COMPREHENSIONS.has(method)) {
    return refuse(`the '${method}' macro is not allowed: comprehensions have no cost limit`, node);
  }
  return refuse(`method '${method}' is not allowed in criteria`, node);
}

function checkLiteral(node: Extract<ASTNode, { op: 'value' }>): Disallowed | null {
  const value = node.args;
  // Facts never hold null (missing knowledge is an absent key), so a null literal can only
  // be a mistaken presence test.
  if (value === null) return refuse('null is never a fact value; test presence with has()', node);
  if (typeof value === 'object') return refuse('bytes and unsigned literals are not allowed', node);
  return null;
}

function refuse(message: string, node: ASTNode): Disallowed {
  return { message, offset: nodeOffset(node) };
}
