import type { Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { insertNotificationForEach } from '../notifications/notifications.repository.js';
import { isGameNotificationType, type NotificationRow } from '../notifications/notifications.table.js';
import { userErrors } from '../users/users.errors.js';
import { findUsersByClientIds } from '../users/users.repository.js';
import { characterLength, isPossibleClientUserId, isStorableJson, isStorableText } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';
import { gameNotificationErrors } from './game-notifications.errors.js';

export const MAX_GAME_MESSAGE_LENGTH = 500;
export const MAX_GAME_PAYLOAD_BYTES = 4096;
/** One call reaches at most this many users, in one transaction. */
export const MAX_GAME_RECIPIENTS = 1000;
export const MIN_GAME_EXPIRY_SECONDS = 10;
export const MAX_GAME_EXPIRY_SECONDS = 30 * 24 * 3600;

export interface GameNotificationInput {
  /** The recipients (`client_user_id`s of the tenant), 1 to MAX_GAME_RECIPIENTS, each once. */
  userIds: readonly string[];
  type: string;
  message: string;
  payload?: unknown;
  expiresInSeconds?: number | null | undefined;
  idempotencyKey?: string | null | undefined;
}

/** What was sent: one notification per recipient, in the order the recipients were given. */
export interface SentGameNotifications {
  sent: { user: UserRow; notification: NotificationRow }[];
}

function validRecipients(userIds: readonly string[]): string[] {
  if (userIds.length < 1 || userIds.length > MAX_GAME_RECIPIENTS) {
    throw new ValidationError('userIds', `{field} must name 1 to ${MAX_GAME_RECIPIENTS} users`);
  }
  if (new Set(userIds).size !== userIds.length) throw new ValidationError('userIds', '{field} must not repeat a user');
  return [...userIds];
}

function validType(type: string): `game.${string}` {
  if (!isGameNotificationType(type)) {
    throw new ValidationError(
      'type',
      '{field} must be game.<name>: 1 to 64 lower-case letters, digits and _ . - after "game." (e.g. game.match_found)',
    );
  }
  return type;
}

function validMessage(message: string): string {
  const trimmed = message.trim();
  if (!trimmed || characterLength(trimmed) > MAX_GAME_MESSAGE_LENGTH) {
    throw new ValidationError('message', `{field} must be 1 to ${MAX_GAME_MESSAGE_LENGTH} characters`);
  }
  if (!isStorableText(trimmed)) {
    throw new ValidationError('message', '{field} must not contain NUL characters or unpaired surrogates');
  }
  return trimmed;
}

/** The payload as the JSON text stored, or null. */
function validPayload(payload: unknown): string | null {
  if (payload == null) return null;
  if (typeof payload !== 'object' || Array.isArray(payload)) {
    throw new ValidationError('payload', '{field} must be a JSON object');
  }
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json) > MAX_GAME_PAYLOAD_BYTES) {
    throw new ValidationError('payload', `{field} must be at most ${MAX_GAME_PAYLOAD_BYTES} bytes as JSON`);
  }
  if (!isStorableJson(payload)) {
    throw new ValidationError('payload', '{field} must not contain NUL characters or unpaired surrogates');
  }
  return json;
}

function validExpiry(seconds: number | null | undefined): number | null {
  if (seconds == null) return null;
  if (!Number.isInteger(seconds) || seconds < MIN_GAME_EXPIRY_SECONDS || seconds > MAX_GAME_EXPIRY_SECONDS) {
    throw new ValidationError(
      'expiresInSeconds',
      `{field} must be an integer from ${MIN_GAME_EXPIRY_SECONDS} to ${MAX_GAME_EXPIRY_SECONDS}`,
    );
  }
  return seconds;
}

/**
 * Sends a notification of a game-defined type (`game.<name>`) to users of the caller's tenant:
 * listed, counted as unread and delivered live like every notification, until it expires if
 * `expiresInSeconds` is given. Only a service token may (a player cannot notify others in the
 * game's name). Every recipient gets it or none does: one transaction, a bounded number of
 * statements however many recipients (up to MAX_GAME_RECIPIENTS), and an unknown user fails
 * the whole call (USER_NOT_FOUND, naming it). The call draws once on the backend's write budget.
 */
export async function sendGameNotification(
  deps: Deps,
  viewer: Viewer,
  input: GameNotificationInput,
): Promise<SentGameNotifications> {
  if (viewer.role !== 'service') throw new ForbiddenError(gameNotificationErrors.SERVICE_TOKEN_REQUIRED);
  const userIds = validRecipients(input.userIds);
  const type = validType(input.type);
  const message = validMessage(input.message);
  const payload = validPayload(input.payload);
  const expiresInSeconds = validExpiry(input.expiresInSeconds);
  const guard = {
    action: 'write',
    // One recipient: keys are that user's, as for every call acting for a user. Several: the
    // keys of the backend's bulk sends, a scope no user id can name (user ids are never empty).
    actingUserId: userIds.length === 1 ? (userIds[0] as string) : '',
    idempotencyKey: input.idempotencyKey,
    operation: 'sendGameNotification',
    input: { userIds, type, message, payload, expiresInSeconds },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    // An id no user can have (NUL, a lone surrogate, too long) is no user, like an unknown one.
    const users = await findUsersByClientIds(trx, viewer.tenant, userIds.filter(isPossibleClientUserId));
    const missing = userIds.find((id) => !users.has(id));
    if (missing !== undefined) throw new NotFoundError(userErrors.USER_NOT_FOUND, missing);
    const rows = await insertNotificationForEach(
      trx,
      viewer.tenant,
      [...users.values()].map((user) => user.id),
      {
        type,
        message,
        payload,
        expires_at: expiresInSeconds === null ? null : new Date(Date.now() + expiresInSeconds * 1000),
      },
    );
    await deps.events.publish(
      trx,
      ...rows.map((row) => ({ kind: 'notification' as const, tenant: row.tenant, userId: row.user_id, seq: row.seq })),
    );
    const byUser = new Map(rows.map((row) => [row.user_id, row]));
    return {
      sent: userIds.map((id) => {
        const user = users.get(id) as UserRow;
        return { user, notification: byUser.get(user.id) as NotificationRow };
      }),
    };
  });
}
sendGameNotification.failures = [gameNotificationErrors.SERVICE_TOKEN_REQUIRED, userErrors.USER_NOT_FOUND] as const;
