import { describe, expect, it } from 'vitest';
import { CHECKS, findViolations } from './invariants.js';
import type { ApiView, DbState, Face, KeyUse, LoggedOp } from './model.js';

/*
 * The stress test is only as good as its checks: here each check is shown a small, consistent
 * history (no violations), then the same history broken the way a gateway bug would break it,
 * and must report it. No database needed.
 */

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, 0, ms));

let opCount = 0;
function op(fields: Partial<LoggedOp> & Pick<LoggedOp, 'kind' | 'actorId' | 'status'>, startedMs = 0, endedMs = 0) {
  opCount += 1;
  return { face: opCount % 2 ? 'rest' : 'graphql', service: false, startedMs, endedMs, ...fields } as LoggedOp;
}

/** The fields of a keyed call: its key, what it asked, why it was made, and its body (a success). */
function keyed(face: Face, key: string, input: string, keyUse: KeyUse, body?: string): Partial<LoggedOp> {
  return { face, idempotencyKey: key, input, keyUse, ...(body !== undefined && { body }) };
}
const BODY = {
  restSent: '{"message":"Connection request sent successfully","id":9010}',
  graphqlSent: '{"__typename":"SendConnectionRequestPayload","request":{"id":"9010","status":"PENDING"}}',
  restAccepted: '{"message":"Connection request accepted successfully"}',
  graphqlAccepted:
    '{"__typename":"AcceptConnectionRequestPayload","request":{"id":"9010","status":"ACCEPTED"},"connection":{"id":"9100"}}',
  restRead: '{"message":"Notification marked as read"}',
  graphqlRead: '{"__typename":"MarkNotificationReadPayload","notification":{"id":"9001","read":true}}',
};

/**
 * Users 1..4. 1→2 sent (req 10), 2→1 refused as pending, 2 accepted (connection 100), a second
 * accept refused, 1→2 refused as connected; 3→1 (req 11) declined by 1, 3 refused as not the
 * receiver; 3→4 pending (req 12); 1→4 (req 13) accepted then removed by 1 (connection 101), 4's
 * removal too late, 3 cannot remove 100; 1 read one notification, 2 cannot read it.
 *
 * With keys: 1's send of req 10 has key 'ks', retried in flight through GraphQL, after its
 * answer through REST and long after (once accepted) through GraphQL, all given the first
 * success; 1 then reuses 'ks' to send to 3 and is refused with 422. 3 sends req 12 with a key
 * 'ks' of its own. 2's accept of req 10 has key 'ka', retried in flight and after. 1's
 * mark-read has key 'kr', retried, then reused to mark another notification (refused with
 * 422); 2's refused mark-read has key 'kx' and its retry is refused again (a failure is not
 * remembered).
 */
