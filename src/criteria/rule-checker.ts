import { Injectable } from '@nestjs/common';
import { badInput } from '../common/errors/app-error.js';
import { CriteriaEngine } from './engine/index.js';

/** Refuses a rule the engine does not accept, with the position of the problem in `extensions`. */
@Injectable()
export class RuleChecker {
  constructor(private readonly engine: CriteriaEngine) {}

  assertValid(rule: string, where: Record<string, unknown> = {}): void {
    const result = this.engine.check(rule);
    if (result.ok) return;
    const { kind, message, line, column, offset } = result.error;
    const prefix = Object.entries(where)
      .map(([name, value]) => `${name} ${String(value)}`)
      .join(', ');
    throw badInput(
      'RULE_REFUSED',
      `${prefix ? `${prefix}: ` : ''}rule refused at line ${line}, column ${column}: ${message}`,
      {
        ...where,
        field: 'rule',
        ruleError: kind,
        line,
        column,
        offset,
      },
    );
  }
}
