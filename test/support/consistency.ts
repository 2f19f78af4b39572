import { createHash } from 'node:crypto';
import type { TestApp } from './test-app.js';

/**
 * The invariants a Redline database must hold whatever was thrown at the API, the
 * process or the network: checked with plain SQL, so they hold for what is stored,
 * not for what the services believe. Fuzzing, concurrency and crash tests run it
 * after their work; an empty list means consistent.
 *
 * Only `sql` is needed, so a test can pass a transaction's manager (to plant a
 * violation and roll it back) or a connection to a restarted server.
 */
export type SqlRunner = Pick<TestApp, 'sql'>;

/** Hash of each RATIFIED or SUPERSEDED version's criteria, by version id. */
export type RatifiedSnapshot = Record<string, { label: string; hash: string }>;

export interface ConsistencyOptions {
  /** Taken earlier with snapshotRatified: those versions' criteria must not have changed. */
  ratifiedSnapshot?: RatifiedSnapshot;
}

/** One invariant: a query that returns the rows violating it (none when it holds). */
interface Invariant {
  name: string;
  sql: string;
}

/** Foreign keys worth proving orphan-free: [table, column, referenced table]. */
const REFERENCES: Array<[string, string, string]> = [
  ['definition_versions', 'definition_id', 'definitions'],
  ['definition_versions', 'parent_id', 'definition_versions'],
  ['criteria', 'version_id', 'definition_versions'],
  ['amendments', 'definition_id', 'definitions'],
  ['amendments', 'proposer_id', 'stakeholders'],
  ['amendments', 'base_version_id', 'definition_versions'],
  ['amendments', 'merged_into_id', 'definition_versions'],
  ['amendment_changes', 'amendment_id', 'amendments'],
  ['comments', 'amendment_id', 'amendments'],
  ['comments', 'author_id', 'stakeholders'],
  ['comments', 'parent_id', 'comments'],
  ['comments', 'hidden_by_id', 'stakeholders'],
  ['comment_edits', 'comment_id', 'comments'],
  ['concerns', 'amendment_id', 'amendments'],
  ['concerns', 'raised_by_id', 'stakeholders'],
  ['concerns', 'resolved_by_id', 'stakeholders'],
  ['votes', 'amendment_id', 'amendments'],
  ['votes', 'voter_id', 'stakeholders'],
  ['audit_events', 'actor_id', 'stakeholders'],
  ['fact_revisions', 'system_id', 'ai_systems'],
  ['fact_revisions', 'recorded_by_id', 'stakeholders'],
  ['verdicts', 'system_id', 'ai_systems'],
  ['verdicts', 'version_id', 'definition_versions'],
  ['verdicts', 'fact_revision_id', 'fact_revisions'],
  ['verdicts', 'recorded_by_id', 'stakeholders'],
  ['sessions', 'stakeholder_id', 'stakeholders'],
  ['stakeholder_roles', 'stakeholder_id', 'stakeholders'],
  ['conflicts_of_interest', 'stakeholder_id', 'stakeholders'],
  ['conflicts_of_interest', 'definition_id', 'definitions'],
];

// The foreign keys exist, but a restore, a replica-mode session or a future migration
// can bypass them; an anti-join proves the stored rows, not the declared schema.
const FOREIGN_KEYS: Invariant[] = REFERENCES.map(([table, column, parent]) => ({
  name: `fk.${table}.${column}`,
  sql: `SELECT c.${column} AS missing, count(*)::int AS rows FROM ${table} c
         WHERE c.${column} IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = c.${column})
         GROUP BY c.${column}`,
}));

/** Relations whose both ends exist but must also agree with each other. */
const RELATIONS: Invariant[] = [
  {
    name: 'relation.version_parent_same_definition',
    sql: `SELECT v.id, v.label FROM definition_versions v JOIN definition_versions p ON p.id = v.parent_id
           WHERE p.definition_id <> v.definition_id`,
  },
  {
    name: 'relation.amendment_base_same_definition',
    sql: `SELECT a.id, a.number FROM amendments a JOIN definition_versions v ON v.id = a.base_version_id
           WHERE v.definition_id <> a.definition_id`,
  },
  {
    name: 'relation.comment_reply_same_amendment',
    sql: `SELECT c.id FROM comments c JOIN comments p ON p.id = c.parent_id
           WHERE p.amendment_id <> c.amendment_id`,
  },
  {
    name: 'relation.verdict_fact_revision_of_its_system',
    sql: `SELECT v.id FROM verdicts v JOIN fact_revisions f ON f.id = v.fact_revision_id
           WHERE f.system_id <> v.system_id`,
  },
];

