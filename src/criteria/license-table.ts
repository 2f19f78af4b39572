/**
 * Keeps `license_verdicts` complete and current: the lookup table through which criteria
 * pushed down to SQL answer `osiApproved()` and `openDataLicense()`.
 */
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LICENSE_LIST_VERSION, openDataLicense, osiApproved, type Facts } from './engine/index.js';

export interface LicenseVerdictRow {
  expression: string;
  osiApproved: boolean;
  openData: boolean;
  listVersion: string;
}

/** Every licence expression the facts name (each component's `license`), without repeats. */
export function licensesIn(facts: Facts): string[] {
  const found = new Set<string>();
  for (const component of Object.values(facts.components ?? {})) {
    if (component?.license !== undefined) found.add(component.license);
  }
  return [...found];
}

/** The table rows for the given expressions, answered by the engine's own functions. */
export function licenseVerdictRows(expressions: Iterable<string>): LicenseVerdictRow[] {
  return [...new Set(expressions)].map((expression) => ({
    expression,
    osiApproved: osiApproved(expression),
    openData: openDataLicense(expression),
    listVersion: LICENSE_LIST_VERSION,
  }));
}

/**
 * Writes rows for expressions that have none (or a stale list version); rows already there
 * are left alone, so concurrent writers of the same licence do not conflict.
 */
export async function upsertLicenseVerdicts(
  manager: { query(sql: string, params: unknown[]): Promise<unknown> },
  expressions: Iterable<string>,
): Promise<void> {
  const rows = licenseVerdictRows(expressions);
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO license_verdicts (expression, osi_approved, open_data, list_version)
     SELECT * FROM unnest($1::text[], $2::boolean[], $3::boolean[], $4::text[])
     ON CONFLICT (expression) DO UPDATE SET
       osi_approved = EXCLUDED.osi_approved, open_data = EXCLUDED.open_data,
       list_version = EXCLUDED.list_version
     WHERE license_verdicts.list_version <> EXCLUDED.list_version`,
    [
      rows.map((row) => row.expression),
      rows.map((row) => row.osiApproved),
      rows.map((row) => row.openData),
      rows.map((row) => row.listVersion),
    ],
  );
}

@Injectable()
export class LicenseTable implements OnApplicationBootstrap {
  private readonly logger = new Logger(LicenseTable.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Call in the transaction that writes `facts`, before the fact revision is inserted. */
  async ensure(manager: EntityManager, facts: Facts): Promise<void> {
    await upsertLicenseVerdicts(manager, licensesIn(facts));
  }

  /**
   * Rows computed with another licence list, or not computed yet (an empty list version,
   * as the migration that made the table leaves them), are computed before anything is
   * served.
   */
  async onApplicationBootstrap(): Promise<void> {
    const stale: Array<{ expression: string }> = await this.dataSource.query(
      'SELECT expression FROM license_verdicts WHERE list_version <> $1',
      [LICENSE_LIST_VERSION],
    );
    if (stale.length === 0) return;
    await upsertLicenseVerdicts(
      this.dataSource.manager,
      stale.map((row) => row.expression),
    );
    this.logger.log(
      `Recomputed ${stale.length} licence verdicts for SPDX licence list ${LICENSE_LIST_VERSION}`,
    );
  }
}
