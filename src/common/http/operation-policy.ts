import type { FastifyRequest } from 'fastify';
import {
  Kind,
  OperationTypeNode,
  getOperationAST,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import { httpError } from './http-errors.js';

/** The one protocol subscriptions are served with (test/events covers it). */
export const SUBSCRIPTION_PROTOCOL = 'graphql-transport-ws';

export interface SelectedOperation {
  operation: OperationDefinitionNode;
  /** The document holds more than one operation. */
  several: boolean;
}

/**
 * Which operation of `document` an HTTP request runs, refusing what HTTP may not
 * run: an `operationName` the document lacks, or none where several could run
 * (400 BAD_USER_INPUT); a mutation sent with GET (405 METHOD_NOT_ALLOWED, as the
 * GraphQL-over-HTTP specification requires: a GET must be safe to repeat or
 * prefetch); a subscription, which needs a connection that stays open (400
 * WEBSOCKET_REQUIRED, naming the WebSocket endpoint). Over HTTP the subscription
 * would otherwise run as a query whose root value is the event stream itself and
 * answer 200 with "Cannot return null for non-nullable field".
 */
export function selectOperation(
  document: DocumentNode,
  operationName: string | null | undefined,
  request: FastifyRequest,
): SelectedOperation {
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  ).length;
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) {
    throw httpError(
      400,
      'BAD_USER_INPUT',
      operationName != null
        ? `The document has no operation named "${operationName.slice(0, 100)}"`
        : operations === 0
          ? 'The document has no operation to run'
          : 'The document has several operations: name the one to run in operationName',
      { reason: 'NO_SUCH_OPERATION' },
    );
  }
  if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
    const url = websocketUrl(request);
    throw httpError(
      400,
      'WEBSOCKET_REQUIRED',
      `Subscriptions are served over WebSocket, not HTTP: connect to ${url} ` +
        `with the ${SUBSCRIPTION_PROTOCOL} protocol`,
      { url, protocol: SUBSCRIPTION_PROTOCOL },
    );
  }
  if (operation.operation === OperationTypeNode.MUTATION && request.method === 'GET') {
    throw httpError(405, 'METHOD_NOT_ALLOWED', 'A mutation cannot be sent with GET: use POST');
  }
  return { operation, several: operations > 1 };
}

/** A Host header that is a host name or address with an optional port, nothing else. */
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The WebSocket URL of the GraphQL endpoint, as this request reached it (behind a
 * trusted proxy, TRUST_PROXY, as the proxy's X-Forwarded-Host and -Proto say); a host
 * that is not a plain host name or address is not echoed back, the path alone is.
 */
export function websocketUrl(request: FastifyRequest): string {
  const path = request.routeOptions.url ?? '/graphql';
  const host = request.host;
  if (!host || !HOST.test(host)) return path;
  return `${request.protocol === 'https' ? 'wss' : 'ws'}://${host}${path}`;
}
