export * from './types.js';
export {
  COMPONENT_NAMES,
  FACTS_SCHEMA,
  FactsValidationError,
  schemaAt,
  validateFacts,
  type ComponentFacts,
  type ComponentName,
  type DataInformationFacts,
  type Facts,
  type FieldType,
  type ObjectSchema,
  type TermsFacts,
  type ReleaseFacts,
  type TrainingDataFacts,
  type TrainingFacts,
  WITHHELD_REASONS,
} from './facts-schema.js';
export {
  LICENSE_LIST_VERSION,
  OPEN_DATA_LICENSES,
  isSpdxExpression,
  openDataLicense,
  osiApproved,
} from './licenses.js';
export { HOST_FUNCTIONS, findDisallowed, type Disallowed } from './allow-list.js';
export {
  CriteriaEngine,
  RuleCompileError,
  type CompileOptions,
  type CompiledCriteria,
  type CompiledCriterion,
  type CriteriaEngineOptions,
} from './criteria-engine.js';
export type { Absent, Conjunct, Truth } from './rule-plan.js';
export { diffRules } from './rule-diff.js';
export { factPaths, type FactPaths } from './facts-read.js';
export {
  translateRule,
  type LicenseFunction,
  type SqlScope,
  type SqlTranslation,
} from './sql-translator.js';
