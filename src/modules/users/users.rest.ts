import { graphql } from '../../gql/index.js';
import { dateTime, type JsonSchema, object, ref, string } from '../../rest/json-schema.js';
import { ok, okWith, type RestUser, user } from '../../rest/responses.js';
import { type Route, route } from '../../rest/route.js';
import { lookUpUser, MAX_DISPLAY_NAME_LENGTH, upsertUser } from './users.service.js';

const UserOperation = graphql(`
  query RestUser($userId: ID!) {
    user(userId: $userId) {
      __typename
      ...RestError
      ... on User { ...RestUser createdAt }
    }
  }
`);

const UpsertUserOperation = graphql(`
  mutation RestUpsertUser($userId: ID!, $displayName: String!) {
    upsertUser(userId: $userId, displayName: $displayName) {
      __typename
      ...RestError
      ... on UpsertUserPayload { created user { ...RestUser createdAt } }
    }
  }
`);

export const userSchemas: Record<string, JsonSchema> = {
  UserProfile: object({
    client_user_id: string({ description: "The game's id of the user." }),
    display_name: string({ minLength: 1, maxLength: MAX_DISPLAY_NAME_LENGTH }),
    created_at: dateTime(),
  }),
};

const userWithCreatedAt = (u: RestUser & { createdAt: string }) => ({ ...user(u), created_at: u.createdAt });

export const userRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/users/:userId',
    pathUser: 'looked-up',
    tag: 'Users',
    summary: "Get a user's public profile",
    description:
      "Any user of the caller's tenant, for a user token as for a service token: what a game UI shows on a profile card or before sending a request. The answer is the same whatever blocks there are between the caller and the user. A user that does not exist, or exists only in another tenant, is `404 USER_NOT_FOUND` alike.",
    operation: UserOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(ref('UserProfile'), "The user's public profile."),
    respond: (u) => ok(userWithCreatedAt(u)),
    errors: lookUpUser.failures,
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId',
    tag: 'Users',
    summary: 'Create or rename a user',
    description:
      'Registers the user (201) or renames it (200). A service token of the tenant, or the user itself. The display name is trimmed.',
    body: {
      display_name: { type: 'string', required: true, minLength: 1, maxLength: MAX_DISPLAY_NAME_LENGTH },
    },
    operation: UpsertUserOperation,
    variables: ({ params, body }) => ({ userId: params.userId, displayName: body.display_name }),
    success: { statuses: [201, 200], description: 'Created (201) or renamed (200).', schema: ref('UserProfile') },
    respond: (result) => ({ status: result.created ? 201 : 200, body: userWithCreatedAt(result.user) }),
    errors: upsertUser.failures,
  }),
];
