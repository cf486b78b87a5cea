import type { ApiView, DbState, LoggedOp, OpKind, RequestPolicy, Violations } from './model.js';

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
 * Blocks and privacy settings are judged on their history in the log: each 2xx block (201 or
 * 200) or unblock, each 2xx settings change, committed within its call. A block or a setting
 * "may have held" during a call unless a later change certainly came between it and the call;
 * it "held throughout" a call when it certainly committed before and no change can have come
 * between. A request closed by no acknowledged answer or cancel was closed by a block: the
 * sender's block withdraws it (cancelled), the receiver's declines it silently (no
 * request_declined); such a block is a 2xx block of the pair, that way round, that may have
 * committed after the request was created.
 *
 * Each check is a plain function of data, named as in CHECKS: `findViolations` indexes the rows,
 * the log and the views once and runs every check on them, so that `invariants.test.ts` can
 * show each check catching the violation it is there for.
 */

type Request = DbState['requests'][number];
type Connection = DbState['connections'][number];
type Notification = DbState['notifications'][number];
/** When a change committed: after `startedMs`, before `endedMs` (client clocks, ms since the run started). */
type Span = { startedMs: number; endedMs: number };

const pairKey = (a: number, b: number) => (a < b ? `${a}-${b}` : `${b}-${a}`);
/** One way of a pair: `from` blocks `to`. */
const wayKey = (from: number, to: number) => `${from}>${to}`;

function show(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (v instanceof Date ? v.toISOString() : v));
}

