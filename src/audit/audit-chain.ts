/**
 * Verifying the audit hash chain, as pure logic over rows in `seq` order. The hash
 * itself is never computed here: PostgreSQL recomputes it with `redline_audit_hash`,
 * the same function the insert trigger uses, so there is one definition of what an
 * event's hash covers (see audit-verifier.ts).
 */

/** One audit event as the verifier sees it. */
export interface ChainRow {
  /** bigint, as text. */
  seq: string;
  /** The stored link to the previous event. */
  prevHash: string;
  /** The stored hash. */
  hash: string;
  /** The hash recomputed from the stored content (including the stored prevHash). */
  expected: string;
}

/**
 * Why a link is broken:
 * - `gap`: the sequence is not contiguous — an event before this one is missing;
 * - `link`: prevHash is not the previous event's hash — the previous event was
 *   rewritten with a recomputed hash, or this link was edited;
 * - `hash`: the stored hash does not match the content — this event was edited.
 */
export type BreakReason = 'gap' | 'link' | 'hash';

export interface BrokenLink {
  /** The first event that fails a check (it exists; for a gap, its predecessor does not). */
  seq: string;
  reason: BreakReason;
}

export interface ChainReport {
  ok: boolean;
  /** Events examined, up to and including the first broken one. */
  checked: number;
  firstBroken: BrokenLink | null;
  /**
   * The last event examined. Deleting the newest events, or rewriting the chain from
   * some point on with recomputed hashes, leaves a chain that verifies; comparing this
   * with a head recorded elsewhere earlier is what catches that.
   */
  head: { seq: string; hash: string } | null;
}

/** Checks one event against the one before it (null for the first event of the chain). */
export function checkLink(
  previous: { seq: string; hash: string } | null,
  row: ChainRow,
): BrokenLink | null {
  const expectedSeq = previous ? BigInt(previous.seq) + 1n : 1n;
  if (BigInt(row.seq) !== expectedSeq) return { seq: row.seq, reason: 'gap' };
  // The first event links to the empty string (see redline_audit_chain).
  if (row.prevHash !== (previous?.hash ?? '')) return { seq: row.seq, reason: 'link' };
  if (row.hash !== row.expected) return { seq: row.seq, reason: 'hash' };
  return null;
}

/**
 * Verifies a chain fed in batches, so a chain of millions of events never has to be
 * in memory at once. Stops at the first broken link: what follows it cannot be
 * trusted to mean anything.
 */
export class ChainVerifier {
  private checked = 0;
  private head: { seq: string; hash: string } | null = null;
  private broken: BrokenLink | null = null;

  /** Feeds the next rows, in seq order; false once the chain is broken (read no further). */
  push(rows: readonly ChainRow[]): boolean {
    for (const row of rows) {
      if (this.broken) break;
      this.checked++;
      this.broken = checkLink(this.head, row);
      this.head = { seq: row.seq, hash: row.hash };
    }
    return this.broken === null;
  }

  report(): ChainReport {
    return {
      ok: this.broken === null,
      checked: this.checked,
      firstBroken: this.broken,
      head: this.head,
    };
  }
}

/** Verifies a whole chain held in memory (tests, small chains). */
export function verifyChain(rows: readonly ChainRow[]): ChainReport {
  const verifier = new ChainVerifier();
  verifier.push(rows);
  return verifier.report();
}
