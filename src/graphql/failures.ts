import { maskError } from 'graphql-yoga';
import { isDatabaseUnavailable } from '../platform/db/availability.js';
import type { Logger } from '../platform/logger.js';

/** What a client is told instead of an unexpected error's own message. */
export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

/** Causes already logged: the GraphQL plugin logs a failure with its request id, masking sees it again. */
const logged = new WeakSet<object>();

/**
 * Logs the failure behind a GraphQL error, once, with `fields` (the request id where the caller
 * knows it): a database that is away at `warn` (clients are told to retry, 503), a failure of
 * ours at `error` with its stack (clients see "Unexpected error." only). Typed and GraphQL errors
 * are the API working as documented, and are not logged.
 */
export function logGraphQLFailure(logger: Logger, error: unknown, fields: Record<string, unknown> = {}): void {
  const unavailable = isDatabaseUnavailable(error);
  if (!unavailable && maskError(error, UNEXPECTED_ERROR_MESSAGE, false) === error) return;
  const cause = (error as { originalError?: unknown }).originalError ?? error;
  if (typeof cause === 'object' && cause !== null) {
    if (logged.has(cause)) return;
    logged.add(cause);
  }
  if (unavailable) logger.warn('database unavailable', { ...fields, error: String(error) });
  else logger.error('unexpected error', { ...fields, error: cause instanceof Error ? cause.stack : String(cause) });
}
