import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGateway, type Gateway } from '../graphql/yoga.js';
import { secretKey, TokenVerifier } from '../platform/auth/jwt.js';
import type { Config } from '../platform/config.js';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../platform/db/availability.js';
import { connectDatabase, type DatabaseHandle, pingDatabase } from '../platform/db/connect.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { limitsFrom } from '../platform/deps.js';
import { EventHub } from '../platform/events/hub.js';
import { notifyTransportFor } from '../platform/events/pg-notify.js';
import type { EventTransport } from '../platform/events/transport.js';
import { databaseUnavailable, errorResponse, Response } from '../platform/http/errors.js';
import type { Logger } from '../platform/logger.js';
import { observeTransport } from '../platform/observability/events.js';
import { Metrics } from '../platform/observability/metrics.js';
import { requestFields } from '../platform/observability/request-context.js';
import { loadPublicIds } from '../platform/public-ids.js';
import { ReadBudget } from '../platform/reads/read-budget.js';
import { createDocsHandler, DOCS_PATH } from '../rest/docs.js';
import { createRestHandler } from '../rest/handler.js';
import { webSocketLog } from '../ws/log.js';
import { attachWebSockets } from '../ws/server.js';
import { CorsPolicy } from './cors.js';
import { answerClientErrors, httpServerOptions } from './http-limits.js';
import { createRequestListener } from './http-listener.js';
import { shippedOperationNames } from './known-operations.js';
import { type Maintenance, startMaintenance } from './maintenance.js';
import { observeRequests } from './observe-http.js';

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
  /** Request expiry and notification retention; `sweep()` runs one pass now. */
  maintenance: Maintenance;
  /** The fetch-style handler behind the server, for calls without a socket. */
  fetch: (request: Request) => Promise<Response>;
  /** Listens on the configured host and port (0 picks a free port); resolves to the base URL. */
  start(): Promise<string>;
  /** Stops accepting connections, lets in-flight requests finish, closes what the app opened. */
  stop(): Promise<void>;
}

