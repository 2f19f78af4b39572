import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { FIELD_PRICES } from './field-prices.js';
import { ASSUMED_LIST_SIZE, ROOT_FIELD_COST, queryComplexity } from './query-complexity.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.gql', import.meta.url), 'utf8'));
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  queryComplexity(schema, parse(query), variables);

describe('queryComplexity', () => {
  it('prices only fields that exist in the schema', () => {
    for (const key of Object.keys(FIELD_PRICES)) {
      const [type, field] = key.split('.');
      const named = schema.getType(type) as { getFields?: () => Record<string, unknown> };
      expect([key, named?.getFields?.()[field] !== undefined]).toEqual([key, true]);
    }
  });

  it('counts a root field, its page and what is selected under it', () => {
    expect(cost('{ systems(first: 5) { edges { node { slug } } } }')).toBe(
      ROOT_FIELD_COST + 5 * (1 + 1 + 1),
    );
    expect(cost('{ definitions { slug } }')).toBe(ROOT_FIELD_COST + ASSUMED_LIST_SIZE * 1);
  });

  it('clamps first to 1…100, so a negative page costs what one item does', () => {
    const page = 'query ($n: Int!) { systems(first: $n) { totalCount } }';
    expect(cost(page, { n: -2147483648 })).toBe(cost(page, { n: 1 }));
    expect(cost(page, { n: 1_000_000 })).toBe(cost(page, { n: 100 }));
  });

  it('adds a computed field’s price, per amendment for combinedImpact', () => {
    const preview = `{ previewImpact(input: { definition: "osaid", baseVersion: "1.0", changes: [] }) { summary { evaluated } } }`;
    expect(cost(preview)).toBe(ROOT_FIELD_COST + FIELD_PRICES['Query.previewImpact'] + 2);
    const combined = (n: number) =>
      cost(
        `{ combinedImpact(definition: "osaid", amendments: [${Array(n).fill(1).join(',')}]) { conflicts { key } } }`,
      );
    expect(combined(3) - combined(1)).toBe(2 * FIELD_PRICES['Query.combinedImpact']);
  });

  it('costs each fragment once, whatever the number of its spreads', () => {
    let document = 'query { ...F40 }\nfragment F0 on Query { systems(first: 1) { totalCount } }\n';
    for (let i = 1; i <= 40; i++)
      document += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
    // Walked spread by spread, 2^40 fields would never finish.
    expect(cost(document)).toBe(2 ** 40 * (ROOT_FIELD_COST + 1));
  });

  it('leaves out what @skip and @include leave out', () => {
    expect(
      cost('query ($s: Boolean!) { systems { totalCount } definitions @skip(if: $s) { slug } }', {
        s: true,
      }),
    ).toBe(cost('{ systems { totalCount } }'));
  });
});
