import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import {
  checkConsistency,
  snapshotRatified,
  type RatifiedSnapshot,
} from './support/consistency.js';
import { signUp } from '../testkit/factories/index.js';
import { fit, Outcomes, post, type Mutation } from './support/fuzz-client.js';
import { judge } from './support/fuzz-oracle.js';
import { objectOf } from './support/fuzz-values.js';
import { structuredCase, type Case } from './support/fuzz-workflow.js';
import { CALLERS, FuzzWorld } from './support/fuzz-world.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Read from schema.gql, so a mutation added there is fuzzed without touching this file.
const MUTATIONS = Object.values(
  buildSchema(readFileSync('schema.gql', 'utf8')).getMutationType()!.getFields(),
);
const mutation = (name: string) => MUTATIONS.find((m) => m.name === name)!;
const STRESS = process.env.STRESS === '1';
/** Cases per mutation; `npm run test:stress` or FUZZ_RUNS raise it. */
const RUNS = Number(process.env.FUZZ_RUNS) || (STRESS ? 400 : 30);
/** Cases between two refreshes of the world, which brings back amendments in each state. */
const CHUNK = 10;
/** Random workflows of 3–8 well-formed steps each. */
const WALKS = Math.max(5, Math.round(RUNS / 3));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
const WORKFLOW = [
  'proposeAmendment',
  'reviseAmendment',
  'openComments',
  'openVoting',
  'addComment',
  'editComment',
  'raiseConcern',
  'resolveConcern',
  'castVote',
  'closeVoting',
  'withdrawAmendment',
  'ratifyVersion',
].filter((name) => MUTATIONS.some((m) => m.name === name));

/** Inputs the fuzzer once turned into INTERNAL_SERVER_ERROR; replayed on every run. */
const REGRESSIONS: Array<[string, Case]> = [
  [
    'proposeAmendment', // U+0000 in a text column: PostgreSQL 22021
    {
      caller: 'member',
      variables: {
        input: {
          definition: 'osaid',
          baseVersion: '1.0',
          title: 'nul\u0000byte',
          rationale: 'r',
          changes: [{ kind: 'REMOVE', key: 'parameters.terms' }],
        },
      },
    },
  ],
  [
    'upsertSystem', // U+0000 in a jsonb column: PostgreSQL 22P05
    {
      caller: 'steward',
      variables: {
        input: {
          slug: 'nul-evidence',
          name: 'n',
          developer: 'd',
          facts: {},
          evidence: [{ label: 'a\u0000b', url: 'https://example.org' }],
        },
      },
    },
  ],
  [
    'signUp', // a lone surrogate made validator's isEmail throw a URIError
    {
      caller: 'anonymous',
      variables: {
        input: {
          email: '\ud800@example.org',
          password: 'a-long-enough-password',
          handle: 'lone-surrogate',
          displayName: 'x',
          sector: 'ACADEMIA',
        },
      },
    },
  ],
];

/** The start of a case's variables, whatever their depth. */
function printable(variables: unknown): string {
  try {
    return JSON.stringify(variables).slice(0, 400);
  } catch (error) {
    return `(unprintable: ${String(error)})`;
  }
}

