import { RateLimitedError } from '../errors.js';

export interface ReadBudgetLimits {
  /** Length of the fixed window, shared with the write budgets. */
  windowSeconds: number;
  /** Cost units one user may read per window (0: no budget). */
  userCost: number;
}

/**
 * Each user's reads per window, in the cost units of `operationCost`, counted in this process's
 * memory: a read is the hot path, and a database round trip per read would cost more than most
 * reads do. With several instances a user could spend the budget on each of them; the heavy
 * reads are also held to turns (platform/reads/heavy-reads.ts), which protect each instance's database
 * connections whatever the budget says. Only the current window is kept: memory stays at one
 * number per user who read in it.
 */
export class ReadBudget {
  #window = -1;
  readonly #spent = new Map<string, number>();

  constructor(private readonly limits: ReadBudgetLimits) {}

  /**
   * Charges `cost` to the user; throws `RateLimitedError` (and charges nothing) when it would
   * take the user past the budget, so a refused read does not push the user further behind.
   */
  charge(tenant: string, clientUserId: string, cost: number): void {
    const { userCost, windowSeconds } = this.limits;
    if (userCost <= 0 || cost <= 0) return;
    const windowMs = windowSeconds * 1000;
    const now = Date.now();
    const window = Math.floor(now / windowMs);
    if (window !== this.#window) {
      this.#window = window;
      this.#spent.clear();
    }
    const key = `${tenant}\u0000${clientUserId}`;
    const spent = (this.#spent.get(key) ?? 0) + cost;
    if (spent > userCost) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
      throw new RateLimitedError(
        `Rate limit exceeded: at most ${userCost} read cost units per ${windowSeconds} seconds for a user (this read costs ${cost}); retry in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
      );
    }
    this.#spent.set(key, spent);
  }
}
