/**
 * Telling "the database is away" (a restart, a killed connection, a full server) apart from a
 * bug. The first is the caller's cue to retry shortly, so it is answered 503 with Retry-After;
 * the second is a 500 and a log line.
 */

/** Seconds a caller is told to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

export const DATABASE_UNAVAILABLE_MESSAGE = 'The service is temporarily unavailable; retry shortly.';

// SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown,
// crash, starting up), and 53300 (too many connections).
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-4]$|53300$)/;
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
// pg reports a lost or unobtainable connection by message only.
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (typeof cause !== 'object') return false;
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    // GraphQL wraps a resolver's error in originalError; Node in cause; AggregateError in errors.
    const next = cause as { originalError?: unknown; cause?: unknown; errors?: unknown[] };
    if (Array.isArray(next.errors) && next.errors.some((e) => isDatabaseUnavailable(e))) return true;
    cause = next.originalError ?? next.cause;
  }
  return false;
}