describe('Fuzzing every mutation with random and hostile input', () => {
  let app: TestApp;
  let world: FuzzWorld;
  let ratified: RatifiedSnapshot;
  const outcomes = new Outcomes();

  /** Sends one case; returns what is wrong with the answer, if anything. */
  async function send(target: Mutation, fuzzCase: Case): Promise<string[]> {
    const variables = fit(fuzzCase.variables);
    let token = world.token(fuzzCase.caller);
    // signOut ends the session it is sent with: spend a throwaway account, not the caller's.
    if (target.name === 'signOut' && token) token = (await signUp(app)).token;
    // A fuzzed role change must not take the callers' roles away from later cases.
    const handle = variables.handle;
    if (typeof handle === 'string' && world.protectedHandles.has(handle.toLowerCase())) {
      variables.handle = world.sacrificial[0].handle;
    }
    const answer = await post(app.url, target, variables, token);
    outcomes.record(target.name, answer);
    return typeof answer === 'string' ? [answer] : judge(answer, target.name);
  }

  /** Runs `runs` cases through fast-check; returns the first few failures, described. */
  async function fuzz(runs: number, cases: fc.Arbitrary<Case>, target: Mutation, seed: number) {
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(cases, async (fuzzCase) => {
        // Caught here: fast-check would print the whole (possibly 100 KB) case instead.
        const problems = await send(target, fuzzCase).catch((error: unknown) => [
          `the test itself threw: ${error instanceof Error ? error.stack : String(error)}`,
        ]);
        if (problems.length && failures.length < 10) {
          const variables = printable(fuzzCase.variables);
          failures.push(
            `${target.name} as ${fuzzCase.caller} (seed ${seed}): ${problems.join('; ')}\n  variables: ${variables}`,
          );
        }
      }),
      { numRuns: runs, seed },
    );
    return failures;
  }

  /** Hostile values for every argument, mixed with well-formed calls where there are some. */
  function cases(target: Mutation): fc.Arbitrary<Case> {
    const hostile = fc.record({
      caller: fc.constantFrom(...CALLERS),
      variables: objectOf(target.args, world.pool),
    });
    const structured = structuredCase(world, target.name);
    return structured
      ? fc.oneof({ weight: 3, arbitrary: hostile }, { weight: 2, arbitrary: structured })
      : hostile;
  }

  async function expectConsistent() {
    expect(await checkConsistency(app, { ratifiedSnapshot: ratified })).toEqual([]);
    // Versions ratified since are held to their criteria from now on too.
    ratified = { ...ratified, ...(await snapshotRatified(app)) };
  }

  beforeAll(async () => {
    app = await startTestApp();
    world = await FuzzWorld.create(app);
    ratified = await snapshotRatified(app);
  });
  afterAll(async () => {
    process.stdout.write(
      `\nFuzzing: ${outcomes.total} cases over ${MUTATIONS.length} mutations ` +
        `(seed ${SEED}; ${RUNS} per mutation, ${WALKS} workflows); ` +
        `slowest answer ${outcomes.slowest.ms} ms (${outcomes.slowest.mutation})\n` +
        `${outcomes.lines().join('\n')}\n`,
    );
    await app?.close();
  });

  it('answers the inputs that once broke it with BAD_USER_INPUT', async () => {
    for (const [name, fuzzCase] of REGRESSIONS) {
      const answer = await post(
        app.url,
        mutation(name),
        fuzzCase.variables,
        world.token(fuzzCase.caller),
      );
      outcomes.record(name, answer);
      expect(typeof answer === 'string' ? [answer] : judge(answer, name)).toEqual([]);
      expect(answer).toMatchObject({
        body: { errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] },
      });
    }
  });

  it.each(MUTATIONS.map((m) => [m.name, m] as const))(
    'answers %s with a success or a documented error code, and leaves the database consistent',
    async (_name, target) => {
      const failures: string[] = [];
      for (let done = 0, chunk = 0; done < RUNS; done += CHUNK, chunk++) {
        await world.refresh();
        const runs = Math.min(CHUNK, RUNS - done);
        failures.push(...(await fuzz(runs, cases(target), target, SEED + chunk)));
      }
      expect(failures).toEqual([]);
      await expectConsistent();
    },
    RUNS * 2_000 + 30_000,
  );

  it(
    'keeps the database consistent through random workflows of well-formed steps',
    async () => {
      const failures: string[] = [];
      for (let walk = 0; walk < WALKS; walk++) {
        await world.refresh();
        const [steps] = fc.sample(
          fc.array(fc.constantFrom(...WORKFLOW), { minLength: 3, maxLength: 8 }),
          { numRuns: 1, seed: SEED + walk },
        );
        for (const [i, name] of steps.entries()) {
          const step = structuredCase(world, name)!;
          failures.push(...(await fuzz(1, step, mutation(name), SEED + walk * 100 + i)));
          await world.reread();
        }
        if (walk % 5 === 4 || walk === WALKS - 1) await expectConsistent();
      }
      expect(failures).toEqual([]);
    },
    WALKS * 4_000 + 30_000,
  );
});
