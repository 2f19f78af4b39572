import type { MercuriusDriverConfig } from '@nestjs/mercurius';
import { MercuriusDriver } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLJSON } from 'graphql-scalars';
import type { AppConfig } from '../config/config.js';
import { errorFormatter } from './error-formatter.js';
import type { LoadersFactory } from './loaders.js';
import type { RequestContext } from './request-context.js';

/** Deeper queries than this are refused before they run. */
export const MAX_QUERY_DEPTH = 10;

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
    errorFormatter,
    context: (req: FastifyRequest, reply: FastifyReply): RequestContext => ({
      req,
      reply,
      loaders: loaders.create(),
    }),
  };
}
