import { RateLimitedError } from '../errors.js';

/** How many heavy reads may run at once, and how many may wait. */
export interface HeavyReadLimits {
  /** Heavy reads of one user running at once on this instance. */
  perUser: number;
  /** Heavy reads of one user waiting for a turn; one more is refused (429). */
  waitingPerUser: number;
  /** Heavy reads running at once on this instance, all users together. */
  perInstance: number;
}

interface Waiter {
  key: string;
  start: () => void;
}

/**
 * Turns for the reads whose cost does not depend on a page size: suggestions (a ranking over up
 * to 40,000 edges) and mutual-connection lists. Each holds a database connection for as long as
 * it runs, so without turns a few users asking for many at once would hold every pooled
 * connection, and everyone's light reads would queue behind them. Here at most `perInstance` run
 * at once (leave the rest of the pool to light reads), at most `perUser` of them for one user,
 * in the order they were asked for; a user with `waitingPerUser` already waiting is refused with
 * RATE_LIMITED rather than queued without end.
 */
export class HeavyReads {
  #running = 0;
  readonly #runningByUser = new Map<string, number>();
  readonly #waitingByUser = new Map<string, number>();
  readonly #queue: Waiter[] = [];

  constructor(private readonly limits: HeavyReadLimits) {}

  /** Runs `read` when it is the user's turn; throws `RateLimitedError` when too many wait. */
  async run<T>(tenant: string, clientUserId: string, read: () => Promise<T>): Promise<T> {
    const key = `${tenant}\u0000${clientUserId}`;
    if (!this.#mayStart(key) || this.#queue.length > 0) await this.#wait(key);
    else this.#start(key);
    try {
      return await read();
    } finally {
      this.#finish(key);
    }
  }

  #mayStart(key: string): boolean {
    return this.#running < this.limits.perInstance && (this.#runningByUser.get(key) ?? 0) < this.limits.perUser;
  }

  #start(key: string): void {
    this.#running++;
    this.#runningByUser.set(key, (this.#runningByUser.get(key) ?? 0) + 1);
  }

  #finish(key: string): void {
    this.#running--;
    const left = (this.#runningByUser.get(key) ?? 1) - 1;
    if (left > 0) this.#runningByUser.set(key, left);
    else this.#runningByUser.delete(key);
    this.#next();
  }

  #wait(key: string): Promise<void> {
    const waiting = this.#waitingByUser.get(key) ?? 0;
    if (waiting >= this.limits.waitingPerUser) {
      throw new RateLimitedError(
        `Too many heavy reads at once (suggestions, mutual connections): at most ${this.limits.perUser} run and ${this.limits.waitingPerUser} wait for a user; retry in 1 second`,
        1,
      );
    }
    this.#waitingByUser.set(key, waiting + 1);
    return new Promise((resolve) => {
      this.#queue.push({
        key,
        start: () => {
          const left = (this.#waitingByUser.get(key) ?? 1) - 1;
          if (left > 0) this.#waitingByUser.set(key, left);
          else this.#waitingByUser.delete(key);
          this.#start(key);
          resolve();
        },
      });
      this.#next();
    });
  }

  /** Starts waiting reads in order, skipping those of users already at their limit. */
  #next(): void {
    for (let i = 0; i < this.#queue.length && this.#running < this.limits.perInstance; ) {
      const waiter = this.#queue[i] as Waiter;
      if ((this.#runningByUser.get(waiter.key) ?? 0) < this.limits.perUser) {
        this.#queue.splice(i, 1);
        waiter.start();
      } else {
        i++;
      }
    }
  }
}
