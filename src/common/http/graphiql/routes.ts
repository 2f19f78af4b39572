import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ownAsset, vendorAsset, gzippedBody, type Asset } from './assets.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { PAGE_SECURITY_POLICY, renderPage } from './page.js';

/** The page is checked again on every visit; the assets' URLs change with their content. */
const PAGE_CACHE = 'no-cache';
const ASSET_CACHE = 'public, max-age=31536000, immutable';

/**
 * The in-browser IDE at /graphiql, served with its assets from this server
 * (docs/http.md): nothing is loaded from a CDN, so it works offline and behind a
 * firewall, and the versions are those of the lock file.
 */
export function registerGraphiql(app: FastifyInstance): void {
  const client = ownAsset('redline-graphiql.js', 'text/javascript; charset=utf-8', CLIENT_SCRIPT);
  const react = vendorAsset('react');
  const reactDom = vendorAsset('reactDom');
  const graphiql = vendorAsset('graphiql');
  const stylesheet = vendorAsset('graphiqlCss');
  const html = renderPage({
    client: client.path,
    stylesheet: stylesheet.path,
    scripts: [react.path, reactDom.path, graphiql.path],
  });
  // Hashed like an asset for its ETag, but served at /graphiql itself.
  const page = { ...ownAsset('graphiql', 'text/html; charset=utf-8', html), path: 'graphiql' };

  app.get('/graphiql', (request, reply) => {
    reply.header('content-security-policy', PAGE_SECURITY_POLICY);
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    return send(request, reply, page, PAGE_CACHE);
  });
  for (const asset of [client, react, reactDom, graphiql, stylesheet]) {
    app.get(`/${asset.path}`, (request, reply) => send(request, reply, asset, ASSET_CACHE));
    const map = asset.sourceMap;
    // For the browser's developer tools, which follow the file's sourceMappingURL.
    if (map) {
      app.get(`/${asset.path}.map`, (_request, reply) =>
        reply
          .header('cache-control', ASSET_CACHE)
          .header('x-content-type-options', 'nosniff')
          .type('application/json; charset=utf-8')
          .send(createReadStream(map)),
      );
    }
  }
}

async function send(request: FastifyRequest, reply: FastifyReply, asset: Asset, cache: string) {
  reply
    .header('cache-control', cache)
    .header('etag', asset.etag)
    .header('vary', 'accept-encoding')
    .header('x-content-type-options', 'nosniff');
  if (matches(request.headers['if-none-match'], asset.etag)) return reply.code(304).send();
  reply.type(asset.type);
  if (asset.body.length > 1024 && acceptsGzip(request.headers['accept-encoding'])) {
    return reply.header('content-encoding', 'gzip').send(await gzippedBody(asset));
  }
  return reply.send(asset.body);
}

/** If-None-Match, compared weakly as RFC 9110 asks for it. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((coding) => {
    const [name, ...params] = coding.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return name === 'gzip' && (!q || Number(q.slice(2)) > 0);
  });
}
