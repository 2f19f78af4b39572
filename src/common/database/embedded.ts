import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) behind
 * pglite-socket, so the application reaches it with the ordinary `pg` driver over
 * a loopback socket — the same code path as a real server.
 *
 * PGlite runs one query at a time; the socket server multiplexes connections and,
 * inside a transaction, serves only the connection that opened it. That is what
 * keeps concurrent transactions correct (sharing one PGlite session directly, as
 * typeorm-pglite does, loses updates). The pool stays at one connection; the
 * server accepts a few more so migration tooling and psql can attach too.
 */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export const EMBEDDED_POOL_SIZE = 1;
const SOCKET_CONNECTION_LIMIT = 8;

export async function startEmbeddedDatabase(dataDir: string | null): Promise<EmbeddedDatabase> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? join(dataDir, 'pglite') : 'memory://');
  } catch (error) {
    releaseLock();
    throw error;
  }
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: 0,
    maxConnections: SOCKET_CONNECTION_LIMIT,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    releaseLock();
    throw error;
  }
  // After start() the server reports the port the OS assigned to port 0.
  const port = Number(server.getServerConn().split(':').pop());
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}

/**
 * PGlite has no lock of its own: two processes opening one directory would
 * corrupt it. A lock file holding the owner's pid refuses the second one; a lock
 * left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'redline.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (isRunning(owner)) {
        throw new Error(`The embedded database in ${dataDir} is in use by process ${owner}`);
      }
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
