import { graphql } from '../../gql/index.js';
import { dateTime, type JsonSchema, nullable, object, ref, string } from '../../rest/json-schema.js';
import { ok, okWith, page, pagination, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import { relationshipStateBody, relationshipStateSchema } from '../discovery/discovery.rest.js';
import { MAX_CLIENT_USER_ID_LENGTH } from '../users/users.service.js';
import {
  DEFAULT_RECENT_PLAYERS_PER_PAGE,
  listRecentPlayers,
  MAX_CONTEXT_LENGTH,
  MAX_MATCH_PLAYERS,
  MAX_RECENT_PLAYERS,
  MIN_MATCH_PLAYERS,
  recordRecentPlayers,
} from './recent-players.service.js';

const RecentPlayersOperation = graphql(`
  query RestRecentPlayers($userId: ID!, $page: Int, $perPage: Int) {
    recentPlayers(userId: $userId, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on RecentPlayerPage {
        nodes {
          user { ...RestUser }
          context
          playedAt
          relationship { status connectionId requestId }
        }
        pagination { ...RestPagination }
      }
    }
  }
`);

const RecordRecentPlayersOperation = graphql(`
  mutation RestRecordRecentPlayers($players: [ID!]!, $context: String, $idempotencyKey: String) {
    recordRecentPlayers(players: $players, context: $context, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on RecordRecentPlayersPayload { message players }
    }
  }
`);

export const recentPlayerSchemas: Record<string, JsonSchema> = {
  RecentPlayer: object({
    client_user_id: string(),
    display_name: string(),
    context: nullable(string({ maxLength: MAX_CONTEXT_LENGTH })),
    played_at: dateTime(),
    relationship: relationshipStateSchema,
  }),
};

/** Beyond the documented API. */
export const recentPlayerRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/recent-players',
    tag: 'Recent players',
    summary: 'Record who played together',
    description: `A service token only (the game’s backend, after a match): each player then lists the others among its recent players, with \`context\` and this time. All or nothing (an unknown player, \`404 USER_NOT_FOUND\` naming it, records nothing); one transaction whatever the roster. Draws once on the backend’s write budget.`,
    body: {
      players: {
        type: 'string-array',
        itemsAre: 'user id strings',
        minItems: MIN_MATCH_PLAYERS,
        maxItems: MAX_MATCH_PLAYERS,
        items: { minLength: 1, maxLength: MAX_CLIENT_USER_ID_LENGTH },
        description: 'The players (`client_user_id`s), each once.',
      },
      context: {
        type: 'string',
        maxLength: 1024,
        description: `What the match was (\`match-8841\`), at most ${MAX_CONTEXT_LENGTH} characters.`,
      },
    },
    operation: RecordRecentPlayersOperation,
    variables: ({ body }) => ({ players: body.players, context: body.context }),
    success: {
      statuses: [201],
      description: 'Recorded.',
      schema: object({ message: string(), players: { type: 'integer' } }),
    },
    respond: (result) => ({ status: 201, body: { message: result.message, players: result.players } }),
    errors: recordRecentPlayers.failures,
  }),
  route({
    method: 'GET',
    path: '/v1/users/:userId/recent-players',
    tag: 'Recent players',
    summary: 'List recent players',
    description: `Players the user recently played with, most recent first, each once (their latest match), with how the user stands with them; at most the last ${MAX_RECENT_PLAYERS}, kept \`RECENT_PLAYERS_RETENTION_DAYS\` (30 by default). Players with a block either way are left out.`,
    query: pageParams(DEFAULT_RECENT_PLAYERS_PER_PAGE),
    operation: RecentPlayersOperation,
    variables: ({ params, query }) => ({ userId: params.userId, page: query.page, perPage: query.per_page }),
    success: okWith(page('recent_players', ref('RecentPlayer')), 'A page of recent players.'),
    respond: (found) =>
      ok({
        recent_players: found.nodes.map((node) => ({
          ...user(node.user),
          context: node.context ?? null,
          played_at: node.playedAt,
          relationship: relationshipStateBody(node.relationship),
        })),
        pagination: pagination(found.pagination),
      }),
    errors: listRecentPlayers.failures,
  }),
];
