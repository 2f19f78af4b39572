import { Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/decorators.js';
import { AuditVerifier } from './audit-verifier.js';
import { AuditIntegrityModel } from './models/audit-integrity.model.js';

@Resolver(() => AuditIntegrityModel)
export class AuditResolver {
  constructor(private readonly verifier: AuditVerifier) {}

  // Stewards only: it reads the whole audit table, which is costly on a long chain.
  @RequireRole('STEWARD')
  @Query(() => AuditIntegrityModel, {
    description: 'Recomputes the tamper-evident audit chain and names its first broken link',
  })
  async auditIntegrity(): Promise<AuditIntegrityModel> {
    // The start: every event committed before it has been checked (the chain only grows).
    const verifiedAt = new Date();
    return AuditIntegrityModel.from(await this.verifier.verify(), verifiedAt);
  }
}
