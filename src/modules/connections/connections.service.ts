import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { declareEnum, type EnumValue } from '../../platform/enums.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { type Page, type PageArgs, parsePageArgs, readPage } from '../../platform/pagination.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { withdrawInvitesBetween } from '../invites/invites.service.js';
import { onlineConnections, type PresenceDeps } from '../presence/presence.service.js';
import { lockUsers } from '../users/users.repository.js';
import { requireUser } from '../users/users.service.js';
import { connectionErrors } from './connections.errors.js';
import * as connections from './connections.repository.js';

export const DEFAULT_CONNECTIONS_PER_PAGE = 10;

export const CONNECTION_SORTS = declareEnum({
  newest: 'Newest first (the default).',
  favorites: 'Favourites first, each part newest first.',
});
export type ConnectionSort = EnumValue<typeof CONNECTION_SORTS>;

/**
 * One page of the acting user's connections, newest first, or favourites first with
 * `sort: 'favorites'`; `favorite` keeps only favourites (true) or only the others (false). With
 * `presence: 'online'`, only those not offline, online first (see `onlineConnections`), then
 * by the same filter and order.
 */
export async function listConnections(
  { db, ids, presence }: PresenceDeps,
  viewer: Viewer,
  args: PageArgs & {
    userId?: string | null | undefined;
    presence?: 'online' | null | undefined;
    favorite?: boolean | null | undefined;
    sort?: ConnectionSort | null | undefined;
  },
): Promise<Page<connections.ConnectionEdge>> {
  const userId = actingUserId(viewer, args.userId);
  const pageRequest = parsePageArgs(args, DEFAULT_CONNECTIONS_PER_PAGE, ids);
  const favoritesFirst = args.sort === 'favorites';
  const after = pageRequest.window.after;
  // A cursor of one order is no position in the other.
  if (after && args.presence !== 'online' && favoritesFirst !== (after.rank !== undefined)) {
    throw new ValidationError('after', 'after is a cursor of another order of this list; start again without it');
  }
  const user = await requireUser(db, viewer.tenant, userId);
  const listing = { favorite: args.favorite, favoritesFirst };
  const cursorOf = (row: connections.ConnectionEdge) => ({
    createdAt: row.created_at,
    id: row.connection_id,
    ...(favoritesFirst && { rank: row.favorite ? 1 : 0 }),
  });
  if (args.presence === 'online') {
    const all = await connections.listAllConnectionEdges(db, user.id);
    let online = await onlineConnections(
      presence,
      user.tenant,
      args.favorite == null ? all : all.filter((edge) => edge.favorite === args.favorite),
    );
    // Stable: within favourites and within the others, the presence order stands.
    if (favoritesFirst) online = [...online].sort((a, b) => Number(b.favorite) - Number(a.favorite));
    return readPage(
      pageRequest,
      async ({ limit, offset, after }) => {
        let start = offset;
        if (after) {
          const at = online.findIndex((edge) => edge.connection_id === after.id);
          const older = online.findIndex((edge) => edge.created_at.getTime() < after.createdAt.getTime());
          start = at >= 0 ? at + 1 : older >= 0 ? older : online.length;
        }
        return online.slice(start, start + limit + 1);
      },
      async () => online.length,
      cursorOf,
    );
  }
  return readPage(
    pageRequest,
    (window) => connections.listConnectionEdges(db, user.id, window, listing),
    // Kept with the connection rows: no count over the whole list (favourites are counted).
    async () =>
      args.favorite == null ? user.connection_count : connections.countConnectionEdges(db, user.id, args.favorite),
    cursorOf,
  );
}
listConnections.failures = requireUser.failures;

/**
 * Removes one of the acting user's connections, for both sides. Afterwards the two users may
 * send each other requests again; invites still pending between them are withdrawn. A
 * connection the user is not part of is not found.
 */
export async function removeConnection(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; connectionId: string },
): Promise<{ connectionId: number }> {
  const { ids, events } = deps;
  const userId = actingUserId(viewer, input.userId);
  const connectionId = ids.parse('connection', input.connectionId, connectionErrors.CONNECTION_NOT_FOUND);
  const guard = {
    action: 'write',
    actingUserId: userId,
    operation: 'removeConnection',
    input: { connectionId },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const user = await requireUser(trx, viewer.tenant, userId);
    const edge = await connections.findConnectionEdge(trx, user.id, connectionId);
    if (!edge) throw new NotFoundError(connectionErrors.CONNECTION_NOT_FOUND, input.connectionId);
    await lockUsers(trx, [user.id, edge.other_user_id]);
    // A concurrent removal may have won while we waited for the locks.
    if (!(await connections.deleteConnection(trx, connectionId))) {
      throw new NotFoundError(connectionErrors.CONNECTION_NOT_FOUND, input.connectionId);
    }
    await events.publish(trx, {
      kind: 'connection_removed',
      tenant: viewer.tenant,
      connectionId,
      userIds: [user.id, edge.other_user_id],
    });
    await withdrawInvitesBetween(trx, events, user.id, edge.other_user_id);
    return { connectionId };
  });
}
removeConnection.failures = [...requireUser.failures, connectionErrors.CONNECTION_NOT_FOUND] as const;
