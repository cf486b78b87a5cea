import { graphql } from '../../gql/index.js';
import { declaredEnumValue } from '../../graphql/enums.js';
import { enumValues } from '../../platform/enums.js';
import type { EnumInput } from '../../rest/input-schema.js';
import { dateTime, type JsonSchema, nullable, object, ref, string, stringEnum } from '../../rest/json-schema.js';
import { messageBody, ok, okWith, page, pagination, publicId, type RestUser, user } from '../../rest/responses.js';
import { pageParams, type Route, route } from '../../rest/route.js';
import { MAX_CLIENT_USER_ID_LENGTH } from '../users/users.service.js';
import {
  answerConnectionRequest,
  cancelConnectionRequest,
  DEFAULT_REQUESTS_PER_PAGE,
  listConnectionRequests,
  MAX_REQUEST_MESSAGE_LENGTH,
  REQUEST_STATUS_FILTERS,
  sendConnectionRequest,
} from './connection-requests.service.js';
import { REQUEST_STATUSES } from './connection-requests.table.js';

graphql(`
  fragment RestRequest on ConnectionRequest {
    id
    status
    message
    createdAt
    respondedAt
  }
`);

const SendConnectionRequestOperation = graphql(`
  mutation RestSendConnectionRequest(
    $userId: ID!
    $receiverId: ID
    $friendCode: String
    $message: String
    $idempotencyKey: String
  ) {
    sendConnectionRequest(
      userId: $userId
      receiverId: $receiverId
      friendCode: $friendCode
      message: $message
      idempotencyKey: $idempotencyKey
    ) {
      __typename
      ...RestError
      ... on SendConnectionRequestPayload { message request { id } }
    }
  }
`);

const AcceptConnectionRequestOperation = graphql(`
  mutation RestAcceptConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {
    acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on AcceptConnectionRequestPayload { message }
    }
  }
`);

const DeclineConnectionRequestOperation = graphql(`
  mutation RestDeclineConnectionRequest($userId: ID!, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {
    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on DeclineConnectionRequestPayload { message }
    }
  }
`);

const SentConnectionRequestsOperation = graphql(`
  query RestSentConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {
    sentConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on ConnectionRequestPage {
        nodes { ...RestRequest receiver { ...RestUser } }
        pagination { ...RestPagination }
      }
    }
  }
`);

const ReceivedConnectionRequestsOperation = graphql(`
  query RestReceivedConnectionRequests($userId: ID!, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {
    receivedConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {
      __typename
      ...RestError
      ... on ConnectionRequestPage {
        nodes { ...RestRequest sender { ...RestUser } }
        pagination { ...RestPagination }
      }
    }
  }
`);

const CancelConnectionRequestOperation = graphql(`
  mutation RestCancelConnectionRequest($userId: ID!, $requestId: ID!, $idempotencyKey: String) {
    cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      __typename
      ...RestError
      ... on CancelConnectionRequestPayload { message }
    }
  }
`);

export const connectionRequestSchemas: Record<string, JsonSchema> = {
  ConnectionRequest: object({
    id: publicId('The request.'),
    user: {
      ...ref('User'),
      description: 'The other user: the receiver of a sent request, the sender of a received one.',
    },
    status: stringEnum(enumValues(REQUEST_STATUSES)),
    message: nullable(string({ maxLength: MAX_REQUEST_MESSAGE_LENGTH })),
    created_at: dateTime(),
    responded_at: nullable(dateTime()),
  }),
};

const statusFilter = {
  type: 'enum',
  values: enumValues(REQUEST_STATUS_FILTERS),
  default: 'all',
  description: 'Only requests in this status (any case).',
} as const satisfies EnumInput;

type RestRequest = {
  id: string;
  status: string;
  message?: string | null;
  createdAt: string;
  respondedAt?: string | null;
};
const request = (r: RestRequest, other: RestUser) => ({
  id: Number(r.id),
  user: user(other),
  status: declaredEnumValue(r.status),
  message: r.message ?? null,
  created_at: r.createdAt,
  responded_at: r.respondedAt ?? null,
});

