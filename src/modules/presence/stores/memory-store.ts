import type { PresenceRecord } from '../presence.rules.js';
import {
  type DeadInstance,
  keyOf,
  type PresenceChange,
  type PresenceListener,
  type PresenceStore,
  type UserKey,
} from '../presence.store.js';

/**
 * Presence of one instance, in its memory: the default with embedded PGlite, which no other
 * instance can share anyway. Changes reach this instance's watchers only.
 */
export class MemoryPresenceStore implements PresenceStore {
  readonly kind = 'memory';
  readonly #records = new Map<string, { user: UserKey; record: PresenceRecord }>();
  readonly #sockets = new Map<string, number>();
  #listener: PresenceListener | null = null;

  async start(_instanceId: string, _leaseMs: number, listener: PresenceListener): Promise<void> {
    this.#listener = listener;
  }

  async stop(): Promise<void> {
    this.#listener = null;
  }

  async renewLease(): Promise<boolean> {
    return false;
  }

  async holdSockets(user: UserKey, sockets: number): Promise<void> {
    if (sockets > 0) this.#sockets.set(keyOf(user), sockets);
    else this.#sockets.delete(keyOf(user));
  }

  async read(user: UserKey) {
    const key = keyOf(user);
    return { record: this.#records.get(key)?.record ?? null, sessionsAlive: this.#sockets.has(key) };
  }

  async readMany(tenant: string, userIds: readonly number[]): Promise<Map<number, PresenceRecord>> {
    const found = new Map<number, PresenceRecord>();
    for (const userId of userIds) {
      const entry = this.#records.get(keyOf({ tenant, userId }));
      if (entry) found.set(userId, entry.record);
    }
    return found;
  }

  async commit(
    user: UserKey,
    expectedVersion: number | null,
    record: PresenceRecord | null,
    change: PresenceChange | null,
  ): Promise<boolean> {
    const key = keyOf(user);
    if ((this.#records.get(key)?.record.version ?? null) !== expectedVersion) return false;
    if (record) this.#records.set(key, { user, record });
    else this.#records.delete(key);
    if (change) this.#listener?.onChange(change);
    return true;
  }

  async due(now: number, limit: number): Promise<UserKey[]> {
    const due: UserKey[] = [];
    for (const { user, record } of this.#records.values()) {
      if (record.checkAt !== null && record.checkAt <= now) due.push(user);
      if (due.length >= limit) break;
    }
    return due;
  }

  async deadInstances(): Promise<DeadInstance[]> {
    return [];
  }

  async forgetInstance(): Promise<void> {}
}
