import { randomUUID } from 'node:crypto';
import { serverAudits, type Audit } from 'graphql-http';
import { EventsService } from '../src/events/events.service.js';
import { signIn, signUp } from '../testkit/factories/index.js';
import { codes, ok } from '../testkit/graphql-client.js';
import { subscribe } from './support/subscriptions.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The SHOULDs of the GraphQL-over-HTTP specification Redline does not follow, with
 * docs/http.md's reasons: in application/json a request error is answered 400, as
 * in application/graphql-response+json. A fix or a regression both fail below.
 */
const SHOULDS_NOT_FOLLOWED: Record<string, string> = {
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B':
    'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
};

const EVENTS = `subscription ($number: Int!) { amendmentEvents(definition: "osaid", number: $number) { action } }`;

const signUpInput = (email: string) => ({
  handle: `h-${randomUUID().slice(0, 8)}`,
  email,
  password: 'a-long-enough-password',
  displayName: 'Someone',
  organization: 'Example Org',
  sector: 'ACADEMIA',
});

/** A POST with any body and headers, read back as the client would. */
async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    headers: response.headers,
    body: JSON.parse(text) as Record<string, any>,
  };
}

async function get(url: string, params: Record<string, string>, accept?: string) {
  const response = await fetch(`${url}?${new URLSearchParams(params).toString()}`, {
    headers: accept ? { accept } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const json = { 'content-type': 'application/json' };

describe('GraphQL over HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('the graphql-http audit suite', () => {
    const audits: Audit[] = serverAudits({ url: () => app.url });
    const level = (audit: Audit) => audit.name.split(' ')[0];

    it('has the SHOULDs Redline does not follow among its audits', () => {
      const names = Object.fromEntries(audits.map((audit) => [audit.id, audit.name]));
      for (const [id, name] of Object.entries(SHOULDS_NOT_FOLLOWED)) expect(names[id]).toBe(name);
      expect(audits.filter((audit) => level(audit) === 'MUST').length).toBeGreaterThan(10);
    });

    it.each(audits.map((audit) => [audit.id, audit.name, audit] as const))(
      '%s %s',
      async (id, _name, audit) => {
        const result = await audit.fn();
        const outcome =
          result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason} (${id})`;
        if (level(audit) === 'SHOULD' && id in SHOULDS_NOT_FOLLOWED) {
          expect(outcome).toMatch(/^warn: Response status code is not 200/);
        } else {
          // Every MUST, every other SHOULD, and the MAYs, which Redline all follows.
          expect(outcome).toBe('ok');
        }
      },
    );
  });

  describe('request media types', () => {
    it('executes JSON, with or without a UTF-8 charset, and application/graphql', async () => {
      const query = '{ __typename }';
      for (const type of ['application/json', 'application/json; charset=utf-8']) {
        const answer = await post(app.url, JSON.stringify({ query }), { 'content-type': type });
        expect([type, answer.status, answer.body]).toEqual([
          type,
          200,
          { data: { __typename: 'Query' } },
        ]);
      }
      const text = await post(app.url, query, { 'content-type': 'application/graphql' });
      expect([text.status, text.body]).toEqual([200, { data: { __typename: 'Query' } }]);
    });

    it('refuses a form-encoded signUp with 415 UNSUPPORTED_MEDIA_TYPE and creates no account', async () => {
      const email = `csrf-${randomUUID()}@example.org`;
      const input = signUpInput(email);
      const literal = `mutation { signUp(input: { handle: "${input.handle}", email: "${email}",
        password: "${input.password}", displayName: "x", organization: "x", sector: ACADEMIA }) { token } }`;
      const form = await post(app.url, new URLSearchParams({ query: literal }).toString(), {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(form.status).toBe(415);
      expect(form.headers.get('accept-post')).toBe('application/json, application/graphql');
      expect(form.body).toEqual({
        data: null,
        errors: [
          {
            message:
              'Send GraphQL requests as application/json (or application/graphql); this one is application/x-www-form-urlencoded',
            extensions: {
              code: 'UNSUPPORTED_MEDIA_TYPE',
              accepted: ['application/json', 'application/graphql'],
            },
          },
        ],
      });
      expect(await app.sql('SELECT 1 FROM stakeholders WHERE email = $1', [email])).toEqual([]);
      // Control: the same mutation as JSON signs up, and the account can sign in.
      expect(await ok(app.url, literal)).toEqual({ signUp: { token: expect.any(String) } });
      await expect(signIn(app, email, input.password)).resolves.toEqual(expect.any(String));
    });

    it('refuses every other body a page could send cross-site, and any type but JSON', async () => {
      const body = JSON.stringify({ query: '{ __typename }' });
      const refused: Record<string, string> = {
        'text/plain': body,
        'text/plain; charset=utf-8': body,
        'multipart/form-data; boundary=x': `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n`,
        'application/json; charset=latin1': body,
        'application/xml': '<query/>',
        'application/graphql-response+json': body,
      };
      for (const [type, content] of Object.entries(refused)) {
        const answer = await post(app.url, content, { 'content-type': type });
        expect([type, answer.status, codes(answer.body as any)]).toEqual([
          type,
          415,
          ['UNSUPPORTED_MEDIA_TYPE'],
        ]);
      }
      // No Content-Type at all, with or without a body.
      for (const content of [body, '']) {
        const answer = await fetch(app.url, { method: 'POST', body: Buffer.from(content) });
        expect(answer.status).toBe(415);
        expect(codes((await answer.json()) as any)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
      }
    });

    it('takes `"extensions": null` as no extensions', async () => {
      const answer = await post(
        app.url,
        JSON.stringify({ query: '{ __typename }', variables: null, extensions: null }),
        json,
      );
      expect([answer.status, answer.body]).toEqual([200, { data: { __typename: 'Query' } }]);
    });

    it('refuses parameters of the wrong type with 400 instead of reading them as text', async () => {
      for (const params of [{ query: 1 }, { query: '{ __typename }', variables: 1 }]) {
        const answer = await post(app.url, JSON.stringify(params), json);
        expect([params, answer.status]).toEqual([params, 400]);
        expect(codes(answer.body as any)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      }
    });
  });

  describe('operations HTTP does not run', () => {
    it('refuses a mutation sent with GET with 405 METHOD_NOT_ALLOWED; a query runs', async () => {
      const query = await get(app.url, { query: '{ __typename }' });
      expect(query).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
      const mutation = await get(app.url, { query: 'mutation { signOut }' });
      expect(mutation.status).toBe(405);
      expect(mutation.body.errors).toEqual([
        {
          message: 'A mutation cannot be sent with GET: use POST',
          extensions: { code: 'METHOD_NOT_ALLOWED' },
        },
      ]);
    });

    it('refuses a subscription over HTTP with WEBSOCKET_REQUIRED, naming the WebSocket endpoint', async () => {
      const ws = app.url.replace(/^http/, 'ws');
      const refusal = {
        message: `Subscriptions are served over WebSocket, not HTTP: connect to ${ws} with the graphql-transport-ws protocol`,
        extensions: { code: 'WEBSOCKET_REQUIRED', url: ws, protocol: 'graphql-transport-ws' },
      };
      const body = JSON.stringify({ query: EVENTS, variables: { number: 1 } });
      for (const accept of ['application/json', 'text/event-stream']) {
        const answer = await post(app.url, body, { ...json, accept });
        expect([accept, answer.status, answer.body]).toEqual([
          accept,
          400,
          { data: null, errors: [refusal] },
        ]);
      }
      const overGet = await get(app.url, { query: EVENTS, variables: '{"number":1}' });
      expect(overGet).toEqual({ status: 400, body: { data: null, errors: [refusal] } });

      // Control: over WebSocket the same subscription is served.
      const sub = await subscribe(app.url, EVENTS, { number: 1 });
      try {
        const events = app.nest.get(EventsService);
        let received = null;
        for (let attempt = 0; attempt < 50 && !received; attempt++) {
          await app.dataSource.transaction((manager) =>
            events.publish(manager, {
              definition: 'osaid',
              number: 1,
              amendmentId: randomUUID(),
              action: 'test.probe',
              fromState: 'DRAFT',
              toState: 'OPEN',
              actorId: null,
              at: new Date().toISOString(),
            }),
          );
          received = await sub.next(200).catch(() => null);
        }
        expect(received).toEqual({ data: { amendmentEvents: { action: 'test.probe' } } });
      } finally {
        await sub.close();
      }
    });
  });

  describe('operationName', () => {
    const TWO = 'query A { a: __typename } query B { b: __typename }';

    it('runs the named operation every time, not the one first compiled', async () => {
      // Mercurius compiles a document on its second run (jit: 1) for the operation it ran.
      for (let i = 0; i < 3; i++) {
        const a = await post(app.url, JSON.stringify({ query: TWO, operationName: 'A' }), json);
        expect(a.body).toEqual({ data: { a: 'Query' } });
      }
      const b = await post(app.url, JSON.stringify({ query: TWO, operationName: 'B' }), json);
      expect(b.body).toEqual({ data: { b: 'Query' } });
      expect(await get(app.url, { query: TWO, operationName: 'B' })).toEqual({
        status: 200,
        body: { data: { b: 'Query' } },
      });
    });

    it('never runs a compiled mutation for a GET that names a query', async () => {
      const doc = 'mutation M { signOut } query Q { __typename }';
      for (let i = 0; i < 3; i++) {
        const m = await post(app.url, JSON.stringify({ query: doc, operationName: 'M' }), json);
        expect(codes(m.body as any)).toEqual(['UNAUTHENTICATED']);
      }
      expect(await get(app.url, { query: doc, operationName: 'Q' })).toEqual({
        status: 200,
        body: { data: { __typename: 'Query' } },
      });
    });

    it('refuses an operationName the document lacks, or none among several, with 400', async () => {
      const cases: Array<[Record<string, string>, string]> = [
        [{ query: TWO, operationName: 'C' }, 'The document has no operation named "C"'],
        [
          { query: TWO },
          'The document has several operations: name the one to run in operationName',
        ],
        [
          { query: '{ __typename }', operationName: 'C' },
          'The document has no operation named "C"',
        ],
      ];
      for (const [params, message] of cases) {
        const errors = [
          { message, extensions: { code: 'BAD_USER_INPUT', reason: 'NO_SUCH_OPERATION' } },
        ];
        const overPost = await post(app.url, JSON.stringify(params), json);
        expect([params, overPost.status, overPost.body]).toEqual([
          params,
          400,
          { data: null, errors },
        ]);
        const overGet = await get(app.url, params);
        expect([params, overGet]).toEqual([params, { status: 400, body: { data: null, errors } }]);
      }
    });
  });

  describe('response media type', () => {
    const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
    const modern = { ...json, accept: 'application/graphql-response+json,application/json;q=0.9' };

    it('answers in application/graphql-response+json to a client that asks for it, else JSON', async () => {
      const body = JSON.stringify({ query: '{ __typename }' });
      const answer = await post(app.url, body, modern);
      expect([answer.status, answer.type, answer.body]).toEqual([
        200,
        GRAPHQL_RESPONSE,
        { data: { __typename: 'Query' } },
      ]);
      expect(answer.headers.get('vary')).toMatch(/accept/i);
      for (const accept of ['*/*', 'application/json']) {
        const legacy = await post(app.url, body, { ...json, accept });
        expect([accept, legacy.type]).toEqual([accept, 'application/json; charset=utf-8']);
      }
    });

    it('leaves `data` out of a request error in application/graphql-response+json', async () => {
      const syntax = await post(app.url, JSON.stringify({ query: '{ __typename' }), modern);
      expect([syntax.status, syntax.type, Object.keys(syntax.body)]).toEqual([
        400,
        GRAPHQL_RESPONSE,
        ['errors'],
      ]);
      const refused = await post(app.url, 'query={__typename}', {
        'content-type': 'application/x-www-form-urlencoded',
        accept: modern.accept,
      });
      expect([refused.status, refused.type, refused.body]).toEqual([
        415,
        GRAPHQL_RESPONSE,
        { errors: [expect.objectContaining({ extensions: expect.anything() })] },
      ]);
      // A field error is not a request error: `data` stays, and so does 200.
      const member = await signUp(app);
      const field = await post(app.url, JSON.stringify({ query: '{ __typename me { handle } }' }), {
        ...modern,
        authorization: `Bearer ${member.token}x`,
      });
      expect([field.status, field.type, field.body]).toEqual([
        200,
        GRAPHQL_RESPONSE,
        {
          data: { __typename: 'Query', me: null },
          errors: [
            expect.objectContaining({
              extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' },
            }),
          ],
        },
      ]);
    });
  });
});
