import { AppError } from '../errors/app-error.js';
import { decodeCursor, encodeCursor, pageRequest, toConnection } from './connection.js';

const systems = { connection: 'systems' };
const osaid = { connection: 'amendments', args: ['osaid', null] };

/** The error `work` throws, which must be BAD_USER_INPUT about `after`. */
function refusal(work: () => unknown): AppError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('BAD_USER_INPUT');
    expect((error as AppError).details).toEqual({ field: 'after' });
    return error as AppError;
  }
  throw new Error('not refused');
}

describe('cursors', () => {
  it('give back the key they were made from, in the same scope', () => {
    expect(decodeCursor(systems, encodeCursor(systems, 'llama-2'))).toBe('llama-2');
    expect(decodeCursor(osaid, encodeCursor(osaid, '12'))).toBe('12');
  });

  it('are opaque: the key is not readable as is', () => {
    expect(encodeCursor(systems, 'llama-2')).not.toContain('llama');
    expect(encodeCursor(systems, 'llama-2')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('refuse garbage, including text that only looks like base64', () => {
    for (const garbage of [
      '',
      'nope',
      '!!!',
      'bGxhbWEtMg',
      Buffer.from('[1]').toString('base64url'),
    ]) {
      expect(refusal(() => decodeCursor(systems, garbage)).message).toMatch(/^after: not a cursor/);
    }
  });

  it('refuse a cursor of another connection, naming the one it was given to', () => {
    const error = refusal(() => decodeCursor(systems, encodeCursor(osaid, '3')));
    expect(error.message).toMatch(/^after: a cursor of another list, not of systems/);
  });

  it('refuse a cursor of the same connection under other arguments', () => {
    const mof = { connection: 'amendments', args: ['mof', null] };
    const voting = { connection: 'amendments', args: ['osaid', 'VOTING'] };
    for (const other of [mof, voting]) {
      expect(refusal(() => decodeCursor(other, encodeCursor(osaid, '3'))).message).toMatch(
        /altered, or that belongs to amendments with other arguments/,
      );
    }
  });

  it('refuse a cursor whose key was edited, or whose text was changed by one character', () => {
    const cursor = encodeCursor(systems, 'llama-2');
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    payload[2] = 'mistral-7b';
    const edited = Buffer.from(JSON.stringify(payload)).toString('base64url');
    expect(refusal(() => decodeCursor(systems, edited)).message).toMatch(/altered/);
    for (let i = 0; i < cursor.length; i++) {
      const flipped = cursor.slice(0, i) + (cursor[i] === 'A' ? 'B' : 'A') + cursor.slice(i + 1);
      refusal(() => decodeCursor(systems, flipped));
    }
  });
});

describe('toConnection', () => {
  const rows = ['a', 'b', 'c'];

  it('says there is a next page when it fetched one row more than asked', () => {
    const first = toConnection(
      pageRequest(systems, { first: 2 }),
      rows,
      3,
      (r) => r,
      (r) => r,
    );
    expect(first.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor(systems, 'a'),
      endCursor: encodeCursor(systems, 'b'),
    });
  });

  it('says there is a previous page when it starts after a cursor', () => {
    const page = pageRequest(systems, { first: 2, after: encodeCursor(systems, 'b') });
    expect(page.afterKey).toBe('b');
    const last = toConnection(
      page,
      ['c'],
      3,
      (r) => r,
      (r) => r,
    );
    expect(last.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: encodeCursor(systems, 'c'),
      endCursor: encodeCursor(systems, 'c'),
    });
  });

  it('gives null cursors for an empty page', () => {
    const empty = toConnection(
      pageRequest(systems, { first: 2 }),
      [],
      0,
      (r) => r,
      (r) => r,
    );
    expect(empty.pageInfo).toMatchObject({ startCursor: null, endCursor: null });
  });
});
