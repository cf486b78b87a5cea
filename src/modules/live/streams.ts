import { GraphQLError } from 'graphql';
import type { GraphQLRefusalCode } from '../../graphql/refusals.js';
import type { Db } from '../../platform/db/database.js';
import type { EventHub } from '../../platform/events/hub.js';
import { findConnectionRequest } from '../connection-requests/connection-requests.repository.js';
import type { ConnectionRequestRow } from '../connection-requests/connection-requests.table.js';
import { type ConnectionEdge, findConnectionEdge } from '../connections/connections.repository.js';
import { countNotifications, listNotificationsAfterSeq } from '../notifications/notifications.repository.js';
import type { NotificationRow } from '../notifications/notifications.table.js';
import { readNotificationSeq } from '../users/users.repository.js';
import type { UserRow } from '../users/users.table.js';
import { LiveStream, TAKEN } from './live-stream.js';
import { StallWatch } from './stall-watch.js';

type Push<T> = (value: T) => Promise<unknown>;
type Stop = (error?: unknown) => unknown;

/** Notifications read per query while catching up. */
const BATCH = 100;
/** Events a friends-panel stream may hold for a client that does not read them. */
const MAX_PENDING_EVENTS = 1_000;

/** What a stream does about a client that stopped taking events. */
export interface Liveness {
  /** How long one event may wait for the client. */
  stallMs: number;
  /**
   * Drops the client's transport (its WebSocket, its SSE connection): its buffers are full, so
   * the stream's last word (SLOW_CONSUMER) may never reach it, and the server should hold
   * nothing more for it.
   */
  onStall?: (() => void) | undefined;
}

export function slowConsumerError(): GraphQLError {
  return new GraphQLError('Slow consumer: the client stopped reading; resubscribe with after', {
    extensions: { code: 'SLOW_CONSUMER' satisfies GraphQLRefusalCode },
  });
}

/** Ends a stream whose client stopped reading, and drops the client's transport. */
function dropSlowConsumer(stop: Stop, liveness: Liveness): void {
  liveness.onStall?.();
  stop(slowConsumerError());
}

/** Every stream's values waiting for their consumers, one timer for all. */
const stalls = new StallWatch();

/**
 * Hands `value` to the stream's consumer, waiting at most `liveness.stallMs` for it to be
 * taken. Resolves false (after dropping the client) when it was not. (A push resolves once the
 * consumer asks for the next value, or the stream stops, which dropping the client does.) A
 * value taken at once (written out by a sink) is true at once: no wait, nothing to watch.
 */
export function deliver<T>(push: Push<T>, stop: Stop, value: T, liveness: Liveness): true | Promise<boolean> {
  const pushed = push(value);
  if (pushed === TAKEN) return true;
  let stalled = false;
  const taken = stalls.watch(liveness.stallMs, () => {
    stalled = true;
    dropSlowConsumer(stop, liveness);
  });
  return pushed.then(
    () => {
      taken();
      return !stalled;
    },
    (error: unknown) => {
      taken();
      throw error;
    },
  );
}

/**
 * Every notification of `user` committed after `afterSeq` (or, when null, after the moment of
 * subscribing), in order, exactly once, then live. Events only wake the stream; what it
 * delivers is always read from the database by the user's gap-free `seq`, so a replay and
 * live delivery meet without a gap or a duplicate, and a missed or repeated event changes
 * nothing. The stream waits for its consumer before reading more (backpressure), and drops a
 * consumer that takes nothing for `liveness.stallMs`: it resumes with `after`.
 */
