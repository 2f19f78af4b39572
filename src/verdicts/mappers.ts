import { VerdictModel } from './models/verdict.model.js';
import type { VerdictEntity } from './verdict.entity.js';

export const toVerdictModel = (e: VerdictEntity): VerdictModel =>
  Object.assign(new VerdictModel(), {
    systemId: e.systemId,
    versionId: e.versionId,
    factRevisionId: e.factRevisionId,
    recordedById: e.recordedById,
    outcome: e.outcome,
    source: e.source,
    level: e.level,
    criteria: e.criteria,
    notes: e.notes,
    assessedBy: e.assessedBy,
    recordedAt: e.recordedAt,
  });
