/**
 * The facts schema: what a system's developers released, component by component.
 *
 * The schema is kept as data in cel-js's schema notation so that the same object types
 * the criteria at save time and validates facts at write time. Missing knowledge is an
 * absent key, never `null`: an absent key makes a verdict UNKNOWN, a `null` would be an
 * error inside CEL.
 */
import { isSpdxExpression } from './licenses.js';

/** The 17 components of the Model Openness Framework, which the OSAID checklist shares. */
export const COMPONENT_NAMES = [
  'modelArchitecture',
  'modelParameters',
  'modelParametersIntermediate',
  'trainingCode',
  'inferenceCode',
  'dataPreprocessingCode',
  'evaluationCode',
  'supportingLibraries',
  'datasets',
  'evaluationData',
  'modelMetadata',
  'sampleOutputs',
  'modelCard',
  'dataCard',
  'technicalReport',
  'researchPaper',
  'evaluationResults',
] as const;

export type ComponentName = (typeof COMPONENT_NAMES)[number];

export interface ComponentFacts {
  available: boolean;
  /** An SPDX expression, e.g. `Apache-2.0` or `LicenseRef-Llama-2-Community`. */
  license?: string;
  complete?: boolean;
}

export interface DataInformationFacts {
  describesAllData?: boolean;
  publicDataListed?: boolean;
  thirdPartyDataListed?: boolean;
  unshareableDataDescribed?: boolean;
}

/** Present once the legal terms were reviewed; each key only when that restriction exists. */
export interface TermsFacts {
  maxMonthlyActiveUsers?: number;
  maxAnnualRevenueUsd?: number;
  fieldOfUseRestrictions?: string[];
  /** Only ever `true`: the key is omitted when there is no such restriction. */
  nonCommercialOnly?: boolean;
}

/** How the system is made available (the G7 labels, the EU AI Act's exemption). */
export interface ReleaseFacts {
  /** Released at no cost. */
  freeOfCharge?: boolean;
  /** Offered for a price, or against personal data or other paid services. */
  monetised?: boolean;
  /** Information on how to use the model is publicly available. */
  usageInfoPublic?: boolean;
}

export const WITHHELD_REASONS = ['LEGAL', 'TECHNICAL', 'OTHER'] as const;

/** Whether the full training data was released, and why not when it was not. */
export interface TrainingDataFacts {
  released?: boolean;
  withheldReason?: (typeof WITHHELD_REASONS)[number];
}

export interface TrainingFacts {
  /** Training compute in floating-point operations (the AI Act presumes systemic risk above 1e25). */
  computeFlop?: number;
}

export interface Facts {
  components?: Partial<Record<ComponentName, ComponentFacts>>;
  dataInformation?: DataInformationFacts;
  terms?: TermsFacts;
  release?: ReleaseFacts;
  trainingData?: TrainingDataFacts;
  training?: TrainingFacts;
}

/** A CEL type name for a leaf field. JS numbers are CEL `double`. */
export type FieldType = 'bool' | 'string' | 'double' | 'list<string>';

/** cel-js's schema notation: nested objects whose leaves are CEL type names. */
export interface ObjectSchema {
  readonly [key: string]: FieldType | ObjectSchema;
}

const COMPONENT_SCHEMA: ObjectSchema = { available: 'bool', license: 'string', complete: 'bool' };

/** One schema per top-level variable of a rule: `components`, `dataInformation`, `terms`, … */
export const FACTS_SCHEMA: Readonly<Record<keyof Facts, ObjectSchema>> = {
  components: Object.fromEntries(COMPONENT_NAMES.map((name) => [name, COMPONENT_SCHEMA])),
  dataInformation: {
    describesAllData: 'bool',
    publicDataListed: 'bool',
    thirdPartyDataListed: 'bool',
    unshareableDataDescribed: 'bool',
  },
  terms: {
    maxMonthlyActiveUsers: 'double',
    maxAnnualRevenueUsd: 'double',
    fieldOfUseRestrictions: 'list<string>',
    nonCommercialOnly: 'bool',
  },
  release: { freeOfCharge: 'bool', monetised: 'bool', usageInfoPublic: 'bool' },
  trainingData: { released: 'bool', withheldReason: 'string' },
  training: { computeFlop: 'double' },
};

