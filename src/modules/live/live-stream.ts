import type { DirectDelivery, Sink } from '../../platform/direct-delivery.js';

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
 * What a push returns when its value was taken at once (a sink wrote it out): a producer that
 * sees it has nothing to wait for.
 */
export const TAKEN: Promise<void> = Promise.resolve();

/**
 * A live stream: what `Repeater` (graphql-yoga's) gave the live streams, and only that (a lazy
 * executor with `push` and `stop`, values in push order, an error after them, `return` waiting
 * for the executor to finish), in one object per stream. Repeater made a promise its own
 * prototype on every push (`Object.create(promise)`, a slow path of V8 that took about 40 µs of
 * CPU per delivered notification, bench/CHANGES.md) and held a record, a queue of settled
 * promises and several closures per stream, for as long as each subscriber stays connected.
 * A consumer that writes values out itself takes them as they are pushed (`deliverTo`, the
 * WebSocket path), without a promise per value.
 */
export class LiveStream<T> implements AsyncIterableIterator<T>, DirectDelivery<T> {
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
  /** Where values go as they are pushed, when the consumer takes them so (`deliverTo`). */
  #sink: Sink<T> | undefined;
  /** The sink's last value not yet taken: the next waits for it, and so does the end. */
  #sinking: Promise<void> | undefined;
  /** The consumer left (`return()`): values still waiting for the sink are dropped. */
  #left = false;

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

  deliverTo(sink: Sink<T>): boolean {
    if (this.#state !== INITIAL || this.#sink) return false;
    this.#sink = sink;
    return true;
  }

  async return(): Promise<IteratorResult<T>> {
    this.#left = true;
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
    if (this.#state >= STOPPED) return TAKEN;
    if (this.#sink) return this.#toSink(this.#sink, value);
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

  /** A value to the sink, after the one it has not taken yet if any; resolves once taken. */
  #toSink(sink: Sink<T>, value: T): Promise<void> {
    const waiting = this.#sinking;
    const taken = waiting ? waiting.then(() => (this.#left ? undefined : sink(value))) : sink(value);
    if (!taken) return TAKEN;
    const settled: Promise<void> = taken.then(() => {
      if (this.#sinking === settled) this.#sinking = undefined;
    });
    this.#sinking = settled;
    return settled;
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
    const end = () => (error ? Promise.reject(error.value) : Promise.resolve(DONE));
    // Whatever a sink still has to take goes out before the end.
    return this.#sinking ? this.#sinking.then(end) : end();
  }

  #whenStopped(): Promise<void> {
    if (this.#state >= STOPPED) return Promise.resolve();
    this.#stopped ??= new Promise((resolve) => {
      this.#onStopped = resolve;
    });
    return this.#stopped;
  }
}
