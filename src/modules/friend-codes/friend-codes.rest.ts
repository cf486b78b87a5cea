import { graphql } from '../../gql/index.js';
import { dateTime, type JsonSchema, object, ref, string } from '../../rest/json-schema.js';
import { ok, okWith } from '../../rest/responses.js';
import { type Route, route } from '../../rest/route.js';
import { getFriendCode, rotateFriendCode } from './friend-codes.service.js';

const FriendCodeOperation = graphql(`
  query RestFriendCode($userId: ID!) {
    friendCode(userId: $userId) {
      __typename
      ...RestError
      ... on FriendCode { value createdAt }
    }
  }
`);

const RotateFriendCodeOperation = graphql(`
  mutation RestRotateFriendCode($userId: ID!, $idempotencyKey: String) {
    rotateFriendCode(userId: $userId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on RotateFriendCodePayload { message friendCode { value createdAt } }
    }
  }
`);

const friendCode = string({
  description: 'As users write it: 8 characters without look-alikes, `7KQ4-M2XD`.',
  pattern: '^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$',
});

export const friendCodeSchemas: Record<string, JsonSchema> = {
  FriendCode: object({ friend_code: friendCode, created_at: dateTime() }),
};

const body = (code: { value: string; createdAt: string }) => ({ friend_code: code.value, created_at: code.createdAt });

/** Beyond the documented API. */
export const friendCodeRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/users/:userId/friend-code',
    tag: 'Users',
    summary: 'Get a friend code',
    description:
      'The user’s friend code, to read out or share: others may send it a request by code (`POST /v1/connections/{user_id}/request` with `friend_code`). Made the first time it is asked for; only the user itself and the game’s backend may read it.',
    operation: FriendCodeOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(ref('FriendCode'), 'The friend code.'),
    respond: (code) => ok(body(code)),
    errors: getFriendCode.failures,
  }),
  route({
    method: 'POST',
    path: '/v1/users/:userId/friend-code/rotate',
    tag: 'Users',
    summary: 'Replace a friend code',
    description:
      'Gives the user a new friend code; the old one names no one from this moment (a request sent with it is `404 FRIEND_CODE_NOT_FOUND`).',
    operation: RotateFriendCodeOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(
      object({ message: string(), friend_code: friendCode, created_at: dateTime() }),
      'The new friend code.',
    ),
    respond: (result) => ok({ message: result.message, ...body(result.friendCode) }),
    errors: rotateFriendCode.failures,
  }),
];
