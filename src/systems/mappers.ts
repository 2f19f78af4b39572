import { AiSystemModel } from './models/ai-system.model.js';
import type { SystemWithFacts } from './systems.repository.js';

export const toSystemModel = (s: SystemWithFacts): AiSystemModel =>
  Object.assign(new AiSystemModel(), {
    id: s.id,
    factRevisionId: s.factRevisionId,
    slug: s.slug,
    name: s.name,
    developer: s.developer,
    facts: s.facts,
    factRevision: s.revision,
    evidence: s.evidence,
    factsRecordedAt: s.factsRecordedAt,
  });
