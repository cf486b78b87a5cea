// First: V8 settings that must hold before anything is allocated (platform/runtime/heap-tuning.ts).
import './platform/runtime/heap-tuning.js';
import { buildApp } from './app/build-app.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { DirectoryInUseError } from './platform/db/directory-lock.js';
import { createLogger } from './platform/logger.js';
import { RedisUnreachableError } from './platform/redis.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
if (config.jwtSecretIsDevelopmentDefault) {
  logger.warn(
    'JWT_SECRET is not set: using the built-in DEVELOPMENT secret. Anyone can mint tokens for this server. Set JWT_SECRET before exposing it.',
  );
}

let app: Awaited<ReturnType<typeof buildApp>>;
try {
  app = await buildApp({ config, logger });
} catch (error) {
  // A database that cannot be opened or migrated, or a Redis that does not answer: say why in
  // one line, not a stack trace.
  const known = error instanceof DirectoryInUseError || error instanceof RedisUnreachableError;
  logger.error(known ? error.message : 'cannot open the database', {
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exit(1);
}
let url: string;
try {
  url = await app.start();
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  logger.error(
    `cannot listen on ${config.host}:${config.port}${code === 'EADDRINUSE' ? ': the port is already in use (set PORT)' : ''}`,
    {
      error: String(error),
    },
  );
  await app.stop();
  process.exit(1);
}
logger.info('listening', {
  url,
  graphql: `${url}/graphql`,
  rest: `${url}/v1`,
  database: app.database.location,
  env: config.env,
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    app.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: String(error) });
        process.exit(1);
      },
    );
  });
}
