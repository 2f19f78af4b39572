import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig, type AppConfig } from '../../src/common/config/config.js';
import { openDatabase, type Database } from '../../src/common/database/database.js';
import { seedReferenceData } from '../../src/seed/seeder.js';
import { ENTITIES } from '../../src/entities.js';
import { STEWARD } from '../../testkit/factories/index.js';
import { freshDatabase } from '../../testkit/server-database.js';

export interface TestApp {
  url: string;
  nest: NestFastifyApplication;
  dataSource: DataSource;
  /** What a second server on the same database needs (see second-instance.ts). */
  config: AppConfig;
  /** The test database on the server at DATABASE_URL; null for the embedded one. */
  databaseUrl: string | null;
  /** Runs SQL directly, as an operator with psql would. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** How many SQL statements reach PostgreSQL while `work` runs (this process only). */
  countQueries(work: () => Promise<unknown>): Promise<number>;
  close(): Promise<void>;
}

/**
 * A real Redline over HTTP on a database of its own: a fresh PostgreSQL database
 * on the server at DATABASE_URL when it is set, else a fresh in-memory embedded
 * database. Either way the real migrations run and the reference data is loaded.
 */
export async function startTestApp(
  options: {
    seed?: boolean;
    /** Overrides the test configuration, e.g. `{ NODE_ENV: 'production' }`. */
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<TestApp> {
  const server = process.env.DATABASE_URL
    ? await freshDatabase(process.env.DATABASE_URL, 'redline_e2e')
    : null;
  let database: Database;
  try {
    database = await openDatabase({
      entities: ENTITIES,
      databaseUrl: server?.url ?? null,
      dataDir: null,
      poolSize: 10,
    });
  } catch (error) {
    await server?.drop();
    throw error;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    STEWARD_EMAIL: STEWARD.email,
    STEWARD_PASSWORD: STEWARD.password,
    DEADLINE_SWEEP_MS: '200',
    // Suites sign up hundreds of accounts from one address; the limit has its own test.
    SIGN_UPS_PER_ADDRESS: '1000000',
    ...options.env,
  });
  const app: NestFastifyApplication = await createApp(config, database, ['error', 'warn']);
  if (options.seed !== false) await seedReferenceData(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/graphql`,
    nest: app,
    dataSource: database.dataSource,
    config,
    databaseUrl: server?.url ?? null,
    sql: (query, params) => database.dataSource.query(query, params),
    async countQueries(work) {
      // Wrapped and restored as is, and always called with its own `this`.
      // eslint-disable-next-line @typescript-eslint/unbound-method
      const original = pg.Client.prototype.query;
      let count = 0;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        count++;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        await work();
      } finally {
        pg.Client.prototype.query = original;
      }
      return count;
    },
    async close() {
      await app.close();
      await database.stopEmbedded();
      await server?.drop();
    },
  };
}
