import { MOF } from './mof.js';
import { OSAID } from './osaid.js';
import {
  AMBER,
  CRYSTALCODER,
  GROK_1,
  LLAMA_2,
  MIXTRAL_8X7B,
  OLMO,
  PHI_2,
  PYTHIA,
  T5,
} from './systems.js';
import type { ReferenceDefinition, ReferenceSystem } from './types.js';

export type * from './types.js';

export const REFERENCE_DEFINITIONS: readonly ReferenceDefinition[] = [OSAID, MOF];

/** OSI's validation-phase systems: the five that passed, then the four that did not. */
export const REFERENCE_SYSTEMS: readonly ReferenceSystem[] = [
  PYTHIA,
  OLMO,
  AMBER,
  CRYSTALCODER,
  T5,
  LLAMA_2,
  GROK_1,
  PHI_2,
  MIXTRAL_8X7B,
];
