import { graphql } from '../../gql/index.js';
import { dateTime, type JsonSchema, nullable, object, ref } from '../../rest/json-schema.js';
import { messageBody, ok, okWith, page, pagination, publicId, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import { presenceBody } from '../presence/presence.rest.js';
import { DEFAULT_CONNECTIONS_PER_PAGE, listConnections, removeConnection } from './connections.service.js';

const ActiveConnectionsOperation = graphql(`
  query RestActiveConnections($userId: ID!, $page: Int, $perPage: Int, $presence: ConnectionPresenceFilter) {
    activeConnections(userId: $userId, page: $page, perPage: $perPage, presence: $presence) {
      __typename
      ...RestError
      ... on ConnectionPage {
        nodes { id connectedUser { ...RestUser presence { ...RestPresence } } connectedSince }
        pagination { ...RestPagination }
      }
    }
  }
`);

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
  }),
};

export const connectionRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/connections/:userId/active',
    tag: 'Connections',
    summary: 'List connections',
    description:
      'Newest first, each with the connected user’s presence (null when it shares it with nobody). With `presence=online`, only those not offline, online first.',
    query: {
      ...pageParams(DEFAULT_CONNECTIONS_PER_PAGE),
      presence: {
        type: 'enum',
        values: ['online'],
        description: 'Only connections not offline (online, busy, away), online first.',
      },
    },
    operation: ActiveConnectionsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      page: query.page,
      perPage: query.per_page,
      presence: query.presence,
    }),
    success: okWith(page('connections', ref('Connection')), 'A page of connections.'),
    respond: (page) =>
      ok({
        connections: page.nodes.map((c) => ({
          id: Number(c.id),
          connected_user: user(c.connectedUser),
          connected_since: c.connectedSince,
          presence: presenceBody(c.connectedUser.presence),
        })),
        pagination: pagination(page.pagination),
      }),
    errors: listConnections.failures,
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
