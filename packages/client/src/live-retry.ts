/**
 * How the live client tells a temporary refusal (waited out, then retried) from a final one, and
 * how long it waits: the server's own delay when it gives one, else an exponential backoff.
 */
import type { LiveRetryReason } from './live-types.js';

/** Close codes after which retrying cannot help (a client bug, not a network problem). */
const FATAL_CLOSE_CODES = new Set([4400, 4406, 4409]);
/** graphql-ws: the token was missing, invalid or expired. */
const UNAUTHORIZED_CLOSE_CODE = 4401;
/** WebSocket "try again later": the instance took the socket in a race it lost (it is full). */
const TRY_AGAIN_LATER_CLOSE_CODE = 1013;
/** The user (or this token, or the service) has as many sockets open as it may. */
const TOO_MANY_SOCKETS_CLOSE_CODE = 4029;

/**
 * GraphQL error codes of a refused or failed subscription that a later attempt can get past.
 * Any other code (FORBIDDEN, *_NOT_FOUND, VALIDATION_FAILED, an invalid document) is final.
 */
const TEMPORARY_ERROR_CODES: Readonly<Record<string, LiveRetryReason>> = {
  RATE_LIMITED: 'RATE_LIMITED',
  TOO_MANY_SUBSCRIPTIONS: 'TOO_MANY_SUBSCRIPTIONS',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'SERVER_ERROR',
};

/** A temporary refusal: why, the least the server asked to wait, and which backoff counts it. */
export interface Wait {
  reason: LiveRetryReason;
  atLeastMs: number;
  /** `socket`: consecutive failed sockets; `subscription`: this subscription's refusals in a row. */
  backoff: 'socket' | 'subscription';
}

/** A WebSocket upgrade answered with an HTTP status (seen only where the impl exposes it: `ws`). */
export interface UpgradeRefusal {
  status: number | undefined;
  retryAfterSeconds: number | undefined;
}

interface GraphQLErrorLike {
  message?: string;
  extensions?: { code?: unknown; retryAfterSeconds?: unknown };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function closeCodeOf(error: unknown): number | undefined {
  return isObject(error) && typeof error.code === 'number' ? error.code : undefined;
}

function secondsToMs(seconds: number | undefined): number {
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/** `Retry-After` as delay-seconds or an HTTP date. */
function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text) return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim());
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** A close reason may say how long to wait ("... retry after 5 seconds"); browsers can read it. */
function retryAfterInReason(reason: unknown): number | undefined {
  const match = typeof reason === 'string' ? /retry after (\d+) seconds?/i.exec(reason) : null;
  return match ? Number(match[1]) : undefined;
}

/** Errors of one refused subscription: a wait if every one of them is temporary, else `null` (final). */
export function waitForErrors(errors: readonly GraphQLErrorLike[]): Wait | null {
  let wait: Wait | null = null;
  for (const error of errors) {
    const code = error.extensions?.code;
    const reason = typeof code === 'string' ? TEMPORARY_ERROR_CODES[code] : undefined;
    if (reason === undefined) return null;
    const retryAfter = error.extensions?.retryAfterSeconds;
    const atLeastMs = secondsToMs(typeof retryAfter === 'number' ? retryAfter : undefined);
    if (!wait || atLeastMs > wait.atLeastMs) wait = { reason, atLeastMs, backoff: 'subscription' };
  }
  return wait;
}

/**
 * A socket that closed or never opened: final only for a client bug, or for 4401 when the token
 * cannot change; everything else (network, restart, full instance, slow consumer) is retried.
 */
export function waitForSocketFailure(
  error: unknown,
  renewableToken: boolean,
  upgrade: UpgradeRefusal | undefined,
): Wait | null {
  const code = closeCodeOf(error);
  if (code !== undefined && FATAL_CLOSE_CODES.has(code)) return null;
  if (code === UNAUTHORIZED_CLOSE_CODE) {
    return renewableToken ? { reason: 'UNAUTHENTICATED', atLeastMs: 0, backoff: 'socket' } : null;
  }
  if (code === TRY_AGAIN_LATER_CLOSE_CODE || code === TOO_MANY_SOCKETS_CLOSE_CODE) {
    const atLeastMs = secondsToMs(retryAfterInReason(isObject(error) ? error.reason : undefined));
    const reason = code === TOO_MANY_SOCKETS_CLOSE_CODE ? 'TOO_MANY_SOCKETS' : 'SERVICE_UNAVAILABLE';
    return { reason, atLeastMs, backoff: 'socket' };
  }
  if (upgrade) {
    const reason = upgrade.status === 503 ? 'SERVICE_UNAVAILABLE' : 'DISCONNECTED';
    return { reason, atLeastMs: secondsToMs(upgrade.retryAfterSeconds), backoff: 'socket' };
  }
  return { reason: 'DISCONNECTED', atLeastMs: 0, backoff: 'socket' };
}

/**
 * A browser hides a refused upgrade behind a failed socket; `ws` (Node) shows its response: this
 * subclass records status and `Retry-After` so the wait honours them, then fails the socket as
 * `ws` would have. Any other implementation is returned as it is.
 */
export function recordingUpgradeRefusals(impl: unknown, refusals: WeakMap<object, UpgradeRefusal>): unknown {
  if (typeof impl !== 'function') return impl;
  const prototype: unknown = impl.prototype;
  if (!isObject(prototype) || typeof prototype.on !== 'function' || typeof prototype.terminate !== 'function') {
    return impl;
  }
  type Response = { statusCode?: number; headers: Record<string, string | string[] | undefined> };
  type NodeWebSocket = {
    on(event: 'unexpected-response', listener: (request: unknown, response: Response) => void): unknown;
    terminate(): void;
  };
  const Base = impl as new (...args: unknown[]) => NodeWebSocket;
  return class extends Base {
    constructor(...args: unknown[]) {
      super(...args);
      this.on('unexpected-response', (_request, response) => {
        refusals.set(this, {
          status: response.statusCode,
          retryAfterSeconds: parseRetryAfter(response.headers['retry-after']),
        });
        // With a listener, `ws` leaves the failed handshake to us: fail it as it would have.
        this.terminate();
      });
    }
  };
}

export function defaultRetryDelay(attempt: number): number {
  const base = Math.min(10_000, 250 * 2 ** Math.max(0, attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}

/**
 * The server's delay, never shorter: 1% to 10% (at most 1 s) is added, so that refused clients do
 * not all return at once and a timer firing a millisecond early still lands after it.
 */
export function atLeast(ms: number): number {
  return ms > 0 ? ms + (0.1 + 0.9 * Math.random()) * Math.min(1_000, ms / 10) : 0;
}
