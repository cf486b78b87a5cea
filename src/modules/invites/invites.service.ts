import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Trx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { declareEnum, type EnumValue } from '../../platform/enums.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import type { EventPublisher } from '../../platform/events/events.js';
import { type Page, type PageArgs, parsePageArgs, readPage } from '../../platform/pagination.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { findConnectedAmong } from '../connections/connections.repository.js';
import { markInviteNotificationsRead } from '../notifications/notifications.repository.js';
import { addNotification } from '../notifications/notifications.service.js';
import type { JoinInfo } from '../presence/presence.rules.js';
import { validJoinInfo } from '../presence/presence.service.js';
import { userErrors } from '../users/users.errors.js';
import { findUsersByClientIds, lockUsers } from '../users/users.repository.js';
import { isPossibleClientUserId, optionalText, requireUser } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';
import { inviteErrors } from './invites.errors.js';
import * as invites from './invites.repository.js';
import { INVITE_STATUSES, type InviteRow } from './invites.table.js';

/** One call invites at most this many connections. */
export const MAX_INVITE_RECEIVERS = 20;
export const MAX_INVITE_MESSAGE_LENGTH = 500;
export const MIN_INVITE_EXPIRY_SECONDS = 10;
export const MAX_INVITE_EXPIRY_SECONDS = 24 * 3600;
export const DEFAULT_INVITE_EXPIRY_SECONDS = 300;
export const DEFAULT_INVITES_PER_PAGE = 10;

function validReceivers(receiverIds: readonly string[], senderId: string): string[] {
  if (receiverIds.length < 1 || receiverIds.length > MAX_INVITE_RECEIVERS) {
    throw new ValidationError('receiverIds', `{field} must name 1 to ${MAX_INVITE_RECEIVERS} users`);
  }
  if (new Set(receiverIds).size !== receiverIds.length) {
    throw new ValidationError('receiverIds', '{field} must not repeat a user');
  }
  if (receiverIds.includes(senderId)) {
    throw new ValidationError('receiverIds', 'Cannot invite yourself', inviteErrors.CANNOT_INVITE_SELF);
  }
  return [...receiverIds];
}

function validMessage(message: string | null | undefined): string | null {
  return optionalText('message', message, MAX_INVITE_MESSAGE_LENGTH);
}

function validExpiry(seconds: number | null | undefined): number {
  if (seconds == null) return DEFAULT_INVITE_EXPIRY_SECONDS;
  if (!Number.isInteger(seconds) || seconds < MIN_INVITE_EXPIRY_SECONDS || seconds > MAX_INVITE_EXPIRY_SECONDS) {
    throw new ValidationError(
      'expiresInSeconds',
      `{field} must be an integer from ${MIN_INVITE_EXPIRY_SECONDS} to ${MAX_INVITE_EXPIRY_SECONDS}`,
    );
  }
  return seconds;
}

/**
 * Tells the receivers of these invites (ended by a withdrawal, an answer or a newer invite) that
 * they need not answer them any more: their `game_invite` notifications are marked read, and
 * their sessions re-read their unread counts.
 */
async function settleInviteNotifications(trx: Trx, events: EventPublisher, inviteIds: readonly number[]) {
  const marked = await markInviteNotificationsRead(trx, inviteIds);
  const users = new Map(marked.map((row) => [row.user_id, row.tenant]));
  if (users.size === 0) return;
  await events.publish(
    trx,
    ...[...users].map(([userId, tenant]) => ({ kind: 'notifications_read' as const, tenant, userId })),
  );
}

/**
 * Invites connections of the acting user to join it in the game (`joinInfo` says where: a lobby,
 * a server, as the game defines it). Each receiver gets an invite of its own and a `game_invite`
 * notification carrying it, listed, counted and delivered live until the invite expires. All or
 * none: a receiver who is not a connection, has blocked the sender or takes no invites fails the
 * whole call with one answer for all three (INVITES_NOT_ACCEPTED, naming it). A pending invite
 * the sender sent a receiver earlier is withdrawn by the new one, so a player can have at most
 * one unanswered invite from each friend. The call draws once on the sender's send budget.
 */
