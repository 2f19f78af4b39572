import mercurius from 'mercurius';
import type { ErrorCode } from '../errors/app-error.js';

/**
 * An error refused at the HTTP layer, before anything runs: thrown from a route
 * hook or a Mercurius hook, it reaches Mercurius' error handler and the error
 * formatter like any request error, so its body is GraphQL-shaped with this
 * `extensions.code`, and the response has this HTTP status.
 */
export function httpError(
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): Error {
  return new mercurius.ErrorWithProps(message, { ...details, code }, status);
}
