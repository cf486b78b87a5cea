import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { declareEnum, type EnumValue } from '../../platform/enums.js';
import { ValidationError } from '../../platform/errors.js';
import { characterLength, isStorableText, MAX_CLIENT_USER_ID_LENGTH, requireUser } from '../users/users.service.js';
import * as relationships from './relationships.repository.js';

export const MAX_RELATIONSHIP_IDS = 100;

/** How the acting user stands with another. */
export const RELATIONSHIP_STATUSES = declareEnum({
  none: 'Nothing between the two (also for unknown users and the user itself).',
  connected: 'Connected; see connectionId.',
  request_sent: 'The user sent them a pending request; see requestId.',
  request_received: 'They sent the user a pending request; see requestId.',
  blocked: 'The user blocks them.',
});
export type RelationshipStatus = EnumValue<typeof RELATIONSHIP_STATUSES>;

/** How the acting user stands with one other user. */
export interface Relationship {
  /** The id as asked for. */
  userId: string;
  status: RelationshipStatus;
  /** Set when `connected`. */
  connectionId: number | null;
  /** The pending request, when `request_sent` or `request_received`. */
  requestId: number | null;
}

/**
 * How the acting user stands with each of `userIds` (1 to 100), in the order asked, a repeated
 * id answered each time: `blocked` (the acting user blocks them), `connected`, `request_sent` or
 * `request_received` (a pending request), or `none`, which is also the answer for an unknown id,
 * for the user itself, and for a user who blocks the acting user (that is not revealed). Reads a
 * constant number of statements whatever the number of ids, all in one snapshot.
 */
export async function listRelationships(
  { db }: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; userIds: readonly string[] },
): Promise<Relationship[]> {
  const actingId = actingUserId(viewer, input.userId);
  if (input.userIds.length === 0 || input.userIds.length > MAX_RELATIONSHIP_IDS) {
    throw new ValidationError('userIds', `{field} must hold 1 to ${MAX_RELATIONSHIP_IDS} user ids`);
  }
  // Ids that cannot name a user (too long, NUL) are unknown ones: never sent to the database.
  const asked = [...new Set(input.userIds)].filter(
    (id) => id !== actingId && id.length > 0 && characterLength(id) <= MAX_CLIENT_USER_ID_LENGTH && isStorableText(id),
  );
  const known = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const user = await requireUser(trx, viewer.tenant, actingId);
      const others = await relationships.findUserIdsByClientIds(trx, viewer.tenant, asked);
      const otherIds = others.map((other) => other.id);
      const connections = await relationships.findConnectionsWith(trx, user.id, otherIds);
      const pending = await relationships.findPendingRequestsWith(trx, user.id, otherIds);
      const blockedIds = new Set(await relationships.findBlockedAmong(trx, user.id, otherIds));
      const connectionOf = new Map(connections.map((c) => [c.other_user_id, c.connection_id]));
      const pendingWith = new Map(
        pending.map((r) => [r.sender_id === user.id ? r.receiver_id : r.sender_id, r] as const),
      );
      return new Map(
        others.map((other): [string, Omit<Relationship, 'userId'>] => {
          const none = { status: 'none', connectionId: null, requestId: null } as const;
          if (blockedIds.has(other.id)) return [other.client_user_id, { ...none, status: 'blocked' }];
          const connectionId = connectionOf.get(other.id);
          if (connectionId !== undefined) {
            return [other.client_user_id, { ...none, status: 'connected', connectionId }];
          }
          const request = pendingWith.get(other.id);
          if (request) {
            const status = request.sender_id === user.id ? 'request_sent' : 'request_received';
            return [other.client_user_id, { ...none, status, requestId: request.id }];
          }
          return [other.client_user_id, none];
        }),
      );
    });
  return input.userIds.map((userId) => ({
    userId,
    ...(known.get(userId) ?? { status: 'none', connectionId: null, requestId: null }),
  }));
}
listRelationships.failures = requireUser.failures;
