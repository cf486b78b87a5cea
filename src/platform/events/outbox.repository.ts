import { type ColumnType, type Generated, sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';

export interface LiveOutboxTable {
  id: Generated<number>;
  /** The event as published: JSON. */
  event: string;
  /** When any instance may publish the row: it was not published and deleted by then. */
  publish_after: ColumnType<Date, never, never>;
}

declare module '../db/database.js' {
  interface Database {
    live_outbox: LiveOutboxTable;
  }
}

export interface OutboxEvent {
  id: number;
  event: string;
}

/**
 * Writes `events` to the outbox in the transaction of their change, in order, in one statement;
 * other instances may publish them `afterMs` later.
 */
export async function addToOutbox(trx: Trx, events: readonly string[], afterMs: number): Promise<OutboxEvent[]> {
  const { rows } =
    events.length === 1
      ? await sql<OutboxEvent>`
          insert into live_outbox (event, publish_after)
          values (${events[0]}, now() + make_interval(secs => ${afterMs / 1000}))
          returning id, event`.execute(trx)
      : await sql<OutboxEvent>`
          insert into live_outbox (event, publish_after)
          select event, now() + make_interval(secs => ${afterMs / 1000})
          from unnest(${[...events]}::text[]) with ordinality as e(event, n) order by n
          returning id, event`.execute(trx);
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * Claims up to `limit` rows due for publishing, oldest first, and moves their time `retryMs`
 * ahead, so that another instance's sweep takes them only if this one fails to publish them.
 * Rows locked by a concurrent claim are skipped rather than waited for.
 */
export async function claimDueOutboxEvents(db: Db, limit: number, retryMs: number): Promise<OutboxEvent[]> {
  const { rows } = await sql<OutboxEvent>`
    with due as (
      select id from live_outbox where publish_after <= now() order by id limit ${limit} for update skip locked
    )
    update live_outbox set publish_after = now() + make_interval(secs => ${retryMs / 1000})
    from due where live_outbox.id = due.id
    returning live_outbox.id, live_outbox.event`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

/** Forgets published rows. */
export async function deleteFromOutbox(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await sql`delete from live_outbox where id = any(${[...ids]}::bigint[])`.execute(db);
}
