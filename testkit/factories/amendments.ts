/** Amendments through the API: proposed, moved along by the steward, ratified. */
import { ok } from '../graphql-client.js';
import type { Redline } from './accounts.js';

export const PROPOSE_AMENDMENT = `mutation ($input: ProposeAmendmentInput!) {
  proposeAmendment(input: $input) { number status revision } }`;
export const RATIFY_VERSION = `mutation ($input: RatifyVersionInput!) {
  ratifyVersion(input: $input) { label status parent { label } } }`;

/** An amendment of a definition; a bare number is one of the OSAID's. */
export type AmendmentRef = number | { definition: string; number: number };

export const refOf = (ref: AmendmentRef) =>
  typeof ref === 'number' ? { definition: 'osaid', number: ref } : ref;

/** ProposeAmendmentInput. */
export interface AmendmentInput {
  definition: string;
  baseVersion: string;
  title: string;
  rationale: string;
  changes: Array<Record<string, unknown>>;
}

/** A proposal that relaxes OSAID's parameters criterion; `overrides` replace its fields. */
export function amendmentInput(overrides: Partial<AmendmentInput> = {}): AmendmentInput {
  return {
    definition: 'osaid',
    baseVersion: '1.0',
    title: 'Accept parameters under any released terms',
    rationale: 'Responsible-AI licences should not by themselves exclude a system.',
    changes: [
      { kind: 'MODIFY', key: 'parameters.terms', rule: 'components.modelParameters.available' },
    ],
    ...overrides,
  };
}

/** A proposal on `base` that rewords each criterion of `texts` (key → its new text). */
export const rewording = (base: string, texts: Record<string, string>) =>
  amendmentInput({
    baseVersion: base,
    changes: Object.entries(texts).map(([key, text]) => ({ kind: 'MODIFY', key, text })),
  });

export interface Proposed {
  number: number;
  status: string;
  revision: number;
}

/** A DRAFT amendment proposed by the holder of `token`. */
export async function proposeAmendment(
  redline: Redline,
  token: string,
  input: AmendmentInput = amendmentInput(),
): Promise<Proposed> {
  const data = await ok<{ proposeAmendment: Proposed }>(
    redline.url,
    PROPOSE_AMENDMENT,
    { input },
    token,
  );
  return data.proposeAmendment;
}

export type Transition = 'openComments' | 'openVoting' | 'closeVoting' | 'withdrawAmendment';

/** Moves the amendment along (`closesAt` for openComments and openVoting); its new status. */
export async function transition(
  redline: Redline,
  token: string,
  action: Transition,
  ref: AmendmentRef,
  closesAt?: string,
): Promise<string> {
  const { definition, number } = refOf(ref);
  const [declared, passed] = closesAt ? [', $at: DateTime', ', closesAt: $at'] : ['', ''];
  const data = await ok<Record<Transition, { status: string }>>(
    redline.url,
    `mutation ($d: String!, $n: Int!${declared}) {
      ${action}(definition: $d, number: $n${passed}) { status } }`,
    { d: definition, n: number, ...(closesAt ? { at: closesAt } : {}) },
    token,
  );
  return data[action].status;
}

/** A new RATIFIED version of `amendments` applied to `baseVersion` (of the OSAID unless said). */
export async function ratifyVersion(
  redline: Redline,
  steward: string,
  input: { definition?: string; baseVersion: string; label: string; amendments: number[] },
): Promise<{ label: string; status: string; parent: { label: string } }> {
  const data = await ok(
    redline.url,
    RATIFY_VERSION,
    { input: { definition: 'osaid', ...input } },
    steward,
  );
  return data.ratifyVersion;
}
