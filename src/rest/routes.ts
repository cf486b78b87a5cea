import type { TypedDocumentString } from '../gql/graphql.js';
import * as op from './operations.js';
import type { Method } from './router.js';
import { RestInputError } from './status.js';

export interface RestInput {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The parsed JSON body; undefined when the request had none. */
  body: unknown;
}

/** What the GraphQL operation's root field returns when it succeeds (its union minus errors). */
type Success<Result> = Exclude<Result[keyof Result], { code: unknown } | null | undefined>;

export interface Route<Result = any, Variables = any> {
  method: Method;
  path: string;
  /** Whether the route reads a JSON body. */
  body?: boolean;
  operation: TypedDocumentString<Result, Variables>;
  variables: (input: RestInput) => Variables;
  respond: (data: Success<Result>) => { status: number; body: unknown };
}

function route<Result, Variables>(definition: Route<Result, Variables>): Route<Result, Variables> {
  return definition;
}

// Query parameters are GraphQL `Int`s: 32-bit, so larger numbers are refused here, not by the engine.
const MAX_INT = 2_147_483_647;

function intParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  // Only the form is checked here; the range is the domain's rule, the same as for GraphQL.
  if (!/^-?\d{1,10}$/.test(raw) || Math.abs(Number(raw)) > MAX_INT) {
    throw new RestInputError('VALIDATION_FAILED', `${name} must be an integer`);
  }
  return Number(raw);
}

function pageParams(query: URLSearchParams) {
  return { page: intParam(query, 'page'), perPage: intParam(query, 'per_page') };
}

const statuses = ['ALL', 'PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED'] as const;

/** The documented lower-case status filter, as the GraphQL enum value. */
function statusParam(query: URLSearchParams): (typeof statuses)[number] {
  const raw = query.get('status');
  if (raw === null || raw === '') return 'ALL';
  // Compared in lower case: upper-casing would turn a dotless ı into I ("pendıng" → PENDING).
  const status = statuses.find((s) => s.toLowerCase() === raw.toLowerCase());
  if (!status)
    throw new RestInputError(
      'VALIDATION_FAILED',
      'status must be one of pending, accepted, declined, cancelled, expired, all',
    );
  return status;
}

function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = query.get(name)?.toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new RestInputError('VALIDATION_FAILED', `${name} must be true or false`);
}

function jsonObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new RestInputError('VALIDATION_FAILED', 'Request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function stringField(body: Record<string, unknown>, name: string, required: true): string;
function stringField(body: Record<string, unknown>, name: string, required: false): string | null;
function stringField(body: Record<string, unknown>, name: string, required: boolean): string | null {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new RestInputError('VALIDATION_FAILED', `${name} is required`);
    return null;
  }
  // Ids may be sent as numbers by clients whose user ids are numeric.
  if (typeof value === 'number' && Number.isInteger(value) && name.endsWith('_id')) return String(value);
  if (typeof value !== 'string') throw new RestInputError('VALIDATION_FAILED', `${name} must be a string`);
  return value;
}

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

const ok = (body: unknown) => ({ status: 200, body });

