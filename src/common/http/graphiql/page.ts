/**
 * Script and style sources may only be this server; fonts and icons are data: URIs in
 * GraphiQL's stylesheet, and its CSS-in-JS inserts <style> elements; it talks to
 * /graphql over HTTP and WebSocket on the same origin. It may not be framed: a framed
 * IDE holding a token could be clicked into running a mutation.
 */
export const PAGE_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface PageAssets {
  client: string;
  stylesheet: string;
  /** In the order they must run. */
  scripts: string[];
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The IDE's page. Until the IDE replaces it, the page says it is loading, and
 * after a while says what to do if nothing happens: that is what shows when even
 * the page's own script cannot be loaded. Every URL is relative to the page, so the
 * IDE works behind a proxy that serves Redline under a path of its own.
 */
export function renderPage(assets: PageAssets): string {
  const scripts = assets.scripts
    .map((src) => `    <script src="./${escape(src)}" defer></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="robots" content="noindex" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Redline · GraphiQL</title>
    <link rel="icon" href="data:," />
    <style>
      body { margin: 0; height: 100vh; font-family: system-ui, sans-serif; }
      #graphiql { height: 100vh; }
      .ide-status { margin: 2rem; max-width: 40rem; line-height: 1.5; }
      .ide-slow { display: block; visibility: hidden; animation: ide-reveal 0s 10s forwards; }
      .ide-failed { padding: 1rem; border-left: 4px solid #c00; background: #fee; }
      @keyframes ide-reveal { to { visibility: visible; } }
    </style>
    <link rel="stylesheet" href="./${escape(assets.stylesheet)}" />
    <script src="./${escape(assets.client)}"></script>
${scripts}
  </head>
  <body>
    <div id="graphiql">
      <p id="ide-status" class="ide-status" role="status">
        Loading the GraphQL IDE…
        <span class="ide-slow">
          If nothing happens, its scripts could not be loaded from this server: reload
          the page to try again. The API itself (./graphql) does not depend on the IDE.
        </span>
      </p>
      <noscript><p class="ide-status ide-failed">The GraphQL IDE needs JavaScript.</p></noscript>
    </div>
  </body>
</html>
`;
}
