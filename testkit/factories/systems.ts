/** AI systems and their facts, through the API. */
import { randomBytes } from 'node:crypto';
import { ok } from '../graphql-client.js';
import type { Redline } from './accounts.js';

export const UPSERT_SYSTEM = `mutation ($input: UpsertSystemInput!) {
  upsertSystem(input: $input) { id slug name factRevision facts } }`;

let counter = 0;

/** A system's current facts, as the API gives them: a copy to vary. */
export async function systemFacts(redline: Redline, slug: string): Promise<Record<string, any>> {
  const data = await ok(redline.url, `query ($slug: String!) { system(slug: $slug) { facts } }`, {
    slug,
  });
  if (!data.system) throw new Error(`no system ${slug}`);
  return data.system.facts;
}

/**
 * Creates a system, or records new facts for an existing one (a new fact revision);
 * `fields` replace the fields of UpsertSystemInput (no facts recorded unless given).
 */
export async function upsertSystem(
  redline: Redline,
  steward: string,
  fields: {
    slug?: string;
    name?: string;
    developer?: string;
    facts?: Record<string, unknown>;
    evidence?: Array<{ label: string; url: string }>;
  } = {},
): Promise<{ id: string; slug: string; factRevision: number }> {
  const slug = fields.slug ?? `system-${++counter}-${randomBytes(3).toString('hex')}`;
  const input = { name: slug, developer: 'Test Lab', facts: {}, evidence: [], ...fields, slug };
  return (await ok(redline.url, UPSERT_SYSTEM, { input }, steward)).upsertSystem;
}
