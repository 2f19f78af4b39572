import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../common/database/prepared-query.js';
import type { CriterionResult, Facts, Outcome } from '../criteria/engine/index.js';
import type { SystemRow } from '../systems/mappers.js';
import { VerdictEntity } from './verdict.entity.js';
import { CURRENT_FACTS } from '../systems/current-facts.js';

/**
 * A current system as the verdict cache reads it: its facts only when its verdict is
 * missing, and none of the revision's other fields (see SystemsResolver).
 */
export interface CachedSystem extends SystemRow {
  evidence: null;
  factsRecordedAt: null;
  /** The cached COMPUTED verdict for the version and this fact revision, if there is one. */
  verdict: VerdictEntity | null;
}

interface Row {
  id: string;
  slug: string;
  name: string;
  developer: string;
  factRevisionId: string;
  revision: number;
  facts: Facts | null;
  outcome: Outcome | null;
  level: string | null;
  criteria: CriterionResult[] | null;
  recordedAt: Date | null;
}

/**
 * Every current system joined with its cached verdict under `$1`, in slug order. The facts
 * (the one large column) are read only where the verdict is missing: a warm read carries
 * none of them, nor anything else the answer does not need.
 */
const CURRENT_WITH_CACHED = `
  SELECT s.id, s.slug, s.name, s.developer, fr.id AS "factRevisionId", fr.revision,
         CASE WHEN v.outcome IS NULL THEN fr.facts END AS facts,
         v.outcome, v.level, v.criteria, v.recorded_at AS "recordedAt"
    FROM ${CURRENT_FACTS}
    LEFT JOIN verdicts v
      ON v.source = 'COMPUTED' AND v.version_id = $1 AND v.fact_revision_id = fr.id
   ORDER BY s.slug`;

function toEntity(versionId: string, row: Row): VerdictEntity {
  const verdict = new VerdictEntity();
  verdict.systemId = row.id;
  verdict.versionId = versionId;
  verdict.factRevisionId = row.factRevisionId;
  verdict.source = 'COMPUTED';
  verdict.outcome = row.outcome!;
  verdict.level = row.level;
  verdict.criteria = row.criteria!;
  verdict.notes = '';
  verdict.recordedById = null;
  verdict.assessedBy = null;
  verdict.recordedAt = row.recordedAt!;
  return verdict;
}

/**
 * The verdict cache's queries: COMPUTED rows, one per (version, fact revision), by the
 * unique index `verdicts_computed_unique`.
 */
@Injectable()
export class VerdictsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every current system with its cached verdict under the version, in one statement. */
  async currentWithCached(versionId: string, manager: EntityManager): Promise<CachedSystem[]> {
    const rows = await preparedQuery<Row>(
      this.dataSource,
      manager,
      'verdicts.current-with-cached',
      CURRENT_WITH_CACHED,
      [versionId],
    );
    // Built field by field: this runs for every system on every read, and object
    // rest/spread or Object.assign cost more here than the rest of the mapping.
    return rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: row.name,
      developer: row.developer,
      factRevisionId: row.factRevisionId,
      revision: row.revision,
      facts: row.facts,
      evidence: null,
      factsRecordedAt: null,
      verdict: row.outcome === null ? null : toEntity(versionId, row),
    }));
  }

  /** Cached verdicts under the version for these fact revisions, by system id. */
  async cached(
    versionId: string,
    factRevisionIds: readonly string[],
    manager: EntityManager,
  ): Promise<Map<string, VerdictEntity>> {
    const rows = await manager
      .getRepository(VerdictEntity)
      .createQueryBuilder('v')
      .where(`v.source = 'COMPUTED' AND v.version_id = :versionId`, { versionId })
      .andWhere('v.fact_revision_id = ANY(:revisions)', { revisions: factRevisionIds })
      .getMany();
    return new Map(rows.map((row) => [row.systemId, row]));
  }

  /** The ASSESSED verdicts on record under the version, in system slug order. */
  assessed(versionId: string): Promise<VerdictEntity[]> {
    return this.dataSource
      .getRepository(VerdictEntity)
      .createQueryBuilder('v')
      .innerJoin('v.system', 's')
      .where(`v.source = 'ASSESSED' AND v.version_id = :versionId`, { versionId })
      .orderBy('s.slug')
      .getMany();
  }

  /** The facts of these revisions, by revision id. */
  async facts(
    factRevisionIds: readonly string[],
    manager: EntityManager,
  ): Promise<Map<string, Facts>> {
    const rows: Array<{ id: string; facts: Facts }> = await manager.query(
      `SELECT id, facts FROM fact_revisions WHERE id = ANY($1::uuid[])`,
      [factRevisionIds],
    );
    return new Map(rows.map((row) => [row.id, row.facts]));
  }

  /** Stores computed verdicts; a concurrent request that stored the same ones first wins. */
  async store(manager: EntityManager, rows: VerdictEntity[]): Promise<void> {
    const CHUNK = 1000;
    for (let i = 0; i < rows.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(VerdictEntity)
        .values(rows.slice(i, i + CHUNK))
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }
}
