import { type ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin, processRegularResult } from 'graphql-yoga';
import type { Viewer } from '../platform/auth/viewer.js';
import { type DirectDelivery, deliversDirectly, type Sink } from '../platform/direct-delivery.js';

/** The message of the error that ends a subscription whose token expired. */
export const TOKEN_EXPIRED_MESSAGE = 'Unauthorized: token has expired';

type Result = ExecutionResult;

/** A failure of the stream as a GraphQL error; one that is not already one is masked later. */
function asGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  return new GraphQLError(error instanceof Error ? error.message : String(error), {
    originalError: error instanceof Error ? error : null,
  });
}

function tokenExpired(): GraphQLError {
  return new GraphQLError(TOKEN_EXPIRED_MESSAGE, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

type MaybePromise<T> = T | Promise<T>;

const DONE: IteratorResult<Result> = Object.freeze({ done: true, value: undefined });

/** When a subscription with this context must end for its token: never where the transport ends it. */
export function streamExpiry(context: { viewer?: Viewer | null; closesAtTokenExpiry?: boolean }): number | undefined {
  return context.closesAtTokenExpiry ? undefined : (context.viewer?.expiresAt ?? undefined);
}

/** Told of each subscription's start, of each result it delivers and of its end (the metrics). */
export interface SubscriptionWatch {
  started(): void;
  delivered(): void;
  ended(): void;
}

export interface SubscriptionResultsOptions {
  /** The token's expiry (ms since the epoch), at which the stream ends with UNAUTHENTICATED. */
  expiresAt: number | undefined;
  /** The GraphQL error a failure of the source is answered with. */
  sourceError: (error: unknown) => GraphQLError;
  /** Each result as its subscriber receives it (redacted and masked like every other answer). */
  finish: (result: Result) => Result;
  watch: SubscriptionWatch | undefined;
}

/**
 * A subscription as its client sees it: each event of `source` as its result (`resultOf`),
 * finished (`finish`: redacted and masked); a failure of the source or of a result becomes the
 * stream's last result (`{ errors }`) and ends it, instead of an exception that a transport may
 * answer by closing everything (graphql-ws closes the whole socket on an unexpected one, SSE
 * breaks the response); at `expiresAt` the stream ends the same way with UNAUTHENTICATED.
 * `watch` is told of the start, each result and the end, once.
 *
 * One plain iterator per subscription, between the source and the transport, doing what
 * envelop's hooks would do in three more iterators (a map for masking and metrics, one to see
 * the end, one to mask what a stream throws): each layer around a stream costs every
 * subscriber its closures for as long as it stays connected, and every event a promise or more
 * (bench/CHANGES.md). Hence a class: its steps are methods, shared by every subscription,
 * where closures made per stream were some fifteen objects per idle subscriber. Where no
 * expiry is set (WebSocket, whose adapter closes the whole socket at expiry), an event costs
 * no closure at all. The WebSocket adapter takes results as they come (`deliverTo`, when the
 * source offers it: platform/direct-delivery.ts), with the same rules: a failure of a result is
 * the last one sent. Not an async generator: a generator's `return()` waits for the pending
 * `next()`, so a client leaving a quiet stream would hold its subscription until the next event.
 */
export function subscriptionResults(
  source: AsyncIterable<unknown>,
  resultOf: (payload: unknown) => MaybePromise<Result>,
  options: SubscriptionResultsOptions,
): AsyncIterableIterator<Result> & DirectDelivery<Result> {
  return new SubscriptionResults(source[Symbol.asyncIterator](), resultOf, options);
}

class SubscriptionResults implements AsyncIterableIterator<Result>, DirectDelivery<Result> {
  readonly #iterator: AsyncIterator<unknown>;
  readonly #resultOf: (payload: unknown) => MaybePromise<Result>;
  readonly #options: SubscriptionResultsOptions;
  #ended = false;
  #expired = false;
  /** Ends the next() waiting when the token expires, if one is. */
  #onExpiry: (() => void) | undefined;
  #timer: NodeJS.Timeout | undefined;
  /** Where the direct path's results go (`deliverTo`). */
  #sink: Sink<Result> | undefined;

  constructor(
    iterator: AsyncIterator<unknown>,
    resultOf: (payload: unknown) => MaybePromise<Result>,
    options: SubscriptionResultsOptions,
  ) {
    this.#iterator = iterator;
    this.#resultOf = resultOf;
    this.#options = options;
    options.watch?.started();
    if (options.expiresAt !== undefined) SubscriptionResults.#checkExpiry(this);
  }

  static #checkExpiry(self: SubscriptionResults): void {
    const left = (self.#options.expiresAt as number) - Date.now();
    if (left <= 0) {
      self.#expired = true;
      self.#onExpiry?.();
      return;
    }
    // Timers cannot wait longer than about 24.8 days at once.
    self.#timer = setTimeout(SubscriptionResults.#checkExpiry, Math.min(left, 2 ** 31 - 1), self);
    self.#timer.unref();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  deliverTo(sink: Sink<Result>): boolean {
    const iterator = this.#iterator;
    if (!deliversDirectly<unknown>(iterator)) return false;
    this.#sink = sink;
    return iterator.deliverTo((payload) => this.#deliver(payload));
  }

  next(): Promise<IteratorResult<Result>> {
    if (this.#ended) return Promise.resolve(DONE);
    if (this.#expired) return this.#last(tokenExpired());
    const step = this.#pull();
    if (this.#options.expiresAt === undefined) return step;
    // Not a Promise.race with the expiry: each race would leave a reaction on a promise that
    // lives as long as the stream, one per event.
    return new Promise<IteratorResult<Result>>((resolve) => {
      this.#onExpiry = () => resolve(this.#last(tokenExpired()));
      step.then((outcome) => {
        this.#onExpiry = undefined;
        resolve(outcome);
      });
    });
  }

  async return(): Promise<IteratorResult<Result>> {
    if (this.#markEnded()) await this.#iterator.return?.();
    return DONE;
  }

  /** Marks the stream ended, once: whether this call did. */
  #markEnded(): boolean {
    if (this.#ended) return false;
    this.#ended = true;
    clearTimeout(this.#timer);
    this.#options.watch?.ended();
    return true;
  }

  #delivered(result: Result): IteratorResult<Result> {
    this.#options.watch?.delivered();
    return { done: false, value: this.#options.finish(result) };
  }

  async #last(error: GraphQLError): Promise<IteratorResult<Result>> {
    this.#markEnded();
    try {
      await this.#iterator.return?.();
    } catch {
      // The source is being left: how it fails to close changes nothing for the client.
    }
    return this.#delivered({ errors: [error] });
  }

  async #pull(): Promise<IteratorResult<Result>> {
    let step: IteratorResult<unknown>;
    try {
      step = await this.#iterator.next();
    } catch (error) {
      return this.#last(this.#options.sourceError(error));
    }
    if (step.done) {
      this.#markEnded();
      return DONE;
    }
    try {
      const result = this.#resultOf(step.value);
      return this.#delivered(result instanceof Promise ? await result : result);
    } catch (error) {
      return this.#last(asGraphQLError(error));
    }
  }

  /**
   * The direct path's results, as `next()` would give them: a failure becomes the last result,
   * then the source ends (its pending `next()` then settles done). Not `#last()`: that delivers
   * once the source has ended, and a transport sends `complete` as soon as it has, so the
   * failure goes to the sink first.
   */
  #deliver(payload: unknown): undefined | Promise<void> {
    if (this.#ended) return undefined;
    let result: MaybePromise<Result>;
    try {
      result = this.#resultOf(payload);
    } catch (error) {
      return this.#fail(error);
    }
    return result instanceof Promise
      ? result.then(
          (value) => this.#send(value),
          (error: unknown) => this.#fail(error),
        )
      : this.#send(result);
  }

  #send(result: Result): undefined | Promise<void> {
    return this.#ended ? undefined : (this.#sink as Sink<Result>)(this.#delivered(result).value);
  }

  #fail(error: unknown): undefined | Promise<void> {
    if (!this.#markEnded()) return undefined;
    const taken = (this.#sink as Sink<Result>)(this.#delivered({ errors: [asGraphQLError(error)] }).value);
    this.#iterator.return?.().catch(() => {});
    return taken;
  }
}

/*
 * Every subscription, on every transport, is held to the same two rules: a stream that fails
 * ends with the failure as its last result (masked like any error, and only that subscription
 * ends), and a stream outlives its token on no transport: at the token's expiry it ends with
 * UNAUTHENTICATED, as an HTTP request with that token would be refused. The WebSocket adapter
 * closes the whole socket at expiry instead (4401), so its streams say so with
 * `closesAtTokenExpiry` in their context. `subscriptionResults` keeps both, in the one iterator
 * that every subscription's events run through (subscription-events.ts).
 */

/**
 * A stream nobody will read is ended at once: a subscription sent over HTTP without asking
 * for a stream (a JSON POST or a GET whose Accept has no `text/event-stream`) is answered 406 by
 * Yoga's plain JSON processor, which never reads or closes it; left running it would hold its
 * listener, its subscriber's place and, for a user, an online presence, for as long as the
 * instance runs.
 */
export function useSubscriptionLifetime(): Plugin {
  return {
    onResultProcess({ result, resultProcessor }) {
      if (!isAsyncIterable<Result>(result)) return;
      if (resultProcessor !== undefined && resultProcessor !== processRegularResult) return;
      result[Symbol.asyncIterator]()
        .return?.()
        .catch(() => {});
    },
  };
}
