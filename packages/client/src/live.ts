/**
 * Live notifications over graphql-ws that survive reconnects: each (re)subscription asks for
 * `notificationAdded(after: <last delivered id>)`, so notifications committed while the socket
 * was down arrive once each, in order, and nothing is delivered twice (the server resumes by the
 * user's gap-free notification sequence; see docs/REALTIME.md). Works in browsers (built-in
 * `WebSocket`) and in Node (pass `webSocketImpl`, e.g. the `ws` package).
 *
 * A temporary refusal (a rate budget, a full instance, an outage, an expired token) is waited
 * out, never given up on; only refusals that retrying cannot change end a subscription
 * (docs/CLIENT.md, "Retries and refusals").
 */
import { type Client, createClient } from 'graphql-ws';
import type {
  ConnectionEventsSubscription,
  NotificationAddedSubscription,
  NotificationFieldsFragment,
} from './gql/graphql.js';
import { ConnectionEvents, NotificationAdded } from './operations.js';

export type LiveNotification = NotificationFieldsFragment;
export type LiveConnectionEvent = ConnectionEventsSubscription['connectionEvents'];

/** `connecting` (also between retries), `connected`, `disconnected` (waiting to retry), `closed`. */
export type LiveStatus = 'connecting' | 'connected' | 'disconnected' | 'closed';

/**
 * Why a subscription waits before trying again:
 * - `DISCONNECTED`: the socket dropped or could not open (network, restart, and, as a browser
 *   sees it, any refused upgrade: a browser cannot read an upgrade's status);
 * - `SERVICE_UNAVAILABLE`: the instance is full (upgrade refused with 503, seen in Node; or
 *   close 1013) or its database is away;
 * - `RATE_LIMITED`: the user's subscribe budget is used up until the window ends;
 * - `TOO_MANY_SUBSCRIPTIONS`: the socket runs as many subscriptions as it may (stop one);
 * - `TOO_MANY_SOCKETS`: the user, this token or the service has as many sockets open on the
 *   instance as it may (close 4029; other tabs or clients hold them);
 * - `UNAUTHENTICATED`: the token expired or was refused (4401); `token()` is asked again;
 * - `SERVER_ERROR`: the stream failed on the server ("Unexpected error.");
 * - `ENDED`: the server (or a proxy) ended the stream.
 */
export type LiveRetryReason =
  | 'DISCONNECTED'
  | 'SERVICE_UNAVAILABLE'
  | 'RATE_LIMITED'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'TOO_MANY_SOCKETS'
  | 'UNAUTHENTICATED'
  | 'SERVER_ERROR'
  | 'ENDED';

/** A subscription is waiting before it subscribes again (from its newest position). */
export interface LiveRetry {
  operation: 'notificationAdded' | 'connectionEvents';
  reason: LiveRetryReason;
  /** How long it waits: at least what the server asked for (`retryAfterSeconds`, `Retry-After`). */
  delayMs: number;
  /** When it tries again (`Date.now()` clock): a UI counts down "retrying in N s" to it. */
  retryAt: number;
  /** What the server said: the GraphQL errors, the close event, or the upgrade's `{ status, retryAfterSeconds }`. */
  detail: unknown;
}

export interface LiveClientOptions {
  /** The gateway's WebSocket endpoint, e.g. `wss://connections.example/graphql`. */
  url: string;
  /**
   * The player's JWT, or a function returning a current one (called on every (re)connect). With
   * a function, a socket closed for an expired or refused token (4401) reconnects with what it
   * returns next; with a fixed string, retrying cannot help, so its subscriptions stop (`onError`).
   */
  token: string | (() => string | Promise<string>);
  /** A WebSocket class: `globalThis.WebSocket` by default; in Node 20 pass `ws`'s `WebSocket`. */
  webSocketImpl?: unknown;
  /**
   * Wait before the `attempt`-th retry (1-based); default 250 ms doubling up to 10 s, with
   * jitter. A delay the server asks for is waited in full whatever this returns.
   */
  retryDelayMs?: (attempt: number) => number;
  /** Socket state changes, for a "live / reconnecting" indicator; `detail` is the close event or error. */
  onStatus?: (status: LiveStatus, detail?: unknown) => void;
  /** A subscription waits before trying again, for a "retrying in N s" indicator. */
  onRetry?: (retry: LiveRetry) => void;
  /** Ping interval in ms (graphql-ws `keepAlive`); the server pings too. Default: off. */
  keepAliveMs?: number;
}

/** A subscription that resubscribes by itself until stopped or finally refused. */
export interface LiveSubscription {
  /** Ends it, a pending retry included (no more callbacks). */
  stop(): void;
  readonly stopped: boolean;
}

export interface NotificationFollower extends LiveSubscription {
  /** The id of the last notification delivered (or the starting `after`): persist it to resume later. */
  readonly position: string | null;
}

