import { ModulesContainer } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { ACCESS_KEY, type Access } from '../src/common/auth/decorators.js';
import { POLICY } from './support/policy.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Queries are public reads; these are the exceptions, with who may call them. */
const QUERY_POLICY: Record<string, Access> = {
  // Reads the whole audit table: costly on a long chain, and only stewards act on it.
  auditIntegrity: { kind: 'role', role: 'STEWARD' },
};

/** Every Query/Mutation handler in the running application, with its declared access. */
function declaredAccess(app: TestApp): Map<string, { type: string; access: Access | undefined }> {
  const found = new Map<string, { type: string; access: Access | undefined }>();
  for (const module of app.nest.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      const classAccess = Reflect.getMetadata(ACCESS_KEY, prototype.constructor) as
        Access | undefined;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        // Read descriptors, not values: some providers have getters on their prototype.
        const method: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
        if (typeof method !== 'function') continue;
        const type = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
        if (type !== 'Query' && type !== 'Mutation') continue;
        const fieldName =
          (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? name;
        found.set(fieldName, {
          type,
          access: (Reflect.getMetadata(ACCESS_KEY, method) as Access) ?? classAccess,
        });
      }
    }
  }
  return found;
}

describe('Access policy', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('declares who may call every mutation in schema.gql, as the policy table says', () => {
    const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
    expect(mutations).toEqual(Object.keys(POLICY).sort());
    const declared = declaredAccess(app);
    for (const mutation of mutations) {
      expect([mutation, declared.get(mutation)?.access]).toEqual([mutation, POLICY[mutation]]);
    }
  });

  it('makes every query a public read, except those the query policy names', () => {
    const schema = buildSchema(readFileSync('schema.gql', 'utf8'));
    const queries = Object.keys(schema.getQueryType()?.getFields() ?? {});
    const declared = declaredAccess(app);
    for (const query of queries) {
      expect([query, declared.get(query)?.access]).toEqual([
        query,
        QUERY_POLICY[query] ?? { kind: 'public' },
      ]);
    }
    // An entry for a query that is gone would silently stop guarding anything.
    expect(queries).toEqual(expect.arrayContaining(Object.keys(QUERY_POLICY)));
  });
});
