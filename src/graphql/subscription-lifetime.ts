import { type ExecutionResult, GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin, processRegularResult } from 'graphql-yoga';
import type { Viewer } from '../platform/auth/viewer.js';

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

/**
 * The stream `source` as its client sees it: a failure of the stream becomes its last result
 * (`{ errors }`) and ends it, instead of an exception that a transport may answer by closing
 * everything (graphql-ws closes the whole socket on an unexpected one, SSE breaks the response);
 * at `expiresAt` the stream ends the same way with UNAUTHENTICATED. Written as a plain iterator,
 * not an async generator: a generator's `return()` waits for the pending `next()`, so a client
 * leaving a quiet stream would hold its subscription until the next event.
 */
function guardedStream(source: AsyncIterable<Result>, expiresAt: number | undefined): AsyncIterableIterator<Result> {
  const iterator = source[Symbol.asyncIterator]();
  let finished = false;
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
  const finish = async (): Promise<void> => {
    finished = true;
    clearTimeout(timer);
    await iterator.return?.();
  };
  const last = async (error: GraphQLError): Promise<IteratorResult<Result>> => {
    await finish().catch(() => {});
    return { done: false, value: { errors: [error] } };
  };

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    next() {
      if (finished) return Promise.resolve({ done: true, value: undefined });
      if (expired) return last(tokenExpired());
      // Not a Promise.race with the expiry: each race would leave a reaction on a promise that
      // lives as long as the stream, one per event.
      return new Promise<IteratorResult<Result>>((resolve) => {
        onExpiry = () => resolve(last(tokenExpired()));
        iterator.next().then(
          (outcome) => {
            onExpiry = undefined;
            if (outcome.done) {
              finished = true;
              clearTimeout(timer);
            }
            resolve(outcome);
          },
          (error: unknown) => {
            onExpiry = undefined;
            resolve(last(asGraphQLError(error)));
          },
        );
      });
    },
    async return() {
      if (!finished) await finish();
      return { done: true, value: undefined };
    },
  };
}

/**
 * Holds every subscription, on every transport, to the same two rules: a stream that fails
 * ends with the failure as its last result (masked like any error, and only that subscription
 * ends), and a stream outlives its token on no transport: at the token's expiry it ends with
 * UNAUTHENTICATED, as an HTTP request with that token would be refused. The WebSocket adapter
 * closes the whole socket at expiry instead (4401), so its streams say so with
 * `closesAtTokenExpiry` in their context.
 *
 * And a stream nobody will read is ended at once: a subscription sent over HTTP without asking
 * for a stream (a JSON POST or a GET whose Accept has no `text/event-stream`) is answered 406 by
 * Yoga's plain JSON processor, which never reads or closes it; left running it would hold its
 * listener, its subscriber's place and, for a user, an online presence, for as long as the
 * instance runs.
 */
export function useSubscriptionLifetime(): Plugin<{ viewer?: Viewer | null; closesAtTokenExpiry?: boolean }> {
  return {
    onSubscribe({ args }) {
      const { viewer, closesAtTokenExpiry } = args.contextValue;
      const expiresAt = closesAtTokenExpiry ? undefined : (viewer?.expiresAt ?? undefined);
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable<Result>(result)) setResult(guardedStream(result, expiresAt));
        },
      };
    },
    onResultProcess({ result, resultProcessor }) {
      if (!isAsyncIterable<Result>(result)) return;
      if (resultProcessor !== undefined && resultProcessor !== processRegularResult) return;
      result[Symbol.asyncIterator]()
        .return?.()
        .catch(() => {});
    },
  };
}
