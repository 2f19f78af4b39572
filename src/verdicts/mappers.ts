import type { AiSystemModel } from '../systems/models/ai-system.model.js';
import { VerdictModel } from './models/verdict.model.js';
import type { VerdictEntity } from './verdict.entity.js';

/** `system`, when the verdict was read together with it (see VerdictModel.loadedSystem). */
export const toVerdictModel = (e: VerdictEntity, system?: AiSystemModel): VerdictModel => {
  const model = new VerdictModel();
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
