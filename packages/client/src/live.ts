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
import { createClient } from 'graphql-ws';
import type {
  ConnectionEventsSubscription,
  FriendPresenceChangedSubscription,
  NotificationAddedSubscription,
} from './gql/graphql.js';
import {
  atLeast,
  defaultRetryDelay,
  isObject,
  recordingUpgradeRefusals,
  type UpgradeRefusal,
  type Wait,
  waitForErrors,
  waitForSocketFailure,
} from './live-retry.js';
import type { LiveClient, LiveClientOptions, LiveRetry, LiveStatus, LiveSubscription } from './live-types.js';
import { ConnectionEvents, FriendPresenceChanged, NotificationAdded } from './operations.js';

export type * from './live-types.js';

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
    followFriendPresence(follow) {
      return resubscribing<FriendPresenceChangedSubscription>(
        'friendPresenceChanged',
        () => ({
          query: String(FriendPresenceChanged),
          variables: follow.userId !== undefined ? { userId: follow.userId } : {},
        }),
        (data) => follow.onPresence(data.friendPresenceChanged),
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
