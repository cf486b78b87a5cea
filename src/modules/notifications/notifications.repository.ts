import { type ExpressionBuilder, type Insertable, sql } from 'kysely';
import { anyId, compiledOnce } from '../../platform/db/compiled-once.js';
import type { Database, Db, Trx } from '../../platform/db/database.js';
import { inWindow } from '../../platform/db/sql-helpers.js';
import type { Window } from '../../platform/pagination.js';
import type { NewNotification, NotificationRow, NotificationsTable } from './notifications.table.js';

/**
 * Inserts a notification as its recipient's next `seq`. Taking the seq locks the recipient's
 * row until commit, so one user's notifications commit in seq order, without gaps.
 */
export async function insertNotification(
  trx: Trx,
  notification: Omit<NewNotification, 'seq'>,
): Promise<NotificationRow> {
  const [bumped] = await nextSeq(trx, { userId: notification.user_id });
  if (!bumped) throw new Error(`No user ${notification.user_id} to notify`);
  const [row] = await insertOne(trx, {
    tenant: notification.tenant,
    user_id: notification.user_id,
    type: notification.type,
    connection_request_id: notification.connection_request_id ?? null,
    other_user_id: notification.other_user_id ?? null,
    invite_id: notification.invite_id ?? null,
    message: notification.message,
    payload: notification.payload ?? null,
    expires_at: notification.expires_at ?? null,
    read_at: notification.read_at ?? null,
    seq: bumped.notification_seq,
  });
  return row as NotificationRow;
}

// Every request, answer and invite notifies someone: compiled once (see compiledOnce).
const nextSeq = compiledOnce((db, v: { userId: number }) =>
  db
    .updateTable('users')
    .set((eb) => ({ notification_seq: eb('notification_seq', '+', 1) }))
    .where('id', '=', v.userId)
    .returning('notification_seq'),
);
// Every column named, absent ones as null (none has a default but created_at), so the statement's shape never varies.
const insertOne = compiledOnce((db, v: Insertable<NotificationsTable>) =>
  db.insertInto('notifications').values(v).returningAll(),
);

/** Not expired: an expired notification is neither listed, counted nor delivered. */
function current(eb: ExpressionBuilder<Database, 'notifications'>) {
  return eb.or([eb('notifications.expires_at', 'is', null), eb('notifications.expires_at', '>', sql<Date>`now()`)]);
}

/**
 * Inserts one notification for each of `userIds` (users of `tenant`, any order), each as its
 * recipient's next `seq`, in three statements whatever their number: the recipients' rows are
 * locked in id order first (as every write locks users), so two bulk sends cannot deadlock.
 * Answers the rows in recipient id order; fewer rows than ids means some user does not exist.
 */
export async function insertNotificationForEach(
  trx: Trx,
  tenant: string,
  userIds: readonly number[],
  notification: Omit<NewNotification, 'seq' | 'user_id' | 'tenant'>,
): Promise<NotificationRow[]> {
  await trx
    .selectFrom('users')
    .select('id')
    .where('tenant', '=', tenant)
    .where('id', '=', anyId([...userIds]))
    .orderBy('id')
    .forUpdate()
    .execute();
  const { rows } = await sql<NotificationRow>`
    with bumped as (
      update users set notification_seq = notification_seq + 1
      where tenant = ${tenant} and id = any(${[...userIds]}::bigint[])
      returning id, notification_seq
    )
    insert into notifications (tenant, user_id, type, connection_request_id, other_user_id, message, payload, expires_at, seq)
    select ${tenant}, bumped.id, ${notification.type}, ${notification.connection_request_id ?? null},
      ${notification.other_user_id ?? null}, ${notification.message}, ${notification.payload ?? null}::jsonb,
      ${notification.expires_at ?? null}::timestamptz, bumped.notification_seq
    from bumped order by bumped.id
    returning *`.execute(trx);
  return rows;
}

// Run once per delivered notification, per subscriber: compiled once (see compiledOnce).
const notificationsAfterSeq = compiledOnce((db, v: { userId: number; seq: number; limit: number }) =>
  db
    .selectFrom('notifications as n')
    .leftJoin('users as o', 'o.id', 'n.other_user_id')
    .selectAll('n')
    .select([
      'o.tenant as o_tenant',
      'o.client_user_id as o_client_user_id',
      'o.display_name as o_display_name',
      'o.created_at as o_created_at',
      'o.updated_at as o_updated_at',
      'o.notification_seq as o_notification_seq',
      'o.connection_count as o_connection_count',
      'o.accept_requests_from as o_accept_requests_from',
      'o.share_presence as o_share_presence',
      'o.accept_invites_from as o_accept_invites_from',
      'o.last_seen_at as o_last_seen_at',
    ])
    .where('n.user_id', '=', v.userId)
    .where('n.seq', '>', v.seq)
    .where((eb) => eb.or([eb('n.expires_at', 'is', null), eb('n.expires_at', '>', sql<Date>`now()`)]))
    .orderBy('n.seq')
    .limit(v.limit),
);

