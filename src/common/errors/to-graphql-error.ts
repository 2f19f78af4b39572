import { BadRequestException, HttpException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { AppError, type ErrorCode } from './app-error.js';

const logger = new Logger('Errors');

/** The reason and a readable message for each constraint a client can run into. */
const CONSTRAINTS: Record<string, [reason: string, message: string]> = {
  stakeholders_email: ['EMAIL_TAKEN', 'That email is taken'],
  stakeholders_handle_lower: ['HANDLE_TAKEN', 'That handle is taken'],
  definitions_slug: ['SLUG_TAKEN', 'A definition with that slug exists'],
  ai_systems_slug: ['SLUG_TAKEN', 'A system with that slug exists'],
  definition_versions_definition_label: [
    'LABEL_TAKEN',
    'That version label exists in this definition',
  ],
  criteria_version_key: ['DUPLICATE_KEY', 'Two criteria in one version share a key'],
  votes_amendment_voter: ['ALREADY_VOTED', 'You have already voted on this amendment'],
  amendments_definition_number: ['NUMBER_TAKEN', 'That amendment number is taken'],
};

/**
 * Maps anything thrown while resolving a field to a GraphQL error whose
 * `extensions.code` is one of the documented codes. Unknown errors are logged
 * here and reach the client only as a generic INTERNAL_SERVER_ERROR, so no stack
 * trace or driver message ever leaves the server.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof AppError) {
    return coded(error.code, error.message, { ...error.details, reason: error.reason });
  }
  if (error instanceof GraphQLError) {
    return error.extensions?.code
      ? error
      : coded('BAD_USER_INPUT', error.message, { reason: 'INVALID_INPUT' });
  }
  if (error instanceof BadRequestException) {
    const response = error.getResponse() as { message?: string | string[] };
    const messages = Array.isArray(response.message) ? response.message : [error.message];
    return coded('BAD_USER_INPUT', messages.join('; '), {
      reason: 'INVALID_INPUT',
      problems: messages,
    });
  }
  if (error instanceof HttpException) {
    return coded(httpCode(error.getStatus()), error.message, {
      reason: `HTTP_${error.getStatus()}`,
    });
  }
  // TypeORM wraps the driver's error; statements sent on the pool directly (prepared-query.ts) throw it bare.
  const driverError = error instanceof QueryFailedError ? error.driverError : error;
  if (driverError instanceof pg.DatabaseError) {
    const mapped = fromPostgres(driverError);
    if (mapped) return mapped;
  }
  return internalServerError(error);
}

/** A fault of the server: logged here, and only a generic message reaches the client. */
export function internalServerError(error: unknown): GraphQLError {
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return coded('INTERNAL_SERVER_ERROR', 'Internal server error');
}

interface PostgresError {
  code?: string;
  constraint?: string;
  message?: string;
}

function fromPostgres(error: PostgresError): GraphQLError | null {
  switch (error.code) {
    case '23505': // unique_violation
      return byConstraint('CONFLICT', error, 'DUPLICATE', 'That record already exists');
    case '23503': // foreign_key_violation
      return coded('BAD_USER_INPUT', 'A referenced record does not exist', {
        reason: 'MISSING_REFERENCE',
      });
    case '23514': // check_violation
    case '22P02': // invalid_text_representation (e.g. a malformed uuid)
      return byConstraint('BAD_USER_INPUT', error, 'INVALID_VALUE', 'A value is not allowed');
    // PostgreSQL text and jsonb cannot hold U+0000, which JSON and GraphQL strings can:
    // the input is what is wrong, whichever column it was headed for.
    case '22021': // character_not_in_repertoire ("invalid byte sequence for encoding UTF8: 0x00")
    case '22P05': // untranslatable_character (a \u0000 escape in jsonb)
      return coded('BAD_USER_INPUT', 'Text cannot contain the NUL character (U+0000)', {
        reason: 'NUL_CHARACTER',
      });
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
      return coded('CONFLICT', 'Another change got there first; try again', {
        reason: 'CONCURRENT_CHANGE',
      });
    case 'P0001': // raise_exception from Redline's own triggers: their text is meant for users
      return coded('CONFLICT', error.message ?? 'Refused by the database', {
        reason: 'REFUSED_BY_DATABASE',
      });
    default:
      return null;
  }
}

function byConstraint(
  code: ErrorCode,
  error: PostgresError,
  reason: string,
  message: string,
): GraphQLError {
  const [named, readable] = (error.constraint && CONSTRAINTS[error.constraint]) || [
    reason,
    message,
  ];
  return coded(code, readable, { reason: named });
}

function httpCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  return status < 500 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
}

function coded(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...details, code } });
}
