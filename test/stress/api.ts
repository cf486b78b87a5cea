import { DOCUMENTED_STATUS_OF_CODE } from '../helpers/documented-errors.js';
import type { Face, RequestPolicy, StatusFilter } from './model.js';

/*
 * The calls the stress test makes, through either face, with the answer normalised to what
 * REST would say: a status, an error code, and the few fields the load and the checks use.
 * GraphQL is called with plain query strings (no generated documents).
 */

export interface Outcome<T = undefined> {
  status: number;
  code?: string;
  /** Body of an unexpected answer (5xx, GraphQL `errors`, a network failure), for the report. */
  detail?: string;
  data?: T;
  /** The body of a successful write as it came (REST JSON; GraphQL, the payload), to compare replays. */
  body?: string;
}

export interface ConnectionItem {
  id: number;
  otherClientId: string;
  since: string;
}

export interface NotificationItem {
  id: number;
  type: string;
  read: boolean;
  requestId: number;
  otherClientId: string;
}

export interface RequestItem {
  id: number;
  senderClientId: string;
  receiverClientId: string;
  status: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  totalPages: number;
}

/** The status REST gives each error code, for GraphQL's typed errors. */
const statusOfCode = DOCUMENTED_STATUS_OF_CODE;

const ERROR_FIELDS = '__typename ... on Error { code message }';

const documents = {
  send: `mutation StressSend($userId: ID, $receiverId: ID!, $message: String, $idempotencyKey: String) {
    r: sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message, idempotencyKey: $idempotencyKey) {
      ${ERROR_FIELDS} ... on SendConnectionRequestPayload { request { id status } }
    }
  }`,
  accept: `mutation StressAccept($userId: ID, $requestId: ID!, $idempotencyKey: String) {
    r: acceptConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      ${ERROR_FIELDS}
      ... on AcceptConnectionRequestPayload {
        request { id status }
        connection { id connectedSince connectedUser { clientUserId } }
      }
    }
  }`,
  decline: `mutation StressDecline($userId: ID, $requestId: ID!, $idempotencyKey: String) {
    r: declineConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      ${ERROR_FIELDS} ... on DeclineConnectionRequestPayload { request { id status } }
    }
  }`,
  cancel: `mutation StressCancel($userId: ID, $requestId: ID!, $idempotencyKey: String) {
    r: cancelConnectionRequest(userId: $userId, requestId: $requestId, idempotencyKey: $idempotencyKey) {
      ${ERROR_FIELDS} ... on CancelConnectionRequestPayload { request { id status } }
    }
  }`,
  block: `mutation StressBlock($userId: ID, $otherUserId: ID!) {
    r: blockUser(userId: $userId, otherUserId: $otherUserId) {
      ${ERROR_FIELDS} ... on BlockUserPayload { created blocked { user { clientUserId } } }
    }
  }`,
  unblock: `mutation StressUnblock($userId: ID, $otherUserId: ID!) {
    r: unblockUser(userId: $userId, otherUserId: $otherUserId) {
      ${ERROR_FIELDS} ... on UnblockUserPayload { user { clientUserId } }
    }
  }`,
  updateSettings: `mutation StressUpdateSettings($userId: ID, $acceptRequestsFrom: RequestPolicy!) {
    r: updateSettings(userId: $userId, acceptRequestsFrom: $acceptRequestsFrom) {
      ${ERROR_FIELDS} ... on Settings { acceptRequestsFrom }
    }
  }`,
  settings: `query StressSettings($userId: ID) {
    r: settings(userId: $userId) { ${ERROR_FIELDS} ... on Settings { acceptRequestsFrom } }
  }`,
  blocked: `query StressBlocked($userId: ID, $page: Int, $perPage: Int) {
    r: blockedUsers(userId: $userId, page: $page, perPage: $perPage) {
      ${ERROR_FIELDS}
      ... on BlockedUserPage {
        totalCount
        pagination { totalItems totalPages }
        nodes { user { clientUserId } blockedAt }
      }
    }
  }`,
  remove: `mutation StressRemove($userId: ID, $connectionId: ID!) {
    r: removeConnection(userId: $userId, connectionId: $connectionId) {
      ${ERROR_FIELDS} ... on RemoveConnectionPayload { connectionId }
    }
  }`,
  markRead: `mutation StressMarkRead($userId: ID, $notificationId: ID!, $idempotencyKey: String) {
    r: markNotificationRead(userId: $userId, notificationId: $notificationId, idempotencyKey: $idempotencyKey) {
      ${ERROR_FIELDS} ... on MarkNotificationReadPayload { notification { id read } }
    }
  }`,
  active: `query StressActive($userId: ID, $page: Int, $perPage: Int) {
    r: activeConnections(userId: $userId, page: $page, perPage: $perPage) {
      ${ERROR_FIELDS}
      ... on ConnectionPage {
        totalCount
        pagination { totalItems totalPages }
        nodes { id connectedSince connectedUser { clientUserId } }
      }
    }
  }`,
  notifications: `query StressNotifications($userId: ID, $page: Int, $perPage: Int, $unreadOnly: Boolean) {
    r: notifications(userId: $userId, page: $page, perPage: $perPage, unreadOnly: $unreadOnly) {
      ${ERROR_FIELDS}
      ... on NotificationPage {
        totalCount
        unreadCount
        pagination { totalItems totalPages }
        nodes { id type read connectionRequestId otherUser { clientUserId } }
      }
    }
  }`,
  received: `query StressReceived($userId: ID, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {
    r: receivedConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {
      ${ERROR_FIELDS}
      ... on ConnectionRequestPage {
        totalCount
        pagination { totalItems totalPages }
        nodes { id status sender { clientUserId } receiver { clientUserId } }
      }
    }
  }`,
  sent: `query StressSent($userId: ID, $status: ConnectionRequestStatusFilter, $page: Int, $perPage: Int) {
    r: sentConnectionRequests(userId: $userId, status: $status, page: $page, perPage: $perPage) {
      ${ERROR_FIELDS}
      ... on ConnectionRequestPage {
        totalCount
        pagination { totalItems totalPages }
        nodes { id status sender { clientUserId } receiver { clientUserId } }
      }
    }
  }`,
};

