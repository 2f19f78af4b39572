import type { LoggerService } from '@nestjs/common';
import pg from 'pg';

export interface PgListenerOptions {
  url: string;
  channel: string;
  onNotification(payload: string): void;
  logger: LoggerService;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 30_000;

/**
 * LISTENs on a PostgreSQL server over a connection of its own: a pooled
 * connection would be handed to other queries and lose the LISTEN. When the
 * connection drops (server restart, failover, network) it reconnects with
 * exponential backoff and jitter, so a fleet of nodes does not stampede a server
 * that is coming back. Notifications sent while disconnected are lost: the bus
 * says what changed, the API remains the record.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** Resolves once LISTENing, or once the first attempt failed (it then keeps retrying). */
  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    await this.connecting;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.attempt().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async attempt(): Promise<void> {
    if (this.stopped) return;
    const { url, channel, logger } = this.options;
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      application_name: 'redline-events',
    });
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) {
        this.options.onNotification(message.payload);
      }
    });
    // Without an 'error' listener a dropped connection would crash the process.
    client.on('error', (error) => {
      logger.warn(`Event listener connection failed: ${error.message}`);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
    } catch (error) {
      logger.warn(`Event listener could not connect: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.retry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    if (this.failures > 0) logger.log('Event listener reconnected');
    this.client = client;
    this.failures = 0;
  }

  private lost(client: pg.Client): void {
    // Only the live connection matters; errors of a failed attempt are handled there.
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.retry();
  }

  private retry(): void {
    if (this.stopped || this.retryTimer) return;
    const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.failures++);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    // Retrying must never be what keeps a process from exiting.
    this.retryTimer.unref();
  }
}
