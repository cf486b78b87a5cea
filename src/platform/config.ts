import { isLogLevel, type LogLevel } from './logger.js';

/**
 * Configuration from environment variables, validated once at start. Every bad value is
 * reported together, one line each, so a deployment is fixed in one go.
 */
export interface Config {
  env: 'production' | 'development' | 'test';
  host: string;
  port: number;
  /** PostgreSQL server; undefined selects embedded PGlite. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  databasePoolMax: number;
  /** Hot statements go to PostgreSQL as named (prepared) ones (platform/db/prepared-statements.ts). */
  databasePreparedStatements: boolean;
  jwtSecret: string;
  /** True when no JWT_SECRET was given and the development secret is in use. */
  jwtSecretIsDevelopmentDefault: boolean;
  /** What a token must satisfy besides its signature: lifetime, audience, issuer. */
  tokens: TokenPolicy;
  graphiql: boolean;
  logLevel: LogLevel;
  /** How long a subscription waits for its client to take the next event before dropping it. */
  subscriptionStallMs: number;
  /** WebSocket ping interval; a socket silent for a whole interval after a ping is dropped. */
  wsKeepAliveMs: number;
  /** How long shutdown waits for in-flight HTTP requests before cutting connections. */
  shutdownGraceMs: number;
  /** Write and subscribe budgets per fixed window, shared by all instances; 0 turns one off. */
  rateLimits: RateLimits;
  /** Most pending requests a user may have sent and not yet had answered; 0 for no limit. */
  maxPendingOutgoingRequests: number;
  /** Most connections a user may have; 0 for no limit. */
  maxConnectionsPerUser: number;
  /** How long a POST's Idempotency-Key remembers its first result. */
  idempotencyKeyTtlSeconds: number;
  /** How long after a decline its sender must wait to ask the same user again; 0 for no wait. */
  declineCooldownSeconds: number;
  /** Pending requests older than this expire; 0 to keep them until answered. */
  requestExpirySeconds: number;
  /** Read notifications older than this many days are deleted; 0 to keep them. */
  notificationRetentionDays: number;
  /** Players met in a match are listed as recent players this many days; 0 to keep them (the last 200 still). */
  recentPlayersRetentionDays: number;
  /** How often this instance runs the expiry and retention sweeps. */
  maintenanceIntervalMs: number;
  /** Limits checked on every GraphQL document before it runs. */
  graphqlLimits: GraphQLLimits;
  heavyReads: HeavyReadSettings;
  /** Schema introspection (off in production unless enabled). */
  introspection: boolean;
  /** A query or mutation, or a subscription's event selection, is compiled (graphql-jit) at this use of its document; 0: never. */
  graphqlCompileAfter: number;
  /** Origins browsers may call from; '*' for any, empty for same-origin only. */
  corsOrigins: string[];
  /** Most open WebSockets on this instance, and subscriptions on one of them. */
  maxWebSockets: number;
  maxSubscriptionsPerSocket: number;
  /** Most sockets on this instance not yet authenticated by `connection_init`, and how long one may wait. */
  maxUnauthenticatedWebSockets: number;
  wsConnectionInitTimeoutMs: number;
  /** Most sockets on this instance per user, per user token, and per service (a service token's subject). */
  maxWebSocketsPerUser: number;
  maxWebSocketsPerToken: number;
  maxWebSocketsPerService: number;
  /** Frames (messages, pings, pongs) one socket may send: per second on average, and at once. */
  wsMaxMessagesPerSecond: number;
  wsMessageBurst: number;
  /** Request line and header limits; larger requests are refused before they are routed. */
  maxHeaderBytes: number;
  maxUrlLength: number;
  /** A client must send its headers within the first, and the whole request within the second. */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** Serve Prometheus metrics at GET /metrics (no token: keep the path private at the proxy). */
  metricsEnabled: boolean;
  presence: PresenceConfig;
  /** Redis, for presence across instances at scale; unset: no Redis. */
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel this gateway uses (several deployments may share one Redis). */
  redisKeyPrefix: string;
  /**
   * How live events travel between instances: `postgres` (NOTIFY in the writing transaction, the
   * default) or `redis` (an outbox row in the transaction, PUBLISH after the commit; needs REDIS_URL).
   */
  liveTransport: 'postgres' | 'redis';
}

