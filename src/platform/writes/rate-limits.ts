import type { Viewer } from '../auth/viewer.js';
import type { RateLimits } from '../config.js';
import { RateLimitedError } from '../errors.js';
import type { RateCounter } from './rate-counters.js';
import type { BucketLimit } from './rate-limits.repository.js';

/** What a call spends: any write, a connection request (also a write), or a subscription. */
export type RateLimitedAction = 'write' | 'send' | 'subscribe';

interface Budget extends BucketLimit {
  /** Whose budget it is, as the refusal names it. */
  whose: string;
  /** What it counts, as the refusal names it. */
  what: string;
}

/**
 * The budgets one call draws on: `own`, its user's, each counted whatever happens, and
 * `shared`, a budget of the whole tenant that the call draws on only when it is within every
 * one of its own.
 */
interface Draw {
  own: Budget[];
  shared: Budget | undefined;
}

/**
 * Bucket names. A user's buckets are `user:<kind>:<client_user_id>`, the tenant's are single
 * words without that prefix: the kind is a fixed word without `:` and the id is everything after
 * it, so no id, whatever characters it holds (`*`, `write:*`, `user:write:x`), names another
 * user's bucket or a tenant's. (The tenant is a column of its own. Counters an earlier version
 * named otherwise, `write:<id>` and `write:*`, are no longer read and go with their window.)
 */
const userBucket = (kind: 'write' | 'send' | 'subscribe' | 'code', clientUserId: string) =>
  `user:${kind}:${clientUserId}`;
const TENANT_USERS_WRITES = 'tenant:writes';
const TENANT_SERVICE_WRITES = 'service:writes';

/**
 * Fixed-window budgets per user, per tenant and per tenant's backend, counted where every
 * instance draws on the same budget: PostgreSQL, or Redis with REDIS_URL (rate-counters.ts).
 *
 * - A user's call counts against its user's budgets before it runs, refused or not: a client
 *   that keeps hammering after a 429 does not get a fresh budget for it.
 * - Only a user's call within all of its user's budgets draws on the tenant's budget, so one user
 *   draws at most `userWrites` from it per window, and the configuration makes the tenant budget
 *   at least `USERS_TO_EXHAUST_TENANT_WRITES` times that (src/platform/config.ts): no user, nor a handful,
 *   can use it up and stop the others' writes.
 * - Writes by a service token (the game's backend, acting as any user) draw on the backend's
 *   budget alone: not on the tenant's users' budget, which users could use up, nor on the budget
 *   of the user it acts as, which that user could. The backend is trusted; its own budget only
 *   bounds what a runaway backend costs the database.
 * - Subscriptions draw on the acting user's subscribe budget, whoever opens them.
 */
export class RateLimiter {
  constructor(
    private readonly counter: RateCounter,
    private readonly limits: RateLimits,
  ) {}

  /**
   * Counts `action` by `viewer`, acting as `clientUserId`, against its budgets; throws
   * `RateLimitedError` (naming whose budget ran out) when one is used up.
   */
  async consume(
    viewer: Pick<Viewer, 'tenant' | 'role'>,
    clientUserId: string,
    action: RateLimitedAction,
  ): Promise<void> {
    const draw = this.#draw(viewer, clientUserId, action);
    if (draw.own.length === 0 && draw.shared === undefined) return;
    const now = Date.now();
    const windowIndex = windowIndexAt(now, this.limits);
    const windowMs = this.limits.windowSeconds * 1000;
    const endsAt = (windowIndex + 1) * windowMs;
    const hits = await this.counter.countHits(
      viewer.tenant,
      { index: windowIndex, endsAt },
      draw.own,
      draw.shared?.bucket,
    );
    const budgets = draw.shared ? [...draw.own, draw.shared] : draw.own;
    const exceeded = budgets.find((b) => (hits.get(b.bucket) ?? 0) > b.limit);
    if (!exceeded) return;
    this.#refuse(exceeded, endsAt, now);
  }

