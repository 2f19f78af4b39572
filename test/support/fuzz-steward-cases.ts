import fc from 'fast-check';
import { UNICODE_TRAPS, VALID_RULES } from './fuzz-values.js';
import type { CallerKind, FuzzWorld } from './fuzz-world.js';

/** One fuzzed call: who sends it and the variables. */
export interface Case {
  caller: CallerKind;
  variables: Record<string, unknown>;
}

/** Short text that is valid but not always tame. */
export const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 60 }),
  fc.constantFrom(...UNICODE_TRAPS.filter((t) => t.trim().length > 0)),
);
export const some = <T>(values: T[], fallback: T): fc.Arbitrary<T> =>
  values.length ? fc.constantFrom(...values) : fc.constant(fallback);
export const callers = (...kinds: CallerKind[]) => fc.constantFrom(...kinds);
const asSteward = (variables: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Case> =>
  fc.record({ caller: callers('steward'), variables });

/**
 * Well-formed calls for the reference data a steward keeps (definitions, versions,
 * criteria, systems, verdicts), for roles and for accounts: what the hostile values
 * alone would almost never get past validation. Null for a mutation without one.
 */
export function stewardCase(world: FuzzWorld, mutation: string): fc.Arbitrary<Case> | null {
  const labels = (world.pool.label ?? []) as string[];
  const handle = some(
    world.sacrificial.map((a) => a.handle),
    'nobody',
  );
  const build: Record<string, () => fc.Arbitrary<Case>> = {
    createDefinition: () =>
      asSteward(
        fc.record({
          input: fc.record(
            {
              slug: fc.nat(30).map((n) => `fuzz-definition-${n}`),
              name: text,
              stewardOrganization: text,
              description: text,
              levels: fc.uniqueArray(text, { maxLength: 3 }),
              policy: fc.record({
                quorum: fc.double({ min: 0, max: 1, noNaN: true }),
                approvalThreshold: fc.double({ min: 0.5, max: 1, noNaN: true }),
                commentPeriodDays: fc.integer({ min: 1, max: 365 }),
                voterRole: fc.constantFrom('COMMITTEE', 'STEWARD'),
              }),
            },
            { requiredKeys: ['slug', 'name', 'stewardOrganization'] },
          ),
        }),
      ),
    createVersion: () =>
      asSteward(
        fc.record({
          input: fc.record(
            {
              definition: fc.constant('osaid'),
              label: fc.nat(1_000).map((n) => `fuzz-${n}`),
              parent: fc.constantFrom(world.ratified, ...labels),
              preamble: text,
            },
            { requiredKeys: ['definition', 'label'] },
          ),
        }),
      ),
    upsertCriterion: () =>
      asSteward(
        fc.record({
          input: fc.record({
            definition: fc.constant('osaid'),
            version: fc.constant(world.draftVersion),
            key: fc.oneof(some(world.keys, 'code.training'), fc.constant('fuzz.criterion')),
            component: fc.constant('Code'),
            title: text,
            text,
            rule: fc.constantFrom(...VALID_RULES),
          }),
        }),
      ),
    removeCriterion: () =>
      asSteward(
        fc.record({
          definition: fc.constant('osaid'),
          version: fc.constant(world.draftVersion),
          key: fc.oneof(some(world.keys, 'code.training'), fc.constant('fuzz.criterion')),
        }),
      ),
    upsertSystem: () =>
      asSteward(
        fc.record({
          input: fc.record({
            slug: fc.nat(4).map((n) => `fuzz-system-${n}`),
            name: text,
            developer: text,
            facts: fc.constantFrom('MIT', 'LicenseRef-Llama', 'NOASSERTION', '').map((license) => {
              const facts = structuredClone(world.facts) as {
                components: { modelParameters: { license: string } };
              };
              facts.components.modelParameters.license = license;
              return facts;
            }),
            evidence: fc.array(
              fc.record({ label: text, url: fc.constant('https://example.org/model') }),
              { maxLength: 2 },
            ),
          }),
        }),
      ),
    recordVerdict: () =>
      asSteward(
        fc.record({
          input: fc.record(
            {
              definition: fc.constant('osaid'),
              version: fc.constantFrom(world.ratified, ...labels),
              system: some((world.pool.system ?? []) as string[], 'olmo'),
              outcome: fc.constantFrom('PASS', 'FAIL', 'UNKNOWN'),
              notes: text,
              assessedBy: text,
            },
            { requiredKeys: ['definition', 'version', 'system', 'outcome'] },
          ),
        }),
      ),
    grantRole: () =>
      asSteward(fc.record({ handle, role: fc.constantFrom('MEMBER', 'COMMITTEE', 'STEWARD') })),
    revokeRole: () =>
      asSteward(fc.record({ handle, role: fc.constantFrom('MEMBER', 'COMMITTEE', 'STEWARD') })),
    signIn: () =>
      fc.record({
        caller: callers('anonymous'),
        variables: fc.record({
          email: fc.constant(world.member.email),
          password: fc.constantFrom(world.member.password, 'wrong-password-123'),
        }),
      }),
    signUp: () =>
      fc.record({
        caller: callers('anonymous', 'member'),
        variables: fc.record({
          input: fc.record({
            email: fc.nat(1_000_000).map((n) => `fuzz-${n}@example.org`),
            password: fc.string({ minLength: 12, maxLength: 40 }),
            handle: fc.nat(1_000_000).map((n) => `fuzz-${n}`),
            displayName: text,
            organization: fc.constantFrom('', 'Example Org'),
            sector: fc.constantFrom('ACADEMIA', 'INDUSTRY', 'CIVIL_SOCIETY', 'GOVERNMENT'),
          }),
        }),
      }),
  };
  return build[mutation]?.() ?? null;
}
