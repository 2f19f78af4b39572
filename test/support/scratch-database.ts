import pg from 'pg';
import { freshDatabase } from '../../testkit/server-database.js';

export interface ScratchDatabase {
  /** The database's own URL, for the servers under test. */
  url: string;
  /** Runs SQL on it directly, as an operator with psql would. */
  sql<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** Another connection, e.g. to hold a transaction open; `drop` ends it if its owner did not. */
  connect(): Promise<pg.Client>;
  /** Disconnects and drops it, whoever is still connected. */
  drop(): Promise<void>;
}

/**
 * A new, empty database on the PostgreSQL server at `adminUrl`, for servers run
 * as separate processes: they migrate and seed it themselves, as in production.
 * Nothing here imports the application, so a test built on it exercises only the
 * built server.
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
): Promise<ScratchDatabase> {
  const database = await freshDatabase(adminUrl, prefix);
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: database.url });
    clients.push(client);
    await client.connect();
    return client;
  };
  let client: pg.Client;
  try {
    client = await connect();
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    url: database.url,
    sql: async (query, params) => (await client.query(query, params)).rows,
    connect,
    async drop() {
      // Ended before the drop, which would otherwise kill them under an 'error' event.
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      await database.drop();
    },
  };
}

/**
 * Runs `work` while a transaction of its own holds the rows `lockQuery` locks (a
 * `SELECT … FOR UPDATE` with `params`), and rolls it back once `waiters` sessions wait for a lock:
 * whatever they were going to do with those rows, they then do at the same moment,
 * each already inside its own transaction. Fails if they are not all waiting within
 * `ms`, after letting them go.
 */
export async function releaseTogether<T>(
  db: ScratchDatabase,
  lockQuery: string,
  params: unknown[],
  waiters: number,
  work: () => Promise<T>,
  ms = 10_000,
): Promise<T> {
  const gate = await db.connect();
  try {
    await gate.query('BEGIN');
    await gate.query(lockQuery, params);
    const working = work();
    // Awaited below; handled now, so a failure while polling is not reported as unhandled.
    void working.catch(() => undefined);
    let late: Error | null = null;
    try {
      const deadline = Date.now() + ms;
      // Polled outside the gate's transaction, which would see one snapshot of the statistics.
      const waiting = async () =>
        (
          await db.sql<{ count: number }>(
            `SELECT count(*)::int AS count FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
        )[0].count;
      while ((await waiting()) < waiters) {
        if (Date.now() > deadline) {
          late = new Error(`${waiters} sessions did not all wait for the lock within ${ms} ms`);
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await gate.query('ROLLBACK');
    }
    const result = await working;
    if (late) throw late;
    return result;
  } finally {
    await gate.end();
  }
}
