import type { UserRow } from '../users/users.table.js';
import type { PresenceView } from './presence.rules.js';
import { keyOf, type PresenceChange } from './presence.store.js';

/** A change as watchers get it: with the user's row, read once per change for every watcher here. */
export type WatchedChange = PresenceChange & { user: UserRow | null };

/** One connection's presence as its watchers see it (view null: that connection hides it). */
export interface FriendPresence {
  userId: number;
  view: PresenceView | null;
  /** The connection's row, read once for all watchers of a change (null: read it when shown). */
  user: UserRow | null;
}

/** At most one delivery per user per this many ms to its watchers; changes in between are folded into the last. */
export const COALESCE_MS = 1_000;

/** One subscriber's side: told of each watched user's changes, and when it must re-read them all. */
export interface Watcher {
  /**
   * A change of a watched user. Every watcher of the change gets the same object, which none
   * may modify: each subscriber's results of it are computed once (subscription-events.ts).
   */
  onPresence(event: Readonly<FriendPresence>): void;
  /** Changes may have been missed: re-read every watched user. */
  onResync(): void;
}

export interface WatchHandle {
  add(userId: number): void;
  remove(userId: number): void;
  stop(): void;
}

interface Pending {
  lastAt: number;
  change: WatchedChange | null;
  timer: NodeJS.Timeout;
}

/**
 * This instance's presence subscribers, indexed by the users they watch: a change of one user
 * costs a map lookup and one call per watcher on this instance, never a database read; users
 * nobody here watches cost nothing. Rapid flips are folded: each user's watchers hear at most
 * one change per COALESCE_MS, the latest.
 */
export class PresenceWatchers {
  readonly #byUser = new Map<string, Set<Watcher>>();
  readonly #all = new Set<Watcher>();
  readonly #pending = new Map<string, Pending>();

  watch(tenant: string, userIds: Iterable<number>, watcher: Watcher): WatchHandle {
    const watched = new Set<number>();
    this.#all.add(watcher);
    const add = (userId: number) => {
      if (watched.has(userId)) return;
      watched.add(userId);
      const key = keyOf({ tenant, userId });
      let set = this.#byUser.get(key);
      if (!set) {
        set = new Set();
        this.#byUser.set(key, set);
      }
      set.add(watcher);
    };
    const remove = (userId: number) => {
      if (!watched.delete(userId)) return;
      const key = keyOf({ tenant, userId });
      const set = this.#byUser.get(key);
      set?.delete(watcher);
      if (set?.size === 0) this.#byUser.delete(key);
    };
    for (const userId of userIds) add(userId);
    return {
      add,
      remove,
      stop: () => {
        for (const userId of [...watched]) remove(userId);
        this.#all.delete(watcher);
      },
    };
  }

  /** Whether any watcher on this instance watches the user. */
  watches(tenant: string, userId: number): boolean {
    return this.#byUser.has(keyOf({ tenant, userId }));
  }

  /** A change committed on some instance: to this instance's watchers of that user, folded. */
  deliver(change: WatchedChange, now = Date.now()): void {
    const key = keyOf(change);
    if (!this.#byUser.has(key)) return;
    const pending = this.#pending.get(key);
    if (pending) {
      pending.change = change;
      return;
    }
    this.#send(key, change, now);
  }

  #send(key: string, change: WatchedChange, now: number): void {
    const event: FriendPresence = { userId: change.userId, view: change.view, user: change.user };
    for (const watcher of [...(this.#byUser.get(key) ?? [])]) watcher.onPresence(event);
    const timer = setTimeout(() => {
      const entry = this.#pending.get(key);
      this.#pending.delete(key);
      if (entry?.change) this.#send(key, entry.change, Date.now());
    }, COALESCE_MS);
    timer.unref();
    this.#pending.set(key, { lastAt: now, change: null, timer });
  }

  /** The instance's change feed was interrupted: every watcher re-reads. */
  resync(): void {
    for (const watcher of [...this.#all]) watcher.onResync();
  }

  /** Users watched on this instance (metrics, tests). */
  get watchedUsers(): number {
    return this.#byUser.size;
  }

  close(): void {
    for (const { timer } of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
  }
}
