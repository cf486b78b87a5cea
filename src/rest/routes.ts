import { GraphQLEnumType } from 'graphql';
import type { TypedDocumentString } from '../gql/graphql.js';
import { schema as graphqlSchema } from '../graphql/schema.js';
import { DEFAULT_BLOCKS_PER_PAGE } from '../modules/blocks/blocks.service.js';
import {
  DEFAULT_REQUESTS_PER_PAGE,
  MAX_REQUEST_MESSAGE_LENGTH,
} from '../modules/connection-requests/connection-requests.service.js';
import { DEFAULT_CONNECTIONS_PER_PAGE } from '../modules/connections/connections.service.js';
import { DEFAULT_MUTUAL_CONNECTIONS_PER_PAGE } from '../modules/discovery/mutual.service.js';
import { MAX_RELATIONSHIP_IDS } from '../modules/discovery/relationships.service.js';
import { DEFAULT_SUGGESTIONS_PER_PAGE } from '../modules/discovery/suggestions.service.js';
import type { ErrorCode } from '../modules/error-catalog.js';
import { DEFAULT_NOTIFICATIONS_PER_PAGE } from '../modules/notifications/notifications.service.js';
import { MAX_CLIENT_USER_ID_LENGTH, MAX_DISPLAY_NAME_LENGTH } from '../modules/users/users.service.js';
import { MAX_PER_PAGE } from '../platform/pagination.js';
import { PUBLIC_ID_BASE, PUBLIC_ID_LIMIT } from '../platform/public-ids.js';
import {
  type BodySchema,
  type EnumInput,
  type IntegerInput,
  type ParsedInput,
  pathParamNames,
  type QuerySchema,
} from './input-schema.js';
import {
  array,
  boolean,
  dateTime,
  integer,
  type JsonSchema,
  nullable,
  object,
  ref,
  string,
  stringEnum,
} from './json-schema.js';
import * as op from './operations.js';
import type { Method } from './router.js';

/** What the GraphQL operation's root field returns when it succeeds (its union minus errors). */
type Success<Result> = Exclude<Result[keyof Result], { code: unknown } | null | undefined>;

/**
 * One REST route: the GraphQL operation behind it, its inputs as data (query parameters and
 * JSON body fields, parsed by the shim from these declarations), how the parsed input becomes
 * the operation's variables, how the result becomes the documented JSON, and what the OpenAPI
 * document says about it (generated from these same declarations by `openapi.ts`).
 */
export interface Route<
  Result = any,
  Variables = any,
  Path extends string = string,
  Query extends QuerySchema = QuerySchema,
  Body extends BodySchema = BodySchema,
> {
  method: Method;
  /** `:name` segments are path parameters, described in `PATH_PARAMS` (see `pathParamOf`). */
  path: Path;
  /**
   * What the path's `:userId` names. `acting` (the default): the user the call acts as, whom a
   * user token may only be itself; the shim refuses any other (403 FORBIDDEN) before reading the
   * input. `looked-up`: a user whose public profile any caller of the tenant may read; the
   * domain's lookup (`lookUpUser`) decides, and no 403 applies.
   */
  pathUser?: 'acting' | 'looked-up';
  summary: string;
  description?: string;
  tag: Tag;
  /** Query parameters, parsed and documented in this order. */
  query?: Query;
  /** The JSON object body's fields, when the route reads a body. */
  body?: Body;
  operation: TypedDocumentString<Result, Variables>;
  variables(input: ParsedInput<Path, Query, Body>): Variables;
  /** The statuses a success is answered with, and its body. */
  success: { statuses: readonly number[]; description: string; schema: JsonSchema };
  respond(data: Success<Result>): { status: number; body: unknown };
  /**
   * The error codes of this route's own rules. Those every route may answer (authentication,
   * validation, database outage) and those that follow from the route's kind (a body, a write,
   * an idempotency key) are added by the document's generator.
   */
  errors: readonly ErrorCode[];
}

function route<
  Result,
  Variables,
  const Path extends string,
  const Query extends QuerySchema = Record<never, never>,
  const Body extends BodySchema = Record<never, never>,
>(definition: Route<Result, Variables, Path, Query, Body>): Route<Result, Variables, Path, Query, Body> {
  return definition;
}

