import type { ApiView, DbState, LoggedOp, OpKind, Violations } from './model.js';

/*
 * The invariants the gateway must keep under any interleaving of calls, checked on the rows the
 * database holds once the load has stopped, the log of every call and its answer, and what the
 * API lists for each user. Each check returns one line per violation, naming the rows and calls.
 *
 * Calls with one Idempotency-Key (of one user) asking the same input are one write: a replayed
 * success is the same write as the first, not a second one. Their checks are idempotentReplays
 * (a retry of a success gets that success), retriesAppliedOnce (a retry never writes again) and
 * keyReuse (422 IDEMPOTENCY_KEY_REUSED exactly for a key reused for another input).
 *
 * A plain function of data, so that `invariants.test.ts` can show each check catching the
 * violation it is there for.
 */

type Request = DbState['requests'][number];
type Connection = DbState['connections'][number];
type Notification = DbState['notifications'][number];

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v instanceof Date ? v.toISOString() : v));
}

function showOp(op: LoggedOp): string {
  const { kind, face, actorId, status, code, requestId, receiverId, connectionId, notificationId } = op;
  const { idempotencyKey, keyUse, startedMs, endedMs } = op;
  return show({
    kind,
    face,
    actorId,
    status,
    code,
    requestId,
    receiverId,
    connectionId,
    notificationId,
    ...(idempotencyKey !== undefined && { key: idempotencyKey, keyUse }),
    at: `${startedMs}-${endedMs}ms`,
  });
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const isServerError = (op: LoggedOp) => op.status === 0 || op.status >= 500;
const succeeded = (op: LoggedOp) => op.status >= 200 && op.status < 300 && op.code === undefined;
const refused = (op: LoggedOp) => op.status >= 400 && op.status < 500;
const READS: OpKind[] = ['listActive', 'listNotifications', 'listReceived', 'listSent'];

/** The key scope of a keyed call: its user and key. */
const keyOf = (op: LoggedOp) => `${op.actorId}|${op.idempotencyKey}`;
/**
 * The write a call is part of: calls with one key asking the same input are one write (the
 * first and its replays); any other call is a write of its own.
 */
const writeOf = (op: LoggedOp): unknown => (op.idempotencyKey === undefined ? op : `${keyOf(op)}|${op.input}`);
const distinctWrites = (ops: readonly LoggedOp[]) => new Set(ops.map(writeOf)).size;
/**
 * When the change acknowledged by `acks` (one write and its replays) committed: after the
 * earliest of them started, before the earliest of them was answered.
 */
function committedWithin(acks: readonly LoggedOp[] | undefined): { startedMs: number; endedMs: number } | undefined {
  if (!acks?.length) return undefined;
  return {
    startedMs: Math.min(...acks.map((op) => op.startedMs)),
    endedMs: Math.min(...acks.map((op) => op.endedMs)),
  };
}

export const CHECKS = [
  'serverErrors',
  'unexpectedAnswers',
  'refusalsExplained',
  'pendingPerPair',
  'connectionsPerPair',
  'connectionEdges',
  'connectionRequests',
  'pendingWhileConnected',
  'requestHistory',
  'connectionLifecycle',
  'requestNotifications',
  'notificationSequence',
  'acknowledgedWrites',
  'unacknowledgedChanges',
  'idempotentReplays',
  'retriesAppliedOnce',
  'keyReuse',
  'countsAndTotals',
  'apiConnections',
  'apiNotifications',
] as const;

export function findViolations(state: DbState, ops: readonly LoggedOp[], views: readonly ApiView[]): Violations {
  const v: Violations = Object.fromEntries(CHECKS.map((name) => [name, [] as string[]]));
  const add = (check: (typeof CHECKS)[number], message: string) => v[check]!.push(message);

  const requestById = new Map(state.requests.map((r) => [r.id, r]));
  const connectionById = new Map(state.connections.map((c) => [c.id, c]));
  const notificationById = new Map(state.notifications.map((n) => [n.id, n]));
  const requestsByPair = groupBy(state.requests, (r) => pairKey(r.senderId, r.receiverId));
  const connectionsByPair = groupBy(state.connections, (c) => pairKey(c.lowId, c.highId));
  const edgesByUser = groupBy(state.edges, (e) => e.userId);
  const notificationsByUser = groupBy(state.notifications, (n) => n.userId);
  const notificationsByRequest = groupBy(state.notifications, (n) => n.requestId);

  const okSends = ops.filter((op) => op.kind === 'send' && succeeded(op));
  const okSendByRequest = groupBy(okSends, (op) => op.requestId);
  const okAnswersByRequest = groupBy(
    ops.filter((op) => (op.kind === 'accept' || op.kind === 'decline') && succeeded(op)),
    (op) => op.requestId,
  );
  const okRemoves = ops.filter((op) => op.kind === 'remove' && succeeded(op));
  const okRemovesByConnection = groupBy(okRemoves, (op) => op.connectionId);
  const okRemovesByPair = groupBy(okRemoves, (op) => (op.connectionUsers ? pairKey(...op.connectionUsers) : ''));
  const okMarksByNotification = groupBy(
    ops.filter((op) => op.kind === 'markRead' && succeeded(op)),
    (op) => op.notificationId,
  );

  // No call may fail with a 5xx, an unexpected GraphQL error or no answer at all.
  for (const op of ops) if (isServerError(op)) add('serverErrors', `${showOp(op)} ${op.detail ?? ''}`);

  // Every answer is one the call could legitimately get, given who made it (422
  // IDEMPOTENCY_KEY_REUSED is judged by keyReuse).
  for (const op of ops) {
    if (isServerError(op) || op.code === 'IDEMPOTENCY_KEY_REUSED') continue;
    const answer = op.code === undefined ? String(op.status) : `${op.status} ${op.code}`;
    let allowed: string[];
    switch (op.kind) {
      case 'send':
        allowed = ['201', '409 REQUEST_ALREADY_PENDING', '409 ALREADY_CONNECTED'];
        break;
      case 'accept':
      case 'decline': {
        const request = requestById.get(op.requestId!);
        if (request && request.receiverId !== op.actorId) allowed = ['403 NOT_REQUEST_RECEIVER'];
        else allowed = ['200', '409 REQUEST_ALREADY_PROCESSED'];
        break;
      }
      case 'remove':
        allowed = op.connectionUsers?.includes(op.actorId)
          ? ['200', '404 CONNECTION_NOT_FOUND']
          : ['404 CONNECTION_NOT_FOUND'];
        break;
      case 'markRead': {
        const notification = notificationById.get(op.notificationId!);
        allowed = notification && notification.userId !== op.actorId ? ['404 NOTIFICATION_NOT_FOUND'] : ['200'];
        break;
      }
      default:
        allowed = ['200'];
    }
    if (!allowed.includes(answer)) {
      add('unexpectedAnswers', `${showOp(op)} answered ${answer}, expected one of ${allowed.join(' | ')}`);
    }
  }

  // Every refusal is explained by the state at some moment during the call. Client clocks bound
  // when things happened: a row committed after its call started and before its answer arrived
  // (of a write and its replays, after the first started and before the first was answered).
  const okAnswerOf = (requestId: number) => committedWithin(okAnswersByRequest.get(requestId));
  /** Whether a request of the send's pair (other than `except`) may have been pending during it. */
  const pendingDuring = (op: LoggedOp, except?: number) =>
    (requestsByPair.get(pairKey(op.actorId, op.receiverId!)) ?? []).some((r) => {
      if (r.id === except) return false;
      const created = committedWithin(okSendByRequest.get(r.id));
      if (created && created.startedMs > op.endedMs) return false;
      const answered = r.status === 'pending' ? undefined : okAnswerOf(r.id);
      return r.status === 'pending' || !answered || answered.endedMs >= op.startedMs;
    });
  for (const op of ops) {
    if (!refused(op)) continue;
    const during = `during ${op.startedMs}-${op.endedMs}ms`;
    if (op.kind === 'send' && op.code === 'REQUEST_ALREADY_PENDING' && !pendingDuring(op)) {
      add('refusalsExplained', `${showOp(op)}: no request of the pair was pending ${during}`);
    }
    if (op.kind === 'send' && op.code === 'ALREADY_CONNECTED') {
      const key = pairKey(op.actorId, op.receiverId!);
      const pair = [...(requestsByPair.get(key) ?? [])].sort((a, b) => a.id - b.id);
      const live = connectionsByPair.get(key)?.[0];
      const removedBy = Math.max(-1, ...(okRemovesByPair.get(key) ?? []).map((r) => r.endedMs));
      const connectedThen = pair.some((r, i) => {
        if (r.status !== 'accepted') return false;
        const accepted = okAnswerOf(r.id);
        if (accepted && accepted.startedMs > op.endedMs) return false;
        if (live?.requestId === r.id) return true;
        // Removed: before the pair's next request was created, by one of the pair's removals.
        const next = pair[i + 1] && committedWithin(okSendByRequest.get(pair[i + 1]!.id));
        const removedBefore = next ? next.endedMs : removedBy < 0 ? Number.POSITIVE_INFINITY : removedBy;
        return removedBefore >= op.startedMs;
      });
      if (!connectedThen) add('refusalsExplained', `${showOp(op)}: the pair was not connected ${during}`);
    }
    if ((op.kind === 'accept' || op.kind === 'decline') && op.code === 'REQUEST_ALREADY_PROCESSED') {
      const request = requestById.get(op.requestId!);
      const answered = okAnswerOf(op.requestId!);
      if (!request || request.status === 'pending' || (answered && answered.startedMs > op.endedMs)) {
        add('refusalsExplained', `${showOp(op)}: request ${show(request)} was not answered before the call ended`);
      }
    }
    if (op.kind === 'remove' && op.code === 'CONNECTION_NOT_FOUND' && op.connectionUsers?.includes(op.actorId)) {
      const removal = okRemovesByConnection.get(op.connectionId)?.[0];
      if (connectionById.has(op.connectionId!) || (removal && removal.startedMs > op.endedMs)) {
        add('refusalsExplained', `${showOp(op)}: the user's connection still existed ${during}`);
      }
    }
  }

  // At most one pending request per unordered pair.
  for (const [key, requests] of requestsByPair) {
    const pending = requests.filter((r) => r.status === 'pending');
    if (pending.length > 1) add('pendingPerPair', `pair ${key}: ${pending.length} pending requests ${show(pending)}`);
  }

  // At most one connection per unordered pair, stored low < high.
  for (const [key, connections] of connectionsByPair) {
    if (connections.length > 1)
      add('connectionsPerPair', `pair ${key}: ${connections.length} connections ${show(connections)}`);
  }
  for (const c of state.connections) {
    if (!(c.lowId < c.highId)) add('connectionsPerPair', `connection not stored as low < high: ${show(c)}`);
  }

  // Each connection has exactly its two edges, one per side, with the connection's date.
  const edgesByConnection = groupBy(state.edges, (e) => e.connectionId);
  for (const c of state.connections) {
    const edges = edgesByConnection.get(c.id) ?? [];
    const expected = [
      { userId: c.lowId, otherUserId: c.highId },
      { userId: c.highId, otherUserId: c.lowId },
    ];
    const fine =
      edges.length === 2 &&
      expected.every((x) =>
        edges.some(
          (e) =>
            e.userId === x.userId && e.otherUserId === x.otherUserId && e.createdAt.getTime() === c.createdAt.getTime(),
        ),
      );
    if (!fine) add('connectionEdges', `connection ${show(c)} has edges ${show(edges)}`);
  }
  for (const [connectionId, edges] of edgesByConnection) {
    if (!connectionById.has(connectionId)) add('connectionEdges', `edges of no connection: ${show(edges)}`);
  }

  // Every live connection belongs to an accepted request of the same pair, the pair's newest
  // (nobody can send while connected), and no request has two connections.
  for (const c of state.connections) {
    const request = requestById.get(c.requestId);
    const key = pairKey(c.lowId, c.highId);
    if (!request) {
      add('connectionRequests', `connection ${show(c)}: its request does not exist`);
      continue;
    }
    if (request.status !== 'accepted' || pairKey(request.senderId, request.receiverId) !== key) {
      add('connectionRequests', `connection ${show(c)} belongs to request ${show(request)}`);
    }
    const newest = Math.max(...(requestsByPair.get(key) ?? []).map((r) => r.id));
    if (newest !== request.id) {
      add(
        'connectionRequests',
        `connection ${show(c)}: a newer request of the pair exists: ${show(requestById.get(newest))}`,
      );
    }
  }
  for (const [requestId, connections] of groupBy(state.connections, (c) => c.requestId)) {
    if (connections.length > 1)
      add('connectionRequests', `request ${requestId} has ${connections.length} connections ${show(connections)}`);
  }

  // Connected users have no pending request between them.
  for (const r of state.requests) {
    if (r.status === 'pending' && connectionsByPair.has(pairKey(r.senderId, r.receiverId))) {
      add(
        'pendingWhileConnected',
        `pending request ${show(r)} between connected users ${show(connectionsByPair.get(pairKey(r.senderId, r.receiverId)))}`,
      );
    }
  }

  // A pair's requests follow one another: a request can only be sent once the previous one is
  // answered, so only the newest request of a pair may be pending; answered ones have a date.
  for (const [key, requests] of requestsByPair) {
    const ordered = [...requests].sort((a, b) => a.id - b.id);
    for (const r of ordered.slice(0, -1)) {
      if (r.status === 'pending')
        add('requestHistory', `pair ${key}: request ${show(r)} is pending but not the newest: ${show(ordered.at(-1))}`);
    }
  }
  for (const r of state.requests) {
    if ((r.status === 'pending') !== (r.respondedAt === null))
      add('requestHistory', `request ${show(r)}: responded_at does not match its status`);
  }

  // Every accepted request created exactly one connection: either still there, or removed by an
  // acknowledged removal (removed connections are deleted rows).
  for (const [key, requests] of requestsByPair) {
    const accepted = requests.filter((r) => r.status === 'accepted').length;
    const live = connectionsByPair.get(key)?.length ?? 0;
    const removed = new Set((okRemovesByPair.get(key) ?? []).map((op) => op.connectionId));
    if (accepted !== live + removed.size) {
      add(
        'connectionLifecycle',
        `pair ${key}: ${accepted} accepted requests, but ${live} live connection(s) + ${removed.size} acknowledged removal(s) [${[...removed].join(', ')}]`,
      );
    }
  }

  // Every request has exactly one new_request notification (to its receiver), and exactly one
  // answer notification (to its sender) once answered, of the answer's type.
  for (const r of state.requests) {
    const notifications = notificationsByRequest.get(r.id) ?? [];
    const expect = (type: string, count: number, to: number, other: number) => {
      const ofType = notifications.filter((n) => n.type === type);
      if (ofType.length !== count || ofType.some((n) => n.userId !== to || n.otherUserId !== other)) {
        add(
          'requestNotifications',
          `request ${show(r)}: expected ${count} ${type} to user ${to}, found ${show(ofType)}`,
        );
      }
    };
    expect('new_request', 1, r.receiverId, r.senderId);
    expect('request_accepted', r.status === 'accepted' ? 1 : 0, r.senderId, r.receiverId);
    expect('request_declined', r.status === 'declined' ? 1 : 0, r.senderId, r.receiverId);
    const others = notifications.filter(
      (n) => !['new_request', 'request_accepted', 'request_declined'].includes(n.type),
    );
    if (others.length)
      add('requestNotifications', `request ${show(r)}: notifications of unknown types ${show(others)}`);
  }
  for (const [requestId, notifications] of notificationsByRequest) {
    if (!requestById.has(requestId)) add('requestNotifications', `notifications of no request: ${show(notifications)}`);
  }

  // Each user's notifications are numbered 1..notification_seq without gaps or repeats.
  for (const user of state.users) {
    const seqs = (notificationsByUser.get(user.id) ?? []).map((n) => n.seq).sort((a, b) => a - b);
    const gapless = seqs.every((seq, i) => seq === i + 1);
    if (!gapless || seqs.length !== user.notificationSeq) {
      add('notificationSequence', `user ${user.id}: notification_seq ${user.notificationSeq}, seqs ${seqs.join(',')}`);
    }
  }

  // Every acknowledged write is in the database.
  for (const op of ops) {
    if (!succeeded(op) || READS.includes(op.kind)) continue;
    const fail = (what: string) => add('acknowledgedWrites', `${showOp(op)}: ${what}`);
    if (op.kind === 'send') {
      const r = requestById.get(op.requestId!);
      if (!r) fail('the request it created does not exist');
      else if (r.senderId !== op.actorId || r.receiverId !== op.receiverId) fail(`the request is ${show(r)}`);
    } else if (op.kind === 'accept' || op.kind === 'decline') {
      const r = requestById.get(op.requestId!);
      const status = op.kind === 'accept' ? 'accepted' : 'declined';
      if (!r || r.status !== status || r.receiverId !== op.actorId) fail(`the request is ${show(r)}`);
    } else if (op.kind === 'remove') {
      if (connectionById.has(op.connectionId!))
        fail(`the connection is still there: ${show(connectionById.get(op.connectionId!))}`);
    } else if (op.kind === 'markRead') {
      const n = notificationById.get(op.notificationId!);
      if (!n || n.readAt === null || n.userId !== op.actorId) fail(`the notification is ${show(n)}`);
    }
  }
  // One row per write: a replay acknowledges its first call's row again, another write may not.
  for (const [requestId, sends] of okSendByRequest) {
    const writes = distinctWrites(sends);
    if (writes > 1)
      add('acknowledgedWrites', `request ${requestId} acknowledged by ${writes} sends: ${sends.map(showOp).join(' ')}`);
  }
  for (const [requestId, answers] of okAnswersByRequest) {
    const writes = distinctWrites(answers);
    if (writes > 1)
      add('acknowledgedWrites', `request ${requestId} answered ${writes} times: ${answers.map(showOp).join(' ')}`);
  }
  // An accept's connection (GraphQL returns it) is its request's: still there, or removed.
  for (const op of okAnswersByRequest.values()) {
    for (const accept of op) {
      if (accept.kind !== 'accept' || accept.connectionId === undefined) continue;
      const c = connectionById.get(accept.connectionId);
      if (c ? c.requestId !== accept.requestId : !okRemovesByConnection.has(accept.connectionId)) {
        add(
          'acknowledgedWrites',
          `${showOp(accept)}: its connection is ${c ? show(c) : 'gone, but no removal of it was acknowledged'}`,
        );
      }
    }
  }
  for (const [connectionId, removes] of okRemovesByConnection) {
    if (removes.length > 1)
      add(
        'acknowledgedWrites',
        `connection ${connectionId} removed ${removes.length} times: ${removes.map(showOp).join(' ')}`,
      );
  }

  // Every change in the database was acknowledged: what no 2xx explains was done by a call that
  // was refused (or never answered). Listed with the refused calls on the same thing.
  const refusedOn = (match: (op: LoggedOp) => boolean) =>
    ops
      .filter((op) => !succeeded(op) && match(op))
      .map(showOp)
      .join(' ');
  for (const r of state.requests) {
    if (!okSendByRequest.has(r.id)) {
      add(
        'unacknowledgedChanges',
        `request ${show(r)} exists but no send was acknowledged for it; refused sends of the pair: ${refusedOn((op) => op.kind === 'send' && pairKey(op.actorId, op.receiverId!) === pairKey(r.senderId, r.receiverId))}`,
      );
    }
    if (r.status !== 'pending') {
      const kind = r.status === 'accepted' ? 'accept' : 'decline';
      if (!(okAnswersByRequest.get(r.id) ?? []).some((op) => op.kind === kind)) {
        add(
          'unacknowledgedChanges',
          `request ${show(r)} is ${r.status} but no ${kind} was acknowledged; refused answers: ${refusedOn((op) => op.requestId === r.id && op.kind !== 'send')}`,
        );
      }
    }
  }
  for (const n of state.notifications) {
    if (n.readAt !== null && !(okMarksByNotification.get(n.id) ?? []).some((op) => op.actorId === n.userId)) {
      add(
        'unacknowledgedChanges',
        `notification ${show(n)} is read but its user's mark-read was never acknowledged; refused: ${refusedOn((op) => op.kind === 'markRead' && op.notificationId === n.id)}`,
      );
    }
  }
  const removedIds = new Set(ops.filter((op) => op.kind === 'remove').map((op) => op.connectionId!));
  for (const id of removedIds) {
    if (!connectionById.has(id) && !okRemovesByConnection.has(id)) {
      add(
        'unacknowledgedChanges',
        `connection ${id} is gone but no removal was acknowledged; refused: ${refusedOn((op) => op.kind === 'remove' && op.connectionId === id)}`,
      );
    }
  }

  // Calls with one key (of one user): by input, then the first success of each input.
  const keyed = ops.filter((op) => op.idempotencyKey !== undefined && !isServerError(op));
  const callsByKey = groupBy(keyed, keyOf);
  const keyedWrites: { label: string; calls: LoggedOp[]; oks: LoggedOp[]; first: LoggedOp }[] = [];
  for (const calls of callsByKey.values()) {
    for (const [input, same] of groupBy(calls, (op) => op.input)) {
      const oks = same.filter(succeeded);
      if (!oks.length) continue;
      const first = oks.reduce((a, b) => (b.endedMs < a.endedMs ? b : a));
      const label = `key '${first.idempotencyKey}' of user ${first.actorId} for ${input}`;
      keyedWrites.push({ label, calls: same, oks, first });
    }
  }

  // Once a call with a key has succeeded, every call with the key and the same input gets that
  // success, through either face: the same status, the same ids, the same body per face. Calls
  // that overlapped the first success may have been refused before it committed (a failure is
  // not remembered), but never by the key's own write: a 409 REQUEST_ALREADY_PROCESSED for the
  // request the key answered, a 409 REQUEST_ALREADY_PENDING that only its own request explains.
  for (const { label, calls, oks, first } of keyedWrites) {
    const distinct = (values: unknown[]) => new Set(values.filter((x) => x !== undefined)).size;
    const bodies = [...groupBy(oks, (op) => op.face).values()].map((list) => distinct(list.map((op) => op.body)));
    const disagree = [
      distinct(oks.map((op) => op.status)) > 1 && 'statuses',
      distinct(oks.map((op) => op.requestId)) > 1 && 'requests',
      distinct(oks.map((op) => op.connectionId)) > 1 && 'connections',
      bodies.some((n) => n > 1) && 'bodies',
    ].filter(Boolean);
    if (disagree.length) {
      add(
        'idempotentReplays',
        `${label}: successes with different ${disagree.join(', ')}: ${oks.map(showOp).join(' ')}`,
      );
    }
    for (const op of calls) {
      if (succeeded(op)) continue;
      if (op.startedMs > first.endedMs) {
        add(
          'idempotentReplays',
          `${label}: ${showOp(op)} started after the first success ${showOp(first)} and was not given it`,
        );
      } else if (
        (op.code === 'REQUEST_ALREADY_PROCESSED' && (op.kind === 'accept' || op.kind === 'decline')) ||
        (op.code === 'REQUEST_ALREADY_PENDING' && op.kind === 'send' && !pendingDuring(op, first.requestId))
      ) {
        add('idempotentReplays', `${label}: ${showOp(op)} was refused because of the key's own write ${showOp(first)}`);
      }
    }
  }

  // A retry never writes again: a key's send names one request, its answer notifies once, and
  // each sender → receiver has as many request rows as acknowledged sends (a send and its
  // replays counted once).
  for (const { label, oks, first } of keyedWrites) {
    if (first.kind === 'send') {
      const ids = [...new Set(oks.map((op) => op.requestId))];
      if (ids.length !== 1) add('retriesAppliedOnce', `${label}: its calls created requests ${ids.join(', ')}`);
      const created = notificationsByRequest.get(first.requestId!)?.filter((n) => n.type === 'new_request') ?? [];
      if (created.length > 1)
        add('retriesAppliedOnce', `${label}: ${created.length} new_request notifications ${show(created)}`);
    } else if (first.kind === 'accept' || first.kind === 'decline') {
      const type = first.kind === 'accept' ? 'request_accepted' : 'request_declined';
      const answered = notificationsByRequest.get(first.requestId!)?.filter((n) => n.type === type) ?? [];
      const connections = state.connections.filter((c) => c.requestId === first.requestId);
      if (answered.length !== 1 || connections.length > 1) {
        add(
          'retriesAppliedOnce',
          `${label}: ${answered.length} ${type} notifications ${show(answered)}, connections ${show(connections)}`,
        );
      }
    }
  }
  const keyedSendsByDirection = groupBy(
    keyed.filter((op) => op.kind === 'send'),
    (op) => `${op.actorId}>${op.receiverId}`,
  );
  const requestsByDirection = groupBy(state.requests, (r) => `${r.senderId}>${r.receiverId}`);
  const okSendsByDirection = groupBy(okSends, (op) => `${op.actorId}>${op.receiverId}`);
  for (const direction of keyedSendsByDirection.keys()) {
    const rows = requestsByDirection.get(direction) ?? [];
    const writes = distinctWrites(okSendsByDirection.get(direction) ?? []);
    if (rows.length !== writes) {
      add(
        'retriesAppliedOnce',
        `requests ${direction}: ${rows.length} rows ${show(rows.map((r) => r.id))} for ${writes} acknowledged sends: ${(okSendsByDirection.get(direction) ?? []).map(showOp).join(' ')}`,
      );
    }
  }

  // 422 IDEMPOTENCY_KEY_REUSED answers exactly the calls that deliberately reuse a key that had
  // succeeded for another input (the key belongs to the input of its first success), and such
  // a call changes nothing.
  const ownerOf = new Map<string, LoggedOp>();
  for (const [key, calls] of callsByKey) {
    const oks = calls.filter(succeeded);
    if (oks.length)
      ownerOf.set(
        key,
        oks.reduce((a, b) => (b.endedMs < a.endedMs ? b : a)),
      );
  }
  for (const op of ops) {
    if (isServerError(op)) continue;
    const reuseAnswer = op.code === 'IDEMPOTENCY_KEY_REUSED';
    const owner = op.idempotencyKey === undefined ? undefined : ownerOf.get(keyOf(op));
    const otherInput = owner !== undefined && owner.input !== op.input;
    if (reuseAnswer && (op.keyUse !== 'reuse' || !otherInput || owner.startedMs >= op.endedMs)) {
      add(
        'keyReuse',
        `${showOp(op)} (${op.input ?? 'no key'}): 422 IDEMPOTENCY_KEY_REUSED, but ${op.keyUse === 'reuse' ? 'its key had not succeeded for another input before' : 'the load did not reuse its key for another input'}; the key's first success: ${owner ? `${showOp(owner)} (${owner.input})` : 'none'}`,
      );
    }
    if (!reuseAnswer && (op.keyUse === 'reuse' || (otherInput && owner.endedMs < op.startedMs))) {
      add(
        'keyReuse',
        `${showOp(op)} (${op.input}) reused a key that had succeeded for ${owner?.input ?? 'another input'}, and was answered ${op.status} ${op.code ?? ''} instead of 422`,
      );
    }
    if (!reuseAnswer) continue;
    const changed = (what: string) => add('keyReuse', `${showOp(op)} was refused with 422 but ${what}`);
    if (op.kind === 'send') {
      const unexplained = (requestsByDirection.get(`${op.actorId}>${op.receiverId}`) ?? []).filter(
        (r) => !okSendByRequest.has(r.id),
      );
      if (unexplained.length) changed(`requests no send acknowledged exist: ${show(unexplained)}`);
    } else if (op.kind === 'accept' || op.kind === 'decline') {
      const r = requestById.get(op.requestId!);
      const status = op.kind === 'accept' ? 'accepted' : 'declined';
      if (r?.status === status && !(okAnswersByRequest.get(r.id) ?? []).some((o) => o.kind === op.kind)) {
        changed(`the request is ${status} by no acknowledged ${op.kind}: ${show(r)}`);
      }
    } else if (op.kind === 'markRead') {
      const n = notificationById.get(op.notificationId!);
      if (n?.readAt && !(okMarksByNotification.get(n.id) ?? []).some((o) => o.actorId === n.userId)) {
        changed(`the notification is read by no acknowledged mark-read: ${show(n)}`);
      }
    }
  }

  // Counters and list totals equal the rows they count.
  const count = <T>(rows: T[] | undefined, test: (row: T) => boolean = () => true) => (rows ?? []).filter(test).length;
  for (const user of state.users) {
    const edges = count(edgesByUser.get(user.id));
    if (user.connectionCount !== edges)
      add('countsAndTotals', `user ${user.id}: connection_count ${user.connectionCount}, ${edges} edges`);
  }
  for (const view of views) {
    const who = `${view.face} user ${view.userId}`;
    const mismatch = (what: string, api: number, rows: number) => {
      if (api !== rows) add('countsAndTotals', `${who}: ${what} is ${api}, the database has ${rows}`);
    };
    const edges = count(edgesByUser.get(view.userId));
    mismatch('active total_items', view.active.total, edges);
    mismatch('active items over all pages', view.active.items.length, edges);
    const notifications = notificationsByUser.get(view.userId);
    const unread = count(notifications, (n) => n.readAt === null);
    mismatch('notifications total_items', view.notifications.total, count(notifications));
    mismatch('unread_count', view.notifications.unreadCount, unread);
    mismatch('notifications total_items with unread_only', view.notifications.unreadOnlyTotal, unread);
    for (const direction of ['sent', 'received'] as const) {
      const side = (r: Request) => (direction === 'sent' ? r.senderId : r.receiverId) === view.userId;
      for (const [status, total] of Object.entries(view.requestTotals[direction])) {
        mismatch(
          `${direction}?status=${status} total_items`,
          total,
          count(state.requests, (r) => side(r) && (status === 'all' || r.status === status)),
        );
      }
    }
  }

  // Both users list each connection, with the same id and date, through either face; nobody
  // lists a connection that is not there.
  const viewOf = new Map(views.map((view) => [`${view.face}:${view.userId}`, view]));
  for (const face of new Set(views.map((view) => view.face))) {
    for (const c of state.connections) {
      const since = c.createdAt.toISOString();
      for (const [user, other] of [
        [c.lowId, c.highId],
        [c.highId, c.lowId],
      ] as const) {
        const view = viewOf.get(`${face}:${user}`);
        if (!view) continue;
        const listed = view.active.items.filter((item) => item.connectionId === c.id);
        if (listed.length !== 1 || listed[0]!.otherUserId !== other || listed[0]!.since !== since) {
          add('apiConnections', `${face} user ${user} lists connection ${show(c)} as ${show(listed)}`);
        }
      }
    }
  }
  for (const view of views) {
    for (const item of view.active.items) {
      const c = connectionById.get(item.connectionId);
      if (!c || ![c.lowId, c.highId].includes(view.userId)) {
        add(
          'apiConnections',
          `${view.face} user ${view.userId} lists ${show(item)}, which is not a connection of theirs: ${show(c)}`,
        );
        continue;
      }
      const mirror = viewOf
        .get(`${view.face}:${item.otherUserId}`)
        ?.active.items.find((i) => i.connectionId === item.connectionId);
      if (mirror && (mirror.otherUserId !== view.userId || mirror.since !== item.since)) {
        add(
          'apiConnections',
          `${view.face}: user ${view.userId} lists ${show(item)}, user ${item.otherUserId} lists ${show(mirror)}`,
        );
      }
    }
  }

  // The first page of notifications is the newest 50 rows, with their read state.
  for (const view of views) {
    const rows = [...(notificationsByUser.get(view.userId) ?? [])]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id)
      .slice(0, 50);
    const expected = rows.map((n: Notification) => ({
      id: n.id,
      type: n.type,
      read: n.readAt !== null,
      requestId: n.requestId,
      otherUserId: n.otherUserId,
    }));
    const listed = view.notifications.firstPage;
    const at = expected.findIndex((n, i) => show(n) !== show(listed[i]));
    if (at >= 0 || listed.length !== expected.length) {
      const i = at >= 0 ? at : Math.min(listed.length, expected.length);
      add(
        'apiNotifications',
        `${view.face} user ${view.userId}: notification #${i + 1} of the first page is ${show(listed[i])}, the database has ${show(expected[i])} (${listed.length} listed, ${expected.length} expected)`,
      );
    }
  }

  return v;
}

export type { Connection, Request };
