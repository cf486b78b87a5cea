import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Trx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import type { EventPublisher } from '../../platform/events/events.js';
import { type Page, type PageArgs, parsePageArgs, readPage } from '../../platform/pagination.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { findPendingRequestBetween } from '../connection-requests/connection-requests.repository.js';
import { closePendingRequest, declinePendingRequest } from '../connection-requests/connection-requests.service.js';
import { deleteConnection, findConnectionBetween } from '../connections/connections.repository.js';
import { withdrawInvitesBetween } from '../invites/invites.service.js';
import { markRequestNotificationRead } from '../notifications/notifications.repository.js';
import { lockUsers } from '../users/users.repository.js';
import { requireUser } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';
import { blockErrors } from './blocks.errors.js';
import * as blocks from './blocks.repository.js';
import type { BlockRow } from './blocks.table.js';

export const DEFAULT_BLOCKS_PER_PAGE = 10;

/**
 * Ends everything between `blocker` and `other`, within the block's transaction (both users
 * locked): their connection is removed for both sides; the blocker's own pending request to
 * the other is withdrawn exactly as its sender would withdraw it; the other's pending request to
 * the blocker is declined exactly as a silent decline declines it (its sender sees the same
 * status, no notification, no live event: any receiver may decline silently, so the sender
 * cannot tell a block from that), and the blocker's `new_request` notification of it is marked
 * read (the blocker's side only). Pending invites between them, either way, are withdrawn.
 */
async function separate(trx: Trx, events: EventPublisher, blocker: UserRow, other: UserRow): Promise<void> {
  const tenant = blocker.tenant;
  const connection = await findConnectionBetween(trx, blocker.id, other.id);
  if (connection && (await deleteConnection(trx, connection.id))) {
    await events.publish(trx, {
      kind: 'connection_removed',
      tenant,
      connectionId: connection.id,
      userIds: [blocker.id, other.id],
    });
  }
  await withdrawInvitesBetween(trx, events, blocker.id, other.id);
  // At most one request between a pair is pending (a unique index), whichever way it goes.
  const pending = await findPendingRequestBetween(trx, blocker.id, other.id);
  if (!pending) return;
  if (pending.sender_id === blocker.id) {
    await closePendingRequest(trx, events, pending, 'cancelled');
    return;
  }
  if (!(await declinePendingRequest(trx, events, pending, { silent: true }))) return;
  if (await markRequestNotificationRead(trx, blocker.id, pending.id)) {
    await events.publish(trx, { kind: 'notifications_read', tenant, userId: blocker.id });
  }
}

/**
 * The acting user blocks `otherUserId`: in one transaction, the block is recorded and the two
 * users are separated (see `separate`). Afterwards neither can send the other a request (see
 * `assertMayRequest`), so the blocker hears nothing more from the blocked user. Blocking again
 * changes nothing (`created` is false). Only the blocker's own sessions are told.
 */
export async function blockUser(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; otherUserId: string },
): Promise<{ block: BlockRow; created: boolean }> {
  const { events } = deps;
  const blockerId = actingUserId(viewer, input.userId);
  if (input.otherUserId === blockerId) {
    throw new ValidationError('otherUserId', 'Cannot block yourself', blockErrors.CANNOT_BLOCK_SELF);
  }
  const guard = {
    action: 'write',
    actingUserId: blockerId,
    operation: 'blockUser',
    input: { otherUserId: input.otherUserId },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const blocker = await requireUser(trx, viewer.tenant, blockerId);
    const other = await requireUser(trx, viewer.tenant, input.otherUserId);
    await lockUsers(trx, [blocker.id, other.id]);
    const result = await blocks.insertBlock(trx, { tenant: viewer.tenant, blockerId: blocker.id, blockedId: other.id });
    // Also when the block existed: there is nothing to end then, and checking costs little.
    await separate(trx, events, blocker, other);
    if (result.created) {
      await events.publish(trx, {
        kind: 'block_changed',
        tenant: viewer.tenant,
        userId: blocker.id,
        otherUserId: other.id,
        blocked: true,
      });
    }
    return result;
  });
}
blockUser.failures = [blockErrors.CANNOT_BLOCK_SELF, ...requireUser.failures] as const;

/**
 * The acting user lifts their block of `otherUserId`. Nothing the block ended comes back: the
 * two may send each other requests again. `BLOCK_NOT_FOUND` when there was no such block.
 */
export async function unblockUser(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; otherUserId: string },
): Promise<{ otherUserId: number }> {
  const { events } = deps;
  const blockerId = actingUserId(viewer, input.userId);
  const guard = {
    action: 'write',
    actingUserId: blockerId,
    operation: 'unblockUser',
    input: { otherUserId: input.otherUserId },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const blocker = await requireUser(trx, viewer.tenant, blockerId);
    const other = await requireUser(trx, viewer.tenant, input.otherUserId);
    await lockUsers(trx, [blocker.id, other.id]);
    if (!(await blocks.deleteBlock(trx, blocker.id, other.id))) {
      throw new NotFoundError(blockErrors.BLOCK_NOT_FOUND, input.otherUserId);
    }
    await events.publish(trx, {
      kind: 'block_changed',
      tenant: viewer.tenant,
      userId: blocker.id,
      otherUserId: other.id,
      blocked: false,
    });
    return { otherUserId: other.id };
  });
}
unblockUser.failures = [...requireUser.failures, blockErrors.BLOCK_NOT_FOUND] as const;

/** One page of the users the acting user blocks, newest block first. */
export async function listBlockedUsers(
  { db, ids }: Deps,
  viewer: Viewer,
  args: PageArgs & { userId?: string | null | undefined },
): Promise<Page<BlockRow>> {
  const userId = actingUserId(viewer, args.userId);
  const pageRequest = parsePageArgs(args, DEFAULT_BLOCKS_PER_PAGE, ids);
  const user = await requireUser(db, viewer.tenant, userId);
  return readPage(
    pageRequest,
    (window) => blocks.listBlocks(db, user.id, window),
    () => blocks.countBlocks(db, user.id),
    (row) => ({ createdAt: row.created_at, id: row.blocked_id }),
  );
}
listBlockedUsers.failures = requireUser.failures;
