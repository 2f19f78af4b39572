import {
  checkConsistency,
  snapshotRatified,
  type RatifiedSnapshot,
  type SqlRunner,
} from './support/consistency.js';
import {
  addComment,
  amendmentInput,
  castVote,
  committeeMember,
  proposeAmendment,
  ratifyVersion,
  signUp,
  stewardToken,
  transition,
  type Account,
} from '../testkit/factories/index.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Thrown to roll a planting transaction back once the checker has looked at it. */
class Rollback extends Error {}

describe('The consistency checker', () => {
  let app: TestApp;
  let steward: string;
  let proposer: Account;
  let voter: Account;
  let draft: number;
  let snapshot: RatifiedSnapshot;

  /**
   * Plants a violation inside a transaction, with foreign keys and triggers off for
   * that session only (replica mode), runs the checker on what the transaction
   * sees, and rolls everything back, so the next test starts consistent again.
   */
  async function planted(plant: (db: SqlRunner) => Promise<unknown>): Promise<string[]> {
    let violations: string[] = [];
    try {
      await app.dataSource.transaction(async (manager) => {
        const db: SqlRunner = { sql: (query, params) => manager.query(query, params) };
        await db.sql(`SET LOCAL session_replication_role = replica`);
        await plant(db);
        violations = await checkConsistency(db, { ratifiedSnapshot: snapshot });
        throw new Rollback();
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return violations;
  }
  const names = (violations: string[]) => [...new Set(violations.map((v) => v.split(':')[0]))];

  beforeAll(async () => {
    app = await startTestApp();
    steward = await stewardToken(app);
    proposer = await signUp(app);
    voter = await committeeMember(app, steward);
    snapshot = await snapshotRatified(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds nothing wrong with a freshly seeded database', async () => {
    expect(await checkConsistency(app, { ratifiedSnapshot: snapshot })).toEqual([]);
  });

  it('finds nothing wrong after a whole ratification, which supersedes the snapshot’s version', async () => {
    const { number: n } = await proposeAmendment(app, proposer.token);
    await transition(app, steward, 'openComments', n);
    await addComment(app, voter.token, n, { body: 'Fine by me.' });
    await transition(app, steward, 'openVoting', n);
    await castVote(app, voter.token, n, 'APPROVE');
    await castVote(app, steward, n, 'APPROVE');
    expect(await transition(app, steward, 'closeVoting', n)).toBe('ACCEPTED');
    await ratifyVersion(app, steward, { baseVersion: '1.0', label: '1.1', amendments: [n] });
    draft = (await proposeAmendment(app, proposer.token, amendmentInput({ baseVersion: '1.1' })))
      .number;
    expect(await checkConsistency(app, { ratifiedSnapshot: snapshot })).toEqual([]);
    snapshot = await snapshotRatified(app);
  });

  it('names an orphan row that replica mode let past the foreign keys', async () => {
    const violations = await planted((db) =>
      db.sql(`INSERT INTO votes (amendment_id, voter_id, choice, amendment_revision)
              VALUES (gen_random_uuid(), gen_random_uuid(), 'APPROVE', 1)`),
    );
    expect(names(violations)).toEqual(
      expect.arrayContaining(['fk.votes.amendment_id', 'fk.votes.voter_id']),
    );
  });

  it('names a second vote by one voter and a vote on an amendment never opened for voting', async () => {
    const twice = await planted(async (db) => {
      await db.sql(`DROP INDEX votes_amendment_voter`);
      await db.sql(`INSERT INTO votes (amendment_id, voter_id, choice, amendment_revision)
                    SELECT amendment_id, voter_id, 'REJECT', amendment_revision FROM votes LIMIT 1`);
    });
    expect(names(twice)).toEqual(['votes.one_per_voter']);
    const early = await planted((db) =>
      db.sql(
        `INSERT INTO votes (amendment_id, voter_id, choice, amendment_revision)
         SELECT a.id, a.proposer_id, 'APPROVE', 1 FROM amendments a WHERE a.number = $1`,
        [draft],
      ),
    );
    expect(names(early)).toEqual(['votes.only_after_voting_opened']);
  });

  it('names a changed criterion of a ratified version and a second RATIFIED version', async () => {
    const edited = await planted((db) =>
      db.sql(`UPDATE criteria SET rule = 'true' WHERE version_id IN
                (SELECT id FROM definition_versions WHERE label = '1.0-RC1')`),
    );
    expect(names(edited)).toEqual(['ratified.unchanged']);
    const twoRatified = await planted((db) =>
      db.sql(`UPDATE definition_versions SET status = 'RATIFIED' WHERE label = '1.0'
                AND definition_id = (SELECT id FROM definitions WHERE slug = 'osaid')`),
    );
    expect(names(twoRatified)).toEqual(['state.one_ratified_version_per_definition']);
  });

  it('names broken state-machine invariants', async () => {
    const noChanges = await planted((db) =>
      db.sql(`UPDATE amendments SET revision = revision + 1 WHERE number = $1`, [draft]),
    );
    expect(names(noChanges)).toEqual(
      expect.arrayContaining(['state.current_revision_has_changes']),
    );
    const mergedIntoDraft = await planted((db) =>
      db.sql(
        `WITH scratch AS (INSERT INTO definition_versions (definition_id, label)
                          SELECT id, 'scratch' FROM definitions WHERE slug = 'osaid' RETURNING id)
         UPDATE amendments SET status = 'MERGED', merged_into_id = (SELECT id FROM scratch)
          WHERE number = $1`,
        [draft],
      ),
    );
    expect(names(mergedIntoDraft)).toEqual(
      expect.arrayContaining(['state.merged_iff_merged_into', 'state.audit_agrees_with_status']),
    );
    const lostFacts = await planted((db) =>
      db.sql(`UPDATE ai_systems SET current_revision = 99 WHERE slug = 'olmo'`),
    );
    expect(names(lostFacts)).toEqual(
      expect.arrayContaining([
        'counts.fact_revisions_contiguous',
        'state.system_current_revision_exists',
      ]),
    );
  });

  it('names an edited audit event and a deleted one', async () => {
    const edited = await planted((db) =>
      db.sql(`UPDATE audit_events SET data = '{"forged": true}' WHERE seq = 2`),
    );
    expect(names(edited)).toEqual(['audit.hash_matches_content']);
    const deleted = await planted((db) => db.sql(`DELETE FROM audit_events WHERE seq = 2`));
    expect(names(deleted)).toEqual(
      expect.arrayContaining(['audit.seq_contiguous', 'audit.prev_hash_links']),
    );
  });

  it('finds the database consistent again once every planted violation is rolled back', async () => {
    expect(await checkConsistency(app, { ratifiedSnapshot: snapshot })).toEqual([]);
  });
});