export interface FollowNotificationsOptions {
  /**
   * Where to start: the id of the last notification the UI shows, or the `liveCursor` of the
   * `Notifications` page it read first. Omitted: from the moment the subscription starts.
   */
  after?: string | null;
  /** Acting user, for service tokens only. */
  userId?: string;
  onNotification: (notification: LiveNotification) => void;
  /**
   * The server refused the subscription for good (FORBIDDEN, NOTIFICATION_NOT_FOUND,
   * USER_NOT_FOUND, an invalid document, close 4400/4406/4409, 4401 with a fixed token); it stops.
   */
  onError?: (error: unknown) => void;
}

export interface FollowConnectionEventsOptions {
  userId?: string;
  onEvent: (event: LiveConnectionEvent) => void;
  /**
   * Re-read the friends lists now: called once the subscription is registered (on its first
   * event), again after every reconnect or retry (events of the gap are not replayed), and on
   * the server's `ConnectionsResyncEvent`. Lists read then miss no change.
   */
  onResync?: () => void;
  onError?: (error: unknown) => void;
}

export interface LiveClient {
  /** The underlying graphql-ws client (one lazy socket shared by all subscriptions). */
  readonly client: Client;
  followNotifications(options: FollowNotificationsOptions): NotificationFollower;
  followConnectionEvents(options: FollowConnectionEventsOptions): LiveSubscription;
  /** Drops the socket now (as a network failure would); subscriptions resume by themselves. */
  reconnect(): void;
  /** Stops every subscription (pending retries included) and closes the socket. */
  close(): Promise<void>;
}

// ---- refusals: what is temporary, and how long to wait ---------------------------------------

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
interface Wait {
  reason: LiveRetryReason;
  atLeastMs: number;
  /** `socket`: consecutive failed sockets; `subscription`: this subscription's refusals in a row. */
  backoff: 'socket' | 'subscription';
}

/** A WebSocket upgrade answered with an HTTP status (seen only where the impl exposes it: `ws`). */
interface UpgradeRefusal {
  status: number | undefined;
  retryAfterSeconds: number | undefined;
}

interface GraphQLErrorLike {
  message?: string;
  extensions?: { code?: unknown; retryAfterSeconds?: unknown };
}

