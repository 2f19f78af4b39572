import { Global, Module } from '@nestjs/common';
import { AuditVerifier } from './audit-verifier.js';
import { AuditResolver } from './audit.resolver.js';
import { AuditService } from './audit.service.js';

@Global()
@Module({
  providers: [AuditService, AuditVerifier, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