const short = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** Who makes a call: the acting user, with its own token or with the tenant's service token. */
export interface Caller {
  clientId: string;
  token: string;
  /** Set when `token` is a service token acting as `clientId`. */
  service: boolean;
}

export class StressApi {
  constructor(readonly url: string) {}

  async #rest(
    method: string,
    path: string,
    caller: Caller,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<Outcome<any>> {
    const headers: Record<string, string> = { authorization: `Bearer ${caller.token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.url}${path}`, {
        method,
        headers,
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      text = await response.text();
    } catch (error) {
      return { status: 0, code: 'NETWORK_ERROR', detail: String(error) };
    }
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      return { status: response.status, code: 'NOT_JSON', detail: short(text) };
    }
    if (response.status >= 400) {
      return {
        status: response.status,
        code: parsed?.code,
        ...(response.status >= 500 && { detail: short(parsed ?? text) }),
      };
    }
    return { status: response.status, data: parsed, body: JSON.stringify(parsed) };
  }

  async #graphql(
    document: string,
    variables: Record<string, unknown>,
    caller: Caller,
    idempotencyKey?: string,
  ): Promise<Outcome<any>> {
    const vars = {
      ...variables,
      ...(caller.service && { userId: caller.clientId }),
      ...(idempotencyKey !== undefined && { idempotencyKey }),
    };
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.url}/graphql`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${caller.token}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ query: document, variables: vars }),
      });
      text = await response.text();
    } catch (error) {
      return { status: 0, code: 'NETWORK_ERROR', detail: String(error) };
    }
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      return { status: Math.max(response.status, 500), code: 'NOT_JSON', detail: short(text) };
    }
    if (response.status >= 500 || body?.errors?.length || !body?.data?.r) {
      const code = body?.errors?.[0]?.extensions?.code ?? 'GRAPHQL_ERRORS';
      return { status: Math.max(response.status, 500), code, detail: short(body) };
    }
    const result = body.data.r;
    if (typeof result.code === 'string') {
      return { status: statusOfCode[result.code] ?? 400, code: result.code };
    }
    return { status: 200, data: result, body: JSON.stringify(result) };
  }

  async send(
    face: Face,
    caller: Caller,
    receiverId: string,
    message?: string,
    idempotencyKey?: string,
  ): Promise<Outcome<{ id: number }>> {
    if (face === 'rest') {
      const path = `/v1/connections/${caller.clientId}/request`;
      const outcome = await this.#rest(
        'POST',
        path,
        caller,
        { receiver_id: receiverId, ...(message !== undefined && { message }) },
        idempotencyKey,
      );
      return outcome.data ? { ...outcome, data: { id: Number(outcome.data.id) } } : outcome;
    }
    const variables = { receiverId, message: message ?? null };
    const outcome = await this.#graphql(documents.send, variables, caller, idempotencyKey);
    return outcome.data ? { ...outcome, status: 201, data: { id: Number(outcome.data.request.id) } } : outcome;
  }

  /** Accepts or declines; a GraphQL accept also returns the connection it created. */
  async answer(
    face: Face,
    caller: Caller,
    answer: 'accept' | 'decline',
    requestId: number,
    idempotencyKey?: string,
  ): Promise<Outcome<{ connection?: ConnectionItem }>> {
    if (face === 'rest') {
      const path = `/v1/connections/${caller.clientId}/${answer}/${requestId}`;
      const outcome = await this.#rest('POST', path, caller, undefined, idempotencyKey);
      return outcome.data ? { ...outcome, data: {} } : outcome;
    }
    const outcome = await this.#graphql(documents[answer], { requestId: String(requestId) }, caller, idempotencyKey);
    if (!outcome.data) return outcome;
    const c = outcome.data.connection;
    return {
      ...outcome,
      status: 200,
      data: c
        ? { connection: { id: Number(c.id), otherClientId: c.connectedUser.clientUserId, since: c.connectedSince } }
        : {},
    };
  }

  /** Withdraws a request the caller sent. */
  async cancel(face: Face, caller: Caller, requestId: number, idempotencyKey?: string): Promise<Outcome> {
    if (face === 'rest') {
      const path = `/v1/connections/${caller.clientId}/cancel/${requestId}`;
      const outcome = await this.#rest('POST', path, caller, undefined, idempotencyKey);
      return outcome.data
        ? { status: outcome.status, ...(outcome.body !== undefined && { body: outcome.body }) }
        : outcome;
    }
    const outcome = await this.#graphql(documents.cancel, { requestId: String(requestId) }, caller, idempotencyKey);
    return outcome.data ? { status: 200, ...(outcome.body !== undefined && { body: outcome.body }) } : outcome;
  }

  /** Blocks `otherId`: 201 when the block is new, 200 when it was there already. */
  async block(face: Face, caller: Caller, otherId: string): Promise<Outcome> {
    if (face === 'rest') {
      const outcome = await this.#rest('PUT', `/v1/users/${caller.clientId}/blocked/${otherId}`, caller);
      return outcome.data ? { status: outcome.status } : outcome;
    }
    const outcome = await this.#graphql(documents.block, { otherUserId: otherId }, caller);
    return outcome.data ? { status: outcome.data.created ? 201 : 200 } : outcome;
  }

  async unblock(face: Face, caller: Caller, otherId: string): Promise<Outcome> {
    if (face === 'rest') {
      const outcome = await this.#rest('DELETE', `/v1/users/${caller.clientId}/blocked/${otherId}`, caller);
      return outcome.data ? { status: outcome.status } : outcome;
    }
    const outcome = await this.#graphql(documents.unblock, { otherUserId: otherId }, caller);
    return outcome.data ? { status: 200 } : outcome;
  }

  /** Sets who may send the caller requests; answers the settings as stored. */
  async updateSettings(face: Face, caller: Caller, policy: RequestPolicy): Promise<Outcome<RequestPolicy>> {
    if (face === 'rest') {
      const path = `/v1/users/${caller.clientId}/settings`;
      const outcome = await this.#rest('PUT', path, caller, { accept_requests_from: policy });
      return outcome.data ? { status: outcome.status, data: outcome.data.accept_requests_from } : outcome;
    }
    const variables = { acceptRequestsFrom: policy.toUpperCase() };
    const outcome = await this.#graphql(documents.updateSettings, variables, caller);
    return outcome.data
      ? { status: 200, data: String(outcome.data.acceptRequestsFrom).toLowerCase() as RequestPolicy }
      : outcome;
  }

  async settings(face: Face, caller: Caller): Promise<Outcome<RequestPolicy>> {
    if (face === 'rest') {
      const outcome = await this.#rest('GET', `/v1/users/${caller.clientId}/settings`, caller);
      return outcome.data ? { status: outcome.status, data: outcome.data.accept_requests_from } : outcome;
    }
    const outcome = await this.#graphql(documents.settings, {}, caller);
    return outcome.data
      ? { status: 200, data: String(outcome.data.acceptRequestsFrom).toLowerCase() as RequestPolicy }
      : outcome;
  }

  /** One page of the users the caller blocks (their client ids). */
  async blocked(face: Face, caller: Caller, page: number, perPage: number): Promise<Outcome<Page<string>>> {
    if (face === 'rest') {
      const path = `/v1/users/${caller.clientId}/blocked?page=${page}&per_page=${perPage}`;
      const outcome = await this.#rest('GET', path, caller);
      if (!outcome.data) return outcome;
      const body = outcome.data;
      return {
        status: outcome.status,
        data: {
          total: body.pagination.total_items,
          totalPages: body.pagination.total_pages,
          items: body.blocked.map((b: any) => b.client_user_id),
        },
      };
    }
    const outcome = await this.#graphql(documents.blocked, { page, perPage }, caller);
    if (!outcome.data) return outcome;
    const r = outcome.data;
    if (r.totalCount !== r.pagination.totalItems) {
      return {
        status: 200,
        code: 'TOTALS_DISAGREE',
        detail: `totalCount ${r.totalCount} ≠ pagination.totalItems ${r.pagination.totalItems}`,
      };
    }
    return {
      status: 200,
      data: {
        total: r.totalCount,
        totalPages: r.pagination.totalPages,
        items: r.nodes.map((n: any) => n.user.clientUserId),
      },
    };
  }

  async remove(face: Face, caller: Caller, connectionId: number): Promise<Outcome> {
    if (face === 'rest') {
      const outcome = await this.#rest('DELETE', `/v1/connections/${caller.clientId}/${connectionId}`, caller);
      return outcome.data ? { status: outcome.status } : outcome;
    }
    const outcome = await this.#graphql(documents.remove, { connectionId: String(connectionId) }, caller);
    return outcome.data ? { status: 200 } : outcome;
  }

  async markRead(face: Face, caller: Caller, notificationId: number, idempotencyKey?: string): Promise<Outcome> {
    if (face === 'rest') {
      const path = `/v1/connections/${caller.clientId}/notifications/${notificationId}/read`;
      const outcome = await this.#rest('POST', path, caller, undefined, idempotencyKey);
      return outcome.data
        ? { status: outcome.status, ...(outcome.body !== undefined && { body: outcome.body }) }
        : outcome;
    }
    const variables = { notificationId: String(notificationId) };
    const outcome = await this.#graphql(documents.markRead, variables, caller, idempotencyKey);
    return outcome.data ? { status: 200, ...(outcome.body !== undefined && { body: outcome.body }) } : outcome;
  }

  async active(face: Face, caller: Caller, page: number, perPage: number): Promise<Outcome<Page<ConnectionItem>>> {
    if (face === 'rest') {
      const path = `/v1/connections/${caller.clientId}/active?page=${page}&per_page=${perPage}`;
      const outcome = await this.#rest('GET', path, caller);
      if (!outcome.data) return outcome;
      const body = outcome.data;
      return {
        status: outcome.status,
        data: {
          total: body.pagination.total_items,
          totalPages: body.pagination.total_pages,
          items: body.connections.map((c: any) => ({
            id: c.id,
            otherClientId: c.connected_user.client_user_id,
            since: c.connected_since,
          })),
        },
      };
    }
    const outcome = await this.#graphql(documents.active, { page, perPage }, caller);
    if (!outcome.data) return outcome;
    const r = outcome.data;
    if (r.totalCount !== r.pagination.totalItems) {
      return {
        status: 200,
        code: 'TOTALS_DISAGREE',
        detail: `totalCount ${r.totalCount} ≠ pagination.totalItems ${r.pagination.totalItems}`,
      };
    }
    return {
      status: 200,
      data: {
        total: r.totalCount,
        totalPages: r.pagination.totalPages,
        items: r.nodes.map((c: any) => ({
          id: Number(c.id),
          otherClientId: c.connectedUser.clientUserId,
          since: c.connectedSince,
        })),
      },
    };
  }

  async notifications(
    face: Face,
    caller: Caller,
    options: { page?: number; perPage: number; unreadOnly?: boolean },
  ): Promise<Outcome<Page<NotificationItem> & { unreadCount: number }>> {
    const page = options.page ?? 1;
    const unreadOnly = options.unreadOnly ?? false;
    if (face === 'rest') {
      const path =
        `/v1/connections/${caller.clientId}/notifications?page=${page}&per_page=${options.perPage}` +
        (unreadOnly ? '&unread_only=true' : '');
      const outcome = await this.#rest('GET', path, caller);
      if (!outcome.data) return outcome;
      const body = outcome.data;
      return {
        status: outcome.status,
        data: {
          total: body.pagination.total_items,
          totalPages: body.pagination.total_pages,
          unreadCount: body.unread_count,
          items: body.notifications.map((n: any) => ({
            id: n.id,
            type: n.type,
            read: n.read,
            requestId: n.connection_request_id,
            otherClientId: n.other_user.client_user_id,
          })),
        },
      };
    }
    const outcome = await this.#graphql(
      documents.notifications,
      { page, perPage: options.perPage, unreadOnly },
      caller,
    );
    if (!outcome.data) return outcome;
    const r = outcome.data;
    if (r.totalCount !== r.pagination.totalItems) {
      return {
        status: 200,
        code: 'TOTALS_DISAGREE',
        detail: `totalCount ${r.totalCount} ≠ pagination.totalItems ${r.pagination.totalItems}`,
      };
    }
    return {
      status: 200,
      data: {
        total: r.totalCount,
        totalPages: r.pagination.totalPages,
        unreadCount: r.unreadCount,
        items: r.nodes.map((n: any) => ({
          id: Number(n.id),
          type: String(n.type).toLowerCase(),
          read: n.read,
          requestId: Number(n.connectionRequestId),
          otherClientId: n.otherUser.clientUserId,
        })),
      },
    };
  }

  async requests(
    face: Face,
    caller: Caller,
    direction: 'sent' | 'received',
    status: StatusFilter,
    perPage: number,
  ): Promise<Outcome<Page<RequestItem>>> {
    if (face === 'rest') {
      const path = `/v1/connections/${caller.clientId}/${direction}?status=${status}&per_page=${perPage}`;
      const outcome = await this.#rest('GET', path, caller);
      if (!outcome.data) return outcome;
      const body = outcome.data;
      const me = caller.clientId;
      return {
        status: outcome.status,
        data: {
          total: body.pagination.total_items,
          totalPages: body.pagination.total_pages,
          items: body.requests.map((r: any) => ({
            id: r.id,
            status: r.status,
            senderClientId: direction === 'sent' ? me : r.user.client_user_id,
            receiverClientId: direction === 'sent' ? r.user.client_user_id : me,
          })),
        },
      };
    }
    const outcome = await this.#graphql(
      documents[direction],
      { status: status.toUpperCase(), page: 1, perPage },
      caller,
    );
    if (!outcome.data) return outcome;
    const r = outcome.data;
    if (r.totalCount !== r.pagination.totalItems) {
      return {
        status: 200,
        code: 'TOTALS_DISAGREE',
        detail: `totalCount ${r.totalCount} ≠ pagination.totalItems ${r.pagination.totalItems}`,
      };
    }
    return {
      status: 200,
      data: {
        total: r.totalCount,
        totalPages: r.pagination.totalPages,
        items: r.nodes.map((n: any) => ({
          id: Number(n.id),
          status: String(n.status).toLowerCase(),
          senderClientId: n.sender.clientUserId,
          receiverClientId: n.receiver.clientUserId,
        })),
      },
    };
  }
}
