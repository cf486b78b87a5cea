import type { Window } from '../domain/pagination.js';
import type { Db, NewNotification, NotificationRow, Trx } from './database.js';
import { inWindow } from './sql-helpers.js';

/**
 * Inserts a notification as its recipient's next `seq`. Taking the seq locks the recipient's
 * row until commit, so one user's notifications commit in seq order, without gaps.
 */
export async function insertNotification(
  trx: Trx,
  notification: Omit<NewNotification, 'seq'>,
): Promise<NotificationRow> {
  const { notification_seq: seq } = await trx
    .updateTable('users')
    .set((eb) => ({ notification_seq: eb('notification_seq', '+', 1) }))
    .where('id', '=', notification.user_id)
    .returning('notification_seq')
    .executeTakeFirstOrThrow();
  return trx
    .insertInto('notifications')
    .values({ ...notification, seq })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The user's notifications after `seq`, oldest first: what a live subscriber has not seen yet. */
export async function listNotificationsAfterSeq(
  db: Db,
  userId: number,
  seq: number,
  limit: number,
): Promise<NotificationRow[]> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('seq', '>', seq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** The seq of the user's notification `id`, if it is theirs. */
export async function findNotificationSeq(db: Db, userId: number, id: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('notifications')
    .select('seq')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.seq;
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

/**
 * Marks one of the user's notifications read, keeping the first read time. `changed` tells
 * whether it was unread; undefined when the notification is not theirs.
 */
export async function markNotificationRead(
  db: Db,
  userId: number,
  id: number,
): Promise<{ notification: NotificationRow; changed: boolean } | undefined> {
  const updated = await db
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn<Date>('date_trunc', [eb.val('milliseconds'), eb.fn('now')]) }))
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (updated) return { notification: updated, changed: true };
  const existing = await db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return existing && { notification: existing, changed: false };
}
