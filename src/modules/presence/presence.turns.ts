/**
 * At most `max` pieces of presence work at the store at once, the rest waiting their turn in
 * order. Ten thousand sockets closing together (a load balancer restarting, a region's network
 * blinking) each want a few statements: sent at once they queue in the database pool, time out
 * there (its wait is bounded) and are tried again, so that the pool spends itself on work that
 * fails and users stay online long after their sockets closed; and the lease renewal, queued
 * behind them, comes late enough for the other instances to take this one for dead. Waiting
 * here instead has no deadline and leaves the rest of the pool to requests and the lease.
 */
export class PresenceTurns {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly max: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#running >= this.max) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#running++;
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      // The turn passes to the next in line as it is: `running` counts it already.
      if (next) next();
      else this.#running--;
    }
  }
}
