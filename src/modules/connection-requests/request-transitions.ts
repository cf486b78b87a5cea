import type { Trx } from '../../platform/db/database.js';
import type { EventPublisher } from '../../platform/events/events.js';
import { markRequestNotificationRead } from '../notifications/notifications.repository.js';
import { addNotification } from '../notifications/notifications.service.js';
import * as requests from './connection-requests.repository.js';
import type { ConnectionRequestRow } from './connection-requests.table.js';

/*
 * How a pending request ends, within a transaction the caller owns and holding the pair's lock
 * (`lockUsers`): each with the notifications and events it causes. The service's operations use
 * them, and so do a block (which ends everything between two users) and the expiry sweep.
 */

/** Texts of the notifications the sender receives when the request is answered. */
export const answerNotification = {
  accepted: { type: 'request_accepted', message: 'Your connection request was accepted!' },
  declined: { type: 'request_declined', message: 'Your connection request was declined.' },
} as const;

/**
 * Declines `request` within `trx`, as its receiver; the caller holds the pair's lock
 * (`lockUsers`). Unless `silent`, the sender gets a `request_declined` notification. A silent
 * decline tells the sender nothing at all, neither a notification nor a live event: what the
 * sender can learn is the request's status in their `sent` list, the same as after any decline.
 * A block declines the blocked user's request exactly this way (see `blockUser`), so that a
 * decline without a notification proves nothing. Returns nothing when the request was no
 * longer pending.
 */
export async function declinePendingRequest(
  trx: Trx,
  events: EventPublisher,
  request: ConnectionRequestRow,
  { silent }: { silent: boolean },
): Promise<ConnectionRequestRow | undefined> {
  const declined = await requests.answerConnectionRequest(trx, request.id, 'declined');
  if (!declined || silent) return declined;
  await addNotification(trx, events, {
    tenant: declined.tenant,
    user_id: declined.sender_id,
    connection_request_id: declined.id,
    other_user_id: declined.receiver_id,
    ...answerNotification.declined,
  });
  return declined;
}

/** What each way of closing a request without an answer tells, and to whom. */
const closingNotification = {
  cancelled: {
    type: 'request_cancelled',
    to: 'receiver_id',
    other: 'sender_id',
    message: 'This connection request was withdrawn by its sender.',
  },
  expired: {
    type: 'request_expired',
    to: 'sender_id',
    other: 'receiver_id',
    message: 'Your connection request expired without an answer.',
  },
} as const;

/**
 * Closes a pending request without an answer, within `trx`: withdrawn by its sender
 * (`cancelled`) or left unanswered too long (`expired`). The receiver's `new_request`
 * notification is marked read (it no longer asks for anything), the side that did not act gets
 * a notification that is already read (it shows in the list and the live stream, it raises no
 * badge: an expiry sweep must not become a notification storm), and both users' friends panels
 * hear `request_closed`. Returns nothing when the request was no longer pending. The caller
 * holds the pair's lock (`lockUsers`), as for every change to a pair.
 */
export async function closePendingRequest(
  trx: Trx,
  events: EventPublisher,
  request: ConnectionRequestRow,
  status: 'cancelled' | 'expired',
): Promise<ConnectionRequestRow | undefined> {
  const closed = await requests.answerConnectionRequest(trx, request.id, status);
  if (!closed) return undefined;
  if (await markRequestNotificationRead(trx, closed.receiver_id, closed.id)) {
    await events.publish(trx, { kind: 'notifications_read', tenant: closed.tenant, userId: closed.receiver_id });
  }
  const notice = closingNotification[status];
  await addNotification(trx, events, {
    tenant: closed.tenant,
    user_id: closed[notice.to],
    type: notice.type,
    connection_request_id: closed.id,
    other_user_id: closed[notice.other],
    message: notice.message,
    read_at: new Date(),
  });
  await events.publish(trx, {
    kind: 'request_closed',
    tenant: closed.tenant,
    requestId: closed.id,
    userIds: [closed.sender_id, closed.receiver_id],
  });
  return closed;
}
