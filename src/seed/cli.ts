import 'reflect-metadata';
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
try {
  const loaded = await seedReferenceData(database.dataSource);
  console.log(
    loaded.length > 0 ? `Loaded: ${loaded.join(', ')}` : 'Reference data already present',
  );
} finally {
  await database.dataSource.destroy();
  await database.stopEmbedded();
}
