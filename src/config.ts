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
  jwtSecret: string;
  /** True when no JWT_SECRET was given and the development secret is in use. */
  jwtSecretIsDevelopmentDefault: boolean;
  graphiql: boolean;
  logLevel: LogLevel;
  /** How long a subscription waits for its client to take the next event before dropping it. */
  subscriptionStallMs: number;
  /** WebSocket ping interval; a socket silent for a whole interval after a ping is dropped. */
  wsKeepAliveMs: number;
  /** How long shutdown waits for in-flight HTTP requests before cutting connections. */
  shutdownGraceMs: number;
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

  const config: Config = {
    env: nodeEnv as Config['env'],
    host: env.HOST || '0.0.0.0',
    port: integer('PORT', 4000, 0, 65535),
    databaseUrl,
    pgliteDir: env.PGLITE_DIR || './data',
    databasePoolMax: integer('DATABASE_POOL_MAX', 10, 1, 1000),
    jwtSecret,
    jwtSecretIsDevelopmentDefault,
    graphiql: env.GRAPHIQL ? env.GRAPHIQL === 'true' : !production,
    logLevel: 'info',
    subscriptionStallMs: integer('SUBSCRIPTION_STALL_MS', 30_000, 100, 3_600_000),
    wsKeepAliveMs: integer('WS_KEEPALIVE_MS', 12_000, 1_000, 600_000),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
  };
  const logLevel = env.LOG_LEVEL || 'info';
  if (isLogLevel(logLevel)) config.logLevel = logLevel;
  else problems.push(`LOG_LEVEL must be debug, info, warn, error or silent (got '${logLevel}')`);
  if (env.GRAPHIQL && !['true', 'false'].includes(env.GRAPHIQL)) problems.push("GRAPHIQL must be 'true' or 'false'");
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
