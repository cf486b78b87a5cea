import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Db } from '../../platform/db/database.js';
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

/** A relationship without the id it was asked for. */
export type RelationshipState = Omit<Relationship, 'userId'>;

const NONE: RelationshipState = { status: 'none', connectionId: null, requestId: null };

/**
 * How user `userId` stands with each of `otherIds` (users of its tenant), by id: `blocked` (the
 * user blocks them), `connected`, `request_sent` or `request_received`, or `none`, which is
 * also the answer for the user itself and for a user who blocks it (that is never revealed).
 * Three statements whatever the number of ids; run them in one snapshot for a consistent answer.
 */
export async function relationshipsWith(
  db: Db,
  userId: number,
  otherIds: readonly number[],
): Promise<Map<number, RelationshipState>> {
  // At once: on a pool, three connections; in a transaction, one after another on its own.
  const [connections, pending, blocked] = await Promise.all([
    relationships.findConnectionsWith(db, userId, otherIds),
    relationships.findPendingRequestsWith(db, userId, otherIds),
    relationships.findBlockedAmong(db, userId, otherIds),
  ]);
  const blockedIds = new Set(blocked);
  const connectionOf = new Map(connections.map((c) => [c.other_user_id, c.connection_id]));
  const pendingWith = new Map(pending.map((r) => [r.sender_id === userId ? r.receiver_id : r.sender_id, r] as const));
  return new Map(
    otherIds.map((otherId): [number, RelationshipState] => {
      if (blockedIds.has(otherId)) return [otherId, { ...NONE, status: 'blocked' }];
      const connectionId = connectionOf.get(otherId);
      if (connectionId !== undefined) return [otherId, { ...NONE, status: 'connected', connectionId }];
      const request = pendingWith.get(otherId);
      if (request) {
        const status = request.sender_id === userId ? 'request_sent' : 'request_received';
        return [otherId, { ...NONE, status, requestId: request.id }];
      }
      return [otherId, NONE];
    }),
  );
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
      const byId = await relationshipsWith(
        trx,
        user.id,
        others.map((other) => other.id),
      );
      return new Map(others.map((other) => [other.client_user_id, byId.get(other.id) as RelationshipState]));
    });
  return input.userIds.map((userId) => ({
    userId,
    ...(known.get(userId) ?? NONE),
  }));
}
listRelationships.failures = requireUser.failures;