function scenario(): { state: DbState; ops: LoggedOp[] } {
  const sendKs = (face: Face, use: KeyUse) =>
    keyed(face, 'ks', 'send 2', use, face === 'rest' ? BODY.restSent : BODY.graphqlSent);
  const acceptKa = (face: Face, use: KeyUse) =>
    keyed(face, 'ka', 'accept 10', use, face === 'rest' ? BODY.restAccepted : BODY.graphqlAccepted);
  const state: DbState = {
    users: [
      { id: 1, clientUserId: 'u1', connectionCount: 1, notificationSeq: 3 },
      { id: 2, clientUserId: 'u2', connectionCount: 1, notificationSeq: 1 },
      { id: 3, clientUserId: 'u3', connectionCount: 0, notificationSeq: 1 },
      { id: 4, clientUserId: 'u4', connectionCount: 0, notificationSeq: 2 },
    ],
    requests: [
      { id: 10, senderId: 1, receiverId: 2, status: 'accepted', respondedAt: at(25) },
      { id: 11, senderId: 3, receiverId: 1, status: 'declined', respondedAt: at(75) },
      { id: 12, senderId: 3, receiverId: 4, status: 'pending', respondedAt: null },
      { id: 13, senderId: 1, receiverId: 4, status: 'accepted', respondedAt: at(125) },
    ],
    connections: [{ id: 100, lowId: 1, highId: 2, requestId: 10, createdAt: at(25) }],
    edges: [
      { userId: 1, connectionId: 100, otherUserId: 2, createdAt: at(25) },
      { userId: 2, connectionId: 100, otherUserId: 1, createdAt: at(25) },
    ],
    notifications: [
      {
        id: 1000,
        userId: 2,
        type: 'new_request',
        requestId: 10,
        otherUserId: 1,
        readAt: null,
        seq: 1,
        createdAt: at(5),
      },
      {
        id: 1001,
        userId: 1,
        type: 'request_accepted',
        requestId: 10,
        otherUserId: 2,
        readAt: at(182),
        seq: 1,
        createdAt: at(25),
      },
      {
        id: 1002,
        userId: 1,
        type: 'new_request',
        requestId: 11,
        otherUserId: 3,
        readAt: null,
        seq: 2,
        createdAt: at(55),
      },
      {
        id: 1003,
        userId: 3,
        type: 'request_declined',
        requestId: 11,
        otherUserId: 1,
        readAt: null,
        seq: 1,
        createdAt: at(75),
      },
      {
        id: 1004,
        userId: 4,
        type: 'new_request',
        requestId: 12,
        otherUserId: 3,
        readAt: null,
        seq: 1,
        createdAt: at(92),
      },
      {
        id: 1005,
        userId: 4,
        type: 'new_request',
        requestId: 13,
        otherUserId: 1,
        readAt: null,
        seq: 2,
        createdAt: at(105),
      },
      {
        id: 1006,
        userId: 1,
        type: 'request_accepted',
        requestId: 13,
        otherUserId: 4,
        readAt: null,
        seq: 3,
        createdAt: at(125),
      },
    ],
  };
  const ops = [
    op({ kind: 'send', actorId: 1, receiverId: 2, status: 201, requestId: 10, ...sendKs('rest', 'first') }, 0, 10),
    op(
      { kind: 'send', actorId: 1, receiverId: 2, status: 201, requestId: 10, ...sendKs('graphql', 'concurrent') },
      2,
      9,
    ),
    op({ kind: 'send', actorId: 2, receiverId: 1, status: 409, code: 'REQUEST_ALREADY_PENDING' }, 5, 12),
    op({ kind: 'send', actorId: 1, receiverId: 2, status: 201, requestId: 10, ...sendKs('rest', 'retry') }, 11, 14),
    op(
      {
        kind: 'send',
        actorId: 1,
        receiverId: 3,
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
        ...keyed('graphql', 'ks', 'send 3', 'reuse'),
      },
      15,
      18,
    ),
    op(
      { kind: 'accept', actorId: 2, requestId: 10, status: 200, connectionId: 100, ...acceptKa('graphql', 'first') },
      20,
      30,
    ),
    op({ kind: 'accept', actorId: 2, requestId: 10, status: 200, ...acceptKa('rest', 'concurrent') }, 21, 31),
    op(
      { kind: 'accept', actorId: 2, requestId: 10, status: 200, connectionId: 100, ...acceptKa('graphql', 'retry') },
      36,
      38,
    ),
    op({ kind: 'accept', actorId: 2, requestId: 10, status: 409, code: 'REQUEST_ALREADY_PROCESSED' }, 25, 35),
    op({ kind: 'send', actorId: 1, receiverId: 2, status: 409, code: 'ALREADY_CONNECTED' }, 40, 45),
    op({ kind: 'send', actorId: 3, receiverId: 1, status: 201, requestId: 11 }, 50, 60),
    op({ kind: 'decline', actorId: 1, requestId: 11, status: 200 }, 70, 80),
    op({ kind: 'accept', actorId: 3, requestId: 11, status: 403, code: 'NOT_REQUEST_RECEIVER' }, 72, 82),
    op(
      {
        kind: 'send',
        actorId: 3,
        receiverId: 4,
        status: 201,
        requestId: 12,
        ...keyed('rest', 'ks', 'send 4', 'first', BODY.restSent.replace('9010', '9012')),
      },
      90,
      95,
    ),
    op({ kind: 'send', actorId: 1, receiverId: 4, status: 201, requestId: 13 }, 100, 110),
    op({ kind: 'accept', actorId: 4, requestId: 13, status: 200, face: 'graphql', connectionId: 101 }, 120, 130),
    op({ kind: 'remove', actorId: 1, connectionId: 101, connectionUsers: [1, 4], status: 200 }, 140, 150),
    op(
      {
        kind: 'remove',
        actorId: 4,
        connectionId: 101,
        connectionUsers: [4, 1],
        status: 404,
        code: 'CONNECTION_NOT_FOUND',
      },
      145,
      155,
    ),
    op(
      {
        kind: 'remove',
        actorId: 3,
        connectionId: 100,
        connectionUsers: [1, 2],
        status: 404,
        code: 'CONNECTION_NOT_FOUND',
      },
      160,
      170,
    ),
    op(
      {
        kind: 'markRead',
        actorId: 1,
        notificationId: 1001,
        status: 200,
        ...keyed('rest', 'kr', 'markRead 1001', 'first', BODY.restRead),
      },
      180,
      185,
    ),
    op(
      {
        kind: 'markRead',
        actorId: 1,
        notificationId: 1001,
        status: 200,
        ...keyed('graphql', 'kr', 'markRead 1001', 'retry', BODY.graphqlRead),
      },
      185,
      186,
    ),
    op(
      {
        kind: 'markRead',
        actorId: 1,
        notificationId: 1002,
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
        ...keyed('rest', 'kr', 'markRead 1002', 'reuse'),
      },
      187,
      188,
    ),
    op(
      {
        kind: 'markRead',
        actorId: 2,
        notificationId: 1001,
        status: 404,
        code: 'NOTIFICATION_NOT_FOUND',
        ...keyed('rest', 'kx', 'markRead 1001', 'first'),
      },
      186,
      190,
    ),
    op(
      {
        kind: 'markRead',
        actorId: 2,
        notificationId: 1001,
        status: 404,
        code: 'NOTIFICATION_NOT_FOUND',
        ...keyed('graphql', 'kx', 'markRead 1001', 'retry'),
      },
      190,
      191,
    ),
    op({ kind: 'listActive', actorId: 3, status: 200 }, 190, 195),
    op({ kind: 'send', actorId: 1, receiverId: 2, status: 201, requestId: 10, ...sendKs('graphql', 'late') }, 200, 205),
  ];
  return { state, ops };
}

