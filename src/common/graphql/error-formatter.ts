import type { ExecutionResult } from 'graphql';
import mercurius from 'mercurius';

type Formatted = ReturnType<typeof mercurius.defaultErrorFormatter>;

/**
 * Mercurius' own formatter, plus a guarantee that every error carries a code:
 * errors from resolvers already have one (see toGraphQLError); what is left are
 * errors in the query itself — a syntax error, an unknown field, a variable of
 * the wrong type — which never reached a resolver.
 */
export function errorFormatter(
  execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>,
  context: Parameters<typeof mercurius.defaultErrorFormatter>[1],
): Formatted {
  const formatted = mercurius.defaultErrorFormatter(execution, context);
  const errors = (formatted.response.errors ?? []) as Array<{
    message: string;
    extensions?: Record<string, unknown>;
  }>;
  for (const error of errors) {
    const extensions = (error.extensions ??= {});
    if (!extensions.code) {
      extensions.code = /^Variable "\$|Expected value of type|cannot represent/.test(error.message)
        ? 'BAD_USER_INPUT'
        : 'GRAPHQL_VALIDATION_FAILED';
    }
  }
  return formatted;
}
