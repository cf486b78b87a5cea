import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { mutationErrors } from '../../graphql/errors.js';
import { SAME_FOR_EVERY_VIEWER } from '../../graphql/subscription-events.js';
import { livenessOf, orGraphQLError } from '../live/live.graphql.js';
import { openConnectionFeed } from '../live/live.service.js';
import { actingUserArg, UserRef } from '../users/users.graphql.js';
import type { UserRow } from '../users/users.table.js';
import { MAX_ACTIVITY_LENGTH, MAX_JOIN_INFO_BYTES, PRESENCE_STATUSES, type PresenceView } from './presence.rules.js';
import { MAX_PRESENCE_TTL_SECONDS, type PresenceAnswer, setPresence } from './presence.service.js';
import { friendPresenceStream } from './presence.stream.js';
import type { FriendPresence } from './presence.watchers.js';

export const PresenceStatusEnum = builder.enumType('PresenceStatus', {
  description: 'Whether a user is connected, and how it wants to be seen.',
  values: graphqlEnumValues(PRESENCE_STATUSES),
});

export const PresenceRef = builder.objectRef<PresenceView>('Presence').implement({
  description:
    'A user’s presence as the caller sees it. Only the user itself, its connections and its tenant’s service tokens see it; to connections an invisible user is offline.',
  fields: (t) => ({
    status: t.field({ type: PresenceStatusEnum, extensions: SAME_FOR_EVERY_VIEWER, resolve: (view) => view.status }),
    activity: t.string({
      extensions: SAME_FOR_EVERY_VIEWER,
      nullable: true,
      description: `What the user is doing, as the game words it (at most ${MAX_ACTIVITY_LENGTH} characters).`,
      resolve: (view) => view.activity,
    }),
    joinInfo: t.field({
      extensions: SAME_FOR_EVERY_VIEWER,
      type: 'JSONObject',
      nullable: true,
      description: 'What a connection needs to join the user’s game (a lobby id, a server), as the game defines it.',
      resolve: (view) => view.joinInfo,
    }),
    lastSeenAt: t.field({
      extensions: SAME_FOR_EVERY_VIEWER,
      type: 'DateTime',
      nullable: true,
      description: 'When the user was last seen online: now while it is, null if never.',
      resolve: (view) => (view.lastSeenAt === null ? null : new Date(view.lastSeenAt)),
    }),
  }),
});

builder.objectField(UserRef, 'presence', (t) =>
  t.field({
    type: PresenceRef,
    nullable: true,
    description:
      'The user’s presence, for the user itself, its connections (unless it shares with nobody) and its tenant’s service tokens; null for anyone else, so strangers and blocked users learn nothing, not even whether it is online.',
    resolve: (user, _args, context) => context.loaders.presence.load(user),
  }),
);

const SetPresencePayload = builder.objectRef<PresenceAnswer>('SetPresencePayload').implement({
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (answer) => answer.user }),
    presence: t.field({ type: PresenceRef, resolve: (answer) => answer.view as PresenceView }),
  }),
});

builder.mutationField('setPresence', (t) =>
  t.field({
    type: SetPresencePayload,
    description:
      'Sets the user’s presence: its status (OFFLINE drops what was set), what it is doing and how to join it. While a socket of the user is open it lasts until changed (or until `expiresInSeconds`); without one the user is online for `expiresInSeconds` (a game server marking a player in a match), else for the grace period. Draws on the write budget.',
    args: {
      ...actingUserArg,
      status: t.arg({ type: PresenceStatusEnum, required: true }),
      activity: t.arg.string({ description: `At most ${MAX_ACTIVITY_LENGTH} characters; null or empty for none.` }),
      joinInfo: t.arg({
        type: 'JSONObject',
        description: `At most ${MAX_JOIN_INFO_BYTES} bytes as JSON; shown only to connections.`,
      }),
      expiresInSeconds: t.arg.int({
        description: `1 to ${MAX_PRESENCE_TTL_SECONDS}: the values set lapse then (status back to ONLINE while a socket is open, else OFFLINE).`,
      }),
    },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => setPresence(context, requireViewer(context), args),
  }),
);

const FriendPresenceEvent = builder.objectRef<FriendPresence>('FriendPresenceEvent').implement({
  description:
    'The presence of one of the user’s connections: on subscribing for each connection not offline, then on each change.',
  fields: (t) => ({
    user: t.field({
      type: UserRef,
      description: 'The connection whose presence this is.',
      extensions: SAME_FOR_EVERY_VIEWER,
      resolve: (event, _args, context) => event.user ?? context.loaders.user.load(event.userId),
    }),
    presence: t.field({
      type: PresenceRef,
      nullable: true,
      description: 'Its presence now; null when it shares its presence with nobody.',
      extensions: SAME_FOR_EVERY_VIEWER,
      resolve: (event) => event.view,
    }),
  }),
});

builder.subscriptionField('friendPresenceChanged', (t) =>
  t.field({
    type: FriendPresenceEvent,
    description:
      'The presence of the user’s connections, live, whichever instance each is connected to: first one event for each connection not offline, then each change (at most one per connection per second, the latest). Connections made meanwhile are followed from then on.',
    args: actingUserArg,
    // Each change reaches all its watchers as one shared event, the same to each of them
    // (they are all connections of the user): its results are computed once (PresenceWatchers).
    extensions: SAME_FOR_EVERY_VIEWER,
    subscribe: (_root, args, context) =>
      orGraphQLError(async () => {
        const user: UserRow = await openConnectionFeed(context, requireViewer(context), args);
        return friendPresenceStream(context, user, livenessOf(context));
      }),
    resolve: (event) => event,
  }),
);