/** What a correct API lists for `state`. */
function viewsFor(state: DbState): ApiView[] {
  return state.users.flatMap((user) =>
    (['rest', 'graphql'] as const).map((face) => {
      const edges = state.edges.filter((e) => e.userId === user.id);
      const notifications = state.notifications
        .filter((n) => n.userId === user.id)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
      const totals = (side: 'senderId' | 'receiverId') => {
        const mine = state.requests.filter((r) => r[side] === user.id);
        return {
          all: mine.length,
          pending: mine.filter((r) => r.status === 'pending').length,
          accepted: mine.filter((r) => r.status === 'accepted').length,
          declined: mine.filter((r) => r.status === 'declined').length,
        };
      };
      const unread = notifications.filter((n) => n.readAt === null).length;
      return {
        face,
        userId: user.id,
        active: {
          total: edges.length,
          items: edges.map((e) => ({
            connectionId: e.connectionId,
            otherUserId: e.otherUserId,
            since: e.createdAt.toISOString(),
          })),
        },
        notifications: {
          total: notifications.length,
          unreadCount: unread,
          unreadOnlyTotal: unread,
          firstPage: notifications.slice(0, 50).map((n) => ({
            id: n.id,
            type: n.type,
            read: n.readAt !== null,
            requestId: n.requestId,
            otherUserId: n.otherUserId,
          })),
        },
        requestTotals: { sent: totals('senderId'), received: totals('receiverId') },
      };
    }),
  );
}

type Case = {
  check: (typeof CHECKS)[number];
  state?: (state: DbState, ops: LoggedOp[]) => void;
  views?: (views: ApiView[]) => void;
};

const opAt = (ops: LoggedOp[], match: Partial<LoggedOp>) => {
  const found = ops.find((o) => Object.entries(match).every(([k, value]) => o[k as keyof LoggedOp] === value));
  if (!found) throw new Error(`no op ${JSON.stringify(match)}`);
  return found;
};
const view = (views: ApiView[], face: 'rest' | 'graphql', userId: number) =>
  views.find((v) => v.face === face && v.userId === userId)!;

