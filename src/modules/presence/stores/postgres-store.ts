import { type RawBuilder, sql } from 'kysely';
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

// Every change reads first: compiled once and prepared.
const recordAndSessions = compiledOnce(
  (db, v: { userId: number; tenant: string; now: number }) => ({
    compile: () =>
      sql<{ record: unknown; alive: boolean }>`
        select p.record,
          exists (
            select 1 from presence_sessions s join presence_instances i on i.id = s.instance_id
            where s.user_id = ${v.userId} and i.lease_until > ${v.now}
          ) as alive
        from (select 1) as one left join presences p on p.user_id = ${v.userId} and p.tenant = ${v.tenant}
      `.compile(db),
  }),
  { prepared: true },
);

/** How a commit changes the user's record: asserts there is none, inserts, updates or deletes it. */
type RecordChange = 'absent' | 'insert' | 'update' | 'delete';
type RecordValues = Record<string, unknown> & { userId: number };

/**
 * Each change of a record as one statement that answers a row only if it applied (the version
 * was still the one expected), alone or calling `pg_notify` on that row: the event goes out in
 * the same statement, so exactly when the change commits. Compiled once and prepared: every
 * presence change runs one.
 */
const recordChangeSql: Record<RecordChange, (v: RecordValues) => RawBuilder<unknown>> = {
  absent: (v) =>
    sql`select ${v.userId}::bigint as user_id where not exists (select 1 from presences where user_id = ${v.userId})`,
  insert: (v) =>
    sql`insert into presences (user_id, tenant, version, record, check_at) values (${v.userId}, ${v.tenant}, ${v.version}, ${v.record}, ${v.checkAt}) on conflict (user_id) do nothing returning user_id`,
  update: (v) =>
    sql`update presences set version = ${v.version}, record = ${v.record}, check_at = ${v.checkAt} where user_id = ${v.userId} and version = ${v.expected} returning user_id`,
  delete: (v) => sql`delete from presences where user_id = ${v.userId} and version = ${v.expected} returning user_id`,
};

const recordChanges = Object.fromEntries(
  Object.entries(recordChangeSql).map(([kind, change]) => [
    kind,
    {
      alone: compiledOnce(
        (db, v: RecordValues) => ({
          compile: () => sql`with applied as (${change(v)}) select 1 from applied`.compile(db),
        }),
        { prepared: true },
      ),
      notifying: compiledOnce(
        (db, v: RecordValues) => ({
          compile: () =>
            sql`with applied as (${change(v)}) select pg_notify(${v.channel}, ${v.payload}) from applied`.compile(db),
        }),
        { prepared: true },
      ),
    },
  ]),
) as Record<RecordChange, Record<'alone' | 'notifying', (db: Db, v: RecordValues) => Promise<unknown[]>>>;

/** The values a record change's statement takes, exactly those (compiledOnce checks it). */
function valuesOf(
  kind: RecordChange,
  user: UserKey,
  expected: number | null,
  record: PresenceRecord | null,
): RecordValues {
  const written = record && { version: record.version, record: JSON.stringify(record), checkAt: record.checkAt };
  switch (kind) {
    case 'absent':
      return { userId: user.userId };
    case 'insert':
      return { userId: user.userId, tenant: user.tenant, ...written };
    case 'update':
      return { userId: user.userId, expected, ...written };
    case 'delete':
      return { userId: user.userId, expected };
  }
}

/**
 * Presence shared by instances through PostgreSQL alone: a row per live user, a lease per
 * instance, a row per instance and user holding sockets. A change commits with its NOTIFY in
 * one statement (notifications' own event feed carries it to every instance), so no instance
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
    const [found] = await recordAndSessions(this.db, { userId: user.userId, tenant: user.tenant, now: Date.now() });
    return { record: (found?.record as PresenceRecord | null) ?? null, sessionsAlive: found?.alive ?? false };
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
    const kind: RecordChange = expectedVersion === null ? (record ? 'insert' : 'absent') : record ? 'update' : 'delete';
    const values = valuesOf(kind, user, expectedVersion, record);
    const event = change && {
      kind: 'presence_changed' as const,
      tenant: change.tenant,
      userId: change.userId,
      view: change.view,
      ...(change.row && { row: change.row }),
    };
    // One statement when the event can ride on it (NOTIFY) or there is none: an autocommitted
    // statement is its own transaction, and its NOTIFY goes out exactly when it commits.
    const inStatement = event && this.events.inStatement?.(event);
    if (!event || inStatement) {
      const rows = inStatement
        ? await recordChanges[kind].notifying(this.db, {
            ...values,
            channel: inStatement.channel,
            payload: inStatement.payload,
          })
        : await recordChanges[kind].alone(this.db, values);
      if (rows.length === 1) inStatement?.published();
      return rows.length === 1;
    }
    return inTransaction(this.db, async (trx) => {
      const applied = (await recordChanges[kind].alone(trx, values)).length === 1;
      if (applied) await this.events.publish(trx, event);
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
