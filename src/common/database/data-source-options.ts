import type { DataSourceOptions, EntitySchema } from 'typeorm';
import { MIGRATIONS } from './migrations.js';
import { SnakeNamingStrategy } from './naming-strategy.js';

/** The mapped classes, each feature's (src/entities.ts lists them). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
export type Entities = Array<Function | EntitySchema>;

export interface DatabaseTarget {
  url: string;
  entities: Entities;
  /** Connections in the pool; the embedded database serves one query at a time, so it gets one. */
  poolSize: number;
}

/**
 * The single description of how Redline talks to PostgreSQL, used by the
 * application, the migration CLI, the seeder and the tests alike. The schema only
 * ever changes through migrations.
 */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities: target.entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+ and PGlite; uuid-ossp is not in PGlite.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Not 'error': TypeORM would log the parameters of a failed query, which can hold
    // password hashes or personal data. Unexpected failures are logged by the error filter.
    logging: ['warn', 'migration'],
    poolSize: target.poolSize,
    extra: { application_name: 'redline' },
  };
}
