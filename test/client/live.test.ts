import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHttpClient } from '../../packages/client/src/http.js';
import {
  createLiveClient,
  type LiveClient,
  type LiveClientOptions,
  type LiveNotification,
  type LiveRetry,
  type LiveStatus,
  type LiveSubscription,
} from '../../packages/client/src/live.js';
import { ActiveConnections, Notifications } from '../../packages/client/src/operations.js';
import { loadConfig } from '../../src/platform/config.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { recordingWire } from './wire.js';

/**
 * The rate budgets as deployed (src/platform/config.ts's defaults; `useTestServer` switches them off for
 * tests of other behaviour): a client that reconnects must live within them.
 */
const DEFAULT_RATE_BUDGETS = (() => {
  const defaults = loadConfig({ NODE_ENV: 'test' }).rateLimits;
  return {
    RATE_LIMIT_USER_WRITES: String(defaults.userWrites),
    RATE_LIMIT_USER_SENDS: String(defaults.userSends),
    RATE_LIMIT_TENANT_WRITES: String(defaults.tenantWrites),
    RATE_LIMIT_SERVICE_WRITES: String(defaults.serviceWrites),
    RATE_LIMIT_USER_SUBSCRIBES: String(defaults.userSubscribes),
    RATE_LIMIT_USER_READ_COST: String(defaults.userReadCost),
  };
})();

const server = useTestServer({ env: DEFAULT_RATE_BUDGETS });

/**
 * A TCP proxy in front of the test server whose link can be cut: `cut()` destroys every open
 * socket and refuses new ones (as a lost network would), `restore()` lets connections through.
 */
