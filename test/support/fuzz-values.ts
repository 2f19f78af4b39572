import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';

/**
 * Random and hostile values for any GraphQL input type, read from the schema, so a
 * mutation or field added to schema.gql is fuzzed without anyone writing a generator
 * for it. Values a known argument name would carry in real use (the pool) are mixed
 * in, so lookups sometimes hit real rows and the code behind them runs.
 */

/** Real values by argument or field name, refreshed from the database between batches. */
export type Pool = Record<string, Array<string | number>>;

export const SQL_FRAGMENTS = [
  `'; DROP TABLE votes; --`,
  `' OR '1'='1`,
  `1; SELECT pg_sleep(30); --`,
  `$$; DELETE FROM audit_events; $$`,
  `"; TRUNCATE stakeholders CASCADE; --`,
  `%' AND 1=(SELECT count(*) FROM pg_user) --`,
  `osaid' UNION SELECT password_hash FROM stakeholders --`,
  `\\'; COPY votes TO PROGRAM 'id'; --`,
];

export const UNICODE_TRAPS = [
  '\u202Eevil\u202C', // right-to-left override
  'abc\u200B\u200C\u200Ddef\uFEFF', // zero-width characters and a BOM
  '👩‍👩‍👧‍👦🏳️‍🌈🇺🇦', // joined emoji and flags
  '\uD800', // a lone high surrogate
  'a\uDC00b', // a lone low surrogate
  'nul\u0000byte',
  'مرحبا بالعالم',
  'עברית',
  'e\u0301\u0301\u0301\u0301',
  'ＦＵＬＬＷＩＤＴＨ',
  'İıǅß',
  '\r\n\t\v\f',
  '',
  ' ',
];

/** Rules that pass the checker, to reach the code behind it. */
export const VALID_RULES = [
  'components.modelParameters.available',
  'osiApproved(components.modelParameters.license)',
  '!has(terms.maxMonthlyActiveUsers) && !has(terms.fieldOfUseRestrictions)',
  'components.trainingCode.available && components.trainingCode.complete',
  'has(dataInformation.describesAllData) && dataInformation.describesAllData',
  'openDataLicense(components.datasets.license) || !components.datasets.available',
];

const nest = (open: string, inner: string, close: string, depth: number) =>
  open.repeat(depth) + inner + close.repeat(depth);

/**
 * Expressions meant to make a parser, checker or evaluator spend unbounded time or
 * stack; all but one fit the 2,000-character limit on rules, so they reach the checker.
 */
export const CEL_BOMBS = [
  nest('(', 'true', ')', 998),
  nest('(', 'true', ')', 20_000),
  '!'.repeat(1996) + 'true',
  nest('[', '1', ']', 990),
  nest('{"a": ', '1', '}', 280),
  '[1,2,3].all(x, [1,2,3].all(y, [1,2,3].all(z, [1,2,3].all(w, true))))',
  '[1,2,3].exists(x, [1,2,3].map(y, [1,2,3].filter(z, true)).size() > 0)',
  'true' + ' || true'.repeat(240),
  'components.modelParameters.available' + ' && true'.repeat(200),
  '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!".matches("(a+)+$")',
  'size("x" + "x" + "x") > 0',
  '1 + 1 == 2',
  'has(has(has(components)))',
  'components' + '.x'.repeat(900),
  'osiApproved("' + 'MIT OR '.repeat(250) + 'MIT")',
  'osiApproved("' + nest('(', 'MIT', ')', 400) + '")',
  'dyn(components)["modelParameters"]',
  'components.modelParameters.license in ["MIT"' + ', "MIT"'.repeat(250) + ']',
  'true ? (false ? true : false) : true',
  '',
  ')',
  '"unterminated',
];

const INVALID_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffffff',
  '{00000000-0000-0000-0000-000000000000}',
  '0',
  '-1',
  'NaN',
];

const DATES = [
  '2099-12-31T23:59:59Z',
  '2001-01-01T00:00:00Z',
  '1970-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '2024-02-30T00:00:00Z',
  '2024-13-45T25:61:61Z',
  'tomorrow',
  '0000-00-00T00:00:00Z',
];

/** Up to ~100 KB of one repeated unit: plain, astral, zero-width or NUL. */
export const hugeString = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom('a', '💥', '\u200B', 'x\u0000'))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...UNICODE_TRAPS) },
  { weight: 2, arbitrary: fc.constantFrom(...SQL_FRAGMENTS) },
  { weight: 1, arbitrary: fc.constantFrom(...CEL_BOMBS) },
  { weight: 1, arbitrary: fc.constantFrom(...INVALID_IDS) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: hugeString },
);

