import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Deps } from '../../platform/deps.js';
import { NotFoundError } from '../../platform/errors.js';
import { notificationErrors } from '../notifications/notifications.errors.js';
import { findNotificationSeq } from '../notifications/notifications.repository.js';
import { requireUser } from '../users/users.service.js';
import type { UserRow } from '../users/users.table.js';

/** A position in a user's notifications: after their notification number `seq`. */
export function encodeLiveCursor(seq: number): string {
  return Buffer.from(`live:${seq}`).toString('base64url');
}

function decodeLiveCursor(value: string): number | null {
  const match = /^live:(\d{1,15})$/.exec(Buffer.from(value, 'base64url').toString());
  return match ? Number(match[1]) : null;
}

/**
 * Whose notifications a subscription follows, and from where: the acting user (the same rule
 * as every query: a user token only its own user, a service token any user of its tenant)
 * and where to start: after the notification `after` names (one of that user's), or at the
 * `liveCursor` a notifications page returned. Without `after`, with what commits from now on.
 * Opening a feed draws on the user's subscribe budget.
 */
export async function openNotificationFeed(
  { db, ids, limits }: Pick<Deps, 'db' | 'ids' | 'limits'>,
  viewer: Viewer,
  args: { userId?: string | null | undefined; after?: string | null | undefined },
): Promise<{ user: UserRow; afterSeq: number | null }> {
  const userId = actingUserId(viewer, args.userId);
  await limits.rateLimiter.consume(viewer, userId, 'subscribe');
  const user = await requireUser(db, viewer.tenant, userId);
  if (args.after == null) return { user, afterSeq: null };
  const cursorSeq = decodeLiveCursor(args.after);
  if (cursorSeq !== null) return { user, afterSeq: Math.min(cursorSeq, user.notification_seq) };
  const seq = await findNotificationSeq(
    db,
    user.id,
    ids.parse('notification', args.after, notificationErrors.NOTIFICATION_NOT_FOUND),
  );
  if (seq === undefined) throw new NotFoundError(notificationErrors.NOTIFICATION_NOT_FOUND, args.after);
  return { user, afterSeq: seq };
}

/** The user whose friends-panel events a subscription follows. */
export async function openConnectionFeed(
  { db, limits }: Pick<Deps, 'db' | 'limits'>,
  viewer: Viewer,
  args: { userId?: string | null | undefined },
): Promise<UserRow> {
  const userId = actingUserId(viewer, args.userId);
  await limits.rateLimiter.consume(viewer, userId, 'subscribe');
  return requireUser(db, viewer.tenant, userId);
}
