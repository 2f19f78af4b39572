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

/** Sends one GraphQL request over HTTP, as any client would. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLError[] };
  return { status: response.status, data: body.data ?? null, errors: body.errors };
}

/** The data of a request that must succeed; fails the test with the errors otherwise. */
export async function ok<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const result = await gql<T>(url, query, variables, token, headers);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

/** The `extensions.code` of each error. */
export const codes = (result: GraphQLResponse<unknown>): string[] =>
  (result.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE');
