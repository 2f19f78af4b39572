import { getNullableType, isListType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import mercurius from 'mercurius';
import type { ErrorCode } from '../errors/app-error.js';

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
 * Most a query may cost before it runs (see `estimateField`). The heaviest query the
 * e2e suites send, fifty amendments with their changes, comments and votes, costs
 * about 4,000 (8,100 at a page of 100); a query that nests unbounded lists or repeats
 * a page under aliases goes past this long before it could keep a node busy for long.
 */
export const MAX_QUERY_COMPLEXITY = 10_000;

/** What a list without a `first` argument (criteria, versions, comments…) is assumed to hold. */
export const ASSUMED_LIST_SIZE = 10;

/** A root field is a resolver call through Nest's guard and pipes and at least one SQL statement. */
export const ROOT_FIELD_COST = 10;

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Each field costs 1 (a root field ROOT_FIELD_COST) plus what is selected under it,
 * times the number of items that selection is resolved for: `first` on a connection
 * (its edges are then not counted again), ASSUMED_LIST_SIZE on any other list.
 */
export const estimateField: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const base = ROOT_TYPES.has(type.name) && !field.name.startsWith('__') ? ROOT_FIELD_COST : 1;
  let times = 1;
  if (typeof args.first === 'number') times = args.first;
  // Introspection lists are counted too: `fields { type { fields … } } }` grows like data.
  else if (isListType(getNullableType(field.type)) && !type.name.endsWith('Connection'))
    times = ASSUMED_LIST_SIZE;
  return base + childComplexity * times;
};

/**
 * The cost of the operations in `document` with these variables, added up; Infinity
 * when it has more fields than could fit under the limit.
 */
export function queryComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> = {},
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      estimators: [estimateField],
      // Each field costs at least 1: past this many the walk can stop.
      maxQueryNodes: MAX_QUERY_COMPLEXITY + 1,
    });
  } catch (error) {
    if (/maximum allowed number of nodes/.test((error as Error).message)) return Infinity;
    // Anything else (a bad variable) is the executor's to report, with its usual code.
    return 0;
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
