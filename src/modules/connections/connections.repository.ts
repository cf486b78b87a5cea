import { sql } from 'kysely';
import { anyId, compiledOnce } from '../../platform/db/compiled-once.js';
import type { Db, Trx } from '../../platform/db/database.js';
import { inWindow, violatedUniqueConstraint } from '../../platform/db/sql-helpers.js';
import { ConflictError } from '../../platform/errors.js';
import type { Window } from '../../platform/pagination.js';
import { connectionErrors } from './connections.errors.js';
import type { ConnectionRow } from './connections.table.js';

/**
 * One user's view of a connection: who is on the other side, since when, and what this user
 * keeps about them (a nickname, a note, a star), which only this user ever reads.
 */
export interface ConnectionEdge {
  connection_id: number;
  other_user_id: number;
  created_at: Date;
  nickname: string | null;
  note: string | null;
  favorite: boolean;
}

const EDGE_COLUMNS = ['connection_id', 'other_user_id', 'created_at', 'nickname', 'note', 'favorite'] as const;

/** How a list of connections is filtered and ordered beyond newest first. */
export interface ConnectionListing {
  /** Only favourites (true) or only the others (false). */
  favorite?: boolean | null | undefined;
  /** Favourites first, each part newest first. */
  favoritesFirst?: boolean;
}

// The statements of sending, accepting and removing, run on every such write: compiled once (see compiledOnce).
const connectionOfPair = compiledOnce((db, v: { low: number; high: number }) =>
  db.selectFrom('connections').selectAll().where('user_low_id', '=', v.low).where('user_high_id', '=', v.high),
);
const insertOneConnection = compiledOnce((db, v: { tenant: string; low: number; high: number; requestId: number }) =>
  db
    .insertInto('connections')
    .values({ tenant: v.tenant, user_low_id: v.low, user_high_id: v.high, request_id: v.requestId })
    .returningAll(),
);
const insertEdgePair = compiledOnce(
  (db, v: { tenant: string; connectionId: number; createdAt: Date; userA: number; userB: number }) => {
    const edge = { tenant: v.tenant, connection_id: v.connectionId, created_at: v.createdAt };
    return db.insertInto('connection_edges').values([
      { ...edge, user_id: v.userA, other_user_id: v.userB },
      { ...edge, user_id: v.userB, other_user_id: v.userA },
    ]);
  },
);
const addToConnectionCounts = compiledOnce((db, v: { userIds: readonly number[]; delta: number }) =>
  db
    .updateTable('users')
    .set({ connection_count: sql<number>`connection_count + ${v.delta}::integer` })
    .where('id', '=', anyId(v.userIds)),
);
const edgeOf = compiledOnce((db, v: { userId: number; connectionId: number }) =>
  db
    .selectFrom('connection_edges')
    .select(EDGE_COLUMNS)
    .where('user_id', '=', v.userId)
    .where('connection_id', '=', v.connectionId),
);
const deleteOneConnection = compiledOnce((db, v: { connectionId: number }) =>
  db.deleteFrom('connections').where('id', '=', v.connectionId).returning(['user_low_id', 'user_high_id']),
);

export async function findConnectionBetween(db: Db, a: number, b: number): Promise<ConnectionRow | undefined> {
  return (await connectionOfPair(db, { low: Math.min(a, b), high: Math.max(a, b) }))[0];
}

/** Which of `otherIds` are connections of `userId`. */
export async function findConnectedAmong(db: Db, userId: number, otherIds: readonly number[]): Promise<Set<number>> {
  if (otherIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('connection_edges')
    .select('other_user_id')
    .where('user_id', '=', userId)
    .where('other_user_id', 'in', otherIds)
    .execute();
  return new Set(rows.map((row) => row.other_user_id));
}

/** Creates the connection and both users' edges to it. */
export async function insertConnection(
  trx: Trx,
  values: { tenant: string; userA: number; userB: number; requestId: number },
): Promise<ConnectionRow> {
  let connection: ConnectionRow;
  try {
    [connection] = (await insertOneConnection(trx, {
      tenant: values.tenant,
      low: Math.min(values.userA, values.userB),
      high: Math.max(values.userA, values.userB),
      requestId: values.requestId,
    })) as [ConnectionRow];
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'connections_one_per_pair')
      throw new ConflictError(connectionErrors.ALREADY_CONNECTED);
    throw error;
  }
  await insertEdgePair(trx, {
    tenant: values.tenant,
    connectionId: connection.id,
    createdAt: connection.created_at,
    userA: values.userA,
    userB: values.userB,
  });
  await adjustConnectionCounts(trx, [values.userA, values.userB], 1);
  return connection;
}

