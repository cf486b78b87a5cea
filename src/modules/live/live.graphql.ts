import { GraphQLError } from 'graphql';
import { clientMessage } from '../../graphql/argument-labels.js';
import { builder } from '../../graphql/builder.js';
import { type Context, requireViewer } from '../../graphql/context.js';
import { DomainError, RateLimitedError } from '../../platform/errors.js';
import { ConnectionRequestRef } from '../connection-requests/connection-requests.graphql.js';
import { ConnectionRef } from '../connections/connections.graphql.js';
import { NotificationRef } from '../notifications/notifications.graphql.js';
import { actingUserArg, UserRef } from '../users/users.graphql.js';
import { openConnectionFeed, openNotificationFeed } from './live.service.js';
import { type ConnectionEvent, connectionEventStream, type Liveness, notificationStream } from './streams.js';

/**
 * A subscription has no result union to carry an expected failure, so the domain's errors
 * reach the client as GraphQL errors with the same `code` (FORBIDDEN, USER_NOT_FOUND, …).
 */
export async function orGraphQLError<T>(open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof DomainError) {
      const retryAfterSeconds = error instanceof RateLimitedError ? error.retryAfterSeconds : undefined;
      throw new GraphQLError(clientMessage(error), {
        extensions: { code: error.code, ...(retryAfterSeconds !== undefined && { retryAfterSeconds }) },
      });
    }
    throw error;
  }
}

export function livenessOf(context: Context): Liveness {
  return { stallMs: context.subscriptionStallMs, onStall: context.disconnectSlowConsumer };
}

builder.subscriptionField('notificationAdded', (t) =>
  t.field({
    type: NotificationRef,
    description:
      'Every notification the user receives, as it commits. With `after` (the id of the last notification the client has), first every notification committed since, in order, then live: no gap, no duplicate.',
    args: {
      ...actingUserArg,
      after: t.arg.id({
        description:
          'Resume after this notification of the user (its id), or at the liveCursor of a notifications page.',
      }),
    },
    subscribe: (_root, args, context) =>
      orGraphQLError(async () => {
        const { user, afterSeq } = await openNotificationFeed(context, requireViewer(context), args);
        return notificationStream(context.db, context.hub, user, afterSeq, livenessOf(context));
      }),
    resolve: (notification) => notification,
  }),
);

const ConnectionCreatedEvent = builder
  .objectRef<Extract<ConnectionEvent, { type: 'created' }>>('ConnectionCreatedEvent')
  .implement({
    description: 'A connection of the user was created (both users receive it).',
    fields: (t) => ({ connection: t.field({ type: ConnectionRef, resolve: (event) => event.connection }) }),
  });

const ConnectionRemovedEvent = builder
  .objectRef<Extract<ConnectionEvent, { type: 'removed' }>>('ConnectionRemovedEvent')
  .implement({
    description: 'A connection of the user was removed (both users receive it).',
    fields: (t) => ({
      connectionId: t.id({ resolve: (event, _args, context) => context.ids.encode('connection', event.connectionId) }),
      connectedUser: t.field({
        type: UserRef,
        description: 'The user on the other side of the removed connection.',
        resolve: (event, _args, context) => context.loaders.user.load(event.otherUserId),
      }),
    }),
  });

const UnreadCountChangedEvent = builder
  .objectRef<Extract<ConnectionEvent, { type: 'unread' }>>('UnreadCountChangedEvent')
  .implement({
    description: 'The number of unread notifications of the user; sent first on subscribing, then on every change.',
    fields: (t) => ({ unreadCount: t.exposeInt('unreadCount') }),
  });

const ConnectionsResyncEvent = builder
  .objectRef<Extract<ConnectionEvent, { type: 'resync' }>>('ConnectionsResyncEvent')
  .implement({
    description:
      'The server’s event feed was interrupted (a database restart, a lost connection): connections created or removed meanwhile may not have been announced. Re-read the connections list. The unread count follows as usual.',
    fields: (t) => ({
      reason: t.string({ resolve: () => 'Live connection events may have been missed; re-read the connections list.' }),
    }),
  });

const ConnectionRequestClosedEvent = builder
  .objectRef<Extract<ConnectionEvent, { type: 'request_closed' }>>('ConnectionRequestClosedEvent')
  .implement({
    description:
      'A pending request between the user and another left the pending state without an answer: its sender withdrew it (status CANCELLED) or it expired (EXPIRED). Both users receive it; a UI removes it from its incoming or outgoing list.',
    fields: (t) => ({ request: t.field({ type: ConnectionRequestRef, resolve: (event) => event.request }) }),
  });

const BlockChangedEvent = builder
  .objectRef<Extract<ConnectionEvent, { type: 'block_changed' }>>('BlockChangedEvent')
  .implement({
    description:
      'The user blocked or unblocked another user (from any of their sessions). Sent to the user only, never to the other side.',
    fields: (t) => ({
      user: t.field({
        type: UserRef,
        description: 'The user who was blocked or unblocked.',
        resolve: (event, _args, context) => context.loaders.user.load(event.otherUserId),
      }),
      blocked: t.exposeBoolean('blocked', { description: 'True for a block, false for an unblock.' }),
    }),
  });

const eventTypes = {
  created: ConnectionCreatedEvent,
  removed: ConnectionRemovedEvent,
  unread: UnreadCountChangedEvent,
  resync: ConnectionsResyncEvent,
  request_closed: ConnectionRequestClosedEvent,
  block_changed: BlockChangedEvent,
} as const;

const ConnectionEventUnion = builder.unionType('ConnectionEvent', {
  types: Object.values(eventTypes),
  resolveType: (event) => eventTypes[event.type],
});

builder.subscriptionField('connectionEvents', (t) =>
  t.field({
    type: ConnectionEventUnion,
    description:
      'Live updates for a friends panel: connections created and removed, requests withdrawn or expired, the unread count, and the user’s own blocks.',
    args: actingUserArg,
    subscribe: (_root, args, context) =>
      orGraphQLError(async () => {
        const user = await openConnectionFeed(context, requireViewer(context), args);
        return connectionEventStream(context.db, context.hub, user, livenessOf(context));
      }),
    resolve: (event) => event,
  }),
);
