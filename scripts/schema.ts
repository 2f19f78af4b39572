import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/common/config/config.js';
import { openDatabase } from '../src/common/database/database.js';
import { ENTITIES } from '../src/entities.js';

/**
 * `schema:generate` writes schema.gql from the code; `schema:check` fails when the
 * committed file differs (CI's drift check). The schema comes from the real
 * application module, on a throw-away in-memory database.
 */
const command = process.argv[2];
const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32), SEED_ON_START: 'false' });
const database = await openDatabase({
  entities: ENTITIES,
  databaseUrl: null,
  dataDir: null,
});
const app = await createApp(config, database, false);
await app.init();
const printed = printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
await app.close();
await database.stopEmbedded();

if (command === 'generate') {
  writeFileSync('schema.gql', printed);
  console.log('Wrote schema.gql');
} else {
  let committed = '';
  try {
    committed = readFileSync('schema.gql', 'utf8');
  } catch {
    // a missing file is drift too
  }
  if (committed !== printed) {
    console.error('schema.gql differs from the code; run npm run schema:generate and commit it.');
    process.exit(1);
  }
  console.log('schema.gql matches the code.');
}