async function adjustConnectionCounts(trx: Trx, userIds: number[], delta: 1 | -1): Promise<void> {
  await addToConnectionCounts(trx, { userIds, delta });
}

/** The connection as `userId` sees it, if that user is one of its two sides. */
export async function findConnectionEdge(
  db: Db,
  userId: number,
  connectionId: number,
): Promise<ConnectionEdge | undefined> {
  return (await edgeOf(db, { userId, connectionId }))[0];
}

/** Deletes the connection (its edges go with it); false when it was already gone. */
export async function deleteConnection(trx: Trx, connectionId: number): Promise<boolean> {
  const [deleted] = await deleteOneConnection(trx, { connectionId });
  if (!deleted) return false;
  await adjustConnectionCounts(trx, [deleted.user_low_id, deleted.user_high_id], -1);
  return true;
}

// The documented list (newest first, no filter) is the read path's hottest statement: compiled
// once (see compiledOnce), by offset and from a cursor.
const newestEdges = compiledOnce((db, v: { userId: number; limit: number; offset: number }) =>
  db
    .selectFrom('connection_edges')
    .select(EDGE_COLUMNS)
    .where('user_id', '=', v.userId)
    .orderBy('created_at', 'desc')
    .orderBy('connection_id', 'desc')
    .limit(v.limit)
    .offset(v.offset),
);
const newestEdgesAfter = compiledOnce((db, v: { userId: number; limit: number; afterAt: string; afterId: number }) =>
  db
    .selectFrom('connection_edges')
    .select(EDGE_COLUMNS)
    .where('user_id', '=', v.userId)
    .where(sql<boolean>`(created_at, connection_id) < (${v.afterAt}::timestamptz, ${v.afterId}::bigint)`)
    .orderBy('created_at', 'desc')
    .orderBy('connection_id', 'desc')
    .limit(v.limit),
);

/**
 * One window of the user's connections, newest first, or favourites first (see
 * ConnectionListing). Either order is one index range (`connection_edges_list_idx`,
 * `connection_edges_favorites_idx`), read from a cursor at the same cost at any depth: a cursor
 * of the favourites order carries the star of its row as `rank` (1 or 0).
 */
export async function listConnectionEdges(
  db: Db,
  userId: number,
  window: Window,
  listing: ConnectionListing = {},
): Promise<ConnectionEdge[]> {
  const plain = listing.favorite == null && !listing.favoritesFirst;
  if (plain && window.after) {
    const { createdAt, id } = window.after;
    return newestEdgesAfter(db, { userId, limit: window.limit + 1, afterAt: createdAt.toISOString(), afterId: id });
  }
  if (plain) return newestEdges(db, { userId, limit: window.limit + 1, offset: window.offset });
  let query = db.selectFrom('connection_edges').select(EDGE_COLUMNS).where('user_id', '=', userId);
  if (listing.favorite != null) query = query.where('favorite', '=', listing.favorite);
  if (!listing.favoritesFirst) return inWindow(query, window, 'created_at', 'connection_id').execute();
  query = query
    .orderBy('favorite', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('connection_id', 'desc')
    .limit(window.limit + 1);
  if (window.offset > 0) query = query.offset(window.offset);
  const after = window.after;
  if (after) {
    query = query.where(
      sql<boolean>`(favorite, created_at, connection_id) < (${after.rank === 1}::boolean, ${after.createdAt.toISOString()}::timestamptz, ${after.id}::bigint)`,
    );
  }
  return query.execute();
}

/** How many of the user's connections are (or are not) favourites. */
export async function countConnectionEdges(db: Db, userId: number, favorite: boolean): Promise<number> {
  const row = await db
    .selectFrom('connection_edges')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('favorite', '=', favorite)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Every connection of the user (a presence-filtered list sorts and pages them in memory). */
export async function listAllConnectionEdges(db: Db, userId: number): Promise<ConnectionEdge[]> {
  return db.selectFrom('connection_edges').select(EDGE_COLUMNS).where('user_id', '=', userId).execute();
}
