import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { loaderById } from '../common/graphql/batch-loaders.js';
import { FactRevisionEntity } from './fact-revision.entity.js';
import { SystemsRepository, type SystemWithFacts } from './systems.repository.js';
import { LoadersRegistry } from '../common/graphql/loaders.js';

@Injectable()
export class SystemLoaders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly systems: SystemsRepository,
    registry: LoadersRegistry,
  ) {
    registry.register('systems', () => this.create());
  }

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

declare module '../common/graphql/loaders.js' {
  interface Loaders {
    systems: ReturnType<SystemLoaders['create']>;
  }
}
