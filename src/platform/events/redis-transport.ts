import { Redis } from 'ioredis';
import type { Db, Trx } from '../db/database.js';
import { onCommit } from '../db/transactions.js';
import type { Logger } from '../logger.js';
import { connectRedis } from '../redis.js';
import type { DomainEvent } from './events.js';
import { addToOutbox, claimDueOutboxEvents, deleteFromOutbox, type OutboxEvent } from './outbox.repository.js';
import type { EventSink, EventTransport } from './transport.js';

/** What the transport counts (the instance's metrics). */
export interface OutboxCounters {
  /** Events published by a sweep: their first publish after the commit was lost. */
  swept(count: number): void;
  /** Publishes that failed (left to a sweep). */
  publishFailed(count: number): void;
}

export interface OutboxTiming {
  /** How long the writer has to publish and delete its own rows before any instance's sweep may. */
  publishAfterMs: number;
  /** How often each instance looks for rows left unpublished. */
  sweepMs: number;
}

/**
 * An event committed but not published (a crash or a lost Redis connection between the commit
 * and the PUBLISH) reaches its subscribers within `publishAfterMs + sweepMs` of its commit, as
 * long as one instance reaches both PostgreSQL and Redis: 3 seconds by default.
 */
export const OUTBOX_TIMING: OutboxTiming = { publishAfterMs: 2_000, sweepMs: 1_000 };

/** A publish that has not answered within this long is left to the sweep. */
const COMMAND_TIMEOUT_MS = 1_000;
/** Rows claimed by one sweep statement. */
const SWEEP_BATCH = 500;
/** Published rows are deleted together, at most this long after their publish. */
const DELETE_DELAY_MS = 20;
/** Published rows waiting to be deleted, at most (beyond, the sweep publishes them again). */
const MAX_PENDING_DELETES = 100_000;
/**
 * Ids of events heard lately, to hear each once: an event republished by a sweep (its writer
 * published it but could not delete its row) is dropped if its first copy arrived. The sweep
 * republishes within seconds; this many ids cover that at tens of thousands of events a second.
 */
const REMEMBERED_IDS = 65_536;
/**
 * A subscriber connection cut off without a word (a network partition) looks alive and hears
 * nothing, so it is pinged at this interval and reconnected (a gap) if no answer comes.
 */
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 3_000;
/** At most one warning per this many ms while Redis is away. */
const WARN_EVERY_MS = 10_000;

/**
 * Live events through Redis PUBLISH/SUBSCRIBE (LIVE_TRANSPORT=redis), for deployments whose write
 * rate outgrows PostgreSQL NOTIFY (a NOTIFY takes a lock every committing writer waits on).
 *
 * An event is written to `live_outbox` in the transaction of its change and published only after
 * that commits, so a rollback is never heard. The writer publishes and deletes its rows at once;
 * a row it could not publish (Redis away, a crash after the commit) is published by whichever
 * instance sweeps it first (rows are claimed with SKIP LOCKED). Each message carries its outbox
 * id, and a listener hears each id once. Subscribers read what they show from the database by
 * position (the notification stream by its gap-free seq), so a late or repeated event changes
 * nothing they deliver; when the subscription itself was interrupted (Redis restarted), they are
 * told of a gap and re-read.
 */
export class RedisEventTransport implements EventTransport {
  readonly #publisher: Redis;
  #subscriber: Redis | null = null;
  #sweepTimer: NodeJS.Timeout | null = null;
  #heartbeat: NodeJS.Timeout | null = null;
  #sweeping: Promise<void> | null = null;
  #stopped = false;
  #toDelete: number[] = [];
  #deleteTimer: NodeJS.Timeout | null = null;
  readonly #inFlight = new Set<Promise<unknown>>();
  readonly #heard = new Set<number>();
  /** The same ids in the order heard, a ring: the oldest is forgotten in O(1) per event. */
  readonly #heardOrder = new Array<number | undefined>(REMEMBERED_IDS);
  #heardNext = 0;
  #lastWarning = 0;
  /**
   * Whether the last publish went through. A sweep that claims rows it cannot publish holds them
   * back from the others for `publishAfterMs`, so an instance that cannot reach Redis (a
   * partition) sweeps only once a ping answers again.
   */
  #reachable = true;

