import 'reflect-metadata';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/common/config/config.js';
import { openDatabase } from '../src/common/database/database.js';
import { seedReferenceData } from '../src/seed/seeder.js';
import { ENTITIES } from '../src/entities.js';

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
