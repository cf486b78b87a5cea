import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { inWindow } from '../../platform/db/sql-helpers.js';
import type { Window } from '../../platform/pagination.js';
import type { UserRow } from '../users/users.table.js';

/** Whether the two users share at least one connection (are friends of friends). */
export async function haveMutualConnection(db: Db, userA: number, userB: number): Promise<boolean> {
  const row = await db
    .selectFrom('connection_edges as a')
    .innerJoin('connection_edges as b', (join) =>
      join.onRef('b.other_user_id', '=', 'a.other_user_id').on('b.user_id', '=', userB),
    )
    .select('a.other_user_id')
    .where('a.user_id', '=', userA)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/*
 * Mutual connections and suggestions. Both read the graph from `connection_edges`, one row per
 * side of each connection, through its two indexes: (user_id, created_at desc, connection_id desc)
 * for "a user's newest connections" and (user_id, other_user_id) for "is X among them".
 *
 * Blocks hide people: a user who has a block (either way) with one of the two users is not
 * counted or listed as a mutual connection of theirs, and suggestions leave out users the
 * acting user has a block with. Blocking also removes the connection between the two (see
 * `src/modules/blocks/blocks.service.ts`), so these filters matter only for rows that predate that rule; they are
 * kept so that what is shown never depends on it.
 */

/**
 * When one user has at least this many times the connections of the other, their mutual
 * connections are found by looking each of the smaller side's connections up in the larger
 * side's (user_id, other_user_id) index: work in proportion to the smaller side (a player with
 * 30 connections against one with 60,000: 30 lookups). Between users of similar size both lists
 * are read in other_user_id order from that index and merged, which is cheaper per row.
 * The planner cannot tell the two cases apart for a batch of pairs, so the query says which.
 */
const PROBE_RATIO = 8;

type Operand = number | RawBuilder<unknown>;

/** Two users, the one with fewer connections first; the counts only choose the plan. */
interface Pair {
  small: Operand;
  big: Operand;
  smallCount: Operand;
  bigCount: Operand;
}

/**
 * The users connected to both users of `pair` and with no block with either of them, as rows
 * `(user_id)`, or `(user_id, since)` where `since` is when the later of the two connections was
 * made (when the user became a mutual connection).
 */
function mutualConnectionsOf(pair: Pair, withSince: boolean): RawBuilder<unknown> {
  const { small, big, smallCount, bigCount } = pair;
  const probeRatio = sql.lit(PROBE_RATIO);
  const since = withSince ? sql`, greatest(e.created_at, f.created_at) as since` : sql``;
  return sql`
    select m.* from (
      select e.other_user_id as user_id ${since}
      from connection_edges e
      join connection_edges f on f.user_id = ${big} and f.other_user_id = e.other_user_id
      where e.user_id = ${small} and ${bigCount}::int < ${probeRatio} * ${smallCount}::int
      union all
      select e.other_user_id as user_id ${since}
      from connection_edges e
      -- OFFSET 0 keeps this a lookup per row: the planner may not turn it into a join.
      cross join lateral (
        select f.created_at from connection_edges f
        where f.user_id = ${big} and f.other_user_id = e.other_user_id
        offset 0
      ) f
      where e.user_id = ${small} and ${bigCount}::int >= ${probeRatio} * ${smallCount}::int
    ) m
    where m.user_id not in (
      select x.blocked_id from blocks x where x.blocker_id in (${small}, ${big})
      union all
      select x.blocker_id from blocks x where x.blocked_id in (${small}, ${big})
    )
  `;
}

function orderedPair(a: UserRow, b: UserRow): Pair {
  const [small, big] = a.connection_count <= b.connection_count ? [a, b] : [b, a];
  return { small: small.id, big: big.id, smallCount: small.connection_count, bigCount: big.connection_count };
}

/** A mutual connection: the user, and when the later of their two connections was made. */
export type MutualConnectionRow = UserRow & { mutual_since: Date };

/**
 * One window of the mutual connections of `user` and `other`, newest mutual connection first
 * (by `mutual_since`, then user id). Only the window's users are read from `users`.
 */
export async function listMutualConnections(
  db: Db,
  user: UserRow,
  other: UserRow,
  window: Window,
): Promise<MutualConnectionRow[]> {
  const rows = mutualConnectionsOf(orderedPair(user, other), true);
  const mutual = db
    .selectFrom(sql<{ user_id: number; since: Date }>`(${rows})`.as('m'))
    .select(['m.user_id', 'm.since']);
  const slice = inWindow(mutual, window, 'm.since', 'm.user_id');
  return db
    .selectFrom(slice.as('p'))
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .selectAll('u')
    .select('p.since as mutual_since')
    .orderBy('p.since', 'desc')
    .orderBy('p.user_id', 'desc')
    .execute();
}

/** A pair of users of one tenant whose mutual connections are counted; the other by id or by client id. */
export type MutualCountKey = { userId: number; otherUserId: number } | { userId: number; otherClientUserId: string };

/**
 * The number of mutual connections of each pair, in one statement however many pairs: null
 * where the other user does not exist in the tenant or is the user itself.
 */
export async function countMutualConnections(
  db: Db,
  tenant: string,
  keys: readonly MutualCountKey[],
): Promise<(number | null)[]> {
  if (keys.length === 0) return [];
  const userIds = keys.map((key) => key.userId);
  const otherIds = keys.map((key) => ('otherUserId' in key ? key.otherUserId : null));
  const otherClientIds = keys.map((key) => ('otherClientUserId' in key ? key.otherClientUserId : null));
  const pair: Pair = {
    small: sql.ref('s.small_id'),
    big: sql.ref('s.big_id'),
    smallCount: sql.ref('s.small_count'),
    bigCount: sql.ref('s.big_count'),
  };
  const { rows } = await sql<{ i: number; user_id: number; other_id: number | null; n: number }>`
    select k.i, k.user_id, s.other_id, c.n
    from unnest(${userIds}::bigint[], ${otherIds}::bigint[], ${otherClientIds}::text[])
      with ordinality as k(user_id, other_id, other_client_id, i)
    left join lateral (
      select b.id as other_id,
        case when a.connection_count <= b.connection_count then a.id else b.id end as small_id,
        case when a.connection_count <= b.connection_count then b.id else a.id end as big_id,
        least(a.connection_count, b.connection_count) as small_count,
        greatest(a.connection_count, b.connection_count) as big_count
      from users a, users b
      where a.id = k.user_id
        and b.id = coalesce(
          k.other_id,
          (select u.id from users u where u.tenant = ${tenant} and u.client_user_id = k.other_client_id)
        )
    ) s on true
    left join lateral (
      select count(*)::int as n from (${mutualConnectionsOf(pair, false)}) mutual
    ) c on true
  `.execute(db);
  const counts: (number | null)[] = keys.map(() => null);
  for (const row of rows) {
    if (row.other_id !== null && row.other_id !== row.user_id) counts[Number(row.i) - 1] = row.n;
  }
  return counts;
}

/** How far suggestions look; see `src/modules/discovery/suggestions.service.ts`. */
export interface SuggestionBounds {
  /** The user's newest connections whose own connections are read. */
  friends: number;
  /** Newest connections read of each of those. */
  friendsOfFriend: number;
  /** Suggestions ranked at most. */
  max: number;
}

/**
 * A suggested user, the number of mutual connections found for it within the bounds, and when
 * the two last played together (null when they have not recently).
 */
export type SuggestionRow = UserRow & { mutual_count: number; played_at: Date | null };

/**
 * Users `userId` may know, best first, at most `bounds.max`: users connected to one of the
 * user's `bounds.friends` newest connections (among that one's `bounds.friendsOfFriend` newest),
 * and users it recently played with (at most 200, see recent-players), ranked by how many of
 * those connections they share with the user, a recent match counting as one more (shared
 * connections first among equals), then by the latest match, then by id (account age); without the user itself, its connections, users with
 * a pending request to or from it, users with a block either way, users who accept requests from
 * nobody, and users who accept them from friends of friends only and share none. A connection
 * with a block with the user or the candidate does not count as shared. At most
 * friends × friendsOfFriend edges are read, plus the user's recent players, plus a lookup of each
 * candidate in rank order until enough have passed the filters: the cost does not grow with the
 * size of anyone's network.
 */
function rankedSuggestions(userId: number, bounds: SuggestionBounds) {
  return sql<SuggestionRow>`
    with friends as (
      select r.friend_id from (
        select e.other_user_id as friend_id from connection_edges e
        where e.user_id = ${userId}
        order by e.created_at desc, e.connection_id desc
        limit ${bounds.friends}
      ) r
      where not exists (
        select from blocks x
        where (x.blocker_id = ${userId} and x.blocked_id = r.friend_id)
           or (x.blocker_id = r.friend_id and x.blocked_id = ${userId})
      )
    ),
    friend_blocks as (
      select x.blocker_id as friend_id, x.blocked_id as other_id from blocks x
      where x.blocker_id in (select friend_id from friends)
      union all
      select x.blocked_id, x.blocker_id from blocks x
      where x.blocked_id in (select friend_id from friends)
    ),
    candidates as (
      select found.user_id, sum(found.mutual)::int as mutual_count, max(found.played_at) as played_at
      from (
        select fof.user_id, 1 as mutual, null::timestamptz as played_at
        from friends f
        cross join lateral (
          select e.other_user_id as user_id from connection_edges e
          where e.user_id = f.friend_id
          order by e.created_at desc, e.connection_id desc
          limit ${bounds.friendsOfFriend}
        ) fof
        where fof.user_id <> ${userId}
          and not exists (
            select from friend_blocks fb where fb.friend_id = f.friend_id and fb.other_id = fof.user_id
          )
        union all
        select rp.other_user_id, 0, rp.played_at from recent_players rp where rp.user_id = ${userId}
      ) found
      group by found.user_id
    )
    select u.*, c.mutual_count, c.played_at
    -- Ranked before the filters, so that a page needs only its candidates looked up.
    from (select *, mutual_count + (played_at is not null)::int as score from candidates
          order by score desc, mutual_count desc, played_at desc nulls last, user_id) c
    join users u on u.id = c.user_id
    where (u.accept_requests_from = 'everyone'
           or (u.accept_requests_from = 'friends_of_friends' and c.mutual_count > 0))
      and not exists (
        select from connection_edges x where x.user_id = ${userId} and x.other_user_id = c.user_id
      )
      and not exists (
        select from blocks x
        where (x.blocker_id = ${userId} and x.blocked_id = c.user_id)
           or (x.blocker_id = c.user_id and x.blocked_id = ${userId})
      )
      and not exists (
        select from connection_requests r
        where r.status = 'pending'
          and least(r.sender_id, r.receiver_id) = least(${userId}::bigint, c.user_id)
          and greatest(r.sender_id, r.receiver_id) = greatest(${userId}::bigint, c.user_id)
      )
    order by c.score desc, c.mutual_count desc, c.played_at desc nulls last, c.user_id
    limit ${bounds.max}
  `;
}

/** One window (by offset) of the user's suggestions; see `rankedSuggestions`. */
export async function listSuggestions(
  db: Db,
  userId: number,
  bounds: SuggestionBounds,
  window: Window,
): Promise<SuggestionRow[]> {
  const { rows } = await sql<SuggestionRow>`
    select * from (${rankedSuggestions(userId, bounds)}) s
    order by s.mutual_count + (s.played_at is not null)::int desc, s.mutual_count desc, s.played_at desc nulls last, s.id
    offset ${window.offset} limit ${window.limit + 1}
  `.execute(db);
  return rows;
}

/** How many suggestions the user has (at most `bounds.max`). */
export async function countSuggestions(db: Db, userId: number, bounds: SuggestionBounds): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (${rankedSuggestions(userId, bounds)}) s
  `.execute(db);
  return rows[0]?.n ?? 0;
}
