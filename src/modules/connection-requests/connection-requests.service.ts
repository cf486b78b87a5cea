import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { declareEnum, type EnumValue } from '../../platform/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { type Page, type PageArgs, parsePageArgs, readPage } from '../../platform/pagination.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { connectionErrors } from '../connections/connections.errors.js';
import { type ConnectionEdge, findConnectionBetween, insertConnection } from '../connections/connections.repository.js';
import {
  parseFriendCode,
  requireFriendCodeHolder,
  requireUserByFriendCode,
} from '../friend-codes/friend-codes.service.js';
import { addNotification } from '../notifications/notifications.service.js';
import { lockUsers } from '../users/users.repository.js';
import { characterLength, isStorableText, requireUser } from '../users/users.service.js';
import { requestErrors } from './connection-requests.errors.js';
import * as requests from './connection-requests.repository.js';
import { type ConnectionRequestRow, REQUEST_STATUSES } from './connection-requests.table.js';
import { assertMayRequest } from './request-policy.js';
import { answerNotification, closePendingRequest, declinePendingRequest } from './request-transitions.js';

// Blocks and the expiry sweep end pending requests the way the operations below do.
export { closePendingRequest, declinePendingRequest };

export const MAX_REQUEST_MESSAGE_LENGTH = 500;
export const DEFAULT_REQUESTS_PER_PAGE = 10;

function normalizeMessage(message: string | null | undefined): string | null {
  const trimmed = message?.trim();
  if (!trimmed) return null;
  if (characterLength(trimmed) > MAX_REQUEST_MESSAGE_LENGTH) {
    throw new ValidationError('message', `Message must be at most ${MAX_REQUEST_MESSAGE_LENGTH} characters`);
  }
  if (!isStorableText(trimmed))
    throw new ValidationError('message', 'Message must not contain NUL characters or unpaired surrogates');
  return trimmed;
}

/**
 * Sends a request from the acting user to `receiverId`, or to the user whose friend code is
 * `friendCode`, and notifies the receiver, in one
 * transaction. Refused when the two are already connected or a request between them (in either
 * direction) is still pending; a concurrent send between the same pair loses with the same
 * conflict, decided by the unique index on pending pairs. Also refused when the sender has
 * too many requests pending or is at the connection limit. A friend code that names no one
 * counts against the sender's budget of misses (see `requireUserByFriendCode`).
 */
export async function sendConnectionRequest(
  deps: Deps,
  viewer: Viewer,
  input: {
    userId?: string | null | undefined;
    receiverId?: string | null | undefined;
    friendCode?: string | null | undefined;
    message?: string | null | undefined;
    idempotencyKey?: string | null | undefined;
  },
): Promise<ConnectionRequestRow> {
  const senderId = actingUserId(viewer, input.userId);
  const { receiverId, friendCode } = input;
  if (receiverId != null && friendCode != null) {
    throw new ValidationError('friendCode', 'Give receiverId or friendCode, not both');
  }
  if (receiverId == null && friendCode == null) throw new ValidationError('receiverId', '{field} is required');
  const message = normalizeMessage(input.message);
  if (receiverId === senderId) {
    throw new ValidationError(
      'receiverId',
      'Cannot send a connection request to yourself',
      requestErrors.CANNOT_CONNECT_TO_SELF,
    );
  }
  if (friendCode != null) parseFriendCode('friendCode', friendCode);
  const { events, limits } = deps;
  const guard = {
    action: 'send',
    actingUserId: senderId,
    idempotencyKey: input.idempotencyKey,
    operation: 'sendConnectionRequest',
    // The fingerprint a key is checked against: by id as it always was (keys stored before codes
    // existed still replay, and a face that sends `friendCode: null` is the same call).
    input: friendCode != null ? { friendCode, message } : { receiverId, message },
    // The guess is counted before the transaction (the budget's counters are not in it)...
    prepare: async () => {
      if (friendCode != null) await requireUserByFriendCode(deps, viewer, senderId, friendCode);
    },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const sender = await requireUser(trx, viewer.tenant, senderId);
    // ...and the code read again in it: one rotated meanwhile names no one.
    const receiver =
      friendCode != null
        ? await requireFriendCodeHolder(trx, viewer.tenant, friendCode)
        : await requireUser(trx, viewer.tenant, receiverId as string);
    if (receiver.id === sender.id) {
      throw new ValidationError(
        'friendCode',
        'Cannot send a connection request to yourself',
        requestErrors.CANNOT_CONNECT_TO_SELF,
      );
    }
    const locked = await lockUsers(trx, [sender.id, receiver.id]);
    if (await findConnectionBetween(trx, sender.id, receiver.id))
      throw new ConflictError(connectionErrors.ALREADY_CONNECTED);
    if (await requests.findPendingRequestBetween(trx, sender.id, receiver.id)) {
      throw new ConflictError(requestErrors.REQUEST_ALREADY_PENDING);
    }
    const receiverNow = {
      ...receiver,
      accept_requests_from: locked.get(receiver.id)?.acceptRequestsFrom ?? receiver.accept_requests_from,
    };
    await assertMayRequest(trx, limits, sender, receiverNow);
    const maxConnections = limits.maxConnectionsPerUser;
    if (maxConnections > 0 && (locked.get(sender.id)?.connectionCount ?? 0) >= maxConnections) {
      throw new ConflictError(
        connectionErrors.CONNECTION_LIMIT_REACHED,
        `Connection limit reached: a user may have at most ${maxConnections} connections`,
      );
    }
    const maxPending = limits.maxPendingOutgoingRequests;
    if (maxPending > 0 && (await requests.countPendingSent(trx, sender.id, maxPending)) >= maxPending) {
      throw new ConflictError(
        requestErrors.TOO_MANY_PENDING_REQUESTS,
        `Too many pending connection requests: at most ${maxPending} may wait for an answer at once`,
      );
    }
    const request = await requests.insertConnectionRequest(trx, {
      tenant: viewer.tenant,
      senderId: sender.id,
      receiverId: receiver.id,
      message,
    });
    await addNotification(trx, events, {
      tenant: viewer.tenant,
      user_id: receiver.id,
      type: 'new_request',
      connection_request_id: request.id,
      other_user_id: sender.id,
      message: message ?? `${sender.display_name} wants to connect with you.`,
    });
    return request;
  });
}
sendConnectionRequest.failures = [
  ...requireUser.failures,
  ...requireUserByFriendCode.failures,
  requestErrors.CANNOT_CONNECT_TO_SELF,
  connectionErrors.ALREADY_CONNECTED,
  requestErrors.REQUEST_ALREADY_PENDING,
  ...assertMayRequest.failures,
  connectionErrors.CONNECTION_LIMIT_REACHED,
  requestErrors.TOO_MANY_PENDING_REQUESTS,
] as const;

