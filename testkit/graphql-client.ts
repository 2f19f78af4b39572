/**
 * The one GraphQL-over-HTTP client of the e2e tests, the benches, the fuzzer and the crash
 * workload: a POST of `{ query, variables }` as any client sends it, answered with
 * `{ status, data, errors }`, and `ok` and `codes` on top.
 *
 * testkit/ is shared by test/, bench/ and the unit specs under src/: it may import src/ and
 * packages but never test/ or bench/, and it is not part of the build.
 */

export interface GraphQLError {
  message: string;
  path?: string[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  status: number;
  data: T | null;
  errors?: GraphQLError[];
}

export interface RequestOptions {
  /** Extra headers, e.g. X-Forwarded-For. */
  headers?: Record<string, string>;
  /** Aborts the request; by default it is aborted after `timeoutMs`. */
  signal?: AbortSignal;
  /** No answer by then aborts the request (default one minute), so no caller hangs. */
  timeoutMs?: number;
}

/** No request waits longer than this unless its caller says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** One POST: the request body as sent and the answer's status and text, as received. */
export async function send(
  url: string,
  request: { query: string; variables?: Record<string, unknown> },
  token?: string,
  options: RequestOptions = {},
): Promise<{ status: number; text: string; sent: string }> {
  const sent = JSON.stringify({ query: request.query, variables: request.variables ?? {} });
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body: sent,
    signal: options.signal ? AbortSignal.any([options.signal, timeout]) : timeout,
  });
  return { status: response.status, text: await response.text(), sent };
}

/** Sends one GraphQL request over HTTP; throws only when no JSON answer came. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  options: RequestOptions = {},
): Promise<GraphQLResponse<T>> {
  const { status, text } = await send(url, { query, variables }, token, options);
  const body = JSON.parse(text) as { data?: T | null; errors?: GraphQLError[] };
  return { status, data: body.data ?? null, errors: body.errors };
}

/** The data of a request that must succeed; throws with the errors otherwise. */
export async function ok<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  options: RequestOptions = {},
): Promise<T> {
  const result = await gql<T>(url, query, variables, token, options);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

/** The `extensions.code` of each error. */
export const codes = (result: GraphQLResponse<unknown>): string[] =>
  (result.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE');
