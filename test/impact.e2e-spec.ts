import { ImpactService } from '../src/impact/impact.service.js';
import { stewardToken, systemFacts, upsertSystem } from '../testkit/factories/index.js';
import { codes, gql, ok } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const PREVIEW = `query ($input: PreviewImpactInput!) {
  previewImpact(input: $input) {
    summary { evaluated failToPass passToFail toUnknown unknownToPass unknownToFail unchanged }
    changes { system { slug } recorded before after decidedBy }
  }
}`;

/** parameters.terms without the licence test: released parameters are enough. */
const RELAX_PARAMETERS = {
  kind: 'MODIFY' as const,
  key: 'parameters.terms',
  rule: 'components.modelParameters.available',
};

const preview = (app: TestApp, changes: unknown[], token?: string) =>
  gql(app.url, PREVIEW, { input: { definition: 'osaid', baseVersion: '1.0', changes } }, token);

describe('previewImpact', () => {
  let app: TestApp;
  let steward: string;
  beforeAll(async () => {
    app = await startTestApp();
    steward = await stewardToken(app);
    // OLMo (which passes) with its parameters under the Llama licence: it fails OSAID 1.0
    // on parameters.terms alone, so relaxing that criterion flips it.
    const facts = await systemFacts(app, 'olmo');
    facts.components.modelParameters.license = 'LicenseRef-Llama-2-Community';
    const name = 'OLMo under the Llama licence';
    await upsertSystem(app, steward, { slug: 'llama-licensed-olmo', name, facts });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows, to an anonymous caller, the verdict a relaxed licence criterion flips and why', async () => {
    const result = await preview(app, [RELAX_PARAMETERS]);
    expect(result.errors).toBeUndefined();
    expect(result.data!.previewImpact).toEqual({
      summary: {
        evaluated: 10,
        failToPass: 1,
        passToFail: 0,
        toUnknown: 0,
        unknownToPass: 0,
        unknownToFail: 0,
        unchanged: 9,
      },
      changes: [
        {
          system: { slug: 'llama-licensed-olmo' },
          recorded: null,
          before: 'FAIL',
          after: 'PASS',
          decidedBy: ['parameters.terms'],
        },
      ],
    });
  });

  it('sets the verdict OSI recorded beside the two computed ones', async () => {
    // Intermediate checkpoints required: T5, which OSI passed, published only the final ones.
    const result = await preview(app, [
      {
        kind: 'ADD',
        key: 'parameters.intermediate',
        component: 'Parameters',
        title: 'Intermediate checkpoints',
        text: 'The intermediate training checkpoints are released.',
        rule: 'components.modelParametersIntermediate.available',
      },
    ]);
    expect(result.errors).toBeUndefined();
    expect(result.data!.previewImpact.changes).toEqual([
      {
        system: { slug: 't5' },
        recorded: 'PASS',
        before: 'PASS',
        after: 'FAIL',
        decidedBy: ['parameters.intermediate'],
      },
    ]);
    expect(result.data!.previewImpact.summary).toMatchObject({ passToFail: 1, unchanged: 9 });
  });

  it('refuses a rule that does not check, naming the change and the position', async () => {
    const result = await preview(app, [
      RELAX_PARAMETERS,
      {
        kind: 'ADD',
        key: 'parameters.documented',
        component: 'Parameters',
        title: 'Documented',
        text: 'The parameters are documented.',
        rule: 'components.modelParameters.licence == "MIT"',
      },
    ]);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toMatch(
      /^change 1, key parameters.documented: rule refused at line 1, column 28/,
    );
    expect(result.errors![0].extensions).toMatchObject({
      change: 1,
      field: 'rule',
      ruleError: 'UNKNOWN_FIELD',
      line: 1,
      column: 28,
    });
  });

  it('refuses a MODIFY of a criterion the version does not have, naming the change', async () => {
    const result = await preview(app, [
      RELAX_PARAMETERS,
      { kind: 'MODIFY', key: 'code.nonexistent', title: 'Nothing' },
    ]);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions).toMatchObject({ change: 1 });
    expect(result.errors![0].message).toContain('code.nonexistent');
  });

  it('refuses malformed changes, an unknown level, an empty list and an unknown version', async () => {
    const twice = await preview(app, [
      RELAX_PARAMETERS,
      { kind: 'REMOVE', key: 'parameters.terms' },
    ]);
    expect(codes(twice)).toEqual(['BAD_USER_INPUT']);
    expect(twice.errors![0].extensions).toMatchObject({ change: 1 });

    const level = await preview(app, [{ kind: 'MODIFY', key: 'code.training', level: 'Class I' }]);
    expect(codes(level)).toEqual(['BAD_USER_INPUT']);
    expect(level.errors![0].extensions).toMatchObject({ change: 0, field: 'level' });

    expect(codes(await preview(app, []))).toEqual(['BAD_USER_INPUT']);
    const missing = await gql(app.url, PREVIEW, {
      input: { definition: 'osaid', baseVersion: '9.9', changes: [RELAX_PARAMETERS] },
    });
    expect(codes(missing)).toEqual(['NOT_FOUND']);
  });

  it('writes nothing to the database', async () => {
    const counts = () =>
      app.sql<{ verdicts: number; criteria: number; audit: number; facts: number }>(
        `SELECT (SELECT count(*)::int FROM verdicts) AS verdicts,
                (SELECT count(*)::int FROM criteria) AS criteria,
                (SELECT count(*)::int FROM audit_events) AS audit,
                (SELECT count(*)::int FROM fact_revisions) AS facts`,
      );
    const before = await counts();
    for (const token of [undefined, steward]) {
      await ok(
        app.url,
        PREVIEW,
        {
          input: {
            definition: 'osaid',
            baseVersion: '1.0',
            changes: [RELAX_PARAMETERS, { kind: 'REMOVE', key: 'code.training' }],
          },
        },
        token,
      );
    }
    expect(await counts()).toEqual(before);
  });

  describe('combined with other amendments', () => {
    it('applies the sets in order and reports the keys more than one of them changes', async () => {
      const impacts = app.nest.get(ImpactService);
      const combined = await impacts.combinedImpact('osaid', '1.0', [
        { id: 1, changes: [{ kind: 'MODIFY', key: 'parameters.terms', rule: 'false == true' }] },
        { id: 2, changes: [{ ...RELAX_PARAMETERS, kind: 'MODIFY' }] },
        { id: 3, changes: [{ kind: 'MODIFY', key: 'code.training', title: 'Training code' }] },
      ]);
      expect(combined.conflicts).toEqual([{ key: 'parameters.terms', amendments: [1, 2] }]);
      // The later amendment wins: the relaxed rule is what the impact shows.
      expect(combined.impact.changes.map((c) => [c.before, c.after, c.decidedBy])).toEqual([
        ['FAIL', 'PASS', ['parameters.terms']],
      ]);
    });

    it('is a CONFLICT naming the amendment and change when the order cannot apply', async () => {
      const impacts = app.nest.get(ImpactService);
      const add = {
        kind: 'ADD' as const,
        key: 'parameters.card',
        component: 'Parameters',
        title: 'Card',
        text: 'A model card.',
        rule: 'components.modelCard.available',
      };
      await expect(
        impacts.combinedImpact('osaid', '1.0', [
          { id: 4, changes: [add] },
          { id: 5, changes: [{ kind: 'REMOVE', key: 'code.inference' }, add] },
        ]),
      ).rejects.toMatchObject({ code: 'CONFLICT', details: { amendment: 5, change: 1 } });
    });
  });
});
