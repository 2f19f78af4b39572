import { Logger } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, type Entities } from './data-source-options.js';
import { EMBEDDED_POOL_SIZE, startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';

export interface Database {
  dataSource: DataSource;
  /** "server" for DATABASE_URL, "embedded" for PGlite. */
  mode: 'server' | 'embedded';
  /** Stops the embedded database, if any; the DataSource is destroyed by its owner first. */
  stopEmbedded(): Promise<void>;
  /**
   * Embedded mode: NOTIFY delivery, which PGlite cannot give a LISTENing client
   * (see embedded.ts). null on a server, where a dedicated connection LISTENs.
   */
  listen: EmbeddedDatabase['listen'] | null;
}

export interface OpenOptions {
  /** What to map: src/entities.ts' ENTITIES. */
  entities: Entities;
  databaseUrl: string | null;
  /** Embedded data directory; null keeps the embedded database in memory (tests, schema generation). */
  dataDir: string | null;
  runMigrations?: boolean;
  poolSize?: number;
}

const logger = new Logger('Database');

/** Each open Database by its DataSource: Nest providers are given only the DataSource. */
const opened = new WeakMap<DataSource, Database>();

export const databaseOf = (dataSource: DataSource): Database | undefined => opened.get(dataSource);

/**
 * Opens the database Redline runs on: the server at DATABASE_URL, or the embedded
 * one. Either way the same migrations are applied before anything else runs.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  const embedded = options.databaseUrl ? null : await startEmbeddedDatabase(options.dataDir);
  const url = options.databaseUrl ?? embedded!.url;
  const dataSource = new DataSource(
    dataSourceOptions({
      url,
      entities: options.entities,
      poolSize: embedded ? EMBEDDED_POOL_SIZE : (options.poolSize ?? 10),
    }),
  );
  try {
    await dataSource.initialize();
    if (options.runMigrations !== false) {
      const applied = await migrationLock(options.databaseUrl, () =>
        dataSource.runMigrations({ transaction: 'each' }),
      );
      if (applied.length > 0) logger.log(`Applied ${applied.length} migration(s)`);
    }
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  const database: Database = {
    dataSource,
    mode: embedded ? 'embedded' : 'server',
    stopEmbedded: async () => embedded?.stop(),
    listen: embedded ? embedded.listen : null,
  };
  opened.set(dataSource, database);
  return database;
}

/**
 * Runs `migrate` holding a PostgreSQL advisory lock, so that servers started together on
 * one database (replicas after a deploy) migrate one after the other instead of racing to
 * create the same tables; the later ones find nothing left to apply. The lock is held on a
 * connection of its own, outside the pool the migrations use. The embedded database
 * belongs to one process and has one connection, so it needs (and could take) no lock.
 */
async function migrationLock<T>(databaseUrl: string | null, migrate: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return migrate();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('redline.migrations'))`);
    return await migrate();
  } finally {
    // Closing the session releases the lock, whatever state it is in.
    await client.end();
  }
}
