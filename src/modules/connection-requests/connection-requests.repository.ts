import { sql } from 'kysely';
import { compiledOnce } from '../../platform/db/compiled-once.js';
import type { Db, Trx } from '../../platform/db/database.js';
import { violatedUniqueConstraint } from '../../platform/db/sql-helpers.js';
import { ConflictError } from '../../platform/errors.js';
import type { Window } from '../../platform/pagination.js';
import { requestErrors } from './connection-requests.errors.js';
import type { ConnectionRequestRow, RequestStatus } from './connection-requests.table.js';

// The statements of sending and answering, run on every such write: compiled once (see compiledOnce).
const insertOneRequest = compiledOnce(
  (db, v: { tenant: string; senderId: number; receiverId: number; message: string | null }) =>
    db
      .insertInto('connection_requests')
      .values({ tenant: v.tenant, sender_id: v.senderId, receiver_id: v.receiverId, message: v.message })
      .returningAll(),
);
const requestById = compiledOnce((db, v: { tenant: string; id: number }) =>
  db.selectFrom('connection_requests').selectAll().where('tenant', '=', v.tenant).where('id', '=', v.id),
);
const pendingBetween = compiledOnce((db, v: { a: number; b: number }) =>
  db
    .selectFrom('connection_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb.and([eb('sender_id', '=', v.a), eb('receiver_id', '=', v.b)]),
        eb.and([eb('sender_id', '=', v.b), eb('receiver_id', '=', v.a)]),
      ]),
    ),
);
const answerPending = compiledOnce((db, v: { id: number; status: Exclude<RequestStatus, 'pending'> }) =>
  db
    .updateTable('connection_requests')
    .set((eb) => ({
      status: v.status,
      responded_at: eb.fn<Date>('date_trunc', [eb.val('milliseconds'), eb.fn('now')]),
    }))
    .where('id', '=', v.id)
    .where('status', '=', 'pending')
    .returningAll(),
);
const pendingSentUpTo = compiledOnce((db, v: { senderId: number; atMost: number }) =>
  db
    .selectFrom((qb) =>
      qb
        .selectFrom('connection_requests')
        .select('id')
        .where('sender_id', '=', v.senderId)
        .where('status', '=', 'pending')
        .limit(v.atMost)
        .as('pending'),
    )
    .select((eb) => eb.fn.countAll<number>().as('count')),
);

export async function insertConnectionRequest(
  trx: Trx,
  values: { tenant: string; senderId: number; receiverId: number; message: string | null },
): Promise<ConnectionRequestRow> {
  try {
    const [request] = await insertOneRequest(trx, values);
    return request as ConnectionRequestRow;
  } catch (error) {
    if (violatedUniqueConstraint(error) === 'connection_requests_one_pending_per_pair') {
      throw new ConflictError(requestErrors.REQUEST_ALREADY_PENDING);
    }
    throw error;
  }
}

export async function findConnectionRequest(
  db: Db,
  tenant: string,
  id: number,
): Promise<ConnectionRequestRow | undefined> {
  return (await requestById(db, { tenant, id }))[0];
}

/** The pending request between two users, whichever of them sent it. */
export async function findPendingRequestBetween(
  db: Db,
  a: number,
  b: number,
): Promise<ConnectionRequestRow | undefined> {
  return (await pendingBetween(db, { a, b }))[0];
}

/**
 * Moves a pending request to its answer. Returns nothing when the request is no longer
 * pending: under concurrent answers the second one waits for the first to commit, then finds
 * the row already answered.
 */
export async function answerConnectionRequest(
  trx: Trx,
  id: number,
  status: Exclude<RequestStatus, 'pending'>,
): Promise<ConnectionRequestRow | undefined> {
  return (await answerPending(trx, { id, status }))[0];
}

type Side = 'sender_id' | 'receiver_id';

/**
 * The sent and received lists, run on every read of them (newest first, by offset or from a
 * cursor, with or without a status): compiled once per shape (see compiledOnce), built the first
 * time each shape is asked for. A column name is part of the statement, so each side is a shape.
 */
const listStatements = new Map<string, ReturnType<typeof compileList>>();

function compileList(side: Side, filtered: boolean, fromCursor: boolean) {
  return compiledOnce(
    (
      db,
      v: { userId: number; status?: RequestStatus; limit: number; offset?: number; afterAt?: string; afterId?: number },
    ) => {
      let query = db.selectFrom('connection_requests').selectAll().where(side, '=', v.userId);
      if (filtered) query = query.where('status', '=', v.status as RequestStatus);
      if (fromCursor) {
        query = query.where(sql<boolean>`(created_at, id) < (${v.afterAt}::timestamptz, ${v.afterId}::bigint)`);
      }
      query = query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(v.limit);
      return fromCursor ? query : query.offset(v.offset as number);
    },
  );
}

export async function listConnectionRequests(
  db: Db,
  side: Side,
  userId: number,
  status: RequestStatus | null,
  window: Window,
): Promise<ConnectionRequestRow[]> {
  const shape = `${side}:${status !== null}:${window.after !== null}`;
  let statement = listStatements.get(shape);
  if (!statement) {
    statement = compileList(side, status !== null, window.after !== null);
    listStatements.set(shape, statement);
  }
  // Each shape is handed exactly the values its statement takes.
  const filter = status === null ? {} : { status };
  const { after } = window;
  const page = after ? { afterAt: after.createdAt.toISOString(), afterId: after.id } : { offset: window.offset };
  return statement(db, { userId, limit: window.limit + 1, ...filter, ...page });
}

const countStatements = new Map<string, ReturnType<typeof compileCount>>();

function compileCount(side: Side, filtered: boolean) {
  return compiledOnce((db, v: { userId: number; status?: RequestStatus }) => {
    const query = db
      .selectFrom('connection_requests')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where(side, '=', v.userId);
    return filtered ? query.where('status', '=', v.status as RequestStatus) : query;
  });
}

export async function countConnectionRequests(
  db: Db,
  side: Side,
  userId: number,
  status: RequestStatus | null,
): Promise<number> {
  const shape = `${side}:${status !== null}`;
  let statement = countStatements.get(shape);
  if (!statement) {
    statement = compileCount(side, status !== null);
    countStatements.set(shape, statement);
  }
  const [row] = await statement(db, status === null ? { userId } : { userId, status });
  return Number(row?.count ?? 0);
}

/** How many pending requests the user has sent, counting no further than `atMost`. */
export async function countPendingSent(trx: Trx, senderId: number, atMost: number): Promise<number> {
  const [row] = await pendingSentUpTo(trx, { senderId, atMost });
  return Number(row?.count ?? 0);
}

/** When the receiver last declined a request from this sender, if ever. */
export async function findLastDeclineAt(db: Db, senderId: number, receiverId: number): Promise<Date | undefined> {
  const row = await db
    .selectFrom('connection_requests')
    .select('responded_at')
    .where('sender_id', '=', senderId)
    .where('receiver_id', '=', receiverId)
    .where('status', '=', 'declined')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.responded_at ?? undefined;
}

/** Up to `limit` pending requests created before `cutoff`, oldest first, in any tenant. */
export async function findPendingRequestsBefore(db: Db, cutoff: Date, limit: number): Promise<ConnectionRequestRow[]> {
  return db
    .selectFrom('connection_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where('created_at', '<', cutoff)
    .orderBy('created_at')
    .limit(limit)
    .execute();
}
