import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { Logger } from '@nestjs/common';
import pg from 'pg';

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
  /**
   * Calls `callback` with the payload of each NOTIFY on `channel` once its
   * transaction commits, from any connection. Resolves once LISTENing; the
   * returned function removes the callback.
   */
  listen: (channel: string, callback: (payload: string) => void) => Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

export const EMBEDDED_POOL_SIZE = 1;
const SOCKET_CONNECTION_LIMIT = 8;
const logger = new Logger('EmbeddedDatabase');

export async function startEmbeddedDatabase(dataDir: string | null): Promise<EmbeddedDatabase> {
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => undefined;
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? join(dataDir, 'pglite') : 'memory://');
  } catch (error) {
    releaseLock();
    throw error;
  }
  const notifications = interceptNotifications(db);
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
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    async listen(channel, callback) {
      // LISTEN goes through the socket like any query, so it waits its turn and never
      // lands inside another connection's transaction. All connections share PGlite's
      // one session, so it holds after this connection closes.
      if (!notifications.has(channel)) await querySocket(url, `LISTEN ${quoteIdent(channel)}`);
      return notifications.add(channel, callback);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      notifications.clear();
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}

/**
 * NOTIFY delivery. PGlite has one backend session shared by every socket
 * connection, so PostgreSQL hands a NotificationResponse to whichever connection
 * ran the COMMIT, not to the one that LISTENed; and pglite-socket forwards that
 * output raw, so PGlite's own listen() callbacks never see it either (both
 * tested). The notifications are therefore picked out of the output on its way to
 * the sockets (and from PGlite's own query path, for completeness). The bytes
 * still reach the socket unchanged; a `pg` client ignores a notification nobody
 * asked it for.
 */
function interceptNotifications(db: PGlite) {
  const callbacks = new Map<string, Set<(payload: string) => void>>();
  const deliver = (channel: string, payload: string) => {
    for (const callback of callbacks.get(channel) ?? []) {
      // Outside PGlite's exclusive section; a failing callback neither breaks the
      // query whose output this is nor keeps the others from running.
      queueMicrotask(() => {
        try {
          callback(payload);
        } catch (error) {
          logger.error(`A ${channel} listener failed: ${String(error)}`);
        }
      });
    }
  };
  const rawStream = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = (message, options) => {
    const scan = notificationScanner(deliver);
    return rawStream(message, {
      ...options,
      onRawData: (chunk) => {
        scan(chunk);
        options?.onRawData(chunk);
      },
    });
  };
  db.onNotification(deliver);
  return {
    has: (channel: string) => callbacks.has(channel),
    add(channel: string, callback: (payload: string) => void) {
      const set = callbacks.get(channel) ?? new Set();
      callbacks.set(channel, set.add(callback));
      // The session keeps LISTENing: notifications nobody wants are dropped here.
      return () => Promise.resolve(void set.delete(callback));
    },
    clear: () => callbacks.clear(),
  };
}

const NOTIFICATION_RESPONSE = 0x41; // 'A'

/**
 * Finds NotificationResponse messages ('A', int32 length, int32 pid, channel\0,
 * payload\0) in the backend's reply to one frontend message. The reply starts on
 * a message boundary but arrives in chunks that can split any message, and the
 * chunks are views over PGlite's memory, so notification bytes are copied out.
 */
function notificationScanner(deliver: (channel: string, payload: string) => void) {
  let header: number[] = [];
  let skip = 0;
  let body: Buffer[] | null = null;
  let bodyLeft = 0;
  const begin = (type: number, length: number) => {
    if (type === NOTIFICATION_RESPONSE) [body, bodyLeft] = [[], length];
    else skip = length;
  };
  return (chunk: Uint8Array) => {
    let at = 0;
    while (at < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - at);
        skip -= n;
        at += n;
      } else if (body) {
        const n = Math.min(bodyLeft, chunk.length - at);
        body.push(Buffer.from(chunk.subarray(at, at + n)));
        bodyLeft -= n;
        at += n;
        if (bodyLeft === 0) {
          const [channel, payload] = Buffer.concat(body).subarray(4).toString('utf8').split('\0');
          body = null;
          deliver(channel, payload);
        }
      } else if (header.length === 0 && chunk.length - at >= 5) {
        // The usual case: a whole header in this chunk, read in place.
        begin(chunk[at], int32(chunk, at + 1) - 4);
        at += 5;
      } else {
        header.push(chunk[at++]);
        if (header.length === 5) {
          begin(header[0], int32(header, 1) - 4);
          header = [];
        }
      }
    }
  };
}

const int32 = (bytes: ArrayLike<number>, at: number) =>
  (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

async function querySocket(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Lock files this process holds, so it can tell its own lock from a dead namesake's. */
const held = new Set<string>();

/**
 * PGlite has no lock of its own: two processes opening one directory would
 * corrupt it. A lock file holding the owner's pid refuses the second one; a lock
 * left by a process that no longer runs is taken over. So is one naming this
 * process's own pid that this process did not take: an earlier process with the
 * same pid died holding it — a container's entrypoint gets the same pid on every
 * restart, and would otherwise refuse to start after a SIGKILL, forever.
 */
function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = resolve(dataDir, 'redline.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      return () => {
        held.delete(file);
        unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner === process.pid ? held.has(file) : isRunning(owner)) {
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