/** Where presence lives and how fast it moves (src/modules/presence). */
export interface PresenceConfig {
  /**
   * `memory`: this instance only (the default with embedded PGlite); `postgres`: shared by
   * instances through the database (the default with DATABASE_URL); `redis`: in Redis (the
   * default with REDIS_URL).
   */
  store: 'memory' | 'postgres' | 'redis';
  /** How long a user stays as it was after its last socket closed, so a reconnect does not flap. */
  graceSeconds: number;
  /** How often each instance renews its lease; a dead instance's users go offline within grace plus this. */
  heartbeatSeconds: number;
}

export interface RateLimits {
  windowSeconds: number;
  /** Writes of any kind by one user. */
  userWrites: number;
  /** Connection requests sent by one user (the spam vector), counted within `userWrites` too. */
  userSends: number;
  /**
   * Friend codes one user may name that belong to no one, per window: guessing codes must not
   * pay (a code that names someone is given back).
   */
  userFriendCodeMisses: number;
  /**
   * Writes by all users of one tenant together. Only a call within its user's budgets draws on
   * it, and it must be at least `USERS_TO_EXHAUST_TENANT_WRITES` times `userWrites`: it takes that
   * many users writing flat out to use it up, never one user or a handful.
   */
  tenantWrites: number;
  /**
   * Writes by one tenant's service tokens (its game backend), acting as any user: a budget of
   * their own, so that no user can use up what the backend needs.
   */
  serviceWrites: number;
  /** WebSocket subscriptions started by one user. */
  userSubscribes: number;
  /**
   * Cost units (GRAPHQL_MAX_COST's) one user's queries may spend per window, on each instance;
   * REST reads count as the operations behind them.
   */
  userReadCost: number;
}

/** Turns for the heavy reads (suggestions, mutual-connection lists) on this instance. */
export interface HeavyReadSettings {
  perUser: number;
  waitingPerUser: number;
  perInstance: number;
}

/** The claims rules every token is held to (src/platform/auth/jwt.ts). */
export interface TokenPolicy {
  /** Longest a user token may be valid: `exp` minus `iat` (minus now without `iat`). */
  maxLifetimeSeconds: number;
  /** The same for service tokens (a game backend's). */
  serviceMaxLifetimeSeconds: number;
  /** When set, every token's `aud` must name it; unset, `aud` is not checked. */
  audience: string | undefined;
  /** When set, every token's `iss` must be it; unset, `iss` is not checked. */
  issuer: string | undefined;
}

/** A day, in seconds: the longest a token may be valid unless JWT_*MAX_LIFETIME_SECONDS say otherwise. */
export const DEFAULT_TOKEN_LIFETIME = 86_400;

export interface GraphQLLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  /** Operations in one batched HTTP request. */
  maxBatch: number;
}

