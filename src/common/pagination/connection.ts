import { createHash } from 'node:crypto';
import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors/app-error.js';

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE, description: `At most ${MAX_PAGE}` })
  @Min(1)
  @Max(MAX_PAGE)
  first: number;

  @Field(() => String, {
    nullable: true,
    description:
      'The endCursor of the previous page of this same list (same arguments); anything else is refused',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

@ObjectType({
  description:
    'Relay page info. Pagination is forward only (first/after): hasPreviousPage is whether `after` was given',
})
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field({ description: 'Whether `after` was given: the page starts after an earlier item' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'The first edge’s cursor' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'The last edge’s cursor' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `node`, named `<Name>Connection` with `<Name>Edge`. */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

/**
 * What a cursor belongs to: the connection field and the arguments that choose its items
 * (not `first` or `after`). A cursor is refused anywhere else.
 */
export interface CursorScope {
  connection: string;
  args?: ReadonlyArray<string | number | null>;
}

const CURSOR_VERSION = 1;

/**
 * Not a secret: a cursor carries only a public sort key, so one made by hand reaches no
 * further than a real one would. It catches a cursor that was cut, edited or corrupted, or
 * that comes from the same connection under other arguments.
 */
const checksum = (scope: CursorScope, key: string): string =>
  createHash('sha256')
    .update(JSON.stringify([CURSOR_VERSION, scope.connection, scope.args ?? [], key]))
    .digest('base64url')
    .slice(0, 12);

/** Opaque cursors: the sort key with its connection and a checksum, base64url-encoded. */
export function encodeCursor(scope: CursorScope, key: string): string {
  const payload = [CURSOR_VERSION, scope.connection, key, checksum(scope, key)];
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

const invalidCursor = (why: string) =>
  badInput(
    'INVALID_CURSOR',
    `after: ${why}. Pass the endCursor of a page of this same list, or leave after out to start from the beginning`,
    { field: 'after' },
  );

function parseCursor(cursor: string): unknown {
  const bytes = Buffer.from(cursor, 'base64url');
  // Node skips characters that are not base64url: only an exact round trip is a cursor.
  if (bytes.toString('base64url') !== cursor) return null;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * The sort key of a cursor this connection issued, under the same arguments;
 * BAD_USER_INPUT for anything else: garbage, another connection's cursor, an altered one.
 */
export function decodeCursor(scope: CursorScope, cursor: string): string {
  const parsed = parseCursor(cursor);
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    parsed[0] !== CURSOR_VERSION ||
    !parsed.slice(1).every((part) => typeof part === 'string')
  ) {
    throw invalidCursor('not a cursor');
  }
  const [, connection, key, check] = parsed as [number, string, string, string];
  if (connection !== scope.connection) {
    throw invalidCursor(`a cursor of another list, not of ${scope.connection}`);
  }
  if (check !== checksum(scope, key)) {
    throw invalidCursor(
      `a cursor that was altered, or that belongs to ${scope.connection} with other arguments`,
    );
  }
  return key;
}

/** The page after a cursor, to fetch `first + 1` rows of and pass to `toConnection`. */
export interface PageRequest {
  scope: CursorScope;
  first: number;
  /** The decoded `after`, or null for the first page. */
  afterKey: string | null;
}

/** Reads `first` and `after`; an invalid `after` is refused before anything is fetched. */
export function pageRequest(
  scope: CursorScope,
  { first, after }: { first: number; after?: string | null },
): PageRequest {
  return { scope, first, afterKey: after == null ? null : decodeCursor(scope, after) };
}

/**
 * Builds a page from `first + 1` rows fetched after the cursor. Forward only: there is
 * something before the page exactly when it starts after a cursor (which Relay allows).
 */
export function toConnection<R, T>(
  page: PageRequest,
  rows: R[],
  totalCount: number,
  keyOf: (row: R) => string,
  toNode: (row: R) => T,
): Connection<T> {
  const edges = rows
    .slice(0, page.first)
    .map((row) => ({ cursor: encodeCursor(page.scope, keyOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.first,
      hasPreviousPage: page.afterKey !== null,
      startCursor: edges.at(0)?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
