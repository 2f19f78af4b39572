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
 * An error meant for the client: its message is safe to show and `details` go into
 * `extensions` beside the code (e.g. the position of a bad rule).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError('BAD_USER_INPUT', message, details);

export const notFound = (message: string) => new AppError('NOT_FOUND', message);

export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('CONFLICT', message, details);

export const forbidden = (message = 'You do not have the role this needs') =>
  new AppError('FORBIDDEN', message);

export const unauthenticated = (message = 'Sign in to do this') =>
  new AppError('UNAUTHENTICATED', message);
