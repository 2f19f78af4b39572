/** Definitions, their DRAFT versions and criteria, through the API (all steward writes). */
import { randomBytes } from 'node:crypto';
import { ok } from '../graphql-client.js';
import type { Redline } from './accounts.js';

export const CREATE_DEFINITION = `mutation ($input: CreateDefinitionInput!) {
  createDefinition(input: $input) { slug name levels policy { quorum approvalThreshold voterRole } } }`;
export const CREATE_VERSION = `mutation ($input: CreateVersionInput!) {
  createVersion(input: $input) { label status parent { label } criteria { key rule } } }`;
export const UPSERT_CRITERION = `mutation ($input: CriterionInput!) {
  upsertCriterion(input: $input) { key rule } }`;

let counter = 0;
const unique = (prefix: string) => `${prefix}-${++counter}-${randomBytes(3).toString('hex')}`;

/** A new definition (no versions yet); `overrides` replace fields of CreateDefinitionInput. */
export async function createDefinition(
  redline: Redline,
  steward: string,
  overrides: Record<string, unknown> = {},
): Promise<{ slug: string }> {
  const input = {
    slug: unique('definition'),
    name: 'A test definition',
    stewardOrganization: 'Example Foundation',
    ...overrides,
  };
  const data = await ok(redline.url, CREATE_DEFINITION, { input }, steward);
  return data.createDefinition;
}

/** A criterion of a DRAFT version: what CriterionInput needs beside its place. */
export interface CriterionFields {
  key: string;
  rule: string;
  component?: string;
  title?: string;
  text?: string;
  level?: string;
}

/** CriterionInput for `fields` in `version` of `definition` (the OSAID unless said). */
export const criterionInput = (
  version: string,
  fields: CriterionFields,
  definition = 'osaid',
): Record<string, unknown> => ({
  definition,
  version,
  component: 'Test',
  title: fields.key,
  text: `The criterion ${fields.key}.`,
  ...fields,
});

/** Adds or replaces a criterion of a DRAFT version. */
export async function upsertCriterion(
  redline: Redline,
  steward: string,
  version: string,
  fields: CriterionFields,
  definition = 'osaid',
): Promise<{ key: string; rule: string }> {
  const input = criterionInput(version, fields, definition);
  return (await ok(redline.url, UPSERT_CRITERION, { input }, steward)).upsertCriterion;
}

/**
 * A DRAFT version of `definition` (the OSAID unless said) that copies `parent`'s criteria,
 * if given, then adds or replaces `criteria`. Its label, for the next step.
 */
export async function draftVersion(
  redline: Redline,
  steward: string,
  options: {
    definition?: string;
    label?: string;
    parent?: string;
    criteria?: CriterionFields[];
  } = {},
): Promise<{ definition: string; label: string }> {
  const definition = options.definition ?? 'osaid';
  const label = options.label ?? unique('draft');
  const input = { definition, label, ...(options.parent ? { parent: options.parent } : {}) };
  await ok(redline.url, CREATE_VERSION, { input }, steward);
  for (const fields of options.criteria ?? []) {
    await upsertCriterion(redline, steward, label, fields, definition);
  }
  return { definition, label };
}