/**
 * Answers a pending request as its receiver. Accepting creates the connection, visible to both
 * users as soon as this returns, and notifies the sender; declining notifies the sender unless
 * `silent` (see `declinePendingRequest`; `silent` means nothing to an accept). Of two
 * concurrent answers to one request, exactly one wins; the other gets `REQUEST_ALREADY_PROCESSED`.
 */
export async function answerConnectionRequest(
  deps: Deps,
  viewer: Viewer,
  input: {
    userId?: string | null | undefined;
    requestId: string;
    silent?: boolean | null | undefined;
    idempotencyKey?: string | null | undefined;
  },
  answer: 'accepted' | 'declined',
): Promise<{ request: ConnectionRequestRow; connection: ConnectionEdge | null }> {
  const { ids, events, limits } = deps;
  const actingId = actingUserId(viewer, input.userId);
  const requestId = ids.parse('request', input.requestId, requestErrors.CONNECTION_REQUEST_NOT_FOUND);
  const silent = answer === 'declined' && input.silent === true;
  const guard = {
    action: 'write',
    actingUserId: actingId,
    idempotencyKey: input.idempotencyKey,
    operation: answer === 'accepted' ? 'acceptConnectionRequest' : 'declineConnectionRequest',
    // A key reused with the other `silent` is another call. A plain decline keeps the
    // fingerprint it always had, so keys stored before `silent` existed still replay.
    input: silent ? { requestId, silent } : { requestId },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const receiver = await requireUser(trx, viewer.tenant, actingId);
    const pending = await requests.findConnectionRequest(trx, viewer.tenant, requestId);
    if (!pending) throw new NotFoundError(requestErrors.CONNECTION_REQUEST_NOT_FOUND, input.requestId);
    if (pending.receiver_id !== receiver.id) {
      throw new ForbiddenError(
        requestErrors.NOT_REQUEST_RECEIVER,
        `Not authorized to ${answer === 'accepted' ? 'accept' : 'decline'} this request`,
      );
    }
    const locked = await lockUsers(trx, [pending.sender_id, pending.receiver_id]);
    if (answer === 'declined') {
      const request = await declinePendingRequest(trx, events, pending, { silent });
      if (!request) throw new ConflictError(requestErrors.REQUEST_ALREADY_PROCESSED);
      return { request, connection: null };
    }
    const maxConnections = limits.maxConnectionsPerUser;
    if (
      pending.status === 'pending' &&
      maxConnections > 0 &&
      [...locked.values()].some((user) => user.connectionCount >= maxConnections)
    ) {
      throw new ConflictError(
        connectionErrors.CONNECTION_LIMIT_REACHED,
        `Connection limit reached: one of the users already has ${maxConnections} connections`,
      );
    }
    const request = await requests.answerConnectionRequest(trx, requestId, 'accepted');
    if (!request) throw new ConflictError(requestErrors.REQUEST_ALREADY_PROCESSED);
    const created = await insertConnection(trx, {
      tenant: viewer.tenant,
      userA: request.receiver_id,
      userB: request.sender_id,
      requestId: request.id,
    });
    await events.publish(trx, {
      kind: 'connection_created',
      tenant: viewer.tenant,
      connectionId: created.id,
      userIds: [request.receiver_id, request.sender_id],
    });
    await addNotification(trx, events, {
      tenant: viewer.tenant,
      user_id: request.sender_id,
      connection_request_id: request.id,
      other_user_id: request.receiver_id,
      ...answerNotification.accepted,
    });
    const connection = {
      connection_id: created.id,
      other_user_id: request.sender_id,
      created_at: created.created_at,
      nickname: null,
      note: null,
      favorite: false,
    };
    return { request, connection };
  });
}
const answerFailures = [
  ...requireUser.failures,
  requestErrors.CONNECTION_REQUEST_NOT_FOUND,
  requestErrors.NOT_REQUEST_RECEIVER,
  requestErrors.REQUEST_ALREADY_PROCESSED,
] as const;
/**
 * By answer: only an accept makes a connection, within the limit. (A second connection per pair
 * would be refused by the database as ALREADY_CONNECTED, but no pending request can exist
 * between connected users, so an accept never meets it.)
 */