/**
 * Wires the gateway together: database (migrated to the latest schema), GraphQL at /graphql
 * (HTTP, SSE and WebSocket), the /v1 REST shim and health checks, on one HTTP server. Throws if the database cannot be
 * opened or migrated.
 */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config, logger } = options;
  const ownsDatabase = !options.database;
  const database =
    options.database ??
    (await connectDatabase({
      databaseUrl: config.databaseUrl,
      pgliteDir: config.pgliteDir,
      poolMax: config.databasePoolMax,
      onQuery: options.onQuery,
    }));
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) logger.info('applied migrations', { migrations: applied });
  const ids = await loadPublicIds(database.db);

  // Live events: published by NOTIFY in each writing transaction, heard on one dedicated
  // connection, fanned out in memory to this instance's subscribers.
  // Prometheus metrics (GET /metrics), unless METRICS_ENABLED=false.
  const metrics = config.metricsEnabled ? new Metrics(shippedOperationNames()) : undefined;
  if (metrics && database.pool) metrics.watchPool(database.pool);
  // The handle may be shared with other apps (tests): this app stops timing its statements at stop().
  const unwatchQueries = metrics?.watchQueries(database);
  const baseTransport = options.transport ?? notifyTransportFor(database, logger);
  const transport = metrics ? observeTransport(baseTransport, metrics) : baseTransport;
  const hub = new EventHub();
  await transport.start(hub);

  const tokens = new TokenVerifier(secretKey(config.jwtSecret), config.tokens);
  const gateway = createGateway({
    db: database.db,
    ids,
    events: transport,
    limits: limitsFrom(config, database.db),
    hub,
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
  // Every request gets its id (`x-request-id`), one log line and its metrics here (see
  // app/observe-http.ts); the id reaches deeper log lines and GraphQL errors through an
  // AsyncLocalStorage (platform/observability/request-context.ts).
  const fetch = observeRequests(
    async (request: Request): Promise<Response> => {
      // Browsers ask before calling from another origin: answered here, the same for every path.
      if (CorsPolicy.isPreflight(request)) return cors.preflight(request);
      return cors.decorate(request, await route(request));
    },
    { logger, metrics },
  );
  const route = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    try {
      if (pathname === '/v1' || pathname.startsWith('/v1/')) return await rest(request);
      if (pathname === DOCS_PATH || pathname.startsWith(`${DOCS_PATH}/`)) return await docs(request);
      // Liveness: the process answers. A database outage is not a reason to restart it.
      if (pathname === '/healthz') return Response.json({ status: 'ok' });
      // Readiness: whether this instance should be sent traffic now.
      if (pathname === '/readyz') {
        const databaseUp = await pingDatabase(database.db);
        const ready = databaseUp && !stopping;
        return Response.json(
          { status: ready ? 'ready' : stopping ? 'stopping' : 'unavailable', database: databaseUp ? 'up' : 'down' },
          {
            status: ready ? 200 : 503,
            ...(!ready && { headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) } }),
          },
        );
      }
      if (pathname === '/graphql') return await gateway.fetch(request);
      if (pathname === '/metrics' && metrics && request.method === 'GET') {
        const { contentType, body } = await metrics.response();
        return new Response(body, { headers: { 'content-type': contentType } });
      }
      return errorResponse('ROUTE_NOT_FOUND', `No route for ${request.method} ${pathname}`);
    } catch (error) {
      // A client that hung up mid-request aborts it; there is no one left to answer.
      if (request.signal.aborted) {
        logger.debug('client went away', { ...requestFields(request), path: pathname });
        return errorResponse('INTERNAL_SERVER_ERROR', 'Request aborted.');
      }
      if (isDatabaseUnavailable(error)) {
        logger.warn('database unavailable', { ...requestFields(request), path: pathname, error: String(error) });
        return databaseUnavailable();
      }
      logger.error('unhandled error', {
        ...requestFields(request),
        path: pathname,
        error: error instanceof Error ? error.stack : String(error),
      });
      return errorResponse('INTERNAL_SERVER_ERROR', 'Unexpected error.');
    }
  };

  const server = createServer(httpServerOptions(config), createRequestListener(fetch, config));
  answerClientErrors(server, config);
  const sockets = attachWebSockets(server, gateway, tokens, logger, {
    keepAliveMs: config.wsKeepAliveMs,
    maxSockets: config.maxWebSockets,
    maxSubscriptionsPerSocket: config.maxSubscriptionsPerSocket,
    maxUnauthenticatedSockets: config.maxUnauthenticatedWebSockets,
    connectionInitTimeoutMs: config.wsConnectionInitTimeoutMs,
    socketCaps: {
      perUser: config.maxWebSocketsPerUser,
      perToken: config.maxWebSocketsPerToken,
      perService: config.maxWebSocketsPerService,
    },
    messageRate: { perSecond: config.wsMaxMessagesPerSecond, burst: config.wsMessageBurst },
    cors,
    observer: webSocketLog(logger),
  });
  metrics?.watchWebSockets(() => sockets.wss.clients.size);

  return {
    server,
    gateway,
    database,
    hub,
    maintenance,
    fetch,
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          const { port } = server.address() as AddressInfo;
          const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          resolve(`http://${host}:${port}`);
        });
      }),
    async stop() {
      stopping = true;
      // Stop accepting, close sockets with 1001, let in-flight HTTP requests finish within the
      // grace period, then cut what is left (long-lived SSE streams).
      const closed = new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
      });
      let deadline: NodeJS.Timeout | undefined;
      const graceOver = new Promise<void>((resolve) => {
        deadline = setTimeout(resolve, config.shutdownGraceMs);
      });
      server.closeIdleConnections();
      // A client that stopped reading never completes the close handshake: drop it at the deadline.
      await Promise.race([sockets.close(), graceOver]);
      sockets.terminate();
      await Promise.race([closed, graceOver]);
      clearTimeout(deadline);
      server.closeAllConnections();
      await closed;
      await maintenance.stop();
      await transport.stop();
      unwatchQueries?.();
      if (ownsDatabase) await database.db.destroy();
    },
  };
}
