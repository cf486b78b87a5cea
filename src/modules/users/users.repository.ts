import { sql } from 'kysely';
import { anyId, compiledOnce } from '../../platform/db/compiled-once.js';
import type { Db, Trx } from '../../platform/db/database.js';
import type { InvitePolicy } from '../invites/invites.table.js';
import type { RequestPolicy } from '../settings/settings.table.js';
import type { UserRow } from './users.table.js';

// Every request looks its user up, and every page its users' names: compiled once (see compiledOnce).
const userByClientId = compiledOnce((db, v: { tenant: string; clientUserId: string }) =>
  db.selectFrom('users').selectAll().where('tenant', '=', v.tenant).where('client_user_id', '=', v.clientUserId),
);
const usersByIds = compiledOnce((db, v: { tenant: string; ids: readonly number[] }) =>
  db.selectFrom('users').selectAll().where('tenant', '=', v.tenant).where('id', '=', anyId(v.ids)),
);

export async function findUserByClientId(db: Db, tenant: string, clientUserId: string): Promise<UserRow | undefined> {
  return (await userByClientId(db, { tenant, clientUserId }))[0];
}

export async function findUsersByIds(db: Db, tenant: string, ids: readonly number[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return usersByIds(db, { tenant, ids: [...ids] });
}

/** The users of the tenant with these `client_user_id`s, by them (unknown ones are left out). */
export async function findUsersByClientIds(
  db: Db,
  tenant: string,
  clientUserIds: readonly string[],
): Promise<Map<string, UserRow>> {
  if (clientUserIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('tenant', '=', tenant)
    .where('client_user_id', '=', sql<string>`any(${[...clientUserIds]}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.client_user_id, row]));
}

/** Creates the user or renames it; `created` tells which happened. */
export async function upsertUser(
  db: Db,
  tenant: string,
  clientUserId: string,
  displayName: string,
): Promise<{ user: UserRow; created: boolean }> {
  const row = await db
    .insertInto('users')
    .values({ tenant, client_user_id: clientUserId, display_name: displayName })
    .onConflict((oc) =>
      oc.columns(['tenant', 'client_user_id']).doUpdateSet({
        display_name: (eb) => eb.ref('excluded.display_name'),
        updated_at: sql<Date>`date_trunc('milliseconds', now())`,
      }),
    )
    .returningAll()
    // A row the insert created has no deleting transaction id yet; an updated one does.
    .returning(sql<boolean>`xmax = 0`.as('created'))
    .executeTakeFirstOrThrow();
  const { created, ...user } = row;
  return { user, created };
}

// Every write locks its users first: compiled once (see compiledOnce).
const lockedUsers = compiledOnce((db, v: { ids: readonly number[] }) =>
  db
    .selectFrom('users')
    .select(['id', 'connection_count', 'accept_requests_from', 'accept_invites_from'])
    .where('id', '=', anyId(v.ids))
    .orderBy('id')
    .forNoKeyUpdate(),
);

/**
 * Locks the given users' rows until the transaction ends, always in id order so that two
 * transactions locking the same pair cannot deadlock. Every change to a pair of users takes
 * these locks first, so check-then-write sequences on a pair run one at a time. Returns the
 * locked users' connection counts and request settings, as of the lock.
 */
export async function lockUsers(
  trx: Trx,
  ids: number[],
): Promise<
  Map<number, { connectionCount: number; acceptRequestsFrom: RequestPolicy; acceptInvitesFrom: InvitePolicy }>
> {
  const rows = await lockedUsers(trx, { ids });
  // Read under the lock: counts and settings cannot change until this transaction ends.
  return new Map(
    rows.map((row) => [
      row.id,
      {
        connectionCount: row.connection_count,
        acceptRequestsFrom: row.accept_requests_from,
        acceptInvitesFrom: row.accept_invites_from,
      },
    ]),
  );
}

/** The seq of the user's newest notification (0 before the first). */
export async function readNotificationSeq(db: Db, userId: number): Promise<number> {
  const row = await db.selectFrom('users').select('notification_seq').where('id', '=', userId).executeTakeFirst();
  return row?.notification_seq ?? 0;
}
