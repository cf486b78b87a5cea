import type { UserRow } from '../users/users.table.js';
import type { PresenceRecord, PresenceView } from './presence.rules.js';

/** A user as the presence layer knows it: internal row id, within its tenant. */
export interface UserKey {
  tenant: string;
  userId: number;
}

/** A user's key in this instance's maps (ids are unique per database, tenants keep them apart anyway). */
export const keyOf = (user: UserKey): string => `${user.tenant}\u0000${user.userId}`;

/** A change of what a user's connections see (null: the user hides its presence from them). */
export interface PresenceChange extends UserKey {
  view: PresenceView | null;
  /**
   * The user's row as the instance that made the change had just read it, when it had (a
   * `setPresence`, a socket opening, a setting): every instance delivering the change would
   * otherwise read it again. It is the row, not an answer: each watcher's fields are resolved
   * from it as from a row read from the database. Absent: instances read it.
   */
  row?: CarriedRow;
}

/**
 * A user's row as a change carries it through a store's JSON: the names of its `Date` columns
 * travel with it, so that the row is whole again whatever columns `users` gains.
 */
export interface CarriedRow {
  values: Record<string, unknown>;
  dates: string[];
}

export function carryRow(row: UserRow): CarriedRow {
  return {
    values: row as unknown as Record<string, unknown>,
    dates: Object.keys(row).filter((name) => (row as unknown as Record<string, unknown>)[name] instanceof Date),
  };
}

/** The row a change carried (JSON or not: the memory store hands the object itself). */
export function carriedRow(carried: CarriedRow): UserRow {
  const values = { ...carried.values };
  for (const name of carried.dates) values[name] = new Date(values[name] as string | Date);
  return values as unknown as UserRow;
}

/** Hears every committed change, on every instance, in the order of each user's changes. */
export interface PresenceListener {
  onChange(change: PresenceChange): void;
  /** Changes may have been missed (the feed was interrupted): watchers re-read. */
  onGap(): void;
  /**
   * The store came back after an outage and may have lost what it held (a Redis restart):
   * the instance states its sockets and the records of its users again.
   */
  onReconnect?(): void;
}

/** An instance that stopped renewing its lease: its sockets are as good as closed since `leaseUntil`. */
export interface DeadInstance {
  id: string;
  leaseUntil: number;
  users: UserKey[];
}

/**
 * Where presence lives: in this process (one instance), in PostgreSQL (several instances and
 * nothing else), or in Redis (large deployments). A store keeps only what the rules
 * (presence.rules.ts) need: each live user's record, which instance holds which user's sockets,
 * and each instance's lease. It decides nothing: `PresenceEngine` reads, applies the rules and
 * commits, retrying when another instance committed first.
 */
export interface PresenceStore {
  /** Where this store keeps presence, for logs and /readyz. */
  readonly kind: 'memory' | 'postgres' | 'redis';
  /** Takes this instance's lease and starts hearing every instance's changes. */
  start(instanceId: string, leaseMs: number, listener: PresenceListener): Promise<void>;
  /** Stops hearing changes and gives up the lease and this instance's sockets (they stay held for their grace by the engine). */
  stop(): Promise<void>;
  /**
   * Renews this instance's lease for `leaseMs` from `now`. Resolves true when the store had
   * forgotten this instance (another took it for dead after a long pause): its sockets must be
   * stated again.
   */
  renewLease(now: number): Promise<boolean>;
  /** This instance holds `sockets` open sockets of `user` now (0: none). Idempotent: said again after an outage. */
  holdSockets(user: UserKey, sockets: number): Promise<void>;
  /** The user's record, and whether an instance whose lease holds has one of its sockets open. */
  read(user: UserKey): Promise<{ record: PresenceRecord | null; sessionsAlive: boolean }>;
  /** The records of these users of `tenant`; a user without one is offline. */
  readMany(tenant: string, userIds: readonly number[]): Promise<Map<number, PresenceRecord>>;
  /**
   * Replaces `user`'s record (null: deletes it) if its version is still `expectedVersion` (null:
   * there was none), and with it, atomically, publishes `change` to every instance. Resolves
   * false, changing nothing, when another change came first.
   */
  commit(
    user: UserKey,
    expectedVersion: number | null,
    record: PresenceRecord | null,
    change: PresenceChange | null,
  ): Promise<boolean>;
  /** Users whose record is due to be looked at again (`checkAt` passed), at most `limit`. */
  due(now: number, limit: number): Promise<UserKey[]>;
  /** Instances whose lease ran out before `now`, with the users whose sockets they held. */
  deadInstances(now: number): Promise<DeadInstance[]>;
  /** Forgets a dead instance and its sockets (after their users got their grace). */
  forgetInstance(id: string): Promise<void>;
}
