import { type ExpressionBuilder, sql } from 'kysely';
import { anyId, compiledOnce } from '../../platform/db/compiled-once.js';
import type { Database, Db, Trx } from '../../platform/db/database.js';
import { inWindow } from '../../platform/db/sql-helpers.js';
import type { Window } from '../../platform/pagination.js';
import type { JoinInfo } from '../presence/presence.rules.js';
import type { InviteRow, InviteStatus, StoredInviteStatus } from './invites.table.js';

const now = sql<Date>`date_trunc('milliseconds', now())`;

/** An invite's columns, its status as read: `expired` once past its expiry unanswered. */
function inviteColumns(eb: ExpressionBuilder<Database, 'invites'>) {
  return [
    'invites.id',
    'invites.tenant',
    'invites.sender_id',
    'invites.receiver_id',
    'invites.message',
    'invites.join_info',
    'invites.created_at',
    'invites.expires_at',
    'invites.responded_at',
    eb
      .case()
      .when(eb.and([eb('invites.status', '=', 'pending'), eb('invites.expires_at', '<=', sql<Date>`now()`)]))
      .then(sql<InviteStatus>`'expired'`)
      .else(eb.ref('invites.status'))
      .end()
      .$castTo<InviteStatus>()
      .as('status'),
  ] as const;
}

/** Invites in `status` as read (see `inviteColumns`). */
function inStatus(eb: ExpressionBuilder<Database, 'invites'>, status: InviteStatus) {
  if (status === 'pending') {
    return eb.and([eb('invites.status', '=', 'pending'), eb('invites.expires_at', '>', sql<Date>`now()`)]);
  }
  if (status === 'expired') {
    return eb.and([eb('invites.status', '=', 'pending'), eb('invites.expires_at', '<=', sql<Date>`now()`)]);
  }
  return eb('invites.status', '=', status);
}

/** Inserts one invite per receiver, all alike but for the receiver; answers them in the order given. */
export async function insertInvites(
  trx: Trx,
  invite: {
    tenant: string;
    senderId: number;
    receiverIds: readonly number[];
    message: string | null;
    joinInfo: JoinInfo;
    expiresInSeconds: number;
  },
): Promise<InviteRow[]> {
  const expiresAt = sql<Date>`date_trunc('milliseconds', now()) + make_interval(secs => ${invite.expiresInSeconds})`;
  const rows = await trx
    .insertInto('invites')
    .values(
      invite.receiverIds.map((receiverId) => ({
        tenant: invite.tenant,
        sender_id: invite.senderId,
        receiver_id: receiverId,
        message: invite.message,
        join_info: JSON.stringify(invite.joinInfo),
        expires_at: expiresAt,
      })),
    )
    .returning((eb) => inviteColumns(eb))
    .execute();
  const byReceiver = new Map(rows.map((row) => [row.receiver_id, row]));
  return invite.receiverIds.map((id) => byReceiver.get(id) as InviteRow);
}

export async function findInvite(db: Db, tenant: string, id: number): Promise<InviteRow | undefined> {
  return db
    .selectFrom('invites')
    .select((eb) => inviteColumns(eb))
    .where('tenant', '=', tenant)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findInvitesByIds(db: Db, tenant: string, ids: readonly number[]): Promise<InviteRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('invites')
    .select((eb) => inviteColumns(eb))
    .where('tenant', '=', tenant)
    .where('id', 'in', ids)
    .execute();
}

/**
 * Ends a pending invite that has not expired (an answer or a withdrawal). Returns nothing when
 * it is no longer pending or has expired: of concurrent answers, the second waits for the first
 * to commit, then finds it answered.
 */
export async function closeInvite(
  trx: Trx,
  id: number,
  status: Exclude<StoredInviteStatus, 'pending'>,
): Promise<InviteRow | undefined> {
  return trx
    .updateTable('invites')
    .set({ status, responded_at: now })
    .where('id', '=', id)
    .where((eb) => inStatus(eb, 'pending'))
    .returning((eb) => inviteColumns(eb))
    .executeTakeFirst();
}

// Every removed connection withdraws the invites between its users: compiled once (see compiledOnce).
const pendingCancelled = compiledOnce((db, v: { senderId: number; receiverIds: readonly number[] }) =>
  db
    .updateTable('invites')
    .set({ status: 'cancelled', responded_at: now })
    .where('sender_id', '=', v.senderId)
    .where('receiver_id', '=', anyId(v.receiverIds))
    .where((eb) => inStatus(eb, 'pending'))
    .returning('id'),
);

/**
 * Withdraws the pending invites `senderId` sent to any of `receiverIds` (expired ones stay as
 * they are); answers the ids withdrawn.
 */
export async function cancelPendingInvites(
  trx: Trx,
  senderId: number,
  receiverIds: readonly number[],
): Promise<number[]> {
  if (receiverIds.length === 0) return [];
  const rows = await pendingCancelled(trx, { senderId, receiverIds });
  return rows.map((row) => row.id);
}

type Side = 'sender_id' | 'receiver_id';

export async function listInvites(
  db: Db,
  side: Side,
  userId: number,
  status: InviteStatus | null,
  window: Window,
): Promise<InviteRow[]> {
  let query = db
    .selectFrom('invites')
    .select((eb) => inviteColumns(eb))
    .where(side, '=', userId);
  if (status) query = query.where((eb) => inStatus(eb, status));
  return inWindow(query, window, 'invites.created_at', 'invites.id').execute();
}

export async function countInvites(db: Db, side: Side, userId: number, status: InviteStatus | null): Promise<number> {
  let query = db
    .selectFrom('invites')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where(side, '=', userId);
  if (status) query = query.where((eb) => inStatus(eb, status));
  const { count } = await query.executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Deletes up to `limit` invites that expired before `cutoff`, with the notifications about them;
 * returns how many it deleted. (An invite is answered before it expires, if at all: one that
 * expired before `cutoff` ended before it.)
 */
export async function deleteInvitesExpiredBefore(db: Db, cutoff: Date, limit: number): Promise<number> {
  const rows = await db
    .deleteFrom('invites')
    .where('id', 'in', db.selectFrom('invites').select('id').where('expires_at', '<', cutoff).limit(limit))
    .returning('id')
    .execute();
  return rows.length;
}
