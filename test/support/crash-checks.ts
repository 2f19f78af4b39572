import type { SqlRunner } from './consistency.js';
import { call, type StormRecord } from './crash-workload.js';

/**
 * What must hold after a SIGKILL and a restart, checked once through the API
 * right after each restart and again in SQL at the end of the loop: no
 * acknowledged vote or comment lost, and each ratification wholly there or
 * wholly absent. Each check returns the problems it found; none means it holds.
 */

export interface Ratification {
  label: string;
  base: string;
  numbers: number[];
  /** The criterion text each amendment sets, by key: how to recognise its version. */
  texts: Record<string, string>;
}

export interface Round {
  index: number;
  /** The amendment the storm voted and commented on. */
  storm: number;
  record: StormRecord;
  ratification: Ratification | null;
  /** Found after the restart: the ratification was wholly there. */
  ratified?: boolean;
  /** Server only: at the kill, a transaction held the base version's row lock. */
  killedInsideRatification?: boolean;
}

interface VoteRow {
  handle: string;
  choice: string;
  rationale: string;
}

/** Each voter's stored vote is their last acknowledged one or the one lost at the kill. */
export function checkVotes(round: Round, rows: VoteRow[]): string[] {
  const problems: string[] = [];
  const stored = new Map(rows.map((row) => [row.handle, row]));
  for (const voter of round.record.voters) {
    const row = stored.get(voter.handle);
    const allowed = [voter.lastAcked, voter.lost].filter(Boolean);
    const same = (v: { choice: string; rationale: string } | null) =>
      !!v && !!row && v.choice === row.choice && v.rationale === row.rationale;
    if (!row && voter.lastAcked) {
      problems.push(`round ${round.index}: ${voter.handle}'s acknowledged vote is lost`);
    } else if (row && !allowed.some(same)) {
      problems.push(
        `round ${round.index}: ${voter.handle}'s vote is ${row.choice}/${row.rationale}, ` +
          `expected ${JSON.stringify(allowed)}`,
      );
    }
  }
  if (stored.size > round.record.voters.length) {
    problems.push(`round ${round.index}: ${stored.size} votes from unexpected voters`);
  }
  return problems;
}

/** Every acknowledged comment is stored as sent; nothing is stored that was not sent. */
export function checkComments(round: Round, rows: Array<{ id: string; body: string }>): string[] {
  const problems: string[] = [];
  const stored = new Map(rows.map((row) => [row.id, row.body]));
  const { acked, lost } = round.record.comments;
  for (const comment of acked) {
    if (stored.get(comment.id) !== comment.body) {
      problems.push(`round ${round.index}: acknowledged comment ${comment.id} is lost`);
    }
  }
  const sent = new Set([...acked.map((c) => c.body), ...lost]);
  for (const body of stored.values()) {
    if (!sent.has(body)) problems.push(`round ${round.index}: unexpected comment "${body}"`);
  }
  if (rows.length < acked.length || rows.length > acked.length + lost.length) {
    problems.push(
      `round ${round.index}: ${rows.length} comments stored, ${acked.length} acknowledged, ${lost.length} lost`,
    );
  }
  return problems;
}

/** The parts of one ratification, each found (true) or not (false). */
type Parts = Record<string, boolean>;

function wholeOrNothing(round: Round, parts: Parts): { problems: string[]; present: boolean } {
  const present = Object.values(parts).every(Boolean);
  const absent = Object.values(parts).every((part) => !part);
  const problems: string[] = [];
  if (!present && !absent) {
    problems.push(
      `round ${round.index}: ratification ${round.ratification!.label} is half there: ${JSON.stringify(parts)}`,
    );
  }
  if (round.record.ratification === 'not sent' && present) {
    problems.push(`round ${round.index}: ratification ${round.ratification!.label} was never sent`);
  }
  if (round.record.ratification === 'acked' && !present) {
    problems.push(
      `round ${round.index}: acknowledged ratification ${round.ratification!.label} is lost`,
    );
  }
  return { problems, present };
}

/** One query: the storm amendment, every osaid version, and the amendments being ratified. */
function checkQuery(round: Round): string {
  const amendments = (round.ratification?.numbers ?? []).map(
    (n) => `a${n}: amendment(definition: "osaid", number: ${n}) {
      status mergedInto { label } history { action data } }`,
  );
  return `query ($n: Int!) {
    amendment(definition: "osaid", number: $n) { votes { choice rationale voter { handle } } comments { id body } }
    definition(slug: "osaid") { versions { label status parent { label } criteria { key text } } }
    ${amendments.join('\n')} }`;
}

