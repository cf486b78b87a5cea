import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Viewer } from '../platform/auth/viewer.js';
import type { PresenceSessions } from '../ws/policies/presence.js';

/** `source`, calling `done` once when it ends, however it ends (finished, failed, or left by its client). */
function endingWith(source: AsyncIterable<ExecutionResult>, done: () => void): AsyncIterableIterator<ExecutionResult> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const outcome = await iterator.next();
        if (outcome.done) done();
        return outcome;
      } catch (error) {
        done();
        throw error;
      }
    },
    async return() {
      done();
      return (await iterator.return?.()) ?? { done: true, value: undefined };
    },
  };
}

/**
 * A user's subscription over SSE (an HTTP response that stays open) makes it online while it
 * runs, as a WebSocket does (the WebSocket adapter counts the socket itself, ws/policies/presence.ts,
 * and says so with `closesAtTokenExpiry`).
 */
export function usePresenceSessions(
  presence: PresenceSessions,
): Plugin<{ viewer?: Viewer | null; closesAtTokenExpiry?: boolean }> {
  return {
    onSubscribe({ args }) {
      const { viewer, closesAtTokenExpiry } = args.contextValue;
      if (closesAtTokenExpiry || !viewer) return;
      return {
        onSubscribeResult({ result, setResult }) {
          if (isAsyncIterable<ExecutionResult>(result)) setResult(endingWith(result, presence.connect(viewer)));
        },
      };
    },
  };
}