/** The document's tags, in order, with what they group. */
export const TAGS = {
  Users: 'Players as the game backend registers them.',
  'Connection requests': 'Asking to connect, and answering.',
  Connections: 'The connections of a user.',
  Notifications: 'What happened to a user: requests received, answered, withdrawn.',
  Privacy: 'Who may send a user requests, and whom a user blocks (beyond the documented API).',
  Discovery: 'Relationship status, mutual connections and suggestions (beyond the documented API).',
} as const;
export type Tag = keyof typeof TAGS;

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const publicIdParam = (what: string): JsonSchema =>
  string({
    description: `The ${what}'s id, as returned by the API: an integer below 2^53 (ids issued before ids had kinds, below 2^52, are still accepted).`,
    pattern: '^(0|[1-9][0-9]{0,15})$',
  });

const userIdParam = (description: string): JsonSchema =>
  string({ description, minLength: 1, maxLength: MAX_CLIENT_USER_ID_LENGTH });

/** Every path parameter of the table, by name (`userId` as most routes take it: the acting user). */
export const PATH_PARAMS: Record<string, JsonSchema> = {
  userId: userIdParam(
    "The user acting (the game's `client_user_id`). A user token may only name its own user; a service token any user of its tenant.",
  ),
  requestId: publicIdParam('connection request'),
  connectionId: publicIdParam('connection'),
  notificationId: publicIdParam('notification'),
  otherUserId: userIdParam('The other user (`client_user_id`).'),
  otherId: userIdParam('The other user (`client_user_id`).'),
};

const LOOKED_UP_USER_PARAM = userIdParam(
  "The user looked up (the game's `client_user_id`): any user of the caller's tenant, whatever token calls.",
);

/**
 * Whether the route acts as the user its path names: then only that user's own token, or a
 * service token of its tenant, may call it. The shim checks this before anything else (403
 * FORBIDDEN), and the OpenAPI document lists the 403.
 */
export function actsAsPathUser(route: Route): boolean {
  return pathParamNames(route.path).includes('userId') && route.pathUser !== 'looked-up';
}

/** The schema and description of the route's path parameter `name`, undefined for an undescribed one. */
export function pathParamOf(route: Route, name: string): JsonSchema | undefined {
  if (name === 'userId' && route.pathUser === 'looked-up') return LOOKED_UP_USER_PARAM;
  return PATH_PARAMS[name];
}

const pageParams = (defaultPerPage: number) =>
  ({
    page: { type: 'integer', minimum: 1, default: 1, description: 'Page number, from 1.' },
    per_page: {
      type: 'integer',
      minimum: 1,
      maximum: MAX_PER_PAGE,
      default: defaultPerPage,
      description: 'Items per page.',
    },
  }) satisfies Record<string, IntegerInput>;

const statusFilter = {
  type: 'enum',
  values: ['pending', 'accepted', 'declined', 'cancelled', 'expired', 'all'],
  default: 'all',
  description: 'Only requests in this status (any case).',
} as const satisfies EnumInput;

