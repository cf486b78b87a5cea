import type pg from 'pg';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle, QueryObserver } from '../db/connect.js';
import { LabelledHistogram } from './histogram.js';

/**
 * Process metrics (CPU, memory, event-loop lag, GC) are one set per process: they are
 * collected once, on a registry of their own, and merged into every app's scrape (tests run
 * many apps in one process).
 */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Statements are far shorter than requests: the buckets start at half a millisecond. */
const STATEMENT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

const STATEMENT_KINDS = new Set(['select', 'insert', 'update', 'delete']);

/**
 * The `statement` label of a SQL statement: its leading keyword when that is select, insert,
 * update or delete, else `other` (transaction control, `with`, DDL), so the label stays bounded.
 */
function statementKind(sql: string): string {
  const keyword = /^[\s(]*([A-Za-z]+)/.exec(sql)?.[1]?.toLowerCase();
  return keyword && STATEMENT_KINDS.has(keyword) ? keyword : 'other';
}

/**
 * The app's Prometheus metrics on a registry of its own (never prom-client's global one), in
 * the text format at `GET /metrics`.
 */
export class Metrics {
  readonly registry = new Registry();

  /**
   * `knownOperations`: the operation names that get a label of their own (by default those of
   * the documents the repository ships, see src/app/known-operations.ts).
   */
  constructor(private readonly knownOperations: ReadonlySet<string>) {}

  readonly httpDuration = new LabelledHistogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests until the response headers, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlDuration = new LabelledHistogram({
    name: 'graphql_operation_duration_seconds',
    help: 'Execution of GraphQL queries and mutations (REST calls run as named operations too)',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'errors_total',
    help: 'Errors answered, by code: REST `code`s (source="rest") and GraphQL `extensions.code`s (source="graphql")',
    labelNames: ['source', 'code'] as const,
    registers: [this.registry],
  });

  #openWebSockets: () => number = () => 0;
  readonly openWebSockets = (() => {
    const read = () => this.#openWebSockets();
    return new Gauge({
      name: 'websockets_open',
      help: 'WebSockets open on this instance',
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  })();

  readonly activeSubscriptions = new Gauge({
    name: 'subscriptions_active',
    help: 'Subscriptions (WebSocket and SSE) running on this instance',
    registers: [this.registry],
  });

  readonly eventsPublished = new Counter({
    name: 'notifications_published_total',
    help: 'Live events published by this instance (queued in a writing transaction)',
    registers: [this.registry],
  });

  readonly outboxSwept = new Counter({
    name: 'live_outbox_swept_total',
    help: 'Live events this instance published from the outbox sweep (LIVE_TRANSPORT=redis): their first publish after the commit was lost',
    registers: [this.registry],
  });

  readonly publishFailures = new Counter({
    name: 'live_publish_failures_total',
    help: 'Redis publishes of live events that failed on this instance (LIVE_TRANSPORT=redis); the outbox sweep sends them',
    registers: [this.registry],
  });

  readonly messagesDelivered = new Counter({
    name: 'notifications_delivered_total',
    help: 'Subscription messages sent to subscribers of this instance',
    registers: [this.registry],
  });

  readonly queryDuration = new LabelledHistogram({
    name: 'db_query_duration_seconds',
    help: 'SQL statements, from sending each to its result: waiting for a pooled connection (PostgreSQL) or for the single session (PGlite) is not counted',
    labelNames: ['driver', 'statement', 'outcome'] as const,
    buckets: STATEMENT_BUCKETS,
    registers: [this.registry],
  });

  readonly deliveryLag = new Histogram({
    name: 'notification_delivery_lag_seconds',
    help: 'From publishing a live event (in its transaction) to its fan-out to subscribers on this instance',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  /** The open-WebSockets gauge reads `count` at scrape time. */
  watchWebSockets(count: () => number): void {
    this.#openWebSockets = count;
  }

  /** Pool gauges, read at scrape time (PostgreSQL only; embedded PGlite has no pool). */
  watchPool(pool: pg.Pool): void {
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          this.set(read());
        },
      });
    gauge('db_pool_connections_total', 'Connections the database pool holds', () => pool.totalCount);
    gauge('db_pool_connections_idle', 'Idle connections in the database pool', () => pool.idleCount);
    gauge('db_pool_waiting_requests', 'Queries waiting for a pooled connection', () => pool.waitingCount);
  }

  /**
   * Times every statement run on `database` (whichever app sharing it runs them) until the
   * returned function is called.
   */
  watchQueries(database: DatabaseHandle): () => void {
    const driver = database.kind;
    const observer: QueryObserver = ({ sql, durationMs, failed }) => {
      const labels = { driver, statement: statementKind(sql), outcome: failed ? 'error' : 'ok' };
      this.queryDuration.observe(labels, durationMs / 1000);
    };
    return database.observeQueries(observer);
  }

  /**
   * The `operation_name` label: the name of an operation the gateway knows, `anonymous` without
   * a name, and `other` for every other name. Clients choose names freely: admitting the first
   * ones seen would let anyone fill the label set with junk (and push the real operations into
   * `other`) or grow the scrape without end.
   */
  operationLabel(name: string | undefined | null): string {
    if (!name) return 'anonymous';
    return this.knownOperations.has(name) ? name : 'other';
  }

  /** The scrape: this app's metrics and the process's. */
  async response(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([this.registry, processMetrics()]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}
