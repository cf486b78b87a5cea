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
  restCancelled: '{"message":"Connection request cancelled successfully"}',
  graphqlCancelled: '{"__typename":"CancelConnectionRequestPayload","request":{"id":"9020","status":"CANCELLED"}}',
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
 *
 * Then users 5..7 and user 2, with blocks and settings: 5→6 (req 20) is cancelled by 5 with key
 * 'kc' (retried), 6 may not cancel it, 5's second cancel is too late, 5 reuses 'kc' for req 21
 * (422). 7→5 (req 21) is declined silently when 5 blocks 7 (and stays blocked); 7 is then
 * refused as not accepted, 5 as blocking; 5 blocks 7 again (200). 6→7 (req 22) is accepted
 * (connection 110), which 6's block ends; 6 unblocks 7 (then 404), sends 6→7 (req 23) and
 * blocks 7 again, which cancels it. 2 takes requests from nobody, then friends of friends only:
 * 3 and 4 are refused.
 */
function scenario(): { state: DbState; ops: LoggedOp[] } {
  const sendKs = (face: Face, use: KeyUse) =>
    keyed(face, 'ks', 'send 2', use, face === 'rest' ? BODY.restSent : BODY.graphqlSent);
  const acceptKa = (face: Face, use: KeyUse) =>
    keyed(face, 'ka', 'accept 10', use, face === 'rest' ? BODY.restAccepted : BODY.graphqlAccepted);
  const cancelKc = (face: Face, use: KeyUse) =>
    keyed(face, 'kc', 'cancel 20', use, face === 'rest' ? BODY.restCancelled : BODY.graphqlCancelled);
  const state: DbState = {
    users: [
      { id: 1, clientUserId: 'u1', connectionCount: 1, notificationSeq: 3, acceptRequestsFrom: 'everyone' },
      { id: 2, clientUserId: 'u2', connectionCount: 1, notificationSeq: 1, acceptRequestsFrom: 'friends_of_friends' },
      { id: 3, clientUserId: 'u3', connectionCount: 0, notificationSeq: 1, acceptRequestsFrom: 'everyone' },
      { id: 4, clientUserId: 'u4', connectionCount: 0, notificationSeq: 2, acceptRequestsFrom: 'everyone' },
      { id: 5, clientUserId: 'u5', connectionCount: 0, notificationSeq: 1, acceptRequestsFrom: 'everyone' },
      { id: 6, clientUserId: 'u6', connectionCount: 0, notificationSeq: 3, acceptRequestsFrom: 'everyone' },
      { id: 7, clientUserId: 'u7', connectionCount: 0, notificationSeq: 3, acceptRequestsFrom: 'everyone' },
    ],
    requests: [
      { id: 10, senderId: 1, receiverId: 2, status: 'accepted', respondedAt: at(25) },
      { id: 11, senderId: 3, receiverId: 1, status: 'declined', respondedAt: at(75) },
      { id: 12, senderId: 3, receiverId: 4, status: 'pending', respondedAt: null },
      { id: 13, senderId: 1, receiverId: 4, status: 'accepted', respondedAt: at(125) },
      { id: 20, senderId: 5, receiverId: 6, status: 'cancelled', respondedAt: at(325) },
      { id: 21, senderId: 7, receiverId: 5, status: 'declined', respondedAt: at(365) },
      { id: 22, senderId: 6, receiverId: 7, status: 'accepted', respondedAt: at(398) },
      { id: 23, senderId: 6, receiverId: 7, status: 'cancelled', respondedAt: at(445) },
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
      // Read by 5's cancel; the cancel's notification is born read.
      notification(1100, 6, 'new_request', 20, 5, 1, 305, 325),
      notification(1101, 6, 'request_cancelled', 20, 5, 2, 325, 325),
      // Read by 5's block, which declines req 21 without telling 7.
      notification(1102, 5, 'new_request', 21, 7, 1, 352, 365),
      notification(1103, 7, 'new_request', 22, 6, 1, 392),
      notification(1104, 6, 'request_accepted', 22, 7, 3, 398),
      // Req 23, withdrawn by 6's block.
      notification(1105, 7, 'new_request', 23, 6, 2, 432, 445),
      notification(1106, 7, 'request_cancelled', 23, 6, 3, 445, 445),
    ],
    blocks: [
      { blockerId: 5, blockedId: 7, createdAt: at(365) },
      { blockerId: 6, blockedId: 7, createdAt: at(445) },
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
    // (a) 5 withdraws req 20, with a key.
    op({ kind: 'send', actorId: 5, receiverId: 6, status: 201, requestId: 20 }, 300, 310),
    op({ kind: 'cancel', actorId: 5, requestId: 20, status: 200, ...cancelKc('rest', 'first') }, 320, 330),
    op({ kind: 'cancel', actorId: 5, requestId: 20, status: 200, ...cancelKc('graphql', 'retry') }, 332, 334),
    op({ kind: 'cancel', actorId: 6, requestId: 20, status: 403, code: 'NOT_REQUEST_SENDER' }, 335, 340),
    op({ kind: 'cancel', actorId: 5, requestId: 20, status: 409, code: 'REQUEST_ALREADY_PROCESSED' }, 341, 345),
    op(
      {
        kind: 'cancel',
        actorId: 5,
        requestId: 21,
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
        ...keyed('rest', 'kc', 'cancel 21', 'reuse'),
      },
      346,
      347,
    ),
    // (b) 5 blocks 7, which declines req 21 silently; sends either way are refused.
    op({ kind: 'send', actorId: 7, receiverId: 5, status: 201, requestId: 21 }, 350, 355),
    op({ kind: 'block', actorId: 5, otherUserId: 7, status: 201 }, 360, 370),
    op({ kind: 'send', actorId: 7, receiverId: 5, status: 403, code: 'REQUESTS_NOT_ACCEPTED' }, 372, 376),
    op({ kind: 'send', actorId: 5, receiverId: 7, status: 409, code: 'USER_BLOCKED' }, 377, 380),
    op({ kind: 'block', actorId: 5, otherUserId: 7, status: 200 }, 381, 385),
    // (c) 6's block ends its connection with 7; unblocked, 6 asks again, and blocks (cancelling it).
    op({ kind: 'send', actorId: 6, receiverId: 7, status: 201, requestId: 22 }, 390, 395),
    op({ kind: 'accept', actorId: 7, requestId: 22, status: 200, face: 'graphql', connectionId: 110 }, 396, 400),
    op({ kind: 'block', actorId: 6, otherUserId: 7, status: 201 }, 405, 410),
    op({ kind: 'unblock', actorId: 6, otherUserId: 7, status: 200 }, 415, 420),
    op({ kind: 'unblock', actorId: 6, otherUserId: 7, status: 404, code: 'BLOCK_NOT_FOUND' }, 421, 425),
    op({ kind: 'send', actorId: 6, receiverId: 7, status: 201, requestId: 23 }, 430, 435),
    op({ kind: 'block', actorId: 6, otherUserId: 7, status: 201 }, 440, 450),
    // (d) 2 takes requests from nobody, then from friends of friends only.
    op({ kind: 'settings', actorId: 2, policy: 'nobody', status: 200 }, 460, 465),
    op({ kind: 'send', actorId: 3, receiverId: 2, status: 403, code: 'REQUESTS_NOT_ACCEPTED' }, 470, 475),
    op({ kind: 'settings', actorId: 2, policy: 'friends_of_friends', status: 200 }, 480, 485),
    op({ kind: 'send', actorId: 4, receiverId: 2, status: 403, code: 'REQUESTS_NOT_ACCEPTED' }, 490, 495),
  ];
  return { state, ops };
}

function notification(
  id: number,
  userId: number,
  type: string,
  requestId: number,
  otherUserId: number,
  seq: number,
  createdMs: number,
  readMs?: number,
): DbState['notifications'][number] {
  const readAt = readMs === undefined ? null : at(readMs);
  return { id, userId, type, requestId, otherUserId, readAt, seq, createdAt: at(createdMs) };
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
          cancelled: mine.filter((r) => r.status === 'cancelled').length,
        };
      };
      const blocked = state.blocks.filter((b) => b.blockerId === user.id).map((b) => b.blockedId);
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
        blocked: { total: blocked.length, userIds: blocked },
        acceptRequestsFrom: user.acceptRequestsFrom,
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
const requestOf = (state: DbState, id: number) => state.requests.find((r) => r.id === id)!;
const notificationOf = (state: DbState, id: number) => state.notifications.find((n) => n.id === id)!;
const REFUSED_PROCESSED = { status: 409, code: 'REQUEST_ALREADY_PROCESSED' } as const;

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

  // Withdrawals, blocks and settings.
  'the receiver cancelling a request': {
    check: 'unexpectedAnswers',
    state: (_s, ops) => {
      const cancel = opAt(ops, { kind: 'cancel', actorId: 6 });
      cancel.status = 200;
      delete cancel.code;
    },
  },
  'a cancel by the receiver refused as already processed': {
    check: 'unexpectedAnswers',
    state: (_s, ops) => Object.assign(opAt(ops, { kind: 'cancel', actorId: 6 }), REFUSED_PROCESSED),
  },
  'USER_BLOCKED with another status': {
    check: 'unexpectedAnswers',
    state: (_s, ops) => Object.assign(opAt(ops, { code: 'USER_BLOCKED' }), { status: 403 }),
  },
  'an unblock refused with an undocumented code': {
    check: 'unexpectedAnswers',
    state: (_s, ops) => Object.assign(opAt(ops, { code: 'BLOCK_NOT_FOUND' }), { code: 'CONNECTION_NOT_FOUND' }),
  },
  'USER_BLOCKED for a pair never blocked': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(op({ kind: 'send', actorId: 1, receiverId: 3, status: 409, code: 'USER_BLOCKED' }, 500, 505)),
  },
  'USER_BLOCKED for the blocked user': {
    check: 'refusalsExplained',
    state: (_s, ops) => Object.assign(opAt(ops, { code: 'USER_BLOCKED' }), { actorId: 7, receiverId: 5 }),
  },
  'REQUESTS_NOT_ACCEPTED before the block': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      Object.assign(opAt(ops, { code: 'REQUESTS_NOT_ACCEPTED', actorId: 7 }), { startedMs: 356, endedMs: 359 }),
  },
  'REQUESTS_NOT_ACCEPTED after the block was lifted': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(
        op({ kind: 'send', actorId: 7, receiverId: 6, status: 403, code: 'REQUESTS_NOT_ACCEPTED' }, 421, 425),
      ),
  },
  'REQUESTS_NOT_ACCEPTED before the receiver changed its setting': {
    check: 'refusalsExplained',
    state: (_s, ops) => Object.assign(opAt(ops, { actorId: 3, receiverId: 2 }), { startedMs: 300, endedMs: 305 }),
  },
  'REQUEST_ALREADY_PROCESSED for a cancel before the request was withdrawn': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      Object.assign(opAt(ops, { kind: 'cancel', code: 'REQUEST_ALREADY_PROCESSED' }), { startedMs: 312, endedMs: 318 }),
  },
  'REQUEST_ALREADY_PENDING after the request was withdrawn': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(
        op({ kind: 'send', actorId: 6, receiverId: 5, status: 409, code: 'REQUEST_ALREADY_PENDING' }, 350, 355),
      ),
  },
  "REQUEST_ALREADY_PENDING after the receiver's block declined the request": {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(
        op({ kind: 'send', actorId: 7, receiverId: 5, status: 409, code: 'REQUEST_ALREADY_PENDING' }, 371, 372),
      ),
  },
  'BLOCK_NOT_FOUND while the block was there': {
    check: 'refusalsExplained',
    state: (_s, ops) => Object.assign(opAt(ops, { code: 'BLOCK_NOT_FOUND' }), { startedMs: 411, endedMs: 414 }),
  },
  'BLOCK_NOT_FOUND for a block never lifted': {
    check: 'refusalsExplained',
    state: (_s, ops) =>
      void ops.push(
        op({ kind: 'unblock', actorId: 5, otherUserId: 7, status: 404, code: 'BLOCK_NOT_FOUND' }, 390, 395),
      ),
  },
  'a pending request across a block': {
    check: 'nothingAcrossBlocks',
    state: (s) => void s.requests.push({ id: 24, senderId: 7, receiverId: 6, status: 'pending', respondedAt: null }),
  },
  'a connection across a block': {
    check: 'nothingAcrossBlocks',
    state: (s) => {
      s.connections.push({ id: 111, lowId: 5, highId: 7, requestId: 21, createdAt: at(500) });
      s.edges.push(
        { userId: 5, connectionId: 111, otherUserId: 7, createdAt: at(500) },
        { userId: 7, connectionId: 111, otherUserId: 5, createdAt: at(500) },
      );
    },
  },
  'a request sent to the user who blocks the sender': {
    check: 'blocksAndSettingsObeyed',
    state: (_s, ops) =>
      void ops.push(op({ kind: 'send', actorId: 7, receiverId: 5, status: 201, requestId: 24 }, 386, 389)),
  },
  'a request sent by the blocker': {
    check: 'blocksAndSettingsObeyed',
    state: (_s, ops) => {
      const refused = opAt(ops, { code: 'USER_BLOCKED' });
      Object.assign(refused, { status: 201, requestId: 24 });
      delete refused.code;
    },
  },
  'a request sent to a user taking requests from nobody': {
    check: 'blocksAndSettingsObeyed',
    state: (_s, ops) =>
      void ops.push(op({ kind: 'send', actorId: 3, receiverId: 2, status: 201, requestId: 24 }, 466, 469)),
  },
  'a request accepted across a block': {
    check: 'blocksAndSettingsObeyed',
    state: (_s, ops) => void ops.push(op({ kind: 'accept', actorId: 5, requestId: 21, status: 200 }, 372, 376)),
  },
  'a repeated block answered as new': {
    check: 'blockHistory',
    state: (_s, ops) => {
      opAt(ops, { kind: 'block', status: 200 }).status = 201;
    },
  },
  'a block answered as already there when it was not': {
    check: 'blockHistory',
    state: (_s, ops) => void ops.push(op({ kind: 'block', actorId: 1, otherUserId: 3, status: 200 }, 500, 505)),
  },
  'an unblock of a block lifted already': {
    check: 'blockHistory',
    state: (_s, ops) => {
      const unblock = opAt(ops, { code: 'BLOCK_NOT_FOUND' });
      unblock.status = 200;
      delete unblock.code;
    },
  },
  'a cancelled request without its request_cancelled': {
    check: 'requestNotifications',
    state: (s) => {
      s.notifications = s.notifications.filter((n) => n.id !== 1101);
    },
  },
  'a request_cancelled sent to the sender': {
    check: 'requestNotifications',
    state: (s) => Object.assign(notificationOf(s, 1101), { userId: 5, otherUserId: 6 }),
  },
  'an unread request_cancelled': {
    check: 'requestNotifications',
    state: (s) => {
      notificationOf(s, 1106).readAt = null;
    },
  },
  "a cancelled request whose receiver's new_request stayed unread": {
    check: 'requestNotifications',
    state: (s) => {
      notificationOf(s, 1100).readAt = null;
    },
  },
  'a cancelled request that also told of a decline': {
    check: 'requestNotifications',
    state: (s) => void s.notifications.push(notification(1107, 5, 'request_declined', 20, 6, 2, 325)),
  },
  'a silent decline that told its sender': {
    check: 'requestNotifications',
    state: (s) => void s.notifications.push(notification(1107, 7, 'request_declined', 21, 5, 4, 365)),
  },
  "a block's decline that left the blocker's new_request unread": {
    check: 'requestNotifications',
    state: (s) => {
      notificationOf(s, 1102).readAt = null;
    },
  },
  'an acknowledged cancel that did not cancel': {
    check: 'acknowledgedWrites',
    state: (s) => {
      requestOf(s, 20).status = 'declined';
    },
  },
  'an acknowledged block that left a request pending': {
    check: 'acknowledgedWrites',
    state: (s) => Object.assign(requestOf(s, 21), { status: 'pending', respondedAt: null }),
  },
  'an acknowledged block that left the connection': {
    check: 'acknowledgedWrites',
    state: (s) => {
      s.connections.push({ id: 110, lowId: 6, highId: 7, requestId: 22, createdAt: at(398) });
      s.edges.push(
        { userId: 6, connectionId: 110, otherUserId: 7, createdAt: at(398) },
        { userId: 7, connectionId: 110, otherUserId: 6, createdAt: at(398) },
      );
    },
  },
  'an acknowledged block that is not there': {
    check: 'acknowledgedWrites',
    state: (s) => {
      s.blocks = s.blocks.filter((b) => b.blockerId !== 5);
    },
  },
  'an acknowledged unblock that left the block': {
    check: 'acknowledgedWrites',
    state: (_s, ops) => void ops.splice(ops.indexOf(opAt(ops, { kind: 'block', actorId: 6, startedMs: 440 })), 1),
  },
  'a settings change that did not stick': {
    check: 'acknowledgedWrites',
    state: (s) => {
      s.users[1]!.acceptRequestsFrom = 'nobody';
    },
  },
  "an accept's connection gone with no removal nor block": {
    check: 'acknowledgedWrites',
    state: (_s, ops) => {
      for (const block of ops.filter((o) => o.kind === 'block' && o.actorId === 6)) block.otherUserId = 5;
    },
  },
  "a request cancelled by its receiver's block": {
    check: 'unacknowledgedChanges',
    state: (s) => {
      requestOf(s, 21).status = 'cancelled';
    },
  },
  'a request cancelled by its receiver': {
    check: 'unacknowledgedChanges',
    state: (s, ops) => {
      requestOf(s, 11).status = 'cancelled';
      Object.assign(opAt(ops, { kind: 'decline', requestId: 11 }), { kind: 'cancel' });
    },
  },
  "a request declined by its sender's block": {
    check: 'unacknowledgedChanges',
    state: (s) => {
      requestOf(s, 23).status = 'declined';
    },
  },
  'a block row no block acknowledged': {
    check: 'unacknowledgedChanges',
    state: (s) => void s.blocks.push({ blockerId: 1, blockedId: 4, createdAt: at(300) }),
  },
  'a setting no call changed': {
    check: 'unacknowledgedChanges',
    state: (s) => {
      s.users[2]!.acceptRequestsFrom = 'nobody';
    },
  },
  'the new_request of an accepted request read by no mark-read': {
    check: 'unacknowledgedChanges',
    state: (s) => {
      notificationOf(s, 1103).readAt = at(410);
    },
  },
  'a retry in flight refused as already processed by its own cancel': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      const retry = opAt(ops, { idempotencyKey: 'kc', keyUse: 'retry' });
      Object.assign(retry, { ...REFUSED_PROCESSED, startedMs: 321, endedMs: 329 });
      delete retry.body;
    },
  },
  'a retried cancel refused as not the sender': {
    check: 'idempotentReplays',
    state: (_s, ops) => {
      const retry = opAt(ops, { idempotencyKey: 'kc', keyUse: 'retry' });
      Object.assign(retry, { status: 403, code: 'NOT_REQUEST_SENDER' });
      delete retry.body;
    },
  },
  'a retried cancel that notified the receiver twice': {
    check: 'retriesAppliedOnce',
    state: (s) => void s.notifications.push(notification(1107, 6, 'request_cancelled', 20, 5, 4, 333, 333)),
  },
  'a key reused for another input that cancelled anyway': {
    check: 'keyReuse',
    state: (s) => {
      requestOf(s, 21).status = 'cancelled';
    },
  },
  'a wrong total_items of cancelled requests': {
    check: 'countsAndTotals',
    views: (views) => {
      view(views, 'rest', 6).requestTotals.received.cancelled = 0;
    },
  },
  'a block missing from the blocked list': {
    check: 'apiBlocksAndSettings',
    views: (views) => {
      view(views, 'graphql', 5).blocked.userIds = [];
    },
  },
  'a wrong total of blocked users': {
    check: 'apiBlocksAndSettings',
    views: (views) => {
      view(views, 'rest', 6).blocked.total = 2;
    },
  },
  'a setting read back wrong': {
    check: 'apiBlocksAndSettings',
    views: (views) => {
      view(views, 'rest', 2).acceptRequestsFrom = 'everyone';
    },
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
