import { generateFacts } from '../../testkit/generate-facts.js';
import { applyChanges, type Change, type CriterionDraft } from '../change-sets/apply-changes.js';
import { CriteriaEngine, type FactPaths, type Facts } from '../criteria/engine/index.js';
import { OSAID_1_0_STARTER } from '../criteria/engine/fixtures/osaid-1.0-starter.js';
import { verdictChanges } from '../verdicts/verdict-change.js';
import { projectFacts } from './fact-paths.js';
import { combine, evaluateImpact, type FactsSource } from './impact-evaluation.js';

const engine = new CriteriaEngine();
const osaid: CriterionDraft[] = Object.entries(OSAID_1_0_STARTER).map(([key, rule]) => ({
  key,
  rule,
  component: 'C',
  title: key,
  text: key,
  level: null,
}));
const systems = generateFacts(3000, 7).map((facts, i) => ({
  id: `id-${i}`,
  slug: `system-${String(3000 - i).padStart(4, '0')}`,
  facts,
}));

/** An in-memory source that, like the database one, groups facts and keys them by the paths asked for. */
function source(all: Array<{ id: string; slug: string; facts: Facts }>) {
  const calls: Array<{ grouped: FactPaths; members?: number; parts?: FactPaths[] }> = [];
  const keyOf = (facts: Facts, paths: FactPaths) => JSON.stringify(projectFacts(facts, paths));
  const memory: FactsSource = {
    groups: (paths) => {
      calls.push({ grouped: paths });
      const groups = new Map<string, { key: string; count: number; facts: Facts }>();
      for (const { facts } of all) {
        const key = keyOf(facts, paths);
        const group = groups.get(key) ?? { key, count: 0, facts: projectFacts(facts, paths) };
        group.count++;
        groups.set(key, group);
      }
      return Promise.resolve([...groups.values()]);
    },
    members: (groupPaths, keys, parts) => {
      const rows = all
        .map((s) => ({ ...s, group: keys.indexOf(keyOf(s.facts, groupPaths)) }))
        .filter((s) => s.group >= 0)
        .map((s) => ({ ...s, keys: parts.map((paths) => keyOf(s.facts, paths)) }));
      calls.push({ grouped: groupPaths, members: rows.length, parts });
      return Promise.resolve({ rows, facts: (_part, key) => JSON.parse(key) as Facts });
    },
  };
  return { memory, calls };
}

/** The obvious way: both full criteria sets over every system's whole facts. */
function naive(base: CriterionDraft[], amended: CriterionDraft[], levels: string[] = []) {
  const [before, after] = [base, amended].map((c) => engine.compile(c, { levels }));
  const was = new Map(systems.map((s) => [s.id, engine.evaluate(before, s.facts)]));
  const is = new Map(systems.map((s) => [s.id, engine.evaluate(after, s.facts)]));
  const ids = [...systems].sort((a, b) => a.slug.localeCompare(b.slug)).map((s) => s.id);
  return verdictChanges(ids, was, is, new Map());
}

async function narrowed(base: CriterionDraft[], amended: CriterionDraft[], levels: string[] = []) {
  const { memory, calls } = source(systems);
  const result = await evaluateImpact(engine, base, amended, levels, memory);
  return {
    result,
    calls,
    changes: verdictChanges(result.systemIds, result.before, result.after, new Map()),
  };
}

const amendments: Record<string, Change[]> = {
  'relaxes the parameters licence': [
    { kind: 'MODIFY', key: 'parameters.terms', rule: 'components.modelParameters.available' },
  ],
  'removes the training code and data criteria': [
    { kind: 'REMOVE', key: 'code.training' },
    { kind: 'REMOVE', key: 'data-information.description' },
    { kind: 'REMOVE', key: 'data-information.sources' },
  ],
  'adds a criterion and tightens another': [
    {
      kind: 'ADD',
      key: 'weights.card',
      component: 'Parameters',
      title: 'Model card',
      text: 'A model card is published',
      rule: 'components.modelCard.available',
    },
    {
      kind: 'MODIFY',
      key: 'freedoms.any-purpose',
      rule: '!has(terms.maxMonthlyActiveUsers) && !has(terms.nonCommercialOnly)',
    },
  ],
};

describe('evaluateImpact', () => {
  it.each(Object.entries(amendments))(
    'finds exactly the changes full evaluation finds when it %s',
    async (_name, changes) => {
      const amended = applyChanges(osaid, changes);
      const { changes: found } = await narrowed(osaid, amended);
      const expected = naive(osaid, amended);
      expect(expected.length).toBeGreaterThan(0);
      expect(found).toEqual(expected);
    },
  );

  it('groups everyone on the facts the changed rules read, and loads the rest for candidates', async () => {
    const amended = applyChanges(osaid, amendments['relaxes the parameters licence']);
    const { calls, result } = await narrowed(osaid, amended);
    expect(result.evaluated).toBe(systems.length);
    const parameters = new Map([['components', new Set(['modelParameters'])]]);
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual({ grouped: parameters });
    expect(calls[1].grouped).toEqual(parameters);
    expect(calls[1].members).toBeLessThan(systems.length / 2);
    // One part per shared criterion, none of which reads the parameters.
    expect(calls[1].parts).toHaveLength(osaid.length - 1);
    for (const part of calls[1].parts!)
      expect([...(part.get('components') ?? [])]).not.toContain('modelParameters');
  });

  it('works on tiered criteria, where a level change alone changes no outcome', async () => {
    const levels = ['Class III', 'Class II', 'Class I'];
    const tiered = osaid.map((c, i) => ({ ...c, level: levels[i % 3] }));
    const amended = applyChanges(tiered, [
      { kind: 'MODIFY', key: 'code.training', level: 'Class I' },
      { kind: 'MODIFY', key: 'code.inference', rule: 'components.inferenceCode.available' },
    ]);
    const { changes } = await narrowed(tiered, amended, levels);
    expect(changes).toEqual(naive(tiered, amended, levels));
    expect(changes.every((c) => c.decidedBy.join() === 'code.inference')).toBe(true);
  });

  it('loads no system when no rule changes', async () => {
    const amended = applyChanges(osaid, [{ kind: 'MODIFY', key: 'code.training', title: 'New' }]);
    const { calls, result } = await narrowed(osaid, amended);
    expect(calls).toEqual([{ grouped: new Map() }]);
    expect(result).toMatchObject({ evaluated: systems.length, systemIds: [] });
  });
});

describe('combine', () => {
  it('fails if either side fails, else is unknown if either is', () => {
    expect(combine('PASS', 'FAIL')).toBe('FAIL');
    expect(combine('UNKNOWN', 'FAIL')).toBe('FAIL');
    expect(combine('UNKNOWN', 'PASS')).toBe('UNKNOWN');
    expect(combine('PASS', 'PASS')).toBe('PASS');
  });
});
