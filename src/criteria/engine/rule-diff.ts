/**
 * A readable structural diff of two CEL rules. Criteria are mostly `&&` chains, so an
 * amendment that adds or drops one requirement shows as one `+` or `-` line, whatever the
 * rule's line breaks or spacing; each operand is printed back with cel-js's serialize.
 */
import { parse, serialize, type ASTNode } from '@marcbachmann/cel-js';
import { diffArrays } from 'diff';
import { operands } from './rule-plan.js';

/**
 * Lines prefixed `- ` (removed), `+ ` (added) or `  ` (unchanged). Two rules that are
 * chains of the same operator (`&&` or `||`) are compared operand by operand, where a rule
 * that is not a chain counts as a chain of one; otherwise the whole rules are compared.
 */
export function diffRules(before: string, after: string): string {
  const beforeAst = tryParse(before);
  const afterAst = tryParse(after);
  if (!beforeAst || !afterAst) return wholeRuleDiff(before.trim(), after.trim());

  const op = chainOperator(beforeAst, afterAst);
  if (!op) return wholeRuleDiff(serialize(beforeAst), serialize(afterAst));

  const changes = diffArrays(
    operands(beforeAst, op).map((node) => serialize(node)),
    operands(afterAst, op).map((node) => serialize(node)),
  );
  return changes
    .flatMap((change) => {
      const prefix = change.added ? '+ ' : change.removed ? '- ' : '  ';
      return change.value.map((operand) => prefix + operand);
    })
    .join('\n');
}

/** The logical operator both rules can be split on, or null if they are chains of different ones. */
function chainOperator(before: ASTNode, after: ASTNode): '&&' | '||' | null {
  const ops = [before.op, after.op].filter((op) => op === '&&' || op === '||');
  if (ops.some((op) => op !== ops[0])) return null;
  // When neither rule is a chain, splitting yields each rule as its single operand.
  return ops[0] ?? '&&';
}

function wholeRuleDiff(before: string, after: string): string {
  return before === after ? `  ${before}` : `- ${before}\n+ ${after}`;
}

function tryParse(rule: string): ASTNode | null {
  try {
    return parse(rule).ast;
  } catch {
    return null;
  }
}
