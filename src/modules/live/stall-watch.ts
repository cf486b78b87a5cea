/** One value waiting for its consumer, and what to do if it waits too long. */
interface Waiting {
  deadline: number;
  onStall: () => void;
}

/**
 * Deadlines of values handed to stream consumers, all watched by one timer. A timer set and
 * cleared per delivered event (and the race and promise that came with it) cost more than the
 * delivery itself where a change fans out to thousands of subscribers; here an event costs a
 * set insertion and deletion, and the timer runs only while some value is waiting, set for the
 * earliest deadline.
 */
export class StallWatch {
  readonly #waiting = new Set<Waiting>();
  #timer: NodeJS.Timeout | undefined;
  #timerAt = Number.POSITIVE_INFINITY;

  /** Calls `onStall` unless the returned release is called within `ms`. */
  watch(ms: number, onStall: () => void): () => void {
    const entry: Waiting = { deadline: Date.now() + ms, onStall };
    this.#waiting.add(entry);
    if (entry.deadline < this.#timerAt) this.#arm(entry.deadline);
    return () => {
      this.#waiting.delete(entry);
    };
  }

  #arm(at: number): void {
    clearTimeout(this.#timer);
    this.#timerAt = at;
    this.#timer = setTimeout(() => this.#check(), Math.max(0, at - Date.now()));
    this.#timer.unref();
  }

  #check(): void {
    this.#timer = undefined;
    this.#timerAt = Number.POSITIVE_INFINITY;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const entry of [...this.#waiting]) {
      if (entry.deadline <= now) {
        this.#waiting.delete(entry);
        entry.onStall();
      } else if (entry.deadline < next) next = entry.deadline;
    }
    if (next !== Number.POSITIVE_INFINITY && next < this.#timerAt) this.#arm(next);
  }
}
