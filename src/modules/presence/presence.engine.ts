import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Db } from '../../platform/db/database.js';
import type { Logger } from '../../platform/logger.js';
import { findUserByClientId, findUsersByIds } from '../users/users.repository.js';
import type { UserRow } from '../users/users.table.js';
import { writeLastSeen } from './presence.repository.js';
import {
  choose,
  freshRecord,
  type PresenceChoice,
  type PresenceInputs,
  type PresenceOutcome,
  type PresenceRecord,
  settle,
} from './presence.rules.js';
import {
  carriedRow,
  carryRow,
  keyOf,
  type PresenceChange,
  type PresenceStore,
  type UserKey,
} from './presence.store.js';
import { PresenceTurns } from './presence.turns.js';
import { PresenceWatchers } from './presence.watchers.js';

export interface PresenceSettings {
  /** How long a user stays as it was after its last socket closed (PRESENCE_GRACE_SECONDS). */
  graceMs: number;
  /**
   * How often this instance renews its lease (twice per interval); an instance silent for a
   * whole interval is dead, and its users go offline at most `graceMs` later.
   */
  heartbeatMs: number;
  /** How often `users.last_seen_at` of users online here is brought up to date. */
  lastSeenWriteMs: number;
  /** Presence work at the store (and the database) at once, at most (PresenceTurns). */
  storeConcurrency: number;
}

/** Tries of one change against concurrent ones on other instances before giving up (logged). */
const MAX_TRIES = 8;
/** How soon a user whose change failed is looked at again. */
const RETRY_MS = 1_000;
/** Records looked at per sweep. */
const SWEEP_BATCH = 500;
/**
 * Lapses further off than this are left to the sweeps (every second at most, on every instance)
 * instead of a wake-up here: the safety net's re-check of every live record (RECHECK_MS) would
 * otherwise be a timer, its closure and an entry per user online, for as long as each stays.
 */
const WAKE_UP_HORIZON_MS = 60_000;
/** Users whose `last_seen_at` one statement brings up to date while they are online. */
const LAST_SEEN_SLICE = 1_000;

interface LocalUser {
  user: UserKey;
  sockets: number;
  record: PresenceRecord | null;
  /** Socket counts reach the store in the order they changed here. */
  writes: Promise<void>;
}

/**
 * Presence on this instance: opens and closes sessions for sockets, applies choices, keeps its
 * lease, sweeps lapsed records (grace over, time to live over, instances dead), and hands every
 * committed change to this instance's watchers. Each change is read, computed by the rules
 * (presence.rules.ts) and committed only if no other change came first, so instances never
 * need to agree on anything else.
 */
