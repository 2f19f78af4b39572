import fc from 'fast-check';
import { callers, some, stewardCase, text, type Case } from './fuzz-steward-cases.js';
import { CEL_BOMBS, hostileString, VALID_RULES } from './fuzz-values.js';
import type { CallerKind, FuzzWorld } from './fuzz-world.js';

export type { Case } from './fuzz-steward-cases.js';

const future = fc
  .integer({ min: 1, max: 400 })
  .map((days) => new Date(Date.now() + days * 86_400_000).toISOString());

/** Changes that pass validation against the ratified version: MODIFY, ADD and REMOVE by key. */
function validChanges(world: FuzzWorld) {
  const key = some(world.keys, 'parameters.terms');
  const change = fc.oneof(
    fc.record(
      {
        kind: fc.constant('MODIFY'),
        key,
        rule: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...VALID_RULES) },
          { weight: 1, arbitrary: fc.constantFrom(...CEL_BOMBS) },
        ),
        title: text,
        text,
      },
      { requiredKeys: ['kind', 'key'] },
    ),
    fc.record({
      kind: fc.constant('ADD'),
      key: fc.nat(50).map((n) => `fuzz.added-${n}`),
      component: fc.constantFrom('Code', 'Data Information', 'Parameters'),
      title: text,
      text,
      rule: fc.constantFrom(...VALID_RULES),
    }),
    fc.record({ kind: fc.constant('REMOVE'), key }),
  );
  return fc.uniqueArray(change, { minLength: 1, maxLength: 4, selector: (c) => c.key });
}

/**
 * Well-formed calls on real amendments, comments and versions for the workflow
 * mutations, so fuzzing runs the state machine, the tally and ratification and not
 * only the validation in front of them; the steward's and the accounts' mutations are
 * in fuzz-steward-cases.ts. Null for a mutation without one (a new one, until written).
 */
export function structuredCase(world: FuzzWorld, mutation: string): fc.Arbitrary<Case> | null {
  const osaid = 'osaid';
  const amendment = (...statuses: string[]) => some(world.numbers(...statuses), 1);
  const comment = some(world.commentIds, '00000000-0000-4000-8000-000000000000');
  const concern = some(world.concernIds, '00000000-0000-4000-8000-000000000000');
  const build: Record<string, () => fc.Arbitrary<Case>> = {
    proposeAmendment: () =>
      fc.record({
        caller: callers('member', 'committee'),
        variables: fc.record({
          input: fc.record({
            definition: fc.constant(osaid),
            baseVersion: fc.constant(world.ratified),
            title: text,
            rationale: fc.oneof(text, hostileString),
            changes: validChanges(world),
          }),
        }),
      }),
    reviseAmendment: () =>
      amendment('DRAFT', 'OPEN').chain((number) =>
        fc.record({
          caller: callers('member', 'member', 'committee'),
          variables: fc.record({
            definition: fc.constant(osaid),
            number: fc.constant(number),
            input: fc.record(
              {
                expectedRevision: fc.constantFrom(
                  world.revision(number),
                  world.revision(number) - 1,
                ),
                title: text,
                rationale: text,
                changes: validChanges(world),
              },
              { requiredKeys: ['expectedRevision'] },
            ),
          }),
        }),
      ),
    castVote: () =>
      fc.record({
        caller: callers('committee', 'steward', 'member'),
        variables: fc.record({
          input: fc.record({
            definition: fc.constant(osaid),
            number: amendment('VOTING'),
            choice: fc.constantFrom('APPROVE', 'REJECT', 'ABSTAIN', 'RECUSE'),
            rationale: text,
          }),
        }),
      }),
    addComment: () =>
      fc
        .record({
          caller: callers('member', 'committee', 'steward'),
          variables: fc.record({
            input: fc.record(
              {
                definition: fc.constant(osaid),
                number: amendment('DRAFT', 'OPEN', 'VOTING'),
                body: fc.oneof(
                  { weight: 3, arbitrary: text },
                  { weight: 1, arbitrary: hostileString },
                ),
                stance: fc.constantFrom('SUPPORT', 'OPPOSE', 'NEUTRAL', 'QUESTION'),
                criterionKey: some(world.keys, 'code.training'),
                quote: text,
              },
              { requiredKeys: ['definition', 'number', 'body'] },
            ),
          }),
        })
        .chain((c) =>
          // Now and then a reply; to a comment on another amendment it is BAD_USER_INPUT.
          (world.commentIds.length
            ? fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, comment)
            : fc.constant(undefined)
          ).map((parentId) => ({
            ...c,
            variables: { input: { ...c.variables.input, parentId } },
          })),
        ),
    editComment: () =>
      fc.record({
        caller: callers('member', 'committee', 'steward'),
        variables: fc.record({ id: comment, body: fc.oneof(text, hostileString) }),
      }),
    hideComment: () =>
      fc.record({
        caller: callers('steward'),
        variables: fc.record({ id: comment, reason: text }),
      }),
    raiseConcern: () =>
      fc.record({
        caller: callers('committee', 'steward'),
        variables: fc.record({
          definition: fc.constant(osaid),
          number: amendment('OPEN', 'VOTING'),
          body: text,
        }),
      }),
    resolveConcern: () =>
      fc.record({
        caller: callers('committee', 'steward'),
        variables: fc.record({ id: concern, resolution: text }),
      }),
    openComments: () => move(amendment('DRAFT'), fc.option(future, { nil: undefined })),
    openVoting: () => move(amendment('DRAFT', 'OPEN'), fc.option(future, { nil: undefined })),
    closeVoting: () => move(amendment('VOTING')),
    withdrawAmendment: () => move(amendment('DRAFT', 'OPEN'), undefined, 'member'),
    ratifyVersion: () =>
      fc.record({
        caller: callers('steward'),
        variables: fc.record({
          input: fc.record({
            definition: fc.constant(osaid),
            baseVersion: fc.constant(world.ratified),
            label: fc.nat(10_000).map((n) => `r${n}`),
            amendments: world.numbers('ACCEPTED').length
              ? fc.subarray(world.numbers('ACCEPTED'), { minLength: 1 })
              : fc.constant([1]),
            applyInListedOrder: fc.boolean(),
          }),
        }),
      }),
  };
  return build[mutation]?.() ?? stewardCase(world, mutation);

  function move(
    number: fc.Arbitrary<number>,
    closesAt?: fc.Arbitrary<string | undefined>,
    caller: CallerKind = 'steward',
  ): fc.Arbitrary<Case> {
    return fc.record({
      caller: callers(caller, 'steward'),
      variables: fc.record(
        { definition: fc.constant(osaid), number, closesAt: closesAt ?? fc.constant(undefined) },
        { requiredKeys: ['definition', 'number'] },
      ),
    });
  }
}