const COUNTS: Invariant[] = [
  {
    // Numbers are allocated as max + 1 and amendments are never deleted: 1..n, no gaps.
    name: 'counts.amendment_numbers_contiguous',
    sql: `SELECT definition_id, count(*)::int AS amendments, max(number) AS highest
            FROM amendments GROUP BY definition_id HAVING count(*) <> max(number)`,
  },
  {
    // Each upsert appends revision current + 1, and revisions are never deleted.
    name: 'counts.fact_revisions_contiguous',
    sql: `SELECT s.slug, s.current_revision, count(f.id)::int AS revisions, max(f.revision) AS highest
            FROM ai_systems s LEFT JOIN fact_revisions f ON f.system_id = s.id
           GROUP BY s.id HAVING count(f.id) <> s.current_revision
               OR coalesce(max(f.revision), 0) <> s.current_revision`,
  },
  {
    name: 'counts.audit_event_per_amendment',
    sql: `SELECT a.id, a.number FROM amendments a WHERE NOT EXISTS (
            SELECT 1 FROM audit_events e WHERE e.entity_type = 'amendment' AND e.entity_id = a.id
               AND e.action = 'amendment.proposed')`,
  },
  {
    name: 'counts.edits_only_on_edited_comments',
    sql: `SELECT c.id FROM comments c WHERE c.edited_at IS NULL
             AND EXISTS (SELECT 1 FROM comment_edits e WHERE e.comment_id = c.id)`,
  },
];

const VOTES: Invariant[] = [
  {
    name: 'votes.one_per_voter',
    sql: `SELECT amendment_id, voter_id, count(*)::int AS votes FROM votes
           GROUP BY amendment_id, voter_id HAVING count(*) > 1`,
  },
  {
    name: 'votes.only_after_voting_opened',
    sql: `SELECT v.id, a.number, a.status FROM votes v JOIN amendments a ON a.id = v.amendment_id
           WHERE a.status NOT IN ('VOTING', 'ACCEPTED', 'REJECTED', 'MERGED')
              OR NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.entity_type = 'amendment'
                              AND e.entity_id = a.id AND e.to_state = 'VOTING')`,
  },
  {
    name: 'votes.revision_exists',
    sql: `SELECT v.id, v.amendment_revision, a.revision FROM votes v JOIN amendments a ON a.id = v.amendment_id
           WHERE v.amendment_revision < 1 OR v.amendment_revision > a.revision`,
  },
  {
    name: 'comments.revision_exists',
    sql: `SELECT c.id, c.amendment_revision, a.revision FROM comments c JOIN amendments a ON a.id = c.amendment_id
           WHERE c.amendment_revision < 1 OR c.amendment_revision > a.revision`,
  },
];

const STATES: Invariant[] = [
  {
    name: 'state.merged_iff_merged_into',
    sql: `SELECT a.id, a.number, a.status, a.merged_into_id, v.status AS version_status
            FROM amendments a LEFT JOIN definition_versions v ON v.id = a.merged_into_id
           WHERE (a.status = 'MERGED') <> (a.merged_into_id IS NOT NULL)
              OR (a.merged_into_id IS NOT NULL AND v.status IS DISTINCT FROM 'RATIFIED'
                  AND v.status IS DISTINCT FROM 'SUPERSEDED')`,
  },
  {
    // Ratification builds the new version on the amendment's own base.
    name: 'state.merged_into_child_of_base',
    sql: `SELECT a.id, a.number FROM amendments a JOIN definition_versions v ON v.id = a.merged_into_id
           WHERE v.parent_id IS DISTINCT FROM a.base_version_id`,
  },
  {
    name: 'state.one_ratified_version_per_definition',
    sql: `SELECT definition_id, array_agg(label ORDER BY label) AS labels FROM definition_versions
           WHERE status = 'RATIFIED' GROUP BY definition_id HAVING count(*) > 1`,
  },
  {
    name: 'state.ratified_versions_have_criteria',
    sql: `SELECT v.id, v.label, v.status FROM definition_versions v
           WHERE v.status IN ('RATIFIED', 'SUPERSEDED')
             AND NOT EXISTS (SELECT 1 FROM criteria c WHERE c.version_id = v.id)`,
  },
  {
    name: 'state.ratified_versions_dated',
    sql: `SELECT id, label FROM definition_versions
           WHERE status IN ('RATIFIED', 'SUPERSEDED') AND ratified_at IS NULL`,
  },
  {
    name: 'state.current_revision_has_changes',
    sql: `SELECT a.id, a.number, a.revision FROM amendments a WHERE NOT EXISTS (
            SELECT 1 FROM amendment_changes c WHERE c.amendment_id = a.id AND c.revision = a.revision)`,
  },
  {
    name: 'state.amendment_numbers_unique_positive',
    sql: `SELECT definition_id, number, count(*)::int AS amendments FROM amendments
           GROUP BY definition_id, number HAVING count(*) > 1 OR number < 1`,
  },
  {
    name: 'state.system_current_revision_exists',
    sql: `SELECT s.slug, s.current_revision FROM ai_systems s WHERE NOT EXISTS (
            SELECT 1 FROM fact_revisions f WHERE f.system_id = s.id AND f.revision = s.current_revision)`,
  },
  {
    name: 'state.concerns_not_on_drafts',
    sql: `SELECT c.id, a.number FROM concerns c JOIN amendments a ON a.id = c.amendment_id
           WHERE a.status = 'DRAFT'`,
  },
  {
    // Every status change is journalled in the same transaction as the change itself.
    name: 'state.audit_agrees_with_status',
    sql: `SELECT a.id, a.number, a.status, last.to_state AS audited FROM amendments a
          LEFT JOIN LATERAL (SELECT e.to_state FROM audit_events e
                              WHERE e.entity_type = 'amendment' AND e.entity_id = a.id
                                AND e.to_state IS NOT NULL ORDER BY e.seq DESC LIMIT 1) last ON true
           WHERE last.to_state IS DISTINCT FROM a.status`,
  },
];

