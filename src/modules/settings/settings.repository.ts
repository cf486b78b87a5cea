import type { Trx } from '../../platform/db/database.js';
import type { UserRow } from '../users/users.table.js';

/** Changes the user's privacy settings; returns the user row as stored. */
export async function updatePrivacySettings(
  trx: Trx,
  userId: number,
  changes: Partial<Pick<UserRow, 'accept_requests_from' | 'share_presence' | 'accept_invites_from'>>,
): Promise<UserRow> {
  return trx.updateTable('users').set(changes).where('id', '=', userId).returningAll().executeTakeFirstOrThrow();
}
