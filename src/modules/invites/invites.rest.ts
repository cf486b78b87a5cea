import type { RestInviteFragment } from '../../gql/graphql.js';
import { graphql } from '../../gql/index.js';
import { declaredEnumValue } from '../../graphql/enums.js';
import { enumValues } from '../../platform/enums.js';
import type { EnumInput } from '../../rest/input-schema.js';
import { array, dateTime, type JsonSchema, nullable, object, ref, string, stringEnum } from '../../rest/json-schema.js';
import { messageBody, ok, okWith, page, pagination, publicId, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import { MAX_JOIN_INFO_BYTES } from '../presence/presence.rules.js';
import {
  answerInvite,
  cancelInvite,
  DEFAULT_INVITE_EXPIRY_SECONDS,
  DEFAULT_INVITES_PER_PAGE,
  INVITE_DIRECTIONS,
  INVITE_STATUS_FILTERS,
  listInvites,
  MAX_INVITE_EXPIRY_SECONDS,
  MAX_INVITE_MESSAGE_LENGTH,
  MAX_INVITE_RECEIVERS,
  MIN_INVITE_EXPIRY_SECONDS,
  sendInvite,
} from './invites.service.js';
import { INVITE_STATUSES } from './invites.table.js';

graphql(`
  fragment RestInvite on Invite {
    id
    sender { ...RestUser }
    receiver { ...RestUser }
    status
    message
    joinInfo
    createdAt
    expiresAt
    respondedAt
  }
`);

const SendInviteOperation = graphql(`
  mutation RestSendInvite(
    $userId: ID!
    $receiverIds: [ID!]!
    $message: String
    $joinInfo: JSONObject!
    $expiresInSeconds: Int
    $idempotencyKey: String
  ) {
    sendInvite(
      userId: $userId
      receiverIds: $receiverIds
      message: $message
      joinInfo: $joinInfo
      expiresInSeconds: $expiresInSeconds
      idempotencyKey: $idempotencyKey
    ) {
      __typename
      ...RestError
      ... on SendInvitePayload { message invites { ...RestInvite } }
    }
  }
`);

const AcceptInviteOperation = graphql(`
  mutation RestAcceptInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {
    acceptInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on AcceptInvitePayload { message joinInfo invite { id } }
    }
  }
`);

const DeclineInviteOperation = graphql(`
  mutation RestDeclineInvite($userId: ID!, $inviteId: ID!, $silent: Boolean, $idempotencyKey: String) {
    declineInvite(userId: $userId, inviteId: $inviteId, silent: $silent, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on DeclineInvitePayload { message }
    }
  }
`);

const CancelInviteOperation = graphql(`
  mutation RestCancelInvite($userId: ID!, $inviteId: ID!, $idempotencyKey: String) {
    cancelInvite(userId: $userId, inviteId: $inviteId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on CancelInvitePayload { message }
    }
  }
`);

const InvitesOperation = graphql(`
  query RestInvites(
    $userId: ID!
    $direction: InviteDirection
    $status: InviteStatusFilter
    $page: Int
    $perPage: Int
  ) {
    invites(userId: $userId, direction: $direction, status: $status, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on InvitePage {
        nodes { ...RestInvite }
        pagination { ...RestPagination }
      }
    }
  }
`);

export const inviteSchemas: Record<string, JsonSchema> = {
  Invite: object({
    id: publicId('The invite.'),
    sender: ref('User'),
    receiver: ref('User'),
    status: stringEnum(enumValues(INVITE_STATUSES)),
    message: nullable(string({ maxLength: MAX_INVITE_MESSAGE_LENGTH })),
    join_info: { type: 'object', description: 'What the receiver needs to join, as the game defines it.' },
    created_at: dateTime(),
    expires_at: { ...dateTime(), description: 'After this the invite can no longer be accepted.' },
    responded_at: nullable(dateTime()),
  }),
};

export function inviteJson(invite: RestInviteFragment) {
  return {
    id: Number(invite.id),
    sender: user(invite.sender),
    receiver: user(invite.receiver),
    status: declaredEnumValue(invite.status),
    message: invite.message ?? null,
    join_info: invite.joinInfo,
    created_at: invite.createdAt,
    expires_at: invite.expiresAt,
    responded_at: invite.respondedAt ?? null,
  };
}

const statusFilter = {
  type: 'enum',
  values: enumValues(INVITE_STATUS_FILTERS),
  default: 'all',
  description: 'Only invites in this status (any case); `pending` are those that can still be answered.',
} as const satisfies EnumInput;

const directionFilter = {
  type: 'enum',
  values: enumValues(INVITE_DIRECTIONS),
  default: 'received',
  description: 'Invites the user received, or those it sent.',
} as const satisfies EnumInput;

export const inviteRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/connections/:userId/invites',
    tag: 'Invites',
    summary: 'Invite connections to play',
    description: `Each receiver gets an invite and a \`game_invite\` notification carrying it, delivered live. Only connections may be invited: a receiver who is not one, has blocked the user or takes no invites fails the whole call with \`403 INVITES_NOT_ACCEPTED\` (naming it), and nothing is sent. A pending invite the user sent a receiver before is withdrawn by the new one. Draws once on the send budget.`,
    body: {
      receiver_ids: {
        type: 'string-array',
        itemsAre: 'user id strings',
        minItems: 1,
        maxItems: MAX_INVITE_RECEIVERS,
        description: 'The connections invited (`client_user_id`s), each once.',
      },
      message: {
        type: 'string',
        maxLength: MAX_INVITE_MESSAGE_LENGTH,
        description: 'Shown to the receivers (a default names the sender).',
      },
      join_info: {
        type: 'object',
        required: true,
        maxBytes: MAX_JOIN_INFO_BYTES,
        description: 'What a receiver needs to join (a lobby id, a server address), as the game defines it.',
      },
      expires_in_seconds: {
        type: 'body-integer',
        minimum: MIN_INVITE_EXPIRY_SECONDS,
        maximum: MAX_INVITE_EXPIRY_SECONDS,
        description: `How long the invite can be accepted (default ${DEFAULT_INVITE_EXPIRY_SECONDS}).`,
      },
    },
    operation: SendInviteOperation,
    variables: ({ params, body }) => ({
      userId: params.userId,
      receiverIds: body.receiver_ids,
      message: body.message,
      joinInfo: body.join_info,
      expiresInSeconds: body.expires_in_seconds,
    }),
    success: {
      statuses: [201],
      description: 'Sent.',
      schema: object({
        message: string(),
        invites: array(ref('Invite'), { description: 'One per receiver, in the order of `receiver_ids`.' }),
      }),
    },
    respond: (result) => ({ status: 201, body: { message: result.message, invites: result.invites.map(inviteJson) } }),
    errors: sendInvite.failures,
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/invites',
    tag: 'Invites',
    summary: 'List invites',
    description: 'Newest first.',
    query: { direction: directionFilter, status: statusFilter, ...pageParams(DEFAULT_INVITES_PER_PAGE) },
    operation: InvitesOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      direction: query.direction,
      status: query.status,
      page: query.page,
      perPage: query.per_page,
    }),
    success: okWith(page('invites', ref('Invite')), 'A page of invites.'),
    respond: (page) => ok({ invites: page.nodes.map(inviteJson), pagination: pagination(page.pagination) }),
    errors: listInvites.failures,
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/invites/:inviteId/accept',
    tag: 'Invites',
    summary: 'Accept a received invite',
    description:
      'Answers the join info; the sender gets an `invite_accepted` notification. An expired invite cannot be accepted (`409 INVITE_EXPIRED`).',
    operation: AcceptInviteOperation,
    variables: ({ params }) => ({ userId: params.userId, inviteId: params.inviteId }),
    success: okWith(
      object({
        message: string(),
        invite_id: publicId('The invite accepted.'),
        join_info: { type: 'object', description: 'What the game needs to join.' },
      }),
      'Accepted.',
    ),
    respond: (result) =>
      ok({ message: result.message, invite_id: Number(result.invite.id), join_info: result.joinInfo }),
    errors: answerInvite.failures,
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/invites/:inviteId/decline',
    tag: 'Invites',
    summary: 'Decline a received invite',
    description: 'The sender gets an `invite_declined` notification, unless `silent`. The body may be left out.',
    body: {
      silent: {
        type: 'boolean',
        default: false,
        description: 'Decline without telling the sender (the invite still reads `declined` to it).',
      },
    },
    operation: DeclineInviteOperation,
    variables: ({ params, body }) => ({ userId: params.userId, inviteId: params.inviteId, silent: body.silent }),
    success: okWith(messageBody, 'Declined.'),
    respond: (result) => ok({ message: result.message }),
    errors: answerInvite.failures,
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/invites/:inviteId/cancel',
    tag: 'Invites',
    summary: 'Withdraw a sent invite',
    description: 'Only its sender, while it is pending; the receiver’s `game_invite` notification no longer counts.',
    operation: CancelInviteOperation,
    variables: ({ params }) => ({ userId: params.userId, inviteId: params.inviteId }),
    success: okWith(messageBody, 'Withdrawn.'),
    respond: (result) => ok({ message: result.message }),
    errors: cancelInvite.failures,
  }),
];
