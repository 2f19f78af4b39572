import {
  checkConsistency,
  snapshotRatified,
  type RatifiedSnapshot,
} from './support/consistency.js';
import {
  amendmentInput,
  grantRole,
  proposeAmendment,
  signUp,
  stewardToken,
  transition,
  type Account,
} from '../testkit/factories/index.js';
import { codes, gql, ok } from '../testkit/graphql-client.js';
import { burst, figuresTable, inBatches, type BurstFigures } from './support/load.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Many clients at once, through HTTP, on whichever database the suite runs on:
 * repeated votes, racing revisions, racing ratifications and a comment storm. Each
 * burst is fired all at once and then checked against the database itself.
 */
const MEMBERS = 50;
const VOTES_EACH = 10;
const COMMENTERS = 20;
const COMMENTS_EACH = 10;
const REVISE_ROUNDS = 10;
const RATIFY_ROUNDS = 2;
/** More than half of the 51 eligible (the members and the steward) pass with all approving. */
const QUORUM = 26;
const CHOICES = ['APPROVE', 'REJECT', 'ABSTAIN', 'RECUSE'] as const;

const VOTE = `mutation ($n: Int!, $choice: VoteChoice!, $rationale: String!) {
  castVote(input: { definition: "osaid", number: $n, choice: $choice, rationale: $rationale }) { choice } }`;
const REVISE = `mutation ($n: Int!, $expected: Int!, $changes: [AmendmentChangeInput!]) {
  reviseAmendment(definition: "osaid", number: $n, input: { expectedRevision: $expected, changes: $changes }) { revision } }`;
const RATIFY = `mutation ($base: String!, $label: String!, $ns: [Int!]!) {
  ratifyVersion(input: { definition: "osaid", baseVersion: $base, label: $label, amendments: $ns }) { label status } }`;
const COMMENT = `mutation ($n: Int!, $body: String!) { addComment(input: { definition: "osaid", number: $n, body: $body }) { id } }`;

const modify = (key: string, text: string) => ({ kind: 'MODIFY', key, text });
const proposal = (baseVersion: string, changes: Array<Record<string, unknown>>) =>
  amendmentInput({
    baseVersion,
    title: 'Concurrency test amendment',
    rationale: 'Written by test/concurrency.',
    changes,
  });

