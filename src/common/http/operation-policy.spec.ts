import type { FastifyRequest } from 'fastify';
import { parse } from 'graphql';
import { selectOperation, websocketUrl } from './operation-policy.js';

const request = (method: string, host?: string, protocol = 'http') =>
  ({
    method,
    protocol,
    host: host ?? '',
    routeOptions: { url: '/graphql' },
  }) as unknown as FastifyRequest;

/** The code and status of what `run` throws, or 'ran'. */
function outcome(run: () => unknown): string {
  try {
    run();
    return 'ran';
  } catch (error) {
    const { statusCode, extensions } = error as {
      statusCode: number;
      extensions: { code: string };
    };
    return `${statusCode} ${extensions.code}`;
  }
}

describe('selectOperation', () => {
  const post = request('POST', 'api.example.org');
  const get = request('GET', 'api.example.org');

  it('selects the named operation, or the only one, and says when there are several', () => {
    const two = parse('query A { a: __typename } mutation B { b: __typename }');
    expect(selectOperation(two, 'B', post)).toMatchObject({
      operation: { name: { value: 'B' } },
      several: true,
    });
    expect(selectOperation(parse('{ __typename }'), null, get).several).toBe(false);
  });

  it('refuses a name the document lacks, or none among several', () => {
    const two = parse('query A { __typename } query B { __typename }');
    expect(outcome(() => selectOperation(two, 'C', post))).toBe('400 BAD_USER_INPUT');
    expect(outcome(() => selectOperation(two, undefined, post))).toBe('400 BAD_USER_INPUT');
    expect(outcome(() => selectOperation(parse('{ a }'), '', post))).toBe('400 BAD_USER_INPUT');
    const fragmentsOnly = parse('fragment F on Query { __typename }');
    expect(outcome(() => selectOperation(fragmentsOnly, null, get))).toBe('400 BAD_USER_INPUT');
  });

  it('refuses a mutation over GET, and a subscription over any HTTP method', () => {
    const mutation = parse('mutation { signOut }');
    expect(outcome(() => selectOperation(mutation, null, post))).toBe('ran');
    expect(outcome(() => selectOperation(mutation, null, get))).toBe('405 METHOD_NOT_ALLOWED');
    const subscription = parse('subscription { amendmentEvents { action } }');
    for (const method of [post, get]) {
      expect(outcome(() => selectOperation(subscription, null, method))).toBe(
        '400 WEBSOCKET_REQUIRED',
      );
    }
  });
});

describe('websocketUrl', () => {
  it('is the endpoint as the request reached it, wss behind TLS', () => {
    expect(websocketUrl(request('POST', 'localhost:3000'))).toBe('ws://localhost:3000/graphql');
    expect(websocketUrl(request('POST', 'api.example.org', 'https'))).toBe(
      'wss://api.example.org/graphql',
    );
    expect(websocketUrl(request('POST', '[::1]:8080'))).toBe('ws://[::1]:8080/graphql');
  });

  it('does not echo a Host header that is not a plain host', () => {
    for (const host of [undefined, '', 'evil.example/"><script>', 'a b', 'user@host', 'h:1:2']) {
      expect([host, websocketUrl(request('POST', host))]).toEqual([host, '/graphql']);
    }
  });
});
