import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLJSON } from 'graphql-scalars';
import type { AppConfig } from '../config/config.js';
import { errorFormatter } from './error-formatter.js';
import type { LoadersFactory } from './loaders.js';
import { MAX_QUERY_DEPTH, MAX_QUERY_TOKENS, limitQueryComplexity } from './query-complexity.js';
import type { RequestContext } from './request-context.js';

export { MAX_QUERY_DEPTH };

/**
 * The schema is built in memory from the code; `npm run schema:generate` prints it
 * to schema.gql and CI fails when the committed file differs.
 */
export function graphqlOptions(config: AppConfig, loaders: LoadersFactory): MercuriusDriverConfig {
  return {
    driver: MercuriusDriver,
    autoSchemaFile: true,
    sortSchema: true,
    resolvers: { JSON: GraphQLJSON },
    graphiql: config.graphiql,
    jit: 1,
    queryDepth: MAX_QUERY_DEPTH,
    graphql: { parseOptions: { maxTokens: MAX_QUERY_TOKENS } },
    // Per request, as the cost depends on variables (`first: $n`); see query-complexity.ts.
    hooks: { preExecution: limitQueryComplexity },
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
