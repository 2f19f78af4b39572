/**
 * Small helpers over cel-js's AST: child nodes, field selections, and where in the rule
 * text a node should be reported. cel-js records a node's range, but binary operators only
 * as the range of the whole expression, so the operator itself is found in the text.
 */
import type { ASTNode } from '@marcbachmann/cel-js';

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like the offset. */
  column: number;
  /** 0-based character offset. */
  offset: number;
}

export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset };
}

export function childNodes(node: ASTNode): readonly ASTNode[] {
  switch (node.op) {
    case 'value':
    case 'id':
      return [];
    case '.':
    case '.?':
      return [node.args[0]];
    case '!_':
    case '-_':
      return [node.args];
    case 'call':
      return node.args[1];
    case 'rcall':
      return [node.args[1], ...node.args[2]];
    case 'map':
      return node.args.flat();
    default:
      return node.args;
  }
}

/** One step of a field selection, with the node that names it. */
export interface SelectionStep {
  key: string;
  node: ASTNode;
}

/**
 * `components.trainingCode["license"]` → steps components, trainingCode, license; null when
 * the node is not a selection rooted at a variable (or indexes by anything but a string literal).
 */
export function selectionSteps(node: ASTNode): SelectionStep[] | null {
  const steps: SelectionStep[] = [];
  for (let current = node; ;) {
    if (current.op === 'id') {
      steps.push({ key: current.args, node: current });
      return steps.reverse();
    }
    if (current.op === '.') {
      steps.push({ key: current.args[1], node: current });
      current = current.args[0];
    } else if (current.op === '[]' && current.args[1].op === 'value') {
      const key = current.args[1].args;
      if (typeof key !== 'string') return null;
      steps.push({ key, node: current });
      current = current.args[0];
    } else {
      return null;
    }
  }
}

/** The offset to report for a node: the token that names what the node does. */
export function nodeOffset(node: ASTNode): number {
  switch (node.op) {
    case '.':
      return node.pos; // the field name
    case '[]':
      return node.args[1].start; // the index
    case 'rcall':
      return findToken(node.input, node.args[0], node.args[1].end, node.end) ?? node.start;
    case '&&':
    case '||':
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'in':
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return findToken(node.input, node.op, node.args[0].end, node.args[1].start) ?? node.start;
    default:
      return node.start;
  }
}

/** Finds `token` between two offsets, skipping `//` comments, where only punctuation can be. */
function findToken(text: string, token: string, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) {
    if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      if (end < 0) return undefined;
      i = end;
    } else if (text.startsWith(token, i)) {
      return i;
    }
  }
  return undefined;
}

/**
 * A node as CEL text that parses back to the same tree: every operator application in
 * parentheses, literals written in a form CEL reads back exactly.
 */
export function toSource(node: ASTNode): string {
  switch (node.op) {
    case 'value':
      return literalSource(node.args);
    case 'id':
      return node.args;
    case '.':
      return `${toSource(node.args[0])}.${node.args[1]}`;
    case '[]':
      return `${toSource(node.args[0])}[${toSource(node.args[1])}]`;
    case '!_':
      return `!(${toSource(node.args)})`;
    case '-_':
      return `-(${toSource(node.args)})`;
    case '?:':
      return `(${toSource(node.args[0])} ? ${toSource(node.args[1])} : ${toSource(node.args[2])})`;
    case 'list':
      return `[${node.args.map(toSource).join(', ')}]`;
    case 'call':
      return `${node.args[0]}(${node.args[1].map(toSource).join(', ')})`;
    case 'rcall':
      return `${toSource(node.args[1])}.${node.args[0]}(${node.args[2].map(toSource).join(', ')})`;
    case '.?':
    case 'map':
      throw new Error(`cannot write '${node.op}' back as CEL`);
    default:
      return `(${toSource(node.args[0])} ${node.op} ${toSource(node.args[1])})`;
  }
}

function literalSource(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value); // CEL reads JSON's escapes
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') {
    const text = String(value);
    // A double literal needs a fraction or an exponent, or CEL reads it as an int.
    return /[.e]/.test(text) ? text : `${text}.0`;
  }
  if (typeof value === 'boolean' || value === null) return String(value);
  throw new Error(`cannot write a ${typeof value} literal back as CEL`);
}
