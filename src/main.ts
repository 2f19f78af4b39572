import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap.js';
import { ConfigError, loadConfig } from './common/config/config.js';
import { openDatabase } from './common/database/database.js';
import { seedReferenceData } from './seed/seeder.js';
import { ENTITIES } from './entities.js';

const logger = new Logger('Redline');

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    entities: ENTITIES,
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
  });
  logger.log(
    database.mode === 'embedded'
      ? `Embedded PostgreSQL in ${config.dataDir}`
      : 'PostgreSQL server from DATABASE_URL',
  );

  let app;
  try {
    app = await createApp(config, database);
    // Before it serves: through the services, as a steward's writes go.
    if (config.seedOnStart) {
      const seeded = await seedReferenceData(app);
      if (seeded.length > 0) logger.log(`Loaded reference data: ${seeded.join(', ')}`);
    }
  } catch (error) {
    await app?.close();
    await database.dataSource.destroy();
    await database.stopEmbedded();
    throw error;
  }
  // Shut down in order: stop taking requests and close the pool, then the embedded database.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    await app.close();
    await database.stopEmbedded();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: process.env.HOST ?? '0.0.0.0' });
  } catch (error) {
    await app.close();
    await database.stopEmbedded();
    throw error;
  }
  logger.log(
    `GraphQL on http://localhost:${config.port}/graphql${config.graphiql ? ' (IDE at /graphiql)' : ''}`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
  process.exit(1);
});
