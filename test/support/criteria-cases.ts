/**
 * Seeded inputs for comparing the SQL translation of criteria with the in-memory engine:
 * facts with absent keys at every level and edge licences, and rules that use every
 * construct the allow-list admits, nested. Deterministic, so a failure can be replayed.
 */
import {
  COMPONENT_NAMES,
  CriteriaEngine,
  validateFacts,
  type ComponentFacts,
  type Facts,
} from '../../src/criteria/engine/index.js';
import { seededRandom } from '../../testkit/seeded-random.js';

/** Licences that stress the functions: exceptions, `+`, compounds, custom and open-data ids. */
export const EDGE_LICENSES = [
  'MIT',
  'Apache-2.0',
  'GPL-2.0+',
  'GPL-2.0-only WITH Classpath-exception-2.0',
  'MIT OR LicenseRef-Proprietary',
  'Apache-2.0 AND LicenseRef-Acceptable-Use',
  '(MIT OR Apache-2.0) AND BSD-3-Clause',
  'CC-BY-4.0',
  'CC-BY-NC-4.0',
  'CC0-1.0 OR MIT',
  'ODbL-1.0',
  'OpenMDW-1.0',
  'LicenseRef-OpenMDW-1.0',
  'LicenseRef-Llama-2-Community',
  'LicenseRef-a.b-c',
];

/** Strings beyond ASCII and with quotes, where SQL quoting and CEL ordering could slip. */
const EDGE_STRINGS = [
  'no use to improve other LLMs',
  'military',
  'é',
  '😀',
  '\uE000',
  "it's",
  'say "no"',
  'a\\b',
  '',
];

const NUMBERS = [0, 0.5, 1000, 1_000_000, 700_000_000, 1e21];
const FLAGS = ['available', 'complete'] as const;
const DATA_KEYS = [
  'describesAllData',
  'publicDataListed',
  'thirdPartyDataListed',
  'unshareableDataDescribed',
] as const;

/** Mostly components the reference criteria read, so that rules and facts meet often. */
const FOCUS = [
  'modelParameters',
  'trainingCode',
  'inferenceCode',
  'datasets',
  'modelCard',
  'dataPreprocessingCode',
] as const;

export function generateEdgeFacts(count: number, seed: number): Facts[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const component = (): ComponentFacts => {
    const facts: ComponentFacts = { available: chance(0.7) };
    if (chance(0.75)) facts.license = pick(EDGE_LICENSES);
    if (chance(0.5)) facts.complete = chance(0.5);
    return facts;
  };
  return Array.from({ length: count }, () => {
    const facts: Facts = {};
    if (chance(0.93)) {
      facts.components = {};
      for (const name of COMPONENT_NAMES) {
        const p = (FOCUS as readonly string[]).includes(name) ? 0.75 : 0.2;
        if (chance(p)) facts.components[name] = component();
      }
    }
    if (chance(0.8)) {
      facts.dataInformation = {};
      for (const key of DATA_KEYS) if (chance(0.7)) facts.dataInformation[key] = chance(0.6);
    }
    if (chance(0.85)) {
      facts.terms = {};
      if (chance(0.3)) facts.terms.maxMonthlyActiveUsers = pick(NUMBERS);
      if (chance(0.2)) facts.terms.maxAnnualRevenueUsd = pick(NUMBERS);
      if (chance(0.3)) {
        facts.terms.fieldOfUseRestrictions = Array.from(
          { length: 1 + Math.floor(random() * 2) },
          () => pick(EDGE_STRINGS),
        );
      }
      if (chance(0.15)) facts.terms.nonCommercialOnly = true;
    }
    return validateFacts(facts);
  });
}

/**
 * `count` distinct rules that check, built from every construct criteria may use: && || !
 * ?: == != < <= > >= in, list literals, has(), size() as a function and a method, both
 * licence functions on facts and on literals, `.` and `["…"]` field access, bool, string,
 * double and int literals.
 */