/**
 * The user's notifications after `seq`, oldest first: what a live subscriber has not seen yet.
 * Each comes with its other user (if it has one), read in the same statement: a delivery shows
 * that user's name, and one statement per delivery instead of two matters when thousands of
 * sockets listen.
 */
export async function listNotificationsAfterSeq(
  db: Db,
  userId: number,
  seq: number,
  limit: number,
): Promise<NotificationRow[]> {
  const rows = await notificationsAfterSeq(db, { userId, seq, limit });
  return rows.map(
    ({
      o_tenant,
      o_client_user_id,
      o_display_name,
      o_created_at,
      o_updated_at,
      o_notification_seq,
      o_connection_count,
      o_accept_requests_from,
      o_share_presence,
      o_accept_invites_from,
      o_last_seen_at,
      ...notification
    }) => ({
      ...notification,
      ...(notification.other_user_id !== null && {
        other_user: {
          id: notification.other_user_id,
          tenant: o_tenant as string,
          client_user_id: o_client_user_id as string,
          display_name: o_display_name as string,
          created_at: o_created_at as Date,
          updated_at: o_updated_at as Date,
          notification_seq: o_notification_seq as number,
          connection_count: o_connection_count as number,
          accept_requests_from: o_accept_requests_from as NonNullable<typeof o_accept_requests_from>,
          share_presence: o_share_presence as NonNullable<typeof o_share_presence>,
          accept_invites_from: o_accept_invites_from as NonNullable<typeof o_accept_invites_from>,
          last_seen_at: o_last_seen_at,
        },
      }),
    }),
  );
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

/** Which of a user's notifications a list shows: unread only, of these types only (all when empty). */
export interface NotificationFilter {
  unreadOnly: boolean;
  types?: readonly string[];
}

export async function listNotifications(
  db: Db,
  userId: number,
  filter: NotificationFilter,
  window: Window,
): Promise<NotificationRow[]> {
  let query = db.selectFrom('notifications').selectAll().where('user_id', '=', userId).where(current);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  if (filter.types?.length) query = query.where('type', 'in', filter.types as NotificationRow['type'][]);
  return inWindow(query, window, 'created_at', 'id').execute();
}

export async function countNotifications(db: Db, userId: number, filter: NotificationFilter): Promise<number> {
  let query = db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where(current);
  if (filter.unreadOnly) query = query.where('read_at', 'is', null);
  if (filter.types?.length) query = query.where('type', 'in', filter.types as NotificationRow['type'][]);
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

/** Marks the user's unread `new_request` notification of a request read; true if there was one. */
export async function markRequestNotificationRead(trx: Trx, userId: number, requestId: number): Promise<boolean> {
  const rows = await trx
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn<Date>('date_trunc', [eb.val('milliseconds'), eb.fn('now')]) }))
    .where('user_id', '=', userId)
    .where('connection_request_id', '=', requestId)
    .where('type', '=', 'new_request')
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/**
 * Marks the unread `game_invite` notifications of these invites read (their receivers no longer
 * need to answer them); answers whose they were.
 */
export async function markInviteNotificationsRead(
  trx: Trx,
  inviteIds: readonly number[],
): Promise<{ tenant: string; user_id: number }[]> {
  if (inviteIds.length === 0) return [];
  return trx
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn<Date>('date_trunc', [eb.val('milliseconds'), eb.fn('now')]) }))
    .where('invite_id', 'in', inviteIds)
    .where('type', '=', 'game_invite')
    .where('read_at', 'is', null)
    .returning(['tenant', 'user_id'])
    .execute();
}

/** Marks every unread notification of the user read; returns how many were unread. */
export async function markAllNotificationsRead(trx: Trx, userId: number): Promise<number> {
  const rows = await trx
    .updateTable('notifications')
    .set((eb) => ({ read_at: eb.fn<Date>('date_trunc', [eb.val('milliseconds'), eb.fn('now')]) }))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .returning('id')
    .execute();
  return rows.length;
}

/** Deletes one of the user's notifications; returns it, or nothing when it is not theirs. */
export async function deleteNotification(trx: Trx, userId: number, id: number): Promise<NotificationRow | undefined> {
  return trx
    .deleteFrom('notifications')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes up to `limit` notifications that expired; answers whose they were, and whether read. */
export async function deleteExpiredNotifications(
  trx: Trx,
  limit: number,
): Promise<{ tenant: string; user_id: number; read_at: Date | null }[]> {
  return trx
    .deleteFrom('notifications')
    .where(
      'id',
      'in',
      trx.selectFrom('notifications').select('id').where('expires_at', '<=', sql<Date>`now()`).limit(limit),
    )
    .returning(['tenant', 'user_id', 'read_at'])
    .execute();
}

/** Deletes up to `limit` notifications read before `cutoff`; returns how many it deleted. */
export async function deleteReadNotificationsBefore(db: Db, cutoff: Date, limit: number): Promise<number> {
  const rows = await db
    .deleteFrom('notifications')
    .where('id', 'in', db.selectFrom('notifications').select('id').where('read_at', '<', cutoff).limit(limit))
    .returning('id')
    .execute();
  return rows.length;
}
