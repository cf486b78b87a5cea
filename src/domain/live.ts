import type { Db, UserRow } from '../db/database.js';
import { findNotificationSeq } from '../db/notifications.repository.js';
import { NotFoundError } from './errors.js';
import type { PublicIds } from './public-ids.js';
import { requireUser } from './users.js';
import { actingUserId, type Viewer } from './viewer.js';

/**
 * Whose notifications a subscription follows, and from where: the acting user (the same rule
 * as every query: a user token only its own user, a service token any user of its tenant)
 * and, when `after` names one of that user's notifications, its position, so that delivery
 * resumes with the next one. Without `after`, delivery starts with what commits from now on.
 */
export async function openNotificationFeed(
  { db, ids }: { db: Db; ids: PublicIds },
  viewer: Viewer,
  args: { userId?: string | null | undefined; after?: string | null | undefined },
): Promise<{ user: UserRow; afterSeq: number | null }> {
  const userId = actingUserId(viewer, args.userId);
  const user = await requireUser(db, viewer.tenant, userId);
  if (args.after == null) return { user, afterSeq: null };
  const seq = await findNotificationSeq(db, user.id, ids.parse('NOTIFICATION_NOT_FOUND', args.after));
  if (seq === undefined) throw new NotFoundError('NOTIFICATION_NOT_FOUND', args.after);
  return { user, afterSeq: seq };
}

/** The user whose friends-panel events a subscription follows. */
export async function openConnectionFeed(
  { db }: { db: Db },
  viewer: Viewer,
  args: { userId?: string | null | undefined },
): Promise<UserRow> {
  return requireUser(db, viewer.tenant, actingUserId(viewer, args.userId));
}
