import { graphql } from '../../gql/index.js';
import { declaredEnumValue } from '../../graphql/enums.js';
import { enumValues } from '../../platform/enums.js';
import {
  boolean,
  dateTime,
  integer,
  type JsonSchema,
  object,
  ref,
  string,
  stringEnum,
} from '../../rest/json-schema.js';
import { messageBody, ok, okWith, page, pagination, publicId, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import {
  DEFAULT_NOTIFICATIONS_PER_PAGE,
  deleteNotification,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.js';
import { NOTIFICATION_TYPES } from './notifications.table.js';

const NotificationsOperation = graphql(`
  query RestNotifications($userId: ID!, $page: Int, $perPage: Int, $unreadOnly: Boolean) {
    notifications(userId: $userId, page: $page, perPage: $perPage, unreadOnly: $unreadOnly) {
      __typename
      ...RestError
      ... on NotificationPage {
        nodes { id type connectionRequestId otherUser { ...RestUser } message timestamp read }
        unreadCount
        pagination { ...RestPagination }
      }
    }
  }
`);

const MarkNotificationReadOperation = graphql(`
  mutation RestMarkNotificationRead($userId: ID!, $notificationId: ID!, $idempotencyKey: String) {
    markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on MarkNotificationReadPayload { message }
    }
  }
`);

const MarkAllNotificationsReadOperation = graphql(`
  mutation RestMarkAllNotificationsRead($userId: ID!, $idempotencyKey: String) {
    markAllNotificationsRead(userId: $userId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on MarkAllNotificationsReadPayload { message marked }
    }
  }
`);

const DeleteNotificationOperation = graphql(`
  mutation RestDeleteNotification($userId: ID!, $notificationId: ID!) {
    deleteNotification(userId: $userId, notificationId: $notificationId) {
      __typename
      ...RestError
      ... on DeleteNotificationPayload { message }
    }
  }
`);

export const notificationSchemas: Record<string, JsonSchema> = {
  Notification: object({
    id: publicId('The notification.'),
    type: stringEnum(enumValues(NOTIFICATION_TYPES)),
    connection_request_id: publicId('The request the notification is about.'),
    other_user: ref('User'),
    message: string(),
    timestamp: dateTime(),
    read: boolean(),
  }),
};

export const notificationRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/connections/:userId/notifications',
    tag: 'Notifications',
    summary: 'List notifications',
    description: 'Newest first, with the count of unread ones.',
    query: {
      ...pageParams(DEFAULT_NOTIFICATIONS_PER_PAGE),
      unread_only: {
        type: 'boolean',
        default: false,
        description: 'Only unread notifications (`true`/`1`, `false`/`0`).',
      },
    },
    operation: NotificationsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      page: query.page,
      perPage: query.per_page,
      unreadOnly: query.unread_only,
    }),
    success: okWith(
      page('notifications', ref('Notification'), { unread_count: integer({ minimum: 0 }) }),
      'A page of notifications.',
    ),
    respond: (page) =>
      ok({
        notifications: page.nodes.map((n) => ({
          id: Number(n.id),
          type: declaredEnumValue(n.type),
          connection_request_id: Number(n.connectionRequestId),
          other_user: user(n.otherUser),
          message: n.message,
          timestamp: n.timestamp,
          read: n.read,
        })),
        unread_count: page.unreadCount,
        pagination: pagination(page.pagination),
      }),
    errors: listNotifications.failures,
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/notifications/:notificationId/read',
    tag: 'Notifications',
    summary: 'Mark a notification read',
    description: 'Marking one twice is fine.',
    operation: MarkNotificationReadOperation,
    variables: ({ params }) => ({ userId: params.userId, notificationId: params.notificationId }),
    success: okWith(messageBody, 'Marked read.'),
    respond: (result) => ok({ message: result.message }),
    errors: markNotificationRead.failures,
  }),
  // Beyond the documented API
  route({
    method: 'POST',
    path: '/v1/connections/:userId/notifications/read',
    tag: 'Notifications',
    summary: 'Mark all notifications read',
    description: 'Beyond the documented API.',
    operation: MarkAllNotificationsReadOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(
      object({ message: string(), marked: integer({ minimum: 0, description: 'How many were unread.' }) }),
      'Marked read.',
    ),
    respond: (result) => ok({ message: result.message, marked: result.marked }),
    errors: markAllNotificationsRead.failures,
  }),
  route({
    method: 'DELETE',
    path: '/v1/connections/:userId/notifications/:notificationId',
    tag: 'Notifications',
    summary: 'Delete a notification',
    description: 'Beyond the documented API.',
    operation: DeleteNotificationOperation,
    variables: ({ params }) => ({ userId: params.userId, notificationId: params.notificationId }),
    success: okWith(messageBody, 'Deleted.'),
    respond: (result) => ok({ message: result.message }),
    errors: deleteNotification.failures,
  }),
];
