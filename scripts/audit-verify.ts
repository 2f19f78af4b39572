import 'reflect-metadata';
import type { ChainReport } from '../src/audit/audit-chain.js';
import { AuditVerifier } from '../src/audit/audit-verifier.js';
import { loadConfig } from '../src/common/config/config.js';
import { openDatabase } from '../src/common/database/database.js';
import { ENTITIES } from '../src/entities.js';

/**
 * `npm run audit:verify`: recomputes the audit hash chain on DATABASE_URL or the
 * embedded database and names the first broken link. Exits 0 when intact, 1 when
 * broken, 2 when it could not verify at all (so a cron job can tell them apart).
 * Migrations are not applied: a check should not change what it checks.
 */
const MEANING = {
  gap: 'an earlier event is missing',
  link: 'its previous-hash link does not match the event before it',
  hash: 'its content does not match its hash',
} as const;

async function verify(): Promise<{ report: ChainReport; seconds: string }> {
  const config = loadConfig();
  const database = await openDatabase({
    entities: ENTITIES,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    runMigrations: false,
  });
  try {
    const started = performance.now();
    const report = await new AuditVerifier(database.dataSource).verify();
    return { report, seconds: ((performance.now() - started) / 1000).toFixed(2) };
  } finally {
    await database.dataSource.destroy();
    await database.stopEmbedded();
  }
}

let exitCode: number;
try {
  const { report, seconds } = await verify();
  if (report.ok) {
    console.log(`Audit chain intact: ${report.checked} events checked in ${seconds} s.`);
    // Worth recording elsewhere: only a known head reveals deleted newest events or a rewritten tail.
    if (report.head) console.log(`Head: seq ${report.head.seq}, hash ${report.head.hash}`);
    exitCode = 0;
  } else {
    const { seq, reason } = report.firstBroken!;
    console.error(
      `Audit chain BROKEN at seq ${seq} (${reason}: ${MEANING[reason]}); ${report.checked} events checked in ${seconds} s.`,
    );
    exitCode = 1;
  }
} catch (error) {
  console.error(`Could not verify the audit chain: ${(error as Error).message}`);
  exitCode = 2;
}
process.exit(exitCode);
