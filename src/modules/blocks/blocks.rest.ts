import { graphql } from '../../gql/index.js';
import { dateTime, type JsonSchema, object, ref, string } from '../../rest/json-schema.js';
import { messageBody, ok, okWith, page, pagination, type RestUser, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import { blockUser, DEFAULT_BLOCKS_PER_PAGE, listBlockedUsers, unblockUser } from './blocks.service.js';

graphql(`
  fragment RestBlockedUser on BlockedUser {
    user { ...RestUser }
    blockedAt
  }
`);

const BlockUserOperation = graphql(`
  mutation RestBlockUser($userId: ID!, $otherUserId: ID!) {
    blockUser(userId: $userId, otherUserId: $otherUserId) {
      __typename
      ...RestError
      ... on BlockUserPayload { message created blocked { ...RestBlockedUser } }
    }
  }
`);

const UnblockUserOperation = graphql(`
  mutation RestUnblockUser($userId: ID!, $otherUserId: ID!) {
    unblockUser(userId: $userId, otherUserId: $otherUserId) {
      __typename
      ...RestError
      ... on UnblockUserPayload { message }
    }
  }
`);

const BlockedUsersOperation = graphql(`
  query RestBlockedUsers($userId: ID!, $page: Int, $perPage: Int) {
    blockedUsers(userId: $userId, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on BlockedUserPage {
        nodes { ...RestBlockedUser }
        pagination { ...RestPagination }
      }
    }
  }
`);

export const blockSchemas: Record<string, JsonSchema> = {
  BlockedUser: object({
    client_user_id: string(),
    display_name: string(),
    blocked_at: dateTime(),
  }),
};

function blockedUser(b: { user: RestUser; blockedAt: string }) {
  return { ...user(b.user), blocked_at: b.blockedAt };
}

/** Beyond the documented API. */
export const blockRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/users/:userId/blocked',
    tag: 'Privacy',
    summary: 'List blocked users',
    description: 'Newest first.',
    query: pageParams(DEFAULT_BLOCKS_PER_PAGE),
    operation: BlockedUsersOperation,
    variables: ({ params, query }) => ({ userId: params.userId, page: query.page, perPage: query.per_page }),
    success: okWith(page('blocked', ref('BlockedUser')), 'A page of blocked users.'),
    respond: (page) => ok({ blocked: page.nodes.map(blockedUser), pagination: pagination(page.pagination) }),
    errors: listBlockedUsers.failures,
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId/blocked/:otherUserId',
    tag: 'Privacy',
    summary: 'Block a user',
    description:
      'Removes any connection and pending request between the two; blocking twice is fine (200 the second time).',
    operation: BlockUserOperation,
    variables: ({ params }) => ({ userId: params.userId, otherUserId: params.otherUserId }),
    success: {
      statuses: [201, 200],
      description: 'Blocked (201), or already blocked (200).',
      schema: object({ message: string(), blocked: ref('BlockedUser') }),
    },
    respond: (result) => ({
      status: result.created ? 201 : 200,
      body: { message: result.message, blocked: blockedUser(result.blocked) },
    }),
    errors: blockUser.failures,
  }),
  route({
    method: 'DELETE',
    path: '/v1/users/:userId/blocked/:otherUserId',
    tag: 'Privacy',
    summary: 'Unblock a user',
    operation: UnblockUserOperation,
    variables: ({ params }) => ({ userId: params.userId, otherUserId: params.otherUserId }),
    success: okWith(messageBody, 'Unblocked.'),
    respond: (result) => ok({ message: result.message }),
    errors: unblockUser.failures,
  }),
];
