import type {
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
  RequestPayload,
  RouteShorthandOptions,
} from 'fastify';
import { parse } from 'graphql';
import { MAX_QUERY_TOKENS } from '../graphql/query-complexity.js';
import { httpError } from './http-errors.js';
import {
  ACCEPTED_REQUEST_TYPES,
  GRAPHQL_RESPONSE_JSON,
  isAcceptedRequestType,
  negotiateResponseType,
} from './media-types.js';
import { selectOperation } from './operation-policy.js';

/**
 * Fastify hooks on Mercurius' own GET and POST /graphql routes (its
 * `additionalRouteOptions`), in the order a request meets them. docs/http.md
 * says what each is for.
 */
export const graphqlRouteOptions = {
  preParsing: refuseUnsupportedMediaType,
  preValidation: dropNullExtensions,
  preHandler: checkGetOperation,
  onSend: answerInNegotiatedType,
} satisfies RouteShorthandOptions;

type Done = HookHandlerDoneFunction;

/**
 * Before the body is read: a POST must be JSON or `application/graphql` (415
 * UNSUPPORTED_MEDIA_TYPE otherwise). A form or text/plain POST is what any web page
 * can make a visitor's browser send without a CORS preflight; JSON needs one.
 */
function refuseUnsupportedMediaType(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: RequestPayload,
  done: (error: Error | null, payload?: RequestPayload) => void,
) {
  const type = request.headers['content-type'];
  if (request.method !== 'POST' || isAcceptedRequestType(type)) return done(null, payload);
  reply.header('accept-post', ACCEPTED_REQUEST_TYPES);
  const sent = type?.trim().slice(0, 100);
  done(
    httpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Send GraphQL requests as application/json (or application/graphql); ${
        sent ? `this one is ${sent}` : 'this one has no Content-Type'
      }`,
      { accepted: ACCEPTED_REQUEST_TYPES.split(', ') },
    ),
  );
}

/**
 * `"extensions": null` means no extensions (the specification lets a client send
 * null for any optional parameter), but Mercurius' body schema only takes an object.
 */
function dropNullExtensions(request: FastifyRequest, _reply: FastifyReply, done: Done) {
  const body = request.body as Record<string, unknown> | null | undefined;
  if (body && typeof body === 'object' && body.extensions === null) delete body.extensions;
  done();
}

/**
 * A GET names its operation before Mercurius' own GET check, which fails on an
 * operationName the document lacks (a TypeError answered with 200) and calls a
 * subscription merely "not allowed". The query is parsed a second time for this;
 * GET is the rare method here. A document that does not parse is left to
 * Mercurius, which reports it as usual. POST goes through the same check in the
 * preExecution hook (graphql-options.ts), on the document Mercurius parsed.
 */
function checkGetOperation(request: FastifyRequest, _reply: FastifyReply, done: Done) {
  if (request.method !== 'GET' || (request as { ws?: boolean }).ws || request.validationError) {
    return done();
  }
  const { query, operationName } = request.query as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return done();
  let document;
  try {
    document = parse(query, { maxTokens: MAX_QUERY_TOKENS });
  } catch {
    return done();
  }
  try {
    selectOperation(document, typeof operationName === 'string' ? operationName : null, request);
  } catch (error) {
    return done(error as Error);
  }
  done();
}

/**
 * Answers in `application/graphql-response+json` to a client that asks for it
 * (see negotiateResponseType; the error formatter shapes its errors), otherwise in
 * JSON; either way caches learn the body depends on Accept.
 */
function answerInNegotiatedType(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: Error | null, payload?: unknown) => void,
) {
  reply.header('vary', 'accept');
  const type = reply.getHeader('content-type');
  if (
    typeof type === 'string' &&
    type.startsWith('application/json') &&
    negotiateResponseType(request.headers.accept) === GRAPHQL_RESPONSE_JSON
  ) {
    reply.header('content-type', `${GRAPHQL_RESPONSE_JSON}; charset=utf-8`);
  }
  done(null, payload);
}
