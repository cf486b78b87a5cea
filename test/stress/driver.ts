import { setTimeout as sleep } from 'node:timers/promises';
import { type Caller, type ConnectionItem, type Outcome, StressApi } from './api.js';
import type { Face, KeyUse, LoggedOp, OpKind, RequestPolicy } from './model.js';
import { Random } from './random.js';

/*
 * The load: `clients` concurrent loops, each with a generator of its own (seeded from the run's
 * seed), doing random sends, answers, withdrawals, removals, mark-reads, blocks, unblocks,
 * settings changes and list reads as random users of one small tenant, through REST or GraphQL
 * at random, until the deadline. The clients share what they learn (request, connection and
 * notification ids, the blocks they made), so they race each other for the same requests and
 * connections all the time, and blocks land on pairs that are connected or have a request
 * pending. Blocks, unblocks and settings changes are rare, so that most sends are still let
 * through. Every call is logged with its answer.
 *
 * A share of the writes carry an Idempotency-Key (GraphQL: idempotencyKey), and a share of
 * those are retried with it: after the first answer, while the first call is still in flight
 * (a client that timed out and retried), or much later by any client acting as the same user,
 * each time through either face and with either token. A few keys that succeeded are reused on
 * purpose for another input, which must be refused (422 IDEMPOTENCY_KEY_REUSED).
 */

export interface StressUser {
  clientId: string;
  rowId: number;
  token: string;
}

export interface LoadOptions {
  url: string;
  users: StressUser[];
  /** A service token of the tenant; some calls act through it instead of the user's own token. */
  serviceToken: string;
  clients: number;
  durationMs: number;
  seed: number;
  /**
   * Answers ('kind status', e.g. 'remove 200') the load must have seen before it stops. On a
   * starved machine the load runs on past `durationMs` until it has, for at most `graceMs`.
   */
  required?: string[];
  graceMs?: number;
  /** Public id → row id (the gateway's keyed permutation). */
  decode: (publicId: number) => number;
}

/**
 * How often each kind of call is made. Of the writes: cancels about 8%, blocks and unblocks
 * about 3% each, settings changes about 2%.
 */
const WEIGHTS: Record<OpKind, number> = {
  send: 24,
  accept: 15,
  decline: 6,
  cancel: 6.5,
  remove: 12,
  markRead: 12,
  block: 2.5,
  unblock: 2.5,
  settings: 1.5,
  listActive: 10,
  listNotifications: 11,
  listReceived: 7,
  listSent: 3,
};

/** How many ids of each kind the clients keep to act on. */
const POOL_LIMIT = { requests: 200, notifications: 300, keys: 300 };

/**
 * Writes that take an Idempotency-Key (removeConnection, block, unblock and the settings are
 * DELETE or PUT and take none).
 */
const KEYABLE: OpKind[] = ['send', 'accept', 'decline', 'cancel', 'markRead'];

/** What a settings change sets: mostly back to everyone, so that most sends get through. */
const POLICIES: Record<RequestPolicy, number> = { everyone: 8, friends_of_friends: 1, nobody: 1 };

/** How blocks are aimed (the rest: any two users). */
const BLOCKS = {
  /**
   * Of the blocks: one that is known to exist (answered 200), the more often the more blocks
   * there are (`known / (known + again)`), which keeps their number small;
   */
  again: 4,
  /** of the others, one between connected users, */
  connected: 0.3,
  /** one between the users of a known request (likely pending, either of them blocking). */
  requested: 0.3,
  /** Of the unblocks: one of a known block (the rest, any two users: mostly 404). */
  known: 0.85,
  /** Of the sends: one across a known block, either way (refused). */
  sendAcross: 0.03,
};

/** How keys are used. */
const KEYS = {
  /** Of the writes that can carry a key, those that do. */
  keyed: 0.25,
  /** Of the keyed writes: a late retry of a key used before (by any client, as the same user). */
  late: 0.12,
  /** Of the keyed writes: a deliberate reuse of a key that succeeded, for another input. */
  reuse: 0.08,
  /** Of the fresh keys: retried while the first call is in flight, and after its answer. */
  concurrent: 0.2,
  sequential: 0.2,
  /**
   * Of the fresh keys: one another user has used already (keys are scoped per acting user, so
   * it is fresh for this one and must neither replay nor refuse).
   */
  borrowed: 0.1,
};

interface KnownRequest {
  id: number;
  sender: StressUser;
  receiver: StressUser;
}

