import 'reflect-metadata';
import { createApp } from '../bootstrap.js';
import { loadConfig } from '../common/config/config.js';
import { openDatabase } from '../common/database/database.js';
import { seedReferenceData } from './seeder.js';
import { ENTITIES } from '../entities.js';

/** `npm run seed`: applies migrations and loads whatever reference data is missing. */
const config = loadConfig();
const database = await openDatabase({
  entities: ENTITIES,
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
});
const app = await createApp(config, database, ['error', 'warn']);
try {
  const loaded = await seedReferenceData(app);
  console.log(
    loaded.length > 0 ? `Loaded: ${loaded.join(', ')}` : 'Reference data already present',
  );
} finally {
  await app.close();
  await database.stopEmbedded();
}