interface Link {
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}
async function cuttableLink(): Promise<Link> {
  const target = new URL(server.url);
  let up = true;
  const open = new Set<Socket>();
  const proxy: Server = createServer((downstream) => {
    if (!up) return void downstream.destroy();
    const upstream = tcpConnect(Number(target.port), target.hostname);
    const drop = () => {
      downstream.destroy();
      upstream.destroy();
      open.delete(downstream);
      open.delete(upstream);
    };
    for (const socket of [downstream, upstream]) {
      open.add(socket);
      socket.on('error', drop);
      socket.on('close', drop);
    }
    downstream.pipe(upstream).pipe(downstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/graphql`,
    cut() {
      up = false;
      for (const socket of [...open]) socket.destroy();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of [...open]) socket.destroy();
        proxy.close(() => resolve());
      }),
  };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function link(): Promise<Link> {
  const created = await cuttableLink();
  cleanup.push(created.close);
  return created;
}

function live(
  url: string,
  token: LiveClientOptions['token'],
  statuses: LiveStatus[] = [],
  options: Partial<LiveClientOptions> = {},
): LiveClient {
  const client = createLiveClient({
    url,
    token,
    webSocketImpl: WebSocket,
    retryDelayMs: () => 50,
    onStatus: (status) => statuses.push(status),
    ...options,
  });
  cleanup.push(() => client.close());
  return client;
}

const wsUrl = (target: TestServer) => `${target.url.replace(/^http/, 'ws')}/graphql`;

async function waitFor(what: string, ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function firstPage(user: SeededUser, target: TestServer = server) {
  const http = createHttpClient({ url: `${target.url}/graphql`, token: user.token });
  const { notifications } = await http.request(Notifications);
  if (notifications.__typename !== 'NotificationPage') throw new Error(JSON.stringify(notifications));
  return notifications;
}

describe('createLiveClient().followNotifications', () => {
  it('should deliver what committed while the network was down once each, in order, after reconnecting', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const senders: SeededUser[] = [];
    for (let i = 0; i < 5; i++) senders.push(await tenant.user('sender'));
    const network = await link();
    const statuses: LiveStatus[] = [];
    const received: LiveNotification[] = [];

    const page = await firstPage(alice);
    const follower = live(network.url, alice.token, statuses).followNotifications({
      after: page.liveCursor,
      onNotification: (notification) => received.push(notification),
    });
    const first = await tenant.request(senders[0]!, alice);
    await waitFor('the first notification', () => received.length === 1);

    network.cut();
    await waitFor('the drop to be noticed', () => statuses.at(-1) === 'disconnected');
    const meanwhile = [
      await tenant.request(senders[1]!, alice),
      await tenant.request(senders[2]!, alice),
      await tenant.request(senders[3]!, alice),
    ];
    // Reconnect attempts fail while the link is down.
    await waitFor('a failed reconnect', () => statuses.filter((s) => s === 'connecting').length >= 3);
    expect(received).toHaveLength(1);

    network.restore();
    await waitFor('the missed notifications', () => received.length === 4);
    const after = await tenant.request(senders[4]!, alice);
    await waitFor('the next live notification', () => received.length === 5);
    await pause(300);

    expect(page.nodes).toEqual([]);
    expect(received.map((n) => n.connectionRequestId)).toEqual([first, ...meanwhile, after].map(String));
    expect(new Set(received.map((n) => n.id)).size).toBe(5);
    expect(received.map((n) => n.type)).toEqual(Array(5).fill('NEW_REQUEST'));
    expect(follower.position).toBe(received.at(-1)!.id);
    // The same objects the list shows.
    expect((await firstPage(alice)).nodes).toEqual([...received].reverse());
  });

  it('should resume with the same guarantee after a client-side reconnect()', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const statuses: LiveStatus[] = [];
    const received: LiveNotification[] = [];
    const client = live(wsUrl(server), alice.token, statuses);
    client.followNotifications({
      after: (await firstPage(alice)).liveCursor,
      onNotification: (notification) => received.push(notification),
    });
    await waitFor('the socket', () => statuses.includes('connected'));

    client.reconnect();
    const during = await tenant.request(bob, alice);
    await waitFor('the reconnect', () => statuses.filter((s) => s === 'connected').length === 2);
    const after = await tenant.request(carol, alice);
    await waitFor('both notifications', () => received.length === 2);
    await pause(300);

    expect(received.map((n) => n.connectionRequestId)).toEqual([during, after].map(String));
  });

  it('should continue from a persisted position in a new client (a reloaded page)', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave] = [
      await tenant.user('alice'),
      await tenant.user('bob'),
      await tenant.user('carol'),
      await tenant.user('dave'),
    ];
    const url = wsUrl(server);
    const received: LiveNotification[] = [];
    const firstClient = live(url, alice.token);
    const follower = firstClient.followNotifications({
      after: (await firstPage(alice)).liveCursor,
      onNotification: (notification) => received.push(notification),
    });
    await tenant.request(bob, alice);
    await waitFor('the first notification', () => received.length === 1);
    const saved = follower.position;
    await firstClient.close();

    const whileAway = [await tenant.request(carol, alice), await tenant.request(dave, alice)];
    const resumed: LiveNotification[] = [];
    live(url, alice.token).followNotifications({ after: saved, onNotification: (n) => resumed.push(n) });
    await waitFor('the missed notifications', () => resumed.length === 2);
    await pause(300);

    expect(saved).toBe(received[0]!.id);
    expect(resumed.map((n) => n.connectionRequestId)).toEqual(whileAway.map(String));
  });

  it('should stop and report a refused subscription instead of retrying', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.request(alice, bob);
    const [bobsNotification] = (await firstPage(bob)).nodes;
    const errors: unknown[] = [];

    const follower = live(wsUrl(server), alice.token).followNotifications({
      after: bobsNotification!.id,
      onNotification: () => {},
      onError: (error) => errors.push(error),
    });
    await waitFor('the refusal', () => errors.length > 0);
    await pause(200);

    expect(errors).toEqual([[expect.objectContaining({ extensions: { code: 'NOTIFICATION_NOT_FOUND' } })]]);
    expect(follower.stopped).toBe(true);
  });

  it('should reconnect with a fresh token from token() when its token expires, losing nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const page = await firstPage(alice);
    const tokens: string[] = [];
    // The first token expires within two seconds (the server then closes the socket with 4401).
    const token = async () => {
      const fresh = await server.token(alice.id, { tenant: tenant.name, expiresIn: tokens.length ? '1h' : '2s' });
      tokens.push(fresh);
      return fresh;
    };
    const retries: LiveRetry[] = [];
    const received: LiveNotification[] = [];
    const errors: unknown[] = [];

    live(wsUrl(server), token, [], { onRetry: (retry) => retries.push(retry) }).followNotifications({
      after: page.liveCursor,
      onNotification: (notification) => received.push(notification),
      onError: (error) => errors.push(error),
    });
    const before = await tenant.request(bob, alice);
    await waitFor('the first notification', () => received.length === 1);
    await waitFor('the expiry', () => retries.length === 1);
    const afterExpiry = await tenant.request(carol, alice);
    await waitFor('the notification after the expiry', () => received.length === 2);
    await pause(300);

    expect(retries).toEqual([
      expect.objectContaining({ reason: 'UNAUTHENTICATED', detail: expect.objectContaining({ code: 4401 }) }),
    ]);
    expect(tokens).toHaveLength(2);
    expect(received.map((n) => n.connectionRequestId)).toEqual([before, afterExpiry].map(String));
    expect(errors).toEqual([]);
  });

  it('should stop and report an expired fixed token instead of retrying it', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const token = await server.token(alice.id, { tenant: tenant.name, expiresIn: '2s' });
    const retries: LiveRetry[] = [];
    const errors: unknown[] = [];

    const follower = live(wsUrl(server), token, [], { onRetry: (retry) => retries.push(retry) }).followNotifications({
      after: (await firstPage(alice)).liveCursor,
      onNotification: () => {},
      onError: (error) => errors.push(error),
    });
    await waitFor('the refusal', () => errors.length > 0);
    await pause(300);

    expect(errors).toEqual([expect.objectContaining({ code: 4401 })]);
    expect(follower.stopped).toBe(true);
    expect(retries).toEqual([]);
  });
});

describe('createLiveClient().followConnectionEvents', () => {
  it('should ask for a re-read once registered and again after a drop, and stream the unread count', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const network = await link();
    const statuses: LiveStatus[] = [];
    const events: string[] = [];
    const friendsAtResync: string[][] = [];
    const http = createHttpClient({ url: `${server.url}/graphql`, token: alice.token });
    const resyncs: Promise<void>[] = [];

    live(network.url, alice.token, statuses).followConnectionEvents({
      onEvent: (event) => events.push(event.__typename),
      onResync: () => {
        resyncs.push(
          http.request(ActiveConnections).then(({ activeConnections }) => {
            if (activeConnections.__typename !== 'ConnectionPage') throw new Error(activeConnections.__typename);
            friendsAtResync.push(activeConnections.nodes.map((c) => c.connectedUser.clientUserId));
          }),
        );
      },
    });
    await waitFor('the unread count', () => events.includes('UnreadCountChangedEvent'));
    await waitFor('the first resync', () => resyncs.length === 1);

    network.cut();
    await waitFor('the drop to be noticed', () => statuses.at(-1) === 'disconnected');
    await tenant.connect(bob, alice);
    network.restore();
    await waitFor('a resync after the drop', () => resyncs.length === 2);
    await Promise.all(resyncs);

    expect(events.filter((e) => e === 'ConnectionCreatedEvent')).toEqual([]);
    expect(friendsAtResync).toEqual([[], [bob.id]]);
  });
});

describe('createLiveClient() refused by the subscribe budget (RATE_LIMITED)', () => {
  // The budgets stay on, as deployed; only shorter: a window of 2 s and one subscription per
  // user per window, so that a refusal and its wait fit in a test (the default is 60 per 60 s).
  const WINDOW_SECONDS = 2;
  const limited = useTestServer({
    env: {
      ...DEFAULT_RATE_BUDGETS,
      RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      RATE_LIMIT_USER_SUBSCRIBES: '1',
    },
  });

  /**
   * A client of `user` whose window's budget a friends-panel subscription spent right after the
   * window began, so that its next subscribe is refused with most of the window left.
   */
  async function clientWithSpentBudget(user: SeededUser, retries: LiveRetry[]) {
    const wire = recordingWire();
    const windowMs = WINDOW_SECONDS * 1000;
    await pause(windowMs - (Date.now() % windowMs) + 20);
    const client = live(wsUrl(limited), user.token, [], {
      webSocketImpl: wire.WebSocket,
      onRetry: (retry) => retries.push(retry),
    });
    let registered = false;
    client.followConnectionEvents({
      onEvent: () => {
        registered = true;
      },
    });
    await waitFor('the friends panel', () => registered);
    return { client, wire };
  }

  it('should wait at least retryAfterSeconds, then resume from its position and deliver what committed meanwhile once each, in order', async () => {
    const tenant = await createTenant(limited);
    const alice = await tenant.user('alice');
    const senders: SeededUser[] = [];
    for (let i = 0; i < 4; i++) senders.push(await tenant.user('sender'));
    const page = await firstPage(alice, limited);
    const retries: LiveRetry[] = [];
    const received: LiveNotification[] = [];
    const errors: unknown[] = [];
    const { client, wire } = await clientWithSpentBudget(alice, retries);

    const follower = client.followNotifications({
      after: page.liveCursor,
      onNotification: (notification) => received.push(notification),
      onError: (error) => errors.push(error),
    });
    await waitFor('the refusal', () => retries.length === 1);
    const meanwhile = [
      await tenant.request(senders[0]!, alice),
      await tenant.request(senders[1]!, alice),
      await tenant.request(senders[2]!, alice),
    ];
    const committed = Date.now();
    await waitFor('the notifications of the wait', () => received.length === 3);
    const after = await tenant.request(senders[3]!, alice);
    await waitFor('the next live notification', () => received.length === 4);
    await pause(300);

    const [refused, resumed, ...more] = wire.subscribes('notificationAdded');
    // The three committed during the wait, not after it.
    expect(resumed!.at).toBeGreaterThan(committed);
    const [refusal] = wire.answers(refused!.message.id!);
    expect(refusal!.message).toMatchObject({
      type: 'next',
      payload: { errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }] },
    });
    const retryAfterMs = refusal!.message.payload.errors[0].extensions.retryAfterSeconds * 1000;
    expect(retries).toEqual([
      expect.objectContaining({
        operation: 'notificationAdded',
        reason: 'RATE_LIMITED',
        detail: refusal!.message.payload.errors,
      }),
    ]);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(retryAfterMs);
    // One more subscribe, no sooner than the server asked, from the position it had; the
    // friends panel on the same socket was not disturbed (subscribed once).
    expect(more).toEqual([]);
    expect(wire.subscribes('connectionEvents')).toHaveLength(1);
    expect(resumed!.at - refusal!.at).toBeGreaterThanOrEqual(retryAfterMs);
    expect(resumed!.message.payload.variables).toEqual({ after: page.liveCursor });
    expect(received.map((n) => n.connectionRequestId)).toEqual([...meanwhile, after].map(String));
    expect(new Set(received.map((n) => n.id)).size).toBe(4);
    expect(errors).toEqual([]);
    expect(follower.stopped).toBe(false);
  });

  it.each([
    ['stop()', (follower: LiveSubscription) => follower.stop()],
    ['close()', (_follower: LiveSubscription, client: LiveClient) => client.close()],
  ])('should end a pending wait on %s, with no callback afterwards', async (_name, end) => {
    const tenant = await createTenant(limited);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const page = await firstPage(alice, limited);
    const retries: LiveRetry[] = [];
    const calls: unknown[] = [];
    const { client, wire } = await clientWithSpentBudget(alice, retries);

    const follower = client.followNotifications({
      after: page.liveCursor,
      onNotification: (notification) => calls.push(notification),
      onError: (error) => calls.push(error),
    });
    await waitFor('the refusal', () => retries.length === 1);
    await end(follower, client);
    await tenant.request(bob, alice);
    await pause(retries[0]!.retryAt - Date.now() + 500);

    expect(follower.stopped).toBe(true);
    expect(calls).toEqual([]);
    expect(retries).toHaveLength(1);
    expect(wire.subscribes('notificationAdded')).toHaveLength(1);
  });
});

describe('createLiveClient() on a full instance', () => {
  // One WebSocket per instance: a second client meets a full instance (503 with Retry-After).
  const full = useTestServer({ env: { ...DEFAULT_RATE_BUDGETS, MAX_WEBSOCKETS: '1' } });

  it('should keep retrying, no sooner than Retry-After, and resume once a socket is free, losing nothing', async () => {
    const tenant = await createTenant(full);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const senders: SeededUser[] = [];
    for (let i = 0; i < 4; i++) senders.push(await tenant.user('sender'));
    const page = await firstPage(alice, full);
    // Bob's friends panel holds the only socket.
    const occupant = live(wsUrl(full), bob.token);
    let occupied = false;
    occupant.followConnectionEvents({
      onEvent: () => {
        occupied = true;
      },
    });
    await waitFor('the occupant', () => occupied);

    const attempts: number[] = [];
    const retries: LiveRetry[] = [];
    const received: LiveNotification[] = [];
    const errors: unknown[] = [];
    const follower = live(wsUrl(full), alice.token, [], {
      onStatus: (status) => {
        if (status === 'connecting') attempts.push(Date.now());
      },
      onRetry: (retry) => retries.push(retry),
    }).followNotifications({
      after: page.liveCursor,
      onNotification: (notification) => received.push(notification),
      onError: (error) => errors.push(error),
    });
    const meanwhile = [
      await tenant.request(senders[0]!, alice),
      await tenant.request(senders[1]!, alice),
      await tenant.request(senders[2]!, alice),
    ];
    await waitFor('a second refusal', () => retries.length >= 2, 15_000);
    expect(received).toEqual([]);

    await occupant.close();
    await waitFor('the notifications of the wait', () => received.length === 3, 15_000);
    const after = await tenant.request(senders[3]!, alice);
    await waitFor('the next live notification', () => received.length === 4);
    await pause(300);

    for (const retry of retries) {
      expect(retry).toMatchObject({
        operation: 'notificationAdded',
        reason: 'SERVICE_UNAVAILABLE',
        detail: { status: 503, retryAfterSeconds: 5 },
      });
      expect(retry.delayMs).toBeGreaterThanOrEqual(5_000);
    }
    for (let i = 1; i < attempts.length; i++) expect(attempts[i]! - attempts[i - 1]!).toBeGreaterThanOrEqual(5_000);
    expect(attempts.length).toBe(retries.length + 1);
    expect(received.map((n) => n.connectionRequestId)).toEqual([...meanwhile, after].map(String));
    expect(new Set(received.map((n) => n.id)).size).toBe(4);
    expect(errors).toEqual([]);
    expect(follower.stopped).toBe(false);
  }, 45_000);
});

describe('createLiveClient() over the subscriptions one socket may run', () => {
  const capped = useTestServer({ env: { ...DEFAULT_RATE_BUDGETS, MAX_SUBSCRIPTIONS_PER_SOCKET: '1' } });

  it('should wait while its socket runs as many subscriptions as it may, and deliver once one stops', async () => {
    const tenant = await createTenant(capped);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const page = await firstPage(alice, capped);
    const retries: LiveRetry[] = [];
    const received: LiveNotification[] = [];
    const errors: unknown[] = [];
    const client = live(wsUrl(capped), alice.token, [], { onRetry: (retry) => retries.push(retry) });
    let panelEvents = 0;
    const panel = client.followConnectionEvents({ onEvent: () => (panelEvents += 1) });
    await waitFor('the friends panel', () => panelEvents > 0);

    const follower = client.followNotifications({
      after: page.liveCursor,
      onNotification: (notification) => received.push(notification),
      onError: (error) => errors.push(error),
    });
    await waitFor('a refusal', () => retries.length >= 1);
    const during = await tenant.request(bob, alice);
    await pause(200);
    expect(received).toEqual([]);

    panel.stop();
    await waitFor('the notification', () => received.length === 1);

    expect(retries[0]).toMatchObject({
      operation: 'notificationAdded',
      reason: 'TOO_MANY_SUBSCRIPTIONS',
      detail: [{ extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } }],
    });
    expect(received.map((n) => n.connectionRequestId)).toEqual([String(during)]);
    expect(errors).toEqual([]);
    expect(follower.stopped).toBe(false);
  });
});