interface KnownNotification {
  id: number;
  owner: StressUser;
}

/** A write that can carry a key, as the load chose it: doing it again asks the same. */
type WriteCall =
  | { kind: 'send'; actor: StressUser; receiver: StressUser; message?: string }
  | { kind: 'accept' | 'decline'; actor: StressUser; request: KnownRequest }
  | { kind: 'cancel'; actor: StressUser; request: KnownRequest }
  | { kind: 'markRead'; actor: StressUser; notification: KnownNotification };

/** A key the load used, for later retries and reuses. */
interface KeyedCall {
  key: string;
  call: WriteCall;
  /** Whether a call with it has answered 2xx: it now belongs to `call`'s input. */
  succeeded: boolean;
}

export async function runLoad(options: LoadOptions): Promise<LoggedOp[]> {
  const api = new StressApi(options.url);
  const { users, decode } = options;
  const byClientId = new Map(users.map((u) => [u.clientId, u]));
  const log: LoggedOp[] = [];
  const started = Date.now();
  const deadline = started + options.durationMs;
  const hardDeadline = deadline + (options.graceMs ?? 0);
  const missing = new Set(options.required ?? []);
  const running = () => {
    const now = Date.now();
    return now < deadline || (missing.size > 0 && now < hardDeadline);
  };

  // What the clients have learned so far, shared between them.
  const requests: KnownRequest[] = [];
  const connections = new Map<number, [StressUser, StressUser]>();
  const notifications: KnownNotification[] = [];
  const keyedCalls: KeyedCall[] = [];
  /** Blocks the load made (blocker, blocked), until it unblocked them. */
  const blocks: [StressUser, StressUser][] = [];
  const knownBlock = (blocker: StressUser, blocked: StressUser) =>
    blocks.findIndex(([a, b]) => a === blocker && b === blocked);
  /** Every key used, as 'user row id|key': a fresh key is one its user has never used. */
  const usedKeys = new Set<string>();

  const forget = <T extends { id: number }>(pool: T[], id: number) => {
    for (let i = pool.length - 1; i >= 0; i--) if (pool[i]!.id === id) pool.splice(i, 1);
  };
  const remember = <T>(pool: T[], item: T, limit: number, random: Random) => {
    if (pool.length < limit) pool.push(item);
    else pool[random.int(limit)] = item;
  };
  const learnConnections = (user: StressUser, items: ConnectionItem[]) => {
    for (const item of items) {
      const other = byClientId.get(item.otherClientId);
      if (other) connections.set(item.id, [user, other]);
    }
  };
  /** What a write asks, in row ids: two calls with one key must ask the same to be one write. */
  const inputOf = (call: WriteCall): string => {
    switch (call.kind) {
      case 'send':
        return `send ${call.receiver.rowId}${call.message === undefined ? '' : ` ${JSON.stringify(call.message)}`}`;
      case 'accept':
      case 'decline':
      case 'cancel':
        return `${call.kind} ${decode(call.request.id)}`;
      case 'markRead':
        return `markRead ${decode(call.notification.id)}`;
    }
  };

  async function client(index: number): Promise<void> {
    const random = new Random((options.seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0);
    const anyone = () => random.pick(users);
    const someoneBut = (...excluded: StressUser[]) => random.pick(users.filter((u) => !excluded.includes(u)));
    const anyFace = (): Face => (random.chance(0.5) ? 'rest' : 'graphql');
    const callerFor = (user: StressUser): Caller =>
      random.chance(0.1)
        ? { clientId: user.clientId, token: options.serviceToken, service: true }
        : { clientId: user.clientId, token: user.token, service: false };
    let keysMade = 0;

    async function record<T>(
      kind: OpKind,
      face: Face,
      caller: Caller,
      fields: Partial<LoggedOp>,
      call: () => Promise<Outcome<T>>,
      /** Fields of the entry that come from the answer. */
      answered?: (outcome: Outcome<T>) => Partial<LoggedOp>,
    ): Promise<Outcome<T>> {
      const startedMs = Date.now() - started;
      const outcome = await call();
      const ok = outcome.status >= 200 && outcome.status < 300 && outcome.code === undefined;
      missing.delete(`${kind} ${outcome.status}`);
      if (outcome.code !== undefined) missing.delete(`${kind} ${outcome.code}`);
      if (fields.keyUse) missing.delete(`${fields.keyUse} ${ok ? '2xx' : outcome.status}`);
      log.push({
        kind,
        face,
        actorId: byClientId.get(caller.clientId)!.rowId,
        service: caller.service,
        status: outcome.status,
        ...(outcome.code !== undefined && { code: outcome.code }),
        ...(outcome.detail !== undefined && { detail: outcome.detail }),
        ...fields,
        ...(fields.idempotencyKey !== undefined && ok && outcome.body !== undefined && { body: outcome.body }),
        ...answered?.(outcome),
        startedMs,
        endedMs: Date.now() - started,
      });
      return outcome;
    }

    /**
     * Makes a write, with a key when given, and learns from its answer. What a replay answers
     * (a request answered since, a connection removed since) is not learned again.
     */
    async function write(
      call: WriteCall,
      face: Face,
      caller: Caller,
      keyed?: { key: string; use: KeyUse; entry?: KeyedCall },
    ): Promise<Outcome<unknown>> {
      const key = keyed?.key;
      const fields: Partial<LoggedOp> = keyed
        ? { idempotencyKey: keyed.key, input: inputOf(call), keyUse: keyed.use }
        : {};
      const replay = keyed?.entry?.succeeded === true;
      let outcome: Outcome<unknown>;
      switch (call.kind) {
        case 'send': {
          const sent = await record(
            'send',
            face,
            caller,
            { receiverId: call.receiver.rowId, ...fields },
            () => api.send(face, caller, call.receiver.clientId, call.message, key),
            (answer) => (answer.data ? { requestId: decode(answer.data.id) } : {}),
          );
          const id = sent.data?.id;
          if (id !== undefined && !replay && !requests.some((r) => r.id === id)) {
            remember(requests, { id, sender: call.actor, receiver: call.receiver }, POOL_LIMIT.requests, random);
          }
          outcome = sent;
          break;
        }
        case 'accept':
        case 'decline': {
          const { request } = call;
          const answered = await record(
            call.kind,
            face,
            caller,
            { requestId: decode(request.id), ...fields },
            () => api.answer(face, caller, call.kind, request.id, key),
            (answer) => (answer.data?.connection ? { connectionId: decode(answer.data.connection.id) } : {}),
          );
          if (answered.status === 200 || answered.code === 'REQUEST_ALREADY_PROCESSED') forget(requests, request.id);
          if (answered.data?.connection && !replay) learnConnections(call.actor, [answered.data.connection]);
          outcome = answered;
          break;
        }
        case 'cancel': {
          const { request } = call;
          outcome = await record('cancel', face, caller, { requestId: decode(request.id), ...fields }, () =>
            api.cancel(face, caller, request.id, key),
          );
          if (outcome.status === 200 || outcome.code === 'REQUEST_ALREADY_PROCESSED') forget(requests, request.id);
          break;
        }
        case 'markRead':
          outcome = await record(
            'markRead',
            face,
            caller,
            { notificationId: decode(call.notification.id), ...fields },
            () => api.markRead(face, caller, call.notification.id, key),
          );
          break;
      }
      if (keyed?.entry && outcome.status >= 200 && outcome.status < 300) keyed.entry.succeeded = true;
      return outcome;
    }

    /** Another write by the same user, asking something else than `call` (for a key reuse). */
    function otherCall(call: WriteCall): WriteCall | undefined {
      const actor = call.actor;
      const choices: (() => WriteCall | undefined)[] = [
        () => ({
          kind: 'send',
          actor,
          receiver: someoneBut(actor),
          ...(random.chance(0.5) && { message: `key reused (${random.int(1_000_000)})` }),
        }),
        () => {
          if (call.kind !== 'accept' && call.kind !== 'decline' && call.kind !== 'cancel') return undefined;
          const kinds = (['accept', 'decline', 'cancel'] as const).filter((k) => k !== call.kind);
          return { kind: random.pick(kinds), actor, request: call.request };
        },
        () => {
          const sent = requests.filter((r) => r.sender === actor);
          return sent.length ? { kind: 'cancel', actor, request: random.pick(sent) } : undefined;
        },
        () => {
          const received = requests.filter((r) => r.receiver === actor);
          if (!received.length) return undefined;
          return { kind: random.chance(0.5) ? 'accept' : 'decline', actor, request: random.pick(received) };
        },
        () => {
          const own = notifications.filter((n) => n.owner === actor);
          return own.length ? { kind: 'markRead', actor, notification: random.pick(own) } : undefined;
        },
      ];
      const other = random.pick(choices)();
      return other && inputOf(other) !== inputOf(call) ? other : undefined;
    }

    /**
     * A keyed write: a late retry of a key used before, a deliberate reuse of a key that
     * succeeded, or `call` with a fresh key, maybe retried during or after the first call.
     */
    async function keyedWrite(call: WriteCall, face: Face, caller: Caller): Promise<void> {
      const roll = random.next();
      if (roll < KEYS.late && keyedCalls.length) {
        const entry = random.pick(keyedCalls);
        await write(entry.call, face, callerFor(entry.call.actor), { key: entry.key, use: 'late', entry });
        return;
      }
      if (roll >= KEYS.late && roll < KEYS.late + KEYS.reuse) {
        const succeeded = keyedCalls.filter((e) => e.succeeded);
        const entry = succeeded.length ? random.pick(succeeded) : undefined;
        const other = entry && otherCall(entry.call);
        if (entry && other) {
          await write(other, face, callerFor(other.actor), { key: entry.key, use: 'reuse' });
          return;
        }
      }
      let key = `stress-${index}-${++keysMade}`;
      if (random.chance(KEYS.borrowed)) {
        const others = keyedCalls.filter((e) => !usedKeys.has(`${call.actor.rowId}|${e.key}`));
        if (others.length) key = random.pick(others).key;
      }
      usedKeys.add(`${call.actor.rowId}|${key}`);
      const entry: KeyedCall = { key, call, succeeded: false };
      remember(keyedCalls, entry, POOL_LIMIT.keys, random);
      const first = { key: entry.key, use: 'first', entry } as const;
      const then = random.next();
      if (then < KEYS.concurrent) {
        // Both in flight at once, the retry a moment later, through either face.
        const [retryFace, retryCaller, delay] = [anyFace(), callerFor(call.actor), random.int(4)];
        await Promise.all([
          write(call, face, caller, first),
          sleep(delay).then(() => write(call, retryFace, retryCaller, { ...first, use: 'concurrent' })),
        ]);
      } else {
        await write(call, face, caller, first);
        if (then < KEYS.concurrent + KEYS.sequential) {
          const [retryFace, retryCaller, delay] = [anyFace(), callerFor(call.actor), random.int(20)];
          await sleep(delay);
          await write(call, retryFace, retryCaller, { ...first, use: 'retry' });
        }
      }
    }

    while (running()) {
      let kind = random.weighted(WEIGHTS);
      // Nothing known to act on yet: look first.
      if ((kind === 'accept' || kind === 'decline') && requests.length === 0) kind = 'listReceived';
      if (kind === 'cancel' && requests.length === 0) kind = 'listSent';
      if (kind === 'remove' && connections.size === 0) kind = 'listActive';
      if (kind === 'markRead' && notifications.length === 0) kind = 'listNotifications';
      const face: Face = anyFace();

      if (KEYABLE.includes(kind)) {
        let call: WriteCall;
        if (kind === 'send') {
          // A few go across a known block, either way (to be refused); the rest, between any two.
          let [sender, receiver] = random.chance(BLOCKS.sendAcross) && blocks.length ? random.pick(blocks) : [];
          if (sender && receiver && random.chance(0.5)) [sender, receiver] = [receiver, sender];
          sender ??= anyone();
          receiver ??= someoneBut(sender);
          const message = random.chance(0.3) ? `hi from ${sender.clientId} (${random.int(1000)})` : undefined;
          call = { kind, actor: sender, receiver, ...(message !== undefined && { message }) };
        } else if (kind === 'accept' || kind === 'decline') {
          const request = random.pick(requests);
          // Mostly the receiver; sometimes the sender or a third user, who must be refused.
          const roll = random.next();
          const actor =
            roll < 0.85
              ? request.receiver
              : roll < 0.95
                ? request.sender
                : someoneBut(request.sender, request.receiver);
          call = { kind, actor, request };
        } else if (kind === 'cancel') {
          const request = random.pick(requests);
          // Mostly the sender; sometimes the receiver or a third user, who must be refused.
          const roll = random.next();
          const actor =
            roll < 0.85
              ? request.sender
              : roll < 0.95
                ? request.receiver
                : someoneBut(request.sender, request.receiver);
          call = { kind, actor, request };
        } else {
          const notification = random.pick(notifications);
          const actor = random.chance(0.9) ? notification.owner : someoneBut(notification.owner);
          call = { kind: 'markRead', actor, notification };
        }
        const caller = callerFor(call.actor);
        if (random.chance(KEYS.keyed)) await keyedWrite(call, face, caller);
        else await write(call, face, caller);
        continue;
      }

      switch (kind) {
        case 'block': {
          const roll = random.next();
          let pair: [StressUser, StressUser];
          if (random.chance(blocks.length / (blocks.length + BLOCKS.again))) {
            pair = random.pick(blocks);
          } else if (roll < BLOCKS.connected && connections.size) {
            const [a, b] = random.pick([...connections.values()]);
            pair = random.chance(0.5) ? [a, b] : [b, a];
          } else if (roll < BLOCKS.connected + BLOCKS.requested && requests.length) {
            const { sender, receiver } = random.pick(requests);
            pair = random.chance(0.5) ? [sender, receiver] : [receiver, sender];
          } else {
            const blocker = anyone();
            pair = [blocker, someoneBut(blocker)];
          }
          const [blocker, blocked] = pair;
          const caller = callerFor(blocker);
          const outcome = await record(kind, face, caller, { otherUserId: blocked.rowId }, () =>
            api.block(face, caller, blocked.clientId),
          );
          if (outcome.status >= 200 && outcome.status < 300 && knownBlock(blocker, blocked) < 0) {
            blocks.push([blocker, blocked]);
          }
          break;
        }
        case 'unblock': {
          // Mostly a known block; else any two users (mostly 404 BLOCK_NOT_FOUND).
          let [blocker, blocked] = random.chance(BLOCKS.known) && blocks.length ? random.pick(blocks) : [];
          blocker ??= anyone();
          blocked ??= someoneBut(blocker);
          const caller = callerFor(blocker);
          const outcome = await record(kind, face, caller, { otherUserId: blocked.rowId }, () =>
            api.unblock(face, caller, blocked.clientId),
          );
          const known = knownBlock(blocker, blocked);
          if ((outcome.status === 200 || outcome.code === 'BLOCK_NOT_FOUND') && known >= 0) blocks.splice(known, 1);
          break;
        }
        case 'settings': {
          const user = anyone();
          const caller = callerFor(user);
          const policy = random.weighted(POLICIES);
          await record(kind, face, caller, { policy }, () => api.updateSettings(face, caller, policy));
          break;
        }
        case 'remove': {
          const [id, pair] = random.pick([...connections]);
          // Mostly one of the two users; sometimes a third, who must not find it.
          const actor = random.chance(0.9) ? random.pick(pair) : someoneBut(...pair);
          const caller = callerFor(actor);
          const outcome = await record(
            kind,
            face,
            caller,
            { connectionId: decode(id), connectionUsers: [pair[0].rowId, pair[1].rowId] },
            () => api.remove(face, caller, id),
          );
          if (outcome.status === 200 || (outcome.status === 404 && pair.includes(actor))) connections.delete(id);
          break;
        }
        case 'listActive': {
          const user = anyone();
          const caller = callerFor(user);
          const outcome = await record(kind, face, caller, {}, () => api.active(face, caller, 1, 50));
          if (outcome.data) learnConnections(user, outcome.data.items);
          break;
        }
        case 'listNotifications': {
          const user = anyone();
          const caller = callerFor(user);
          const unreadOnly = random.chance(0.6);
          const outcome = await record(kind, face, caller, {}, () =>
            api.notifications(face, caller, { perPage: 20, unreadOnly }),
          );
          for (const item of outcome.data?.items ?? []) {
            remember(notifications, { id: item.id, owner: user }, POOL_LIMIT.notifications, random);
          }
          break;
        }
        case 'listReceived':
        case 'listSent': {
          const user = anyone();
          const caller = callerFor(user);
          const direction = kind === 'listReceived' ? 'received' : 'sent';
          const outcome = await record(kind, face, caller, {}, () =>
            api.requests(face, caller, direction, 'pending', 20),
          );
          for (const item of outcome.data?.items ?? []) {
            const sender = byClientId.get(item.senderClientId);
            const receiver = byClientId.get(item.receiverClientId);
            if (sender && receiver && !requests.some((r) => r.id === item.id)) {
              remember(requests, { id: item.id, sender, receiver }, POOL_LIMIT.requests, random);
            }
          }
          break;
        }
      }
    }
  }

  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  return log;
}