function showOp(op: LoggedOp): string {
  const { kind, face, actorId, status, code, requestId, receiverId, connectionId, notificationId } = op;
  const { otherUserId, policy, idempotencyKey, keyUse, startedMs, endedMs } = op;
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
    otherUserId,
    policy,
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
const isAnswer = (op: LoggedOp) => op.kind === 'accept' || op.kind === 'decline' || op.kind === 'cancel';

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
function committedWithin(acks: readonly LoggedOp[] | undefined): Span | undefined {
  if (!acks?.length) return undefined;
  return {
    startedMs: Math.min(...acks.map((op) => op.startedMs)),
    endedMs: Math.min(...acks.map((op) => op.endedMs)),
  };
}

/** The state before the run: committed before anything else. */
const AT_START: Span = { startedMs: Number.NEGATIVE_INFINITY, endedMs: Number.NEGATIVE_INFINITY };

/**
 * Whether a state that each of `sets` brings about (or confirms) and each of `unsets` ends may
 * have held at some moment of `during`: one of `sets` may have committed before `during` ended,
 * and no unset certainly committed after it and before `during` started. (If it held at a
 * moment t of `during`, the last set before t is such a one.)
 */
function mayHold(sets: readonly Span[], unsets: readonly Span[], during: Span): boolean {
  return sets.some(
    (set) =>
      set.startedMs <= during.endedMs &&
      !unsets.some((unset) => unset.startedMs > set.endedMs && unset.endedMs < during.startedMs),
  );
}

/**
 * Whether it certainly held throughout `during`: one of `sets` certainly committed before
 * `during` started, and none of `unsets` can have committed between it and the end of `during`.
 */
function heldThroughout(sets: readonly Span[], unsets: readonly Span[], during: Span): boolean {
  return sets.some(
    (set) =>
      set.endedMs < during.startedMs &&
      !unsets.some((unset) => unset.endedMs >= set.startedMs && unset.startedMs <= during.endedMs),
  );
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
  'nothingAcrossBlocks',
  'blocksAndSettingsObeyed',
  'blockHistory',
  'acknowledgedWrites',
  'unacknowledgedChanges',
  'idempotentReplays',
  'retriesAppliedOnce',
  'keyReuse',
  'countsAndTotals',
  'apiConnections',
  'apiNotifications',
  'apiBlocksAndSettings',
] as const;

type Check = (typeof CHECKS)[number];
type Edge = DbState['edges'][number];

/** The writes of one key (of one user) for one input: its calls, their successes and the first. */
interface KeyedWrite {
  label: string;
  calls: LoggedOp[];
  oks: LoggedOp[];
  first: LoggedOp;
}

/** The rows, calls and views of a run, and the lookups the checks share, built once. */
interface Run {
  state: DbState;
  ops: readonly LoggedOp[];
  views: readonly ApiView[];
  requestById: Map<number, Request>;
  connectionById: Map<number, Connection>;
  notificationById: Map<number, Notification>;
  requestsByPair: Map<string, Request[]>;
  connectionsByPair: Map<string, Connection[]>;
  edgesByUser: Map<number, Edge[]>;
  notificationsByUser: Map<number, Notification[]>;
  notificationsByRequest: Map<number, Notification[]>;
  requestsByDirection: Map<string, Request[]>;
  okSends: LoggedOp[];
  okSendByRequest: Map<number | undefined, LoggedOp[]>;
  /** The acknowledged answers (accept, decline) and withdrawals (cancel) of each request. */
  okAnswersByRequest: Map<number | undefined, LoggedOp[]>;
  okRemovesByConnection: Map<number | undefined, LoggedOp[]>;
  okRemovesByPair: Map<string, LoggedOp[]>;
  okMarksByNotification: Map<number | undefined, LoggedOp[]>;
  okBlocksByWay: Map<string, LoggedOp[]>;
  okBlocksByPair: Map<string, LoggedOp[]>;
  okUnblocksByWay: Map<string, LoggedOp[]>;
  okSettingsByUser: Map<number, LoggedOp[]>;
  /** Every way (blocker>blocked) with an acknowledged block or unblock. */
  blockWays: Set<string>;
  /** The keyed calls that got an answer (no 5xx), by key scope, and the writes they made. */
  keyed: LoggedOp[];
  callsByKey: Map<string, LoggedOp[]>;
  keyedWrites: KeyedWrite[];
  viewByFaceAndUser: Map<string, ApiView>;
}

function indexRun(state: DbState, ops: readonly LoggedOp[], views: readonly ApiView[]): Run {
  const okSends = ops.filter((op) => op.kind === 'send' && succeeded(op));
  const okRemoves = ops.filter((op) => op.kind === 'remove' && succeeded(op));
  const okBlocks = ops.filter((op) => op.kind === 'block' && succeeded(op));
  const okBlocksByWay = groupBy(okBlocks, (op) => wayKey(op.actorId, op.otherUserId!));
  const okUnblocksByWay = groupBy(
    ops.filter((op) => op.kind === 'unblock' && succeeded(op)),
    (op) => wayKey(op.actorId, op.otherUserId!),
  );
  const keyed = ops.filter((op) => op.idempotencyKey !== undefined && !isServerError(op));
  const callsByKey = groupBy(keyed, keyOf);
  return {
    state,
    ops,
    views,
    requestById: new Map(state.requests.map((r) => [r.id, r])),
    connectionById: new Map(state.connections.map((c) => [c.id, c])),
    notificationById: new Map(state.notifications.map((n) => [n.id, n])),
    requestsByPair: groupBy(state.requests, (r) => pairKey(r.senderId, r.receiverId)),
    connectionsByPair: groupBy(state.connections, (c) => pairKey(c.lowId, c.highId)),
    edgesByUser: groupBy(state.edges, (e) => e.userId),
    notificationsByUser: groupBy(state.notifications, (n) => n.userId),
    notificationsByRequest: groupBy(state.notifications, (n) => n.requestId),
    requestsByDirection: groupBy(state.requests, (r) => `${r.senderId}>${r.receiverId}`),
    okSends,
    okSendByRequest: groupBy(okSends, (op) => op.requestId),
    okAnswersByRequest: groupBy(
      ops.filter((op) => isAnswer(op) && succeeded(op)),
      (op) => op.requestId,
    ),
    okRemovesByConnection: groupBy(okRemoves, (op) => op.connectionId),
    okRemovesByPair: groupBy(okRemoves, (op) => (op.connectionUsers ? pairKey(...op.connectionUsers) : '')),
    okMarksByNotification: groupBy(
      ops.filter((op) => op.kind === 'markRead' && succeeded(op)),
      (op) => op.notificationId,
    ),
    okBlocksByWay,
    okBlocksByPair: groupBy(okBlocks, (op) => pairKey(op.actorId, op.otherUserId!)),
    okUnblocksByWay,
    okSettingsByUser: groupBy(
      ops.filter((op) => op.kind === 'settings' && succeeded(op)),
      (op) => op.actorId,
    ),
    blockWays: new Set([...okBlocksByWay.keys(), ...okUnblocksByWay.keys()]),
    keyed,
    callsByKey,
    keyedWrites: keyedWritesOf(callsByKey),
    viewByFaceAndUser: new Map(views.map((view) => [`${view.face}:${view.userId}`, view])),
  };
}

/** Calls with one key (of one user): by input, then the first success of each input. */
function keyedWritesOf(callsByKey: Map<string, LoggedOp[]>): KeyedWrite[] {
  const keyedWrites: KeyedWrite[] = [];
  for (const calls of callsByKey.values()) {
    for (const [input, same] of groupBy(calls, (op) => op.input)) {
      const oks = same.filter(succeeded);
      if (!oks.length) continue;
      const first = oks.reduce((a, b) => (b.endedMs < a.endedMs ? b : a));
      const label = `key '${first.idempotencyKey}' of user ${first.actorId} for ${input}`;
      keyedWrites.push({ label, calls: same, oks, first });
    }
  }
  return keyedWrites;
}

// ---------------------------------------------------------------------------------------------
// What the log says held when: blocks, settings, and when each request was created and closed.
// ---------------------------------------------------------------------------------------------

/** Whether `from` may have blocked `to` at some moment of `during`. */
const blockMayHold = (run: Run, from: number, to: number, during: Span) =>
  mayHold(run.okBlocksByWay.get(wayKey(from, to)) ?? [], run.okUnblocksByWay.get(wayKey(from, to)) ?? [], during);

/** Whether `from` blocked `to` throughout `during`. */
const blockHeld = (run: Run, from: number, to: number, during: Span) =>
  heldThroughout(
    run.okBlocksByWay.get(wayKey(from, to)) ?? [],
    run.okUnblocksByWay.get(wayKey(from, to)) ?? [],
    during,
  );

/** The acknowledged changes of `userId`'s accept_requests_from that set `policy`, and the others. */
function policyChanges(run: Run, userId: number, policy: RequestPolicy): { sets: Span[]; unsets: Span[] } {
  const changes = run.okSettingsByUser.get(userId) ?? [];
  const sets = changes.filter((op) => op.policy === policy);
  return {
    sets: policy === 'everyone' ? [AT_START, ...sets] : sets,
    unsets: changes.filter((op) => op.policy !== policy),
  };
}

/** Whether `userId`'s accept_requests_from may have been `policy` at some moment of `during`. */
const policyMayHold = (run: Run, userId: number, policy: RequestPolicy, during: Span) => {
  const { sets, unsets } = policyChanges(run, userId, policy);
  return mayHold(sets, unsets, during);
};

/** Whether `userId`'s accept_requests_from was `policy` throughout `during`. */
const policyHeld = (run: Run, userId: number, policy: RequestPolicy, during: Span) => {
  const { sets, unsets } = policyChanges(run, userId, policy);
  return heldThroughout(sets, unsets, during);
};

/** When the acknowledged answer or cancel of a request committed. */
const okAnswerOf = (run: Run, requestId: number) => committedWithin(run.okAnswersByRequest.get(requestId));

/**
 * The blocks that may have closed `r` without an answer: the 2xx blocks of its sender (for a
 * cancelled request) or its receiver (declined) of the other, that may have committed after
 * it was created.
 */
function closingBlocks(run: Run, r: Request): LoggedOp[] {
  if (r.status !== 'cancelled' && r.status !== 'declined') return [];
  const [blocker, blocked] = r.status === 'cancelled' ? [r.senderId, r.receiverId] : [r.receiverId, r.senderId];
  const created = committedWithin(run.okSendByRequest.get(r.id));
  return (run.okBlocksByWay.get(wayKey(blocker, blocked)) ?? []).filter(
    (b) => !created || b.endedMs >= created.startedMs,
  );
}

/** Whether a block closed `r`: no answer or cancel of it was acknowledged, and a block may have. */
const closedByBlock = (run: Run, r: Request) => !run.okAnswersByRequest.has(r.id) && closingBlocks(run, r).length > 0;

/**
 * When `r` stopped being pending: within its acknowledged answer or cancel, else within the
 * blocks that may have closed it (before the end of the first block of the pair, either way,
 * that certainly started after it was created).
 */
function closedWithin(run: Run, r: Request): Span | undefined {
  const answered = committedWithin(run.okAnswersByRequest.get(r.id));
  if (answered) return answered;
  const candidates = closingBlocks(run, r);
  if (!candidates.length) return undefined;
  const created = committedWithin(run.okSendByRequest.get(r.id));
  const later = (run.okBlocksByPair.get(pairKey(r.senderId, r.receiverId)) ?? []).filter(
    (b) => created && b.startedMs > created.endedMs,
  );
  return {
    startedMs: Math.min(...candidates.map((b) => b.startedMs)),
    endedMs: Math.min(...later.map((b) => b.endedMs), Math.max(...candidates.map((b) => b.endedMs))),
  };
}

/** Whether a request of the send's pair (other than `except`) may have been pending during it. */
function pendingDuring(run: Run, op: LoggedOp, except?: number): boolean {
  return (run.requestsByPair.get(pairKey(op.actorId, op.receiverId!)) ?? []).some((r) => {
    if (r.id === except) return false;
    const created = committedWithin(run.okSendByRequest.get(r.id));
    if (created && created.startedMs > op.endedMs) return false;
    const closed = r.status === 'pending' ? undefined : closedWithin(run, r);
    return r.status === 'pending' || !closed || closed.endedMs >= op.startedMs;
  });
}

/**
 * Whether the pair of a send may have been connected during it: by an accepted request of the
 * pair accepted before the send ended, whose connection is still there or was removed (by one
 * of the pair's removals or blocks, before the pair's next request was created) after the send
 * started.
 */
function connectedDuring(run: Run, op: LoggedOp): boolean {
  const key = pairKey(op.actorId, op.receiverId!);
  const pair = [...(run.requestsByPair.get(key) ?? [])].sort((a, b) => a.id - b.id);
  const live = run.connectionsByPair.get(key)?.[0];
  // A connection ends by a removal or by a block of the pair (either way).
  const removedBy = Math.max(
    -1,
    ...[...(run.okRemovesByPair.get(key) ?? []), ...(run.okBlocksByPair.get(key) ?? [])].map((r) => r.endedMs),
  );
  return pair.some((r, i) => {
    if (r.status !== 'accepted') return false;
    const accepted = okAnswerOf(run, r.id);
    if (accepted && accepted.startedMs > op.endedMs) return false;
    if (live?.requestId === r.id) return true;
    // Removed: before the pair's next request was created, by one of the pair's removals.
    const next = pair[i + 1] && committedWithin(run.okSendByRequest.get(pair[i + 1]!.id));
    const removedBefore = next ? next.endedMs : removedBy < 0 ? Number.POSITIVE_INFINITY : removedBy;
    return removedBefore >= op.startedMs;
  });
}

/**
 * Whether what made `n` read is known: its user's acknowledged mark-read, or its being born read
 * (request_cancelled, request_expired), or its being the new_request of a request closed without
 * an answer (the sender withdrew it or blocked, it expired, the receiver's block declined it).
 */
function readExplained(run: Run, n: Notification): boolean {
  if ((run.okMarksByNotification.get(n.id) ?? []).some((op) => op.actorId === n.userId)) return true;
  if (n.type === 'request_cancelled' || n.type === 'request_expired') return true;
  const r = run.requestById.get(n.requestId);
  return (
    n.type === 'new_request' &&
    r !== undefined &&
    (r.status === 'cancelled' || r.status === 'expired' || (r.status === 'declined' && closedByBlock(run, r)))
  );
}

/** The calls refused (or never answered) that match, for the report of an unexplained change. */
const refusedOn = (run: Run, match: (op: LoggedOp) => boolean) =>
  run.ops
    .filter((op) => !succeeded(op) && match(op))
    .map(showOp)
    .join(' ');

// ---------------------------------------------------------------------------------------------
// The checks: each returns one line per violation.
// ---------------------------------------------------------------------------------------------

/** No call may fail with a 5xx, an unexpected GraphQL error or no answer at all. */
function serverErrors(run: Run): string[] {
  return run.ops.filter(isServerError).map((op) => `${showOp(op)} ${op.detail ?? ''}`);
}

/** The answers a call could legitimately get, given who made it. */
function allowedAnswers(run: Run, op: LoggedOp): string[] {
  switch (op.kind) {
    case 'send':
      return [
        '201',
        '409 REQUEST_ALREADY_PENDING',
        '409 ALREADY_CONNECTED',
        '409 USER_BLOCKED',
        '403 REQUESTS_NOT_ACCEPTED',
      ];
    case 'accept':
    case 'decline': {
      const request = run.requestById.get(op.requestId!);
      if (request && request.receiverId !== op.actorId) return ['403 NOT_REQUEST_RECEIVER'];
      return ['200', '409 REQUEST_ALREADY_PROCESSED'];
    }
    case 'cancel': {
      const request = run.requestById.get(op.requestId!);
      if (request && request.senderId !== op.actorId) return ['403 NOT_REQUEST_SENDER'];
      return ['200', '409 REQUEST_ALREADY_PROCESSED'];
    }
    case 'block':
      return ['201', '200'];
    case 'unblock':
      return ['200', '404 BLOCK_NOT_FOUND'];
    case 'remove':
      return op.connectionUsers?.includes(op.actorId)
        ? ['200', '404 CONNECTION_NOT_FOUND']
        : ['404 CONNECTION_NOT_FOUND'];
    case 'markRead': {
      const notification = run.notificationById.get(op.notificationId!);
      return notification && notification.userId !== op.actorId ? ['404 NOTIFICATION_NOT_FOUND'] : ['200'];
    }
    default:
      return ['200'];
  }
}

/**
 * Every answer is one the call could legitimately get, given who made it (422
 * IDEMPOTENCY_KEY_REUSED is judged by keyReuse).
 */
function unexpectedAnswers(run: Run): string[] {
  const found: string[] = [];
  for (const op of run.ops) {
    if (isServerError(op) || op.code === 'IDEMPOTENCY_KEY_REUSED') continue;
    const answer = op.code === undefined ? String(op.status) : `${op.status} ${op.code}`;
    const allowed = allowedAnswers(run, op);
    if (!allowed.includes(answer))
      found.push(`${showOp(op)} answered ${answer}, expected one of ${allowed.join(' | ')}`);
  }
  return found;
}

/** What about a refused call the state at every moment of it contradicts, if anything. */
function unexplainedRefusal(run: Run, op: LoggedOp): string | undefined {
  const during = `during ${op.startedMs}-${op.endedMs}ms`;
  if (op.kind === 'send' && op.code === 'REQUEST_ALREADY_PENDING' && !pendingDuring(run, op)) {
    return `no request of the pair was pending ${during}`;
  }
  if (op.kind === 'send' && op.code === 'ALREADY_CONNECTED' && !connectedDuring(run, op)) {
    return `the pair was not connected ${during}`;
  }
  // The sender's own block answers USER_BLOCKED; the receiver's block of the sender, or a
  // receiver taking requests from nobody or only from friends of friends, REQUESTS_NOT_ACCEPTED.
  if (op.kind === 'send' && op.code === 'USER_BLOCKED' && !blockMayHold(run, op.actorId, op.receiverId!, op)) {
    return `the sender did not block the receiver ${during}`;
  }
  if (op.kind === 'send' && op.code === 'REQUESTS_NOT_ACCEPTED') {
    const receiver = op.receiverId!;
    const explained =
      blockMayHold(run, receiver, op.actorId, op) ||
      policyMayHold(run, receiver, 'nobody', op) ||
      policyMayHold(run, receiver, 'friends_of_friends', op);
    if (!explained) {
      return `the receiver neither blocked the sender nor took requests from nobody or friends of friends only ${during}; its settings changes: ${(run.okSettingsByUser.get(receiver) ?? []).map(showOp).join(' ')}`;
    }
  }
  if (isAnswer(op) && op.code === 'REQUEST_ALREADY_PROCESSED') {
    const request = run.requestById.get(op.requestId!);
    const closed = request && closedWithin(run, request);
    if (!request || request.status === 'pending' || (closed && closed.startedMs > op.endedMs)) {
      return `request ${show(request)} was not closed before the call ended`;
    }
  }
  if (op.kind === 'unblock' && op.code === 'BLOCK_NOT_FOUND') {
    const way = wayKey(op.actorId, op.otherUserId!);
    if (!mayHold([AT_START, ...(run.okUnblocksByWay.get(way) ?? [])], run.okBlocksByWay.get(way) ?? [], op)) {
      return `the user blocked the other ${during}`;
    }
  }
  if (op.kind === 'remove' && op.code === 'CONNECTION_NOT_FOUND' && op.connectionUsers?.includes(op.actorId)) {
    const removal = run.okRemovesByConnection.get(op.connectionId)?.[0];
    if (run.connectionById.has(op.connectionId!) || (removal && removal.startedMs > op.endedMs)) {
      return `the user's connection still existed ${during}`;
    }
  }
  return undefined;
}

/**
 * Every refusal is explained by the state at some moment during the call. Client clocks bound
 * when things happened: a row committed after its call started and before its answer arrived
 * (of a write and its replays, after the first started and before the first was answered).
 */
function refusalsExplained(run: Run): string[] {
  const found: string[] = [];
  for (const op of run.ops) {
    if (!refused(op)) continue;
    const why = unexplainedRefusal(run, op);
    if (why !== undefined) found.push(`${showOp(op)}: ${why}`);
  }
  return found;
}

/** At most one pending request per unordered pair. */
function pendingPerPair(run: Run): string[] {
  const found: string[] = [];
  for (const [key, requests] of run.requestsByPair) {
    const pending = requests.filter((r) => r.status === 'pending');
    if (pending.length > 1) found.push(`pair ${key}: ${pending.length} pending requests ${show(pending)}`);
  }
  return found;
}

/** At most one connection per unordered pair, stored low < high. */
function connectionsPerPair(run: Run): string[] {
  const found: string[] = [];
  for (const [key, connections] of run.connectionsByPair) {
    if (connections.length > 1) found.push(`pair ${key}: ${connections.length} connections ${show(connections)}`);
  }
  for (const c of run.state.connections) {
    if (!(c.lowId < c.highId)) found.push(`connection not stored as low < high: ${show(c)}`);
  }
  return found;
}

/** Each connection has exactly its two edges, one per side, with the connection's date. */
function connectionEdges(run: Run): string[] {
  const found: string[] = [];
  const edgesByConnection = groupBy(run.state.edges, (e) => e.connectionId);
  for (const c of run.state.connections) {
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
    if (!fine) found.push(`connection ${show(c)} has edges ${show(edges)}`);
  }
  for (const [connectionId, edges] of edgesByConnection) {
    if (!run.connectionById.has(connectionId)) found.push(`edges of no connection: ${show(edges)}`);
  }
  return found;
}

/**
 * Every live connection belongs to an accepted request of the same pair, the pair's newest
 * (nobody can send while connected), and no request has two connections.
 */
function connectionRequests(run: Run): string[] {
  const found: string[] = [];
  for (const c of run.state.connections) {
    const request = run.requestById.get(c.requestId);
    const key = pairKey(c.lowId, c.highId);
    if (!request) {
      found.push(`connection ${show(c)}: its request does not exist`);
      continue;
    }
    if (request.status !== 'accepted' || pairKey(request.senderId, request.receiverId) !== key) {
      found.push(`connection ${show(c)} belongs to request ${show(request)}`);
    }
    const newest = Math.max(...(run.requestsByPair.get(key) ?? []).map((r) => r.id));
    if (newest !== request.id) {
      found.push(`connection ${show(c)}: a newer request of the pair exists: ${show(run.requestById.get(newest))}`);
    }
  }
  for (const [requestId, connections] of groupBy(run.state.connections, (c) => c.requestId)) {
    if (connections.length > 1)
      found.push(`request ${requestId} has ${connections.length} connections ${show(connections)}`);
  }
  return found;
}

/** Connected users have no pending request between them. */
function pendingWhileConnected(run: Run): string[] {
  return run.state.requests
    .filter((r) => r.status === 'pending' && run.connectionsByPair.has(pairKey(r.senderId, r.receiverId)))
    .map(
      (r) =>
        `pending request ${show(r)} between connected users ${show(run.connectionsByPair.get(pairKey(r.senderId, r.receiverId)))}`,
    );
}

/**
 * A pair's requests follow one another: a request can only be sent once the previous one is
 * answered, so only the newest request of a pair may be pending; answered ones have a date.
 */
function requestHistory(run: Run): string[] {
  const found: string[] = [];
  for (const [key, requests] of run.requestsByPair) {
    const ordered = [...requests].sort((a, b) => a.id - b.id);
    for (const r of ordered.slice(0, -1)) {
      if (r.status === 'pending')
        found.push(`pair ${key}: request ${show(r)} is pending but not the newest: ${show(ordered.at(-1))}`);
    }
  }
  for (const r of run.state.requests) {
    if ((r.status === 'pending') !== (r.respondedAt === null))
      found.push(`request ${show(r)}: responded_at does not match its status`);
  }
  return found;
}

/**
 * Every accepted request created exactly one connection: either still there, or removed by an
 * acknowledged removal or by an acknowledged block of the pair (each block ends at most one;
 * removed connections are deleted rows).
 */
function connectionLifecycle(run: Run): string[] {
  const found: string[] = [];
  for (const [key, requests] of run.requestsByPair) {
    const accepted = requests.filter((r) => r.status === 'accepted').length;
    const live = run.connectionsByPair.get(key)?.length ?? 0;
    const removed = new Set((run.okRemovesByPair.get(key) ?? []).map((op) => op.connectionId));
    const blocks = run.okBlocksByPair.get(key)?.length ?? 0;
    const ended = accepted - live - removed.size;
    if (ended < 0 || ended > blocks) {
      found.push(
        `pair ${key}: ${accepted} accepted requests, but ${live} live connection(s) + ${removed.size} acknowledged removal(s) [${[...removed].join(', ')}] + at most ${blocks} ended by acknowledged blocks`,
      );
    }
  }
  return found;
}

const KNOWN_TYPES = ['new_request', 'request_accepted', 'request_declined', 'request_cancelled', 'request_expired'];

/**
 * Every request has exactly one new_request notification (to its receiver), and exactly one
 * answer notification (to its sender) once answered, of the answer's type, except when the
 * receiver's block declined it silently (none). A cancelled request (by its sender, or by the
 * sender's block) has exactly one request_cancelled, to its receiver, already read; its
 * new_request is read, as is the blocker's of a request declined by a block.
 */
function requestNotifications(run: Run): string[] {
  const found: string[] = [];
  for (const r of run.state.requests) {
    const notifications = run.notificationsByRequest.get(r.id) ?? [];
    const expect = (type: string, count: number, to: number, other: number, read?: boolean) => {
      const ofType = notifications.filter((n) => n.type === type);
      if (ofType.length !== count || ofType.some((n) => n.userId !== to || n.otherUserId !== other)) {
        found.push(`request ${show(r)}: expected ${count} ${type} to user ${to}, found ${show(ofType)}`);
      } else if (read && ofType.some((n) => n.readAt === null)) {
        found.push(`request ${show(r)}: its ${type} is unread: ${show(ofType)}`);
      }
    };
    const silent = r.status === 'declined' && closedByBlock(run, r);
    expect('new_request', 1, r.receiverId, r.senderId, r.status === 'cancelled' || r.status === 'expired' || silent);
    expect('request_accepted', r.status === 'accepted' ? 1 : 0, r.senderId, r.receiverId);
    expect('request_declined', r.status === 'declined' && !silent ? 1 : 0, r.senderId, r.receiverId);
    expect('request_cancelled', r.status === 'cancelled' ? 1 : 0, r.receiverId, r.senderId, true);
    expect('request_expired', r.status === 'expired' ? 1 : 0, r.senderId, r.receiverId, true);
    const others = notifications.filter((n) => !KNOWN_TYPES.includes(n.type));
    if (others.length) found.push(`request ${show(r)}: notifications of unknown types ${show(others)}`);
  }
  for (const [requestId, notifications] of run.notificationsByRequest) {
    if (!run.requestById.has(requestId)) found.push(`notifications of no request: ${show(notifications)}`);
  }
  return found;
}

/** Each user's notifications are numbered 1..notification_seq without gaps or repeats. */
function notificationSequence(run: Run): string[] {
  const found: string[] = [];
  for (const user of run.state.users) {
    const seqs = (run.notificationsByUser.get(user.id) ?? []).map((n) => n.seq).sort((a, b) => a - b);
    const gapless = seqs.every((seq, i) => seq === i + 1);
    if (!gapless || seqs.length !== user.notificationSeq) {
      found.push(`user ${user.id}: notification_seq ${user.notificationSeq}, seqs ${seqs.join(',')}`);
    }
  }
  return found;
}

/**
 * Nothing is pending and nobody is connected across a block: a block ends both, and while it
 * lasts neither user can send the other a request.
 */
function nothingAcrossBlocks(run: Run): string[] {
  const found: string[] = [];
  for (const b of run.state.blocks) {
    const key = pairKey(b.blockerId, b.blockedId);
    const pending = (run.requestsByPair.get(key) ?? []).filter((r) => r.status === 'pending');
    const connected = run.connectionsByPair.get(key) ?? [];
    if (pending.length || connected.length) {
      found.push(
        `block ${show(b)}: pending requests ${show(pending)}, connections ${show(connected)} between the pair`,
      );
    }
  }
  return found;
}

/**
 * No request was sent (a send and its replays: when the first committed) while a block between
 * the two, either way, certainly held throughout, nor to a receiver who certainly took requests
 * from nobody throughout; none was accepted while a block certainly held throughout.
 */
function blocksAndSettingsObeyed(run: Run): string[] {
  const found: string[] = [];
  for (const sends of groupBy(run.okSends, writeOf).values()) {
    const op = sends[0]!;
    const during = committedWithin(sends)!;
    const receiver = op.receiverId!;
    const why = [
      blockHeld(run, op.actorId, receiver, during) && 'the sender blocked the receiver',
      blockHeld(run, receiver, op.actorId, during) && 'the receiver blocked the sender',
      policyHeld(run, receiver, 'nobody', during) && 'the receiver took requests from nobody',
    ].filter(Boolean);
    if (why.length) {
      found.push(
        `${sends.map(showOp).join(' ')}: sent while ${why.join(' and ')} throughout ${during.startedMs}-${during.endedMs}ms`,
      );
    }
  }
  for (const answers of groupBy(
    run.ops.filter((op) => op.kind === 'accept' && succeeded(op)),
    writeOf,
  ).values()) {
    const r = run.requestById.get(answers[0]!.requestId!);
    const during = committedWithin(answers)!;
    if (r && (blockHeld(run, r.senderId, r.receiverId, during) || blockHeld(run, r.receiverId, r.senderId, during))) {
      found.push(
        `${answers.map(showOp).join(' ')}: request ${show(r)} accepted while a block of the pair held throughout ${during.startedMs}-${during.endedMs}ms`,
      );
    }
  }
  return found;
}

/**
 * Blocks of each way follow one another: a 2xx block is 201 when no block was there at some
 * moment of the call and 200 when one was; an unblock succeeds when one was; and the
 * acknowledged creations and removals alternate (never two creations without a removal
 * between, nor a removal before a creation).
 */
function blockHistory(run: Run): string[] {
  const found: string[] = [];
  for (const way of run.blockWays) {
    const blocks = run.okBlocksByWay.get(way) ?? [];
    const unblocks = run.okUnblocksByWay.get(way) ?? [];
    const others = (list: LoggedOp[], op: LoggedOp) => list.filter((o) => o !== op);
    for (const op of [...blocks, ...unblocks]) {
      const blockedThen =
        op.kind === 'block' && op.status === 201
          ? mayHold([AT_START, ...unblocks], others(blocks, op), op)
          : mayHold(others(blocks, op), others(unblocks, op), op);
      if (!blockedThen) {
        const what = op.kind === 'block' && op.status === 201 ? 'a block was there throughout' : 'no block was there';
        found.push(`${showOp(op)}: ${what} ${op.startedMs}-${op.endedMs}ms`);
      }
    }
    const created = blocks.filter((op) => op.status === 201).length;
    if (created - unblocks.length !== 0 && created - unblocks.length !== 1) {
      found.push(
        `blocks ${way}: ${created} created and ${unblocks.length} removed: ${[...blocks, ...unblocks].map(showOp).join(' ')}`,
      );
    }
  }
  return found;
}

/** What of an acknowledged write the database does not hold. */
function missingFromDatabase(run: Run, op: LoggedOp): string[] {
  const found: string[] = [];
  if (op.kind === 'send') {
    const r = run.requestById.get(op.requestId!);
    if (!r) found.push('the request it created does not exist');
    else if (r.senderId !== op.actorId || r.receiverId !== op.receiverId) found.push(`the request is ${show(r)}`);
  } else if (op.kind === 'accept' || op.kind === 'decline') {
    const r = run.requestById.get(op.requestId!);
    const status = op.kind === 'accept' ? 'accepted' : 'declined';
    if (!r || r.status !== status || r.receiverId !== op.actorId) found.push(`the request is ${show(r)}`);
  } else if (op.kind === 'cancel') {
    const r = run.requestById.get(op.requestId!);
    if (r?.status !== 'cancelled' || r.senderId !== op.actorId) found.push(`the request is ${show(r)}`);
  } else if (op.kind === 'block') {
    // It ended what was between the two when it committed: no request of the pair created
    // certainly before it is still pending, no connection accepted certainly before it is live.
    const key = pairKey(op.actorId, op.otherUserId!);
    const pending = (run.requestsByPair.get(key) ?? []).filter((r) => {
      const created = committedWithin(run.okSendByRequest.get(r.id));
      return r.status === 'pending' && created !== undefined && created.endedMs < op.startedMs;
    });
    if (pending.length) found.push(`requests of the pair sent before it are still pending: ${show(pending)}`);
    const connected = (run.connectionsByPair.get(key) ?? []).filter((c) => {
      const accepted = okAnswerOf(run, c.requestId);
      return accepted !== undefined && accepted.endedMs < op.startedMs;
    });
    if (connected.length) found.push(`connections of the pair made before it are still there: ${show(connected)}`);
  } else if (op.kind === 'remove') {
    if (run.connectionById.has(op.connectionId!))
      found.push(`the connection is still there: ${show(run.connectionById.get(op.connectionId!))}`);
  } else if (op.kind === 'markRead') {
    const n = run.notificationById.get(op.notificationId!);
    if (!n || n.readAt === null || n.userId !== op.actorId) found.push(`the notification is ${show(n)}`);
  }
  return found;
}

/** Every acknowledged write is in the database. */
function acknowledgedWritesStored(run: Run): string[] {
  return run.ops
    .filter((op) => succeeded(op) && !READS.includes(op.kind))
    .flatMap((op) => missingFromDatabase(run, op).map((what) => `${showOp(op)}: ${what}`));
}

/** One row per write: a replay acknowledges its first call's row again, another write may not. */
function oneRowPerWrite(run: Run): string[] {
  const found: string[] = [];
  for (const [requestId, sends] of run.okSendByRequest) {
    const writes = distinctWrites(sends);
    if (writes > 1) found.push(`request ${requestId} acknowledged by ${writes} sends: ${sends.map(showOp).join(' ')}`);
  }
  for (const [requestId, answers] of run.okAnswersByRequest) {
    const writes = distinctWrites(answers);
    if (writes > 1)
      found.push(`request ${requestId} answered or cancelled ${writes} times: ${answers.map(showOp).join(' ')}`);
  }
  return found;
}

/**
 * An accept's connection (GraphQL returns it) is its request's: still there, or removed (by a
 * removal of it, or by a block of the pair that may have come after the accept committed).
 */
function acceptsKeepTheirConnection(run: Run): string[] {
  const found: string[] = [];
  for (const op of run.okAnswersByRequest.values()) {
    for (const accept of op) {
      if (accept.kind !== 'accept' || accept.connectionId === undefined) continue;
      const c = run.connectionById.get(accept.connectionId);
      const r = run.requestById.get(accept.requestId!);
      // Of a replay, after the first call of its write (the accept that made the connection).
      const acceptedFrom = okAnswerOf(run, accept.requestId!)!.startedMs;
      const blockedAfter =
        r !== undefined &&
        (run.okBlocksByPair.get(pairKey(r.senderId, r.receiverId)) ?? []).some((b) => b.endedMs >= acceptedFrom);
      if (c ? c.requestId !== accept.requestId : !run.okRemovesByConnection.has(accept.connectionId) && !blockedAfter) {
        found.push(
          `${showOp(accept)}: its connection is ${c ? show(c) : 'gone, but no removal of it nor block of the pair was acknowledged'}`,
        );
      }
    }
  }
  return found;
}

/** No connection is removed twice. */
function connectionsRemovedOnce(run: Run): string[] {
  const found: string[] = [];
  for (const [connectionId, removes] of run.okRemovesByConnection) {
    if (removes.length > 1)
      found.push(`connection ${connectionId} removed ${removes.length} times: ${removes.map(showOp).join(' ')}`);
  }
  return found;
}

/**
 * Each way's block row against its acknowledged blocks: created (201) and removed (acknowledged
 * unblocks), for every way with a block call or a row.
 */
function blockRowsAndCalls(run: Run) {
  const blockRows = new Set(run.state.blocks.map((b) => wayKey(b.blockerId, b.blockedId)));
  return [...new Set([...run.blockWays, ...blockRows])].map((way) => {
    const blocks = run.okBlocksByWay.get(way) ?? [];
    const unblocks = run.okUnblocksByWay.get(way) ?? [];
    return {
      way,
      there: blockRows.has(way),
      created: blocks.filter((op) => op.status === 201).length,
      removed: unblocks.length,
      calls: [...blocks, ...unblocks].map(showOp).join(' '),
    };
  });
}

/**
 * Each way's block row is there exactly when one more block was created (201) than removed
 * (acknowledged unblocks).
 */
function blockRowsAsAcknowledged(run: Run): string[] {
  const found: string[] = [];
  for (const { way, there, created, removed, calls } of blockRowsAndCalls(run)) {
    if (created - removed === 1 && !there) {
      found.push(`block ${way}: created ${created}×, removed ${removed}×, but not there: ${calls}`);
    } else if (created - removed === 0 && there && created) {
      found.push(
        `block ${way} is there, but an acknowledged unblock left it (created ${created}×, removed ${removed}×): ${calls}`,
      );
    }
  }
  return found;
}

/**
 * Each user's setting is the one its last acknowledged change set (of those that may have
 * committed last).
 */
function settingsAsLastChanged(run: Run): string[] {
  const found: string[] = [];
  for (const user of run.state.users) {
    const changes = run.okSettingsByUser.get(user.id) ?? [];
    const last = changes.filter((op) => !changes.some((later) => later.startedMs > op.endedMs));
    if (changes.length && !last.some((op) => op.policy === user.acceptRequestsFrom)) {
      found.push(
        `user ${user.id}: accept_requests_from is ${user.acceptRequestsFrom}, its last acknowledged changes set ${last.map(showOp).join(' ')}`,
      );
    }
  }
  return found;
}

/** Every acknowledged write is in the database, once. */
function acknowledgedWrites(run: Run): string[] {
  return [
    ...acknowledgedWritesStored(run),
    ...oneRowPerWrite(run),
    ...acceptsKeepTheirConnection(run),
    ...connectionsRemovedOnce(run),
    ...blockRowsAsAcknowledged(run),
    ...settingsAsLastChanged(run),
  ];
}

/** A block row no acknowledged block explains. */
function blockRowsUnacknowledged(run: Run): string[] {
  return blockRowsAndCalls(run)
    .filter(({ there, created, removed }) => created - removed === 0 && there && !created)
    .map(({ way, calls }) => `block ${way} is there, but no block of it was acknowledged: ${calls}`);
}

/** A setting other than the default when no change of it was acknowledged. */
function settingsUnacknowledged(run: Run): string[] {
  return run.state.users
    .filter((user) => !run.okSettingsByUser.get(user.id)?.length && user.acceptRequestsFrom !== 'everyone')
    .map(
      (user) =>
        `user ${user.id}: accept_requests_from is ${user.acceptRequestsFrom}, but no change of it was acknowledged; refused: ${refusedOn(run, (op) => op.kind === 'settings' && op.actorId === user.id)}`,
    );
}

/**
 * A request no acknowledged send created, or closed by no acknowledged call: accepted by an
 * acknowledged accept; declined by an acknowledged decline or the receiver's block; cancelled by
 * an acknowledged cancel of its sender or the sender's block (the load runs without expiry,
 * nothing expires).
 */
function requestUnacknowledged(run: Run, r: Request): string[] {
  const found: string[] = [];
  if (!run.okSendByRequest.has(r.id)) {
    found.push(
      `request ${show(r)} exists but no send was acknowledged for it; refused sends of the pair: ${refusedOn(run, (op) => op.kind === 'send' && pairKey(op.actorId, op.receiverId!) === pairKey(r.senderId, r.receiverId))}`,
    );
  }
  if (r.status !== 'pending') {
    const answers = run.okAnswersByRequest.get(r.id) ?? [];
    const explained =
      r.status === 'accepted'
        ? answers.some((op) => op.kind === 'accept')
        : r.status === 'declined'
          ? answers.some((op) => op.kind === 'decline') || closingBlocks(run, r).length > 0
          : r.status === 'cancelled'
            ? answers.some((op) => op.kind === 'cancel' && op.actorId === r.senderId) ||
              closingBlocks(run, r).length > 0
            : false;
    if (!explained) {
      const by = {
        accepted: 'accept',
        declined: "decline nor receiver's block",
        cancelled: "sender's cancel nor block",
      };
      found.push(
        `request ${show(r)} is ${r.status} but no ${by[r.status as keyof typeof by] ?? 'expiry is on'} was acknowledged after it was sent; refused: ${refusedOn(run, (op) => (op.requestId === r.id && op.kind !== 'send') || (op.kind === 'block' && pairKey(op.actorId, op.otherUserId!) === pairKey(r.senderId, r.receiverId)))}`,
      );
    }
  }
  return found;
}

/** A notification is read only for a known reason (see readExplained). */
function readsUnexplained(run: Run): string[] {
  return run.state.notifications
    .filter((n) => n.readAt !== null && !readExplained(run, n))
    .map(
      (n) =>
        `notification ${show(n)} is read but its user's mark-read was never acknowledged, and its request ${show(run.requestById.get(n.requestId))} was not closed unanswered; refused: ${refusedOn(run, (op) => op.kind === 'markRead' && op.notificationId === n.id)}`,
    );
}

/** A connection gone with no acknowledged removal of it nor block of its pair. */
function connectionsGoneUnacknowledged(run: Run): string[] {
  const found: string[] = [];
  const removedIds = new Set(run.ops.filter((op) => op.kind === 'remove').map((op) => op.connectionId!));
  for (const id of removedIds) {
    const users = run.ops.find((op) => op.kind === 'remove' && op.connectionId === id)?.connectionUsers;
    const blocked = users !== undefined && run.okBlocksByPair.has(pairKey(...users));
    if (!run.connectionById.has(id) && !run.okRemovesByConnection.has(id) && !blocked) {
      found.push(
        `connection ${id} is gone but no removal of it nor block of the pair was acknowledged; refused: ${refusedOn(run, (op) => op.kind === 'remove' && op.connectionId === id)}`,
      );
    }
  }
  return found;
}

/**
 * Every change in the database was acknowledged: what no 2xx explains was done by a call that
 * was refused (or never answered). Listed with the refused calls on the same thing.
 */
function unacknowledgedChanges(run: Run): string[] {
  return [
    ...blockRowsUnacknowledged(run),
    ...settingsUnacknowledged(run),
    ...run.state.requests.flatMap((r) => requestUnacknowledged(run, r)),
    ...readsUnexplained(run),
    ...connectionsGoneUnacknowledged(run),
  ];
}

/**
 * Once a call with a key has succeeded, every call with the key and the same input gets that
 * success, through either face: the same status, the same ids, the same body per face. Calls
 * that overlapped the first success may have been refused before it committed (a failure is
 * not remembered), but never by the key's own write: a 409 REQUEST_ALREADY_PROCESSED for the
 * request the key answered or cancelled, a 409 REQUEST_ALREADY_PENDING that only its own
 * request explains.
 */
function idempotentReplays(run: Run): string[] {
  const found: string[] = [];
  for (const { label, calls, oks, first } of run.keyedWrites) {
    const distinct = (values: unknown[]) => new Set(values.filter((x) => x !== undefined)).size;
    const bodies = [...groupBy(oks, (op) => op.face).values()].map((list) => distinct(list.map((op) => op.body)));
    const disagree = [
      distinct(oks.map((op) => op.status)) > 1 && 'statuses',
      distinct(oks.map((op) => op.requestId)) > 1 && 'requests',
      distinct(oks.map((op) => op.connectionId)) > 1 && 'connections',
      bodies.some((n) => n > 1) && 'bodies',
    ].filter(Boolean);
    if (disagree.length) {
      found.push(`${label}: successes with different ${disagree.join(', ')}: ${oks.map(showOp).join(' ')}`);
    }
    for (const op of calls) {
      if (succeeded(op)) continue;
      if (op.startedMs > first.endedMs) {
        found.push(`${label}: ${showOp(op)} started after the first success ${showOp(first)} and was not given it`);
      } else if (
        (op.code === 'REQUEST_ALREADY_PROCESSED' && isAnswer(op)) ||
        (op.code === 'REQUEST_ALREADY_PENDING' && op.kind === 'send' && !pendingDuring(run, op, first.requestId))
      ) {
        found.push(`${label}: ${showOp(op)} was refused because of the key's own write ${showOp(first)}`);
      }
    }
  }
  return found;
}

/** A key's send names one request and notifies once; its answer or cancel notifies once. */
function keyedWritesAppliedOnce(run: Run): string[] {
  const found: string[] = [];
  for (const { label, oks, first } of run.keyedWrites) {
    if (first.kind === 'send') {
      const ids = [...new Set(oks.map((op) => op.requestId))];
      if (ids.length !== 1) found.push(`${label}: its calls created requests ${ids.join(', ')}`);
      const created = run.notificationsByRequest.get(first.requestId!)?.filter((n) => n.type === 'new_request') ?? [];
      if (created.length > 1) found.push(`${label}: ${created.length} new_request notifications ${show(created)}`);
    } else if (isAnswer(first)) {
      const type = { accept: 'request_accepted', decline: 'request_declined', cancel: 'request_cancelled' }[
        first.kind as 'accept' | 'decline' | 'cancel'
      ];
      const answered = run.notificationsByRequest.get(first.requestId!)?.filter((n) => n.type === type) ?? [];
      const connections = run.state.connections.filter((c) => c.requestId === first.requestId);
      if (answered.length !== 1 || connections.length > 1) {
        found.push(
          `${label}: ${answered.length} ${type} notifications ${show(answered)}, connections ${show(connections)}`,
        );
      }
    }
  }
  return found;
}

/**
 * Each sender → receiver with keyed sends has as many request rows as acknowledged sends (a send
 * and its replays counted once).
 */
function requestRowsPerSend(run: Run): string[] {
  const found: string[] = [];
  const keyedSendsByDirection = groupBy(
    run.keyed.filter((op) => op.kind === 'send'),
    (op) => `${op.actorId}>${op.receiverId}`,
  );
  const okSendsByDirection = groupBy(run.okSends, (op) => `${op.actorId}>${op.receiverId}`);
  for (const direction of keyedSendsByDirection.keys()) {
    const rows = run.requestsByDirection.get(direction) ?? [];
    const writes = distinctWrites(okSendsByDirection.get(direction) ?? []);
    if (rows.length !== writes) {
      found.push(
        `requests ${direction}: ${rows.length} rows ${show(rows.map((r) => r.id))} for ${writes} acknowledged sends: ${(okSendsByDirection.get(direction) ?? []).map(showOp).join(' ')}`,
      );
    }
  }
  return found;
}

/** A retry never writes again. */
function retriesAppliedOnce(run: Run): string[] {
  return [...keyedWritesAppliedOnce(run), ...requestRowsPerSend(run)];
}

/** What a call refused with 422 IDEMPOTENCY_KEY_REUSED changed anyway, if anything. */
function changedByRefusedReuse(run: Run, op: LoggedOp): string | undefined {
  if (op.kind === 'send') {
    const unexplained = (run.requestsByDirection.get(`${op.actorId}>${op.receiverId}`) ?? []).filter(
      (r) => !run.okSendByRequest.has(r.id),
    );
    if (unexplained.length) return `requests no send acknowledged exist: ${show(unexplained)}`;
  } else if (isAnswer(op)) {
    const r = run.requestById.get(op.requestId!);
    const status = { accept: 'accepted', decline: 'declined', cancel: 'cancelled' }[
      op.kind as 'accept' | 'decline' | 'cancel'
    ];
    const byBlock = r !== undefined && op.kind !== 'accept' && closingBlocks(run, r).length > 0;
    if (r?.status === status && !byBlock && !(run.okAnswersByRequest.get(r.id) ?? []).some((o) => o.kind === op.kind)) {
      return `the request is ${status} by no acknowledged ${op.kind}${op.kind === 'accept' ? '' : ' or block'}: ${show(r)}`;
    }
  } else if (op.kind === 'markRead') {
    const n = run.notificationById.get(op.notificationId!);
    if (n?.readAt && !readExplained(run, n)) {
      return `the notification is read by no acknowledged mark-read nor closing of its request: ${show(n)}`;
    }
  }
  return undefined;
}

/**
 * 422 IDEMPOTENCY_KEY_REUSED answers exactly the calls that deliberately reuse a key that had
 * succeeded for another input (the key belongs to the input of its first success), and such a
 * call changes nothing.
 */
function keyReuse(run: Run): string[] {
  const found: string[] = [];
  const ownerOf = new Map<string, LoggedOp>();
  for (const [key, calls] of run.callsByKey) {
    const oks = calls.filter(succeeded);
    if (oks.length)
      ownerOf.set(
        key,
        oks.reduce((a, b) => (b.endedMs < a.endedMs ? b : a)),
      );
  }
  for (const op of run.ops) {
    if (isServerError(op)) continue;
    const reuseAnswer = op.code === 'IDEMPOTENCY_KEY_REUSED';
    const owner = op.idempotencyKey === undefined ? undefined : ownerOf.get(keyOf(op));
    const otherInput = owner !== undefined && owner.input !== op.input;
    if (reuseAnswer && (op.keyUse !== 'reuse' || !otherInput || owner.startedMs >= op.endedMs)) {
      found.push(
        `${showOp(op)} (${op.input ?? 'no key'}): 422 IDEMPOTENCY_KEY_REUSED, but ${op.keyUse === 'reuse' ? 'its key had not succeeded for another input before' : 'the load did not reuse its key for another input'}; the key's first success: ${owner ? `${showOp(owner)} (${owner.input})` : 'none'}`,
      );
    }
    if (!reuseAnswer && (op.keyUse === 'reuse' || (otherInput && owner.endedMs < op.startedMs))) {
      found.push(
        `${showOp(op)} (${op.input}) reused a key that had succeeded for ${owner?.input ?? 'another input'}, and was answered ${op.status} ${op.code ?? ''} instead of 422`,
      );
    }
    if (!reuseAnswer) continue;
    const changed = changedByRefusedReuse(run, op);
    if (changed !== undefined) found.push(`${showOp(op)} was refused with 422 but ${changed}`);
  }
  return found;
}

const count = <T>(rows: T[] | undefined, test: (row: T) => boolean = () => true) => (rows ?? []).filter(test).length;

/** Each user's connection counter equals its edges. */
function connectionCountsMatchEdges(run: Run): string[] {
  const found: string[] = [];
  for (const user of run.state.users) {
    const edges = count(run.edgesByUser.get(user.id));
    if (user.connectionCount !== edges)
      found.push(`user ${user.id}: connection_count ${user.connectionCount}, ${edges} edges`);
  }
  return found;
}

/** The totals and counts of each user's lists equal the rows they count. */
function listTotalsMatchRows(run: Run): string[] {
  const found: string[] = [];
  for (const view of run.views) {
    const who = `${view.face} user ${view.userId}`;
    const mismatch = (what: string, api: number, rows: number) => {
      if (api !== rows) found.push(`${who}: ${what} is ${api}, the database has ${rows}`);
    };
    const edges = count(run.edgesByUser.get(view.userId));
    mismatch('active total_items', view.active.total, edges);
    mismatch('active items over all pages', view.active.items.length, edges);
    const notifications = run.notificationsByUser.get(view.userId);
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
          count(run.state.requests, (r) => side(r) && (status === 'all' || r.status === status)),
        );
      }
    }
  }
  return found;
}