// lag() over the sequence: each event must follow the one before it with no gap and
// carry its hash, and its own hash must still match its content.
const CHAIN = `SELECT seq, prev_hash, hash, redline_audit_hash(a) AS recomputed,
                      lag(seq, 1, 0::bigint) OVER (ORDER BY seq) AS previous_seq,
                      lag(hash, 1, '') OVER (ORDER BY seq) AS previous_hash
                 FROM audit_events a`;
const AUDIT: Invariant[] = [
  {
    name: 'audit.seq_contiguous',
    sql: `SELECT seq, previous_seq FROM (${CHAIN}) c WHERE seq <> previous_seq + 1`,
  },
  {
    name: 'audit.prev_hash_links',
    sql: `SELECT seq FROM (${CHAIN}) c WHERE prev_hash <> previous_hash`,
  },
  {
    name: 'audit.hash_matches_content',
    sql: `SELECT seq FROM (${CHAIN}) c WHERE hash <> recomputed`,
  },
];

export const INVARIANTS: readonly Invariant[] = [
  ...COUNTS,
  ...FOREIGN_KEYS,
  ...RELATIONS,
  ...VOTES,
  ...STATES,
  ...AUDIT,
];

/** Rows shown per violated invariant; the rest are counted. */
const SHOWN = 5;

/** Every violated invariant, as `name: row` lines; empty when the database is consistent. */
export async function checkConsistency(
  app: SqlRunner,
  options: ConsistencyOptions = {},
): Promise<string[]> {
  const violations: string[] = [];
  // One after another: the embedded database serves one statement at a time anyway.
  for (const invariant of INVARIANTS) {
    const rows = await app.sql(invariant.sql);
    for (const row of rows.slice(0, SHOWN)) {
      violations.push(`${invariant.name}: ${JSON.stringify(row)}`);
    }
    if (rows.length > SHOWN) {
      violations.push(`${invariant.name}: and ${rows.length - SHOWN} more`);
    }
  }
  if (options.ratifiedSnapshot) {
    violations.push(...compareRatified(options.ratifiedSnapshot, await snapshotRatified(app)));
  }
  return violations;
}

/**
 * A hash of each RATIFIED or SUPERSEDED version's criteria (every field), to compare
 * later: a version may go RATIFIED → SUPERSEDED, but its criteria never change.
 */
export async function snapshotRatified(app: SqlRunner): Promise<RatifiedSnapshot> {
  const rows = await app.sql<{ id: string; label: string; criteria: unknown }>(
    `SELECT v.id, v.label, coalesce((SELECT json_agg(json_build_array(c.key, c.position,
              c.component, c.title, c.text, c.rule, c.level) ORDER BY c.key)
              FROM criteria c WHERE c.version_id = v.id), '[]'::json) AS criteria
       FROM definition_versions v WHERE v.status IN ('RATIFIED', 'SUPERSEDED')`,
  );
  return Object.fromEntries(
    rows.map((row) => [
      row.id,
      {
        label: row.label,
        hash: createHash('sha256').update(JSON.stringify(row.criteria)).digest('hex'),
      },
    ]),
  );
}

function compareRatified(before: RatifiedSnapshot, now: RatifiedSnapshot): string[] {
  return Object.entries(before)
    .filter(([id, version]) => now[id]?.hash !== version.hash)
    .map(([id, version]) =>
      now[id]
        ? `ratified.unchanged: the criteria of version ${version.label} (${id}) changed`
        : `ratified.unchanged: version ${version.label} (${id}) is no longer RATIFIED or SUPERSEDED`,
    );
}