export function notificationStream(db: Db, hub: EventHub, user: UserRow, afterSeq: number | null, liveness: Liveness) {
  // Only the user's key: the whole row (its dates and strings) would be held for as long as
  // the subscriber stays connected.
  const { id: userId, tenant } = user;
  return new LiveStream<NotificationRow>(async (push, stop) => {
    let lastSeq = afterSeq ?? 0;
    let ready = false;
    let done = false;
    let draining = false;
    let again = false;

    const drain = async () => {
      do {
        again = false;
        for (;;) {
          const rows = await listNotificationsAfterSeq(db, userId, lastSeq, BATCH);
          for (const row of rows) {
            if (done) return;
            if (!(await deliver(push, stop, row, liveness))) {
              done = true;
              return;
            }
            lastSeq = row.seq;
          }
          if (rows.length < BATCH) break;
        }
      } while (again && !done);
    };
    const wake = () => {
      if (!ready || done) {
        again = true;
        return;
      }
      if (draining) {
        again = true;
        return;
      }
      draining = true;
      drain()
        .catch((error: unknown) => stop(error))
        .finally(() => {
          draining = false;
          if (again && !done) wake();
        });
    };

    // Listen first, then fix the starting point: whatever commits in between is after it.
    const unsubscribe = hub.subscribe(tenant, userId, {
      onEvent: (event) => {
        if (event.kind === 'notification') wake();
      },
      onGap: wake,
    });
    try {
      if (afterSeq === null) {
        lastSeq = await readNotificationSeq(db, userId);
      }
      ready = true;
      wake();
      await stop;
    } finally {
      done = true;
      unsubscribe();
    }
  });
}

export type ConnectionEvent =
  | { type: 'created'; connection: ConnectionEdge }
  | { type: 'removed'; connectionId: number; otherUserId: number }
  | { type: 'unread'; unreadCount: number }
  | { type: 'request_closed'; request: ConnectionRequestRow }
  | { type: 'block_changed'; otherUserId: number; blocked: boolean }
  /** Connection events may have been missed (the instance's event feed was interrupted). */
  | { type: 'resync' };

/**
 * A friends panel's live feed for `user`: connections created and removed (both sides hear of
 * both), and the unread notification count whenever it changes, starting with its current
 * value; requests withdrawn or expired, and (to the user's own sessions) blocks and unblocks.
 * Events are handled one at a time, in commit order. After an interruption of the
 * instance's event feed, a `resync` event asks the client to re-read its connections.
 */
export function connectionEventStream(db: Db, hub: EventHub, user: UserRow, liveness: Liveness) {
  // Only the user's key: the whole row (its dates and strings) would be held for as long as
  // the subscriber stays connected.
  const { id: userId, tenant } = user;
  return new LiveStream<ConnectionEvent>(async (push, stop) => {
    let done = false;
    let queue: Promise<void> = Promise.resolve();
    let pending = 0;
    let lastUnread: number | null = null;

    const send = async (event: ConnectionEvent) => {
      if (!(await deliver(push, stop, event, liveness))) done = true;
    };
    const enqueue = (task: () => Promise<void>) => {
      if (done) return;
      if (++pending > MAX_PENDING_EVENTS) {
        done = true;
        dropSlowConsumer(stop, liveness);
        return;
      }
      queue = queue
        .then(async () => {
          if (!done) await task();
        })
        .catch((error: unknown) => {
          stop(error);
        })
        .finally(() => {
          pending--;
        });
    };
    const refreshUnread = async () => {
      const unreadCount = await countNotifications(db, userId, { unreadOnly: true });
      if (unreadCount === lastUnread) return;
      lastUnread = unreadCount;
      await send({ type: 'unread', unreadCount });
    };

    const unsubscribe = hub.subscribe(tenant, userId, {
      onEvent: (event) =>
        enqueue(async () => {
          switch (event.kind) {
            case 'notification':
            case 'notifications_read':
              return refreshUnread();
            case 'connection_created': {
              // Gone again already? Then the removal event follows; nothing to show.
              const connection = await findConnectionEdge(db, userId, event.connectionId);
              if (connection) await send({ type: 'created', connection });
              return;
            }
            case 'connection_removed': {
              const otherUserId = event.userIds.find((id) => id !== userId) ?? userId;
              await send({ type: 'removed', connectionId: event.connectionId, otherUserId });
              return;
            }
            case 'request_closed': {
              const request = await findConnectionRequest(db, tenant, event.requestId);
              if (request) await send({ type: 'request_closed', request });
              return;
            }
            case 'block_changed':
              await send({ type: 'block_changed', otherUserId: event.otherUserId, blocked: event.blocked });
              return;
          }
        }),
      // Connection events of an outage cannot be replayed (removed connections leave no row):
      // the client is told to re-read its list, and the count is re-read here.
      onGap: () =>
        enqueue(async () => {
          await send({ type: 'resync' });
          await refreshUnread();
        }),
    });
    enqueue(refreshUnread);
    try {
      await stop;
    } finally {
      done = true;
      unsubscribe();
    }
  });
}
