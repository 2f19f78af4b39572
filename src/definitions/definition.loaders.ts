import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderById, loaderGroupedBy } from '../common/graphql/batch-loaders.js';
import { CriterionEntity } from './criterion.entity.js';
import { DefinitionVersionEntity } from './definition-version.entity.js';
import { DefinitionEntity } from './definition.entity.js';

const KEY_SEPARATOR = '\u0000';

/** The key of `versionByLabel`. */
export const versionKey = (slug: string, label: string) => slug + KEY_SEPARATOR + label;

/** Per-request batching for definitions, versions and criteria. */
@Injectable()
export class DefinitionLoaders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  create() {
    const ds = this.dataSource;
    return {
      definitionById: loaderById(ds, DefinitionEntity),
      versionById: loaderById(ds, DefinitionVersionEntity),
      versionsByDefinition: loaderGroupedBy(ds, DefinitionVersionEntity, 'definitionId', {
        createdAt: 'ASC',
      }),
      criteriaByVersion: loaderGroupedBy(ds, CriterionEntity, 'versionId', { position: 'ASC' }),
      /** Keyed by versionKey(slug, label). */
      versionByLabel: new DataLoader<string, DefinitionVersionEntity | null>(async (keys) => {
        const pairs = keys.map((key) => key.split(KEY_SEPARATOR));
        const rows = await ds
          .getRepository(DefinitionVersionEntity)
          .createQueryBuilder('v')
          .innerJoinAndSelect('v.definition', 'd')
          .where('(d.slug, v.label) IN (SELECT * FROM unnest(:slugs::text[], :labels::text[]))', {
            slugs: pairs.map(([slug]) => slug),
            labels: pairs.map(([, label]) => label),
          })
          .getMany();
        const found = new Map(rows.map((row) => [versionKey(row.definition.slug, row.label), row]));
        return keys.map((key) => found.get(key) ?? null);
      }),
    };
  }
}
