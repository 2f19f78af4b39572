import { AiSystemModel } from './models/ai-system.model.js';
import type { SystemWithFacts } from './systems.repository.js';

type RevisionFields = 'facts' | 'evidence' | 'factsRecordedAt';
export type SystemRow = Omit<SystemWithFacts, RevisionFields> & {
  [K in RevisionFields]: SystemWithFacts[K] | null;
};

/**
 * The fact revision's fields may be null when a list was read without them (see
 * SystemsResolver). Assigned field by field: lists map every row on every read.
 */
export const toSystemModel = (s: SystemRow): AiSystemModel => {
  const model = new AiSystemModel();
  model.id = s.id;
  model.factRevisionId = s.factRevisionId;
  model.slug = s.slug;
  model.name = s.name;
  model.developer = s.developer;
  model.facts = s.facts;
  model.factRevision = s.revision;
  model.evidence = s.evidence;
  model.factsRecordedAt = s.factsRecordedAt;
  return model;
};
