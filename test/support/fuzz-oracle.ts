/**
 * What every answer to a fuzzed request must look like: a success, or errors that
 * each carry a documented code — never INTERNAL_SERVER_ERROR, a missing code, a 5xx,
 * a stack trace or a message from the driver or the JavaScript runtime.
 */

export const DOCUMENTED_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_VALIDATION_FAILED',
  // The abuse limits' refusals (see docs/reliability.md).
  'QUERY_TOO_COMPLEX',
  'PAYLOAD_TOO_LARGE',
]);

/** Text that only reaches a client when an internal error leaks through. */
const LEAKS: Array<[string, RegExp]> = [
  ['stack trace', /\n?\s{2,}at [\w.<>]+ \(|    at /],
  ['driver error', /QueryFailedError|DatabaseError|duplicate key value|violates \w+ constraint/],
  ['driver error', /invalid input syntax for|syntax error at or near|invalid byte sequence/],
  ['driver error', /unsupported Unicode escape|stack depth limit|relation "\w+" does not exist/],
  ['driver error', /column "\w+" (of relation|does not exist)|out of range for type/],
  ['runtime error', /TypeError|ReferenceError|RangeError|Maximum call stack|Cannot read prop/],
  ['runtime error', /is not a function|undefined is not|ECONNRESET|ECONNREFUSED/],
];

export interface Answer {
  status: number;
  /** The parsed body, or the raw text when it is not JSON. */
  body: unknown;
  /** The request body, to tell a leak from an input echoed in a message. */
  sent: string;
  /** How long the answer took. */
  ms?: number;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }>;
}

/** The problems with one answer; empty when it is acceptable. */
export function judge(answer: Answer, field: string): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (typeof answer.body !== 'object' || answer.body === null) {
    return [...problems, `not a JSON object: ${String(answer.body).slice(0, 200)}`];
  }
  const body = answer.body as GraphQLBody;
  if (!body.errors?.length) {
    if (body.data?.[field] === undefined) problems.push('neither data nor errors');
    return problems;
  }
  for (const error of body.errors) {
    const code = error.extensions?.code;
    const message = typeof error.message === 'string' ? error.message : '';
    if (typeof code !== 'string') problems.push(`error without a code: ${message.slice(0, 200)}`);
    else if (!DOCUMENTED_CODES.has(code)) problems.push(`${code}: ${message.slice(0, 200)}`);
    for (const [kind, pattern] of LEAKS) {
      const match = pattern.exec(message);
      if (match && !answer.sent.includes(match[0])) {
        problems.push(`${kind} in a message: ${message.slice(0, 300)}`);
      }
    }
  }
  return problems;
}