/** The round's storm and ratification, read back through the API of the restarted server. */
export async function checkThroughApi(url: string, round: Round): Promise<string[]> {
  const answer = await call(url, checkQuery(round), { n: round.storm });
  if (answer.outcome !== 'acked') {
    return [`round ${round.index}: the check query got ${answer.code ?? answer.outcome}`];
  }
  const { amendment, definition } = answer.data;
  const problems = [
    ...checkVotes(
      round,
      amendment.votes.map((v: any) => ({
        handle: v.voter.handle,
        choice: v.choice,
        rationale: v.rationale,
      })),
    ),
    ...checkComments(round, amendment.comments),
  ];
  const r = round.ratification;
  if (!r) return problems;
  const versions = new Map<string, any>(definition.versions.map((v: any) => [v.label, v]));
  const version = versions.get(r.label);
  const merged = r.numbers.map((n) => answer.data[`a${n}`]);
  const parts: Parts = {
    version: version?.status === 'RATIFIED' && version.parent?.label === r.base,
    criteria: Object.entries(r.texts).every(([key, text]) =>
      version?.criteria.some((c: any) => c.key === key && c.text === text),
    ),
    merged: merged.every((a) => a.status === 'MERGED' && a.mergedInto?.label === r.label),
    mergedAudit: merged.every((a) =>
      a.history.some((h: any) => h.action === 'amendment.merged' && h.data.version === r.label),
    ),
    baseSuperseded: versions.get(r.base)?.status === 'SUPERSEDED',
  };
  const { problems: ratification, present } = wholeOrNothing(round, parts);
  round.ratified = present;
  return [...problems, ...ratification];
}

const OSAID = `JOIN definitions d ON d.id = a.definition_id AND d.slug = 'osaid'`;

/**
 * The same in SQL over every round at once, after the last restart, and the parts
 * of a ratification the API does not show: its audit event and its verdicts.
 */
export async function checkInSql(db: SqlRunner, rounds: Round[]): Promise<string[]> {
  const problems: string[] = [];
  const [{ systems }] = await db.sql<{ systems: number }>(
    `SELECT count(*)::int AS systems FROM ai_systems`,
  );
  for (const round of rounds) {
    const votes = await db.sql<VoteRow>(
      `SELECT s.handle, v.choice, v.rationale FROM votes v JOIN amendments a ON a.id = v.amendment_id ${OSAID}
         JOIN stakeholders s ON s.id = v.voter_id WHERE a.number = $1`,
      [round.storm],
    );
    const comments = await db.sql<{ id: string; body: string }>(
      `SELECT c.id, c.body FROM comments c JOIN amendments a ON a.id = c.amendment_id ${OSAID}
        WHERE a.number = $1`,
      [round.storm],
    );
    problems.push(...checkVotes(round, votes), ...checkComments(round, comments));
    const r = round.ratification;
    if (!r) continue;
    const [parts] = await db.sql<Parts>(
      `WITH v AS (SELECT v.* FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
                   WHERE d.slug = 'osaid' AND v.label = $1),
            b AS (SELECT v.* FROM definition_versions v JOIN definitions d ON d.id = v.definition_id
                   WHERE d.slug = 'osaid' AND v.label = $2),
            m AS (SELECT a.* FROM amendments a ${OSAID} WHERE a.number = ANY($3))
       SELECT EXISTS (SELECT 1 FROM v JOIN b ON b.id = v.parent_id
                      WHERE v.status IN ('RATIFIED', 'SUPERSEDED')) AS version,
              (SELECT count(*) FROM criteria c JOIN v ON v.id = c.version_id
                WHERE (c.key, c.text) IN (SELECT * FROM jsonb_each_text($4::jsonb))) = $5 AS criteria,
              (SELECT count(*) FROM m JOIN v ON v.id = m.merged_into_id WHERE m.status = 'MERGED') = $6 AS merged,
              (SELECT count(*) FROM audit_events e JOIN m ON m.id = e.entity_id
                WHERE e.action = 'amendment.merged' AND e.data->>'version' = $1) = $6 AS "mergedAudit",
              EXISTS (SELECT 1 FROM b JOIN v ON v.parent_id = b.id WHERE b.status = 'SUPERSEDED') AS "baseSuperseded",
              (SELECT count(*) FROM audit_events e JOIN v ON v.id = e.entity_id
                WHERE e.action = 'version.ratified') = 1 AS "auditEvent",
              (SELECT count(*) FROM verdicts x JOIN v ON v.id = x.version_id
                WHERE x.source = 'COMPUTED') = $7 AS verdicts`,
      [
        r.label,
        r.base,
        r.numbers,
        JSON.stringify(r.texts),
        Object.keys(r.texts).length,
        r.numbers.length,
        systems,
      ],
    );
    const { problems: ratification, present } = wholeOrNothing(round, parts);
    if (present !== round.ratified) {
      problems.push(`round ${round.index}: ratification ${r.label} changed after its check`);
    }
    problems.push(...ratification);
  }
  return problems;
}
