import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Kind, specifiedRules, validate, type DocumentNode } from 'graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { AppConfig } from '../config/config.js';
import { graphqlRouteOptions } from '../http/graphql-route.js';
import { selectOperation } from '../http/operation-policy.js';
import { depthLimit, isIntrospectionOnly } from './depth-limit.js';
import { errorFormatter } from './error-formatter.js';
import { withInputDefaults } from './input-defaults.js';
import { checkRequestValues } from './request-values.js';
import type { LoadersRegistry } from './loaders.js';
import { MAX_QUERY_DEPTH, MAX_QUERY_TOKENS, limitQueryComplexity } from './query-complexity.js';
import type { RequestContext } from './request-context.js';

export { MAX_QUERY_DEPTH };

/** The IDE's schema query is 15 deep; nothing may go deeper than this. */
const INTROSPECTION_DEPTH_CEILING = 16;

const introspectionOnly = (document: DocumentNode) =>
  document.definitions.every(
    (definition) =>
      definition.kind !== Kind.OPERATION_DEFINITION || isIntrospectionOnly(definition),
  );

/**
 * The schema is built in memory from the code; `npm run schema:generate` prints it
 * to schema.gql and CI fails when the committed file differs.
 */
export function graphqlOptions(config: AppConfig, loaders: LoadersRegistry): MercuriusDriverConfig {
  return {
    driver: MercuriusDriver,
    autoSchemaFile: true,
    sortSchema: true,
    resolvers: { JSON: GraphQLJSON },
    // Redline serves the IDE itself, with its assets (src/common/http/graphiql); Mercurius'
    // page loads them from a CDN. `config.graphiql` still exempts its introspection below.
    graphiql: false,
    // Media types, operations HTTP may not run, response negotiation: docs/http.md.
    additionalRouteOptions: graphqlRouteOptions,
    jit: 1,
    // MAX_QUERY_DEPTH for every query, but with the IDE on, its introspection may go
    // deeper (see depth-limit.ts); Mercurius' own limit is the ceiling for everything.
    queryDepth: INTROSPECTION_DEPTH_CEILING,
    validationRules: [depthLimit(MAX_QUERY_DEPTH, config.graphiql)],
    graphql: { parseOptions: { maxTokens: MAX_QUERY_TOKENS } },
    hooks: {
      // Every query or mutation over HTTP, whether Mercurius parsed it now or had it cached.
      preExecution: (schema, document, context, variables) => {
        // Mercurius runs this hook for HTTP requests only (WebSocket has hooks of its own).
        const request = (context as unknown as Partial<RequestContext>).reply?.request;
        const params = (request?.method === 'GET' ? request.query : request?.body) as
          { operationName?: string | null } | undefined;
        const several =
          request !== undefined &&
          selectOperation(document, params?.operationName, request).several;
        checkRequestValues(document, variables);
        // Before either executor sees them: graphql-jit drops input-object defaults.
        const filled = withInputDefaults(schema, document, variables);
        // Per request, as the cost depends on variables (`first: $n`); see query-complexity.ts.
        if (!(config.graphiql && introspectionOnly(document)))
          limitQueryComplexity(schema, document, context, filled ?? variables);
        // Mercurius compiles a document once (jit) for the operation it first ran and then
        // runs that one whatever operationName says; a document of several operations
        // handed back as "modified" is always executed by graphql-js, which selects.
        if (!filled && !several) return undefined;
        return { variables: filled ?? undefined, document: several ? document : undefined };
      },
      // Subscriptions over WebSocket take Mercurius' other path, which neither validates
      // them nor runs the hook above: the same rules and limits, applied here.
      preSubscriptionExecution: (schema, document) => {
        const [invalid] = validate(schema, document, [
          ...specifiedRules,
          depthLimit(MAX_QUERY_DEPTH, false),
        ]);
        if (invalid) throw invalid;
        checkRequestValues(document, undefined);
        limitQueryComplexity(schema, document, undefined, {});
      },
    },
    errorFormatter,
    context: (req: FastifyRequest, reply: FastifyReply): RequestContext => ({
      req,
      reply,
      loaders: loaders.create(),
    }),
    // WebSocket subscriptions (graphql-transport-ws, or the older graphql-ws) on /graphql.
    subscription: {
      // The guard reads the token from ctx.req.headers, as on HTTP. Mercurius copies
      // the connection_init payload (a client's `connectionParams`) into the upgrade
      // request's headers without overriding any it has, so either place works.
      context: (_socket, req) => ({ req, loaders: loaders.create() }),
      onConnect: ({ payload }) => {
        lowerCaseHeaderNames(payload?.headers ?? payload);
        return true;
      },
    },
  };
}

/** Clients send `{ Authorization: … }` as often as `{ authorization: … }`; headers are lower case. */
function lowerCaseHeaderNames(headers: unknown): void {
  if (typeof headers !== 'object' || headers === null) return;
  const named = headers as Record<string, unknown>;
  for (const [name, value] of Object.entries(named)) named[name.toLowerCase()] ??= value;
}
