import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db/database.js';
import { type Caller, type Outcome, StressApi } from './api.js';
import type { StressUser } from './driver.js';
import type { ApiView, DbState, Face, StatusFilter } from './model.js';

/** The tenant's rows, read straight from the database once the load has stopped. */
export async function readDbState(db: Kysely<Database>, tenant: string): Promise<DbState> {
  const [users, requests, connections, edges, notifications, blocks] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'client_user_id', 'connection_count', 'notification_seq', 'accept_requests_from'])
      .where('tenant', '=', tenant)
      .execute(),
    db
      .selectFrom('connection_requests')
      .select(['id', 'sender_id', 'receiver_id', 'status', 'responded_at'])
      .where('tenant', '=', tenant)
      .execute(),
    db
      .selectFrom('connections')
      .select(['id', 'user_low_id', 'user_high_id', 'request_id', 'created_at'])
      .where('tenant', '=', tenant)
      .execute(),
    db
      .selectFrom('connection_edges')
      .select(['user_id', 'connection_id', 'other_user_id', 'created_at'])
      .where('tenant', '=', tenant)
      .execute(),
    db
      .selectFrom('notifications')
      .select(['id', 'user_id', 'type', 'connection_request_id', 'other_user_id', 'read_at', 'seq', 'created_at'])
      .where('tenant', '=', tenant)
      .execute(),
    db.selectFrom('blocks').select(['blocker_id', 'blocked_id', 'created_at']).where('tenant', '=', tenant).execute(),
  ]);
  return {
    users: users.map((u) => ({
      id: u.id,
      clientUserId: u.client_user_id,
      connectionCount: u.connection_count,
      notificationSeq: u.notification_seq,
      acceptRequestsFrom: u.accept_requests_from,
    })),
    requests: requests.map((r) => ({
      id: r.id,
      senderId: r.sender_id,
      receiverId: r.receiver_id,
      status: r.status,
      respondedAt: r.responded_at,
    })),
    connections: connections.map((c) => ({
      id: c.id,
      lowId: c.user_low_id,
      highId: c.user_high_id,
      requestId: c.request_id,
      createdAt: c.created_at,
    })),
    edges: edges.map((e) => ({
      userId: e.user_id,
      connectionId: e.connection_id,
      otherUserId: e.other_user_id,
      createdAt: e.created_at,
    })),
    notifications: notifications.map((n) => ({
      id: n.id,
      userId: n.user_id,
      type: n.type,
      // The stress test sends friend requests only: each of its notifications names both.
      requestId: n.connection_request_id as number,
      otherUserId: n.other_user_id as number,
      readAt: n.read_at,
      seq: n.seq,
      createdAt: n.created_at,
    })),
    blocks: blocks.map((b) => ({ blockerId: b.blocker_id, blockedId: b.blocked_id, createdAt: b.created_at })),
  };
}

/**
 * Every user's lists through both faces once the load has stopped: all pages of the
 * connections, the first page of notifications with the counts, the totals of the sent and
 * received lists under each status filter, every page of the blocked users, and the settings. Ids are decoded to row ids. A call that does not
 * answer 200 is an error (the load is over, nothing may fail now).
 */
export async function readApiViews(
  url: string,
  users: StressUser[],
  decode: (publicId: number) => number,
): Promise<ApiView[]> {
  const api = new StressApi(url);
  const rowIdOf = new Map(users.map((u) => [u.clientId, u.rowId]));
  const rowId = (clientId: string) => rowIdOf.get(clientId) ?? -1;
  const ok = <T>(outcome: Outcome<T>, what: string): T => {
    if (outcome.status !== 200 || !outcome.data || outcome.code) {
      throw new Error(`${what}: ${outcome.status} ${outcome.code ?? ''} ${outcome.detail ?? ''}`);
    }
    return outcome.data;
  };
  const filters: StatusFilter[] = ['all', 'pending', 'accepted', 'declined', 'cancelled'];

  const views: Promise<ApiView>[] = [];
  for (const user of users) {
    for (const face of ['rest', 'graphql'] as Face[]) {
      views.push(
        (async () => {
          const caller: Caller = { clientId: user.clientId, token: user.token, service: false };
          const what = (list: string) => `${face} ${list} of ${user.clientId}`;

          const first = ok(await api.active(face, caller, 1, 50), what('active'));
          const items = [...first.items];
          for (let page = 2; page <= first.totalPages; page++) {
            items.push(...ok(await api.active(face, caller, page, 50), what(`active page ${page}`)).items);
          }

          const notifications = ok(await api.notifications(face, caller, { perPage: 50 }), what('notifications'));
          const unreadOnly = ok(
            await api.notifications(face, caller, { perPage: 1, unreadOnly: true }),
            what('unread notifications'),
          );

          const requestTotals = { sent: {}, received: {} } as ApiView['requestTotals'];
          for (const direction of ['sent', 'received'] as const) {
            for (const status of filters) {
              requestTotals[direction][status] = ok(
                await api.requests(face, caller, direction, status, 1),
                what(`${direction}?status=${status}`),
              ).total;
            }
          }

          const firstBlocked = ok(await api.blocked(face, caller, 1, 50), what('blocked'));
          const blocked = [...firstBlocked.items];
          for (let page = 2; page <= firstBlocked.totalPages; page++) {
            blocked.push(...ok(await api.blocked(face, caller, page, 50), what(`blocked page ${page}`)).items);
          }
          const acceptRequestsFrom = ok(await api.settings(face, caller), what('settings'));

          return {
            face,
            userId: user.rowId,
            active: {
              total: first.total,
              items: items.map((c) => ({
                connectionId: decode(c.id),
                otherUserId: rowId(c.otherClientId),
                since: c.since,
              })),
            },
            notifications: {
              total: notifications.total,
              unreadCount: notifications.unreadCount,
              unreadOnlyTotal: unreadOnly.total,
              firstPage: notifications.items.map((n) => ({
                id: decode(n.id),
                type: n.type,
                read: n.read,
                requestId: decode(n.requestId),
                otherUserId: rowId(n.otherClientId),
              })),
            },
            requestTotals,
            blocked: { total: firstBlocked.total, userIds: blocked.map(rowId) },
            acceptRequestsFrom,
          };
        })(),
      );
    }
  }
  return Promise.all(views);
}
