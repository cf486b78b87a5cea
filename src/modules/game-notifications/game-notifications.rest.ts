import { graphql } from '../../gql/index.js';
import { array, integer, type JsonSchema, object, ref, string } from '../../rest/json-schema.js';
import { publicId } from '../../rest/responses.js';
import { type Route, route } from '../../rest/route.js';
import { notificationJson } from '../notifications/notifications.rest.js';
import {
  MAX_GAME_EXPIRY_SECONDS,
  MAX_GAME_MESSAGE_LENGTH,
  MAX_GAME_PAYLOAD_BYTES,
  MAX_GAME_RECIPIENTS,
  MIN_GAME_EXPIRY_SECONDS,
  sendGameNotification,
} from './game-notifications.service.js';

graphql(`
  fragment RestGameNotificationsSent on SendGameNotificationPayload {
    message
    sent
    notifications { userId notification { ...RestNotification } }
  }
`);

// One operation per route (the document's operation ids are their names): the same mutation.
const SendGameNotificationOperation = graphql(`
  mutation RestSendGameNotification(
    $userIds: [ID!]!
    $type: String!
    $message: String!
    $payload: JSONObject
    $expiresInSeconds: Int
    $idempotencyKey: String
  ) {
    sendGameNotification(
      userIds: $userIds
      type: $type
      message: $message
      payload: $payload
      expiresInSeconds: $expiresInSeconds
      idempotencyKey: $idempotencyKey
    ) {
      __typename
      ...RestError
      ...RestGameNotificationsSent
    }
  }
`);

const SendGameNotificationsOperation = graphql(`
  mutation RestSendGameNotifications(
    $userIds: [ID!]!
    $type: String!
    $message: String!
    $payload: JSONObject
    $expiresInSeconds: Int
    $idempotencyKey: String
  ) {
    sendGameNotification(
      userIds: $userIds
      type: $type
      message: $message
      payload: $payload
      expiresInSeconds: $expiresInSeconds
      idempotencyKey: $idempotencyKey
    ) {
      __typename
      ...RestError
      ...RestGameNotificationsSent
    }
  }
`);

/** What both forms take besides their recipients. */
const notificationBody = {
  type: {
    type: 'string',
    required: true,
    description:
      'The game’s own type: `game.<name>`, 1 to 64 lower-case letters, digits and `_ . -` after `game.` (e.g. `game.match_found`).',
  },
  message: {
    type: 'string',
    required: true,
    minLength: 1,
    maxLength: MAX_GAME_MESSAGE_LENGTH,
    description: 'What the player reads.',
  },
  payload: {
    type: 'object',
    maxBytes: MAX_GAME_PAYLOAD_BYTES,
    description: 'Anything the game needs with it (a JSON object), passed on as is.',
  },
  expires_in_seconds: {
    type: 'body-integer',
    minimum: MIN_GAME_EXPIRY_SECONDS,
    maximum: MAX_GAME_EXPIRY_SECONDS,
    description: 'After this many seconds it is no longer listed nor counted. Without it, it stays like any other.',
  },
} as const;

/** The mutation's variables, from the recipients and the body both forms share. */
function variablesOf(
  userIds: string[],
  body: {
    type: string;
    message: string;
    payload: { [key: string]: unknown } | null;
    expires_in_seconds: number | null;
  },
) {
  return {
    userIds,
    type: body.type,
    message: body.message,
    payload: body.payload,
    expiresInSeconds: body.expires_in_seconds,
  };
}

export const gameNotificationSchemas: Record<string, JsonSchema> = {
  GameNotificationsSent: object({
    message: string(),
    sent: integer({ minimum: 1, description: 'How many users got it.' }),
    notifications: array(
      object({
        user_id: string({ description: 'The recipient (`client_user_id`).' }),
        notification_id: publicId('The notification the recipient got.'),
      }),
      { description: 'One per recipient, in the order of `user_ids`.' },
    ),
  }),
};

export const gameNotificationRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/users/:userId/notifications',
    pathUser: 'recipient',
    tag: 'Game notifications',
    summary: 'Send a user a notification of the game’s own type',
    description:
      'A service token only (a user token gets `403 SERVICE_TOKEN_REQUIRED`). The user lists it with its other notifications, counts it as unread, receives it live (`notificationAdded`), and marks it read or deletes it like any other; once it expires it is neither listed nor counted.',
    body: notificationBody,
    operation: SendGameNotificationOperation,
    variables: ({ params, body }) => variablesOf([params.userId], body),
    success: { statuses: [201], description: 'Sent: the notification.', schema: ref('Notification') },
    respond: (result) => ({ status: 201, body: notificationJson(result.notifications[0]!.notification) }),
    errors: sendGameNotification.failures,
  }),
  route({
    method: 'POST',
    path: '/v1/notifications',
    tag: 'Game notifications',
    summary: 'Send many users a notification of the game’s own type',
    description: `A service token only. One notification to each of up to ${MAX_GAME_RECIPIENTS} users of the tenant, committed in one transaction: all get it, or (an unknown user, \`404 USER_NOT_FOUND\` naming it) none does. Draws once on the backend’s write budget.`,
    body: {
      user_ids: {
        type: 'string-array',
        itemsAre: 'user id strings',
        minItems: 1,
        maxItems: MAX_GAME_RECIPIENTS,
        description: 'The recipients (`client_user_id`s), each once.',
      },
      ...notificationBody,
    },
    operation: SendGameNotificationsOperation,
    variables: ({ body }) => variablesOf(body.user_ids, body),
    success: { statuses: [201], description: 'Sent to every user named.', schema: ref('GameNotificationsSent') },
    respond: (result) => ({
      status: 201,
      body: {
        message: result.message,
        sent: result.sent,
        notifications: result.notifications.map((n) => ({
          user_id: n.userId,
          notification_id: Number(n.notification.id),
        })),
      },
    }),
    errors: sendGameNotification.failures,
  }),
];
