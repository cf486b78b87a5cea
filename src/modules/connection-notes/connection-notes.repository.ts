import type { Trx } from '../../platform/db/database.js';
import type { ConnectionEdge } from '../connections/connections.repository.js';

/** What one side keeps about the other: a value given replaces, null clears, absent stays. */
export interface NotesChange {
  nickname?: string | null;
  note?: string | null;
  favorite?: boolean;
}

/** Changes the user's own side of the connection; undefined when the user is no side of it. */
export async function updateConnectionNotes(
  trx: Trx,
  userId: number,
  connectionId: number,
  change: NotesChange,
): Promise<ConnectionEdge | undefined> {
  return trx
    .updateTable('connection_edges')
    .set(change)
    .where('user_id', '=', userId)
    .where('connection_id', '=', connectionId)
    .returning(['connection_id', 'other_user_id', 'created_at', 'nickname', 'note', 'favorite'])
    .executeTakeFirst();
}
