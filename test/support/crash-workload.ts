/**
 * What the crash loop throws at a server before killing it: vote and comment
 * storms and, now and then, a ratification. Every request is recorded by how it
 * ended — acknowledged (a success response), refused (a GraphQL error), or lost
 * (no answer: the process died under it, so it may or may not have committed).
 */
import { ADD_COMMENT, CAST_VOTE, type Member } from '../../testkit/factories/index.js';
import { codes, gql, type GraphQLResponse } from '../../testkit/graphql-client.js';

export type Outcome = 'acked' | 'refused' | 'lost';

export interface Answer {
  outcome: Outcome;
  data?: any;
  code?: string;
  /** No answer although the server was not killed yet: a hang or a crash of its own. */
  beforeKill?: boolean;
}

export interface SentVote {
  choice: string;
  rationale: string;
}

/** One member's votes on the storm amendment, sent one after another. */
export interface VoterRecord {
  handle: string;
  /** The last acknowledged vote: the stored one unless `lost` committed after it. */
  lastAcked: SentVote | null;
  acked: number;
  /** The one sent when the process died, if any. */
  lost: SentVote | null;
}

export interface StormRecord {
  voters: VoterRecord[];
  comments: { acked: Array<{ id: string; body: string }>; lost: string[] };
  ratification: Outcome | 'not sent';
  /** Ms from sending the ratification to its answer, when it got one. */
  ratifyMs?: number;
  refused: string[];
  /** Requests that got no answer before the kill (must be none). */
  unanswered: number;
  requests: number;
}

export interface StormPlan {
  url: string;
  /** The amendment in VOTING the storm votes and comments on. */
  number: number;
  members: Member[];
  commenters: Member[];
  /** Ms after the start: when to send the ratification (none if null), when to kill. */
  ratifyAt: number | null;
  killAt: number;
  ratify: () => Promise<Answer>;
  /** Kills the server (SIGKILL), after looking at what it was doing if it can. */
  kill: () => Promise<void>;
  random: () => number;
}

const CHOICES = ['APPROVE', 'REJECT', 'ABSTAIN', 'RECUSE'];

/** One GraphQL request, bounded in time, classified by how it ended. */
export async function call(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
  timeoutMs = 20_000,
): Promise<Answer> {
  let result: GraphQLResponse<any>;
  try {
    result = await gql(url, query, variables, token, { timeoutMs });
  } catch {
    return { outcome: 'lost' };
  }
  if (result.errors?.length) return { outcome: 'refused', code: codes(result)[0] };
  return { outcome: 'acked', data: result.data };
}

/** Runs the storm until the kill, then returns what was acknowledged and what was lost. */
export async function storm(plan: StormPlan): Promise<StormRecord> {
  let killed = false;
  const record: StormRecord = {
    voters: plan.members.map((m) => ({ handle: m.handle, lastAcked: null, acked: 0, lost: null })),
    comments: { acked: [], lost: [] },
    ratification: 'not sent',
    refused: [],
    unanswered: 0,
    requests: 0,
  };
  const send = async (query: string, variables: Record<string, unknown>, token: string) => {
    record.requests++;
    const answer = await call(plan.url, query, variables, token);
    if (answer.outcome === 'lost' && !killed) record.unanswered++;
    if (answer.outcome === 'refused') record.refused.push(answer.code!);
    return answer;
  };

  const voter = async (member: Member, i: number) => {
    const voter = record.voters[i];
    for (let k = 0; !killed; k++) {
      const vote = {
        choice: CHOICES[Math.floor(plan.random() * CHOICES.length)],
        rationale: `${member.handle} vote ${k}`,
      };
      const input = { definition: 'osaid', number: plan.number, ...vote };
      const answer = await send(CAST_VOTE, { input }, member.token);
      if (answer.outcome === 'lost') voter.lost = vote;
      if (answer.outcome !== 'acked') return;
      voter.lastAcked = vote;
      voter.acked++;
    }
  };
  const commenter = async (member: Member) => {
    for (let k = 0; !killed; k++) {
      const body = `${member.handle} comment ${k}`;
      const input = { definition: 'osaid', number: plan.number, body };
      const answer = await send(ADD_COMMENT, { input }, member.token);
      if (answer.outcome === 'lost') record.comments.lost.push(body);
      if (answer.outcome !== 'acked') return;
      record.comments.acked.push({ id: answer.data.addComment.id, body });
    }
  };
  const ratifier = async () => {
    if (plan.ratifyAt === null) return;
    await sleep(plan.ratifyAt);
    if (killed) return;
    record.requests++;
    const sent = performance.now();
    const answer = await plan.ratify();
    record.ratification = answer.outcome;
    if (answer.outcome !== 'lost') record.ratifyMs = Math.round(performance.now() - sent);
    if (answer.outcome === 'refused') record.refused.push(`ratify: ${answer.code}`);
    if (answer.outcome === 'lost' && !killed) record.unanswered++;
  };
  const killer = async () => {
    await sleep(plan.killAt);
    await plan.kill();
    killed = true;
  };
  await Promise.all([
    killer(),
    ratifier(),
    ...plan.members.map(voter),
    ...plan.commenters.map(commenter),
  ]);
  return record;
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
