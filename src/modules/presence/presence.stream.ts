import type { Db } from '../../platform/db/database.js';
import type { EventHub } from '../../platform/events/hub.js';
import { LiveStream } from '../live/live-stream.js';
import { deliver, type Liveness } from '../live/streams.js';
import { findUsersByIds } from '../users/users.repository.js';
import type { UserRow } from '../users/users.table.js';
import type { PresenceEngine } from './presence.engine.js';
import { listConnectedUserIds } from './presence.repository.js';
import { connectionsView, type PresenceView, sameView } from './presence.rules.js';
import type { FriendPresence } from './presence.watchers.js';

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
  // Only the user's key: the whole row (its dates and strings) would be held for as long as
  // the subscriber stays connected.
  const { id: ownId, tenant } = user;
  const { db, hub, presence } = deps;
  return new LiveStream<Readonly<FriendPresence>>(async (push, stop) => {
    const pending = new Map<number, Readonly<FriendPresence>>();
    /** Connections last reported as not offline: a resync must tell which went offline meanwhile. */
    const shownLive = new Set<number>();
    /**
     * What this client was last told of each connection: a re-read (after an interruption of the
     * feed, or a snapshot racing a change in flight) repeats nothing it already has.
     */
    const lastSent = new Map<number, PresenceView | null>();
    const watched = new Set<number>();
    let ready = false;
    let pumping = false;
    let done = false;

    /**
     * Hands the pending changes to the client in turn; synchronous while each is taken at once
     * (written to its socket), else it resumes when the client took the last.
     */
    const pump = (): void => {
      if (pumping || !ready || done) return;
      pumping = true;
      try {
        for (let next = pending.entries().next(); !next.done && !done; next = pending.entries().next()) {
          const [userId, event] = next.value;
          pending.delete(userId);
          if (lastSent.has(userId) && sameView(lastSent.get(userId) ?? null, event.view)) continue;
          lastSent.set(userId, event.view);
          if (event.view && event.view.status !== 'offline') shownLive.add(userId);
          else shownLive.delete(userId);
          const delivered = deliver(push, stop, event, liveness);
          if (delivered === true) continue;
          delivered.then(
            (taken) => {
              pumping = false;
              if (taken) pump();
              else done = true;
            },
            (error: unknown) => stop(error),
          );
          return;
        }
      } catch (error) {
        // This stream's failure, not the caller's (the watchers' loop over every stream).
        stop(error);
      }
      pumping = false;
    };
    /** A live change: the object every watcher of it shares, passed on as it is. */
    const queue = (event: Readonly<FriendPresence>) => {
      if (!watched.has(event.userId)) return;
      pending.delete(event.userId);
      pending.set(event.userId, event);
      pump();
    };
    /** The current presence of these connections; a live change already queued is newer and wins. */
    const read = async (userIds: number[], reportOffline: boolean) => {
      const records = await presence.records(tenant, userIds);
      const now = Date.now();
      const found = new Map<number, PresenceView | null>();
      for (const userId of userIds) {
        const view = connectionsView(records.get(userId) ?? null, now);
        if ((view && view.status !== 'offline') || (reportOffline && shownLive.has(userId))) found.set(userId, view);
      }
      // Their rows in one read, not one per event.
      const rows = new Map((await findUsersByIds(db, tenant, [...found.keys()])).map((row) => [row.id, row]));
      for (const [userId, view] of found) {
        if (pending.has(userId) || !watched.has(userId)) continue;
        pending.set(userId, { userId, view, user: rows.get(userId) ?? null });
      }
      pump();
    };
    const resync = () => {
      read([...watched], true).catch((error: unknown) => stop(error));
    };

    const watch = presence.watchers.watch(tenant, [], { onPresence: queue, onResync: resync });
    const unsubscribe = hub.subscribe(tenant, ownId, {
      onEvent: (event) => {
        if (event.kind !== 'connection_created' && event.kind !== 'connection_removed') return;
        const other = event.userIds.find((id) => id !== ownId);
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
          lastSent.delete(other);
        }
      },
      onGap: resync,
    });
    try {
      // Watch first, then read: a change committed in between is queued and wins over the read.
      for (const userId of await listConnectedUserIds(db, ownId)) {
        watched.add(userId);
        watch.add(userId);
      }
      await read([...watched], false);
      ready = true;
      pump();
      await stop;
    } finally {
      done = true;
      watch.stop();
      unsubscribe();
    }
  });
}
