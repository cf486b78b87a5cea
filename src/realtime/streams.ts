import { Repeater } from 'graphql-yoga';
import { type ConnectionEdge, findConnectionEdge } from '../db/connections.repository.js';
import type { Db, NotificationRow, UserRow } from '../db/database.js';
import { countNotifications, listNotificationsAfterSeq } from '../db/notifications.repository.js';
import type { EventHub } from './hub.js';

/** Notifications read per query while catching up. */
const BATCH = 100;

/**
 * Every notification of `user` committed after `afterSeq` (or, when null, after the moment of
 * subscribing), in order, exactly once, then live. Events only wake the stream; what it
 * delivers is always read from the database by the user's gap-free `seq`, so a replay and
 * live delivery meet without a gap or a duplicate, and a missed or repeated event changes
 * nothing. The stream waits for its consumer before reading more (backpressure).
 */
export function notificationStream(db: Db, hub: EventHub, user: UserRow, afterSeq: number | null) {
  return new Repeater<NotificationRow>(async (push, stop) => {
    let lastSeq = afterSeq ?? 0;
    let ready = false;
    let done = false;
    let draining = false;
    let again = false;

    const drain = async () => {
      do {
        again = false;
        for (;;) {
          const rows = await listNotificationsAfterSeq(db, user.id, lastSeq, BATCH);
          for (const row of rows) {
            if (done) return;
            lastSeq = row.seq;
            await push(row);
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
    const unsubscribe = hub.subscribe(user.tenant, user.id, {
      onEvent: (event) => {
        if (event.kind === 'notification') wake();
      },
      onGap: wake,
    });
    try {
      if (afterSeq === null) {
        const current = await db
          .selectFrom('users')
          .select('notification_seq')
          .where('id', '=', user.id)
          .executeTakeFirst();
        lastSeq = current?.notification_seq ?? 0;
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
  | { type: 'unread'; unreadCount: number };

/**
 * A friends panel's live feed for `user`: connections created and removed (both sides hear of
 * both), and the unread notification count whenever it changes, starting with its current
 * value. Events are handled one at a time, in commit order.
 */
export function connectionEventStream(db: Db, hub: EventHub, user: UserRow) {
  return new Repeater<ConnectionEvent>(async (push, stop) => {
    let done = false;
    let queue: Promise<void> = Promise.resolve();
    let lastUnread: number | null = null;

    const enqueue = (task: () => Promise<void>) => {
      queue = queue
        .then(async () => {
          if (!done) await task();
        })
        .catch((error: unknown) => {
          stop(error);
        });
    };
    const refreshUnread = async () => {
      const unreadCount = await countNotifications(db, user.id, true);
      if (unreadCount === lastUnread) return;
      lastUnread = unreadCount;
      await push({ type: 'unread', unreadCount });
    };

    const unsubscribe = hub.subscribe(user.tenant, user.id, {
      onEvent: (event) =>
        enqueue(async () => {
          switch (event.kind) {
            case 'notification':
            case 'notifications_read':
              return refreshUnread();
            case 'connection_created': {
              // Gone again already? Then the removal event follows; nothing to show.
              const connection = await findConnectionEdge(db, user.id, event.connectionId);
              if (connection) await push({ type: 'created', connection });
              return;
            }
            case 'connection_removed': {
              const otherUserId = event.userIds.find((id) => id !== user.id) ?? user.id;
              await push({ type: 'removed', connectionId: event.connectionId, otherUserId });
              return;
            }
          }
        }),
      // Connection events of an outage are not replayed; the count is re-read instead.
      onGap: () => enqueue(refreshUnread),
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
