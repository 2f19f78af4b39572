import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import type { DataSource, EntityManager } from 'typeorm';
import { databaseOf } from '../common/database/database.js';
import {
  EVENTS_CHANNEL,
  MAX_PAYLOAD_BYTES,
  amendmentTopic,
  parseAmendmentEvent,
  type AmendmentEventPayload,
} from './amendment-event.js';
import { PgListener } from './pg-listener.js';

/**
 * The event bus. Events go out through PostgreSQL NOTIFY inside the transaction
 * that made the change, so nobody hears of a change that was rolled back, and
 * every Redline process LISTENs, so a subscriber connected to any node hears of
 * a change made on any other. Each process hands what it hears to its own
 * Mercurius pubsub, on the topic of the amendment concerned.
 */
@Injectable()
export class EventsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Events');
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  /**
   * Queues `event` in the transaction `manager` belongs to: listeners get it when
   * that transaction commits, never if it rolls back. (With a manager outside any
   * transaction the NOTIFY commits at once.)
   */
  async publish(manager: EntityManager, event: AmendmentEventPayload): Promise<void> {
    const payload = JSON.stringify(event);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) {
      // A programming error: events carry ids and states, never bodies.
      throw new Error(`Event ${event.action} is too large for NOTIFY`);
    }
    await manager.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, payload]);
  }

  async onApplicationBootstrap(): Promise<void> {
    const deliver = (text: string) => this.deliver(text);
    const database = databaseOf(this.dataSource);
    if (database?.listen) {
      // Embedded: PGlite cannot deliver to a LISTENing client (see embedded.ts).
      this.unlisten = await database.listen(EVENTS_CHANNEL, deliver);
      return;
    }
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) throw new Error('The event listener needs the database URL');
    const listener = new PgListener({
      url,
      channel: EVENTS_CHANNEL,
      onNotification: deliver,
      logger: this.logger,
    });
    await listener.start();
    this.unlisten = () => listener.stop();
  }

  /** Before the HTTP server and the pool close, so nothing is handed to a closing pubsub. */
  async onModuleDestroy(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    await unlisten?.();
  }

  private deliver(text: string): void {
    const event = parseAmendmentEvent(text);
    if (!event) {
      this.logger.warn(`Ignored a malformed notification on ${EVENTS_CHANNEL}`);
      return;
    }
    try {
      const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
      fastify.graphql.pubsub.publish({
        topic: amendmentTopic(event.definition, event.number),
        payload: event,
      });
    } catch (error) {
      // Called from the database client's event handlers, which must not throw.
      this.logger.error(`Could not hand ${event.action} to subscribers: ${String(error)}`);
    }
  }
}
