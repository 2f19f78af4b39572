import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import type { Loaders } from './loaders.js';

/** The per-request GraphQL context: the raw request, the caller once known, and the request's loaders. */
export interface RequestContext {
  req: FastifyRequest;
  reply: FastifyReply;
  /** undefined until the guard has looked at the token; null for anonymous callers. */
  principal?: Principal | null;
  principalLookup?: Promise<Principal | null>;
  loaders: Loaders;
}
