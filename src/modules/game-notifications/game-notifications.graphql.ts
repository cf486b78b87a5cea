import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { mutationErrors } from '../../graphql/errors.js';
import { NotificationRef } from '../notifications/notifications.graphql.js';
import { idempotencyKeyArg } from '../users/users.graphql.js';
import {
  MAX_GAME_EXPIRY_SECONDS,
  MAX_GAME_MESSAGE_LENGTH,
  MAX_GAME_PAYLOAD_BYTES,
  MAX_GAME_RECIPIENTS,
  MIN_GAME_EXPIRY_SECONDS,
  type SentGameNotifications,
  sendGameNotification,
} from './game-notifications.service.js';

const SentGameNotification = builder
  .objectRef<SentGameNotifications['sent'][number]>('SentGameNotification')
  .implement({
    description: 'The notification one recipient got.',
    fields: (t) => ({
      userId: t.id({ description: 'The recipient (its clientUserId).', resolve: (s) => s.user.client_user_id }),
      notification: t.field({ type: NotificationRef, resolve: (s) => s.notification }),
    }),
  });

const SendGameNotificationPayload = builder.objectRef<SentGameNotifications>('SendGameNotificationPayload').implement({
  fields: (t) => ({
    message: t.string({
      resolve: (r) => `Notification sent to ${r.sent.length} user${r.sent.length === 1 ? '' : 's'}`,
    }),
    sent: t.int({ description: 'How many users got it.', resolve: (r) => r.sent.length }),
    notifications: t.field({
      type: [SentGameNotification],
      description: 'One per recipient, in the order of `userIds`.',
      resolve: (r) => r.sent,
    }),
  }),
});

builder.mutationField('sendGameNotification', (t) =>
  t.field({
    type: SendGameNotificationPayload,
    description: `Sends users of the tenant a notification of the game’s own type (service tokens only): listed, counted as unread, delivered live, marked read and deleted like every notification, and no longer listed once it expires. Up to ${MAX_GAME_RECIPIENTS} users in one call, all or none (an unknown user fails the call).`,
    args: {
      userIds: t.arg.idList({
        required: true,
        description: `The recipients’ clientUserIds: 1 to ${MAX_GAME_RECIPIENTS}, each once.`,
      }),
      type: t.arg.string({
        required: true,
        description:
          '`game.<name>`: 1 to 64 lower-case letters, digits and `_ . -` after `game.` (e.g. `game.match_found`).',
      }),
      message: t.arg.string({
        required: true,
        description: `What players read: 1 to ${MAX_GAME_MESSAGE_LENGTH} characters.`,
      }),
      payload: t.arg({
        type: 'JSONObject',
        description: `Anything the game needs with it, at most ${MAX_GAME_PAYLOAD_BYTES} bytes as JSON.`,
      }),
      expiresInSeconds: t.arg.int({
        description: `After this many seconds (${MIN_GAME_EXPIRY_SECONDS} to ${MAX_GAME_EXPIRY_SECONDS}) the notification is no longer listed nor counted. Without it, it stays like any other.`,
      }),
      ...idempotencyKeyArg,
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) =>
      sendGameNotification(context, requireViewer(context), { ...args, userIds: args.userIds.map(String) }),
  }),
);
