import { CriteriaEngine } from './criteria-engine.js';
import { translateRule, type SqlScope } from './sql-translator.js';

function scope(): SqlScope & { params: unknown[]; lookups: string[] } {
  const params: unknown[] = [];
  const lookups: string[] = [];
  return {
    facts: 'f',
    params,
    lookups,
    param: (value) => `$${params.push(value)}`,
    license: (fn, path) => `${fn}:${lookups.push(path.join('.'))}`,
  };
}

describe('translateRule', () => {
  const engine = new CriteriaEngine();

  it('puts every string from the rule in a parameter, never in the SQL', () => {
    const rule = `components.trainingCode.license == "x'; DROP TABLE ai_systems; --"`;
    expect(engine.check(rule)).toEqual({ ok: true });
    const into = scope();
    const translation = translateRule(rule, into);
    expect(translation).toEqual({ ok: true, sql: expect.not.stringContaining('DROP') as string });
    expect(into.params).toEqual(["x'; DROP TABLE ai_systems; --"]);
  });

  it('joins the licence table for a component licence and folds a literal one', () => {
    const into = scope();
    const translation = translateRule(
      'osiApproved(components.modelParameters.license) && osiApproved("MIT") && !openDataLicense("MIT")',
      into,
    );
    expect(translation).toEqual({
      ok: true,
      sql: '(((osiApproved:1) AND TRUE) AND (NOT FALSE))',
    });
    expect(into.lookups).toEqual(['components.modelParameters.license']);
  });

  it('writes a conditional’s condition once, so nesting grows the SQL linearly', () => {
    let rule = 'components.trainingCode.available';
    for (let i = 0; i < 12; i++) rule = `(${rule} ? dataInformation.describesAllData : false)`;
    expect(engine.check(rule)).toEqual({ ok: true });
    const translation = translateRule(rule, scope());
    expect(translation.ok).toBe(true);
    expect(translation.ok && translation.sql.length).toBeLessThan(rule.length * 10);
  });

  it('leaves the scope untouched when it refuses a rule', () => {
    const into = scope();
    const translation = translateRule(
      'osiApproved(components.modelParameters.license) && components.trainingCode.license < "é"',
      into,
    );
    expect(translation).toMatchObject({ ok: false, reason: expect.stringMatching(/non-ASCII/) });
    expect(into.params).toEqual([]);
    expect(into.lookups).toEqual([]);
  });
});
