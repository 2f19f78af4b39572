import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Facts } from '../criteria/engine/index.js';
import type { Evidence } from './fact-revision.entity.js';
import { CURRENT_FACTS } from './current-facts.js';

/** A system with its current facts: what verdicts are computed from. */
export interface SystemWithFacts {
  id: string;
  slug: string;
  name: string;
  developer: string;
  factRevisionId: string;
  revision: number;
  facts: Facts;
  evidence: Evidence[];
  factsRecordedAt: Date;
}

const SELECT_CURRENT = `
  SELECT s.id, s.slug, s.name, s.developer,
         fr.id AS "factRevisionId", fr.revision, fr.facts, fr.evidence, fr.created_at AS "factsRecordedAt"
    FROM ${CURRENT_FACTS}`;

/** The queries over systems and their current facts that deserve a name. */
@Injectable()
export class SystemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A page in slug order, after `afterSlug`; fetches `limit` rows. */
  page(afterSlug: string | null, limit: number): Promise<SystemWithFacts[]> {
    return this.dataSource.query(`${SELECT_CURRENT} WHERE s.slug > $1 ORDER BY s.slug LIMIT $2`, [
      afterSlug ?? '',
      limit,
    ]);
  }

  async count(): Promise<number> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM ai_systems`,
    );
    return count;
  }

  async bySlug(slug: string, manager: EntityManager): Promise<SystemWithFacts | null> {
    const rows = await manager.query(`${SELECT_CURRENT} WHERE s.slug = $1`, [slug]);
    return rows[0] ?? null;
  }

  byIds(ids: readonly string[]): Promise<SystemWithFacts[]> {
    return this.dataSource.query(`${SELECT_CURRENT} WHERE s.id = ANY($1::uuid[])`, [ids]);
  }

  /** Every system with current facts, in slug order (impact and diffs evaluate them all). */
  all(manager: EntityManager): Promise<SystemWithFacts[]> {
    return manager.query(`${SELECT_CURRENT} ORDER BY s.slug`);
  }
}