/** Counters and list totals equal the rows they count. */
function countsAndTotals(run: Run): string[] {
  return [...connectionCountsMatchEdges(run), ...listTotalsMatchRows(run)];
}

/** Both users list each connection, with the same id and date, through either face. */
function connectionsListedByBoth(run: Run): string[] {
  const found: string[] = [];
  for (const face of new Set(run.views.map((view) => view.face))) {
    for (const c of run.state.connections) {
      const since = c.createdAt.toISOString();
      for (const [user, other] of [
        [c.lowId, c.highId],
        [c.highId, c.lowId],
      ] as const) {
        const view = run.viewByFaceAndUser.get(`${face}:${user}`);
        if (!view) continue;
        const listed = view.active.items.filter((item) => item.connectionId === c.id);
        if (listed.length !== 1 || listed[0]!.otherUserId !== other || listed[0]!.since !== since) {
          found.push(`${face} user ${user} lists connection ${show(c)} as ${show(listed)}`);
        }
      }
    }
  }
  return found;
}

/** Nobody lists a connection that is not theirs, nor one its other user lists otherwise. */
function listedConnectionsExist(run: Run): string[] {
  const found: string[] = [];
  for (const view of run.views) {
    for (const item of view.active.items) {
      const c = run.connectionById.get(item.connectionId);
      if (!c || ![c.lowId, c.highId].includes(view.userId)) {
        found.push(
          `${view.face} user ${view.userId} lists ${show(item)}, which is not a connection of theirs: ${show(c)}`,
        );
        continue;
      }
      const mirror = run.viewByFaceAndUser
        .get(`${view.face}:${item.otherUserId}`)
        ?.active.items.find((i) => i.connectionId === item.connectionId);
      if (mirror && (mirror.otherUserId !== view.userId || mirror.since !== item.since)) {
        found.push(
          `${view.face}: user ${view.userId} lists ${show(item)}, user ${item.otherUserId} lists ${show(mirror)}`,
        );
      }
    }
  }
  return found;
}

