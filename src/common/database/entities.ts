import { AmendmentChangeEntity } from '../../amendments/amendment-change.entity.js';
import { AmendmentEntity } from '../../amendments/amendment.entity.js';
import { CommentEditEntity } from '../../amendments/comment-edit.entity.js';
import { CommentEntity } from '../../amendments/comment.entity.js';
import { ConcernEntity } from '../../amendments/concern.entity.js';
import { VoteEntity } from '../../amendments/vote.entity.js';
import { AuditEventEntity } from '../../audit/audit-event.entity.js';
import { LicenseVerdictEntity } from '../../criteria/license-verdict.entity.js';
import { CriterionEntity } from '../../definitions/criterion.entity.js';
import { DefinitionVersionEntity } from '../../definitions/definition-version.entity.js';
import { DefinitionEntity } from '../../definitions/definition.entity.js';
import { ConflictOfInterestEntity } from '../../stakeholders/conflict-of-interest.entity.js';
import { SessionEntity } from '../../stakeholders/session.entity.js';
import { SignInAttemptEntity } from '../../stakeholders/sign-in-attempt.entity.js';
import { StakeholderRoleEntity } from '../../stakeholders/stakeholder-role.entity.js';
import { StakeholderEntity } from '../../stakeholders/stakeholder.entity.js';
import { AiSystemEntity } from '../../systems/ai-system.entity.js';
import { FactRevisionEntity } from '../../systems/fact-revision.entity.js';
import { VerdictEntity } from '../../verdicts/verdict.entity.js';

/** Every table Redline maps; the one list both the application and the migration tooling use. */
export const ENTITIES = [
  DefinitionEntity,
  DefinitionVersionEntity,
  CriterionEntity,
  AiSystemEntity,
  FactRevisionEntity,
  VerdictEntity,
  LicenseVerdictEntity,
  StakeholderEntity,
  StakeholderRoleEntity,
  SessionEntity,
  SignInAttemptEntity,
  ConflictOfInterestEntity,
  AmendmentEntity,
  AmendmentChangeEntity,
  CommentEntity,
  CommentEditEntity,
  VoteEntity,
  ConcernEntity,
  AuditEventEntity,
];
