import { createServer, type Server } from 'node:http';
import { createGateway, type Gateway } from '../graphql/yoga.js';
import type { PresenceEngine } from '../modules/presence/presence.engine.js';
import { secretKey, TokenVerifier } from '../platform/auth/jwt.js';
import type { Config } from '../platform/config.js';
import { connectDatabase, type DatabaseHandle } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { limitsFrom } from '../platform/deps.js';
import { EventHub } from '../platform/events/hub.js';
import { notifyTransportFor } from '../platform/events/pg-notify.js';
import { RedisEventTransport } from '../platform/events/redis-transport.js';
import type { EventTransport } from '../platform/events/transport.js';
import type { Response } from '../platform/http/errors.js';
import type { Logger } from '../platform/logger.js';
import { observeTransport } from '../platform/observability/events.js';
import { Metrics } from '../platform/observability/metrics.js';
import { loadPublicIds } from '../platform/public-ids.js';
import { ReadBudget } from '../platform/reads/read-budget.js';
import { PostgresRateCounter } from '../platform/writes/rate-counters.js';
import { RedisRateCounter } from '../platform/writes/redis-rate-counter.js';
import { createDocsHandler, DOCS_PATH } from '../rest/docs.js';
import { createRestHandler } from '../rest/handler.js';
import { attachWebSockets } from '../ws/server.js';
import { CorsPolicy } from './cors.js';
import { dispatch } from './dispatch.js';
import { createGraphQLPost } from './graphql-post.js';
import { answerClientErrors, httpServerOptions } from './http-limits.js';
import { createRequestListener } from './http-listener.js';
import { shippedOperationNames } from './known-operations.js';
import { listen, shutdown } from './lifecycle.js';
import { type Maintenance, startMaintenance } from './maintenance.js';
import { observeRequests } from './observe-http.js';
import { createPresence } from './presence.js';
import { health, readiness, scrape } from './probes.js';
import { createRestDirect } from './rest-direct.js';
import { webSocketPolicies } from './websockets.js';

export interface AppOptions {
  config: Config;
  logger: Logger;
  /** An already open database to use instead of the configured one; the app will not close it. */
  database?: DatabaseHandle;
  /** Called with every SQL statement the app executes (query counting in tests, metrics). */
  onQuery?: (sql: string) => void;
  /** How live events travel between instances; NOTIFY on the app's database by default. */
  transport?: EventTransport;
}

export interface App {
  server: Server;
  gateway: Gateway;
  database: DatabaseHandle;
  /** This instance's live subscribers, by user (for probes: how many are subscribed). */
  hub: EventHub;
  /** Who is online (tests reach in to sweep at once). */
  presence: PresenceEngine;
  /** Request expiry and notification retention; `sweep()` runs one pass now. */
  maintenance: Maintenance;
  /** The fetch-style handler behind the server, for calls without a socket. */
  fetch: (request: Request) => Promise<Response>;
  /** Listens on the configured host and port (0 picks a free port); resolves to the base URL. */
  start(): Promise<string>;
  /** Stops accepting connections, lets in-flight requests finish, closes what the app opened. */
  stop(): Promise<void>;
}

/** The configured database: PostgreSQL at DATABASE_URL, else embedded PGlite. */
function openDatabase(config: Config, onQuery: AppOptions['onQuery']): Promise<DatabaseHandle> {
  return connectDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    poolMax: config.databasePoolMax,
    preparedStatements: config.databasePreparedStatements,
    onQuery,
  });
}