/** The schema node at `path` (field names from a top-level variable), or undefined if none. */
export function schemaAt(path: readonly string[]): FieldType | ObjectSchema | undefined {
  let node: FieldType | ObjectSchema = FACTS_SCHEMA;
  for (const key of path) {
    if (typeof node === 'string' || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/**
 * Longest licence expression accepted. The longest SPDX id is under 50 characters and
 * real expressions combine a few; licence verdicts are keyed by the expression in an
 * index whose rows PostgreSQL caps at about 2.7 KB.
 */
export const MAX_LICENSE_LENGTH = 200;

export class FactsValidationError extends Error {
  override readonly name = 'FactsValidationError';

  constructor(
    /** Where the problem is, e.g. `components.trainingCode.licence`. */
    readonly path: string,
    reason: string,
  ) {
    super(`${path || 'facts'}: ${reason}`);
  }
}

/** Checks that `input` matches the facts schema and returns it typed; throws otherwise. */
export function validateFacts(input: unknown): Facts {
  validateObject(input, FACTS_SCHEMA, '');
  const facts = input as Facts;
  for (const [name, component] of Object.entries(facts.components ?? {})) {
    if (component !== undefined) validateComponent(component, `components.${name}`);
  }
  if (facts.terms) validateTerms(facts.terms);
  const reason = facts.trainingData?.withheldReason;
  if (reason !== undefined && !(WITHHELD_REASONS as readonly string[]).includes(reason)) {
    throw new FactsValidationError(
      'trainingData.withheldReason',
      `must be one of ${WITHHELD_REASONS.join(', ')}`,
    );
  }
  return facts;
}

function validateObject(value: unknown, schema: ObjectSchema, path: string): void {
  if (!isPlainObject(value)) {
    throw new FactsValidationError(path, `must be an object, got ${describe(value)}`);
  }
  for (const [key, field] of Object.entries(value)) {
    const fieldPath = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(schema, key)) {
      throw new FactsValidationError(fieldPath, 'is not a known fact');
    }
    // An explicitly undefined key is what cel-js (and JSON) treat as absent.
    if (field === undefined) continue;
    if (field === null) {
      throw new FactsValidationError(
        fieldPath,
        'must not be null; omit the key when it is unknown',
      );
    }
    const type = schema[key];
    if (typeof type === 'string') validateField(field, type, fieldPath);
    else validateObject(field, type, fieldPath);
  }
}

function validateField(value: unknown, type: FieldType, path: string): void {
  const ok =
    type === 'bool'
      ? typeof value === 'boolean'
      : type === 'string'
        ? typeof value === 'string'
        : type === 'double'
          ? typeof value === 'number' && Number.isFinite(value) && value >= 0
          : Array.isArray(value) && value.every((item) => typeof item === 'string');
  if (!ok) {
    throw new FactsValidationError(path, `must be ${TYPE_NAMES[type]}, got ${describe(value)}`);
  }
}

const TYPE_NAMES: Record<FieldType, string> = {
  bool: 'a boolean',
  string: 'a string',
  double: 'a non-negative finite number',
  'list<string>': 'a list of strings',
};

function validateComponent(component: ComponentFacts, path: string): void {
  // `{ available: false }` means "known not released"; without `available` nothing is known.
  if (component.available === undefined) {
    throw new FactsValidationError(`${path}.available`, 'is required for a component');
  }
  if (component.license !== undefined && component.license.length > MAX_LICENSE_LENGTH) {
    throw new FactsValidationError(
      `${path}.license`,
      `must be at most ${MAX_LICENSE_LENGTH} characters`,
    );
  }
  if (component.license !== undefined && !isSpdxExpression(component.license)) {
    throw new FactsValidationError(
      `${path}.license`,
      'must be an SPDX expression (use LicenseRef-… for others)',
    );
  }
}

// Rules test restrictions with has(), so a key present with a "no restriction" value would
// read as a restriction: the convention is to omit it instead.
function validateTerms(terms: TermsFacts): void {
  if (terms.fieldOfUseRestrictions?.length === 0) {
    throw new FactsValidationError(
      'terms.fieldOfUseRestrictions',
      'must not be empty; omit the key when there is none',
    );
  }
  if (terms.nonCommercialOnly === false) {
    throw new FactsValidationError(
      'terms.nonCommercialOnly',
      'must be true or omitted; omit the key when there is no such restriction',
    );
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value === 'string' ? 'a string' : typeof value;
}
