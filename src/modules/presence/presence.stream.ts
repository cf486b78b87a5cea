import { Repeater } from 'graphql-yoga';
import type { Db } from '../../platform/db/database.js';
import type { EventHub } from '../../platform/events/hub.js';
import { deliver, type Liveness } from '../live/streams.js';
import type { UserRow } from '../users/users.table.js';
import type { PresenceEngine } from './presence.engine.js';
import { listConnectedUserIds } from './presence.repository.js';
import { connectionsView, type PresenceView } from './presence.rules.js';

/** One connection's presence as the watching user sees it (null: that connection hides it). */
export interface FriendPresence {
  userId: number;
  view: PresenceView | null;
}

/**
 * The presence of each of `user`'s connections, live: first those not offline (a snapshot),
 * then every change, at most one per connection per second (folded to the latest). Connections
 * made or removed meanwhile join or leave the watch. Pending deliveries are kept one per
 * connection, the latest, so a slow client costs at most one entry per connection; one that
 * takes nothing for `liveness.stallMs` is dropped like any other stream's.
 */
export function friendPresenceStream(
  deps: { db: Db; hub: EventHub; presence: PresenceEngine },
  user: UserRow,
  liveness: Liveness,
) {
  const { db, hub, presence } = deps;
  return new Repeater<FriendPresence>(async (push, stop) => {
    const pending = new Map<number, PresenceView | null>();
    /** Connections last reported as not offline: a resync must tell which went offline meanwhile. */
    const shownLive = new Set<number>();
    const watched = new Set<number>();
    let ready = false;
    let pumping = false;
    let done = false;

    const pump = async () => {
      if (pumping || !ready || done) return;
      pumping = true;
      try {
        for (let next = pending.entries().next(); !next.done && !done; next = pending.entries().next()) {
          const [userId, view] = next.value;
          pending.delete(userId);
          if (view && view.status !== 'offline') shownLive.add(userId);
          else shownLive.delete(userId);
          if (!(await deliver(push, stop, { userId, view }, liveness))) done = true;
        }
      } finally {
        pumping = false;
      }
    };
    const queue = (userId: number, view: PresenceView | null) => {
      if (!watched.has(userId)) return;
      pending.delete(userId);
      pending.set(userId, view);
      pump().catch((error: unknown) => stop(error));
    };
    /** The current presence of these connections; a live change already queued is newer and wins. */
    const read = async (userIds: number[], reportOffline: boolean) => {
      const records = await presence.records(user.tenant, userIds);
      const now = Date.now();
      for (const userId of userIds) {
        if (pending.has(userId) || !watched.has(userId)) continue;
        const view = connectionsView(records.get(userId) ?? null, now);
        if (view && view.status !== 'offline') pending.set(userId, view);
        else if (reportOffline && shownLive.has(userId)) pending.set(userId, view);
      }
      pump().catch((error: unknown) => stop(error));
    };
    const resync = () => {
      read([...watched], true).catch((error: unknown) => stop(error));
    };

    const watch = presence.watchers.watch(user.tenant, [], { onPresence: queue, onResync: resync });
    const unsubscribe = hub.subscribe(user.tenant, user.id, {
      onEvent: (event) => {
        if (event.kind !== 'connection_created' && event.kind !== 'connection_removed') return;
        const other = event.userIds.find((id) => id !== user.id);
        if (other === undefined) return;
        if (event.kind === 'connection_created') {
          watched.add(other);
          watch.add(other);
          read([other], false).catch((error: unknown) => stop(error));
        } else {
          watched.delete(other);
          watch.remove(other);
          pending.delete(other);
          shownLive.delete(other);
        }
      },
      onGap: resync,
    });
    try {
      // Watch first, then read: a change committed in between is queued and wins over the read.
      for (const userId of await listConnectedUserIds(db, user.id)) {
        watched.add(userId);
        watch.add(userId);
      }
      await read([...watched], false);
      ready = true;
      await pump();
      await stop;
    } finally {
      done = true;
      watch.stop();
      unsubscribe();
    }
  });
}