/** Every documented /v1 path, and the user paths, as GraphQL operations. */
export const routes: Route[] = [
  route({
    method: 'GET',
    path: '/v1/users/:userId',
    operation: op.UserOperation,
    variables: ({ params }) => ({ userId: params.userId! }),
    respond: (u) => ok(userWithCreatedAt(u)),
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId',
    body: true,
    operation: op.UpsertUserOperation,
    variables: ({ params, body }) => ({
      userId: params.userId!,
      displayName: stringField(jsonObject(body), 'display_name', true),
    }),
    respond: (result) => ({ status: result.created ? 201 : 200, body: userWithCreatedAt(result.user) }),
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/request',
    body: true,
    operation: op.SendConnectionRequestOperation,
    variables: ({ params, body }) => {
      const fields = jsonObject(body);
      return {
        userId: params.userId!,
        receiverId: stringField(fields, 'receiver_id', true),
        message: stringField(fields, 'message', false),
      };
    },
    respond: (result) => ({ status: 201, body: { message: result.message, id: Number(result.request.id) } }),
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/accept/:requestId',
    operation: op.AcceptConnectionRequestOperation,
    variables: ({ params }) => ({ userId: params.userId!, requestId: params.requestId! }),
    respond: (result) => ok({ message: result.message }),
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/decline/:requestId',
    operation: op.DeclineConnectionRequestOperation,
    variables: ({ params }) => ({ userId: params.userId!, requestId: params.requestId! }),
    respond: (result) => ok({ message: result.message }),
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/sent',
    operation: op.SentConnectionRequestsOperation,
    variables: ({ params, query }) => ({ userId: params.userId!, status: statusParam(query), ...pageParams(query) }),
    respond: (page) =>
      ok({ requests: page.nodes.map((r) => request(r, r.receiver)), pagination: pagination(page.pagination) }),
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/received',
    operation: op.ReceivedConnectionRequestsOperation,
    variables: ({ params, query }) => ({ userId: params.userId!, status: statusParam(query), ...pageParams(query) }),
    respond: (page) =>
      ok({ requests: page.nodes.map((r) => request(r, r.sender)), pagination: pagination(page.pagination) }),
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/active',
    operation: op.ActiveConnectionsOperation,
    variables: ({ params, query }) => ({ userId: params.userId!, ...pageParams(query) }),
    respond: (page) =>
      ok({
        connections: page.nodes.map((c) => ({
          id: Number(c.id),
          connected_user: user(c.connectedUser),
          connected_since: c.connectedSince,
        })),
        pagination: pagination(page.pagination),
      }),
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/notifications',
    operation: op.NotificationsOperation,
    variables: ({ params, query }) => ({
      userId: params.userId!,
      ...pageParams(query),
      unreadOnly: booleanParam(query, 'unread_only') ?? false,
    }),
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
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/notifications/:notificationId/read',
    operation: op.MarkNotificationReadOperation,
    variables: ({ params }) => ({ userId: params.userId!, notificationId: params.notificationId! }),
    respond: (result) => ok({ message: result.message }),
  }),
  route({
    method: 'DELETE',
    path: '/v1/connections/:userId/:connectionId',
    operation: op.RemoveConnectionOperation,
    variables: ({ params }) => ({ userId: params.userId!, connectionId: params.connectionId! }),
    respond: (result) => ok({ message: result.message }),
  }),
  // Cancel, mark all read, delete a notification (beyond the documented API)
  route({
    method: 'POST',
    path: '/v1/connections/:userId/cancel/:requestId',
    operation: op.CancelConnectionRequestOperation,
    variables: ({ params }) => ({ userId: params.userId!, requestId: params.requestId! }),
    respond: (result) => ok({ message: result.message }),
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/notifications/read',
    operation: op.MarkAllNotificationsReadOperation,
    variables: ({ params }) => ({ userId: params.userId! }),
    respond: (result) => ok({ message: result.message, marked: result.marked }),
  }),
  route({
    method: 'DELETE',
    path: '/v1/connections/:userId/notifications/:notificationId',
    operation: op.DeleteNotificationOperation,
    variables: ({ params }) => ({ userId: params.userId!, notificationId: params.notificationId! }),
    respond: (result) => ok({ message: result.message }),
  }),
  // Blocks, settings and batch status (beyond the documented API)
  route({
    method: 'GET',
    path: '/v1/users/:userId/settings',
    operation: op.SettingsOperation,
    variables: ({ params }) => ({ userId: params.userId! }),
    respond: (settings) => ok(settingsBody(settings)),
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId/settings',
    body: true,
    operation: op.UpdateSettingsOperation,
    variables: ({ params, body }) => ({
      userId: params.userId!,
      acceptRequestsFrom: requestPolicyField(jsonObject(body)),
    }),
    respond: (settings) => ok(settingsBody(settings)),
  }),
  route({
    method: 'GET',
    path: '/v1/users/:userId/blocked',
    operation: op.BlockedUsersOperation,
    variables: ({ params, query }) => ({ userId: params.userId!, ...pageParams(query) }),
    respond: (page) => ok({ blocked: page.nodes.map(blockedUser), pagination: pagination(page.pagination) }),
  }),
  route({
    method: 'PUT',
    path: '/v1/users/:userId/blocked/:otherUserId',
    operation: op.BlockUserOperation,
    variables: ({ params }) => ({ userId: params.userId!, otherUserId: params.otherUserId! }),
    respond: (result) => ({
      status: result.created ? 201 : 200,
      body: { message: result.message, blocked: blockedUser(result.blocked) },
    }),
  }),
  route({
    method: 'DELETE',
    path: '/v1/users/:userId/blocked/:otherUserId',
    operation: op.UnblockUserOperation,
    variables: ({ params }) => ({ userId: params.userId!, otherUserId: params.otherUserId! }),
    respond: (result) => ok({ message: result.message }),
  }),
  route({
    method: 'POST',
    path: '/v1/connections/:userId/status',
    body: true,
    operation: op.RelationshipsOperation,
    variables: ({ params, body }) => ({ userId: params.userId!, userIds: userIdsField(jsonObject(body)) }),
    respond: (result) =>
      ok({
        relationships: result.relationships.map((r) => ({
          user_id: r.userId,
          status: r.status.toLowerCase(),
          ...(r.connectionId != null && { connection_id: Number(r.connectionId) }),
          ...(r.requestId != null && { request_id: Number(r.requestId) }),
        })),
      }),
  }),
  // Mutual connections and suggestions (beyond the documented API)
  route({
    method: 'GET',
    path: '/v1/connections/:userId/mutual/:otherId',
    operation: op.MutualConnectionsOperation,
    variables: ({ params, query }) => ({ userId: params.userId!, otherUserId: params.otherId!, ...pageParams(query) }),
    respond: (page) =>
      ok({ mutual_connections: page.nodes.map(user), total: page.total, pagination: pagination(page.pagination) }),
  }),
  route({
    method: 'GET',
    path: '/v1/connections/:userId/suggestions',
    operation: op.ConnectionSuggestionsOperation,
    variables: ({ params, query }) => ({ userId: params.userId!, ...pageParams(query) }),
    respond: (page) =>
      ok({
        suggestions: page.nodes.map((s) => ({ user: user(s.user), mutual_count: s.mutualCount })),
        pagination: pagination(page.pagination),
      }),
  }),
];

