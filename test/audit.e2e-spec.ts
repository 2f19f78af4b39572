import { AuditVerifier } from '../src/audit/audit-verifier.js';
import { signUp, stewardToken } from '../testkit/factories/index.js';
import { codes, gql, ok } from '../testkit/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const INTEGRITY = `{ auditIntegrity { ok checked firstBrokenSeq reason verifiedAt } }`;

interface Integrity {
  ok: boolean;
  checked: number;
  firstBrokenSeq: string | null;
  reason: string | null;
  verifiedAt: string;
}

/**
 * Runs `change` as a superuser would to get past the append-only trigger: disable it,
 * edit, enable it again — one statement batch, so one transaction on one connection.
 */
const behindRedlinesBack = (app: TestApp, change: string) =>
  app.sql(`
    ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
    ${change};
    ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;`);

describe('Audit trail', () => {
  let app: TestApp;
  let steward: string;
  let events: number;
  const integrity = async () =>
    (await ok<{ auditIntegrity: Integrity }>(app.url, INTEGRITY, {}, steward)).auditIntegrity;

  beforeAll(async () => {
    app = await startTestApp();
    steward = await stewardToken(app);
    [{ events }] = await app.sql<{ events: number }>(
      `SELECT count(*)::int AS events FROM audit_events`,
    );
  });
  afterAll(async () => {
    await app?.close();
  });

  it('finds the chain the reference data load wrote intact', async () => {
    expect(events).toBeGreaterThan(2);
    const before = Date.now();
    const result = await integrity();
    expect(result).toMatchObject({ ok: true, checked: events, firstBrokenSeq: null, reason: null });
    expect(Date.parse(result.verifiedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('gives the same answer reading the chain in pages of any size', async () => {
    const verifier = app.nest.get(AuditVerifier);
    for (const batchSize of [1, 2, events - 1, events]) {
      expect(await verifier.verify(batchSize)).toMatchObject({ ok: true, checked: events });
    }
  });

  it('answers stewards only', async () => {
    const member = await signUp(app);
    expect(codes(await gql(app.url, INTEGRITY, {}, member.token))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(app.url, INTEGRITY))).toEqual(['UNAUTHENTICATED']);
  });

  it('has the database refuse UPDATE, DELETE and TRUNCATE of audit events', async () => {
    await expect(app.sql(`TRUNCATE audit_events`)).rejects.toThrow(
      'audit_events rows are never changed or deleted',
    );
    await expect(app.sql(`TRUNCATE stakeholders CASCADE`)).rejects.toThrow(
      /never changed or deleted/,
    );
    await expect(app.sql(`UPDATE audit_events SET data = '{}' WHERE seq = 1`)).rejects.toThrow(
      'audit_events rows are never changed or deleted',
    );
    await expect(app.sql(`DELETE FROM audit_events WHERE seq = 1`)).rejects.toThrow(
      'audit_events rows are never changed or deleted',
    );
  });

  it('names an event edited in SQL (reason hash), and is intact again once it is restored', async () => {
    // The sign-up above appended an event; the chain is longer now.
    const [{ total }] = await app.sql<{ total: number }>(
      `SELECT count(*)::int AS total FROM audit_events`,
    );
    const seq = Math.ceil(total / 2);
    const [{ original }] = await app.sql<{ original: string }>(
      `SELECT data::text AS original FROM audit_events WHERE seq = $1`,
      [seq],
    );
    await behindRedlinesBack(
      app,
      `UPDATE audit_events SET data = data || '{"forged": true}' WHERE seq = ${seq}`,
    );
    expect(await integrity()).toMatchObject({
      ok: false,
      checked: seq,
      firstBrokenSeq: String(seq),
      reason: 'hash',
    });

    await behindRedlinesBack(
      app,
      `UPDATE audit_events SET data = '${original.replaceAll("'", "''")}' WHERE seq = ${seq}`,
    );
    expect(await integrity()).toMatchObject({ ok: true, checked: total, firstBrokenSeq: null });
  });

  it('names the next event when an edit also recomputes the edited hash (reason link)', async () => {
    const [{ total }] = await app.sql<{ total: number }>(
      `SELECT count(*)::int AS total FROM audit_events`,
    );
    const seq = total - 1;
    const [{ original, hash }] = await app.sql<{ original: string; hash: string }>(
      `SELECT data::text AS original, hash FROM audit_events WHERE seq = $1`,
      [seq],
    );
    // Two statements: the second must hash the row as the first left it.
    await behindRedlinesBack(
      app,
      `UPDATE audit_events SET data = data || '{"forged": true}' WHERE seq = ${seq};
       UPDATE audit_events SET hash = redline_audit_hash(audit_events) WHERE seq = ${seq}`,
    );
    expect(await integrity()).toMatchObject({
      ok: false,
      firstBrokenSeq: String(seq + 1),
      reason: 'link',
    });

    await behindRedlinesBack(
      app,
      `UPDATE audit_events SET data = '${original.replaceAll("'", "''")}', hash = '${hash}' WHERE seq = ${seq}`,
    );
    expect((await integrity()).ok).toBe(true);
  });

  it('names the event after one deleted in SQL (reason gap)', async () => {
    await behindRedlinesBack(app, `DELETE FROM audit_events WHERE seq = 3`);
    expect(await integrity()).toMatchObject({
      ok: false,
      checked: 3,
      firstBrokenSeq: '4',
      reason: 'gap',
    });
  });
});
