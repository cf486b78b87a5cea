import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHttpClient } from '../../src/client/http.js';
import { createLiveClient, type LiveClient, type LiveNotification, type LiveStatus } from '../../src/client/live.js';
import { ActiveConnections, Notifications } from '../../src/client/operations.js';
import { createTenant, type SeededUser, useTestServer } from '../helpers/app.js';

const server = useTestServer();

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

function live(url: string, token: string, statuses: LiveStatus[] = []): LiveClient {
  const client = createLiveClient({
    url,
    token,
    webSocketImpl: WebSocket,
    retryDelayMs: () => 50,
    onStatus: (status) => statuses.push(status),
  });
  cleanup.push(() => client.close());
  return client;
}

async function waitFor(what: string, ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function firstPage(user: SeededUser) {
  const http = createHttpClient({ url: `${server.url}/graphql`, token: user.token });
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
    const client = live(`${server.url.replace(/^http/, 'ws')}/graphql`, alice.token, statuses);
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
    const url = `${server.url.replace(/^http/, 'ws')}/graphql`;
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

    const follower = live(`${server.url.replace(/^http/, 'ws')}/graphql`, alice.token).followNotifications({
      after: bobsNotification!.id,
      onNotification: () => {},
      onError: (error) => errors.push(error),
    });
    await waitFor('the refusal', () => errors.length > 0);
    await pause(200);

    expect(errors).toEqual([[expect.objectContaining({ extensions: { code: 'NOTIFICATION_NOT_FOUND' } })]]);
    expect(follower.stopped).toBe(true);
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
