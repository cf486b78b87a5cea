import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { UserRow } from '../users/users.table.js';
import type { FriendCodeRow } from './friend-codes.table.js';

export async function findFriendCodeOf(db: Db, userId: number): Promise<FriendCodeRow | undefined> {
  return db.selectFrom('friend_codes').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** The user a code names in the tenant, if any. */
export async function findUserByCode(db: Db, tenant: string, code: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('friend_codes')
    .innerJoin('users', 'users.id', 'friend_codes.user_id')
    .selectAll('users')
    .where('friend_codes.tenant', '=', tenant)
    .where('friend_codes.code', '=', code)
    .executeTakeFirst();
}

/**
 * Gives the user `code` unless it already has one; undefined when it had one or another user of
 * the tenant holds `code` (the caller reads the user's code again, or draws another).
 */
export async function insertFriendCode(
  db: Db,
  values: { tenant: string; userId: number; code: string },
): Promise<FriendCodeRow | undefined> {
  return db
    .insertInto('friend_codes')
    .values({ tenant: values.tenant, user_id: values.userId, code: values.code })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Replaces the user's code with `code` (inserting it when the user had none); undefined when
 * another user of the tenant holds `code` (the caller draws another). The check is in the
 * statement, so a taken code never aborts the caller's transaction; only two users drawing the
 * same new code at the same instant could still meet the unique index.
 */
export async function replaceFriendCode(
  db: Db,
  values: { tenant: string; userId: number; code: string },
): Promise<FriendCodeRow | undefined> {
  const { rows } = await sql<FriendCodeRow>`
    insert into friend_codes (tenant, user_id, code)
    select ${values.tenant}, ${values.userId}, ${values.code}
    where not exists (select from friend_codes where tenant = ${values.tenant} and code = ${values.code})
    on conflict (user_id) do update set code = excluded.code, created_at = date_trunc('milliseconds', now())
    returning user_id, tenant, code, created_at`.execute(db);
  return rows[0];
}