/** Used only outside production, and announced loudly at start. */
export const DEVELOPMENT_JWT_SECRET = 'development-secret-do-not-use-in-production';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const nodeEnv = env.NODE_ENV ?? 'development';
  if (!['production', 'development', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be production, development or test (got '${nodeEnv}')`);
  }
  const production = nodeEnv === 'production';

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got '${raw}')`);
      return fallback;
    }
    return value;
  };

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be 'true' or 'false' (got '${raw}')`);
    return raw === 'true';
  };

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  const jwtSecretIsDevelopmentDefault = jwtSecret === '';
  if (jwtSecretIsDevelopmentDefault) {
    if (production) problems.push('JWT_SECRET is required when NODE_ENV=production');
    jwtSecret = DEVELOPMENT_JWT_SECRET;
  } else if (production && jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters in production');
  }

  const databasePoolMax = integer('DATABASE_POOL_MAX', 10, 1, 1000);
  const config: Config = {
    env: nodeEnv as Config['env'],
    host: env.HOST || '0.0.0.0',
    port: integer('PORT', 4000, 0, 65535),
    databaseUrl,
    pgliteDir: env.PGLITE_DIR || './data',
    databasePoolMax,
    databasePreparedStatements: boolean('DATABASE_PREPARED_STATEMENTS', true),
    jwtSecret,
    jwtSecretIsDevelopmentDefault,
    tokens: {
      maxLifetimeSeconds: integer('JWT_MAX_LIFETIME_SECONDS', DEFAULT_TOKEN_LIFETIME, 60, 31_536_000),
      serviceMaxLifetimeSeconds: integer('JWT_SERVICE_MAX_LIFETIME_SECONDS', DEFAULT_TOKEN_LIFETIME, 60, 31_536_000),
      audience: env.JWT_AUDIENCE || undefined,
      issuer: env.JWT_ISSUER || undefined,
    },
    graphiql: boolean('GRAPHIQL', !production),
    logLevel: 'info',
    subscriptionStallMs: integer('SUBSCRIPTION_STALL_MS', 30_000, 100, 3_600_000),
    wsKeepAliveMs: integer('WS_KEEPALIVE_MS', 12_000, 1_000, 600_000),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    rateLimits: {
      windowSeconds: integer('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400),
      userWrites: integer('RATE_LIMIT_USER_WRITES', 120, 0, 1_000_000),
      userSends: integer('RATE_LIMIT_USER_SENDS', 30, 0, 1_000_000),
      userFriendCodeMisses: integer('RATE_LIMIT_USER_FRIEND_CODE_MISSES', 5, 0, 1_000),
      tenantWrites: integer('RATE_LIMIT_TENANT_WRITES', 20_000, 0, 100_000_000),
      serviceWrites: integer('RATE_LIMIT_SERVICE_WRITES', 20_000, 0, 100_000_000),
      userSubscribes: integer('RATE_LIMIT_USER_SUBSCRIBES', 60, 0, 1_000_000),
      userReadCost: integer('RATE_LIMIT_USER_READ_COST', 20_000, 0, 1_000_000_000),
    },
    maxPendingOutgoingRequests: integer('MAX_PENDING_OUTGOING_REQUESTS', 200, 0, 1_000_000),
    maxConnectionsPerUser: integer('MAX_CONNECTIONS_PER_USER', 10_000, 0, 10_000_000),
    idempotencyKeyTtlSeconds: integer('IDEMPOTENCY_KEY_TTL_SECONDS', 86_400, 60, 30 * 86_400),
    declineCooldownSeconds: integer('DECLINE_COOLDOWN_SECONDS', 0, 0, 365 * 86_400),
    requestExpirySeconds: integer('REQUEST_EXPIRY_SECONDS', 0, 0, 3650 * 86_400),
    notificationRetentionDays: integer('NOTIFICATION_RETENTION_DAYS', 90, 0, 36_500),
    recentPlayersRetentionDays: integer('RECENT_PLAYERS_RETENTION_DAYS', 30, 0, 36_500),
    maintenanceIntervalMs: integer('MAINTENANCE_INTERVAL_MS', 60_000, 100, 86_400_000),
    graphqlLimits: {
      // The schema's own fields nest 5 deep at most; introspection, counted too, nests without
      // end, and graphql-js's introspection query (GraphiQL's, codegen's) is 15 deep.
      maxDepth: integer('GRAPHQL_MAX_DEPTH', 15, 1, 1000),
      maxAliases: integer('GRAPHQL_MAX_ALIASES', 15, 0, 1000),
      maxTokens: integer('GRAPHQL_MAX_TOKENS', 2000, 10, 1_000_000),
      maxDirectives: integer('GRAPHQL_MAX_DIRECTIVES', 20, 0, 1000),
      // Units of graphql/operation-cost.ts: the costliest operation the gateway ships (a page of
      // 50 with mutual counts) costs about 300, a page of suggestions about 130.
      maxCost: integer('GRAPHQL_MAX_COST', 1000, 1, 10_000_000),
      maxBatch: integer('GRAPHQL_MAX_BATCH', 10, 1, 1000),
    },
    heavyReads: {
      perUser: integer('HEAVY_READS_PER_USER', 2, 1, 1000),
      waitingPerUser: integer('HEAVY_READS_WAITING_PER_USER', 4, 0, 1000),
      // Half the pool: the other half stays free for everyone's light reads and writes.
      perInstance: integer('HEAVY_READS_PER_INSTANCE', Math.max(1, Math.floor(databasePoolMax / 2)), 1, 1000),
    },
    introspection: boolean('GRAPHQL_INTROSPECTION', !production),
    graphqlCompileAfter: integer('GRAPHQL_COMPILE_AFTER', 2, 0, 1_000_000),
    corsOrigins: (env.CORS_ORIGINS ?? (production ? '' : '*'))
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    maxWebSockets: integer('MAX_WEBSOCKETS', 20_000, 1, 1_000_000),
    maxSubscriptionsPerSocket: integer('MAX_SUBSCRIPTIONS_PER_SOCKET', 20, 1, 10_000),
    maxUnauthenticatedWebSockets: integer('MAX_UNAUTHENTICATED_WEBSOCKETS', 500, 1, 1_000_000),
    wsConnectionInitTimeoutMs: integer('WS_CONNECTION_INIT_TIMEOUT_MS', 3_000, 100, 60_000),
    maxWebSocketsPerUser: integer('MAX_WEBSOCKETS_PER_USER', 10, 1, 1_000_000),
    maxWebSocketsPerToken: integer('MAX_WEBSOCKETS_PER_TOKEN', 5, 1, 1_000_000),
    maxWebSocketsPerService: integer('MAX_WEBSOCKETS_PER_SERVICE', 1_000, 1, 1_000_000),
    wsMaxMessagesPerSecond: integer('WS_MAX_MESSAGES_PER_SECOND', 20, 1, 100_000),
    wsMessageBurst: integer('WS_MESSAGE_BURST', 100, 1, 1_000_000),
    maxHeaderBytes: integer('MAX_HEADER_BYTES', 16_384, 1024, 1_048_576),
    maxUrlLength: integer('MAX_URL_LENGTH', 4096, 256, 1_048_576),
    headersTimeoutMs: integer('HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
    metricsEnabled: boolean('METRICS_ENABLED', true),
    presence: {
      store: env.REDIS_URL ? 'redis' : databaseUrl ? 'postgres' : 'memory',
      graceSeconds: integer('PRESENCE_GRACE_SECONDS', 30, 0, 3600),
      heartbeatSeconds: integer('PRESENCE_HEARTBEAT_SECONDS', 5, 1, 300),
    },
    redisUrl: env.REDIS_URL || undefined,
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'uc:',
    liveTransport: 'postgres',
  };
  const presenceStore = env.PRESENCE_STORE || config.presence.store;
  if (presenceStore !== 'memory' && presenceStore !== 'postgres' && presenceStore !== 'redis') {
    problems.push(`PRESENCE_STORE must be memory, postgres or redis (got '${presenceStore}')`);
  } else {
    config.presence.store = presenceStore;
  }
  if (config.redisUrl && !/^rediss?:\/\//.test(config.redisUrl)) {
    problems.push('REDIS_URL must start with redis:// or rediss://');
  }
  if (config.presence.store === 'redis' && !config.redisUrl) problems.push('PRESENCE_STORE=redis needs REDIS_URL');
  const liveTransport = env.LIVE_TRANSPORT || config.liveTransport;
  if (liveTransport !== 'postgres' && liveTransport !== 'redis') {
    problems.push(`LIVE_TRANSPORT must be postgres or redis (got '${liveTransport}')`);
  } else {
    config.liveTransport = liveTransport;
  }
  if (config.liveTransport === 'redis' && !config.redisUrl) problems.push('LIVE_TRANSPORT=redis needs REDIS_URL');
  for (const origin of config.corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      problems.push(`CORS_ORIGINS must be '*' or comma-separated origins like https://game.example (got '${origin}')`);
    }
  }
  const logLevel = env.LOG_LEVEL || 'info';
  if (isLogLevel(logLevel)) config.logLevel = logLevel;
  else problems.push(`LOG_LEVEL must be debug, info, warn, error or silent (got '${logLevel}')`);
  const tenantShareProblem = tenantWritesProblem(config.rateLimits);
  if (tenantShareProblem) problems.push(tenantShareProblem);
  const { userReadCost } = config.rateLimits;
  if (userReadCost > 0 && userReadCost < config.graphqlLimits.maxCost) {
    problems.push(
      `RATE_LIMIT_USER_READ_COST must be 0 or at least GRAPHQL_MAX_COST, or a query the limit allows could never be read (got ${userReadCost} and ${config.graphqlLimits.maxCost})`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * How many users writing at their full budget it must take to use up their tenant's write
 * budget. A tenant budget one user (or a handful) could use up would hand each of them a way to
 * stop every other user's writes; with the defaults (120 and 20000) it takes 167 users.
 */
export const USERS_TO_EXHAUST_TENANT_WRITES = 20;

/** Why the tenant write budget does not protect the tenant from its users, if it does not. */
function tenantWritesProblem({ userWrites, tenantWrites }: RateLimits): string | undefined {
  if (tenantWrites === 0 || (userWrites > 0 && userWrites * USERS_TO_EXHAUST_TENANT_WRITES <= tenantWrites)) {
    return undefined;
  }
  return (
    `RATE_LIMIT_TENANT_WRITES must be at least ${USERS_TO_EXHAUST_TENANT_WRITES} times RATE_LIMIT_USER_WRITES ` +
    `(which must not be 0 while a tenant budget is set), so that no handful of users can use it up ` +
    `(got ${tenantWrites} and ${userWrites})`
  );
}
