import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { getArgumentValues, getDirectiveValues } from 'graphql/execution/values.js';
import mercurius from 'mercurius';
import { MAX_PAGE } from '../pagination/connection.js';
import type { ErrorCode } from '../errors/app-error.js';
import { FIELD_PRICES } from './field-prices.js';

/** Deeper queries than this are refused before they run (Mercurius' `queryDepth`). */
export const MAX_QUERY_DEPTH = 10;

/**
 * Longest query document, in lexical tokens (`a: me { handle }` is six), refused by the
 * parser before validation, whose work grows with the document: this bounds it where
 * the complexity below, computed after validation, cannot. Clients send large inputs
 * as variables, which are not tokens; the longest query in the e2e suites has under 100.
 */
export const MAX_QUERY_TOKENS = 5_000;

/**
 * Most a query may cost before it runs (see `fieldCost`). The heaviest query the
 * e2e suites send, fifty amendments with their changes, comments and votes, costs
 * about 4,000 (8,100 at a page of 100); a query that nests unbounded lists or repeats
 * a page or a computed field under aliases goes past this long before it could keep a
 * node busy for long. docs/performance.md ("What a query costs") has the figures.
 */
export const MAX_QUERY_COMPLEXITY = 10_000;

/** What a list without a `first` argument (criteria, versions, comments…) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/** A root field is a resolver call through Nest's guard and pipes and at least one SQL statement. */
export const ROOT_FIELD_COST = 10;

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * What one field costs, given what is selected under it (`childCost`): 1 (a root field
 * ROOT_FIELD_COST), plus its price in FIELD_PRICES when it computes something (an
 * impact, a diff, a verdict list), plus the selection under it times the number of
 * items it is resolved for — `first` on a connection, clamped to 1…MAX_PAGE whatever
 * the client sent (so a negative `first` cannot subtract), ASSUMED_LIST_SIZE on any
 * other list. A price may grow with an argument listing work items (`amendments`).
 */
export function fieldCost(
  parent: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  childCost: number,
): number {
  const base = ROOT_TYPES.has(parent) && !field.name.startsWith('__') ? ROOT_FIELD_COST : 1;
  const price = FIELD_PRICES[`${parent}.${field.name}`];
  const items = Array.isArray(args.amendments) ? Math.max(1, args.amendments.length) : 1;
  let times = 1;
  if (typeof args.first === 'number') times = Math.min(MAX_PAGE, Math.max(1, args.first));
  // Introspection lists are counted too: `fields { type { fields … } } }` grows like data.
  else if (isListType(getNullableType(field.type)) && !parent.endsWith('Connection'))
    times = ASSUMED_LIST_SIZE;
  return base + (price ?? 0) * items + childCost * times;
}

/**
 * The cost of the operations in `document` with these variables, added up. Linear in
 * the document: each fragment is costed once, whatever the number of its spreads (a
 * fragment's cost does not depend on where it is spread), so a chain of fragments each
 * spreading the one before twice costs its 2^n at once instead of walking it 2^n times.
 */
export function queryComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();

  const selectionSetCost = (set: SelectionSetNode, type: GraphQLCompositeType): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (skipped(selection, variables)) continue;
      total += selectionCost(selection, type);
    }
    return total;
  };

  const selectionCost = (selection: SelectionNode, type: GraphQLCompositeType): number => {
    if (selection.kind === Kind.FIELD) return fieldNodeCost(selection, type);
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const on = selection.typeCondition
        ? schema.getType(selection.typeCondition.name.value)
        : type;
      return isCompositeType(on) ? selectionSetCost(selection.selectionSet, on) : 0;
    }
    const name = selection.name.value;
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    // Unknown fragments and cycles are graphql-js' validation's to report.
    if (!fragment || visiting.has(name)) return 0;
    const on = schema.getType(fragment.typeCondition.name.value);
    visiting.add(name);
    const cost = isCompositeType(on) ? selectionSetCost(fragment.selectionSet, on) : 0;
    visiting.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldNodeCost = (node: FieldNode, parent: GraphQLCompositeType): number => {
    const field = fieldDefinition(schema, parent, node.name.value);
    if (!field) return 0; // an unknown field: validation reports it
    const named = getNamedType(field.type);
    const childCost =
      node.selectionSet && isCompositeType(named) ? selectionSetCost(node.selectionSet, named) : 0;
    return fieldCost(parent.name, field, argumentsOf(field, node, variables), childCost);
  };

  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation);
    if (root) total += selectionSetCost(definition.selectionSet, root);
  }
  return total;
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

/** The field's arguments; none when a variable does not fit (the executor reports that). */
function argumentsOf(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {};
  }
}

/** `@skip(if: true)` or `@include(if: false)`, as the executor will decide. */
function skipped(selection: SelectionNode, variables: Record<string, unknown>): boolean {
  if (!selection.directives?.length) return false;
  try {
    if (getDirectiveValues(GraphQLSkipDirective, selection, variables)?.if === true) return true;
    return getDirectiveValues(GraphQLIncludeDirective, selection, variables)?.if === false;
  } catch {
    return false;
  }
}

/**
 * Mercurius preExecution hook: refuses a query over MAX_QUERY_COMPLEXITY with HTTP
 * 400 and QUERY_TOO_COMPLEX, as the depth limit is refused, before any resolver runs.
 * A hook rather than a validation rule because the cost depends on the variables
 * (`first: $n`) and Mercurius caches validation per query text.
 */
export function limitQueryComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  _context: unknown,
  variables: Record<string, unknown> | undefined,
): void {
  const complexity = cachedComplexity(schema, document, variables);
  if (complexity <= MAX_QUERY_COMPLEXITY) return;
  const known = Number.isFinite(complexity);
  throw new mercurius.ErrorWithProps(
    `The query is too complex: it costs ${known ? complexity : 'more than that'}, ` +
      `at most ${MAX_QUERY_COMPLEXITY} is allowed`,
    {
      code: 'QUERY_TOO_COMPLEX' satisfies ErrorCode,
      reason: 'COST_LIMIT',
      complexity: known ? complexity : null,
      maxComplexity: MAX_QUERY_COMPLEXITY,
    },
    400,
  );
}

/** Variable sets remembered per document; a document used with more is costed each time. */
const VARIABLE_SETS_PER_DOCUMENT = 32;
/** Longer variables (as JSON) are not worth a cache key. */
const MAX_VARIABLES_KEY = 512;
const costs = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

/**
 * queryComplexity, remembered per parsed document and variables: Mercurius keeps each
 * query text's parsed document in its LRU, so a repeated query is costed once, not on
 * every request (the walk over the document was ~5 % of a small read's CPU).
 */
function cachedComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
): number {
  const key = JSON.stringify(variables ?? {});
  if (key.length > MAX_VARIABLES_KEY) return queryComplexity(schema, document, variables);
  let bySchema = costs.get(schema);
  if (!bySchema) costs.set(schema, (bySchema = new WeakMap()));
  let byVariables = bySchema.get(document);
  if (!byVariables) bySchema.set(document, (byVariables = new Map()));
  let cost = byVariables.get(key);
  if (cost === undefined) {
    cost = queryComplexity(schema, document, variables);
    if (byVariables.size < VARIABLE_SETS_PER_DOCUMENT) byVariables.set(key, cost);
  }
  return cost;
}