/**
 * Wires the gateway together: database (migrated to the latest schema), GraphQL at /graphql
 * (HTTP, SSE and WebSocket), the /v1 REST shim, docs, probes and metrics, on one HTTP server.
 * Only wiring: each piece is built where it is defined. Throws if the database cannot be
 * opened or migrated.
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const ownsDatabase = !options.database;
  const database = options.database ?? (await openDatabase(config, options.onQuery));
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info('applied migrations', { migrations: applied });
  const ids = await loadPublicIds(database.db);

  // Prometheus metrics (GET /metrics), unless METRICS_ENABLED=false. The handle may be shared
  // with other apps (tests): this app stops timing its statements at stop().
  const metrics = config.metricsEnabled ? new Metrics(shippedOperationNames()) : undefined;
  if (metrics && database.pool) metrics.watchPool(database.pool);
  const unwatchQueries = metrics?.watchQueries(database);
  // Live events: published by NOTIFY in each writing transaction and heard on one dedicated
  // connection, or (LIVE_TRANSPORT=redis) written to an outbox in the transaction and published
  // through Redis after the commit; fanned out in memory to this instance's subscribers.
  const baseTransport =
    options.transport ??
    (config.liveTransport === 'redis'
      ? new RedisEventTransport(
          database.db,
          config.redisUrl as string,
          config.redisKeyPrefix,
          logger,
          undefined,
          metrics && {
            swept: (count) => metrics.outboxSwept.inc(count),
            publishFailed: (count) => metrics.publishFailures.inc(count),
          },
        )
      : notifyTransportFor(database, logger));
  const transport = metrics ? observeTransport(baseTransport, metrics) : baseTransport;
  const hub = new EventHub();
  await transport.start(hub);
  // Who is online: sessions opened by sockets and SSE streams, changes fanned out to watchers.
  const presence = createPresence(config, { db: database.db, events: transport, hub }, logger);
  await presence.start();

  // Rate budgets: counted in Redis with REDIS_URL (one round trip per write, and PostgreSQL
  // while Redis is away), else in PostgreSQL.
  const databaseCounter = new PostgresRateCounter(database.db);
  const redisCounter = config.redisUrl
    ? new RedisRateCounter(config.redisUrl, config.redisKeyPrefix, databaseCounter, logger)
    : undefined;
  await redisCounter?.start();

  const tokens = new TokenVerifier(secretKey(config.jwtSecret), config.tokens);
  const gateway = createGateway({
    db: database.db,
    ids,
    events: transport,
    limits: limitsFrom(config, redisCounter ?? databaseCounter),
    hub,
    presence,
    subscriptionStallMs: config.subscriptionStallMs,
    tokens,
    graphiql: config.graphiql,
    logger,
    graphqlLimits: config.graphqlLimits,
    readBudget: new ReadBudget({
      windowSeconds: config.rateLimits.windowSeconds,
      userCost: config.rateLimits.userReadCost,
    }),
    introspection: config.introspection,
    compileAfter: config.graphqlCompileAfter,
    production: config.env === 'production',
    metrics,
  });
  const rest = createRestHandler(gateway, tokens, logger);
  // The API reference page for /v1/openapi.json, from swagger-ui-dist's files.
  const docs = createDocsHandler();
  // Expiry of unanswered requests and retention of read notifications.
  const maintenance = startMaintenance({ db: database.db, events: transport }, config, logger);

  // Set once shutdown begins, so load balancers take this instance out before it closes.
  let stopping = false;
  const cors = new CorsPolicy(config.corsOrigins);
  const route = dispatch(
    [
      { path: '/v1', prefix: true, handle: rest },
      { path: DOCS_PATH, prefix: true, handle: docs },
      { path: '/healthz', handle: health },
      { path: '/readyz', handle: () => readiness(database.db, stopping) },
      { path: '/graphql', handle: (request) => gateway.fetch(request) },
      ...(metrics ? [{ path: '/metrics', method: 'GET', handle: () => scrape(metrics) }] : []),
    ],
    logger,
  );
  // Every request gets its id (`x-request-id`), one log line and its metrics here (see
  // app/observe-http.ts); CORS answers preflights and decorates every answer, for every path.
  const fetch = observeRequests(
    async (request: Request): Promise<Response> => {
      if (CorsPolicy.isPreflight(request)) return cors.preflight(request);
      return cors.decorate(request, await route(request));
    },
    { logger, metrics },
  );

  // POST /graphql as nearly every client sends it, and the /v1 REST paths, served without Fetch
  // objects (app/graphql-post.ts, app/rest-direct.ts).
  const graphqlPost = createGraphQLPost({ gateway, cors, logger, metrics });
  const restDirect = createRestDirect({ rest, cors, logger, metrics });
  const server = createServer(
    httpServerOptions(config),
    createRequestListener(fetch, {
      maxUrlLength: config.maxUrlLength,
      serveDirectly: (request, response, body) =>
        graphqlPost(request, response, body) || restDirect(request, response, body),
    }),
  );
  answerClientErrors(server, config);
  const sockets = attachWebSockets(server, gateway, tokens, {
    keepAliveMs: config.wsKeepAliveMs,
    connectionInitTimeoutMs: config.wsConnectionInitTimeoutMs,
    policies: webSocketPolicies(config, cors, presence, logger),
  });
  metrics?.watchWebSockets(() => sockets.wss.clients.size);

  return {
    server,
    gateway,
    database,
    hub,
    presence,
    maintenance,
    fetch,
    start: () => listen(server, config.host, config.port),
    async stop() {
      stopping = true;
      await shutdown({
        server,
        sockets,
        graceMs: config.shutdownGraceMs,
        release: [
          () => maintenance.stop(),
          () => presence.stop(),
          () => redisCounter?.stop(),
          () => transport.stop(),
          () => unwatchQueries?.(),
          () => (ownsDatabase ? database.db.destroy() : undefined),
        ],
      });
    },
  };
}
