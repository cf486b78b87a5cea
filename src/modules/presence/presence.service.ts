import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { ValidationError } from '../../platform/errors.js';
import { characterLength, isStorableJson, isStorableText, requireUser } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';
import type { PresenceEngine } from './presence.engine.js';
import { connectedAmong } from './presence.repository.js';
import {
  connectionsView,
  type JoinInfo,
  MAX_ACTIVITY_LENGTH,
  MAX_JOIN_INFO_BYTES,
  ownView,
  type PresenceRecord,
  type PresenceStatus,
  type PresenceView,
} from './presence.rules.js';

/** What presence operations work with: the services' dependencies and the presence engine. */
export type PresenceDeps = Deps & { presence: PresenceEngine };

/** Longest time to live of a presence set by `setPresence` (a day). */
export const MAX_PRESENCE_TTL_SECONDS = 86_400;

/** The presence of `user`, as `viewer` may see it: null when it may not. */
export interface PresenceAnswer {
  user: UserRow;
  view: PresenceView | null;
}

/**
 * How `viewer` sees a user's presence: the user itself and its tenant's service tokens see all
 * of it (`invisible` included); its connections see what it shares with them (invisible as
 * offline, nothing with `share_presence: nobody`); anyone else (a stranger, a blocked user,
 * another tenant) sees null, so nothing tells them whether the user is online.
 */
export function presenceAsSeenBy(
  viewer: Viewer,
  user: UserRow,
  record: PresenceRecord | null,
  isConnection: boolean,
  now = Date.now(),
): PresenceView | null {
  if (viewer.tenant !== user.tenant) return null;
  const lastSeenAt = user.last_seen_at?.getTime() ?? null;
  if (viewer.role === 'service' || viewer.subject === user.client_user_id) return ownView(record, lastSeenAt, now);
  if (!isConnection || user.share_presence !== 'connections') return null;
  return connectionsView(record, now) ?? { status: 'offline', activity: null, joinInfo: null, lastSeenAt };
}

/** Whether `viewer` needs to be a connection of these users to see their presence (else it sees all or none without asking). */
export function needsConnectionCheck(viewer: Viewer, user: UserRow): boolean {
  return viewer.role !== 'service' && viewer.subject !== user.client_user_id;
}

/** Which of these users `viewer` is a connection of (one query for them all). */
export function connectionsOfViewer(deps: Pick<Deps, 'db'>, viewer: Viewer, userIds: readonly number[]) {
  return connectedAmong(deps.db, viewer.tenant, viewer.subject, userIds);
}

/** A user's presence, as the caller may see it (`user(userId) { presence }` and REST GET). */
export async function getPresence(
  deps: PresenceDeps,
  viewer: Viewer,
  input: { userId?: string | null | undefined },
): Promise<PresenceAnswer> {
  const user = await requireUser(deps.db, viewer.tenant, input.userId ?? viewer.subject);
  const records = await deps.presence.records(user.tenant, [user.id]);
  const isConnection =
    needsConnectionCheck(viewer, user) && (await connectionsOfViewer(deps, viewer, [user.id])).has(user.id);
  return { user, view: presenceAsSeenBy(viewer, user, records.get(user.id) ?? null, isConnection) };
}
getPresence.failures = requireUser.failures;

function validActivity(activity: string | null | undefined): string | null {
  if (activity == null || activity === '') return null;
  if (!isStorableText(activity)) {
    throw new ValidationError('activity', '{field} must not contain NUL characters or unpaired surrogates');
  }
  if (characterLength(activity) > MAX_ACTIVITY_LENGTH) {
    throw new ValidationError('activity', `{field} must be at most ${MAX_ACTIVITY_LENGTH} characters`);
  }
  return activity;
}

/** A game's join information as given, checked; null when none was given. */
export function validJoinInfo(joinInfo: unknown): JoinInfo | null {
  if (joinInfo == null) return null;
  if (typeof joinInfo !== 'object' || Array.isArray(joinInfo)) {
    throw new ValidationError('joinInfo', '{field} must be a JSON object');
  }
  if (Buffer.byteLength(JSON.stringify(joinInfo)) > MAX_JOIN_INFO_BYTES) {
    throw new ValidationError('joinInfo', `{field} must be at most ${MAX_JOIN_INFO_BYTES} bytes as JSON`);
  }
  // The PostgreSQL store keeps it as jsonb, which refuses them; refused in every store alike.
  if (!isStorableJson(joinInfo)) {
    throw new ValidationError('joinInfo', '{field} must not contain NUL characters or unpaired surrogates');
  }
  return joinInfo as JoinInfo;
}

function validTtl(seconds: number | null | undefined): number | null {
  if (seconds == null) return null;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_PRESENCE_TTL_SECONDS) {
    throw new ValidationError('expiresInSeconds', `{field} must be an integer from 1 to ${MAX_PRESENCE_TTL_SECONDS}`);
  }
  return seconds * 1000;
}

/**
 * Sets the acting user's presence: a status (`offline` drops what was set), an activity, the
 * information a friend needs to join, and optionally a time to live after which they lapse.
 * Without an open socket the user is online for that time to live (a game server marking a
 * player in a match), or for the grace period without one. Draws on the user's write budget,
 * as every change its connections hear of costs a delivery to each of them.
 */
export async function setPresence(
  deps: PresenceDeps,
  viewer: Viewer,
  input: {
    userId?: string | null | undefined;
    status: PresenceStatus;
    activity?: string | null | undefined;
    joinInfo?: unknown;
    expiresInSeconds?: number | null | undefined;
  },
): Promise<PresenceAnswer> {
  const clientUserId = actingUserId(viewer, input.userId);
  const choice = {
    status: input.status,
    activity: validActivity(input.activity),
    joinInfo: validJoinInfo(input.joinInfo),
    ttlMs: validTtl(input.expiresInSeconds),
  };
  await deps.limits.rateLimiter.consume(viewer, clientUserId, 'write');
  const user = await requireUser(deps.db, viewer.tenant, clientUserId);
  const record = await deps.presence.choose(user, choice);
  return { user, view: ownView(record, user.last_seen_at?.getTime() ?? null, Date.now()) };
}
setPresence.failures = requireUser.failures;

/** Order of a presence filtered list: online first, then busy, then away (newest connection first within each). */
const STATUS_RANK: Record<PresenceStatus, number> = { online: 0, busy: 1, away: 2, invisible: 3, offline: 3 };

/**
 * The connections of `userId` that are not offline as the user sees them, online first: one
 * query for the list of connections, one read of the presence store for them all, however many
 * there are. The order moves as friends come and go, so a cursor continues after its
 * connection if it is still listed, else after where it would stand.
 */
export async function onlineConnections<
  Edge extends { other_user_id: number; created_at: Date; connection_id: number },
>(presence: PresenceEngine, tenant: string, edges: Edge[]): Promise<Edge[]> {
  const records = await presence.records(
    tenant,
    edges.map((edge) => edge.other_user_id),
  );
  const now = Date.now();
  const ranked = edges.flatMap((edge) => {
    const view = connectionsView(records.get(edge.other_user_id) ?? null, now);
    return view && view.status !== 'offline' ? [{ edge, rank: STATUS_RANK[view.status] }] : [];
  });
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      b.edge.created_at.getTime() - a.edge.created_at.getTime() ||
      b.edge.connection_id - a.edge.connection_id,
  );
  return ranked.map(({ edge }) => edge);
}
