/** The error codes clients can rely on, carried in `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  // Refused before running: deeper or costlier than the limits, or a body too large.
  | 'QUERY_TOO_COMPLEX'
  | 'PAYLOAD_TOO_LARGE'
  // Refused by the HTTP layer (docs/http.md): a POST body that is not JSON, a mutation
  // sent with GET, a subscription sent over HTTP instead of WebSocket.
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'METHOD_NOT_ALLOWED'
  | 'WEBSOCKET_REQUIRED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * An error meant for the client: its message is safe to show, its `reason` says which
 * refusal it is (UPPER_SNAKE, named by the feature that refuses, listed in
 * docs/errors.md) so a client can tell one CONFLICT from another without reading the
 * message, and `details` go into `extensions` beside both (e.g. the position of a bad rule).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

type Details = Record<string, unknown>;

export const badInput = (reason: string, message: string, details?: Details) =>
  new AppError('BAD_USER_INPUT', reason, message, details);

export const notFound = (reason: string, message: string, details?: Details) =>
  new AppError('NOT_FOUND', reason, message, details);

export const conflict = (reason: string, message: string, details?: Details) =>
  new AppError('CONFLICT', reason, message, details);

export const forbidden = (reason: string, message: string, details?: Details) =>
  new AppError('FORBIDDEN', reason, message, details);

export const unauthenticated = (reason: string, message: string) =>
  new AppError('UNAUTHENTICATED', reason, message);
