import { actingUserId, type Viewer } from '../../platform/auth/viewer.js';
import type { Trx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import type { EventPublisher } from '../../platform/events/events.js';
import { type Page, type PageArgs, parsePageArgs, readPage } from '../../platform/pagination.js';
import { guardedWrite } from '../../platform/writes/guarded-write.js';
import { encodeLiveCursor } from '../live/live.service.js';
import { requireUser } from '../users/users.service.js';
import { notificationErrors } from './notifications.errors.js';
import * as notifications from './notifications.repository.js';
import { isGameNotificationType, NOTIFICATION_TYPES, type NotificationRow } from './notifications.table.js';

/** Without page arguments, the notifications list shows the newest 50. */
export const DEFAULT_NOTIFICATIONS_PER_PAGE = 50;
/** At most this many types in one `types` filter. */
export const MAX_TYPE_FILTERS = 20;

/**
 * The types a list is narrowed to, as stored: each a friend-request type (`new_request`, or
 * `NEW_REQUEST` as GraphQL enums write it) or a game's type (`game.match_found`).
 */
function parseTypeFilter(types: readonly string[] | null | undefined): string[] {
  if (!types?.length) return [];
  if (types.length > MAX_TYPE_FILTERS) {
    throw new ValidationError('types', `{field} may name at most ${MAX_TYPE_FILTERS} types`);
  }
  return [
    ...new Set(
      types.map((type) => {
        const known = /^[A-Z_]+$/.test(type) ? type.toLowerCase() : type;
        if (known in NOTIFICATION_TYPES || isGameNotificationType(known)) return known;
        throw new ValidationError(
          'types',
          `{field} must name notification types: ${Object.keys(NOTIFICATION_TYPES).join(', ')} or game.<name> (got '${type.slice(0, 80)}')`,
        );
      }),
    ),
  ];
}

/**
 * One page of the acting user's notifications, newest first, how to count the unread ones,
 * and `liveCursor`: the position that `notificationAdded(after:)` continues from so that it
 * delivers exactly the notifications this page's snapshot did not include yet. The page and
 * the position are read in one snapshot, so nothing falls between them and nothing is in both.
 */
export async function listNotifications(
  { db, ids }: Deps,
  viewer: Viewer,
  args: PageArgs & {
    userId?: string | null | undefined;
    unreadOnly?: boolean | null | undefined;
    types?: readonly string[] | null | undefined;
  },
): Promise<Page<NotificationRow> & { unreadCount: () => Promise<number>; liveCursor: string }> {
  const userId = actingUserId(viewer, args.userId);
  const pageRequest = parsePageArgs(args, DEFAULT_NOTIFICATIONS_PER_PAGE, ids);
  const unreadOnly = args.unreadOnly ?? false;
  const filter = { unreadOnly, types: parseTypeFilter(args.types) };
  const { user, rows } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const user = await requireUser(trx, viewer.tenant, userId);
      return { user, rows: await notifications.listNotifications(trx, user.id, filter, pageRequest.window) };
    });
  const page = await readPage(
    pageRequest,
    async () => rows,
    () => notifications.countNotifications(db, user.id, filter),
    (row) => ({ createdAt: row.created_at, id: row.id }),
  );
  // Unread notifications of every type, whatever the filter.
  const unreadCount =
    unreadOnly && filter.types.length === 0
      ? page.totalCount
      : () => notifications.countNotifications(db, user.id, { unreadOnly: true });
  return { ...page, unreadCount, liveCursor: encodeLiveCursor(user.notification_seq) };
}
listNotifications.failures = requireUser.failures;

/** Marks one of the acting user's notifications read. Marking it again changes nothing. */
export async function markNotificationRead(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; notificationId: string; idempotencyKey?: string | null | undefined },
): Promise<NotificationRow> {
  const { ids, events } = deps;
  const userId = actingUserId(viewer, input.userId);
  const notificationId = ids.parse('notification', input.notificationId, notificationErrors.NOTIFICATION_NOT_FOUND);
  const guard = {
    action: 'write',
    actingUserId: userId,
    idempotencyKey: input.idempotencyKey,
    operation: 'markNotificationRead',
    input: { notificationId },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const user = await requireUser(trx, viewer.tenant, userId);
    const marked = await notifications.markNotificationRead(trx, user.id, notificationId);
    if (!marked) throw new NotFoundError(notificationErrors.NOTIFICATION_NOT_FOUND, input.notificationId);
    if (marked.changed)
      await events.publish(trx, { kind: 'notifications_read', tenant: viewer.tenant, userId: user.id });
    return marked.notification;
  });
}
markNotificationRead.failures = [...requireUser.failures, notificationErrors.NOTIFICATION_NOT_FOUND] as const;

/** Marks every unread notification of the acting user read; returns how many were unread. */
export async function markAllNotificationsRead(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; idempotencyKey?: string | null | undefined },
): Promise<{ marked: number }> {
  const userId = actingUserId(viewer, input.userId);
  const guard = {
    action: 'write',
    actingUserId: userId,
    idempotencyKey: input.idempotencyKey,
    operation: 'markAllNotificationsRead',
    input: {},
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const user = await requireUser(trx, viewer.tenant, userId);
    const marked = await notifications.markAllNotificationsRead(trx, user.id);
    if (marked > 0)
      await deps.events.publish(trx, { kind: 'notifications_read', tenant: viewer.tenant, userId: user.id });
    return { marked };
  });
}
markAllNotificationsRead.failures = requireUser.failures;

/** Deletes one of the acting user's notifications. */
export async function deleteNotification(
  deps: Deps,
  viewer: Viewer,
  input: { userId?: string | null | undefined; notificationId: string },
): Promise<NotificationRow> {
  const userId = actingUserId(viewer, input.userId);
  const notificationId = deps.ids.parse(
    'notification',
    input.notificationId,
    notificationErrors.NOTIFICATION_NOT_FOUND,
  );
  const guard = {
    action: 'write',
    actingUserId: userId,
    operation: 'deleteNotification',
    input: { notificationId },
  } as const;
  return guardedWrite(deps, viewer, guard, async (trx) => {
    const user = await requireUser(trx, viewer.tenant, userId);
    const deleted = await notifications.deleteNotification(trx, user.id, notificationId);
    if (!deleted) throw new NotFoundError(notificationErrors.NOTIFICATION_NOT_FOUND, input.notificationId);
    // An unread one leaves the unread count: friends panels re-read it.
    if (deleted.read_at === null) {
      await deps.events.publish(trx, { kind: 'notifications_read', tenant: viewer.tenant, userId: user.id });
    }
    return deleted;
  });
}
deleteNotification.failures = [...requireUser.failures, notificationErrors.NOTIFICATION_NOT_FOUND] as const;

/** Writes a notification and publishes it to live subscribers, both within `trx`. */
export async function addNotification(
  trx: Trx,
  events: EventPublisher,
  notification: Parameters<typeof notifications.insertNotification>[1],
): Promise<NotificationRow> {
  const row = await notifications.insertNotification(trx, notification);
  await events.publish(trx, { kind: 'notification', tenant: row.tenant, userId: row.user_id, seq: row.seq });
  return row;
}
