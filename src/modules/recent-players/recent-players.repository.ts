import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db/database.js';
import type { Window } from '../../platform/pagination.js';
import type { RecentPlayerRow } from './recent-players.table.js';

/**
 * Records that `userIds` played together: each sees each other one, with this match's time and
 * context (replacing an earlier match of the same two). One statement, whatever the roster
 * (100 players are 9,900 rows, built by PostgreSQL from the one array).
 */
export async function recordMatch(
  trx: Trx,
  values: { tenant: string; userIds: readonly number[]; context: string | null; playedAt: Date },
): Promise<number> {
  const result = await sql`
    insert into recent_players as r (tenant, user_id, other_user_id, context, played_at)
    select ${values.tenant}, a.id, b.id, ${values.context}, ${values.playedAt.toISOString()}::timestamptz
    from unnest(${[...values.userIds]}::bigint[]) a(id)
    cross join unnest(${[...values.userIds]}::bigint[]) b(id)
    where a.id <> b.id
    -- Rows locked in one order by every match: overlapping matches at once wait, never deadlock.
    order by a.id, b.id
    on conflict (user_id, other_user_id) do update
      set context = excluded.context, played_at = excluded.played_at
      where r.played_at <= excluded.played_at
  `.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Keeps only the `keep` most recent players of each of `userIds`. One statement: the ranks come
 * from each player's index range, so it reads at most what the match just added plus `keep`
 * rows per player.
 */
export async function trimRecentPlayers(trx: Trx, userIds: readonly number[], keep: number): Promise<void> {
  await sql`
    delete from recent_players r
    using (
      select user_id, other_user_id from (
        select user_id, other_user_id,
               row_number() over (partition by user_id order by played_at desc, other_user_id desc) as n
        from recent_players
        where user_id = any(${[...userIds]}::bigint[])
      ) ranked
      where n > ${keep}
    ) old
    where r.user_id = old.user_id and r.other_user_id = old.other_user_id
  `.execute(trx);
}

/** Rows of `userId` whose other player has a block with it either way are left out. */
function visibleRecentPlayers(db: Db, userId: number) {
  return db
    .selectFrom('recent_players as r')
    .selectAll('r')
    .where('r.user_id', '=', userId)
    .where(({ not, exists, selectFrom, or, and }) =>
      not(
        exists(
          selectFrom('blocks as x')
            .select('x.blocker_id')
            .where((x) =>
              or([
                and([x('x.blocker_id', '=', userId), x('x.blocked_id', '=', x.ref('r.other_user_id'))]),
                and([x('x.blocker_id', '=', x.ref('r.other_user_id')), x('x.blocked_id', '=', userId)]),
              ]),
            ),
        ),
      ),
    );
}

/** One window of the user's recent players, most recent first (ties by the other's id). */
export async function listRecentPlayers(db: Db, userId: number, window: Window): Promise<RecentPlayerRow[]> {
  let query = visibleRecentPlayers(db, userId)
    .orderBy('r.played_at', 'desc')
    .orderBy('r.other_user_id', 'desc')
    .limit(window.limit + 1);
  if (window.offset > 0) query = query.offset(window.offset);
  if (window.after) {
    query = query.where(
      sql<boolean>`(r.played_at, r.other_user_id) < (${window.after.createdAt.toISOString()}::timestamptz, ${window.after.id}::bigint)`,
    );
  }
  return query.execute();
}

export async function countRecentPlayers(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom(visibleRecentPlayers(db, userId).as('v'))
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Deletes up to `limit` rows of matches played before `cutoff`; returns how many. */
export async function deleteRecentPlayersBefore(db: Db, cutoff: Date, limit: number): Promise<number> {
  const result = await sql`
    delete from recent_players where ctid = any(array(
      select ctid from recent_players where played_at < ${cutoff.toISOString()}::timestamptz limit ${limit}
    ))
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
