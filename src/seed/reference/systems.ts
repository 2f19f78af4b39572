/**
 * The nine systems of OSI's validation phase (reference/osaid.md), with facts recorded
 * component by component and OSI's group-level outcome as an ASSESSED verdict against
 * OSAID 1.0. Conventions: an absent key is unknown; `{ available: false }` means known not
 * released; `terms: {}` means the terms were reviewed and carry no restriction;
 * `unshareableDataDescribed: true` is also recorded when no unshareable data was used.
 * Evaluation-data licences are left unrecorded: the benchmarks are third-party sets under
 * mixed terms, so MOF Class II stays UNKNOWN rather than guessed.
 */
export { AMBER, CRYSTALCODER, OLMO, PYTHIA, T5 } from './systems-passed.js';
export { GROK_1, LLAMA_2, MIXTRAL_8X7B, PHI_2 } from './systems-failed.js';
