import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ChainVerifier, type ChainReport, type ChainRow } from './audit-chain.js';

/** Rows per round trip: small enough to keep memory flat, large enough that latency does not dominate. */
export const VERIFY_BATCH_SIZE = 5000;

// The hash is recomputed by PostgreSQL with the trigger's own function, so the
// verifier cannot drift from what the trigger stored. Only hashes come back, never
// the events' data. Keyset pagination on the primary key: each page is an index
// range scan, however deep into the chain it starts.
const COLUMNS = `e.seq::text AS seq, e.prev_hash AS "prevHash", e.hash, redline_audit_hash(e) AS expected`;
const FIRST_PAGE = `SELECT ${COLUMNS} FROM audit_events e ORDER BY e.seq LIMIT $1`;
const NEXT_PAGE = `SELECT ${COLUMNS} FROM audit_events e WHERE e.seq > $2 ORDER BY e.seq LIMIT $1`;

/**
 * Recomputes the audit hash chain and names its first broken link. Reads in
 * autocommit pages rather than one long snapshot: the chain only ever grows at its
 * end, so later pages can only add events, and no transaction is held open for the
 * minutes a very long chain may take.
 */
@Injectable()
export class AuditVerifier {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verify(batchSize = VERIFY_BATCH_SIZE): Promise<ChainReport> {
    const chain = new ChainVerifier();
    let rows = await this.dataSource.query<ChainRow[]>(FIRST_PAGE, [batchSize]);
    while (chain.push(rows) && rows.length === batchSize) {
      rows = await this.dataSource.query<ChainRow[]>(NEXT_PAGE, [batchSize, rows.at(-1)!.seq]);
    }
    return chain.report();
  }
}
