import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** A file served to the IDE, at a URL that changes whenever its content does. */
export interface Asset {
  /** Relative to the page, e.g. `graphiql/assets/3f…/react.production.min.js`. */
  path: string;
  type: string;
  body: Buffer;
  /** A weak validator: the gzip-encoded representation shares it. */
  etag: string;
  /** The source map beside the file, when the package ships one. */
  sourceMap: string | null;
}

/**
 * What the IDE loads: GraphiQL's own bundle (CodeMirror, its toolkit and graphql-ws
 * included) and the React it is built for, at the versions the lock file pins
 * (Mercurius' page loaded the same versions from unpkg.com).
 */
export const VENDOR_FILES = {
  react: { from: 'react', file: 'umd/react.production.min.js', type: JS },
  reactDom: { from: 'react-dom', file: 'umd/react-dom.production.min.js', type: JS },
  graphiql: { from: 'graphiql', file: 'graphiql.min.js', type: JS },
  graphiqlCss: { from: 'graphiql', file: 'graphiql.min.css', type: CSS },
} as const;

const require = createRequire(import.meta.url);

/** The path of a file inside an installed package (their `exports` do not list the UMD builds). */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** Reads a vendor file; a missing one stops start-up (an incomplete install), not the page. */
export function vendorAsset(name: keyof typeof VENDOR_FILES): Asset {
  const { from, file, type } = VENDOR_FILES[name];
  const path = packageFile(from, file);
  let body: Buffer;
  try {
    body = readFileSync(path);
  } catch {
    throw new Error(
      `The in-browser IDE needs ${from}/${file}, which is not installed: run npm ci, or set GRAPHIQL=false`,
    );
  }
  return asset(basename(file), type, body, existsSync(`${path}.map`) ? `${path}.map` : null);
}

/** An asset of Redline's own (the page's script). */
export function ownAsset(name: string, type: string, text: string): Asset {
  return asset(name, type, Buffer.from(text), null);
}

function asset(name: string, type: string, body: Buffer, sourceMap: string | null): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return { path: `graphiql/assets/${hash}/${name}`, type, body, etag: `W/"${hash}"`, sourceMap };
}

const gzipped = new WeakMap<Asset, Promise<Buffer>>();
const compress = promisify(gzip);

/** The asset gzip-encoded, compressed once on first demand (GraphiQL's bundle is 3.5 MB). */
export function gzippedBody(asset: Asset): Promise<Buffer> {
  let body = gzipped.get(asset);
  if (!body) gzipped.set(asset, (body = compress(asset.body)));
  return body;
}