export const connectionRequestRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/v1/connections/:userId/request',
    tag: 'Connection requests',
    summary: 'Send a connection request',
    description:
      'Sends the receiver a request, with an optional message; the receiver gets a `new_request` notification.',
    body: {
      receiver_id: {
        type: 'string',
        integerAsString: true,
        alternative: 'friend_code',
        minLength: 1,
        maxLength: MAX_CLIENT_USER_ID_LENGTH,
        description:
          'The user asked (a JSON integer is taken as its decimal string). Required unless `friend_code` is given, and not with it.',
      },
      friend_code: {
        type: 'string',
        maxLength: 64,
        description:
          'Instead of `receiver_id`: the friend code the user asked shared (`7KQ4-M2XD`; any case, dash optional). A code that names no one is `404 FRIEND_CODE_NOT_FOUND` and counts against the sender’s few misses per window (`RATE_LIMIT_USER_FRIEND_CODE_MISSES`). Beyond the documented API.',
      },
      message: { type: 'string', maxLength: MAX_REQUEST_MESSAGE_LENGTH, description: 'Shown to the receiver.' },
    },
    operation: SendConnectionRequestOperation,
    variables: ({ params, body }) => ({
      userId: params.userId,
      receiverId: body.receiver_id,
      friendCode: body.friend_code,
      message: body.message,
    }),
    success: {
      statuses: [201],
      description: 'Sent.',
      schema: object({ message: string(), id: publicId('The new request.') }),
    },
    respond: (result) => ({ status: 201, body: { message: result.message, id: Number(result.request.id) } }),
    errors: sendConnectionRequest.failures,
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/accept/:requestId',
    tag: 'Connection requests',
    summary: 'Accept a received request',
    description: 'Connects the two users; the sender gets a `request_accepted` notification.',
    operation: AcceptConnectionRequestOperation,
    variables: ({ params }) => ({ userId: params.userId, requestId: params.requestId }),
    success: okWith(messageBody, 'Accepted.'),
    respond: (result) => ok({ message: result.message }),
    errors: answerConnectionRequest.failures.accepted,
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/decline/:requestId',
    tag: 'Connection requests',
    summary: 'Decline a received request',
    description:
      'The sender gets a `request_declined` notification, unless `silent`. The body may be left out (a plain decline, as the documented API has it).',
    body: {
      silent: {
        type: 'boolean',
        default: false,
        description:
          'Decline without telling the sender: no `request_declined` notification, no live event. The sender still sees the request `declined` in their sent list. A block declines the blocked user’s pending request exactly this way.',
      },
    },
    operation: DeclineConnectionRequestOperation,
    variables: ({ params, body }) => ({ userId: params.userId, requestId: params.requestId, silent: body.silent }),
    success: okWith(messageBody, 'Declined.'),
    respond: (result) => ok({ message: result.message }),
    errors: answerConnectionRequest.failures.declined,
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/sent',
    tag: 'Connection requests',
    summary: 'List sent requests',
    description: 'Newest first; `user` is the receiver.',
    query: { status: statusFilter, ...pageParams(DEFAULT_REQUESTS_PER_PAGE) },
    operation: SentConnectionRequestsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      status: query.status,
      page: query.page,
      perPage: query.per_page,
    }),
    success: okWith(page('requests', ref('ConnectionRequest')), 'A page of sent requests.'),
    respond: (page) =>
      ok({ requests: page.nodes.map((r) => request(r, r.receiver)), pagination: pagination(page.pagination) }),
    errors: listConnectionRequests.failures,
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/received',
    tag: 'Connection requests',
    summary: 'List received requests',
    description: 'Newest first; `user` is the sender.',
    query: { status: statusFilter, ...pageParams(DEFAULT_REQUESTS_PER_PAGE) },
    operation: ReceivedConnectionRequestsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      status: query.status,
      page: query.page,
      perPage: query.per_page,
    }),
    success: okWith(page('requests', ref('ConnectionRequest')), 'A page of received requests.'),
    respond: (page) =>
      ok({ requests: page.nodes.map((r) => request(r, r.sender)), pagination: pagination(page.pagination) }),
    errors: listConnectionRequests.failures,
  }),
  // Beyond the documented API
  route({
    method: 'POST',
    path: '/v1/connections/:userId/cancel/:requestId',
    tag: 'Connection requests',
    summary: 'Withdraw a sent request',
    description: 'Beyond the documented API. Only the sender, while the request is pending.',
    operation: CancelConnectionRequestOperation,
    variables: ({ params }) => ({ userId: params.userId, requestId: params.requestId }),
    success: okWith(messageBody, 'Withdrawn.'),
    respond: (result) => ok({ message: result.message }),
    errors: cancelConnectionRequest.failures,
  }),
];
