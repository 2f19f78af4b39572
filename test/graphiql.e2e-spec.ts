import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { codes, type GraphQLResponse } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const require = createRequire(import.meta.url);
const installed = (pkg: string, file: string) =>
  readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), file), 'utf8');

/** Every src= and href= of a page, resolved against it. */
const references = (html: string, page: string) =>
  [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map(([, ref]) => new URL(ref, page));

/** Those that make a request: the favicon is an empty data: URI. */
const requested = (html: string, page: string) =>
  references(html, page).filter((ref) => ref.protocol !== 'data:');

/** The schema query GraphiQL 3.8.3 sends on load, as its fetcher sends it. */
async function idesSchemaQuery(url: string): Promise<GraphQLResponse<any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, multipart/mixed' },
    body: JSON.stringify({ query: getIntrospectionQuery(), operationName: 'IntrospectionQuery' }),
  });
  const body = (await response.json()) as { data?: any; errors?: GraphQLResponse<any>['errors'] };
  return { status: response.status, data: body.data ?? null, errors: body.errors };
}

describe('The in-browser IDE', () => {
  let app: TestApp;
  let page: string;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
    page = app.url.replace(/graphql$/, 'graphiql');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is a page of this server that loads nothing from elsewhere', async () => {
    const response = await fetch(page);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).not.toMatch(/https?:\/\/|unpkg|jsdelivr|cdn/i);
    expect(references(html, page).filter((ref) => ref.protocol === 'data:')).toHaveLength(1);
    const loaded = requested(html, page);
    expect(loaded.map((ref) => ref.pathname.split('/').pop())).toEqual([
      'graphiql.min.css',
      'redline-graphiql.js',
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
    ]);
    for (const ref of loaded) {
      expect(ref.origin).toBe(new URL(page).origin);
      const asset = await fetch(ref);
      const type = ref.pathname.endsWith('.css') ? 'text/css' : 'text/javascript';
      expect([ref.pathname, asset.status, asset.headers.get('content-type')]).toEqual([
        ref.pathname,
        200,
        `${type}; charset=utf-8`,
      ]);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('serves the pinned packages as installed, cached for good under URLs that change with them', async () => {
    const html = await (await fetch(page)).text();
    const [, , react, reactDom, graphiql] = requested(html, page);
    const expected: Array<[URL, string]> = [
      [react, installed('react', 'umd/react.production.min.js')],
      [reactDom, installed('react-dom', 'umd/react-dom.production.min.js')],
      [graphiql, installed('graphiql', 'graphiql.min.js')],
    ];
    for (const [url, content] of expected) {
      const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(await response.text()).toBe(content);
      const etag = response.headers.get('etag')!;
      expect(etag).toMatch(new RegExp(`^W/"${url.pathname.split('/').at(-2)}"$`));
      const again = await fetch(url, { headers: { 'if-none-match': etag } });
      expect([again.status, await again.text()]).toEqual([304, '']);
    }
    // The developer tools follow the bundle's sourceMappingURL to the same folder.
    const map = await fetch(`${graphiql.href}.map`);
    expect([map.status, map.headers.get('content-type')]).toEqual([
      200,
      'application/json; charset=utf-8',
    ]);
    expect(JSON.parse(await map.text())).toHaveProperty('mappings');
  });

  it('is revalidated on every visit, may not be framed and runs only scripts of this server', async () => {
    const response = await fetch(page);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const policy = response.headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const again = await fetch(page, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('tells the visitor when a script does not load, and which one', async () => {
    const html = await (await fetch(page)).text();
    // Before any script runs, and if even the page's own script cannot be fetched.
    expect(html).toContain('If nothing happens, its scripts could not be loaded from this server');
    const client = requested(html, page).find((ref) => ref.pathname.endsWith('graphiql.js'))!;
    const script = await (await fetch(client)).text();
    expect(script).toContain("window.addEventListener('error'");
    expect(script).toContain('did not load from this server');
    // The endpoint it talks to, over HTTP and WebSocket, is found relative to the page.
    expect(script).toContain("new URL('graphql', window.location.href)");
    expect(script).not.toMatch(/https?:\/\//);
  });

  it('loads its schema: its introspection query is exempt from the depth limit while it is on', async () => {
    const result = await idesSchemaQuery(app.url);
    expect([result.status, result.errors]).toEqual([200, undefined]);
    expect(result.data.__schema.types.length).toBeGreaterThan(10);
  });

  it('no longer answers on the routes of the Mercurius page it replaces', async () => {
    for (const path of ['main.js', 'config.js', 'sw.js']) {
      expect([path, (await fetch(`${page}/${path}`)).status]).toEqual([path, 404]);
    }
  });

  describe('when GRAPHIQL=false', () => {
    let off: TestApp;
    beforeAll(async () => {
      off = await startTestApp({ seed: false, env: { GRAPHIQL: 'false' } });
    });
    afterAll(async () => {
      await off?.close();
    });

    it('is not served, nor are its assets, and the deep introspection is refused', async () => {
      const html = await (await fetch(page)).text();
      const offPage = off.url.replace(/graphql$/, 'graphiql');
      expect((await fetch(offPage)).status).toBe(404);
      for (const ref of requested(html, page)) {
        expect((await fetch(new URL(ref.pathname, offPage))).status).toBe(404);
      }
      expect(codes(await idesSchemaQuery(off.url))).toEqual(['QUERY_TOO_COMPLEX']);
    });
  });
});
