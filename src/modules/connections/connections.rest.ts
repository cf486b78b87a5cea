import { graphql } from '../../gql/index.js';
import { enumValues } from '../../platform/enums.js';
import { boolean, dateTime, type JsonSchema, nullable, object, ref, string } from '../../rest/json-schema.js';
import { messageBody, ok, okWith, page, pagination, publicId, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import {
  MAX_NICKNAME_LENGTH,
  MAX_NOTE_LENGTH,
  updateConnection,
} from '../connection-notes/connection-notes.service.js';
import { presenceBody } from '../presence/presence.rest.js';
import {
  CONNECTION_SORTS,
  DEFAULT_CONNECTIONS_PER_PAGE,
  listConnections,
  removeConnection,
} from './connections.service.js';

const ActiveConnectionsOperation = graphql(`
  query RestActiveConnections(
    $userId: ID!
    $page: Int
    $perPage: Int
    $presence: ConnectionPresenceFilter
    $favorite: Boolean
    $sort: ConnectionSort
  ) {
    activeConnections(
      userId: $userId
      page: $page
      perPage: $perPage
      presence: $presence
      favorite: $favorite
      sort: $sort
    ) {
      __typename
      ...RestError
      ... on ConnectionPage {
        nodes { ...RestConnection }
        pagination { ...RestPagination }
      }
    }
  }
`);

graphql(`
  fragment RestConnection on Connection {
    id
    connectedUser { ...RestUser presence { ...RestPresence } }
    connectedSince
    nickname
    note
    favorite
  }
`);

const UpdateConnectionOperation = graphql(`
  mutation RestUpdateConnection($userId: ID!, $connectionId: ID!, $nickname: String, $note: String, $favorite: Boolean) {
    updateConnection(userId: $userId, connectionId: $connectionId, nickname: $nickname, note: $note, favorite: $favorite) {
      __typename
      ...RestError
      ... on Connection { ...RestConnection }
    }
  }
`);

type RestConnection = {
  id: string;
  connectedUser: Parameters<typeof user>[0] & { presence?: Parameters<typeof presenceBody>[0] };
  connectedSince: string;
  nickname?: string | null;
  note?: string | null;
  favorite: boolean;
};

const connectionBody = (c: RestConnection) => ({
  id: Number(c.id),
  connected_user: user(c.connectedUser),
  connected_since: c.connectedSince,
  presence: presenceBody(c.connectedUser.presence ?? null),
  nickname: c.nickname ?? null,
  note: c.note ?? null,
  favorite: c.favorite,
});

const RemoveConnectionOperation = graphql(`
  mutation RestRemoveConnection($userId: ID!, $connectionId: ID!) {
    removeConnection(userId: $userId, connectionId: $connectionId) {
      __typename
      ...RestError
      ... on RemoveConnectionPayload { message }
    }
  }
`);

export const connectionSchemas: Record<string, JsonSchema> = {
  Connection: object({
    id: publicId('The connection (what `DELETE /v1/connections/{userId}/{connectionId}` takes).'),
    connected_user: ref('User'),
    connected_since: dateTime(),
    presence: nullable(ref('Presence')),
    nickname: nullable(
      string({
        maxLength: MAX_NICKNAME_LENGTH,
        description: 'The name this user gave the other; private to this user.',
      }),
    ),
    note: nullable(
      string({ maxLength: MAX_NOTE_LENGTH, description: 'This user’s note about the other; private to this user.' }),
    ),
    favorite: boolean({ description: 'Whether this user starred the other; private to this user.' }),
  }),
};

export const connectionRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/connections/:userId/active',
    tag: 'Connections',
    summary: 'List connections',
    description:
      'Newest first (or favourites first, `sort=favorites`), each with the connected user’s presence (null when it shares it with nobody) and what this user keeps about them (`nickname`, `note`, `favorite`: private to this user). With `presence=online`, only those not offline, online first; `favorite` filters by the star.',
    query: {
      ...pageParams(DEFAULT_CONNECTIONS_PER_PAGE),
      presence: {
        type: 'enum',
        values: ['online'],
        description: 'Only connections not offline (online, busy, away), online first.',
      },
      favorite: { type: 'boolean', description: 'Only favourites (`true`), or only the others (`false`).' },
      sort: {
        type: 'enum',
        values: enumValues(CONNECTION_SORTS),
        default: 'newest',
        description: 'Newest first, or favourites first (each part newest first).',
      },
    },
    operation: ActiveConnectionsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      page: query.page,
      perPage: query.per_page,
      presence: query.presence,
      favorite: query.favorite,
      sort: query.sort,
    }),
    success: okWith(page('connections', ref('Connection')), 'A page of connections.'),
    respond: (page) =>
      ok({
        connections: page.nodes.map(connectionBody),
        pagination: pagination(page.pagination),
      }),
    errors: listConnections.failures,
  }),
  route({
    method: 'PATCH',
    path: '/v1/connections/:userId/:connectionId',
    tag: 'Connections',
    summary: 'Set a nickname, note or star',
    description:
      'Sets what the user keeps about the other side of one of its connections. Only this user ever sees them (not the other user, nor in the other’s lists); they go with the connection. A field left out stays as it is; `null` or `""` clears a nickname or note. Beyond the documented API.',
    body: {
      nickname: {
        type: 'string',
        nullClears: true,
        maxLength: 256,
        description: `At most ${MAX_NICKNAME_LENGTH} characters, one line.`,
      },
      note: {
        type: 'string',
        nullClears: true,
        maxLength: 1024,
        description: `At most ${MAX_NOTE_LENGTH} characters.`,
      },
      favorite: { type: 'boolean', description: 'Star (`true`) or unstar (`false`).' },
    },
    operation: UpdateConnectionOperation,
    variables: ({ params, body }) => ({
      userId: params.userId,
      connectionId: params.connectionId,
      nickname: body.nickname ?? undefined,
      note: body.note ?? undefined,
      favorite: body.favorite,
    }),
    success: okWith(ref('Connection'), 'The connection as this user now sees it.'),
    respond: (connection) => ok(connectionBody(connection)),
    errors: updateConnection.failures,
  }),
  route({
    method: 'DELETE',
    path: '/v1/connections/:userId/:connectionId',
    tag: 'Connections',
    summary: 'Remove a connection',
    description: 'The two may connect again.',
    operation: RemoveConnectionOperation,
    variables: ({ params }) => ({ userId: params.userId, connectionId: params.connectionId }),
    success: okWith(messageBody, 'Removed.'),
    respond: (result) => ok({ message: result.message }),
    errors: removeConnection.failures,
  }),
];
