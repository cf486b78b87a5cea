import { graphql } from '../../gql/index.js';
import { type JsonSchema, nullable, object, ref } from '../../rest/json-schema.js';
import { ok, okWith, page, pagination, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import { relationshipStateBody, relationshipStateSchema } from '../discovery/discovery.rest.js';
import {
  DEFAULT_RESULTS_PER_PAGE,
  MAX_QUERY_LENGTH,
  MAX_RESULTS,
  MIN_QUERY_LENGTH,
  searchPlayers,
} from './player-search.service.js';

const SearchUsersOperation = graphql(`
  query RestSearchUsers($userId: ID, $query: String!, $page: Int, $perPage: Int) {
    searchUsers(userId: $userId, query: $query, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on FoundUserPage {
        nodes {
          user { ...RestUser }
          relationship { status connectionId requestId }
        }
        pagination { ...RestPagination }
      }
    }
  }
`);

export const playerSearchSchemas: Record<string, JsonSchema> = {
  FoundUser: object({
    client_user_id: { type: 'string' },
    display_name: { type: 'string' },
    relationship: nullable(relationshipStateSchema),
  }),
};

export const playerSearchRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/users',
    tag: 'Users',
    summary: 'Search players by name',
    description: `Users of the caller's tenant whose display name matches \`query\`, the best ${MAX_RESULTS} at most, best first: names starting with it (alphabetically), then names with a word starting with it, then names holding it, then (4 characters or more) names within a typo of it; case and accents do not matter. Each comes with the searching user's \`relationship\` to it (the statuses of \`POST /v1/connections/{user_id}/status\`; a block by the user found is never shown). Beyond the documented API.`,
    query: {
      query: {
        type: 'text',
        required: true,
        description: `${MIN_QUERY_LENGTH} to ${MAX_QUERY_LENGTH} characters of a display name.`,
      },
      user_id: {
        type: 'text',
        description:
          'The user searching (a service token only; a user token searches as its own user). Without it a service token searches as no one: `relationship` is null.',
      },
      ...pageParams(DEFAULT_RESULTS_PER_PAGE),
    },
    operation: SearchUsersOperation,
    variables: ({ query }) => ({
      userId: query.user_id,
      query: query.query,
      page: query.page,
      perPage: query.per_page,
    }),
    success: okWith(page('users', ref('FoundUser')), 'A page of players, best match first.'),
    respond: (found) =>
      ok({
        users: found.nodes.map((node) => ({
          ...user(node.user),
          relationship: node.relationship && relationshipStateBody(node.relationship),
        })),
        pagination: pagination(found.pagination),
      }),
    errors: searchPlayers.failures,
  }),
];