export class PresenceEngine {
  readonly watchers = new PresenceWatchers();
  readonly instanceId = randomUUID();
  /**
   * Users with sockets open on this instance: how many, the last record committed for them (what
   * is stated again if the store lost it), and the chain their socket counts are written in.
   */
  readonly #local = new Map<string, LocalUser>();
  /** One wake-up per user, at its record's next lapse if it is near (sweeps catch the others, and whatever these miss). */
  readonly #wakeUps = new Map<string, NodeJS.Timeout>();
  readonly #inFlight = new Set<Promise<unknown>>();
  /** Each user's changes reach watchers in the order they committed, each with the user's row. */
  readonly #deliveries = new Map<string, Promise<void>>();
  /**
   * Rows of users whose change is being delivered here, batched per tick: one read per change
   * for every watcher on this instance, however many friends watch (not one per watcher).
   */
  readonly #users = new DataLoader<UserKey, UserRow | null, string>(
    async (keys) => {
      const byTenant = new Map<string, number[]>();
      for (const { tenant, userId } of keys) byTenant.set(tenant, [...(byTenant.get(tenant) ?? []), userId]);
      const rows = new Map<string, UserRow>();
      for (const [tenant, ids] of byTenant) {
        for (const row of await findUsersByIds(this.db, tenant, [...new Set(ids)]))
          rows.set(keyOf({ tenant, userId: row.id }), row);
      }
      return keys.map((key) => rows.get(keyOf(key)) ?? null);
    },
    { cache: false, cacheKeyFn: keyOf },
  );
  #intervals: NodeJS.Timeout[] = [];
  #stopped = false;
  /** Sockets opening and closing, changes and reads take turns; the lease renewal never waits here. */
  readonly #turns: PresenceTurns;

  constructor(
    private readonly db: Db,
    readonly store: PresenceStore,
    readonly settings: PresenceSettings,
    private readonly logger: Logger,
  ) {
    this.#turns = new PresenceTurns(settings.storeConcurrency);
  }

  async start(): Promise<void> {
    await this.store.start(this.instanceId, this.settings.heartbeatMs, {
      onChange: (change) => this.#deliver(change),
      onGap: () => this.watchers.resync(),
      onReconnect: () => void this.#track(this.#restate()),
    });
    const every = (ms: number, task: () => Promise<unknown>) => {
      const timer = setInterval(() => this.#track(task()), ms);
      timer.unref();
      this.#intervals.push(timer);
    };
    every(this.settings.heartbeatMs / 2, async () => {
      // Taken for dead after a long pause (and its sockets forgotten): state them again.
      if ((await this.store.renewLease(Date.now())) && this.#local.size > 0) await this.#restate();
    });
    // One sweep at a time: under load a sweep may outlast its interval.
    let sweeping = false;
    every(Math.min(1_000, this.settings.heartbeatMs / 4), async () => {
      if (sweeping) return;
      sweeping = true;
      try {
        await this.sweep();
      } finally {
        sweeping = false;
      }
    });
    every(this.settings.lastSeenWriteMs, () => this.#writeLastSeenOfLocalUsers());
  }

  /**
   * Stops: sockets still open count as closed now (their users keep their grace, as after a
   * restart behind a load balancer), pending work finishes, the lease is given up.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const timer of this.#intervals) clearInterval(timer);
    for (const timer of this.#wakeUps.values()) clearTimeout(timer);
    this.#wakeUps.clear();
    await Promise.allSettled([...this.#inFlight]);
    await Promise.allSettled([...this.#local.values()].map(({ user, sockets }) => this.#closed(user, sockets)));
    this.watchers.close();
    await this.store.stop();
  }

  /**
   * A live socket (WebSocket or SSE stream) of `viewer` opened: the user is online while one
   * is. Service tokens act for many users and are nobody's presence. Returns what to call when
   * it closes (once; extra calls do nothing). A token of a user that does not exist counts
   * for nothing.
   */
  connect(viewer: Viewer): () => void {
    if (viewer.role !== 'user' || this.#stopped) return () => {};
    let released = false;
    const opened = this.#track(
      (async () => {
        const row = await this.#turns.run(() => findUserByClientId(this.db, viewer.tenant, viewer.subject));
        if (!row || released) return null;
        const user = { tenant: row.tenant, userId: row.id };
        await this.#countSockets(user, 1);
        await this.#update(user, (inputs) => settle(inputs.record ?? this.#fresh(row, inputs.now), inputs), row);
        return user;
      })().catch((error: unknown) => {
        this.logger.warn('could not open a presence session', { error: (error as Error).message });
        return null;
      }),
    );
    return () => {
      if (released) return;
      released = true;
      // After stop() began, stop() closes what is still counted.
      void opened.then((user) => {
        if (user && !this.#stopped) void this.#track(this.#closed(user, 1));
      });
    };
  }

  /** What `setPresence` asked for the user. */
  async choose(user: UserRow, choice: PresenceChoice): Promise<PresenceRecord | null> {
    const outcome = await this.#update(
      { tenant: user.tenant, userId: user.id },
      (inputs) =>
        choose(
          inputs,
          choice,
          { shared: user.share_presence === 'connections', lastSeenAt: user.last_seen_at?.getTime() ?? null },
          this.settings.graceMs,
        ),
      user,
    );
    return outcome?.record ?? null;
  }

  /** The user changed `share_presence`: its connections see it, or null, from now on. */
  async sharingChanged(user: UserRow): Promise<void> {
    const shared = user.share_presence === 'connections';
    await this.#update(
      { tenant: user.tenant, userId: user.id },
      (inputs) => settle(inputs.record && { ...inputs.record, shared }, inputs),
      user,
    );
  }

  /** The records of these users (a user without one is offline). */
  records(tenant: string, userIds: readonly number[]): Promise<Map<number, PresenceRecord>> {
    return this.#turns.run(() => this.store.readMany(tenant, userIds));
  }

  /** Looks at every record due, and gives the users of dead instances their grace. */
  async sweep(now = Date.now()): Promise<void> {
    if (this.#stopped) return;
    for (const dead of await this.store.deadInstances(now)) {
      // Their sockets are as good as closed since the lease ran out: the grace counts from there.
      const heldUntil = dead.leaseUntil + this.settings.graceMs;
      for (const user of dead.users) {
        await this.#update(user, (inputs) =>
          settle(
            inputs.record && { ...inputs.record, heldUntil: Math.max(inputs.record.heldUntil ?? 0, heldUntil) },
            inputs,
          ),
        );
      }
      await this.store.forgetInstance(dead.id);
      this.logger.warn('presence: an instance stopped renewing its lease; its users keep their grace', {
        instance: dead.id,
        users: dead.users.length,
      });
    }
    for (const user of await this.store.due(now, SWEEP_BATCH)) {
      await this.#update(user, (inputs) => settle(inputs.record, inputs));
    }
  }

  /**
   * A committed change: to this instance's watchers of its user, if any, with the user's row
   * (the one the change carries, else read here once for them all).
   */
  #deliver(change: PresenceChange): void {
    if (!this.watchers.watches(change.tenant, change.userId)) return;
    const key = keyOf(change);
    const { row, ...watched } = change;
    const delivered = (this.#deliveries.get(key) ?? Promise.resolve())
      .then(async () =>
        this.watchers.deliver({ ...watched, user: row ? carriedRow(row) : await this.#users.load(change) }),
      )
      .catch((error: unknown) =>
        this.logger.warn('presence: a change could not be delivered', { error: String(error) }),
      )
      .finally(() => {
        if (this.#deliveries.get(key) === delivered) this.#deliveries.delete(key);
      });
    this.#deliveries.set(key, delivered);
  }

  /** `sockets` of the user's sockets here closed; the last one starts its grace. */
  async #closed(user: UserKey, sockets: number): Promise<void> {
    const left = await this.#countSockets(user, -sockets);
    if (left > 0) return;
    const heldUntil = Date.now() + this.settings.graceMs;
    await this.#update(user, (inputs) =>
      settle(
        inputs.record && { ...inputs.record, heldUntil: Math.max(inputs.record.heldUntil ?? 0, heldUntil) },
        inputs,
      ),
    );
  }

  #fresh(row: UserRow, now: number): PresenceRecord {
    return freshRecord(row.share_presence === 'connections', row.last_seen_at?.getTime() ?? now);
  }

  /**
   * Reads the user's presence, computes the change, commits it unless another came first (then
   * again, from what that one left), and follows up: last seen written when the user went
   * offline, a wake-up at the record's next lapse. `row`, the user's row if the caller has just
   * read it, rides with the change so that no instance reads it again to deliver it.
   */
  async #update(
    user: UserKey,
    compute: (inputs: PresenceInputs) => PresenceOutcome,
    row?: UserRow,
  ): Promise<PresenceOutcome | null> {
    try {
      return await this.#tryUpdate(user, compute, row);
    } catch (error) {
      // The store failed (a busy pool, an outage): look at the user again soon, so no lapse is
      // lost; a caller waiting for the answer gets the error.
      this.#wakeUpAt(user, Date.now() + RETRY_MS);
      throw error;
    }
  }

  async #tryUpdate(
    user: UserKey,
    compute: (inputs: PresenceInputs) => PresenceOutcome,
    row: UserRow | undefined,
  ): Promise<PresenceOutcome | null> {
    for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
      const outcome = await this.#turns.run(async () => {
        const { record, sessionsAlive } = await this.store.read(user);
        const computed = compute({ record, sessionsAlive, now: Date.now() });
        // Going offline writes the row's last_seen_at: then the row read before is not the row.
        const carried = row && !computed.wentOffline ? { row: carryRow(row) } : null;
        const change: PresenceChange | null = computed.changed && { ...user, view: computed.changed.view, ...carried };
        // The time last seen is written before the record goes: a reader who finds the user
        // offline reads it from the user's row, and must not find the one before (or none).
        // Written for a change that then loses to a concurrent one, it is still a time the
        // user was seen, and an online user's view shows the present instead.
        if (computed.wentOffline)
          await writeLastSeen(this.db, [user.userId], new Date(computed.wentOffline.lastSeenAt));
        if (!(await this.store.commit(user, record?.version ?? null, computed.record, change))) return null;
        return computed;
      });
      if (!outcome) continue;
      const local = this.#local.get(keyOf(user));
      if (local) local.record = outcome.record;
      this.#wakeUpAt(user, outcome.record?.checkAt ?? null);
      return outcome;
    }
    this.logger.warn('presence: a change kept losing to concurrent ones; looking again soon', { ...user });
    this.#wakeUpAt(user, Date.now() + RETRY_MS);
    return null;
  }

  #wakeUpAt(user: UserKey, at: number | null): void {
    const key = keyOf(user);
    clearTimeout(this.#wakeUps.get(key));
    this.#wakeUps.delete(key);
    if (at === null || this.#stopped || at - Date.now() > WAKE_UP_HORIZON_MS) return;
    const timer = setTimeout(
      () => {
        this.#wakeUps.delete(key);
        this.#track(this.#update(user, (inputs) => settle(inputs.record, inputs)));
      },
      Math.max(0, at - Date.now()) + 5,
    );
    timer.unref();
    this.#wakeUps.set(key, timer);
  }

  /** Counts sockets of the user here, and writes the count to the store in order; resolves to the count. */
  async #countSockets(user: UserKey, delta: number): Promise<number> {
    const key = keyOf(user);
    const local = this.#local.get(key) ?? { user, sockets: 0, record: null, writes: Promise.resolve() };
    local.sockets = Math.max(0, local.sockets + delta);
    const sockets = local.sockets;
    if (sockets > 0) this.#local.set(key, local);
    else this.#local.delete(key);
    local.writes = local.writes.then(() => this.#holdSockets(user, sockets));
    await local.writes;
    return sockets;
  }

  /**
   * Writes how many sockets of the user this instance holds, again and again until the store
   * takes it (a busy pool, a store away): a count left behind would keep the user online, or
   * offline, for as long as this instance lives. Gives up only when the instance stops (its
   * lease then lapses, and the others let its users go).
   */
  async #holdSockets(user: UserKey, sockets: number): Promise<void> {
    for (let delay = 100; ; delay = Math.min(delay * 2, 5_000)) {
      try {
        await this.#turns.run(() => this.store.holdSockets(user, sockets));
        return;
      } catch (error) {
        // Stopping: a few tries, then the lease running out does the rest.
        if (this.#stopped && (sockets > 0 || delay > 1_000)) return;
        this.logger.warn('presence: could not record sockets; retrying', {
          error: (error as Error).message,
          retryInMs: delay,
        });
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  }

  /**
   * The store is back after an outage and may have lost everything (Redis keeps nothing on
   * disk): this instance states its sockets and its users' last records again, then settles
   * them, and watchers re-read.
   */
  async #restate(): Promise<void> {
    await this.store.renewLease(Date.now());
    for (const local of [...this.#local.values()]) {
      await this.#turns.run(() => this.store.holdSockets(local.user, local.sockets));
      // Only where the store has none: a record that survived is newer than ours.
      const { record } = local;
      if (record) await this.#turns.run(() => this.store.commit(local.user, null, record, null));
      await this.#update(local.user, (inputs) => settle(inputs.record, inputs));
    }
    this.watchers.resync();
  }

  async #writeLastSeenOfLocalUsers(): Promise<void> {
    const byTenant = new Map<string, number[]>();
    for (const { user } of this.#local.values()) {
      const userIds = byTenant.get(user.tenant);
      if (userIds) userIds.push(user.userId);
      else byTenant.set(user.tenant, [user.userId]);
    }
    const now = new Date();
    // In slices: an instance may hold tens of thousands of a tenant's users, and each slice's
    // update locks its users' rows (which every write to them waits for) only for a moment.
    for (const [tenant, userIds] of byTenant) {
      for (let from = 0; from < userIds.length; from += LAST_SEEN_SLICE) {
        const slice = userIds.slice(from, from + LAST_SEEN_SLICE);
        const records = await this.store.readMany(tenant, slice);
        // An invisible user's last sighting stands still.
        const visible = slice.filter((id) => records.get(id)?.status !== 'invisible');
        await writeLastSeen(this.db, visible, now);
      }
    }
  }

  /** Keeps work in flight known, so that stop() can wait for it; failures are logged, never thrown at a timer. */
  #track<T>(work: Promise<T>): Promise<T | null> {
    const tracked = work.catch((error: unknown) => {
      this.logger.warn('presence work failed', { error: (error as Error).message });
      return null;
    });
    this.#inFlight.add(tracked);
    void tracked.finally(() => this.#inFlight.delete(tracked));
    return tracked;
  }
}