export function generateRules(count: number, seed: number, engine: CriteriaEngine): string[] {
  const random = seededRandom(seed);
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const component = () => pick(random() < 0.8 ? FOCUS : COMPONENT_NAMES);
  const select = (name: string) => (chance(0.15) ? `components["${name}"]` : `components.${name}`);
  const str = (value: string) => JSON.stringify(value);
  const licenseLiteral = () => str(pick([...EDGE_LICENSES, 'BSD-2-Clause', 'not a licence']));
  const stringLiteral = () => str(pick([...EDGE_STRINGS, ...EDGE_LICENSES]));
  const number = () => {
    const n = pick(NUMBERS);
    // An int literal where CEL allows one (ordering against a double); else a double literal.
    if (Number.isInteger(n) && n < 1e15 && chance(0.3)) return String(n);
    return Number.isInteger(n) && n < 1e15 ? n.toFixed(1) : String(n);
  };
  const licenseFact = () => `${select(component())}.license`;
  const numberFact = () => pick(['terms.maxMonthlyActiveUsers', 'terms.maxAnnualRevenueUsd']);
  const leaf = (): string =>
    pick<() => string>([
      () => `${select(component())}.${pick(FLAGS)}`,
      () => `dataInformation.${pick(DATA_KEYS)}`,
      () => `has(${select(component())})`,
      () => `has(${licenseFact()})`,
      () =>
        `has(terms.${pick(['maxMonthlyActiveUsers', 'fieldOfUseRestrictions', 'nonCommercialOnly'])})`,
      () => `has(dataInformation.${pick(DATA_KEYS)})`,
      () => `osiApproved(${licenseFact()})`,
      () => `openDataLicense(${licenseFact()})`,
      () => `${pick(['osiApproved', 'openDataLicense'])}(${licenseLiteral()})`,
      () => `${licenseFact()} ${pick(['==', '!='])} ${licenseLiteral()}`,
      () =>
        `${licenseFact()} in [${Array.from({ length: Math.floor(random() * 3) }, licenseLiteral).join(', ')}]`,
      () => `${licenseFact()} ${pick(['<', '<=', '>', '>='])} ${stringLiteral()}`,
      () => `${stringLiteral()} in terms.fieldOfUseRestrictions`,
      () => `${licenseFact()} in terms.fieldOfUseRestrictions`,
      () => `terms.fieldOfUseRestrictions == [${stringLiteral()}]`,
      () => `terms.fieldOfUseRestrictions != []`,
      () => `${numberFact()} ${pick(['<', '<=', '>', '>=', '==', '!='])} ${number()}`,
      () => `terms.maxMonthlyActiveUsers in [${number()}, ${number()}]`,
      () =>
        `size(terms.fieldOfUseRestrictions) ${pick(['>', '==', '<='])} ${pick(['0', '1', '2'])}`,
      () => `terms.fieldOfUseRestrictions.size() ${pick(['>=', '!='])} 1`,
      () => `size(${licenseFact()}) ${pick(['<', '>'])} ${pick(['3', '12', '30'])}`,
      () => `${licenseFact()}.size() == ${pick(['3', '10'])}`,
      () => `size([${stringLiteral()}, ${stringLiteral()}]) == 2`,
      () => `size(${stringLiteral()}) ${pick(['==', '>'])} 1`,
      () =>
        `${select(component())}.${pick(FLAGS)} ${pick(['==', '!=', '<', '>='])} ${pick(['true', 'false'])}`,
      () => `${select(component())}.${pick(FLAGS)} == ${select(component())}.${pick(FLAGS)}`,
      () => `terms.nonCommercialOnly`,
      () => `${numberFact()} > ${numberFact()}`,
      () => pick(['true', 'false']),
    ])();

  const expr = (depth: number): string => {
    if (depth === 0 || chance(0.3)) return leaf();
    return pick<() => string>([
      () => `${expr(depth - 1)} && ${expr(depth - 1)}`,
      () => `${expr(depth - 1)} || ${expr(depth - 1)}`,
      () => `(${expr(depth - 1)}) && (${expr(depth - 1)} || ${expr(depth - 1)})`,
      () => `!(${expr(depth - 1)})`,
      () => `(${expr(depth - 1)} ? ${expr(depth - 1)} : ${expr(depth - 1)})`,
      () => `(${expr(depth - 1)}) == (${expr(depth - 1)})`,
      () => `(${expr(depth - 1)}) != (${expr(depth - 1)})`,
      () =>
        `(has(${licenseFact()}) ? ${pick(['osiApproved', 'openDataLicense'])}(${licenseFact()}) : ${expr(depth - 1)})`,
      () => `osiApproved(${expr(depth - 1)} ? ${licenseLiteral()} : ${licenseLiteral()})`,
      () => `(${expr(depth - 1)} ? ${licenseFact()} : ${licenseLiteral()}) == ${licenseLiteral()}`,
    ])();
  };

  const rules = new Set<string>();
  for (let attempts = 0; rules.size < count && attempts < count * 50; attempts++) {
    const rule = expr(1 + Math.floor(random() * 3));
    if (engine.check(rule).ok) rules.add(rule);
  }
  return [...rules];
}
