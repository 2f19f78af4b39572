import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/bootstrap.js';
import { openDatabase } from '../../src/common/database/database.js';
import type { TestApp } from './test-app.js';
import { ENTITIES } from '../../src/entities.js';

export interface SecondInstance {
  url: string;
  nest: NestFastifyApplication;
  close(): Promise<void>;
}

/**
 * Another Redline process, as a load balancer would put beside the first: its own
 * pool and HTTP server on the same PostgreSQL database (already migrated and
 * seeded by the first) and the same token secret. Server mode only — the embedded
 * database belongs to one process. Close it before the first, which drops the
 * database.
 */
export async function startSecondInstance(first: TestApp): Promise<SecondInstance> {
  if (!first.databaseUrl) throw new Error('A second instance needs DATABASE_URL');
  const database = await openDatabase({
    entities: ENTITIES,
    databaseUrl: first.databaseUrl,
    dataDir: null,
    runMigrations: false,
    poolSize: 4,
  });
  // @nestjs/typeorm warns that a data source named "default" is already registered:
  // its name registry is process-wide, but each app has a container of its own.
  const app = await createApp(first.config, database, ['error', 'warn']);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/graphql`,
    nest: app,
    close: () => app.close(),
  };
}
