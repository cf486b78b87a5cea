import type { RateLimits } from '../config.js';
import type { Db } from '../db/database.js';
import { countHits } from '../db/rate-limits.repository.js';
import { RateLimitedError } from './errors.js';

/** What a call spends: any write, a connection request (also a write), or a subscription. */
export type RateLimitedAction = 'write' | 'send' | 'subscribe';

interface Budget {
  bucket: string;
  limit: number;
  /** Who the message names as having run out. */
  who: 'user' | 'tenant';
  what: string;
}

/**
 * Fixed-window budgets per user and per tenant, counted in the database so that every instance
 * draws on the same budget. A call is counted before it runs, refused or not: a client that
 * keeps hammering after a 429 does not get a fresh budget for it.
 */
export class RateLimiter {
  constructor(
    private readonly db: Db,
    private readonly limits: RateLimits,
  ) {}

  /** Counts the action against its budgets; throws `RateLimitedError` when one is used up. */
  async consume(tenant: string, clientUserId: string, action: RateLimitedAction): Promise<void> {
    const budgets = this.#budgets(clientUserId, action).filter((b) => b.limit > 0);
    if (budgets.length === 0) return;
    const windowMs = this.limits.windowSeconds * 1000;
    const now = Date.now();
    const windowIndex = windowIndexAt(now, this.limits);
    const hits = await countHits(
      this.db,
      tenant,
      budgets.map((b) => b.bucket),
      windowIndex,
    );
    const exceeded = budgets.find((b) => (hits.get(b.bucket) ?? 0) > b.limit);
    if (exceeded) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((windowIndex + 1) * windowMs - now) / 1000));
      throw new RateLimitedError(
        `Rate limit exceeded: at most ${exceeded.limit} ${exceeded.what} per ${this.limits.windowSeconds} seconds ` +
          `for ${exceeded.who === 'user' ? 'a user' : 'a tenant'}; retry in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      );
    }
  }

  #budgets(clientUserId: string, action: RateLimitedAction): Budget[] {
    const { userWrites, userSends, tenantWrites, userSubscribes } = this.limits;
    if (action === 'subscribe') {
      return [{ bucket: `subscribe:${clientUserId}`, limit: userSubscribes, who: 'user', what: 'subscriptions' }];
    }
    const budgets: Budget[] = [
      { bucket: `write:${clientUserId}`, limit: userWrites, who: 'user', what: 'writes' },
      { bucket: 'write:*', limit: tenantWrites, who: 'tenant', what: 'writes' },
    ];
    if (action === 'send') {
      budgets.unshift({ bucket: `send:${clientUserId}`, limit: userSends, who: 'user', what: 'connection requests' });
    }
    return budgets;
  }
}

/** The index of the fixed window `now` falls in; counters of earlier windows are no longer read. */
export function windowIndexAt(now: number, limits: Pick<RateLimits, 'windowSeconds'>): number {
  return Math.floor(now / (limits.windowSeconds * 1000));
}
