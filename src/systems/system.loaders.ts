import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderById } from '../common/graphql/batch-loaders.js';
import { FactRevisionEntity } from './fact-revision.entity.js';
import { SystemsRepository, type SystemWithFacts } from './systems.repository.js';

@Injectable()
export class SystemLoaders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly systems: SystemsRepository,
  ) {}

  create() {
    return {
      /** Systems with their current facts, by id. */
      byId: new DataLoader<string, SystemWithFacts | null>(async (ids) => {
        const rows = await this.systems.byIds(ids);
        const byId = new Map(rows.map((row) => [row.id, row]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
      factRevisionById: loaderById(this.dataSource, FactRevisionEntity),
    };
  }
}
