import type { Window } from '../domain/pagination.js';
import type { Db, NewNotification, NotificationRow, Trx } from './database.js';
import { inWindow } from './sql-helpers.js';

export async function insertNotification(trx: Trx, notification: NewNotification): Promise<NotificationRow> {
  return trx.insertInto('notifications').values(notification).returningAll().executeTakeFirstOrThrow();
}

export async function listNotifications(
  db: Db,
  userId: number,
  unreadOnly: boolean,
  window: Window,
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  return inWindow(query, window, 'created_at', 'id').execute();
}

export async function countNotifications(db: Db, userId: number, unreadOnly: boolean): Promise<number> {
  let query = db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId);
  if (unreadOnly) query = query.where('read_at', 'is', null);
  const { count } = await query.executeTakeFirstOrThrow();
  return Number(count);
}

/** Marks one of the user's notifications read, keeping the first read time; undefined if it is not theirs. */
export async function markNotificationRead(db: Db, userId: number, id: number): Promise<NotificationRow | undefined> {
  return db
    .updateTable('notifications')
    .set((eb) => ({
      read_at: eb.fn.coalesce('read_at', eb.fn<Date>('date_trunc', [eb.val('milliseconds'), eb.fn('now')])),
    }))
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
