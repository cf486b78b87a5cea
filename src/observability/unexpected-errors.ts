import { maskError } from 'graphql-yoga';
import { isDatabaseUnavailable } from '../db/availability.js';
import type { Logger } from '../logger.js';

/** What a client is told instead of an unexpected error's own message. */
export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

/**
 * Whether clients see this error only as "Unexpected error.": a failure of ours, not a typed
 * or GraphQL error. A database that is away is expected (503, retry), not a bug.
 */
export function isUnexpectedError(error: unknown): boolean {
  return !isDatabaseUnavailable(error) && maskError(error, UNEXPECTED_ERROR_MESSAGE, false) !== error;
}

/** Causes already logged, so that a failure reported with its request is not logged again. */
const reported = new WeakSet<object>();

/**
 * Logs the cause of an unexpected error once, with its stack and `fields` (the request id where
 * the caller knows it). Its message stays in the log: clients get "Unexpected error." only.
 */
export function reportUnexpectedError(logger: Logger, error: unknown, fields: Record<string, unknown> = {}): void {
  const cause = (error as { originalError?: unknown }).originalError ?? error;
  if (typeof cause === 'object' && cause !== null) {
    if (reported.has(cause)) return;
    reported.add(cause);
  }
  logger.error('unexpected error', { ...fields, error: cause instanceof Error ? cause.stack : String(cause) });
}
