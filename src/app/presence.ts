import { PresenceEngine } from '../modules/presence/presence.engine.js';
import type { PresenceStore } from '../modules/presence/presence.store.js';
import { MemoryPresenceStore } from '../modules/presence/stores/memory-store.js';
import { PostgresPresenceStore } from '../modules/presence/stores/postgres-store.js';
import { RedisPresenceStore } from '../modules/presence/stores/redis-store.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/database.js';
import type { EventPublisher } from '../platform/events/events.js';
import type { EventHub } from '../platform/events/hub.js';
import type { Logger } from '../platform/logger.js';

/** How often `users.last_seen_at` of users online is brought up to date: coarse, never per heartbeat. */
const LAST_SEEN_WRITE_MS = 5 * 60_000;
/** Presence work at once with the Redis store. */
const REDIS_PRESENCE_CONCURRENCY = 32;

/**
 * Presence where the configuration puts it: this process's memory (one instance, embedded
 * PGlite), PostgreSQL (instances sharing the database, changes on its NOTIFY feed) or Redis.
 */
export function createPresence(
  config: Config,
  deps: { db: Db; events: EventPublisher; hub: EventHub },
  logger: Logger,
): PresenceEngine {
  let store: PresenceStore;
  switch (config.presence.store) {
    case 'redis':
      store = new RedisPresenceStore(config.redisUrl as string, config.redisKeyPrefix, logger);
      break;
    case 'postgres':
      store = new PostgresPresenceStore(deps.db, deps.events, (listener) => deps.hub.subscribeAll(listener));
      break;
    default:
      store = new MemoryPresenceStore();
  }
  return new PresenceEngine(
    deps.db,
    store,
    {
      graceMs: config.presence.graceSeconds * 1000,
      heartbeatMs: config.presence.heartbeatSeconds * 1000,
      lastSeenWriteMs: LAST_SEEN_WRITE_MS,
      // Half the pool at most, as heavy reads take: the rest stays free for requests and the
      // lease. Redis answers from memory and pipelines; only the user lookups reach the pool.
      storeConcurrency:
        config.presence.store === 'redis'
          ? REDIS_PRESENCE_CONCURRENCY
          : Math.max(1, Math.floor(config.databasePoolMax / 2)),
    },
    logger,
  );
}