export async function sendInvite(
  deps: Deps,
  viewer: Viewer,
  input: {
    userId?: string | null | undefined;
    receiverIds: readonly string[];
    message?: string | null | undefined;
    joinInfo: unknown;
    expiresInSeconds?: number | null | undefined;
    idempotencyKey?: string | null | undefined;
  },
): Promise<{ invites: InviteRow[] }> {
  const senderId = actingUserId(viewer, input.userId);
  const receiverIds = validReceivers(input.receiverIds, senderId);
  const message = validMessage(input.message);
  const joinInfo = validJoinInfo(input.joinInfo);
  if (joinInfo === null) throw new ValidationError('joinInfo', '{field} is required: a JSON object');
  const expiresInSeconds = validExpiry(input.expiresInSeconds);
  const guard = {
    action: 'send',
    actingUserId: senderId,
    idempotencyKey: input.idempotencyKey,
    operation: 'sendInvite',
    input: { receiverIds, message, joinInfo, expiresInSeconds },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const sender = await requireUser(trx, viewer.tenant, senderId);
    // An id no user can have (NUL, a lone surrogate, too long) is no user, like an unknown one.
    const found = await findUsersByClientIds(trx, viewer.tenant, receiverIds.filter(isPossibleClientUserId));
    const missing = receiverIds.find((id) => !found.has(id));
    if (missing !== undefined) throw new NotFoundError(userErrors.USER_NOT_FOUND, missing);
    const receivers = receiverIds.map((id) => found.get(id) as UserRow);
    // Under the users' locks, a removal, a block or a settings change committing now is seen.
    const locked = await lockUsers(trx, [sender.id, ...receivers.map((receiver) => receiver.id)]);
    const connected = await findConnectedAmong(
      trx,
      sender.id,
      receivers.map((receiver) => receiver.id),
    );
    const refusing = receivers.find(
      (receiver) => !connected.has(receiver.id) || locked.get(receiver.id)?.acceptInvitesFrom === 'nobody',
    );
    if (refusing) {
      throw new ForbiddenError(
        inviteErrors.INVITES_NOT_ACCEPTED,
        `User '${refusing.client_user_id}' does not accept invites from you`,
      );
    }
    const replaced = await invites.cancelPendingInvites(
      trx,
      sender.id,
      receivers.map((receiver) => receiver.id),
    );
    await settleInviteNotifications(trx, deps.events, replaced);
    const sent = await invites.insertInvites(trx, {
      tenant: viewer.tenant,
      senderId: sender.id,
      receiverIds: receivers.map((receiver) => receiver.id),
      message,
      joinInfo,
      expiresInSeconds,
    });
    // Each receiver's notification takes its next seq, which locks its row: in id order, as
    // every write locks users, so that two sends cannot deadlock.
    for (const invite of [...sent].sort((a, b) => a.receiver_id - b.receiver_id)) {
      await addNotification(trx, deps.events, {
        tenant: viewer.tenant,
        user_id: invite.receiver_id,
        type: 'game_invite',
        other_user_id: sender.id,
        invite_id: invite.id,
        message: message ?? `${sender.display_name} invites you to play.`,
        expires_at: invite.expires_at,
      });
    }
    return { invites: sent };
  });
}
sendInvite.failures = [
  ...requireUser.failures,
  inviteErrors.CANNOT_INVITE_SELF,
  inviteErrors.INVITES_NOT_ACCEPTED,
] as const;

/** The invite the acting user sent or received, with both users locked; otherwise not found. */
async function lockInvite(
  deps: Deps,
  trx: Trx,
  viewer: Viewer,
  actingId: string,
  inviteId: string,
): Promise<{ actor: UserRow; invite: InviteRow }> {
  const id = deps.ids.parse('invite', inviteId, inviteErrors.INVITE_NOT_FOUND);
  const actor = await requireUser(trx, viewer.tenant, actingId);
  const invite = await invites.findInvite(trx, viewer.tenant, id);
  // Someone else's invite is answered exactly like one that does not exist.
  if (!invite || (invite.sender_id !== actor.id && invite.receiver_id !== actor.id)) {
    throw new NotFoundError(inviteErrors.INVITE_NOT_FOUND, inviteId);
  }
  await lockUsers(trx, [invite.sender_id, invite.receiver_id]);
  return { actor, invite };
}

/** Why an invite could not be ended: it expired, or it was already answered or withdrawn. */
async function notPending(trx: Trx, tenant: string, id: number): Promise<ConflictError> {
  const now = await invites.findInvite(trx, tenant, id);
  return new ConflictError(
    now?.status === 'expired' ? inviteErrors.INVITE_EXPIRED : inviteErrors.INVITE_ALREADY_ANSWERED,
  );
}

/**
 * The receiver answers an invite. Accepting answers the invite's join info and tells the sender
 * (`invite_accepted`); declining tells the sender (`invite_declined`) unless `silent`. Either way
 * the receiver's `game_invite` notification is marked read. An invite past its expiry can no
 * longer be answered (INVITE_EXPIRED); of two answers racing, one wins and the other is told
 * INVITE_ALREADY_ANSWERED.
 */