describe('Concurrency: many clients at once through HTTP', () => {
  let app: TestApp;
  let steward: string;
  let proposer: Account;
  let members: Account[];
  let ratifiedBefore: RatifiedSnapshot;
  const figures: BurstFigures[] = [];
  const database = process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PGlite';

  const propose = async (baseVersion: string, changes: Array<Record<string, unknown>>) =>
    (await proposeAmendment(app, proposer.token, proposal(baseVersion, changes))).number;
  const count = async (sql: string, params: unknown[] = []) =>
    (await app.sql<{ n: number }>(`SELECT (${sql})::int AS n`, params))[0].n;
  const osaidVersions = async () =>
    new Map(
      (
        await app.sql<{ id: string; label: string; status: string; parent: string | null }>(
          `SELECT v.id, v.label, v.status, p.label AS parent FROM definition_versions v
             JOIN definitions d ON d.id = v.definition_id
             LEFT JOIN definition_versions p ON p.id = v.parent_id WHERE d.slug = 'osaid'`,
        )
      ).map((v) => [v.label, v]),
    );
  const amendmentId = async (n: number) =>
    (
      await app.sql<{ id: string }>(
        `SELECT a.id FROM amendments a JOIN definitions d ON d.id = a.definition_id
          WHERE d.slug = 'osaid' AND a.number = $1`,
        [n],
      )
    )[0].id;

  beforeAll(async () => {
    app = await startTestApp();
    steward = await stewardToken(app);
    const started = performance.now();
    // Each sign-up hashes a password with argon2: a few at a time keeps both cores busy
    // without starving the server; the grants are cheap and go all at once.
    const accounts = await inBatches(Array.from({ length: MEMBERS + 1 }), 4, () => signUp(app));
    [proposer, ...members] = accounts;
    await Promise.all(members.map((m) => grantRole(app, steward, m.handle)));
    figures.push({
      name: `set-up: ${MEMBERS + 1} sign-ups, ${MEMBERS} grants`,
      requests: 2 * MEMBERS + 1,
      successes: 2 * MEMBERS + 1,
      conflicts: 0,
      others: 0,
      elapsedMs: Math.round(performance.now() - started),
    });
    ratifiedBefore = await snapshotRatified(app);
  });
  afterAll(async () => {
    if (figures.length > 0) console.log(figuresTable(`Concurrency on ${database}`, figures));
    await app?.close();
  });

  it(`keeps one vote per member when ${MEMBERS} members vote ${VOTES_EACH} times each at once`, async () => {
    const n = await propose('1.0', [modify('parameters.terms', 'Votes storm.')]);
    await transition(app, steward, 'openVoting', n);
    // Round-robin: every member's first call, then every second call, and so on, so each
    // member's calls are interleaved with everyone else's. The rationale names the call.
    const sent = Array.from({ length: VOTES_EACH }, (_, j) =>
      members.map((member, i) => ({
        member,
        choice: CHOICES[(i + j) % CHOICES.length],
        rationale: `member ${i} call ${j}`,
      })),
    ).flat();
    const { figures: storm } = await burst(
      'castVote: 50 members x 10',
      sent.map(
        (vote) => () =>
          gql(
            app.url,
            VOTE,
            { n, choice: vote.choice, rationale: vote.rationale },
            vote.member.token,
          ),
      ),
    );
    figures.push(storm);
    expect(storm).toMatchObject({ successes: MEMBERS * VOTES_EACH, conflicts: 0, others: 0 });

    const id = await amendmentId(n);
    const rows = await app.sql<{ handle: string; choice: string; rationale: string }>(
      `SELECT s.handle, v.choice, v.rationale FROM votes v JOIN stakeholders s ON s.id = v.voter_id
        WHERE v.amendment_id = $1`,
      [id],
    );
    expect(rows).toHaveLength(MEMBERS);
    for (const row of rows) {
      // The stored vote is one of that member's own calls, whole: choice and rationale together.
      const theirs = sent.filter((vote) => vote.member.handle === row.handle);
      expect(theirs.map((v) => `${v.choice}/${v.rationale}`)).toContain(
        `${row.choice}/${row.rationale}`,
      );
    }
    const { amendment } = await ok(
      app.url,
      `query ($n: Int!) { amendment(definition: "osaid", number: $n) { tally { approve reject abstain recused stale } } }`,
      { n },
    );
    const { approve, reject, abstain, recused, stale } = amendment.tally;
    expect({ counted: approve + reject + abstain + recused, stale }).toEqual({
      counted: MEMBERS,
      stale: 0,
    });
    // Every acknowledged call was journalled in its own transaction.
    expect(
      await count(
        `SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action = 'vote.cast'`,
        [id],
      ),
    ).toBe(MEMBERS * VOTES_EACH);
  });

  it('lets exactly one of two revisions from the same revision through, round after round', async () => {
    const n = await propose('1.0', [modify('parameters.terms', 'Revision 1.')]);
    const id = await amendmentId(n);
    const rowsBefore = await count(
      `SELECT count(*) FROM amendment_changes WHERE amendment_id = $1`,
      [id],
    );
    let expectedRows = rowsBefore;
    for (let round = 1; round <= REVISE_ROUNDS; round++) {
      // Two rivals with different change sets, so the stored set names the winner.
      const rivals = [
        [modify('parameters.terms', `Round ${round}, rival A.`)],
        [
          modify('code.training', `Round ${round}, rival B.`),
          modify('code.inference', `Round ${round}, rival B.`),
        ],
      ];
      const { figures: race, results } = await burst(
        `reviseAmendment race ${round}`,
        rivals.map(
          (changes) => () => gql(app.url, REVISE, { n, expected: round, changes }, proposer.token),
        ),
      );
      figures.push(race);
      expect(results.map((r) => codes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      const winner = rivals[results.findIndex((r) => !r.errors)];
      expect(results.find((r) => !r.errors)!.data!.reviseAmendment.revision).toBe(round + 1);
      const stored = await app.sql<{ key: string; text: string }>(
        `SELECT key, text FROM amendment_changes WHERE amendment_id = $1 AND revision = $2 ORDER BY position`,
        [id, round + 1],
      );
      expect(stored).toEqual(winner.map(({ key, text }) => ({ key, text })));
      expectedRows += winner.length;
    }
    const [row] = await app.sql<{ revision: number }>(
      `SELECT revision FROM amendments WHERE id = $1`,
      [id],
    );
    expect(row.revision).toBe(REVISE_ROUNDS + 1);
    expect(
      await count(`SELECT count(*) FROM amendment_changes WHERE amendment_id = $1`, [id]),
    ).toBe(expectedRows);
    expect(
      await count(
        `SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action = 'amendment.revised'`,
        [id],
      ),
    ).toBe(REVISE_ROUNDS);
  });

  it(`loses no comment when ${COMMENTERS} members post ${COMMENTS_EACH} each at once`, async () => {
    const n = await propose('1.0', [modify('parameters.terms', 'Comment storm.')]);
    await transition(app, steward, 'openComments', n);
    const bodies = members
      .slice(0, COMMENTERS)
      .flatMap((member, i) =>
        Array.from({ length: COMMENTS_EACH }, (_, j) => ({ member, body: `comment ${j} by ${i}` })),
      );
    const { figures: storm, results } = await burst(
      `addComment: ${COMMENTERS} members x ${COMMENTS_EACH}`,
      bodies.map(
        ({ member, body }) =>
          () =>
            gql(app.url, COMMENT, { n, body }, member.token),
      ),
    );
    figures.push(storm);
    expect(storm).toMatchObject({ successes: bodies.length, others: 0, conflicts: 0 });

    const id = await amendmentId(n);
    const stored = await app.sql<{ id: string; body: string; handle: string }>(
      `SELECT c.id, c.body, s.handle FROM comments c JOIN stakeholders s ON s.id = c.author_id
        WHERE c.amendment_id = $1`,
      [id],
    );
    const byId = new Map(stored.map((row) => [row.id, row]));
    results.forEach((result, i) => {
      expect(byId.get(result.data!.addComment.id)).toMatchObject({
        body: bodies[i].body,
        handle: bodies[i].member.handle,
      });
    });
    expect(stored).toHaveLength(bodies.length);
    expect(
      await count(
        `SELECT count(*) FROM audit_events WHERE entity_id = $1 AND action = 'comment.added'`,
        [id],
      ),
    ).toBe(bodies.length);
  });

  it('makes exactly one version of two ratifications of the same amendments at once', async () => {
    let base = '1.0';
    for (let round = 1; round <= RATIFY_ROUNDS; round++) {
      const numbers = [
        await propose(base, [modify('parameters.terms', `Ratify round ${round}, first.`)]),
        await propose(base, [modify('code.training', `Ratify round ${round}, second.`)]),
      ];
      await accept(numbers);
      const before = await osaidVersions();
      const labels = [`1.${round}-a`, `1.${round}-b`];
      const { figures: race, results } = await burst(
        `ratifyVersion race ${round}`,
        labels.map((label) => () => gql(app.url, RATIFY, { base, label, ns: numbers }, steward)),
      );
      figures.push(race);
      expect(results.map((r) => codes(r)[0] ?? 'OK').sort()).toEqual(['CONFLICT', 'OK']);
      const label = results.find((r) => !r.errors)!.data!.ratifyVersion.label as string;

      // One new version, on the base, and the base superseded; the loser left nothing.
      const after = await osaidVersions();
      expect(after.size).toBe(before.size + 1);
      expect(after.get(label)).toMatchObject({ status: 'RATIFIED', parent: base });
      expect(after.get(base)!.status).toBe('SUPERSEDED');
      expect(labels.filter((l) => after.has(l))).toEqual([label]);
      const merged = await app.sql<{ status: string; label: string }>(
        `SELECT a.status, v.label FROM amendments a JOIN definition_versions v ON v.id = a.merged_into_id
          WHERE a.id = ANY($1)`,
        [await Promise.all(numbers.map(amendmentId))],
      );
      expect(merged).toEqual(numbers.map(() => ({ status: 'MERGED', label })));
      expect(
        await count(
          `SELECT count(*) FROM audit_events WHERE action = 'version.ratified' AND entity_id = $1`,
          [after.get(label)!.id],
        ),
      ).toBe(1);
      base = label;
    }
  });

  it('leaves the database consistent after all of it', async () => {
    expect(await checkConsistency(app, { ratifiedSnapshot: ratifiedBefore })).toEqual([]);
  });

  /** Through voting to ACCEPTED: a quorum of members approves, all at once. */
  async function accept(numbers: number[]): Promise<void> {
    for (const n of numbers) await transition(app, steward, 'openVoting', n);
    const { figures: votes } = await burst(
      `castVote: approvals for ratification`,
      numbers.flatMap((n) =>
        members
          .slice(0, QUORUM)
          .map(
            (m) => () => gql(app.url, VOTE, { n, choice: 'APPROVE', rationale: 'yes' }, m.token),
          ),
      ),
    );
    expect(votes.successes).toBe(votes.requests);
    for (const n of numbers) {
      expect(await transition(app, steward, 'closeVoting', n)).toBe('ACCEPTED');
    }
  }
});
