import type { RestNotificationFragment } from '../../gql/graphql.js';
import { graphql } from '../../gql/index.js';
import { declaredEnumValue } from '../../graphql/enums.js';
import { enumValues } from '../../platform/enums.js';
import { boolean, dateTime, integer, type JsonSchema, object, ref, string } from '../../rest/json-schema.js';
import { messageBody, ok, okWith, page, pagination, publicId, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import {
  DEFAULT_NOTIFICATIONS_PER_PAGE,
  deleteNotification,
  listNotifications,
  MAX_TYPE_FILTERS,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.service.js';
import { NOTIFICATION_TYPES } from './notifications.table.js';

const NotificationsOperation = graphql(`
  query RestNotifications($userId: ID!, $page: Int, $perPage: Int, $unreadOnly: Boolean, $types: [String!]) {
    notifications(userId: $userId, page: $page, perPage: $perPage, unreadOnly: $unreadOnly, types: $types) {
      __typename
      ...RestError
      ... on NotificationPage {
        nodes { ...RestNotification }
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

/** A notification's type as REST writes it: a declared type, or a game's `game.<name>`. */
const NOTIFICATION_TYPE_PATTERN = `^(${enumValues(NOTIFICATION_TYPES).join('|')}|game\\.[a-z0-9_.-]{1,64})$`;

export const notificationSchemas: Record<string, JsonSchema> = {
  Notification: object(
    {
      id: publicId('The notification.'),
      type: string({
        description: `${enumValues(NOTIFICATION_TYPES).join(', ')}, or a type the game's backend gave it: \`game.<name>\`.`,
        pattern: NOTIFICATION_TYPE_PATTERN,
      }),
      connection_request_id: {
        ...publicId("The request the notification is about; null for a game's notification."),
        type: ['integer', 'null'],
      },
      other_user: { oneOf: [ref('User'), { type: 'null' }], description: "null for a game's notification." },
      message: string(),
      payload: {
        type: ['object', 'null'],
        description:
          "A game's notification only: what it carries for the game, as its backend sent it (null when it sent none).",
      },
      expires_at: {
        ...dateTime(),
        type: ['string', 'null'],
        description:
          "A game's notification and a `game_invite` only: when it stops being listed and counted (null: it does not expire).",
      },
      invite_id: publicId(
        'Invite notifications (`game_invite`, `invite_accepted`, `invite_declined`) only: the invite.',
      ),
      join_info: {
        type: 'object',
        description: 'A `game_invite` only: what the receiver needs to join, as the game defines it.',
      },
      timestamp: dateTime(),
      read: boolean(),
    },
    { optional: ['payload', 'expires_at', 'invite_id', 'join_info'] },
  ),
};

/**
 * A notification as REST answers it: the documented fields; for a game's notification its
 * `payload` and `expires_at`; for an invite's its `invite_id`, and for a `game_invite` the
 * invite's `join_info` and `expires_at` (the documented types keep exactly their documented shape).
 */
export function notificationJson(n: RestNotificationFragment) {
  const type = n.gameType ?? declaredEnumValue(n.type);
  return {
    id: Number(n.id),
    type,
    connection_request_id: n.connectionRequestId === null ? null : Number(n.connectionRequestId),
    other_user: n.otherUser ? user(n.otherUser) : null,
    message: n.message,
    ...(n.gameType !== null && { payload: n.payload ?? null, expires_at: n.expiresAt ?? null }),
    ...(n.invite && { invite_id: Number(n.invite.id) }),
    ...(n.invite && type === 'game_invite' && { join_info: n.invite.joinInfo, expires_at: n.expiresAt ?? null }),
    timestamp: n.timestamp,
    read: n.read,
  };
}

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
      type: {
        type: 'string-list',
        pattern: NOTIFICATION_TYPE_PATTERN,
        maxItems: MAX_TYPE_FILTERS,
        description: `Only notifications of these types: repeat the parameter (\`type=new_request&type=game.match_found\`) or separate them with commas; at most ${MAX_TYPE_FILTERS}. The unread count stays that of every type.`,
      },
    },
    operation: NotificationsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      page: query.page,
      perPage: query.per_page,
      unreadOnly: query.unread_only,
      types: query.type,
    }),
    success: okWith(
      page('notifications', ref('Notification'), { unread_count: integer({ minimum: 0 }) }),
      'A page of notifications.',
    ),
    respond: (page) =>
      ok({
        notifications: page.nodes.map(notificationJson),
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
