import 'reflect-metadata';
import { loadConfig } from '../src/common/config/config.js';
import { openDatabase } from '../src/common/database/database.js';
import { ENTITIES } from '../src/entities.js';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL or the embedded database. */
const config = loadConfig();
const database = await openDatabase({
  entities: ENTITIES,
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
});
await database.dataSource.destroy();
await database.stopEmbedded();
console.log('Migrations are up to date.');
