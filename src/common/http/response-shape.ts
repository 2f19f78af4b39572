import type { ExecutionResult } from 'graphql';
import type { FastifyReply } from 'fastify';
import { GRAPHQL_RESPONSE_JSON, negotiateResponseType } from './media-types.js';

interface Formatted {
  statusCode: number;
  response: { data?: unknown; errors?: unknown };
}

/**
 * A request error — one raised before execution began: a body or query that does
 * not parse or validate, a variable of the wrong type, a refusal of the HTTP layer or
 * of the abuse limits — reaches the formatter as a result without `data`. In
 * `application/graphql-response+json` the specification then wants no `data` entry
 * and a 4xx status. In `application/json` the answer keeps Mercurius' shape
 * (`"data": null`) and status, which clients of that type already read.
 */
export function shapeRequestError<T extends Formatted>(
  formatted: T,
  execution: ExecutionResult,
  context: unknown,
): T {
  const reply = (context as { reply?: FastifyReply } | undefined)?.reply;
  // Errors of a subscription over WebSocket have no reply; they are not shaped here.
  if (!reply?.request || 'data' in execution) return formatted;
  if (negotiateResponseType(reply.request.headers.accept) !== GRAPHQL_RESPONSE_JSON) {
    return formatted;
  }
  delete formatted.response.data;
  if (formatted.statusCode < 400) formatted.statusCode = 400;
  return formatted;
}