answerConnectionRequest.failures = {
  accepted: [...answerFailures, connectionErrors.CONNECTION_LIMIT_REACHED],
  declined: answerFailures,
} as const;

/**
 * Withdraws a pending request the acting user sent. Only its sender may; of a withdrawal and
 * an answer racing, exactly one wins (the other gets `REQUEST_ALREADY_PROCESSED`).
 */
export async function cancelConnectionRequest(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; requestId: string; idempotencyKey?: string | null | undefined },
): Promise<ConnectionRequestRow> {
  const { ids, events } = deps;
  const actingId = actingUserId(viewer, input.userId);
  const requestId = ids.parse('request', input.requestId, requestErrors.CONNECTION_REQUEST_NOT_FOUND);
  const guard = {
    action: 'write',
    actingUserId: actingId,
    idempotencyKey: input.idempotencyKey,
    operation: 'cancelConnectionRequest',
    input: { requestId },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const sender = await requireUser(trx, viewer.tenant, actingId);
    const request = await requests.findConnectionRequest(trx, viewer.tenant, requestId);
    if (!request) throw new NotFoundError(requestErrors.CONNECTION_REQUEST_NOT_FOUND, input.requestId);
    if (request.sender_id !== sender.id) {
      throw new ForbiddenError(requestErrors.NOT_REQUEST_SENDER);
    }
    await lockUsers(trx, [request.sender_id, request.receiver_id]);
    const closed = await closePendingRequest(trx, events, request, 'cancelled');
    if (!closed) throw new ConflictError(requestErrors.REQUEST_ALREADY_PROCESSED);
    return closed;
  });
}
cancelConnectionRequest.failures = [
  ...requireUser.failures,
  requestErrors.CONNECTION_REQUEST_NOT_FOUND,
  requestErrors.NOT_REQUEST_SENDER,
  requestErrors.REQUEST_ALREADY_PROCESSED,
] as const;

/** What the request lists can be narrowed to: one status, or all of them. */
export const REQUEST_STATUS_FILTERS = declareEnum({ ...REQUEST_STATUSES, all: 'Requests in any status.' });
export type RequestStatusFilter = EnumValue<typeof REQUEST_STATUS_FILTERS>;

/** One page of the requests the acting user sent (`sent`) or received (`received`), newest first. */
export async function listConnectionRequests(
  { db, ids }: Deps,
  viewer: Viewer,
  direction: 'sent' | 'received',
  args: PageArgs & { userId?: string | null | undefined; status?: RequestStatusFilter | null | undefined },
): Promise<Page<ConnectionRequestRow>> {
  const userId = actingUserId(viewer, args.userId);
  const pageRequest = parsePageArgs(args, DEFAULT_REQUESTS_PER_PAGE, ids);
  const status = !args.status || args.status === 'all' ? null : args.status;
  const user = await requireUser(db, viewer.tenant, userId);
  const side = direction === 'sent' ? 'sender_id' : 'receiver_id';
  return readPage(
    pageRequest,
    (window) => requests.listConnectionRequests(db, side, user.id, status, window),
    () => requests.countConnectionRequests(db, side, user.id, status),
    (row) => ({ createdAt: row.created_at, id: row.id }),
  );
}
listConnectionRequests.failures = requireUser.failures;
