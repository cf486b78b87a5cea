import type { Config } from './config.js';
import type { Db } from './db/database.js';
import type { EventPublisher } from './events/events.js';
import type { PublicIds } from './public-ids.js';
import { HeavyReads } from './reads/heavy-reads.js';
import type { RateCounter } from './writes/rate-counters.js';
import { RateLimiter } from './writes/rate-limits.js';

/**
 * The guards calls pass: the rate budgets and caps writes obey (a user's pending requests and
 * connections, idempotency, cooldowns) and the turns heavy reads wait for.
 */
export interface Limits {
  rateLimiter: RateLimiter;
  /** Turns for suggestions and mutual-connection lists, so they cannot take every database connection. */
  heavyReads: HeavyReads;
  /** 0 for no limit. */
  maxPendingOutgoingRequests: number;
  /** 0 for no limit. */
  maxConnectionsPerUser: number;
  idempotencyKeyTtlSeconds: number;
  /** How long a declined sender waits before asking the same user again; 0 for no wait. */
  declineCooldownSeconds: number;
}

/** What the domain's operations work with: the database, the codec of the ids clients see, where to publish what changed, and the limits calls obey. */
export interface Deps {
  db: Db;
  ids: PublicIds;
  events: EventPublisher;
  limits: Limits;
}

/** The limits the configuration sets, counting rate budgets with `counter`. */
export function limitsFrom(config: Config, counter: RateCounter): Limits {
  return {
    rateLimiter: new RateLimiter(counter, config.rateLimits),
    heavyReads: new HeavyReads(config.heavyReads),
    maxPendingOutgoingRequests: config.maxPendingOutgoingRequests,
    maxConnectionsPerUser: config.maxConnectionsPerUser,
    idempotencyKeyTtlSeconds: config.idempotencyKeyTtlSeconds,
    declineCooldownSeconds: config.declineCooldownSeconds,
  };
}
