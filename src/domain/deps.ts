import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { EventPublisher } from './events.js';
import type { PublicIds } from './public-ids.js';
import { RateLimiter } from './rate-limits.js';

/** The guards every write passes: rate budgets, caps on a user's requests and connections, retries. */
export interface WriteLimits {
  rateLimiter: RateLimiter;
  /** 0 for no limit. */
  maxPendingOutgoingRequests: number;
  /** 0 for no limit. */
  maxConnectionsPerUser: number;
  idempotencyKeyTtlSeconds: number;
  /** How long a declined sender waits before asking the same user again; 0 for no wait. */
  declineCooldownSeconds: number;
}

/** What the domain's operations work with: the database, the codec of the ids clients see, where to publish what changed, and the limits writes obey. */
export interface Deps {
  db: Db;
  ids: PublicIds;
  events: EventPublisher;
  limits: WriteLimits;
}

/** The write limits the configuration sets, counting rate budgets in `db`. */
export function writeLimitsFrom(config: Config, db: Db): WriteLimits {
  return {
    rateLimiter: new RateLimiter(db, config.rateLimits),
    maxPendingOutgoingRequests: config.maxPendingOutgoingRequests,
    maxConnectionsPerUser: config.maxConnectionsPerUser,
    idempotencyKeyTtlSeconds: config.idempotencyKeyTtlSeconds,
    declineCooldownSeconds: config.declineCooldownSeconds,
  };
}
