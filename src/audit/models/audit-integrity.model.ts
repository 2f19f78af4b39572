import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BreakReason, ChainReport } from '../audit-chain.js';

@ObjectType('AuditIntegrity', {
  description: 'The audit hash chain, recomputed from the stored events',
})
export class AuditIntegrityModel {
  @Field({ description: 'Every event checked links to the one before and matches its hash' })
  ok: boolean;

  @Field(() => Int, { description: 'Events examined, up to and including the first broken one' })
  checked: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The first event that fails a check; for a gap, the one after the missing event',
  })
  firstBrokenSeq: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'gap: an earlier event is missing; link: the previous hash does not match; hash: this event was edited',
  })
  reason: BreakReason | null;

  @Field()
  verifiedAt: Date;

  static from(report: ChainReport, verifiedAt: Date): AuditIntegrityModel {
    return Object.assign(new AuditIntegrityModel(), {
      ok: report.ok,
      checked: report.checked,
      firstBrokenSeq: report.firstBroken?.seq ?? null,
      reason: report.firstBroken?.reason ?? null,
      verifiedAt,
    });
  }
}