  constructor(
    private readonly db: Db,
    private readonly url: string,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly timing: OutboxTiming = OUTBOX_TIMING,
    private readonly counters?: OutboxCounters,
  ) {
    this.#publisher = new Redis(url, {
      lazyConnect: true,
      // Not queued while disconnected: the row stays in the outbox and the sweep publishes it.
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
      enableAutoPipelining: true,
    });
    this.#publisher.on('error', (error: Error) => this.#warn('live events: redis error', error));
  }

  get #channel(): string {
    return `${this.prefix}live:events`;
  }

  async publish(trx: Trx, ...events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const rows = await addToOutbox(
      trx,
      events.map((event) => JSON.stringify(event)),
      this.timing.publishAfterMs,
    );
    onCommit(trx, () => this.#track(this.#send(rows)));
  }

  async start(sink: EventSink): Promise<void> {
    this.#stopped = false;
    await connectRedis(this.#publisher, this.url);
    const subscriber = this.#publisher.duplicate({ enableOfflineQueue: true, commandTimeout: undefined });
    this.#subscriber = subscriber;
    subscriber.on('error', (error: Error) => this.#warn('live events: redis subscriber error', error));
    subscriber.on('message', (_channel: string, message: string) => this.#hear(message, sink));
    let readyBefore = false;
    subscriber.on('ready', () => {
      // ioredis subscribes again by itself after a reconnect; what was published meanwhile is
      // lost to this instance: its subscribers re-read.
      if (readyBefore && !this.#stopped) {
        this.logger.info('live events: redis is back; subscribers re-read what they may have missed');
        sink.onGap();
      }
      readyBefore = true;
    });
    await connectRedis(subscriber, this.url);
    await subscriber.subscribe(this.#channel);
    this.#heartbeat = setInterval(() => this.#checkSubscriber(subscriber), HEARTBEAT_MS);
    this.#heartbeat.unref();
    this.#sweepTimer = setInterval(() => {
      if (this.#sweeping || this.#stopped) return;
      this.#sweeping = this.#sweep()
        .catch((error: unknown) => this.#warn('live events: outbox sweep failed', error as Error))
        .finally(() => {
          this.#sweeping = null;
        });
    }, this.timing.sweepMs);
    this.#sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    if (this.#heartbeat) clearInterval(this.#heartbeat);
    await this.#sweeping;
    await Promise.allSettled([...this.#inFlight]);
    await this.#flushDeletes();
    this.#subscriber?.disconnect();
    this.#subscriber = null;
    this.#publisher.disconnect();
  }

  /**
   * Publishes rows in order; each one published is deleted, the others wait for a sweep.
   * Answers how many were not published.
   */
  async #send(rows: readonly OutboxEvent[]): Promise<number> {
    const published = await Promise.allSettled(
      rows.map((row) => this.#publisher.publish(this.#channel, `${row.id}\n${row.event}`)),
    );
    let failed = 0;
    for (const [index, outcome] of published.entries()) {
      if (outcome.status === 'fulfilled') {
        this.#deleteSoon(rows[index]!.id);
      } else {
        failed++;
        this.#warn('live events: a publish failed; the outbox sweep sends it', outcome.reason as Error);
      }
    }
    if (failed > 0) this.counters?.publishFailed(failed);
    this.#reachable = failed === 0;
    return failed;
  }

  /** Publishes what was committed and not published in time (by any instance). */
  async #sweep(): Promise<void> {
    if (!this.#reachable) {
      this.#reachable = await this.#publisher.ping().then(
        () => true,
        () => false,
      );
      if (!this.#reachable) return;
    }
    for (;;) {
      const due = await claimDueOutboxEvents(this.db, SWEEP_BATCH, this.timing.publishAfterMs);
      if (due.length === 0) return;
      this.logger.info('live events: publishing outbox rows left unpublished', { events: due.length });
      const failed = await this.#send(due);
      if (failed < due.length) this.counters?.swept(due.length - failed);
      // Redis still away: the rest waits for the next sweep rather than being claimed in vain.
      if (failed > 0 || due.length < SWEEP_BATCH || this.#stopped) return;
    }
  }

  /** Reconnects the subscriber (then `ready` reports the gap) if it does not answer a ping in time. */
  #checkSubscriber(subscriber: Redis): void {
    if (subscriber.status !== 'ready') return;
    let answered = false;
    const timer = setTimeout(() => {
      if (answered || this.#stopped || this.#subscriber !== subscriber) return;
      this.logger.warn('live events: the redis subscriber stopped answering; reconnecting');
      subscriber.disconnect(true);
    }, HEARTBEAT_TIMEOUT_MS);
    subscriber
      .ping()
      .catch(() => {})
      .finally(() => {
        answered = true;
        clearTimeout(timer);
      });
  }

  #hear(message: string, sink: EventSink): void {
    const split = message.indexOf('\n');
    const id = Number(message.slice(0, split));
    if (split < 0 || !Number.isSafeInteger(id)) {
      this.logger.warn('ignored a malformed event message', { channel: this.#channel });
      return;
    }
    if (this.#heard.has(id)) return;
    const oldest = this.#heardOrder[this.#heardNext];
    if (oldest !== undefined) this.#heard.delete(oldest);
    this.#heardOrder[this.#heardNext] = id;
    this.#heardNext = (this.#heardNext + 1) % REMEMBERED_IDS;
    this.#heard.add(id);
    let event: DomainEvent;
    try {
      event = JSON.parse(message.slice(split + 1)) as DomainEvent;
    } catch {
      this.logger.warn('ignored a malformed event message', { channel: this.#channel });
      return;
    }
    sink.onEvent(event);
  }

  #deleteSoon(id?: number): void {
    if (id !== undefined) this.#toDelete.push(id);
    this.#deleteTimer ??= setTimeout(() => {
      this.#deleteTimer = null;
      void this.#track(this.#flushDeletes());
    }, DELETE_DELAY_MS);
  }

  async #flushDeletes(): Promise<void> {
    if (this.#deleteTimer) clearTimeout(this.#deleteTimer);
    this.#deleteTimer = null;
    const ids = this.#toDelete;
    this.#toDelete = [];
    try {
      await deleteFromOutbox(this.db, ids);
    } catch (error) {
      this.#warn('live events: could not delete published outbox rows', error as Error);
      // Tried again with the next ones (a busy pool passes); rows left long enough are swept and
      // published again, and listeners drop the repeat.
      if (!this.#stopped && this.#toDelete.length + ids.length <= MAX_PENDING_DELETES) {
        this.#toDelete.push(...ids);
        this.#deleteSoon();
      }
    }
  }

  #track(work: Promise<unknown>): void {
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
  }

  #warn(message: string, error: Error): void {
    const now = Date.now();
    if (now - this.#lastWarning < WARN_EVERY_MS) return;
    this.#lastWarning = now;
    this.logger.warn(message, { error: error.message });
  }
}
