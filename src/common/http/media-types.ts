/** The response media type of the GraphQL-over-HTTP specification. */
export const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
export const JSON_TYPE = 'application/json';

/** What a POST to /graphql may carry, as told to a client refused with 415. */
export const ACCEPTED_REQUEST_TYPES = 'application/json, application/graphql';

export type ResponseMediaType = typeof GRAPHQL_RESPONSE_JSON | typeof JSON_TYPE;

interface MediaType {
  /** `type/subtype`, lower case. */
  essence: string;
  /** Parameter names lower case, values unquoted. */
  params: Map<string, string>;
}

/** `type/subtype; name=value; …` as RFC 9110 writes it; null when it is not one. */
export function parseMediaType(text: string): MediaType | null {
  const [head, ...rest] = text.split(';');
  const essence = head.trim().toLowerCase();
  if (!/^[\w!#$&^.+-]+\/[\w!#$&^.+-]+$|^\*\/\*$|^[\w!#$&^.+-]+\/\*$/.test(essence)) return null;
  const params = new Map<string, string>();
  for (const param of rest) {
    const at = param.indexOf('=');
    if (at < 0) continue;
    const name = param.slice(0, at).trim().toLowerCase();
    const value = param
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (name) params.set(name, value);
  }
  return { essence, params };
}

const UTF8 = new Set(['utf-8', 'utf8']);

/**
 * Whether a POST body of this Content-Type is one Redline reads: JSON (the
 * GraphQL-over-HTTP specification's one request type) or `application/graphql`
 * (the query text alone, which Mercurius parses), in UTF-8 when a charset is named.
 * Everything else — notably the three types a browser may send cross-site without
 * a CORS preflight (form-urlencoded, multipart/form-data, text/plain) — is refused.
 */
export function isAcceptedRequestType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = parseMediaType(contentType);
  if (!type || (type.essence !== JSON_TYPE && type.essence !== 'application/graphql')) return false;
  const charset = type.params.get('charset');
  return charset === undefined || UTF8.has(charset.toLowerCase());
}

/**
 * The media type to answer in, from the request's Accept header: the
 * specification's `application/graphql-response+json` when the client names it
 * (not merely through a wildcard) with at least the quality it gives
 * `application/json`; otherwise `application/json`, also for a missing header,
 * `*\/*` and headers naming neither (the specification lets a server answer those
 * in a type of its choice rather than with 406).
 */
export function negotiateResponseType(accept: string | undefined): ResponseMediaType {
  if (!accept) return JSON_TYPE;
  let graphqlResponse = -1;
  let graphqlResponseAt = Infinity;
  let json = -1;
  let jsonAt = Infinity;
  accept.split(',').forEach((range, index) => {
    const type = parseMediaType(range);
    if (!type) return;
    const q = quality(type.params.get('q'));
    if (type.essence === GRAPHQL_RESPONSE_JSON && q > graphqlResponse) {
      graphqlResponse = q;
      graphqlResponseAt = index;
    } else if (type.essence === JSON_TYPE && q > json) {
      json = q;
      jsonAt = index;
    }
  });
  if (graphqlResponse <= 0) return JSON_TYPE;
  if (graphqlResponse > json) return GRAPHQL_RESPONSE_JSON;
  return graphqlResponse === json && graphqlResponseAt < jsonAt ? GRAPHQL_RESPONSE_JSON : JSON_TYPE;
}

function quality(value: string | undefined): number {
  if (value === undefined) return 1;
  const q = Number(value);
  return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0;
}
