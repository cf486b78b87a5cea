import { sql } from 'kysely';
import { anyId, compiledOnce } from '../../../platform/db/compiled-once.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transactions.js';
import type { DomainEvent, EventPublisher } from '../../../platform/events/events.js';
import type { EventSink } from '../../../platform/events/transport.js';
import type { PresenceRecord } from '../presence.rules.js';
import type { DeadInstance, PresenceChange, PresenceListener, PresenceStore, UserKey } from '../presence.store.js';

/** Hears every event on the instance's event feed (EventHub.subscribeAll). */
export type SubscribeAll = (listener: EventSink) => () => void;

// Every list of connections reads their presence: compiled once (see compiledOnce).
const recordsOf = compiledOnce((db, v: { tenant: string; userIds: readonly number[] }) =>
  db
    .selectFrom('presences')
    .select(['user_id', 'record'])
    .where('tenant', '=', v.tenant)
    .where('user_id', '=', anyId(v.userIds)),
);

/**
 * Presence shared by instances through PostgreSQL alone: a row per live user, a lease per
 * instance, a row per instance and user holding sockets. A change commits with its NOTIFY in
 * one transaction (notifications' own event feed carries it to every instance), so no instance
 * hears of a change that did not commit, and the version check makes concurrent changes of one
 * user take turns.
 */
export class PostgresPresenceStore implements PresenceStore {
  readonly kind = 'postgres';
  #instanceId = '';
  #leaseMs = 0;
  #unsubscribe: (() => void) | null = null;

  constructor(
    private readonly db: Db,
    private readonly events: EventPublisher,
    private readonly subscribeAll: SubscribeAll,
  ) {}

  async start(instanceId: string, leaseMs: number, listener: PresenceListener): Promise<void> {
    this.#instanceId = instanceId;
    this.#leaseMs = leaseMs;
    await this.renewLease(Date.now());
    this.#unsubscribe = this.subscribeAll({
      onEvent: (event: DomainEvent) => {
        if (event.kind === 'presence_changed') listener.onChange(event as PresenceChange);
      },
      onGap: () => listener.onGap(),
    });
  }

  async stop(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    // The sockets of this instance are closed (the engine gave their users their grace).
    await this.forgetInstance(this.#instanceId);
  }

  async renewLease(now: number): Promise<boolean> {
    const row = await this.db
      .insertInto('presence_instances')
      .values({ id: this.#instanceId, lease_until: now + this.#leaseMs })
      .onConflict((oc) => oc.column('id').doUpdateSet({ lease_until: now + this.#leaseMs }))
      // xmax is 0 for a row this statement inserted rather than updated.
      .returning(sql<boolean>`xmax = 0`.as('inserted'))
      .executeTakeFirstOrThrow();
    return row.inserted;
  }

  async holdSockets(user: UserKey, sockets: number): Promise<void> {
    if (sockets === 0) {
      await this.db
        .deleteFrom('presence_sessions')
        .where('instance_id', '=', this.#instanceId)
        .where('user_id', '=', user.userId)
        .execute();
      return;
    }
    await this.db
      .insertInto('presence_sessions')
      .values({ instance_id: this.#instanceId, user_id: user.userId, tenant: user.tenant, sockets })
      .onConflict((oc) => oc.columns(['instance_id', 'user_id']).doUpdateSet({ sockets }))
      .execute();
  }

  async read(user: UserKey) {
    const now = Date.now();
    const row = await sql<{ version: number | null; record: PresenceRecord | null; alive: boolean }>`
      select p.version, p.record,
        exists (
          select 1 from presence_sessions s join presence_instances i on i.id = s.instance_id
          where s.user_id = ${user.userId} and i.lease_until > ${now}
        ) as alive
      from (select 1) as one left join presences p on p.user_id = ${user.userId} and p.tenant = ${user.tenant}
    `.execute(this.db);
    const found = row.rows[0];
    return { record: found?.record ?? null, sessionsAlive: found?.alive ?? false };
  }

  async readMany(tenant: string, userIds: readonly number[]): Promise<Map<number, PresenceRecord>> {
    if (userIds.length === 0) return new Map();
    const rows = await recordsOf(this.db, { tenant, userIds: [...userIds] });
    return new Map(rows.map((row) => [row.user_id, row.record as PresenceRecord]));
  }

  async commit(
    user: UserKey,
    expectedVersion: number | null,
    record: PresenceRecord | null,
    change: PresenceChange | null,
  ): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      let applied: boolean;
      if (expectedVersion === null && record === null) {
        applied = !(await trx
          .selectFrom('presences')
          .select('user_id')
          .where('user_id', '=', user.userId)
          .executeTakeFirst());
      } else if (expectedVersion === null && record) {
        const inserted = await trx
          .insertInto('presences')
          .values({
            user_id: user.userId,
            tenant: user.tenant,
            version: record.version,
            record: JSON.stringify(record),
            check_at: record.checkAt,
          })
          .onConflict((oc) => oc.column('user_id').doNothing())
          .executeTakeFirst();
        applied = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
      } else if (record) {
        const updated = await trx
          .updateTable('presences')
          .set({ version: record.version, record: JSON.stringify(record), check_at: record.checkAt })
          .where('user_id', '=', user.userId)
          .where('version', '=', expectedVersion as number)
          .executeTakeFirst();
        applied = Number(updated.numUpdatedRows) === 1;
      } else {
        const deleted = await trx
          .deleteFrom('presences')
          .where('user_id', '=', user.userId)
          .where('version', '=', expectedVersion as number)
          .executeTakeFirst();
        applied = Number(deleted.numDeletedRows) === 1;
      }
      if (applied && change) {
        await this.events.publish(trx, {
          kind: 'presence_changed',
          tenant: change.tenant,
          userId: change.userId,
          view: change.view,
        });
      }
      return applied;
    });
  }

  async due(now: number, limit: number): Promise<UserKey[]> {
    const rows = await this.db
      .selectFrom('presences')
      .select(['tenant', 'user_id'])
      .where('check_at', '<=', now)
      .orderBy('check_at')
      .limit(limit)
      .execute();
    return rows.map((row) => ({ tenant: row.tenant, userId: row.user_id }));
  }

  async deadInstances(now: number): Promise<DeadInstance[]> {
    const instances = await this.db
      .selectFrom('presence_instances')
      .select(['id', 'lease_until'])
      .where('lease_until', '<=', now)
      .where('id', '<>', this.#instanceId)
      .execute();
    const dead: DeadInstance[] = [];
    for (const instance of instances) {
      const users = await this.db
        .selectFrom('presence_sessions')
        .select(['tenant', 'user_id'])
        .where('instance_id', '=', instance.id)
        .execute();
      dead.push({
        id: instance.id,
        leaseUntil: instance.lease_until,
        users: users.map((row) => ({ tenant: row.tenant, userId: row.user_id })),
      });
    }
    return dead;
  }

  async forgetInstance(id: string): Promise<void> {
    // Its sessions go with it (on delete cascade).
    await this.db.deleteFrom('presence_instances').where('id', '=', id).execute();
  }
}
