import type { Db } from '../../platform/db/database.js';

/*
 * Set-based reads for the relationship of one user to many others: each answers for the whole
 * set of users in one statement, so a batch costs the same few statements whatever its size.
 */

/** The users of the tenant among `clientUserIds` (unknown ids are simply absent). */
export async function findUserIdsByClientIds(
  db: Db,
  tenant: string,
  clientUserIds: readonly string[],
): Promise<{ id: number; client_user_id: string }[]> {
  if (clientUserIds.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'client_user_id'])
    .where('tenant', '=', tenant)
    .where('client_user_id', 'in', clientUserIds)
    .execute();
}

/** The user's connections to any of `otherIds`. */
export async function findConnectionsWith(
  db: Db,
  userId: number,
  otherIds: readonly number[],
): Promise<{ other_user_id: number; connection_id: number }[]> {
  if (otherIds.length === 0) return [];
  return db
    .selectFrom('connection_edges')
    .select(['other_user_id', 'connection_id'])
    .where('user_id', '=', userId)
    .where('other_user_id', 'in', otherIds)
    .execute();
}

/** The pending requests between the user and any of `otherIds`, in either direction. */
export async function findPendingRequestsWith(
  db: Db,
  userId: number,
  otherIds: readonly number[],
): Promise<{ id: number; sender_id: number; receiver_id: number }[]> {
  if (otherIds.length === 0) return [];
  return db
    .selectFrom('connection_requests')
    .select(['id', 'sender_id', 'receiver_id'])
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb.and([eb('sender_id', '=', userId), eb('receiver_id', 'in', otherIds)]),
        eb.and([eb('receiver_id', '=', userId), eb('sender_id', 'in', otherIds)]),
      ]),
    )
    .execute();
}

/** Which of `otherIds` the user blocks. */
export async function findBlockedAmong(db: Db, userId: number, otherIds: readonly number[]): Promise<number[]> {
  if (otherIds.length === 0) return [];
  const rows = await db
    .selectFrom('blocks')
    .select('blocked_id')
    .where('blocker_id', '=', userId)
    .where('blocked_id', 'in', otherIds)
    .execute();
  return rows.map((row) => row.blocked_id);
}
