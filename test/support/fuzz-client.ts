import {
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLOutputType,
} from 'graphql';
import { send } from '../../testkit/graphql-client.js';
import type { Answer } from './fuzz-oracle.js';

export type Mutation = GraphQLField<unknown, unknown>;

/** UTF-8 bytes under the server's 1 MiB body limit, so every case reaches GraphQL. */
const BODY_BUDGET = 900_000;
/** A request not answered by then counts as a hang. */
const ANSWER_WITHIN_MS = 30_000;

/** The top-level leaf fields of what a mutation returns, so its mapping runs too. */
function selection(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const leaves = Object.values(named.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)))
    .filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined))
    .map((f) => f.name);
  return `{ __typename ${leaves.join(' ')} }`;
}

/** The mutation with every argument passed as a variable of its declared type. */
export function document(mutation: Mutation): string {
  const { name, args } = mutation;
  if (args.length === 0) return `mutation Fuzz { ${name} ${selection(mutation.type)} }`;
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation Fuzz(${declared}) { ${name}(${passed}) ${selection(mutation.type)} }`;
}

/** Shortens the longest strings and lists until the variables fit the body budget. */
export function fit(variables: Record<string, unknown>): Record<string, unknown> {
  const cap = (value: unknown, limit: number): unknown => {
    if (typeof value === 'string') return value.slice(0, limit);
    if (Array.isArray(value)) return value.slice(0, limit).map((v) => cap(v, limit));
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cap(v, limit)]));
  };
  let fitted = variables;
  for (const limit of [20_000, 2_000, 100]) {
    if (Buffer.byteLength(JSON.stringify(fitted)) <= BODY_BUDGET) break;
    fitted = cap(fitted, limit) as Record<string, unknown>;
  }
  return fitted;
}

/** Posts the mutation as any client would; a string when no answer came at all. */
export async function post(
  url: string,
  mutation: Mutation,
  variables: Record<string, unknown>,
  token: string | undefined,
): Promise<Answer | string> {
  const started = performance.now();
  try {
    const request = { query: document(mutation), variables };
    const { status, text, sent } = await send(url, request, token, {
      timeoutMs: ANSWER_WITHIN_MS,
    });
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // judge() reports a body that is not JSON
    }
    return { status, body, sent, ms: performance.now() - started };
  } catch (error) {
    return `no answer: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** How each mutation was answered: "ok" or the error codes, with counts. */
export class Outcomes {
  private readonly counts = new Map<string, Map<string, number>>();
  /** The slowest answer so far: a near-hang shows here before it hits the timeout. */
  slowest = { ms: 0, mutation: '' };

  record(mutation: string, answer: Answer | string): void {
    if (typeof answer !== 'string' && (answer.ms ?? 0) > this.slowest.ms) {
      this.slowest = { ms: Math.round(answer.ms!), mutation };
    }
    const body = typeof answer === 'string' ? null : (answer.body as { errors?: unknown[] });
    const errors = (body?.errors ?? []) as Array<{ extensions?: { code?: string } }>;
    const outcome =
      typeof answer === 'string'
        ? 'NO_ANSWER'
        : errors.length
          ? [...new Set(errors.map((e) => e.extensions?.code ?? 'NO_CODE'))].join('+')
          : 'ok';
    const counts = this.counts.get(mutation) ?? new Map<string, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    this.counts.set(mutation, counts);
  }

  get total(): number {
    return [...this.counts.values()]
      .flatMap((counts) => [...counts.values()])
      .reduce((a, b) => a + b, 0);
  }

  /** One line per mutation, outcomes most frequent first. */
  lines(): string[] {
    return [...this.counts].map(([name, counts]) => {
      const sorted = [...counts].sort((a, b) => b[1] - a[1]);
      return `  ${name.padEnd(18)} ${sorted.map(([o, n]) => `${o} ${n}`).join(', ')}`;
    });
  }
}
