/** What the live client takes and gives: options, statuses, retries and subscriptions (see live.ts). */
import type { Client } from 'graphql-ws';
import type {
  ConnectionEventsSubscription,
  FriendPresenceChangedSubscription,
  NotificationFieldsFragment,
} from './gql/graphql.js';

export type LiveNotification = NotificationFieldsFragment;
export type LiveConnectionEvent = ConnectionEventsSubscription['connectionEvents'];
export type LiveFriendPresence = FriendPresenceChangedSubscription['friendPresenceChanged'];

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
  operation: 'notificationAdded' | 'connectionEvents' | 'friendPresenceChanged';
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

export interface FollowFriendPresenceOptions {
  userId?: string;
  /**
   * A friend's presence now (null: the friend shares it with nobody). On every (re)subscription
   * the server first sends one for each friend not offline, then each change; friends it does not
   * name are offline. A friend who went offline while the socket was down is not named again:
   * re-read the friends list (with their presence) when `followConnectionEvents` resyncs.
   */
  onPresence: (event: LiveFriendPresence) => void;
  onError?: (error: unknown) => void;
}

export interface LiveClient {
  /** The underlying graphql-ws client (one lazy socket shared by all subscriptions). */
  readonly client: Client;
  followNotifications(options: FollowNotificationsOptions): NotificationFollower;
  followConnectionEvents(options: FollowConnectionEventsOptions): LiveSubscription;
  /** Friends' presence (`friendPresenceChanged`), resubscribing after every reconnect or retry. */
  followFriendPresence(options: FollowFriendPresenceOptions): LiveSubscription;
  /** Drops the socket now (as a network failure would); subscriptions resume by themselves. */
  reconnect(): void;
  /** Stops every subscription (pending retries included) and closes the socket. */
  close(): Promise<void>;
}

// ---- refusals: what is temporary, and how long to wait ---------------------------------------
