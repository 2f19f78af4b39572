import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { loaderById } from '../common/graphql/batch-loaders.js';
import type { Role } from '../common/auth/principal.js';
import { StakeholderRoleEntity } from './stakeholder-role.entity.js';
import { StakeholderEntity } from './stakeholder.entity.js';
import { LoadersRegistry } from '../common/graphql/loaders.js';

/** Per-request batching of stakeholder look-ups: one query per kind, whatever the list size. */
@Injectable()
export class StakeholderLoaders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    registry: LoadersRegistry,
  ) {
    registry.register('stakeholders', () => this.create());
  }

  create() {
    return {
      byId: loaderById(this.dataSource, StakeholderEntity),
      roles: new DataLoader<string, Role[]>(async (ids) => {
        const rows = await this.dataSource
          .getRepository(StakeholderRoleEntity)
          .find({ where: { stakeholderId: In([...ids]) }, order: { role: 'ASC' } });
        const roles = new Map<string, Role[]>(ids.map((id) => [id, []]));
        for (const row of rows) roles.get(row.stakeholderId)!.push(row.role);
        return ids.map((id) => roles.get(id)!);
      }),
    };
  }
}

declare module '../common/graphql/loaders.js' {
  interface Loaders {
    stakeholders: ReturnType<StakeholderLoaders['create']>;
  }
}
