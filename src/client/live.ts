/**
 * Live notifications over graphql-ws that survive reconnects: each (re)subscription asks for
 * `notificationAdded(after: <last delivered id>)`, so notifications committed while the socket
 * was down arrive once each, in order, and nothing is delivered twice (the server resumes by the
 * user's gap-free notification sequence; see docs/REALTIME.md). Works in browsers (built-in
 * `WebSocket`) and in Node (pass `webSocketImpl`, e.g. the `ws` package).
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

export interface LiveClientOptions {
  /** The gateway's WebSocket endpoint, e.g. `wss://connections.example/graphql`. */
  url: string;
  /** The player's JWT, or a function returning a current one (called on every (re)connect). */
  token: string | (() => string | Promise<string>);
  /** A WebSocket class: `globalThis.WebSocket` by default; in Node 20 pass `ws`'s `WebSocket`. */
  webSocketImpl?: unknown;
  /** Wait before the `attempt`-th reconnect (1-based); default 250 ms doubling up to 10 s, with jitter. */
  retryDelayMs?: (attempt: number) => number;
  /** Socket state changes, for a "live / reconnecting" indicator; `detail` is the close event or error. */
  onStatus?: (status: LiveStatus, detail?: unknown) => void;
  /** Ping interval in ms (graphql-ws `keepAlive`); the server pings too. Default: off. */
  keepAliveMs?: number;
}

/** A subscription that resubscribes by itself until stopped or refused. */
export interface LiveSubscription {
  /** Ends it (no more callbacks). */
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
  /** The server refused the subscription (GraphQL errors: FORBIDDEN, NOTIFICATION_NOT_FOUND...); it stops. */
  onError?: (error: unknown) => void;
}

export interface FollowConnectionEventsOptions {
  userId?: string;
  onEvent: (event: LiveConnectionEvent) => void;
  /**
   * Re-read the friends lists now: called once the subscription is registered (on its first
   * event), again after every reconnect (events of the gap are not replayed), and on the
   * server's `ConnectionsResyncEvent`. Lists read then miss no change.
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
  /** Stops every subscription and closes the socket. */
  close(): Promise<void>;
}

/** Close codes after which retrying cannot help (a client bug, not a network problem). */
const FATAL_CLOSE_CODES = new Set([4400, 4406, 4409]);

function closeCodeOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number') {
    return error.code;
  }
  return undefined;
}

function defaultRetryDelay(attempt: number): number {
  const base = Math.min(10_000, 250 * 2 ** Math.max(0, attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}

export function createLiveClient(options: LiveClientOptions): LiveClient {
  const retryDelay = options.retryDelayMs ?? defaultRetryDelay;
  const client = createClient({
    url: options.url,
    ...(options.webSocketImpl !== undefined && { webSocketImpl: options.webSocketImpl }),
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
  let failures = 0;
  const subscriptions = new Set<LiveSubscription>();
  const status = (value: LiveStatus, detail?: unknown) => {
    if (!closed || value === 'closed') options.onStatus?.(value, detail);
  };
  client.on('connecting', () => status('connecting'));
  client.on('connected', () => {
    failures = 0;
    status('connected');
  });
  client.on('closed', (event) => status('disconnected', event));

  /**
   * Keeps one subscription alive: `request()` is asked for the query and variables on every
   * (re)subscription; `onData(data, fresh)` gets each result (`fresh` for the first one of each
   * (re)subscription: it is registered on the server from then on).
   */
  function resubscribing<R>(
    request: () => { query: string; variables: Record<string, unknown> },
    onData: (data: R, fresh: boolean) => void,
    onError: ((error: unknown) => void) | undefined,
  ): LiveSubscription {
    let stopped = false;
    let generation = 0;
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
        dispose?.();
        subscriptions.delete(subscription);
      },
    };
    const fail = (error: unknown) => {
      subscription.stop();
      onError?.(error);
    };
    const retry = () => {
      if (stopped || closed) return;
      failures += 1;
      timer = setTimeout(start, retryDelay(failures));
    };
    function start() {
      if (stopped || closed) return;
      const current = ++generation;
      let first = true;
      dispose = client.subscribe<R>(request(), {
        next: (result) => {
          if (current !== generation) return;
          if (result.errors?.length) return fail(result.errors);
          if (!result.data) return;
          const fresh = first;
          first = false;
          onData(result.data as R, fresh);
        },
        error: (error) => {
          if (current !== generation) return;
          // GraphQL errors (a refused subscribe) and client bugs are final; anything else is a
          // dropped or refused socket: try again with the newest position.
          const code = closeCodeOf(error);
          if (Array.isArray(error) || (code !== undefined && FATAL_CLOSE_CODES.has(code))) return fail(error);
          retry();
        },
        // The server ended the stream (it does not on its own, but a proxy may): resume.
        complete: () => {
          if (current === generation) retry();
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
