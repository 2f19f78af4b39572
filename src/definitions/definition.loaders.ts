import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { preparedQuery } from '../common/database/prepared-query.js';
import { loaderById, loaderGroupedBy } from '../common/graphql/batch-loaders.js';
import { CriterionEntity } from './criterion.entity.js';
import { DefinitionVersionEntity } from './definition-version.entity.js';
import { DefinitionEntity } from './definition.entity.js';
import { LoadersRegistry } from '../common/graphql/loaders.js';
import { isFrozen } from './version-status.js';

/** The key of `versionByLabel`: a JSON pair, which no slug or label can break apart. */
export const versionKey = (slug: string, label: string) => JSON.stringify([slug, label]);

const CRITERIA_BY_VERSION = `
  SELECT c.id, c.version_id AS "versionId", c.key, c.component, c.title, c.text, c.rule,
         c.level, c.position, v.status
    FROM criteria c
    JOIN definition_versions v ON v.id = c.version_id
   WHERE c.version_id = ANY($1::uuid[])
   ORDER BY c.version_id, c.position`;

const VERSION_COLUMNS = `
  SELECT d.slug, v.id, v.definition_id AS "definitionId", v.label, v.status,
         v.parent_id AS "parentId", v.preamble, v.published_at::text AS "publishedAt",
         v.ratified_at AS "ratifiedAt", v.license_list_version AS "licenseListVersion",
         v.created_at AS "createdAt"
    FROM definition_versions v
    JOIN definitions d ON d.id = v.definition_id`;
const VERSION_BY_LABEL = `${VERSION_COLUMNS} WHERE d.slug = $1 AND v.label = $2`;
const VERSIONS_BY_LABEL = `${VERSION_COLUMNS}
   WHERE (d.slug, v.label) IN (SELECT * FROM unnest($1::text[], $2::text[]))`;

/** Per-request batching for definitions, versions and criteria. */
@Injectable()
export class DefinitionLoaders {
  /**
   * The criteria of RATIFIED and SUPERSEDED versions, by version id, for the life of the
   * process: the `criteria_frozen` and `version_frozen` triggers keep them from ever
   * changing, so once a read has seen a version frozen (in the same statement as its
   * criteria), no later read can differ. Every node learns this on its own; nothing is
   * invalidated. It holds the criteria of the ratified versions read, a few KB each.
   */
  private readonly frozenCriteria = new Map<string, CriterionEntity[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    registry: LoadersRegistry,
  ) {
    registry.register('definitions', () => this.create());
  }

  create() {
    const ds = this.dataSource;
    return {
      definitionById: loaderById(ds, DefinitionEntity),
      versionById: loaderById(ds, DefinitionVersionEntity),
      versionsByDefinition: loaderGroupedBy(ds, DefinitionVersionEntity, 'definitionId', {
        createdAt: 'ASC',
      }),
      /** In position order; a frozen version's from memory once read (see `frozenCriteria`). */
      criteriaByVersion: new DataLoader<string, CriterionEntity[]>(async (ids) => {
        const unread = ids.filter((id) => !this.frozenCriteria.has(id));
        const read = new Map<string, CriterionEntity[]>(unread.map((id) => [id, []]));
        if (unread.length > 0) {
          const rows = await preparedQuery<CriterionEntity & { status: string }>(
            ds,
            ds.manager,
            'definitions.criteria-by-version',
            CRITERIA_BY_VERSION,
            [unread],
          );
          const frozen = new Set<string>();
          for (const { status, ...row } of rows) {
            read.get(row.versionId)!.push(Object.assign(new CriterionEntity(), row));
            if (isFrozen(status)) frozen.add(row.versionId);
          }
          for (const id of frozen) this.frozenCriteria.set(id, read.get(id)!);
        }
        return ids.map((id) => this.frozenCriteria.get(id) ?? read.get(id)!);
      }),
      /** Keyed by versionKey(slug, label). */
      versionByLabel: new DataLoader<string, DefinitionVersionEntity | null>(async (keys) => {
        const pairs = keys.map((key) => JSON.parse(key) as [string, string]);
        // Plain SQL, prepared for the usual single key: this look-up starts most reads, and
        // the query builder, then planning, each cost more than running the query.
        type Row = DefinitionVersionEntity & { slug: string };
        const rows =
          pairs.length === 1
            ? await preparedQuery<Row>(
                ds,
                ds.manager,
                'definitions.version-by-label',
                VERSION_BY_LABEL,
                pairs[0],
              )
            : await ds.query<Row[]>(VERSIONS_BY_LABEL, [
                pairs.map(([slug]) => slug),
                pairs.map(([, label]) => label),
              ]);
        const found = new Map(
          rows.map(({ slug, ...row }) => [
            versionKey(slug, row.label),
            Object.assign(new DefinitionVersionEntity(), row),
          ]),
        );
        return keys.map((key) => found.get(key) ?? null);
      }),
    };
  }
}

declare module '../common/graphql/loaders.js' {
  interface Loaders {
    definitions: ReturnType<DefinitionLoaders['create']>;
  }
}
