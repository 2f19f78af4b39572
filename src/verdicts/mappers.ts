import { derivedId } from '../common/graphql/ids.js';
import type { AiSystemModel } from '../systems/models/ai-system.model.js';
import { VerdictModel } from './models/verdict.model.js';
import type { VerdictEntity, VerdictSource } from './verdict.entity.js';

/**
 * A verdict is identified by what it judges, not by its row: a COMPUTED one is a cache row
 * per fact revision (a new row when the facts change, and rows of a DRAFT are dropped
 * when its criteria change), and an ASSESSED one may be recorded again.
 */
export const verdictId = (versionId: string, systemId: string, source: VerdictSource): string =>
  derivedId('verdict', versionId, systemId, source);

/** `system`, when the verdict was read together with it (see VerdictModel.loadedSystem). */
export const toVerdictModel = (e: VerdictEntity, system?: AiSystemModel): VerdictModel => {
  const model = new VerdictModel();
  model.id = verdictId(e.versionId, e.systemId, e.source);
  model.systemId = e.systemId;
  model.versionId = e.versionId;
  model.factRevisionId = e.factRevisionId;
  model.recordedById = e.recordedById;
  model.outcome = e.outcome;
  model.source = e.source;
  model.level = e.level;
  model.criteria = e.criteria;
  model.notes = e.notes;
  model.assessedBy = e.assessedBy;
  model.recordedAt = e.recordedAt;
  model.loadedSystem = system;
  return model;
};