/**
 * Both users list each connection, with the same id and date, through either face; nobody
 * lists a connection that is not there.
 */
function apiConnections(run: Run): string[] {
  return [...connectionsListedByBoth(run), ...listedConnectionsExist(run)];
}

/** The first page of notifications is the newest 50 rows, with their read state. */
function apiNotifications(run: Run): string[] {
  const found: string[] = [];
  for (const view of run.views) {
    const rows = [...(run.notificationsByUser.get(view.userId) ?? [])]
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
      found.push(
        `${view.face} user ${view.userId}: notification #${i + 1} of the first page is ${show(listed[i])}, the database has ${show(expected[i])} (${listed.length} listed, ${expected.length} expected)`,
      );
    }
  }
  return found;
}

/**
 * Each user's blocked list (every page) is their block rows, with the total; the settings read
 * back are the stored ones, through either face.
 */
function apiBlocksAndSettings(run: Run): string[] {
  const found: string[] = [];
  const blockedBy = groupBy(run.state.blocks, (b) => b.blockerId);
  const userById = new Map(run.state.users.map((u) => [u.id, u]));
  for (const view of run.views) {
    const who = `${view.face} user ${view.userId}`;
    const rows = (blockedBy.get(view.userId) ?? []).map((b) => b.blockedId).sort((a, b) => a - b);
    const listed = [...view.blocked.userIds].sort((a, b) => a - b);
    if (show(rows) !== show(listed) || view.blocked.total !== rows.length) {
      found.push(
        `${who} lists blocked users ${show(listed)} (total ${view.blocked.total}), the database has ${show(rows)}`,
      );
    }
    const stored = userById.get(view.userId)?.acceptRequestsFrom;
    if (view.acceptRequestsFrom !== stored) {
      found.push(`${who} reads accept_requests_from ${view.acceptRequestsFrom}, the database has ${stored}`);
    }
  }
  return found;
}

/** Each check by its name (see CHECKS for the order they are reported in). */
const CHECK_OF: Record<Check, (run: Run) => string[]> = {
  serverErrors,
  unexpectedAnswers,
  refusalsExplained,
  pendingPerPair,
  connectionsPerPair,
  connectionEdges,
  connectionRequests,
  pendingWhileConnected,
  requestHistory,
  connectionLifecycle,
  requestNotifications,
  notificationSequence,
  nothingAcrossBlocks,
  blocksAndSettingsObeyed,
  blockHistory,
  acknowledgedWrites,
  unacknowledgedChanges,
  idempotentReplays,
  retriesAppliedOnce,
  keyReuse,
  countsAndTotals,
  apiConnections,
  apiNotifications,
  apiBlocksAndSettings,
};

/** Runs every check on the rows, the log and the views of a run; each check's violations by its name. */
export function findViolations(state: DbState, ops: readonly LoggedOp[], views: readonly ApiView[]): Violations {
  const run = indexRun(state, ops, views);
  return Object.fromEntries(CHECKS.map((check) => [check, CHECK_OF[check](run)]));
}

export type { Connection, Request };
