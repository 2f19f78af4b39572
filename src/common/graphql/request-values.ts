import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import mercurius from 'mercurius';
import type { ErrorCode } from '../errors/app-error.js';

/**
 * Deepest nesting of lists and objects accepted in any input value. The deepest input
 * Redline reads is a system's facts, four levels (`components.x.license`); past this,
 * recursive code further in (validation, copying, the driver) would run out of stack
 * on a few kilobytes of brackets.
 */
export const MAX_VALUE_DEPTH = 32;

/**
 * Every value a request carries, in its variables or written inline in the document,
 * checked once before anything runs, so no resolver, loader or statement ever sees:
 * text that is not well-formed Unicode (a lone surrogate, which PostgreSQL would store
 * as U+FFFD while the answer echoed the original), U+0000 (which PostgreSQL text cannot
 * hold), a `__proto__` key (which a JSON literal would silently drop), or values nested
 * deeper than MAX_VALUE_DEPTH. Refused as BAD_USER_INPUT naming where.
 */
export function checkRequestValues(
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): void {
  for (const [name, value] of Object.entries(variables ?? {})) checkValue(value, `$${name}`);
  // A document's literals are the same each time Mercurius serves it from its cache.
  if (checkedDocuments.has(document)) return;
  visit(document, {
    Argument(node) {
      checkLiteral(node.value, node.name.value);
      return false;
    },
    // Variable defaults are values a client wrote too.
    VariableDefinition(node) {
      if (node.defaultValue) checkLiteral(node.defaultValue, `$${node.variable.name.value}`);
      return false;
    },
  });
  checkedDocuments.add(document);
}

const checkedDocuments = new WeakSet<DocumentNode>();

/** Walks a JSON value without recursion, so its depth cannot exhaust the stack here. */
function checkValue(root: unknown, name: string): void {
  const pending: Array<{ value: unknown; depth: number; path: string }> = [
    { value: root, depth: 0, path: name },
  ];
  while (pending.length > 0) {
    const { value, depth, path } = pending.pop()!;
    if (typeof value === 'string') {
      checkText(value, path);
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_VALUE_DEPTH) throw tooDeep(name);
      const entries = Array.isArray(value)
        ? value.map((item, index) => [String(index), item] as const)
        : Object.entries(value);
      for (const [key, item] of entries) {
        if (!Array.isArray(value)) checkKey(key, path);
        pending.push({ value: item, depth: depth + 1, path: `${path}.${key}` });
      }
    }
  }
}

function checkLiteral(root: ValueNode, name: string): void {
  const pending: Array<{ node: ValueNode; depth: number; path: string }> = [
    { node: root, depth: 0, path: name },
  ];
  while (pending.length > 0) {
    const { node, depth, path } = pending.pop()!;
    if (node.kind === Kind.STRING) {
      checkText(node.value, path);
    } else if (node.kind === Kind.LIST || node.kind === Kind.OBJECT) {
      if (depth >= MAX_VALUE_DEPTH) throw tooDeep(name);
      if (node.kind === Kind.LIST) {
        node.values.forEach((item, index) =>
          pending.push({ node: item, depth: depth + 1, path: `${path}.${index}` }),
        );
      } else {
        for (const field of node.fields) {
          checkKey(field.name.value, path);
          pending.push({
            node: field.value,
            depth: depth + 1,
            path: `${path}.${field.name.value}`,
          });
        }
      }
    }
  }
}

function checkText(text: string, path: string): void {
  if (!text.isWellFormed())
    throw refused(`${path} is not well-formed Unicode (it holds a lone surrogate)`, path);
  if (text.includes('\u0000')) throw refused(`${path} cannot contain U+0000 (NUL)`, path);
}

function checkKey(key: string, path: string): void {
  checkText(key, path);
  if (key === '__proto__') throw refused(`${path} cannot have a key named __proto__`, path);
}

const tooDeep = (name: string) =>
  refused(`${name} is nested more than ${MAX_VALUE_DEPTH} levels deep`, name);

/** HTTP 400, as for a variable of the wrong type: nothing ran. */
const refused = (message: string, path: string) =>
  new mercurius.ErrorWithProps(
    message,
    { code: 'BAD_USER_INPUT' satisfies ErrorCode, reason: 'INVALID_VALUE', at: path },
    400,
  );
