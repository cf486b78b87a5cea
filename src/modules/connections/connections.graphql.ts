import { builder } from '../../graphql/builder.js';
import { requireViewer } from '../../graphql/context.js';
import { graphqlEnumValues } from '../../graphql/enums.js';
import { mutationErrors, userScopedErrors } from '../../graphql/errors.js';
import { pageArgs, pagedList, pageType } from '../../graphql/pagination.js';
import { actingUserArg, UserRef } from '../users/users.graphql.js';
import type { ConnectionEdge } from './connections.repository.js';
import {
  CONNECTION_SORTS,
  DEFAULT_CONNECTIONS_PER_PAGE,
  listConnections,
  removeConnection,
} from './connections.service.js';

export const ConnectionRef = builder.objectRef<ConnectionEdge>('Connection').implement({
  description: 'An accepted connection between two users, seen from one of them.',
  fields: (t) => ({
    id: t.id({ resolve: (edge, _args, context) => context.ids.encode('connection', edge.connection_id) }),
    connectedUser: t.field({
      type: UserRef,
      description: 'The user on the other side.',
      resolve: (edge, _args, context) => context.loaders.user.load(edge.other_user_id),
    }),
    connectedSince: t.field({ type: 'DateTime', resolve: (edge) => edge.created_at }),
  }),
});

const ConnectionPage = pageType('Connection', ConnectionRef);

const ConnectionPresenceFilter = builder.enumType('ConnectionPresenceFilter', {
  description: 'Which connections to list by their presence.',
  values: {
    ONLINE: {
      value: 'online' as const,
      description: 'Only connections not offline (online, busy, away), online first, then busy, then away.',
    },
  },
});

const ConnectionSortEnum = builder.enumType('ConnectionSort', {
  description: 'The order of a list of connections.',
  values: graphqlEnumValues(CONNECTION_SORTS),
});

builder.queryField('activeConnections', (t) =>
  t.field({
    type: ConnectionPage,
    description:
      'The user’s connections, newest first (or favourites first, `sort: FAVORITES`); `favorite` filters by the user’s star; with `presence: ONLINE` only those not offline, online first (a live view: pages shift as friends come and go).',
    extensions: pagedList(DEFAULT_CONNECTIONS_PER_PAGE),
    args: {
      ...actingUserArg,
      ...pageArgs,
      presence: t.arg({ type: ConnectionPresenceFilter, description: 'Filter by presence.' }),
      favorite: t.arg.boolean({ description: 'Only favourites (true), or only the others (false).' }),
      sort: t.arg({
        type: ConnectionSortEnum,
        description: 'NEWEST (the default) or FAVORITES first; a cursor holds to the order it came from.',
      }),
    },
    errors: { types: userScopedErrors },
    resolve: async (_root, args, context) => {
      const viewer = requireViewer(context);
      const page = await listConnections(context, viewer, args);
      // The viewer's own list: their presence needs no check that they are connections.
      if (viewer.role === 'user' && (args.userId ?? viewer.subject) === viewer.subject) {
        for (const edge of page.items) context.loaders.knownConnections.add(edge.other_user_id);
      }
      return page;
    },
  }),
);

const RemoveConnectionPayload = builder.objectRef<{ connectionId: number }>('RemoveConnectionPayload').implement({
  fields: (t) => ({
    message: t.string({ resolve: () => 'Connection removed successfully' }),
    connectionId: t.id({
      resolve: (payload, _args, context) => context.ids.encode('connection', payload.connectionId),
    }),
  }),
});

builder.mutationField('removeConnection', (t) =>
  t.field({
    type: RemoveConnectionPayload,
    description: 'Removes one of the user’s connections for both sides; the two may connect again later.',
    args: { ...actingUserArg, connectionId: t.arg.id({ required: true }) },
    errors: { types: mutationErrors },
    resolve: (_root, args, context) => removeConnection(context, requireViewer(context), args),
  }),
);