const broken: Record<string, Case> = {
  'a 500 answer': {
    check: 'serverErrors',
    state: (_s, ops) => void ops.push(op({ kind: 'accept', actorId: 4, requestId: 12, status: 500 })),
  },
  'a call with no answer': {
    check: 'serverErrors',
    state: (_s, ops) => void ops.push(op({ kind: 'listSent', actorId: 4, status: 0, code: 'NETWORK_ERROR' })),
  },
  'a GraphQL list whose totalCount and pagination disagree': {
    check: 'unexpectedAnswers',
    state: (_s, ops) => void ops.push(op({ kind: 'listActive', actorId: 1, status: 200, code: 'TOTALS_DISAGREE' })),
  },
  'a third user removing a connection': {
    check: 'unexpectedAnswers',
    state: (_s, ops) => {
      const removal = opAt(ops, { kind: 'remove', actorId: 3 });
      removal.status = 200;
      delete removal.code;
    },
  },
  'the sender accepting its own request': {
    check: 'unexpectedAnswers',
    state: (_s, ops) => {
      const accept = opAt(ops, { kind: 'accept', actorId: 3 });
      accept.status = 409;
      accept.code = 'REQUEST_ALREADY_PROCESSED';
    },
  },
  'the owner refused marking its own notification': {
    check: 'unexpectedAnswers',
    state: (_s, ops) =>
      void ops.push(
        op({ kind: 'markRead', actorId: 4, notificationId: 1004, status: 404, code: 'NOTIFICATION_NOT_FOUND' }),
      ),
  },
  'a send refused with an undocumented code': {
    check: 'unexpectedAnswers',
    state: (_s, ops) =>
      void ops.push(op({ kind: 'send', actorId: 2, receiverId: 3, status: 400, code: 'VALIDATION_FAILED' })),
  },
  'REQUEST_ALREADY_PENDING before the request was sent': {
    check: 'refusalsExplained',
    state: (_s, ops) => Object.assign(opAt(ops, { code: 'REQUEST_ALREADY_PENDING' }), { startedMs: -10, endedMs: -5 }),
  },
  'REQUEST_ALREADY_PENDING after the request was answered': {
    check: 'refusalsExplained',
    state: (_s, ops) => Object.assign(opAt(ops, { code: 'REQUEST_ALREADY_PENDING' }), { startedMs: 31, endedMs: 33 }),
  },
  'ALREADY_CONNECTED before the accept': {
    check: 'refusalsExplained',
    state: (_s, ops) => Object.assign(opAt(ops, { code: 'ALREADY_CONNECTED' }), { startedMs: 12, endedMs: 18 }),
  },
  'ALREADY_CONNECTED for a pair never connected': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(op({ kind: 'send', actorId: 2, receiverId: 3, status: 409, code: 'ALREADY_CONNECTED' }, 200, 210)),
  },
  'ALREADY_CONNECTED after the connection was removed': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(op({ kind: 'send', actorId: 4, receiverId: 1, status: 409, code: 'ALREADY_CONNECTED' }, 200, 210)),
  },
  'REQUEST_ALREADY_PROCESSED for a pending request': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(
        op({ kind: 'accept', actorId: 4, requestId: 12, status: 409, code: 'REQUEST_ALREADY_PROCESSED' }, 200, 210),
      ),
  },
  'REQUEST_ALREADY_PROCESSED before the request was answered': {
    check: 'refusalsExplained',
    state: (_s, ops) => Object.assign(opAt(ops, { code: 'REQUEST_ALREADY_PROCESSED' }), { startedMs: 11, endedMs: 19 }),
  },
  "CONNECTION_NOT_FOUND for a member's live connection": {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(
        op(
          {
            kind: 'remove',
            actorId: 2,
            connectionId: 100,
            connectionUsers: [2, 1],
            status: 404,
            code: 'CONNECTION_NOT_FOUND',
          },
          200,
          210,
        ),
      ),
  },
  'two pending requests for one pair': {
    check: 'pendingPerPair',
    state: (s) => void s.requests.push({ id: 14, senderId: 4, receiverId: 3, status: 'pending', respondedAt: null }),
  },
  'two connections for one pair': {
    check: 'connectionsPerPair',
    state: (s) => void s.connections.push({ id: 102, lowId: 1, highId: 2, requestId: 13, createdAt: at(125) }),
  },
  'a connection stored high-low': {
    check: 'connectionsPerPair',
    state: (s) => Object.assign(s.connections[0]!, { lowId: 2, highId: 1 }),
  },
  'a connection with one edge': {
    check: 'connectionEdges',
    state: (s) => void s.edges.pop(),
  },
  "an edge with another date than its connection's": {
    check: 'connectionEdges',
    state: (s) => {
      s.edges[1]!.createdAt = at(26);
    },
  },
  'an edge pointing at the wrong user': {
    check: 'connectionEdges',
    state: (s) => {
      s.edges[1]!.otherUserId = 3;
    },
  },
  'edges left behind by a removed connection': {
    check: 'connectionEdges',
    state: (s) => void s.edges.push({ userId: 1, connectionId: 101, otherUserId: 4, createdAt: at(125) }),
  },
  'a connection for a declined request': {
    check: 'connectionRequests',
    state: (s) => {
      s.requests[0]!.status = 'declined';
    },
  },
  "a connection for another pair's request": {
    check: 'connectionRequests',
    state: (s) => {
      s.connections[0]!.requestId = 13;
    },
  },
  'a request sent while connected': {
    check: 'connectionRequests',
    state: (s) => void s.requests.push({ id: 15, senderId: 2, receiverId: 1, status: 'declined', respondedAt: at(50) }),
  },
  'a pending request between connected users': {
    check: 'pendingWhileConnected',
    state: (s) => void s.requests.push({ id: 15, senderId: 2, receiverId: 1, status: 'pending', respondedAt: null }),
  },
  'an older request still pending': {
    check: 'requestHistory',
    state: (s) => void s.requests.push({ id: 9, senderId: 1, receiverId: 3, status: 'pending', respondedAt: null }),
  },
  'an answered request without a date': {
    check: 'requestHistory',
    state: (s) => {
      s.requests[1]!.respondedAt = null;
    },
  },
  'an accepted request whose connection vanished': {
    check: 'connectionLifecycle',
    state: (s) => {
      s.connections = [];
      s.edges = [];
    },
  },
  'an accept that created no connection': {
    check: 'connectionLifecycle',
    state: (_s, ops) => {
      ops.splice(
        ops.findIndex((o) => o.kind === 'remove' && o.status === 200),
        1,
      );
    },
  },
  'a declined request without its notification': {
    check: 'requestNotifications',
    state: (s) => {
      s.notifications = s.notifications.filter((n) => n.id !== 1003);
    },
  },
  'a request with two new_request notifications': {
    check: 'requestNotifications',
    state: (s) => void s.notifications.push({ ...s.notifications[4]!, id: 1007, seq: 3, createdAt: at(93) }),
  },
  'an accept notification for a pending request': {
    check: 'requestNotifications',
    state: (s) =>
      void s.notifications.push({
        id: 1007,
        userId: 3,
        type: 'request_accepted',
        requestId: 12,
        otherUserId: 4,
        readAt: null,
        seq: 2,
        createdAt: at(96),
      }),
  },
  'an answer notification sent to the receiver': {
    check: 'requestNotifications',
    state: (s) => Object.assign(s.notifications[3]!, { userId: 1, otherUserId: 3 }),
  },
  'a gap in the notification sequence': {
    check: 'notificationSequence',
    state: (s) => {
      s.notifications[6]!.seq = 4;
    },
  },
  "a counter ahead of the user's notifications": {
    check: 'notificationSequence',
    state: (s) => {
      s.users[3]!.notificationSeq = 3;
    },
  },
  'an acknowledged send that stored nothing': {
    check: 'acknowledgedWrites',
    state: (s) => {
      s.requests = s.requests.filter((r) => r.id !== 12);
      s.notifications = s.notifications.filter((n) => n.requestId !== 12);
    },
  },
  'an acknowledged decline that did not decline': {
    check: 'acknowledgedWrites',
    state: (s) => {
      s.requests[1]!.status = 'accepted';
    },
  },
  'an acknowledged removal whose connection is back': {
    check: 'acknowledgedWrites',
    state: (_s, ops) => {
      opAt(ops, { kind: 'remove', status: 200 }).connectionId = 100;
    },
  },
  'an acknowledged mark-read that is unread': {
    check: 'acknowledgedWrites',
    state: (s) => {
      s.notifications[1]!.readAt = null;
    },
  },
  'one request answered twice': {
    check: 'acknowledgedWrites',
    state: (_s, ops) => void ops.push(op({ kind: 'decline', actorId: 2, requestId: 10, status: 200 })),
  },
  'two keys acknowledging one request': {
    check: 'acknowledgedWrites',
    state: (_s, ops) =>
      void ops.push(
        op({
          kind: 'send',
          actorId: 1,
          receiverId: 2,
          status: 201,
          requestId: 10,
          ...keyed('rest', 'ko', 'send 2', 'first'),
        }),
      ),
  },
  "an accept answering with another request's connection": {
    check: 'acknowledgedWrites',
    state: (_s, ops) => {
      opAt(ops, { kind: 'accept', actorId: 4 }).connectionId = 100;
    },
  },
  'a request row no send acknowledged': {
    check: 'unacknowledgedChanges',
    state: (s) => void s.requests.push({ id: 16, senderId: 2, receiverId: 4, status: 'pending', respondedAt: null }),
  },
  'a refused answer that answered': {
    check: 'unacknowledgedChanges',
    state: (s) => {
      s.requests[2]!.status = 'declined';
      s.requests[2]!.respondedAt = at(200);
    },
  },
  'a refused mark-read that marked': {
    check: 'unacknowledgedChanges',
    state: (s) => {
      s.notifications[0]!.readAt = at(188);
    },
  },
  'a refused removal that removed': {
    check: 'unacknowledgedChanges',
    state: (s) => {
      s.connections = [];
      s.edges = [];
    },
  },
  'a retry after a successful send refused as pending': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      const retry = opAt(ops, { idempotencyKey: 'ks', keyUse: 'retry' });
      Object.assign(retry, { status: 409, code: 'REQUEST_ALREADY_PENDING' });
      delete retry.requestId;
      delete retry.body;
    },
  },
  'a late retry of a send refused as connected': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      const late = opAt(ops, { idempotencyKey: 'ks', keyUse: 'late' });
      Object.assign(late, { status: 409, code: 'ALREADY_CONNECTED' });
      delete late.requestId;
      delete late.body;
    },
  },
  'a replayed send naming another request': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      opAt(ops, { idempotencyKey: 'ks', keyUse: 'late' }).requestId = 12;
    },
  },
  'a replay with another body through the same face': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      opAt(ops, { idempotencyKey: 'ks', keyUse: 'retry' }).body = BODY.restSent.replace('9010', '9012');
    },
  },
  'a replayed accept with another connection': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      opAt(ops, { idempotencyKey: 'ka', keyUse: 'retry' }).connectionId = 101;
    },
  },
  'a retry in flight refused as pending by its own request': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      const concurrent = opAt(ops, { idempotencyKey: 'ks', keyUse: 'concurrent' });
      Object.assign(concurrent, { status: 409, code: 'REQUEST_ALREADY_PENDING' });
      delete concurrent.requestId;
      delete concurrent.body;
    },
  },
  'a retry in flight refused as already processed by its own accept': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      const concurrent = opAt(ops, { idempotencyKey: 'ka', keyUse: 'concurrent' });
      Object.assign(concurrent, { status: 409, code: 'REQUEST_ALREADY_PROCESSED' });
      delete concurrent.body;
    },
  },
  'a retried send that created and named a second request': {
    check: 'retriesAppliedOnce',
    state: (s, ops) => {
      s.requests.push({ id: 14, senderId: 1, receiverId: 2, status: 'declined', respondedAt: at(206) });
      opAt(ops, { idempotencyKey: 'ks', keyUse: 'late' }).requestId = 14;
    },
  },
  'a retried send that silently wrote a second request': {
    check: 'retriesAppliedOnce',
    state: (s) => void s.requests.push({ id: 14, senderId: 1, receiverId: 2, status: 'declined', respondedAt: at(15) }),
  },
  'a retried accept that notified the sender twice': {
    check: 'retriesAppliedOnce',
    state: (s) => {
      s.notifications.push({ ...s.notifications[1]!, id: 1007, readAt: null, seq: 4, createdAt: at(37) });
      s.users[0]!.notificationSeq = 4;
    },
  },
  'a retried send that notified the receiver twice': {
    check: 'retriesAppliedOnce',
    state: (s) => {
      s.notifications.push({ ...s.notifications[0]!, id: 1007, seq: 2, createdAt: at(9) });
      s.users[1]!.notificationSeq = 2;
    },
  },
  'a retry refused with 422 for its own input': {
    check: 'keyReuse',
    state: (_s, ops) => {
      const retry = opAt(ops, { idempotencyKey: 'kr', keyUse: 'retry' });
      Object.assign(retry, { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
      delete retry.body;
    },
  },
  'a 422 for a key only another user had used': {
    check: 'keyReuse',
    state: (_s, ops) => {
      const send = opAt(ops, { actorId: 3, idempotencyKey: 'ks' });
      Object.assign(send, { status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    },
  },
  'a 422 for a call without a key': {
    check: 'keyReuse',
    state: (_s, ops) =>
      void ops.push(op({ kind: 'send', actorId: 2, receiverId: 3, status: 422, code: 'IDEMPOTENCY_KEY_REUSED' })),
  },
  'a 422 for a reuse before the key had succeeded': {
    check: 'keyReuse',
    state: (_s, ops) => Object.assign(opAt(ops, { keyUse: 'reuse' }), { startedMs: -10, endedMs: -5 }),
  },
  'a key reused for another input that was given the first result': {
    check: 'keyReuse',
    state: (_s, ops) => {
      const reuse = opAt(ops, { keyUse: 'reuse' });
      Object.assign(reuse, { status: 201, requestId: 10, body: BODY.graphqlSent });
      delete reuse.code;
    },
  },
  'a key reused for another input that was refused otherwise': {
    check: 'keyReuse',
    state: (_s, ops) => Object.assign(opAt(ops, { keyUse: 'reuse' }), { status: 409, code: 'REQUEST_ALREADY_PENDING' }),
  },
  'a key reused for another input that sent anyway': {
    check: 'keyReuse',
    state: (s) => void s.requests.push({ id: 14, senderId: 1, receiverId: 3, status: 'pending', respondedAt: null }),
  },
  'a key reused for another input that marked it read anyway': {
    check: 'keyReuse',
    state: (s) => {
      s.notifications[2]!.readAt = at(188);
    },
  },
  'a connection counter off by one': {
    check: 'countsAndTotals',
    state: (s) => {
      s.users[2]!.connectionCount = 1;
    },
  },
  'a wrong unread_count': {
    check: 'countsAndTotals',
    views: (views) => {
      view(views, 'graphql', 4).notifications.unreadCount += 1;
    },
  },
  'a wrong total_items of received requests': {
    check: 'countsAndTotals',
    views: (views) => {
      view(views, 'rest', 4).requestTotals.received.pending = 0;
    },
  },
  'a wrong total of connections': {
    check: 'countsAndTotals',
    views: (views) => {
      view(views, 'rest', 1).active.total = 2;
    },
  },
  'a connection listed by one side only': {
    check: 'apiConnections',
    views: (views) => {
      view(views, 'graphql', 2).active.items = [];
    },
  },
  'a connection listed with another date by the other side': {
    check: 'apiConnections',
    views: (views) => {
      view(views, 'rest', 2).active.items[0]!.since = at(26).toISOString();
    },
  },
  'a removed connection still listed': {
    check: 'apiConnections',
    views: (views) =>
      void view(views, 'rest', 4).active.items.push({
        connectionId: 101,
        otherUserId: 1,
        since: at(125).toISOString(),
      }),
  },
  'a notification listed as unread after it was read': {
    check: 'apiNotifications',
    views: (views) => {
      view(views, 'rest', 1).notifications.firstPage.find((n) => n.id === 1001)!.read = false;
    },
  },
  'notifications listed out of order': {
    check: 'apiNotifications',
    views: (views) => void view(views, 'graphql', 4).notifications.firstPage.reverse(),
  },
};

describe('the stress invariants', () => {
  it('should find nothing wrong in a consistent history', () => {
    const { state, ops } = scenario();
    const violations = findViolations(state, ops, viewsFor(state));
    expect(Object.values(violations).flat()).toEqual([]);
  });

  it.each(Object.entries(broken))('should report %s', (_name, { check, state: breakState, views: breakViews }) => {
    const { state, ops } = scenario();
    breakState?.(state, ops);
    const views = viewsFor(state);
    breakViews?.(views);
    const violations = findViolations(state, ops, views);
    expect(violations[check], JSON.stringify(violations, null, 1)).not.toEqual([]);
  });

  it('should have a case for every check', () => {
    const covered = new Set(Object.values(broken).map((c) => c.check));
    expect(CHECKS.filter((check) => !covered.has(check))).toEqual([]);
  });
});