  /**
   * Reserves one friend code guess from `clientUserId`'s budget of misses before the code is
   * looked up, refused (429) when the user's misses in this window are used up; the returned
   * function gives the reservation back, for a code that named someone. Reserving first, not
   * counting after a miss, holds under concurrency: a burst of guesses in flight at once gets no
   * more than the budget. A service token (which may read any user's code) has no such budget.
   */
  async reserveFriendCodeGuess(
    viewer: Pick<Viewer, 'tenant' | 'role'>,
    clientUserId: string,
  ): Promise<() => Promise<void>> {
    const limit = this.limits.userFriendCodeMisses;
    if (viewer.role === 'service' || limit === 0) return async () => {};
    const budget = {
      bucket: userBucket('code', clientUserId),
      limit,
      whose: 'this user',
      what: 'friend codes that name no one',
    };
    const now = Date.now();
    const index = windowIndexAt(now, this.limits);
    const window = { index, endsAt: (index + 1) * this.limits.windowSeconds * 1000 };
    const hits = await this.counter.countHits(viewer.tenant, window, [budget], undefined);
    if ((hits.get(budget.bucket) ?? 0) > limit) {
      // A refused guess is looked up by no one: it does not keep the budget spent.
      await this.counter.refund(viewer.tenant, window, budget.bucket);
      this.#refuse(budget, window.endsAt, now);
    }
    return () => this.counter.refund(viewer.tenant, window, budget.bucket);
  }

  #refuse(exceeded: Budget, endsAt: number, now: number): never {
    const retryAfterSeconds = Math.max(1, Math.ceil((endsAt - now) / 1000));
    throw new RateLimitedError(
      `Rate limit exceeded: at most ${exceeded.limit} ${exceeded.what} per ${this.limits.windowSeconds} seconds ` +
        `for ${exceeded.whose}; retry in ${retryAfterSeconds} seconds`,
      retryAfterSeconds,
    );
  }

  /** The budgets that are on (a limit of 0 turns one off) for this call. */
  #draw(viewer: Pick<Viewer, 'role'>, clientUserId: string, action: RateLimitedAction): Draw {
    const { userWrites, userSends, tenantWrites, serviceWrites, userSubscribes } = this.limits;
    const on = (budget: Budget | undefined) => (budget && budget.limit > 0 ? budget : undefined);
    const own = (...budgets: Budget[]) => budgets.filter((b) => b.limit > 0);
    if (action === 'subscribe') {
      const bucket = userBucket('subscribe', clientUserId);
      return {
        own: own({ bucket, limit: userSubscribes, whose: 'this user', what: 'subscriptions' }),
        shared: undefined,
      };
    }
    if (viewer.role === 'service') {
      const backend = {
        bucket: TENANT_SERVICE_WRITES,
        limit: serviceWrites,
        whose: "this tenant's backend (its service tokens)",
        what: 'writes',
      };
      return { own: [], shared: on(backend) };
    }
    const writes = { bucket: userBucket('write', clientUserId), limit: userWrites, whose: 'this user', what: 'writes' };
    const sends = {
      bucket: userBucket('send', clientUserId),
      limit: userSends,
      whose: 'this user',
      what: 'sends (connection requests and invites)',
    };
    const tenant = {
      bucket: TENANT_USERS_WRITES,
      limit: tenantWrites,
      whose: 'all users of this tenant together',
      what: 'writes',
    };
    // Sends before writes: the tighter budget is the one a refusal names.
    return { own: action === 'send' ? own(sends, writes) : own(writes), shared: on(tenant) };
  }
}

/** The index of the fixed window `now` falls in; counters of earlier windows are no longer read. */
export function windowIndexAt(now: number, limits: Pick<RateLimits, 'windowSeconds'>): number {
  return Math.floor(now / (limits.windowSeconds * 1000));
}