const REQUEST_POLICIES = ['everyone', 'friends_of_friends', 'nobody'] as const;

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/** The values of a GraphQL enum as the REST face writes them (lower case). */
function graphqlEnumValues(name: string): string[] {
  const type = graphqlSchema.getType(name);
  if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not an enum of the GraphQL schema`);
  return type.getValues().map((value) => value.name.toLowerCase());
}

const publicId = (description: string) =>
  integer({ minimum: PUBLIC_ID_BASE, maximum: PUBLIC_ID_LIMIT - 1, description });

/** The response bodies' shared schemas, published as `components.schemas`. */
export const SCHEMAS: Record<string, JsonSchema> = {
  User: object({
    client_user_id: string({ description: "The game's id of the user." }),
    display_name: string(),
  }),
  UserProfile: object({
    client_user_id: string({ description: "The game's id of the user." }),
    display_name: string({ minLength: 1, maxLength: MAX_DISPLAY_NAME_LENGTH }),
    created_at: dateTime(),
  }),
  Pagination: object({
    current_page: integer({ minimum: 1 }),
    total_pages: integer({ minimum: 0 }),
    total_items: integer({ minimum: 0 }),
    per_page: integer({ minimum: 1, maximum: MAX_PER_PAGE }),
  }),
  Message: object({ message: string({ description: 'What was done, for people.' }) }),
  ConnectionRequest: object({
    id: publicId('The request.'),
    user: {
      ...ref('User'),
      description: 'The other user: the receiver of a sent request, the sender of a received one.',
    },
    status: stringEnum(graphqlEnumValues('ConnectionRequestStatus')),
    message: nullable(string({ maxLength: MAX_REQUEST_MESSAGE_LENGTH })),
    created_at: dateTime(),
    responded_at: nullable(dateTime()),
  }),
  Connection: object({
    id: publicId('The connection (what `DELETE /v1/connections/{userId}/{connectionId}` takes).'),
    connected_user: ref('User'),
    connected_since: dateTime(),
  }),
  Notification: object({
    id: publicId('The notification.'),
    type: stringEnum(graphqlEnumValues('NotificationType')),
    connection_request_id: publicId('The request the notification is about.'),
    other_user: ref('User'),
    message: string(),
    timestamp: dateTime(),
    read: boolean(),
  }),
  Settings: object({ accept_requests_from: stringEnum(REQUEST_POLICIES) }),
  BlockedUser: object({
    client_user_id: string(),
    display_name: string(),
    blocked_at: dateTime(),
  }),
  Relationship: object(
    {
      user_id: string({ description: 'The user id as asked for.' }),
      status: stringEnum(graphqlEnumValues('RelationshipStatus')),
      connection_id: publicId('The connection, when `connected`.'),
      request_id: publicId('The pending request, when `request_sent` or `request_received`.'),
    },
    { optional: ['connection_id', 'request_id'] },
  ),
};

const messageBody = ref('Message');

type RestUser = { clientUserId: string; displayName: string };
const user = (u: RestUser) => ({ client_user_id: u.clientUserId, display_name: u.displayName });
const userWithCreatedAt = (u: RestUser & { createdAt: string }) => ({ ...user(u), created_at: u.createdAt });

type RestPagination = { currentPage: number; totalPages: number; totalItems: number; perPage: number };
/** Lists asked for by page always carry `pagination`; the engine leaves it out only for cursor paging. */
function pagination(p: RestPagination | null | undefined) {
  if (!p) throw new Error('pagination missing from a page-number list');
  return { current_page: p.currentPage, total_pages: p.totalPages, total_items: p.totalItems, per_page: p.perPage };
}

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
  status: r.status.toLowerCase(),
  message: r.message ?? null,
  created_at: r.createdAt,
  responded_at: r.respondedAt ?? null,
});

function settingsBody(settings: { acceptRequestsFrom: string }) {
  return { accept_requests_from: settings.acceptRequestsFrom.toLowerCase() };
}

function blockedUser(b: { user: RestUser; blockedAt: string }) {
  return { ...user(b.user), blocked_at: b.blockedAt };
}

const ok = (body: unknown) => ({ status: 200, body });
const okWith = (schema: JsonSchema, description: string) => ({ statuses: [200], description, schema });
const page = (items: string, schema: JsonSchema, extra: Record<string, JsonSchema> = {}) =>
  object({ [items]: array(schema), ...extra, pagination: ref('Pagination') });

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

/** Every documented /v1 path, and the paths beyond it, as GraphQL operations. */
export const routes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/users/:userId',
    pathUser: 'looked-up',
    tag: 'Users',
    summary: "Get a user's public profile",
    description:
      "Any user of the caller's tenant, for a user token as for a service token: what a game UI shows on a profile card or before sending a request. The answer is the same whatever blocks there are between the caller and the user. A user that does not exist, or exists only in another tenant, is `404 USER_NOT_FOUND` alike.",
    operation: op.UserOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(ref('UserProfile'), "The user's public profile."),
    respond: (u) => ok(userWithCreatedAt(u)),
    errors: ['USER_NOT_FOUND'],
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
    operation: op.UpsertUserOperation,
    variables: ({ params, body }) => ({ userId: params.userId, displayName: body.display_name }),
    success: { statuses: [201, 200], description: 'Created (201) or renamed (200).', schema: ref('UserProfile') },
    respond: (result) => ({ status: result.created ? 201 : 200, body: userWithCreatedAt(result.user) }),
    errors: [],
  }),
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
        required: true,
        integerAsString: true,
        minLength: 1,
        maxLength: MAX_CLIENT_USER_ID_LENGTH,
        description: 'The user asked (a JSON integer is taken as its decimal string).',
      },
      message: { type: 'string', maxLength: MAX_REQUEST_MESSAGE_LENGTH, description: 'Shown to the receiver.' },
    },
    operation: op.SendConnectionRequestOperation,
    variables: ({ params, body }) => ({ userId: params.userId, receiverId: body.receiver_id, message: body.message }),
    success: {
      statuses: [201],
      description: 'Sent.',
      schema: object({ message: string(), id: publicId('The new request.') }),
    },
    respond: (result) => ({ status: 201, body: { message: result.message, id: Number(result.request.id) } }),
    errors: [
      'USER_NOT_FOUND',
      'CANNOT_CONNECT_TO_SELF',
      'REQUESTS_NOT_ACCEPTED',
      'ALREADY_CONNECTED',
      'REQUEST_ALREADY_PENDING',
      'TOO_MANY_PENDING_REQUESTS',
      'CONNECTION_LIMIT_REACHED',
      'USER_BLOCKED',
      'REQUEST_COOLDOWN',
    ],
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/accept/:requestId',
    tag: 'Connection requests',
    summary: 'Accept a received request',
    description: 'Connects the two users; the sender gets a `request_accepted` notification.',
    operation: op.AcceptConnectionRequestOperation,
    variables: ({ params }) => ({ userId: params.userId, requestId: params.requestId }),
    success: okWith(messageBody, 'Accepted.'),
    respond: (result) => ok({ message: result.message }),
    errors: [
      'USER_NOT_FOUND',
      'CONNECTION_REQUEST_NOT_FOUND',
      'NOT_REQUEST_RECEIVER',
      'REQUEST_ALREADY_PROCESSED',
      'CONNECTION_LIMIT_REACHED',
    ],
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
    operation: op.DeclineConnectionRequestOperation,
    variables: ({ params, body }) => ({ userId: params.userId, requestId: params.requestId, silent: body.silent }),
    success: okWith(messageBody, 'Declined.'),
    respond: (result) => ok({ message: result.message }),
    errors: ['USER_NOT_FOUND', 'CONNECTION_REQUEST_NOT_FOUND', 'NOT_REQUEST_RECEIVER', 'REQUEST_ALREADY_PROCESSED'],
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/sent',
    tag: 'Connection requests',
    summary: 'List sent requests',
    description: 'Newest first; `user` is the receiver.',
    query: { status: statusFilter, ...pageParams(DEFAULT_REQUESTS_PER_PAGE) },
    operation: op.SentConnectionRequestsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      status: query.status,
      page: query.page,
      perPage: query.per_page,
    }),
    success: okWith(page('requests', ref('ConnectionRequest')), 'A page of sent requests.'),
    respond: (page) =>
      ok({ requests: page.nodes.map((r) => request(r, r.receiver)), pagination: pagination(page.pagination) }),
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/received',
    tag: 'Connection requests',
    summary: 'List received requests',
    description: 'Newest first; `user` is the sender.',
    query: { status: statusFilter, ...pageParams(DEFAULT_REQUESTS_PER_PAGE) },
    operation: op.ReceivedConnectionRequestsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      status: query.status,
      page: query.page,
      perPage: query.per_page,
    }),
    success: okWith(page('requests', ref('ConnectionRequest')), 'A page of received requests.'),
    respond: (page) =>
      ok({ requests: page.nodes.map((r) => request(r, r.sender)), pagination: pagination(page.pagination) }),
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/active',
    tag: 'Connections',
    summary: 'List connections',
    description: 'Newest first.',
    query: pageParams(DEFAULT_CONNECTIONS_PER_PAGE),
    operation: op.ActiveConnectionsOperation,
    variables: ({ params, query }) => ({ userId: params.userId, page: query.page, perPage: query.per_page }),
    success: okWith(page('connections', ref('Connection')), 'A page of connections.'),
    respond: (page) =>
      ok({
        connections: page.nodes.map((c) => ({
          id: Number(c.id),
          connected_user: user(c.connectedUser),
          connected_since: c.connectedSince,
        })),
        pagination: pagination(page.pagination),
      }),
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/notifications',
    tag: 'Notifications',
    summary: 'List notifications',
    description: 'Newest first, with the count of unread ones.',
    query: {
      ...pageParams(DEFAULT_NOTIFICATIONS_PER_PAGE),
      unread_only: {
        type: 'boolean',
        default: false,
        description: 'Only unread notifications (`true`/`1`, `false`/`0`).',
      },
    },
    operation: op.NotificationsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId,
      page: query.page,
      perPage: query.per_page,
      unreadOnly: query.unread_only,
    }),
    success: okWith(
      page('notifications', ref('Notification'), { unread_count: integer({ minimum: 0 }) }),
      'A page of notifications.',
    ),
    respond: (page) =>
      ok({
        notifications: page.nodes.map((n) => ({
          id: Number(n.id),
          type: n.type.toLowerCase(),
          connection_request_id: Number(n.connectionRequestId),
          other_user: user(n.otherUser),
          message: n.message,
          timestamp: n.timestamp,
          read: n.read,
        })),
        unread_count: page.unreadCount,
        pagination: pagination(page.pagination),
      }),
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/notifications/:notificationId/read',
    tag: 'Notifications',
    summary: 'Mark a notification read',
    description: 'Marking one twice is fine.',
    operation: op.MarkNotificationReadOperation,
    variables: ({ params }) => ({ userId: params.userId, notificationId: params.notificationId }),
    success: okWith(messageBody, 'Marked read.'),
    respond: (result) => ok({ message: result.message }),
    errors: ['USER_NOT_FOUND', 'NOTIFICATION_NOT_FOUND'],
  }),
  route({
    method: 'DELETE',
    path: '/v1/connections/:userId/:connectionId',
    tag: 'Connections',
    summary: 'Remove a connection',
    description: 'The two may connect again.',
    operation: op.RemoveConnectionOperation,
    variables: ({ params }) => ({ userId: params.userId, connectionId: params.connectionId }),
    success: okWith(messageBody, 'Removed.'),
    respond: (result) => ok({ message: result.message }),
    errors: ['USER_NOT_FOUND', 'CONNECTION_NOT_FOUND'],
  }),
  // Cancel, mark all read, delete a notification (beyond the documented API)
  route({
    method: 'POST',
    path: '/v1/connections/:userId/cancel/:requestId',
    tag: 'Connection requests',
    summary: 'Withdraw a sent request',
    description: 'Beyond the documented API. Only the sender, while the request is pending.',
    operation: op.CancelConnectionRequestOperation,
    variables: ({ params }) => ({ userId: params.userId, requestId: params.requestId }),
    success: okWith(messageBody, 'Withdrawn.'),
    respond: (result) => ok({ message: result.message }),
    errors: ['USER_NOT_FOUND', 'CONNECTION_REQUEST_NOT_FOUND', 'NOT_REQUEST_SENDER', 'REQUEST_ALREADY_PROCESSED'],
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/notifications/read',
    tag: 'Notifications',
    summary: 'Mark all notifications read',
    description: 'Beyond the documented API.',
    operation: op.MarkAllNotificationsReadOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(
      object({ message: string(), marked: integer({ minimum: 0, description: 'How many were unread.' }) }),
      'Marked read.',
    ),
    respond: (result) => ok({ message: result.message, marked: result.marked }),
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'DELETE',
    path: '/v1/connections/:userId/notifications/:notificationId',
    tag: 'Notifications',
    summary: 'Delete a notification',
    description: 'Beyond the documented API.',
    operation: op.DeleteNotificationOperation,
    variables: ({ params }) => ({ userId: params.userId, notificationId: params.notificationId }),
    success: okWith(messageBody, 'Deleted.'),
    respond: (result) => ok({ message: result.message }),
    errors: ['USER_NOT_FOUND', 'NOTIFICATION_NOT_FOUND'],
  }),
  // Blocks, settings and batch status (beyond the documented API)
  route({
    method: 'GET',
    path: '/v1/users/:userId/settings',
    tag: 'Privacy',
    summary: 'Get privacy settings',
    operation: op.SettingsOperation,
    variables: ({ params }) => ({ userId: params.userId }),
    success: okWith(ref('Settings'), 'The settings.'),
    respond: (settings) => ok(settingsBody(settings)),
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId/settings',
    tag: 'Privacy',
    summary: 'Change privacy settings',
    description: 'Who may send the user requests; others are refused with `REQUESTS_NOT_ACCEPTED`.',
    body: { accept_requests_from: { type: 'enum', values: REQUEST_POLICIES, required: true } },
    operation: op.UpdateSettingsOperation,
    variables: ({ params, body }) => ({ userId: params.userId, acceptRequestsFrom: body.accept_requests_from }),
    success: okWith(ref('Settings'), 'The settings as changed.'),
    respond: (settings) => ok(settingsBody(settings)),
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'GET',
    path: '/v1/users/:userId/blocked',
    tag: 'Privacy',
    summary: 'List blocked users',
    description: 'Newest first.',
    query: pageParams(DEFAULT_BLOCKS_PER_PAGE),
    operation: op.BlockedUsersOperation,
    variables: ({ params, query }) => ({ userId: params.userId, page: query.page, perPage: query.per_page }),
    success: okWith(page('blocked', ref('BlockedUser')), 'A page of blocked users.'),
    respond: (page) => ok({ blocked: page.nodes.map(blockedUser), pagination: pagination(page.pagination) }),
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId/blocked/:otherUserId',
    tag: 'Privacy',
    summary: 'Block a user',
    description:
      'Removes any connection and pending request between the two; blocking twice is fine (200 the second time).',
    operation: op.BlockUserOperation,
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
    errors: ['USER_NOT_FOUND', 'CANNOT_BLOCK_SELF'],
  }),
  route({
    method: 'DELETE',
    path: '/v1/users/:userId/blocked/:otherUserId',
    tag: 'Privacy',
    summary: 'Unblock a user',
    operation: op.UnblockUserOperation,
    variables: ({ params }) => ({ userId: params.userId, otherUserId: params.otherUserId }),
    success: okWith(messageBody, 'Unblocked.'),
    respond: (result) => ok({ message: result.message }),
    errors: ['USER_NOT_FOUND', 'BLOCK_NOT_FOUND'],
  }),
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
    operation: op.RelationshipsOperation,
    variables: ({ params, body }) => ({ userId: params.userId, userIds: body.user_ids }),
    success: okWith(object({ relationships: array(ref('Relationship')) }), 'The relationships.'),
    respond: (result) =>
      ok({
        relationships: result.relationships.map((r) => ({
          user_id: r.userId,
          status: r.status.toLowerCase(),
          ...(r.connectionId != null && { connection_id: Number(r.connectionId) }),
          ...(r.requestId != null && { request_id: Number(r.requestId) }),
        })),
      }),
    errors: ['USER_NOT_FOUND'],
  }),
  // Mutual connections and suggestions (beyond the documented API)
  route({
    method: 'GET',
    path: '/v1/connections/:userId/mutual/:otherId',
    tag: 'Discovery',
    summary: 'List mutual connections',
    description: 'The users connected to both.',
    query: pageParams(DEFAULT_MUTUAL_CONNECTIONS_PER_PAGE),
    operation: op.MutualConnectionsOperation,
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
    errors: ['USER_NOT_FOUND'],
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/suggestions',
    tag: 'Discovery',
    summary: 'Suggest users to connect with',
    description: 'Friends of friends, by how many connections they share with the user.',
    query: pageParams(DEFAULT_SUGGESTIONS_PER_PAGE),
    operation: op.ConnectionSuggestionsOperation,
    variables: ({ params, query }) => ({ userId: params.userId, page: query.page, perPage: query.per_page }),
    success: okWith(
      page('suggestions', object({ user: ref('User'), mutual_count: integer({ minimum: 1 }) })),
      'A page of suggestions.',
    ),
    respond: (page) =>
      ok({
        suggestions: page.nodes.map((s) => ({ user: user(s.user), mutual_count: s.mutualCount })),
        pagination: pagination(page.pagination),
      }),
    errors: ['USER_NOT_FOUND'],
  }),
];
