import { anyId } from '../../platform/db/compiled-once.js';
import type { Db } from '../../platform/db/database.js';

/**
 * Records when users were last seen online: when they go offline, and now and then while
 * online (never per heartbeat). Never moves a time backwards.
 */
export async function writeLastSeen(db: Db, userIds: readonly number[], at: Date): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .updateTable('users')
    .set({ last_seen_at: at })
    // One parameter however many users (an `in` list takes one each, 65,535 at most).
    .where('id', '=', anyId(userIds))
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', at)]))
    .execute();
}

/** Every connection of the user: the other users' ids (a presence watcher's list). */
export async function listConnectedUserIds(db: Db, userId: number): Promise<number[]> {
  const rows = await db.selectFrom('connection_edges').select('other_user_id').where('user_id', '=', userId).execute();
  return rows.map((row) => row.other_user_id);
}

/** Which of `otherUserIds` are connections of the user `clientUserId` of `tenant` (one query per batch). */
export async function connectedAmong(
  db: Db,
  tenant: string,
  clientUserId: string,
  otherUserIds: readonly number[],
): Promise<Set<number>> {
  if (otherUserIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('connection_edges')
    .innerJoin('users', 'users.id', 'connection_edges.user_id')
    .select('connection_edges.other_user_id')
    .where('users.tenant', '=', tenant)
    .where('users.client_user_id', '=', clientUserId)
    .where('connection_edges.other_user_id', 'in', [...otherUserIds])
    .execute();
  return new Set(rows.map((row) => row.other_user_id));
}
