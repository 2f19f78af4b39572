/**
 * The write path: `castVote` from 50 concurrent clients on one amendment in VOTING, through
 * GraphQL over HTTP. 50 COMMITTEE accounts each sign up with their own token; autocannon
 * opens 50 connections, each bound to one voter, and every connection casts (and so
 * replaces) its voter's vote as fast as the server answers, for a fixed duration after a
 * warm-up. Figures: requests per second and p99 latency (no limit in the same run to hold
 * them to). Afterwards the database must hold exactly one vote per voter, and one
 * `vote.cast` audit event per vote the server accepted; the bench fails otherwise.
 *
 * Spawns the built server on a fresh database of the local PostgreSQL server (see
 * server.ts). Run alone, after `npm run build`: npx tsx bench/write-path.bench.ts
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import autocannon, { type Client } from 'autocannon';
import pg from 'pg';
import {
  committeeMember,
  proposeAmendment,
  stewardToken,
  transition,
  type Redline,
} from '../testkit/factories/index.js';
import { record, writeResults } from './results.js';
import { machineLoad, startServer } from './server.js';

const VOTERS = 50;
const WARM_UP_S = 3;
const DURATION_S = 10;
/** Sign-ups at once: each hashes a password, which is what makes them slow. */
const SIGN_UP_PARALLEL = 4;

const CAST_VOTE = `mutation { castVote(input: { definition: "osaid", number: 1, choice: APPROVE,
  rationale: "Benchmark vote" }) { choice revision } }`;

async function signUpVoters(server: Redline, steward: string): Promise<string[]> {
  const tokens: string[] = new Array<string>(VOTERS);
  let next = 0;
  const worker = async () => {
    while (next < VOTERS) {
      const i = next++;
      const handle = `voter-${String(i).padStart(2, '0')}`;
      tokens[i] = (await committeeMember(server, steward, { handle })).token;
    }
  };
  await Promise.all(Array.from({ length: SIGN_UP_PARALLEL }, worker));
  return tokens;
}

async function castVotes(url: string, tokens: string[], seconds: number) {
  let connection = 0;
  const result = await autocannon({
    url,
    connections: VOTERS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CAST_VOTE }),
    // Each connection is one voter, with its own token for the whole run.
    setupClient: (client: Client) => {
      client.setHeaders({
        'content-type': 'application/json',
        authorization: `Bearer ${tokens[connection++ % tokens.length]}`,
      });
    },
    verifyBody: (body) => body.startsWith('{"data":{"castVote":'),
  });
  return {
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'] - result.mismatches,
    failed: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

/** Runs the benchmark, prints and records its figures; returns the number of failures. */
export async function run(): Promise<number> {
  const server = await startServer('write');
  const db = new pg.Client({ connectionString: server.databaseUrl });
  await db.connect();
  try {
    const steward = await stewardToken(server);
    const started = performance.now();
    const tokens = await signUpVoters(server, steward);
    console.log(
      `${VOTERS} COMMITTEE voters signed up in ${Math.round(performance.now() - started)} ms`,
    );
    const { number } = await proposeAmendment(server, steward);
    if (number !== 1) throw new Error(`CAST_VOTE names amendment 1, not ${number}`);
    await transition(server, steward, 'openVoting', number);

    const warm = await castVotes(server.url, tokens, WARM_UP_S);
    const measured = await castVotes(server.url, tokens, DURATION_S);
    // Let requests still in flight when autocannon stopped finish before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const { rows: votes } = await db.query<{ voter: string; n: number }>(
      `SELECT s.handle AS voter, count(*)::int AS n
         FROM votes v JOIN stakeholders s ON s.id = v.voter_id GROUP BY s.handle`,
    );
    const { rows: audit } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'vote.cast'`,
    );
    const onePerVoter = votes.length === VOTERS && votes.every((row) => row.n === 1);
    const answered = warm.ok + measured.ok;
    // A request cut off at the end of a run may have committed without being counted.
    const auditMatches = audit[0].n >= answered && audit[0].n <= answered + 2 * VOTERS;

    console.log(
      `\ncastVote, ${VOTERS} connections (one voter each), ${DURATION_S} s after ${WARM_UP_S} s warm-up; ${machineLoad()}`,
    );
    console.table([
      {
        'req/s': Math.round(measured.rps),
        'p50 ms': measured.p50,
        'p99 ms': measured.p99,
        accepted: measured.ok,
        failed: measured.failed,
      },
    ]);
    console.log(
      `${onePerVoter ? 'exactly one vote per voter' : `VOTES WRONG: ${JSON.stringify(votes)}`}; ` +
        `${audit[0].n} vote.cast audit events for ${answered} accepted votes (warm-up included)` +
        (auditMatches ? '' : ' — MISMATCH'),
    );

    record('write-path.cast-vote-50.rps', Math.round(measured.rps), 'req/s');
    record('write-path.cast-vote-50.p99', measured.p99, 'ms');
    return (
      (onePerVoter ? 0 : 1) + (auditMatches ? 0 : 1) + (measured.failed + warm.failed > 0 ? 1 : 0)
    );
  } finally {
    await db.end();
    await server.stop();
  }
}

// Run alone: npx tsx bench/write-path.bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  run()
    .then((failures) => {
      if (failures > 0) process.exitCode = 1;
      console.log(`results written to ${writeResults()}`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
