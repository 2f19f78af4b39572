import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, getNamedType, isNonNullType, isObjectType } from 'graphql';
import { addComment, castVote, raiseConcern, upsertSystem } from '../../testkit/factories/index.js';
import { ok } from '../../testkit/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { votingAmendment, type VotingAmendment } from './support.js';

const SCHEMA = buildSchema(
  readFileSync(fileURLToPath(new URL('../../schema.gql', import.meta.url)), 'utf8'),
);

/** Values with no identity of their own: a client keeps them inside the object that holds them. */
const VALUE_TYPES = new Set([
  'AmendmentConflict',
  'AmendmentEvent',
  'AuditIntegrity',
  'AuthPayload',
  'CombinedImpact',
  'CriterionChange',
  'CriterionResult',
  'Evidence',
  'GovernancePolicyModel',
  'Impact',
  'ImpactSummary',
  'PageInfo',
  'Tally',
  'TextSegment',
  'VerdictChange',
  'VersionDiff',
]);
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

const VOTE = `mutation ($n: Int!, $choice: VoteChoice!) {
  castVote(input: { definition: "osaid", number: $n, choice: $choice }) { id amendment { id } } }`;

describe('Object ids', () => {
  let app: TestApp;
  let voting: VotingAmendment;

  beforeAll(async () => {
    app = await startTestApp();
    voting = await votingAmendment(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are on every object type but the value types, as ID!', () => {
    const objects = Object.values(SCHEMA.getTypeMap()).filter(
      (type) => isObjectType(type) && !type.name.startsWith('__') && !ROOTS.has(type.name),
    );
    const missing = objects
      .filter(isObjectType)
      .filter((type) => !VALUE_TYPES.has(type.name) && !type.name.endsWith('Connection'))
      .filter((type) => !type.name.endsWith('Edge'))
      .filter((type) => {
        const id = type.getFields().id;
        return !id || !isNonNullType(id.type) || getNamedType(id.type).name !== 'ID';
      })
      .map((type) => type.name);
    // A new object type must either have an id or be named a value type here.
    expect(missing).toEqual([]);
    expect(objects.length).toBeGreaterThan(VALUE_TYPES.size + 10);
  });

  it('name the same object the same way on every path, and differ across objects', async () => {
    const data = await ok(
      app.url,
      `query ($n: Int!) {
        definition(slug: "osaid") { id versions { id label criteria { id key } } }
        version(definition: "osaid", label: "1.0") { id definition { id }
          criteria { id key } verdicts { id system { id slug } } }
        systems(first: 100) { edges { node { id slug
          verdict(definition: "osaid", version: "1.0") { id }
          assessed: verdict(definition: "osaid", version: "1.0", source: ASSESSED) { id } } } }
        amendment(definition: "osaid", number: $n) { id definition { id } proposer { id }
          changes { id } history { id seq } } }`,
      { n: voting.number },
    );
    const v1 = data.definition.versions.find((v: any) => v.label === '1.0');
    expect(data.version.id).toBe(v1.id);
    expect(data.version.definition.id).toBe(data.definition.id);
    expect(data.amendment.definition.id).toBe(data.definition.id);
    expect(data.version.criteria).toEqual(v1.criteria);
    const systems = data.systems.edges.map((edge: any) => edge.node);
    expect(data.version.verdicts.map((v: any) => [v.system.id, v.id])).toEqual(
      systems.map((s: any) => [s.id, s.verdict.id]),
    );
    // Every id read: one object each, whatever its type.
    const ids = [
      data.definition.id,
      ...data.definition.versions.flatMap((v: any) => [v.id, ...v.criteria.map((c: any) => c.id)]),
      ...systems.flatMap((s: any) => [s.id, s.verdict.id, s.assessed?.id].filter(Boolean)),
      data.amendment.id,
      data.amendment.proposer.id,
      ...data.amendment.changes.map((c: any) => c.id),
      ...data.amendment.history.map((h: any) => h.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(systems.some((s: any) => s.assessed)).toBe(true);
    // Read again: the same ids (the audit entries' included).
    const again = await ok(
      app.url,
      `query ($n: Int!) { amendment(definition: "osaid", number: $n) { history { id seq } } }`,
      { n: voting.number },
    );
    expect(again.amendment.history).toEqual(data.amendment.history);
  });

  it('keep a verdict’s id when the system’s facts change, and a vote’s when it is cast again', async () => {
    const steward = voting.steward;
    const read = `{ system(slug: "olmo") { id factRevision facts verdict(definition: "osaid", version: "1.0") { id outcome factRevision } } }`;
    const before = (await ok(app.url, read)).system;
    const facts = structuredClone(before.facts);
    facts.components.modelParameters.license = 'LicenseRef-Proprietary';
    await upsertSystem(app, steward, { slug: 'olmo', name: 'OLMo', developer: 'Ai2', facts });
    const after = (await ok(app.url, read)).system;
    expect(before.verdict.outcome).toBe('PASS');
    expect(after.id).toBe(before.id);
    expect(after.factRevision).toBe(before.factRevision + 1);
    expect(after.verdict.factRevision).toBe(after.factRevision);
    expect(after.verdict.outcome).toBe('FAIL');
    expect(after.verdict.id).toBe(before.verdict.id);

    const voter = voting.committee[2].token;
    const first = (await ok(app.url, VOTE, { n: voting.number, choice: 'APPROVE' }, voter))
      .castVote;
    const second = (await ok(app.url, VOTE, { n: voting.number, choice: 'REJECT' }, voter))
      .castVote;
    expect(second).toEqual(first);
    const amendment = await ok(
      app.url,
      `query ($n: Int!) { amendment(definition: "osaid", number: $n) { id votes { id choice } } }`,
      { n: voting.number },
    );
    expect(amendment.amendment.id).toBe(first.amendment.id);
    expect(amendment.amendment.votes).toContainEqual({ id: first.id, choice: 'REJECT' });
  });

  it('and the way back to the amendment cost a listing no SQL statement more', async () => {
    const [member, other] = voting.committee;
    const n = voting.number;
    for (const body of ['One', 'Two', 'Three']) await addComment(app, member.token, n, { body });
    await raiseConcern(app, other.token, n, 'Wait');
    await castVote(app, other.token, n, 'APPROVE');
    const listing = (
      extra: string,
    ) => `{ amendments(definition: "osaid", first: 10) { edges { node {
      number proposer { handle } changes { key } tally { passed }
      comments { body author { handle } ${extra} } votes { choice voter { handle } ${extra} }
      concerns { body raisedBy { handle } ${extra} } } } } }`;
    const plain = listing('');
    const withIds = listing('id amendment { id number tally { approve } }');
    // The least of three runs: the deadline sweeper's own queries may land inside one.
    const statements = async (query: string) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) runs.push(await app.countQueries(() => ok(app.url, query)));
      return Math.min(...runs);
    };
    const read = await ok(app.url, withIds);
    const node = read.amendments.edges.find((edge: any) => edge.node.number === n).node;
    expect(node.comments).toHaveLength(3);
    for (const child of [...node.comments, ...node.votes, ...node.concerns]) {
      expect(child.amendment).toEqual({
        id: expect.any(String),
        number: n,
        tally: expect.anything(),
      });
    }
    expect(await statements(withIds)).toBe(await statements(plain));
  });
});
