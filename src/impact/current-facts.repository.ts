import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FactPaths, Facts } from '../criteria/engine/index.js';
import type { SystemFacts } from './loaded-facts.js';
import type { FactsGroup, FactsSource, Members } from './impact-evaluation.js';
import { CURRENT_FACTS } from '../systems/current-facts.js';

const CURRENT = `FROM ${CURRENT_FACTS}`;

type Queryable = Pick<EntityManager, 'query'>;

/**
 * Systems' current facts for impact, reduced in SQL to the facts the rules read and, where
 * it can be, grouped there too: at 100,000 systems, shipping every system's facts to Node
 * (text out of PostgreSQL, JSON.parse, 100,000 row objects and the garbage they leave) costs
 * more than evaluating them. Raw SQL, no entities: nothing here needs hydrating.
 */
export class CurrentFacts implements FactsSource {
  constructor(private readonly db: Queryable) {}

  /**
   * How many systems there are, at least roughly: the planner's estimate when it says the
   * catalogue is at least `atLeast` (no scan of a large table just to learn it is large),
   * the exact count otherwise (an estimate can be stale after a bulk load).
   */
  async systemCount(atLeast: number): Promise<number> {
    const [estimate]: Array<{ n: number }> = await this.db.query(
      `SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'ai_systems'::regclass`,
    );
    if (estimate && estimate.n >= atLeast) return estimate.n;
    const [exact]: Array<{ n: number }> = await this.db.query(
      'SELECT count(*)::int AS n FROM ai_systems WHERE current_revision > 0',
    );
    return exact.n;
  }

  /** Runs a pushed-down impact statement (sql-impact.ts builds it). */
  query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.db.query(sql, params);
  }

  /** Every system's current facts, reduced to `paths`, in one statement. */
  async loadAll(paths: FactPaths): Promise<SystemFacts[]> {
    const params: unknown[] = [];
    const projected = projection(paths, params);
    const rows: Array<{ id: string; slug: string; v: string }> = await this.db.query(
      `SELECT s.id, s.slug, ${projected.sql}::text AS v ${CURRENT}`,
      params,
    );
    return rows.map(({ id, slug, v }) => ({ id, slug, facts: projected.facts(v) }));
  }

  async groups(paths: FactPaths): Promise<FactsGroup[]> {
    const params: unknown[] = [];
    const projected = projection(paths, params);
    const rows: Array<{ v: string; n: number }> = await this.db.query(
      `SELECT ${projected.sql}::text AS v, count(*)::int AS n ${CURRENT} GROUP BY 1`,
      params,
    );
    return rows.map(({ v, n }) => ({ key: v, count: n, facts: projected.facts(v) }));
  }

  async members(groupPaths: FactPaths, keys: string[], parts: FactPaths[]): Promise<Members> {
    const params: unknown[] = [];
    const group = projection(groupPaths, params);
    const projected = parts.map((paths) => projection(paths, params));
    params.push(keys);
    // One text column per part: its key, which is decoded only once per distinct value.
    const columns = projected.map((part, i) => `, ${part.sql}::text AS p${i}`).join('');
    const rows: Array<Record<string, string | number>> = await this.db.query(
      `SELECT s.id, s.slug, c.i::int - 1 AS g${columns} ${CURRENT}
         JOIN unnest($${params.length}::jsonb[]) WITH ORDINALITY AS c(v, i) ON c.v = ${group.sql}`,
      params,
    );
    return {
      rows: rows.map((row) => ({
        id: row.id as string,
        slug: row.slug as string,
        group: row.g as number,
        keys: projected.map((_, i) => row[`p${i}`] as string),
      })),
      facts: (part, key) => projected[part].facts(key),
    };
  }
}

/**
 * A JSON array of the facts in `paths` as an SQL expression, and how to turn that array back
 * into the shape `projectFacts` gives. Per top-level fact read whole: its value; per one read
 * by key: whether it is present (a present object stays present, even when none of the keys
 * read is in it), then each key's value. The array's text is canonical (jsonb), so equal
 * facts give equal keys. Fact names go in as parameters, never into the SQL.
 */
function projection(
  paths: FactPaths,
  params: unknown[],
): { sql: string; facts: (json: string) => Facts } {
  const items: string[] = [];
  const param = (value: string) => `$${params.push(value)}::text`;
  for (const [top, keys] of paths) {
    const object = `fr.facts -> ${param(top)}`;
    if (keys === null) {
      items.push(object);
      continue;
    }
    items.push(`(${object}) IS NOT NULL`);
    for (const key of keys) items.push(`${object} -> ${param(key)}`);
  }
  const layout = [...paths];
  return {
    sql: `jsonb_build_array(${items.join(', ')})`,
    facts: (json) => {
      const values = JSON.parse(json) as unknown[];
      const facts: Record<string, unknown> = {};
      let at = 0;
      for (const [top, keys] of layout) {
        if (keys === null) {
          const value = values[at++];
          if (value !== null) facts[top] = value;
          continue;
        }
        const present = values[at++] === true;
        const object: Record<string, unknown> = {};
        for (const key of keys) {
          const value = values[at++];
          if (value !== null) object[key] = value;
        }
        if (present) facts[top] = object;
      }
      return facts;
    },
  };
}

@Injectable()
export class CurrentFactsRepository extends CurrentFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super(dataSource.manager);
  }

  /**
   * Runs `work` on one snapshot of the facts: the in-memory path reads them in several
   * statements, which must not see a fact revision written between two of them.
   */
  async inReadTransaction<T>(work: (facts: CurrentFacts) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One statement where dataSource.transaction() would send two (start, then isolation).
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const result = await work(new CurrentFacts(runner.manager));
      await runner.query('COMMIT');
      return result;
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
