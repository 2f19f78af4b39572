import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { VerdictSource, VerdictEntity } from './verdict.entity.js';
import { VerdictsService, type SystemRef, type VersionRef } from './verdicts.service.js';
import { LoadersRegistry } from '../common/graphql/loaders.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface VerdictKey {
  version: VersionRef;
  source: VerdictSource;
  system: SystemRef;
}

/** Batches verdict look-ups of many systems into one pass per (version, source). */
@Injectable()
export class VerdictLoaders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly verdicts: VerdictsService,
    registry: LoadersRegistry,
  ) {
    registry.register('verdicts', () => this.create());
  }

  create() {
    return {
      verdict: new DataLoader<VerdictKey, VerdictEntity | null, string>(
        async (keys) => {
          const groups = new Map<string, VerdictKey[]>();
          for (const key of keys) {
            const group = `${key.version.id}|${key.source}`;
            groups.set(group, [...(groups.get(group) ?? []), key]);
          }
          const found = new Map<string, VerdictEntity>();
          for (const group of groups.values()) {
            const { version, source } = group[0];
            const systems = group.map((key) => key.system);
            const verdicts =
              source === 'COMPUTED'
                ? await this.verdicts.computed(version, systems, this.dataSource.manager)
                : await this.verdicts.assessed(
                    version.id,
                    systems.map((s) => s.id),
                  );
            for (const [systemId, verdict] of verdicts)
              found.set(`${version.id}|${source}|${systemId}`, verdict);
          }
          return keys.map((key) => found.get(cacheKey(key)) ?? null);
        },
        { cacheKeyFn: cacheKey },
      ),
    };
  }
}

const cacheKey = (key: VerdictKey) => `${key.version.id}|${key.source}|${key.system.id}`;

declare module '../common/graphql/loaders.js' {
  interface Loaders {
    verdicts: ReturnType<VerdictLoaders['create']>;
  }
}
