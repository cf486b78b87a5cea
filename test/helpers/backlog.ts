import { sql } from 'kysely';
import { findUserByClientId } from '../../src/modules/users/users.repository.js';
import type { DatabaseHandle } from '../../src/platform/db/connect.js';

/**
 * Gives `clientUserId` a backlog of `count` unread notifications of 500 characters each, far
 * more than the socket buffers between server and client hold (about 10 MB for 20,000),
 * written straight to the database (through the API it would take minutes). The tenant must
 * already hold a connection request, which the notifications point at.
 */
export async function insertNotificationBacklog(
  database: DatabaseHandle,
  tenant: string,
  clientUserId: string,
  count: number,
): Promise<void> {
  const { db } = database;
  const user = await findUserByClientId(db, tenant, clientUserId);
  if (!user) throw new Error(`no user ${clientUserId} in ${tenant}`);
  await sql`
    insert into notifications (tenant, user_id, type, connection_request_id, other_user_id, message, seq)
    select ${tenant}, ${user.id}, 'new_request', r.id, r.sender_id, repeat('x', 500), ${user.notification_seq} + g
    from generate_series(1, ${count}) g,
         (select id, sender_id from connection_requests where tenant = ${tenant} limit 1) r`.execute(db);
  await sql`update users set notification_seq = notification_seq + ${count} where id = ${user.id}`.execute(db);
}
