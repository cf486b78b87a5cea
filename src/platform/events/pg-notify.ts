import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { compiledOnce } from '../db/compiled-once.js';
import type { DatabaseHandle } from '../db/connect.js';
import type { Trx } from '../db/database.js';
import { requireInTransaction } from '../db/transactions.js';
import type { Logger } from '../logger.js';
import type { DomainEvent, EventPublisher, InStatementEvent } from './events.js';
import type { EventSink, EventTransport } from './transport.js';

/** The one channel all instances of one database publish on and listen to. */
export const EVENTS_CHANNEL = 'user_connections_events';

const MIN_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;
/**
 * A connection cut off without a word (a network partition) looks alive forever, so the
 * listener asks the server something at this interval and reconnects if no answer comes.
 */
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 3_000;

function parseEvent(payload: string | undefined, logger: Logger): DomainEvent | null {
  try {
    return JSON.parse(payload ?? '') as DomainEvent;
  } catch {
    logger.warn('ignored a malformed event payload', { channel: EVENTS_CHANNEL });
    return null;
  }
}

// Every write publishes: compiled once (see compiledOnce).
const notifyOne = compiledOnce((db, v: { payload: string }) => ({
  compile: () => sql`select pg_notify(${EVENTS_CHANNEL}, ${v.payload})`.compile(db),
}));

/**
 * Publishes with `NOTIFY` inside the writing transaction, so PostgreSQL delivers an event
 * exactly when its change commits, and never for a rollback. Each instance listens on one
 * dedicated connection; if it drops, the instance reconnects with backoff and reports a gap,
 * so subscribers re-read what they may have missed.
 */
export const notifyPublisher: EventPublisher & { inStatement(event: DomainEvent): InStatementEvent } = {
  async publish(trx: Trx, ...events: DomainEvent[]): Promise<void> {
    requireInTransaction(trx);
    if (events.length === 1) {
      await notifyOne(trx, { payload: JSON.stringify(events[0]) });
    } else if (events.length > 1) {
      const payloads = events.map((event) => JSON.stringify(event));
      await sql`select pg_notify(${EVENTS_CHANNEL}, payload) from unnest(${payloads}::text[]) with ordinality as e(payload, n) order by n`.execute(
        trx,
      );
    }
  },
  inStatement: (event) => ({ channel: EVENTS_CHANNEL, payload: JSON.stringify(event), published() {} }),
};

abstract class NotifyTransport implements EventTransport {
  publish(trx: Trx, ...events: DomainEvent[]): Promise<void> {
    return notifyPublisher.publish(trx, ...events);
  }

  inStatement(event: DomainEvent): InStatementEvent {
    return notifyPublisher.inStatement(event);
  }

  abstract start(sink: EventSink): Promise<void>;
  abstract stop(): Promise<void>;
}

/** LISTEN on a PostgreSQL server, on a connection of its own (outside the pool). */
export class PostgresNotifyTransport extends NotifyTransport {
  #client: pg.Client | null = null;
  #stopped = false;
  #retryTimer: NodeJS.Timeout | null = null;
  #heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {
    super();
  }

  async start(sink: EventSink): Promise<void> {
    this.#stopped = false;
    await this.#connect(sink);
  }

  async #connect(sink: EventSink): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: 'user-connections-listener',
      keepAlive: true,
      query_timeout: HEARTBEAT_TIMEOUT_MS,
      connectionTimeoutMillis: HEARTBEAT_TIMEOUT_MS,
    });
    const lost = (error?: Error) => {
      if (this.#client !== client) return;
      this.#client = null;
      if (this.#heartbeat) clearInterval(this.#heartbeat);
      client.removeAllListeners();
      client.end().catch(() => {});
      if (this.#stopped) return;
      this.logger.warn('event listener connection lost; reconnecting', { error: error?.message });
      this.#retry(sink, MIN_RETRY_MS);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL) return;
      const event = parseEvent(message.payload, this.logger);
      if (event) sink.onEvent(event);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.end().catch(() => {});
      throw error;
    }
    if (this.#stopped) {
      client.removeAllListeners();
      await client.end().catch(() => {});
      return;
    }
    this.#client = client;
    this.#heartbeat = setInterval(() => {
      client.query('select 1').catch((error: Error) => lost(error));
    }, HEARTBEAT_MS);
    this.#heartbeat.unref();
  }

  #retry(sink: EventSink, delay: number): void {
    this.#retryTimer = setTimeout(async () => {
      this.#retryTimer = null;
      if (this.#stopped) return;
      try {
        await this.#connect(sink);
        if (this.#stopped) return;
        this.logger.info('event listener reconnected');
        // Whatever committed while we were away was not delivered: subscribers re-read.
        sink.onGap();
      } catch (error) {
        this.logger.warn('event listener reconnect failed', { error: (error as Error).message, retryInMs: delay });
        this.#retry(sink, Math.min(delay * 2, MAX_RETRY_MS));
      }
    }, delay);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    const client = this.#client;
    this.#client = null;
    if (client) {
      client.removeAllListeners();
      await client.end().catch(() => {});
    }
  }
}

/** LISTEN inside an embedded PGlite: same SQL, delivered in-process on commit. */
export class PGliteNotifyTransport extends NotifyTransport {
  #unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly pglite: PGlite,
    private readonly logger: Logger,
  ) {
    super();
  }

  async start(sink: EventSink): Promise<void> {
    this.#unlisten = await this.pglite.listen(EVENTS_CHANNEL, (payload) => {
      const event = parseEvent(payload, this.logger);
      if (event) sink.onEvent(event);
    });
  }

  async stop(): Promise<void> {
    const unlisten = this.#unlisten;
    this.#unlisten = null;
    if (unlisten && !this.pglite.closed) await unlisten().catch(() => {});
  }
}

/** The NOTIFY transport for the database a handle opened. */
export function notifyTransportFor(database: DatabaseHandle, logger: Logger): EventTransport {
  return database.pglite
    ? new PGliteNotifyTransport(database.pglite, logger)
    : new PostgresNotifyTransport(database.url as string, logger);
}
