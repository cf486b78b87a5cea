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
 * (bench/CHANGES.md). Where no expiry is set (WebSocket, whose adapter closes the whole socket
 * at expiry), an event costs no closure at all. The WebSocket adapter takes results as they
 * come (`deliverTo`, when the source offers it: platform/direct-delivery.ts), with the same
 * rules: a failure of a result is the last one sent. Not an async generator: a generator's
 * `return()` waits for the pending `next()`, so a client leaving a quiet stream would hold its
 * subscription until the next event.
 */
export function subscriptionResults(
  source: AsyncIterable<unknown>,
  resultOf: (payload: unknown) => MaybePromise<Result>,
  options: SubscriptionResultsOptions,
): AsyncIterableIterator<Result> & DirectDelivery<Result> {
  const iterator = source[Symbol.asyncIterator]();
  const { expiresAt, sourceError, finish, watch } = options;
  watch?.started();
  let ended = false;
  let expired = false;
  // Ends the next() waiting when the token expires, if one is.
  let onExpiry: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (expiresAt !== undefined) {
    const check = () => {
      const left = expiresAt - Date.now();
      if (left <= 0) {
        expired = true;
        onExpiry?.();
        return;
      }
      // Timers cannot wait longer than about 24.8 days at once.
      timer = setTimeout(check, Math.min(left, 2 ** 31 - 1));
      timer.unref();
    };
    check();
  }
  /** Marks the stream ended, once: whether this call did. */
  const markEnded = (): boolean => {
    if (ended) return false;
    ended = true;
    clearTimeout(timer);
    watch?.ended();
    return true;
  };
  const delivered = (result: Result): IteratorResult<Result> => {
    watch?.delivered();
    return { done: false, value: finish(result) };
  };
  const last = async (error: GraphQLError): Promise<IteratorResult<Result>> => {
    markEnded();
    try {
      await iterator.return?.();
    } catch {
      // The source is being left: how it fails to close changes nothing for the client.
    }
    return delivered({ errors: [error] });
  };

  // Made once per stream, not per event.
  const resultFailed = (error: unknown) => last(asGraphQLError(error));
  const sourceFailed = (error: unknown) => last(sourceError(error));
  const stepped = (step: IteratorResult<unknown>): MaybePromise<IteratorResult<Result>> => {
    if (step.done) {
      markEnded();
      return DONE;
    }
    let result: MaybePromise<Result>;
    try {
      result = resultOf(step.value);
    } catch (error) {
      return resultFailed(error);
    }
    return result instanceof Promise ? result.then(delivered, resultFailed) : delivered(result);
  };

  /**
   * The direct path's results, as `next()` would give them: a failure becomes the last result,
   * then the source ends (its pending `next()` then settles done). Not `last()`: that delivers
   * once the source has ended, and a transport sends `complete` as soon as it has, so the
   * failure goes to the sink first.
   */
  const directly = (sink: Sink<Result>): Sink<unknown> => {
    const fail = (error: unknown) => {
      if (!markEnded()) return undefined;
      const taken = sink(delivered({ errors: [asGraphQLError(error)] }).value);
      iterator.return?.().catch(() => {});
      return taken;
    };
    const send = (result: Result) => (ended ? undefined : sink(delivered(result).value));
    return (payload) => {
      if (ended) return undefined;
      let result: MaybePromise<Result>;
      try {
        result = resultOf(payload);
      } catch (error) {
        return fail(error);
      }
      return result instanceof Promise ? result.then(send, fail) : send(result);
    };
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    deliverTo(sink) {
      return deliversDirectly<unknown>(iterator) && iterator.deliverTo(directly(sink));
    },
    next() {
      if (ended) return Promise.resolve(DONE);
      if (expired) return last(tokenExpired());
      const step = iterator.next().then(stepped, sourceFailed);
      if (expiresAt === undefined) return step;
      // Not a Promise.race with the expiry: each race would leave a reaction on a promise that
      // lives as long as the stream, one per event.
      return new Promise<IteratorResult<Result>>((resolve) => {
        onExpiry = () => resolve(last(tokenExpired()));
        step.then((outcome) => {
          onExpiry = undefined;
          resolve(outcome);
        });
      });
    },
    async return() {
      if (markEnded()) await iterator.return?.();
      return DONE;
    },
  };
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
