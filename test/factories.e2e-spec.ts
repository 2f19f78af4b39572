import {
  addComment,
  amendmentAt,
  amendmentInput,
  castVote,
  committeeMember,
  createDefinition,
  draftVersion,
  raiseConcern,
  signUp,
  stewardToken,
  upsertSystem,
  type Account,
  type AmendmentStage,
} from '../testkit/factories/index.js';
import { ok } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The factories the suites build their data with make what they say, through the API. */
describe('Factories', () => {
  let app: TestApp;
  let steward: string;
  let proposer: Account;
  let voters: Account[];

  beforeAll(async () => {
    app = await startTestApp();
    steward = await stewardToken(app);
    proposer = await signUp(app);
    voters = [await committeeMember(app, steward), await committeeMember(app, steward)];
  });
  afterAll(async () => {
    await app?.close();
  });

  it('make a definition, a DRAFT version with its criteria, and a system with its facts', async () => {
    const { slug } = await createDefinition(app, steward, { levels: ['Bronze', 'Gold'] });
    const draft = await draftVersion(app, steward, {
      definition: slug,
      criteria: [
        { key: 'code.training', rule: 'components.trainingCode.available', level: 'Bronze' },
        { key: 'parameters.open', rule: 'components.modelParameters.available', level: 'Gold' },
      ],
    });
    const version = await ok(
      app.url,
      `query ($d: String!, $l: String!) { version(definition: $d, label: $l) {
        status definition { slug levels } criteria { key rule level } } }`,
      { d: slug, l: draft.label },
    );
    expect(version.version).toEqual({
      status: 'DRAFT',
      definition: { slug, levels: ['Bronze', 'Gold'] },
      criteria: [
        { key: 'code.training', rule: 'components.trainingCode.available', level: 'Bronze' },
        { key: 'parameters.open', rule: 'components.modelParameters.available', level: 'Gold' },
      ],
    });

    const facts = { components: { modelParameters: { available: true, license: 'MIT' } } };
    const system = await upsertSystem(app, steward, { facts });
    const read = await ok(app.url, `query ($s: String!) { system(slug: $s) { facts } }`, {
      s: system.slug,
    });
    expect(system.factRevision).toBe(1);
    expect(read.system.facts).toEqual(facts);
  });

  // MERGED last: it supersedes 1.0, which the others are proposed on.
  it.each<AmendmentStage>([
    'DRAFT',
    'OPEN',
    'VOTING',
    'ACCEPTED',
    'REJECTED',
    'WITHDRAWN',
    'MERGED',
  ])('bring an amendment to %s', async (stage) => {
    const people = { steward, proposer: proposer.token, voters };
    const number = await amendmentAt(app, stage, people, undefined, 'factory-merged');
    const read = await ok(
      app.url,
      `query ($n: Int!) { amendment(definition: "osaid", number: $n) { status mergedInto { label } } }`,
      { n: number },
    );
    expect(read.amendment).toEqual({
      status: stage,
      mergedInto: stage === 'MERGED' ? { label: 'factory-merged' } : null,
    });
  });

  it('add comments, votes and concerns to an amendment', async () => {
    const osaid = await ok(app.url, `{ definition(slug: "osaid") { versions { label status } } }`);
    const base = osaid.definition.versions.find((v: any) => v.status === 'RATIFIED').label;
    const number = await amendmentAt(
      app,
      'VOTING',
      { steward, proposer: proposer.token },
      amendmentInput({ baseVersion: base }),
    );
    const root = await addComment(app, voters[0].token, number, {
      body: 'Why?',
      stance: 'QUESTION',
      criterionKey: 'parameters.terms',
    });
    await addComment(app, proposer.token, number, { body: 'Because.', parentId: root.id });
    await castVote(app, voters[0].token, number, 'REJECT', 'Not yet');
    const concern = await raiseConcern(app, voters[1].token, number, 'Check the licences');
    const read = await ok(
      app.url,
      `query ($n: Int!) { amendment(definition: "osaid", number: $n) {
        comments { id body stance criterionKey parentId author { handle } }
        votes { choice rationale voter { handle } }
        concerns { id body open raisedBy { handle } } } }`,
      { n: number },
    );
    expect(read.amendment.comments).toEqual([
      {
        id: root.id,
        body: 'Why?',
        stance: 'QUESTION',
        criterionKey: 'parameters.terms',
        parentId: null,
        author: { handle: voters[0].handle },
      },
      {
        id: expect.any(String),
        body: 'Because.',
        stance: 'NEUTRAL',
        criterionKey: null,
        parentId: root.id,
        author: { handle: proposer.handle },
      },
    ]);
    expect(read.amendment.votes).toEqual([
      { choice: 'REJECT', rationale: 'Not yet', voter: { handle: voters[0].handle } },
    ]);
    expect(read.amendment.concerns).toEqual([
      {
        id: concern.id,
        body: 'Check the licences',
        open: true,
        raisedBy: { handle: voters[1].handle },
      },
    ]);
  });
});
