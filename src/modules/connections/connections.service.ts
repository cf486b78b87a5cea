import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { NotFoundError } from '../../platform/errors.js';
import { type Page, type PageArgs, parsePageArgs, readPage } from '../../platform/pagination.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { withdrawInvitesBetween } from '../invites/invites.service.js';
import { onlineConnections, type PresenceDeps } from '../presence/presence.service.js';
import { lockUsers } from '../users/users.repository.js';
import { requireUser } from '../users/users.service.js';
import { connectionErrors } from './connections.errors.js';
import * as connections from './connections.repository.js';

export const DEFAULT_CONNECTIONS_PER_PAGE = 10;

/**
 * One page of the acting user's connections, newest first; with `presence: 'online'`, only
 * those not offline, online first (see `onlineConnections`).
 */
export async function listConnections(
  { db, ids, presence }: PresenceDeps,
  viewer: Viewer,
  args: PageArgs & { userId?: string | null | undefined; presence?: 'online' | null | undefined },
): Promise<Page<connections.ConnectionEdge>> {
  const userId = actingUserId(viewer, args.userId);
  const pageRequest = parsePageArgs(args, DEFAULT_CONNECTIONS_PER_PAGE, ids);
  const user = await requireUser(db, viewer.tenant, userId);
  if (args.presence === 'online') {
    const online = await onlineConnections(
      presence,
      user.tenant,
      await connections.listAllConnectionEdges(db, user.id),
    );
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
      (row) => ({ createdAt: row.created_at, id: row.connection_id }),
    );
  }
  return readPage(
    pageRequest,
    (window) => connections.listConnectionEdges(db, user.id, window),
    // Kept with the connection rows: no count over the whole list.
    async () => user.connection_count,
    (row) => ({ createdAt: row.created_at, id: row.connection_id }),
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
