/** What the editor holds on a first visit; GraphiQL keeps the user's own text after that. */
const DEFAULT_QUERY = `# Redline's GraphQL API. Reads need no account.
# To write, sign in first:
#
#   mutation {
#     signIn(email: "…", password: "…") { token }
#   }
#
# then open Headers below and put in
#   {"Authorization": "Bearer <token>"}
# Subscriptions (amendmentEvents) run here too,
# over WebSocket, with the same header.

{
  version(definition: "osaid", label: "1.0") {
    label
    status
    criteria {
      key
      component
    }
  }
}
`;

/**
 * The page's own script, run before GraphiQL's (so it hears of any script or
 * stylesheet that fails to load) and starting the IDE once they have all run. Plain
 * browser JavaScript kept as text: it is served as is, never compiled.
 */
export const CLIENT_SCRIPT = `'use strict';
(function () {
  var failed = [];

  function show(text) {
    var status = document.getElementById('ide-status');
    if (!status) return;
    status.textContent = text;
    status.className = 'ide-status ide-failed';
  }

  function missing() {
    return (
      'The GraphQL IDE could not start: ' + failed.join(', ') +
      ' did not load from this server. Reload the page to try again. ' +
      'The API itself (./graphql) does not depend on the IDE.'
    );
  }

  // Load errors of <script> and <link> elements do not bubble; they are caught on the way down.
  window.addEventListener('error', function (event) {
    var element = event.target;
    if (element && (element.tagName === 'SCRIPT' || element.tagName === 'LINK')) {
      failed.push(element.getAttribute('src') || element.getAttribute('href'));
      show(missing());
    }
  }, true);

  function start() {
    var url = new URL('graphql', window.location.href);
    var socket = new URL(url.href);
    socket.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    var fetcher = window.GraphiQL.createFetcher({ url: url.href, subscriptionUrl: socket.href });
    window.ReactDOM.createRoot(document.getElementById('graphiql')).render(
      window.React.createElement(window.GraphiQL, {
        fetcher: fetcher,
        defaultQuery: ${JSON.stringify(DEFAULT_QUERY)},
        headerEditorEnabled: true,
        shouldPersistHeaders: true,
      }),
    );
  }

  // Deferred scripts have all run (or failed) by now.
  document.addEventListener('DOMContentLoaded', function () {
    if (failed.length > 0) return show(missing());
    if (!window.React || !window.ReactDOM || !window.GraphiQL) {
      return show('The GraphQL IDE could not start: its scripts loaded but did not run.');
    }
    try {
      start();
    } catch (error) {
      show('The GraphQL IDE could not start: ' + error);
    }
  });
})();
`;
