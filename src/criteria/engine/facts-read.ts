/**
 * Which facts a set of rules reads, two levels deep (`components.modelParameters`,
 * `terms.maxMonthlyActiveUsers`): impact loads only those from the database, since shipping
 * and parsing every system's whole facts is what dominates an impact run.
 */
import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { childNodes, selectionSteps } from './ast.js';

/**
 * Per top-level fact, the keys under it that are read; `null` when the whole object is
 * read (a bare variable, e.g. `size(terms)`). A fact that is not listed is not read.
 */
export type FactPaths = Map<string, Set<string> | null>;

// Parsing needs no declared variables; the rules were type-checked when they were saved.
const parser = new Environment();

/** The facts the given rules read. Throws on a rule that does not parse. */
export function factPaths(rules: Iterable<string>): FactPaths {
  const paths: FactPaths = new Map();
  for (const rule of new Set(rules)) collect(parser.parse(rule).ast, paths);
  return paths;
}

function collect(node: ASTNode, paths: FactPaths): void {
  const steps =
    node.op === 'id' || node.op === '.' || node.op === '[]' ? selectionSteps(node) : null;
  if (steps) {
    const [top, key] = steps.map((step) => step.key);
    const keys = paths.get(top);
    if (key === undefined) paths.set(top, null);
    else if (keys === undefined) paths.set(top, new Set([key]));
    else keys?.add(key); // already the whole object when null
    return;
  }
  for (const child of childNodes(node)) collect(child, paths);
}
