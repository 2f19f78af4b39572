import { GraphQLError, type ExecutionResult } from 'graphql';
import mercurius from 'mercurius';
import type { ErrorCode } from '../errors/app-error.js';
import { internalServerError, toGraphQLError } from '../errors/to-graphql-error.js';
import { shapeRequestError } from '../http/response-shape.js';
import { MAX_QUERY_TOKENS } from './query-complexity.js';

type Formatted = ReturnType<typeof mercurius.defaultErrorFormatter>;

interface Original {
  code?: unknown;
  statusCode?: unknown;
  originalError?: Original;
}

/**
 * Mercurius' own formatter, plus a guarantee that every error carries a code. An error
 * raised while executing (it has a `path`) goes through toGraphQLError, as the
 * exception filter sends a root resolver's: field resolvers and loaders do not pass
 * through Nest's filters, and an error graphql-js raises itself there (a null where the
 * schema promises a value) is a fault of the server, so INTERNAL_SERVER_ERROR, logged.
 * What is left are errors in the request itself — a syntax error, an unknown field, a
 * variable of the wrong type, a query too deep, a body too large — which never reached
 * a resolver.
 */
export function errorFormatter(
  execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>,
  context: Parameters<typeof mercurius.defaultErrorFormatter>[1],
): Formatted {
  const mapped = { ...execution, errors: execution.errors.map(mapExecutionError) };
  const formatted = mercurius.defaultErrorFormatter(mapped, context);
  const errors = (formatted.response.errors ?? []) as Array<{
    message: string;
    extensions?: Record<string, unknown>;
  }>;
  // The errors as thrown, flattened in the order Mercurius flattens them: a
  // validation failure carries its list of errors in `originalError.errors`.
  const originals = mapped.errors.flatMap((error): Original[] => {
    const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
    return Array.isArray(nested) ? (nested as Original[]) : [error as Original];
  });
  errors.forEach((error, index) => {
    const extensions = (error.extensions ??= {});
    if (!extensions.code) Object.assign(extensions, codeFor(error.message, originals[index]));
  });
  return shapeRequestError(formatted, execution, context);
}

function mapExecutionError(error: GraphQLError): GraphQLError {
  if (!error.path || error.extensions?.code) return error;
  const original = error.originalError;
  const coded =
    original && !(original instanceof GraphQLError)
      ? toGraphQLError(original)
      : internalServerError(error);
  return new GraphQLError(coded.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: coded.extensions,
  });
}

function codeFor(message: string, original: Original | undefined): Record<string, unknown> {
  if (original?.code === 'MER_ERR_GQL_QUERY_DEPTH') {
    const limit = /depth limit of (\d+)/.exec(message);
    return {
      code: 'QUERY_TOO_COMPLEX' satisfies ErrorCode,
      reason: 'DEPTH_LIMIT',
      maxDepth: limit ? Number(limit[1]) : null,
    };
  }
  // graphql-js's parser stopping at parseOptions.maxTokens.
  if (/^Syntax Error: Document contains more th(?:at|an) \d+ tokens/.test(message)) {
    return {
      code: 'QUERY_TOO_COMPLEX' satisfies ErrorCode,
      reason: 'TOKEN_LIMIT',
      maxTokens: MAX_QUERY_TOKENS,
    };
  }
  // Fastify's bodyLimit (FST_ERR_CTP_BODY_TOO_LARGE), answered with HTTP 413.
  const status = original?.statusCode ?? original?.originalError?.statusCode;
  if (status === 413)
    return { code: 'PAYLOAD_TOO_LARGE' satisfies ErrorCode, reason: 'BODY_LIMIT' };
  // Refused by Fastify or Mercurius themselves; src/common/http refuses these first.
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE' satisfies ErrorCode };
  if (status === 405) return { code: 'METHOD_NOT_ALLOWED' satisfies ErrorCode };
  return /^Variable "\$|Expected value of type|cannot represent/.test(message)
    ? { code: 'BAD_USER_INPUT' satisfies ErrorCode, reason: 'INVALID_VARIABLES' }
    : { code: 'GRAPHQL_VALIDATION_FAILED', reason: 'INVALID_QUERY' };
}