const EXTREME_INTS = [0, -1, 1, 2, 3, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53 + 2, -(2 ** 63)];
const hostileInt = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -3, max: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...EXTREME_INTS) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);
const hostileFloat = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.5, 1, 2 / 3, 5e-324, 1.7976931348623157e308, -1e21, 1.0000001),
);

/** Deeply nested, prototype-polluting or merely random JSON for JSON scalars. */
const hostileJson = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 10, max: 1_500 }).map((depth) => {
      let value: unknown = { available: true };
      for (let i = 0; i < depth; i++) value = { nested: value };
      return value;
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {}}')),
  },
);

/** A value of some other type than the one asked for. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  fc.string({ maxLength: 10 }),
);

function scalarValue(name: string): fc.Arbitrary<unknown> {
  switch (name) {
    case 'Int':
      return hostileInt;
    case 'Float':
      return hostileFloat;
    case 'Boolean':
      return fc.boolean();
    case 'DateTime':
      return fc.oneof(fc.constantFrom(...DATES), fc.date().map(String), hostileString);
    case 'JSON':
      return hostileJson;
    default: // String, ID and any scalar added later
      return hostileString;
  }
}

/** A hostile value for `type`, sometimes null or of the wrong type, with pool values mixed in by name. */
export function valueFor(
  name: string,
  type: GraphQLInputType,
  pool: Pool,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 12, arbitrary: valueFor(name, type.ofType, pool, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  const typed = typedValue(name, type, pool, depth);
  return fc.oneof(
    { weight: 10, arbitrary: typed },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function typedValue(
  name: string,
  type: GraphQLInputType,
  pool: Pool,
  depth: number,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return typedValue(name, type.ofType, pool, depth);
  if (isListType(type)) return listOf(valueFor(name, type.ofType, pool, depth + 1), depth);
  if (isEnumType(type)) {
    const values = type.getValues().map((value) => value.name);
    return fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...values) },
      { weight: 1, arbitrary: fc.constantFrom('', 'steward', values[0].toLowerCase()) },
    );
  }
  if (isInputObjectType(type)) return objectOf(Object.values(type.getFields()), pool, depth + 1);
  const scalar = scalarValue(getNamedType(type).name);
  if (name === 'rule') {
    return fc.oneof(scalar, fc.constantFrom(...VALID_RULES), fc.constantFrom(...CEL_BOMBS));
  }
  const known = pool[name];
  if (!known?.length || !isScalarType(type)) return scalar;
  return fc.oneof(
    { weight: 2, arbitrary: scalar },
    { weight: 3, arbitrary: fc.constantFrom(...known) },
  );
}

/** Short lists mostly; now and then thousands of copies of one element. */
function listOf(item: fc.Arbitrary<unknown>, depth: number): fc.Arbitrary<unknown[]> {
  const short = fc.array(item, { maxLength: depth > 1 ? 2 : 5 });
  if (depth > 1) return short;
  // Never more copies than fit the request body: a list of 5,000 100 KB strings would
  // only test the body limit (and exhaust the test's own memory).
  const long = fc.tuple(item, fc.integer({ min: 100, max: 5_000 })).map(([element, count]) => {
    const size = (JSON.stringify(element) ?? 'null').length + 1;
    return Array<unknown>(Math.max(1, Math.min(count, Math.floor(800_000 / size)))).fill(element);
  });
  return fc.oneof({ weight: 8, arbitrary: short }, { weight: 1, arbitrary: long });
}

/**
 * An input object: usually with its required fields, sometimes without them, and now
 * and then with a field the schema does not know.
 */
export function objectOf(
  fields: ReadonlyArray<GraphQLArgument | GraphQLInputField>,
  pool: Pool,
  depth = 0,
): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    fields.map((field) => [field.name, valueFor(field.name, field.type, pool, depth)]),
  );
  const required = fields
    .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
    .map((field) => field.name);
  const record = fc.oneof(
    { weight: 6, arbitrary: fc.record(model, { requiredKeys: required }) },
    { weight: 1, arbitrary: fc.record(model, { requiredKeys: [] }) },
  );
  if (depth > 2) return record;
  return fc.oneof(
    { weight: 8, arbitrary: record },
    {
      weight: 1,
      arbitrary: fc
        .tuple(record, fc.constantFrom('id', 'proposerId', 'voterId', 'role', '__proto__'))
        .map(([value, extra]) => ({ ...value, [extra]: 'injected' })),
    },
  );
}