export async function answerInvite(
  deps: Deps,
  viewer: Viewer,
  input: {
    userId?: string | null | undefined;
    inviteId: string;
    silent?: boolean | null | undefined;
    idempotencyKey?: string | null | undefined;
  },
  answer: 'accepted' | 'declined',
): Promise<{ invite: InviteRow; joinInfo: JoinInfo }> {
  const actingId = actingUserId(viewer, input.userId);
  const silent = answer === 'declined' && input.silent === true;
  const guard = {
    action: 'write',
    actingUserId: actingId,
    idempotencyKey: input.idempotencyKey,
    operation: answer === 'accepted' ? 'acceptInvite' : 'declineInvite',
    input: { inviteId: input.inviteId, silent },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const { actor, invite } = await lockInvite(deps, trx, viewer, actingId, input.inviteId);
    if (invite.receiver_id !== actor.id) throw new ForbiddenError(inviteErrors.NOT_INVITE_RECEIVER);
    const answered = await invites.closeInvite(trx, invite.id, answer);
    if (!answered) throw await notPending(trx, viewer.tenant, invite.id);
    await settleInviteNotifications(trx, deps.events, [invite.id]);
    if (!silent) {
      await addNotification(trx, deps.events, {
        tenant: viewer.tenant,
        user_id: invite.sender_id,
        type: answer === 'accepted' ? 'invite_accepted' : 'invite_declined',
        other_user_id: actor.id,
        invite_id: invite.id,
        message: `${actor.display_name} ${answer === 'accepted' ? 'accepted' : 'declined'} your invite.`,
      });
    }
    return { invite: answered, joinInfo: answered.join_info };
  });
}
const answerFailures = [
  ...requireUser.failures,
  inviteErrors.INVITE_NOT_FOUND,
  inviteErrors.NOT_INVITE_RECEIVER,
  inviteErrors.INVITE_EXPIRED,
  inviteErrors.INVITE_ALREADY_ANSWERED,
] as const;
answerInvite.failures = answerFailures;

/**
 * The sender withdraws an invite still pending: the receiver's `game_invite` notification is
 * marked read (it no longer counts), and the invite reads `cancelled` to both.
 */
export async function cancelInvite(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; inviteId: string; idempotencyKey?: string | null | undefined },
): Promise<InviteRow> {
  const actingId = actingUserId(viewer, input.userId);
  const guard = {
    action: 'write',
    actingUserId: actingId,
    idempotencyKey: input.idempotencyKey,
    operation: 'cancelInvite',
    input: { inviteId: input.inviteId },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const { actor, invite } = await lockInvite(deps, trx, viewer, actingId, input.inviteId);
    if (invite.sender_id !== actor.id) throw new ForbiddenError(inviteErrors.NOT_INVITE_SENDER);
    const cancelled = await invites.closeInvite(trx, invite.id, 'cancelled');
    if (!cancelled) throw await notPending(trx, viewer.tenant, invite.id);
    await settleInviteNotifications(trx, deps.events, [invite.id]);
    return cancelled;
  });
}
cancelInvite.failures = [
  ...requireUser.failures,
  inviteErrors.INVITE_NOT_FOUND,
  inviteErrors.NOT_INVITE_SENDER,
  inviteErrors.INVITE_EXPIRED,
  inviteErrors.INVITE_ALREADY_ANSWERED,
] as const;

/**
 * Withdraws the pending invites between two users, either way, within the caller's transaction
 * (both users locked): what a removed connection or a block leaves behind, so that nobody joins
 * a game through an invite from someone who is no longer a friend.
 */
export async function withdrawInvitesBetween(trx: Trx, events: EventPublisher, a: number, b: number): Promise<void> {
  const withdrawn = [
    ...(await invites.cancelPendingInvites(trx, a, [b])),
    ...(await invites.cancelPendingInvites(trx, b, [a])),
  ];
  await settleInviteNotifications(trx, events, withdrawn);
}

/** What the invite lists can be narrowed to: one status, or all of them. */
export const INVITE_STATUS_FILTERS = declareEnum({ ...INVITE_STATUSES, all: 'Invites in any status.' });
export type InviteStatusFilter = EnumValue<typeof INVITE_STATUS_FILTERS>;

export const INVITE_DIRECTIONS = declareEnum({
  received: 'Invites the user received (the default).',
  sent: 'Invites the user sent.',
});
export type InviteDirection = EnumValue<typeof INVITE_DIRECTIONS>;

/** One page of the invites the acting user received or sent, newest first. */
export async function listInvites(
  { db, ids }: Deps,
  viewer: Viewer,
  args: PageArgs & {
    userId?: string | null | undefined;
    direction?: InviteDirection | null | undefined;
    status?: InviteStatusFilter | null | undefined;
  },
): Promise<Page<InviteRow>> {
  const userId = actingUserId(viewer, args.userId);
  const pageRequest = parsePageArgs(args, DEFAULT_INVITES_PER_PAGE, ids);
  const status = !args.status || args.status === 'all' ? null : args.status;
  const side = args.direction === 'sent' ? 'sender_id' : 'receiver_id';
  const user = await requireUser(db, viewer.tenant, userId);
  return readPage(
    pageRequest,
    (window) => invites.listInvites(db, side, user.id, status, window),
    () => invites.countInvites(db, side, user.id, status),
    (row) => ({ createdAt: row.created_at, id: row.id }),
  );
}
listInvites.failures = requireUser.failures;
