import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/common/database/database.js';
import type { SqlRunner } from './consistency.js';
import { ENTITIES } from '../../src/entities.js';

/** A database the crash loop runs the server on: the embedded one, or a server's. */
export interface Target {
  name: string;
  /** About how long a first start takes, to kill one at a random moment of it. */
  startupMs: number;
  /** The child's database settings, and SQL on that database while it runs (server only). */
  open(): Promise<{ env: Record<string, string>; sql: SqlRunner | null }>;
  /** SQL on the database once the server is stopped. */
  inspect(): Promise<{ sql: SqlRunner; close(): Promise<void> }>;
  cleanUp(): Promise<void>;
}

/** A temporary DATA_DIR for the embedded database, removed afterwards. */
export function embeddedTarget(): Target {
  let dir: string | null = null;
  return {
    name: 'embedded',
    startupMs: 8000,
    open() {
      dir = mkdtempSync(join(tmpdir(), 'redline-crash-'));
      return Promise.resolve({ env: { DATA_DIR: dir }, sql: null });
    },
    async inspect() {
      // Opened here, in this process, the way the server opens it, over a lock left
      // by a dead process that had this process's pid: what a container restarted
      // after a SIGKILL sees, its entrypoint running as the same pid every time.
      writeFileSync(join(dir!, 'redline.lock'), String(process.pid));
      const database = await openDatabase({
        entities: ENTITIES,
        databaseUrl: null,
        dataDir: dir,
        runMigrations: false,
      });
      return {
        sql: { sql: (query, params) => database.dataSource.query(query, params) },
        async close() {
          await database.dataSource.destroy();
          await database.stopEmbedded();
        },
      };
    },
    cleanUp() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

/** A scratch database on the server at DATABASE_URL, dropped afterwards. */
export function serverTarget(adminUrl: string): Target {
  const name = `redline_crash_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let client: pg.Client | null = null;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  const sql: SqlRunner = {
    sql: async (query, params) => (await client!.query(query, params)).rows,
  };
  return {
    name: 'server',
    startupMs: 2500,
    async open() {
      await admin(`CREATE DATABASE ${name}`);
      client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      return { env: { DATABASE_URL: url.toString() }, sql };
    },
    inspect: () => Promise.resolve({ sql, close: () => Promise.resolve() }),
    async cleanUp() {
      await client?.end().catch(() => undefined);
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Whether a ratification's transaction is open right now: it alone locks version
 * rows (FOR UPDATE on the base), and the lock lasts until it commits or rolls back.
 */
export async function ratificationUnderWay(db: SqlRunner): Promise<boolean> {
  const [{ inside }] = await db.sql<{ inside: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                     WHERE l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                       AND c.relname = 'definition_versions' AND l.mode = 'RowShareLock'
                       AND l.pid <> pg_backend_pid()) AS inside`,
  );
  return inside;
}