// Blocks, settings and batch status (beyond the documented API)

const requestPolicies = ['everyone', 'friends_of_friends', 'nobody'] as const;

function requestPolicyField(body: Record<string, unknown>): 'EVERYONE' | 'FRIENDS_OF_FRIENDS' | 'NOBODY' {
  const value = body.accept_requests_from;
  const policy = requestPolicies.find((p) => p === value);
  if (!policy) {
    throw new RestInputError('VALIDATION_FAILED', `accept_requests_from must be one of ${requestPolicies.join(', ')}`);
  }
  return policy.toUpperCase() as 'EVERYONE' | 'FRIENDS_OF_FRIENDS' | 'NOBODY';
}

function settingsBody(settings: { acceptRequestsFrom: string }) {
  return { accept_requests_from: settings.acceptRequestsFrom.toLowerCase() };
}

function blockedUser(b: { user: RestUser; blockedAt: string }) {
  return { ...user(b.user), blocked_at: b.blockedAt };
}

/** `user_ids`: a JSON array of string ids; the count (1 to 100) is the domain's rule, as for GraphQL. */
function userIdsField(body: Record<string, unknown>): string[] {
  const value = body.user_ids;
  if (!Array.isArray(value) || !value.every((id) => typeof id === 'string')) {
    throw new RestInputError('VALIDATION_FAILED', 'user_ids must be an array of user id strings');
  }
  return value;
}