function isObject(value: unknown): value is Record<string, unknown> {
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
function waitForErrors(errors: readonly GraphQLErrorLike[]): Wait | null {
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
function waitForSocketFailure(
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
function recordingUpgradeRefusals(impl: unknown, refusals: WeakMap<object, UpgradeRefusal>): unknown {
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

function defaultRetryDelay(attempt: number): number {
  const base = Math.min(10_000, 250 * 2 ** Math.max(0, attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}

/**
 * The server's delay, never shorter: 1% to 10% (at most 1 s) is added, so that refused clients do
 * not all return at once and a timer firing a millisecond early still lands after it.
 */
function atLeast(ms: number): number {
  return ms > 0 ? ms + (0.1 + 0.9 * Math.random()) * Math.min(1_000, ms / 10) : 0;
}

// ---- the client ---------------------------------------------------------------------------------

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const renewableToken = typeof options.token === 'function';
  const upgradeRefusals = new WeakMap<object, UpgradeRefusal>();
  const webSocketImpl = recordingUpgradeRefusals(options.webSocketImpl, upgradeRefusals);
  const client = createClient({
    url: options.url,
    ...(webSocketImpl !== undefined && { webSocketImpl }),
    connectionParams: async () => {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      return { authorization: `Bearer ${token}` };
    },
    lazy: true,
    // We reconnect ourselves: graphql-ws would resubscribe with the original `after`.
    retryAttempts: 0,
    ...(options.keepAliveMs !== undefined && { keepAlive: options.keepAliveMs }),
  });
  let closed = false;
  // Sockets opened since the last one the server acknowledged: the socket backoff's attempt.
  let socketAttempts = 0;
  const subscriptions = new Set<LiveSubscription>();
  const status = (value: LiveStatus, detail?: unknown) => {
    if (!closed || value === 'closed') options.onStatus?.(value, detail);
  };
  client.on('connecting', () => {
    socketAttempts += 1;
    status('connecting');
  });
  client.on('connected', () => {
    socketAttempts = 0;
    status('connected');
  });
  client.on('closed', (event) => status('disconnected', event));

  /**
   * Ends an operation on the socket, a moment later: graphql-ws releases an operation both when it
   * is disposed and when the server's `complete` arrives, and `ws` delivers the messages of one
   * read back to back; disposing from within `next({ errors })` (the server completes right
   * after) would release it twice, and the lazy socket would close under the other subscriptions.
   * By the next task graphql-ws has seen the `complete`, and the dispose does nothing.
   */
  const release = (dispose: (() => void) | undefined) => {
    if (dispose) setTimeout(dispose, 0);
  };

  /** The refused socket behind a failure, if it was an upgrade answered with a status (Node). */
  const upgradeRefusalOf = (error: unknown): UpgradeRefusal | undefined => {
    const target = isObject(error) ? error.target : undefined;
    return isObject(target) ? upgradeRefusals.get(target) : undefined;
  };

  /**
   * Keeps one subscription alive: `request()` is asked for the query and variables on every
   * (re)subscription; `onData(data, fresh)` gets each result (`fresh` for the first one of each
   * (re)subscription: it is registered on the server from then on).
   */
  function resubscribing<R>(
    operation: LiveRetry['operation'],
    request: () => { query: string; variables: Record<string, unknown> },
    onData: (data: R, fresh: boolean) => void,
    onError: ((error: unknown) => void) | undefined,
  ): LiveSubscription {
    let stopped = false;
    // Results of an attempt given up on (refused, failed, stopped) are no longer delivered.
    let generation = 0;
    // Temporary refusals of this subscription in a row (its socket may be fine meanwhile).
    let refusals = 0;
    let dispose: (() => void) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription: LiveSubscription = {
      get stopped() {
        return stopped;
      },
      stop() {
        if (stopped) return;
        stopped = true;
        generation += 1;
        clearTimeout(timer);
        release(dispose);
        subscriptions.delete(subscription);
      },
    };
    const fail = (error: unknown) => {
      subscription.stop();
      onError?.(error);
    };
    /** Waits out a temporary refusal, then subscribes again from the newest position. */
    const retryLater = (wait: Wait, detail: unknown) => {
      if (stopped || closed) return;
      generation += 1;
      release(dispose);
      dispose = undefined;
      const attempt = wait.backoff === 'socket' ? socketAttempts + 1 : ++refusals;
      const delayMs = Math.round(Math.max(retryDelay(attempt), atLeast(wait.atLeastMs)));
      timer = setTimeout(start, delayMs);
      options.onRetry?.({ operation, reason: wait.reason, delayMs, retryAt: Date.now() + delayMs, detail });
    };
    const refused = (wait: Wait | null, detail: unknown) => (wait ? retryLater(wait, detail) : fail(detail));
    function start() {
      if (stopped || closed) return;
      const current = ++generation;
      let first = true;
      dispose = client.subscribe<R>(request(), {
        next: (result) => {
          if (current !== generation) return;
          // A subscribe refused by the resolver (RATE_LIMITED, FORBIDDEN, ...) or a stream that failed.
          if (result.errors?.length) return refused(waitForErrors(result.errors), result.errors);
          if (!result.data) return;
          const fresh = first;
          first = false;
          refusals = 0;
          onData(result.data as R, fresh);
        },
        error: (error) => {
          if (current !== generation) return;
          // An array: the subscribe was refused before it ran (TOO_MANY_SUBSCRIPTIONS, an invalid
          // document). Anything else: the socket closed or could not open.
          if (Array.isArray(error)) return refused(waitForErrors(error), error);
          const upgrade = upgradeRefusalOf(error);
          refused(waitForSocketFailure(error, renewableToken, upgrade), upgrade ?? error);
        },
        // The server ended the stream (it does not on its own, but a proxy may): resume.
        complete: () => {
          if (current === generation) retryLater({ reason: 'ENDED', atLeastMs: 0, backoff: 'subscription' }, undefined);
        },
      });
    }
    subscriptions.add(subscription);
    start();
    return subscription;
  }

  return {
    client,
    followNotifications(follow) {
      let position = follow.after ?? null;
      const subscription = resubscribing<NotificationAddedSubscription>(
        'notificationAdded',
        () => ({
          query: String(NotificationAdded),
          variables: { after: position, ...(follow.userId !== undefined && { userId: follow.userId }) },
        }),
        (data) => {
          const notification = data.notificationAdded;
          position = notification.id;
          follow.onNotification(notification);
        },
        follow.onError,
      );
      return {
        stop: () => subscription.stop(),
        get stopped() {
          return subscription.stopped;
        },
        get position() {
          return position;
        },
      };
    },
    followConnectionEvents(follow) {
      return resubscribing<ConnectionEventsSubscription>(
        'connectionEvents',
        () => ({
          query: String(ConnectionEvents),
          variables: follow.userId !== undefined ? { userId: follow.userId } : {},
        }),
        (data, fresh) => {
          // The first event of a (re)subscription proves it is registered: re-reading now misses nothing.
          if (fresh) follow.onResync?.();
          const event = data.connectionEvents;
          follow.onEvent(event);
          if (event.__typename === 'ConnectionsResyncEvent') follow.onResync?.();
        },
        follow.onError,
      );
    },
    reconnect() {
      client.terminate();
    },
    async close() {
      closed = true;
      for (const subscription of [...subscriptions]) subscription.stop();
      await client.dispose();
      options.onStatus?.('closed');
    },
  };
}
