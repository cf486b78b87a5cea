import { type Caller, type ConnectionItem, type Outcome, StressApi } from './api.js';
import type { Face, LoggedOp, OpKind } from './model.js';
import { Random } from './random.js';

/*
 * The load: `clients` concurrent loops, each with a generator of its own (seeded from the run's
 * seed), doing random sends, answers, removals, mark-reads and list reads as random users of
 * one small tenant, through REST or GraphQL at random, until the deadline. The clients share
 * what they learn (request, connection and notification ids), so they race each other for the
 * same requests and connections all the time. Every call is logged with its answer.
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

/** How often each kind of call is made. */
const WEIGHTS: Record<OpKind, number> = {
  send: 24,
  accept: 15,
  decline: 6,
  remove: 12,
  markRead: 12,
  listActive: 10,
  listNotifications: 11,
  listReceived: 7,
  listSent: 3,
};

/** How many ids of each kind the clients keep to act on. */
const POOL_LIMIT = { requests: 200, notifications: 300 };

interface KnownRequest {
  id: number;
  sender: StressUser;
  receiver: StressUser;
}

interface KnownNotification {
  id: number;
  owner: StressUser;
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

  async function client(index: number): Promise<void> {
    const random = new Random((options.seed + Math.imul(index + 1, 0x9e3779b9)) >>> 0);
    const anyone = () => random.pick(users);
    const someoneBut = (...excluded: StressUser[]) => random.pick(users.filter((u) => !excluded.includes(u)));
    const callerFor = (user: StressUser): Caller =>
      random.chance(0.1)
        ? { clientId: user.clientId, token: options.serviceToken, service: true }
        : { clientId: user.clientId, token: user.token, service: false };

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
      missing.delete(`${kind} ${outcome.status}`);
      log.push({
        kind,
        face,
        actorId: byClientId.get(caller.clientId)!.rowId,
        service: caller.service,
        status: outcome.status,
        ...(outcome.code !== undefined && { code: outcome.code }),
        ...(outcome.detail !== undefined && { detail: outcome.detail }),
        ...fields,
        ...answered?.(outcome),
        startedMs,
        endedMs: Date.now() - started,
      });
      return outcome;
    }

    while (running()) {
      let kind = random.weighted(WEIGHTS);
      // Nothing known to act on yet: look first.
      if ((kind === 'accept' || kind === 'decline') && requests.length === 0) kind = 'listReceived';
      if (kind === 'remove' && connections.size === 0) kind = 'listActive';
      if (kind === 'markRead' && notifications.length === 0) kind = 'listNotifications';
      const face: Face = random.chance(0.5) ? 'rest' : 'graphql';

      switch (kind) {
        case 'send': {
          const sender = anyone();
          const receiver = someoneBut(sender);
          const caller = callerFor(sender);
          const message = random.chance(0.3) ? `hi from ${sender.clientId} (${random.int(1000)})` : undefined;
          const outcome = await record(
            kind,
            face,
            caller,
            { receiverId: receiver.rowId },
            () => api.send(face, caller, receiver.clientId, message),
            (answer) => (answer.data ? { requestId: decode(answer.data.id) } : {}),
          );
          if (outcome.data) {
            remember(requests, { id: outcome.data.id, sender, receiver }, POOL_LIMIT.requests, random);
          }
          break;
        }
        case 'accept':
        case 'decline': {
          const request = random.pick(requests);
          // Mostly the receiver; sometimes the sender or a third user, who must be refused.
          const roll = random.next();
          const actor =
            roll < 0.85
              ? request.receiver
              : roll < 0.95
                ? request.sender
                : someoneBut(request.sender, request.receiver);
          const caller = callerFor(actor);
          const outcome = await record(kind, face, caller, { requestId: decode(request.id) }, () =>
            api.answer(face, caller, kind, request.id),
          );
          if (outcome.status === 200 || outcome.code === 'REQUEST_ALREADY_PROCESSED') forget(requests, request.id);
          if (outcome.data?.connection) learnConnections(actor, [outcome.data.connection]);
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
        case 'markRead': {
          const notification = random.pick(notifications);
          const actor = random.chance(0.9) ? notification.owner : someoneBut(notification.owner);
          const caller = callerFor(actor);
          await record(kind, face, caller, { notificationId: decode(notification.id) }, () =>
            api.markRead(face, caller, notification.id),
          );
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
