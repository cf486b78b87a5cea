import { graphql } from '../../gql/index.js';
import { declaredEnumValue } from '../../graphql/enums.js';
import { enumValues } from '../../platform/enums.js';
import {
  array,
  dateTime,
  integer,
  type JsonSchema,
  nullable,
  object,
  ref,
  string,
  stringEnum,
} from '../../rest/json-schema.js';
import { ok, okWith, page, pagination, publicId, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import { DEFAULT_MUTUAL_CONNECTIONS_PER_PAGE, listMutualConnections } from './mutual.service.js';
import { listRelationships, MAX_RELATIONSHIP_IDS, RELATIONSHIP_STATUSES } from './relationships.service.js';
import { DEFAULT_SUGGESTIONS_PER_PAGE, listConnectionSuggestions, SUGGESTION_REASONS } from './suggestions.service.js';

const RelationshipsOperation = graphql(`
  query RestRelationships($userId: ID!, $userIds: [ID!]!) {
    relationships(userId: $userId, userIds: $userIds) {
      __typename
      ...RestError
      ... on RelationshipList { relationships { userId status connectionId requestId } }
    }
  }
`);

const MutualConnectionsOperation = graphql(`
  query RestMutualConnections($userId: ID!, $otherUserId: ID!, $page: Int, $perPage: Int) {
    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on MutualConnectionPage {
        nodes { ...RestUser }
        total
        pagination { ...RestPagination }
      }
    }
  }
`);

const ConnectionSuggestionsOperation = graphql(`
  query RestConnectionSuggestions($userId: ID!, $page: Int, $perPage: Int) {
    connectionSuggestions(userId: $userId, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on ConnectionSuggestionPage {
        nodes { user { ...RestUser } mutualCount reason playedTogetherAt }
        pagination { ...RestPagination }
      }
    }
  }
`);

/**
 * How one user stands with another as lists of users carry it (player search, recent players):
 * every field present, null when it does not apply.
 */
export const relationshipStateSchema: JsonSchema = object({
  status: stringEnum(enumValues(RELATIONSHIP_STATUSES)),
  connection_id: nullable(publicId('The connection, when `connected`.')),
  request_id: nullable(publicId('The pending request, when `request_sent` or `request_received`.')),
});

export function relationshipStateBody(r: { status: string; connectionId?: string | null; requestId?: string | null }) {
  return {
    status: declaredEnumValue(r.status),
    connection_id: r.connectionId == null ? null : Number(r.connectionId),
    request_id: r.requestId == null ? null : Number(r.requestId),
  };
}

export const discoverySchemas: Record<string, JsonSchema> = {
  Relationship: object(
    {
      user_id: string({ description: 'The user id as asked for.' }),
      status: stringEnum(enumValues(RELATIONSHIP_STATUSES)),
      connection_id: publicId('The connection, when `connected`.'),
      request_id: publicId('The pending request, when `request_sent` or `request_received`.'),
    },
    { optional: ['connection_id', 'request_id'] },
  ),
};

/** Beyond the documented API. */
export const discoveryRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/connections/:userId/status',
    tag: 'Discovery',
    summary: 'Relationship status with many users',
    description: 'One answer per id asked for, in the same order. Reads only.',
    body: {
      user_ids: {
        type: 'string-array',
        itemsAre: 'user id strings',
        minItems: 1,
        maxItems: MAX_RELATIONSHIP_IDS,
        description: 'The users to look up (`client_user_id`s).',
      },
    },
    operation: RelationshipsOperation,
    variables: ({ params, body }) => ({ userId: params.userId, userIds: body.user_ids }),
    success: okWith(object({ relationships: array(ref('Relationship')) }), 'The relationships.'),
    respond: (result) =>
      ok({
        relationships: result.relationships.map((r) => ({
          user_id: r.userId,
          status: declaredEnumValue(r.status),
          ...(r.connectionId != null && { connection_id: Number(r.connectionId) }),
          ...(r.requestId != null && { request_id: Number(r.requestId) }),
        })),
      }),
    errors: listRelationships.failures,
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/mutual/:otherId',
    tag: 'Discovery',
    summary: 'List mutual connections',
    description: 'The users connected to both.',
    query: pageParams(DEFAULT_MUTUAL_CONNECTIONS_PER_PAGE),
    operation: MutualConnectionsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      otherUserId: params.otherId,
      page: query.page,
      perPage: query.per_page,
    }),
    success: okWith(
      page('mutual_connections', ref('User'), { total: integer({ minimum: 0 }) }),
      'A page of mutual connections.',
    ),
    respond: (page) =>
      ok({ mutual_connections: page.nodes.map(user), total: page.total, pagination: pagination(page.pagination) }),
    errors: listMutualConnections.failures,
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/suggestions',
    tag: 'Discovery',
    summary: 'Suggest users to connect with',
    description:
      'Friends of friends and players recently played with, by how many connections they share with the user (a recent match counting as one more), then the most recently met; each with why (`reason`).',
    query: pageParams(DEFAULT_SUGGESTIONS_PER_PAGE),
    operation: ConnectionSuggestionsOperation,
    variables: ({ params, query }) => ({ userId: params.userId, page: query.page, perPage: query.per_page }),
    success: okWith(
      page(
        'suggestions',
        object({
          user: ref('User'),
          mutual_count: integer({ minimum: 0 }),
          reason: stringEnum(enumValues(SUGGESTION_REASONS)),
          played_together_at: nullable(dateTime()),
        }),
      ),
      'A page of suggestions.',
    ),
    respond: (page) =>
      ok({
        suggestions: page.nodes.map((s) => ({
          user: user(s.user),
          mutual_count: s.mutualCount,
          reason: declaredEnumValue(s.reason),
          played_together_at: s.playedTogetherAt ?? null,
        })),
        pagination: pagination(page.pagination),
      }),
    errors: listConnectionSuggestions.failures,
  }),
];
