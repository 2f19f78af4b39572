/** What members add to an amendment through the API: comments, votes and concerns. */
import { ok } from '../graphql-client.js';
import type { Redline } from './accounts.js';
import { refOf, type AmendmentRef } from './amendments.js';

export const ADD_COMMENT = `mutation ($input: AddCommentInput!) {
  addComment(input: $input) { id body stance criterionKey parentId } }`;
export const CAST_VOTE = `mutation ($input: CastVoteInput!) {
  castVote(input: $input) { id choice rationale revision stale } }`;
export const RAISE_CONCERN = `mutation ($d: String!, $n: Int!, $body: String!) {
  raiseConcern(definition: $d, number: $n, body: $body) { id open } }`;

export interface CommentFields {
  body?: string;
  stance?: 'NEUTRAL' | 'OPPOSE' | 'QUESTION' | 'SUPPORT';
  criterionKey?: string;
  quote?: string;
  parentId?: string;
}

/** A comment (by default a neutral one) on the amendment; its id for replies and edits. */
export async function addComment(
  redline: Redline,
  token: string,
  ref: AmendmentRef,
  fields: CommentFields = {},
): Promise<{ id: string; body: string }> {
  const input = { ...refOf(ref), body: 'A comment.', ...fields };
  const data = await ok(redline.url, ADD_COMMENT, { input }, token);
  return data.addComment;
}

/** The holder of `token`'s vote (APPROVE unless said), replacing any earlier one. */
export async function castVote(
  redline: Redline,
  token: string,
  ref: AmendmentRef,
  choice: 'APPROVE' | 'REJECT' | 'ABSTAIN' | 'RECUSE' = 'APPROVE',
  rationale?: string,
): Promise<{ id: string; choice: string; revision: number }> {
  const input = { ...refOf(ref), choice, ...(rationale === undefined ? {} : { rationale }) };
  const data = await ok(redline.url, CAST_VOTE, { input }, token);
  return data.castVote;
}

/** A blocking concern on the amendment; its id, to resolve it. */
export async function raiseConcern(
  redline: Redline,
  token: string,
  ref: AmendmentRef,
  body = 'Check this first.',
): Promise<{ id: string }> {
  const { definition: d, number: n } = refOf(ref);
  const data = await ok(redline.url, RAISE_CONCERN, { d, n, body }, token);
  return data.raiseConcern;
}
