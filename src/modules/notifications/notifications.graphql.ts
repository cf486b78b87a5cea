import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { COUNT_COST, costs, pageArgs, pagedList, pageType } from '../../graphql/pagination.js';
import { actingUserArg, idempotencyKeyArg, UserRef } from '../users/users.graphql.js';
import {
  DEFAULT_NOTIFICATIONS_PER_PAGE,
  deleteNotification,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.js';
import {
  isGameNotificationType,
  NOTIFICATION_TYPES,
  type NotificationRow,
  type NotificationType,
} from './notifications.table.js';

const NotificationTypeEnum = builder.enumType('NotificationType', {
  values: graphqlEnumValues({
    ...NOTIFICATION_TYPES,
    game: 'A notification the game’s backend sent; `gameType` says which (e.g. `game.match_found`).',
  }),
});

export const NotificationRef = builder.objectRef<NotificationRow>('Notification').implement({
  fields: (t) => ({
    id: t.id({ resolve: (n, _args, context) => context.ids.encode('notification', n.id) }),
    type: t.field({
      type: NotificationTypeEnum,
      resolve: (n) => (isGameNotificationType(n.type) ? 'game' : (n.type as NotificationType)),
    }),
    gameType: t.string({
      nullable: true,
      description: 'The type a game’s backend gave its notification (`game.<name>`); null for the other types.',
      resolve: (n) => (isGameNotificationType(n.type) ? n.type : null),
    }),
    connectionRequestId: t.id({
      nullable: true,
      description: 'The request the notification is about; null for a game’s notification.',
      resolve: (n, _args, context) =>
        n.connection_request_id === null ? null : context.ids.encode('request', n.connection_request_id),
    }),
    otherUser: t.field({
      type: UserRef,
      nullable: true,
      description: 'The other user of the request; null for a game’s notification.',
      resolve: (n, _args, context) =>
        n.other_user ?? (n.other_user_id === null ? null : context.loaders.user.load(n.other_user_id)),
    }),
    message: t.exposeString('message'),
    payload: t.field({
      type: 'JSONObject',
      nullable: true,
      description: 'What a game’s notification carries for the game, as its backend sent it; null otherwise.',
      resolve: (n) => n.payload,
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the notification stops being listed and counted; null: it does not expire.',
      resolve: (n) => n.expires_at,
    }),
    timestamp: t.field({ type: 'DateTime', resolve: (n) => n.created_at }),
    read: t.boolean({ resolve: (n) => n.read_at !== null }),
  }),
});

const NotificationPage = pageType<NotificationRow, { unreadCount: () => Promise<number>; liveCursor: string }>(
  'Notification',
  NotificationRef,
);
builder.objectField(NotificationPage, 'liveCursor', (t) =>
  t.exposeString('liveCursor', {
    description:
      'Subscribe with notificationAdded(after: liveCursor) to receive exactly the notifications committed after this page was read: none missed, none twice.',
  }),
);
builder.objectField(NotificationPage, 'unreadCount', (t) =>
  t.int({
    description: 'Unread notifications of the user, whatever the filter.',
    extensions: costs({ base: COUNT_COST }),
    resolve: (page) => page.unreadCount(),
  }),
);

builder.queryField('notifications', (t) =>
  t.field({
    type: NotificationPage,
    description: 'The user’s notifications, newest first (default: the newest 50).',
    extensions: pagedList(DEFAULT_NOTIFICATIONS_PER_PAGE),
    args: {
      ...actingUserArg,
      ...pageArgs,
      unreadOnly: t.arg.boolean({ defaultValue: false, description: 'Only unread notifications.' }),
      types: t.arg.stringList({
        description:
          'Only notifications of these types (at most 20): `new_request` (or `NEW_REQUEST`), …, or a game’s `game.<name>`. Unread counts stay those of every type.',
      }),
    },
    errors: { types: userScopedErrors },
    resolve: (_root, args, context) => listNotifications(context, requireViewer(context), args),
  }),
);

const MarkNotificationReadPayload = builder.objectRef<NotificationRow>('MarkNotificationReadPayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Notification marked as read' }),
    notification: t.field({ type: NotificationRef, resolve: (n) => n }),
  }),
});

builder.mutationField('markNotificationRead', (t) =>
  t.field({
    type: MarkNotificationReadPayload,
    description: 'Marks one of the user’s notifications read; marking it again is not an error.',
    args: { ...actingUserArg, notificationId: t.arg.id({ required: true }), ...idempotencyKeyArg },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => markNotificationRead(context, requireViewer(context), args),
  }),
);

const MarkAllNotificationsReadPayload = builder
  .objectRef<{ marked: number }>('MarkAllNotificationsReadPayload')
  .implement({
    fields: (t) => ({
      message: t.string({ resolve: () => 'All notifications marked as read' }),
      marked: t.exposeInt('marked', { description: 'How many notifications were unread.' }),
    }),
  });

builder.mutationField('markAllNotificationsRead', (t) =>
  t.field({
    type: MarkAllNotificationsReadPayload,
    description: 'Marks every unread notification of the user read.',
    args: { ...actingUserArg, ...idempotencyKeyArg },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => markAllNotificationsRead(context, requireViewer(context), args),
  }),
);

const DeleteNotificationPayload = builder.objectRef<NotificationRow>('DeleteNotificationPayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Notification deleted' }),
    notificationId: t.id({ resolve: (n, _args, context) => context.ids.encode('notification', n.id) }),
  }),
});

builder.mutationField('deleteNotification', (t) =>
  t.field({
    type: DeleteNotificationPayload,
    description: 'Deletes one of the user’s notifications (read or not).',
    args: { ...actingUserArg, notificationId: t.arg.id({ required: true }) },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => deleteNotification(context, requireViewer(context), args),
  }),
);
