import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { platformErrors, ValidationError } from '../../platform/errors.js';
import { type Page, type PageArgs, parsePageArgs, readPage } from '../../platform/pagination.js';
import { characterLength, isStorableText, MAX_CLIENT_USER_ID_LENGTH, requireUser } from '../users/users.service.js';
import * as graph from './graph.repository.js';

export const DEFAULT_MUTUAL_CONNECTIONS_PER_PAGE = 10;

/**
 * One page of the connections the acting user shares with `otherUserId`, the newest mutual
 * connection first: ordered by when the later of the two connections was made, then by user.
 * Users with a block (either way) with either of the two are left out, of the list and of its
 * total alike.
 */
export async function listMutualConnections(
  { db, ids, limits }: Deps,
  viewer: Viewer,
  args: PageArgs & { userId?: string | null | undefined; otherUserId: string },
): Promise<Page<graph.MutualConnectionRow>> {
  const userId = actingUserId(viewer, args.userId);
  const pageRequest = parsePageArgs(args, DEFAULT_MUTUAL_CONNECTIONS_PER_PAGE, ids);
  const user = await requireUser(db, viewer.tenant, userId);
  if (args.otherUserId === userId) {
    throw new ValidationError('otherUserId', 'Mutual connections are between two different users');
  }
  const other = await requireUser(db, viewer.tenant, args.otherUserId);
  // Intersections of two connection lists: heavy reads, each waiting for its turn.
  const turn = <T>(read: () => Promise<T>) => limits.heavyReads.run(viewer.tenant, userId, read);
  return readPage(
    pageRequest,
    (window) => turn(() => graph.listMutualConnections(db, user, other, window)),
    () =>
      turn(async () => {
        const [count] = await graph.countMutualConnections(db, viewer.tenant, [
          { userId: user.id, otherUserId: other.id },
        ]);
        return count ?? 0;
      }),
    (row) => ({ createdAt: row.mutual_since, id: row.id }),
  );
}
// RATE_LIMITED: too many heavy reads of the user already wait for a turn (platform/reads/heavy-reads.ts).
listMutualConnections.failures = [...requireUser.failures, platformErrors.RATE_LIMITED] as const;

/**
 * The pair `User.mutualConnectionCount` counts: the user `userRowId` and `withUserId`, by
 * default the caller's own user (the token's subject). As everywhere, a user token may name only
 * itself (`ForbiddenError`). Null when `withUserId` cannot name a user at all; a name that no
 * user of the tenant has is left to the count, which answers null for it.
 */
export function mutualCountKey(
  viewer: Viewer,
  userRowId: number,
  withUserId: string | null | undefined,
): graph.MutualCountKey | null {
  const otherClientUserId = actingUserId(viewer, withUserId);
  const possible =
    otherClientUserId.length > 0 &&
    characterLength(otherClientUserId) <= MAX_CLIENT_USER_ID_LENGTH &&
    isStorableText(otherClientUserId);
  if (!possible) return null;
  return { userId: userRowId, otherClientUserId };
}
