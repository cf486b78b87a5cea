/** Ends a stream: with `error`, the consumer receives it after the values pushed before. */
export interface Stop extends PromiseLike<void> {
  (error?: unknown): void;
}

/**
 * Starts a stream's source: `push` hands a value to the consumer and resolves once the
 * consumer asks for the one after it (or the stream stops); `stop` ends the stream and, awaited,
 * waits until it ends. The stream stops when the returned promise settles (with its error, if
 * it rejects).
 */
export type Executor<T> = (push: (value: T) => Promise<void>, stop: Stop) => PromiseLike<unknown> | undefined;

const INITIAL = 0;
const STARTED = 1;
const STOPPED = 2;
const FINISHED = 3;

interface Pushed<T> {
  value: T;
  taken: () => void;
}

const DONE: IteratorResult<never> = Object.freeze({ done: true, value: undefined });

/**
 * A live stream: what `Repeater` (graphql-yoga's) gave the live streams, and only that (a lazy
 * executor with `push` and `stop`, values in push order, an error after them, `return` waiting
 * for the executor to finish), in one object per stream. Repeater made a promise its own
 * prototype on every push (`Object.create(promise)`, a slow path of V8 that took about 40 µs of
 * CPU per delivered notification, bench/CHANGES.md) and held a record, a queue of settled
 * promises and several closures per stream, for as long as each subscriber stays connected.
 */
export class LiveStream<T> implements AsyncIterableIterator<T> {
  #executor: Executor<T> | undefined;
  #state = INITIAL;
  /** Values pushed and not yet taken, oldest first (created by the first such value). */
  #queue: Pushed<T>[] | undefined;
  /** The push whose value the consumer took last: it resolves when the consumer asks for more. */
  #handed: (() => void) | undefined;
  /** The consumer's pending `next()`, waiting for a value. */
  #pulling: Promise<IteratorResult<T>> | undefined;
  #puller: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | undefined;
  #error: { value: unknown } | undefined;
  #stopped: Promise<void> | undefined;
  #onStopped: (() => void) | undefined;
  #execution: Promise<void> | undefined;

  constructor(executor: Executor<T>) {
    this.#executor = executor;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#state === INITIAL) this.#start();
    // One value at a time, in order, to consumers that ask before the last answer came.
    if (this.#pulling) return this.#pulling.then(() => this.next());
    const handed = this.#handed;
    this.#handed = undefined;
    handed?.();
    const pushed = this.#queue?.shift();
    if (pushed) {
      this.#handed = pushed.taken;
      return Promise.resolve({ done: false, value: pushed.value });
    }
    if (this.#state >= STOPPED) return this.#ended();
    this.#pulling = new Promise((resolve, reject) => {
      this.#puller = { resolve, reject };
    });
    return this.#pulling;
  }

  async return(): Promise<IteratorResult<T>> {
    const started = this.#state !== INITIAL;
    this.#stop();
    this.#state = FINISHED;
    this.#queue = undefined;
    this.#error = undefined;
    if (started) await this.#execution;
    return DONE;
  }

  async throw(error?: unknown): Promise<IteratorResult<T>> {
    await this.return();
    throw error;
  }

  #start(): void {
    this.#state = STARTED;
    const executor = this.#executor as Executor<T>;
    this.#executor = undefined;
    const whenStopped: PromiseLike<void> = {
      // biome-ignore lint/suspicious/noThenProperty: `await stop` is how an executor waits for the end.
      then: (onFulfilled, onRejected) => this.#whenStopped().then(onFulfilled, onRejected),
    };
    const stop: Stop = Object.assign((error?: unknown) => this.#stop(error), whenStopped);
    try {
      this.#execution = Promise.resolve(executor((value) => this.#push(value), stop)).then(
        () => this.#stop(),
        (error: unknown) => this.#stop(error),
      );
    } catch (error) {
      this.#stop(error);
      this.#execution = Promise.resolve();
    }
  }

  #push(value: T): Promise<void> {
    if (this.#state >= STOPPED) return Promise.resolve();
    return new Promise<void>((taken) => {
      const puller = this.#puller;
      if (puller) {
        this.#puller = undefined;
        this.#pulling = undefined;
        this.#handed = taken;
        puller.resolve({ done: false, value });
      } else {
        this.#queue ??= [];
        this.#queue.push({ value, taken });
      }
    });
  }

  #stop(error?: unknown): void {
    if (this.#state >= STOPPED) return;
    this.#state = STOPPED;
    if (error !== undefined) this.#error = { value: error };
    this.#onStopped?.();
    // Every push resolves: the stream has no more use for its producer's patience. Values
    // already pushed are still delivered.
    this.#handed?.();
    this.#handed = undefined;
    for (const pushed of this.#queue ?? []) pushed.taken();
    const puller = this.#puller;
    if (puller) {
      this.#puller = undefined;
      this.#pulling = undefined;
      this.#ended().then(puller.resolve, puller.reject);
    }
  }

  /** The end as the consumer sees it: the error the stream stopped with, once, then done. */
  #ended(): Promise<IteratorResult<T>> {
    this.#state = FINISHED;
    const error = this.#error;
    this.#error = undefined;
    return error ? Promise.reject(error.value) : Promise.resolve(DONE);
  }

  #whenStopped(): Promise<void> {
    if (this.#state >= STOPPED) return Promise.resolve();
    this.#stopped ??= new Promise((resolve) => {
      this.#onStopped = resolve;
    });
    return this.#stopped;
  }
}
