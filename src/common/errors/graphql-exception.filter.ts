import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { toGraphQLError } from './to-graphql-error.js';

/** The one place where errors become GraphQL errors; resolvers never catch to translate. */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost) {
    return toGraphQLError(exception);
  }
}
