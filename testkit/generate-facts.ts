/**
 * Synthetic AI systems for benchmarks and tests: deterministic (seeded), schema-valid facts
 * with the mix real records have — components absent (unknown) or not released, licences that are
 * OSI-approved, open-data, custom (`LicenseRef-…`), compound or with an exception, and
 * legal terms that are missing, clean or restrictive.
 */
import {
  COMPONENT_NAMES,
  type ComponentFacts,
  type DataInformationFacts,
  type Facts,
  type TermsFacts,
} from '../src/criteria/engine/index.js';
import { seededRandom } from './seeded-random.js';

const LICENSES = [
  'Apache-2.0',
  'Apache-2.0',
  'MIT',
  'MIT',
  'BSD-3-Clause',
  'GPL-3.0-only',
  'CC-BY-4.0',
  'ODC-By-1.0',
  'LicenseRef-Llama-2-Community',
  'LicenseRef-OpenRAIL-M',
  'MIT OR LicenseRef-Proprietary',
  'Apache-2.0 AND LicenseRef-Acceptable-Use',
  'GPL-2.0-only WITH Classpath-exception-2.0',
];

const CODE_COMPONENTS = new Set([
  'trainingCode',
  'inferenceCode',
  'dataPreprocessingCode',
  'evaluationCode',
  'supportingLibraries',
]);

const DATA_INFORMATION_KEYS: readonly (keyof DataInformationFacts)[] = [
  'describesAllData',
  'publicDataListed',
  'thirdPartyDataListed',
  'unshareableDataDescribed',
];

/** `count` systems; the same seed always gives the same systems. */
export function generateFacts(count: number, seed = 42): Facts[] {
  const random = seededRandom(seed);
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const component = (name: string): ComponentFacts => {
    const facts: ComponentFacts = { available: chance(0.75) };
    if (facts.available && chance(0.9)) facts.license = pick(LICENSES);
    if (CODE_COMPONENTS.has(name) && chance(0.6)) facts.complete = chance(0.6);
    return facts;
  };

  const terms = (): TermsFacts => {
    const facts: TermsFacts = {};
    if (chance(0.1)) facts.maxMonthlyActiveUsers = 700_000_000;
    if (chance(0.05)) facts.maxAnnualRevenueUsd = 1_000_000;
    if (chance(0.1)) facts.fieldOfUseRestrictions = ['no use to improve other LLMs'];
    if (chance(0.05)) facts.nonCommercialOnly = true;
    return facts;
  };

  return Array.from({ length: count }, (): Facts => {
    const facts: Facts = { components: {} };
    for (const name of COMPONENT_NAMES) {
      if (chance(0.85)) facts.components![name] = component(name);
    }
    if (chance(0.8)) {
      const dataInformation: DataInformationFacts = {};
      for (const key of DATA_INFORMATION_KEYS) if (chance(0.9)) dataInformation[key] = chance(0.75);
      facts.dataInformation = dataInformation;
    }
    if (chance(0.85)) facts.terms = terms();
    return facts;
  });
}
