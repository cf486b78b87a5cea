import type { Server } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type App, buildApp } from '../../src/app/build-app.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { createTenant, type SeededUser, TEST_JWT_SECRET, useTestServer } from '../helpers/app.js';
import { insertNotificationBacklog } from '../helpers/backlog.js';
import { rawSocket } from '../helpers/live.js';
import { sseSubscribe } from '../helpers/sse.js';

const server = useTestServer();

const BACKLOG = 20_000;

/** Runs `test` against an app of its own, on the shared database, with `env` set. */
async function withApp(env: Record<string, string>, test: (app: App, url: string) => Promise<void>): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: TEST_JWT_SECRET,
    PORT: '0',
    HOST: '127.0.0.1',
    SHUTDOWN_GRACE_MS: '500',
    ...env,
  });
  const app = await buildApp({ config, logger: createLogger('silent'), database: server.database });
  const url = await app.start();
  try {
    await test(app, url);
  } finally {
    await app.stop();
  }
}

/**
 * Runs `test` against an app of its own that drops a client after 300 ms without reading, with
 * alice's first notification and a backlog of BACKLOG more after it.
 */
async function withBacklog(
  test: (setup: { app: App; url: string; alice: SeededUser; first: { id: number } }) => Promise<void>,
): Promise<void> {
  await withApp({ SUBSCRIPTION_STALL_MS: '300' }, async (app, url) => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.request(bob, alice);
    const first = (await server.rest('GET', `/v1/connections/${alice.id}/notifications`, { token: alice.token })).body
      .notifications[0];
    await insertNotificationBacklog(server.database, tenant.name, alice.id, BACKLOG);
    await test({ app, url, alice, first });
  });
}

describe('socket liveness', () => {
  it('should ping every socket each WS_KEEPALIVE_MS and drop one whose client stopped answering', async () => {
    await withApp({ WS_KEEPALIVE_MS: '1000' }, async (_app, url) => {
      const tenant = await createTenant(server);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      const answering = await rawSocket(url, alice.token);
      // A client gone without a close (a dead network path) answers no ping.
      const silent = await rawSocket(url, bob.token, { autoPong: false });
      let pings = 0;
      answering.socket.on('ping', () => {
        pings += 1;
      });
      const started = Date.now();

      expect(await silent.closed).toBe(1006);
      // Pinged within one interval of connecting, dropped when its next ping came due.
      expect(Date.now() - started).toBeLessThan(2_500);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(pings).toBeGreaterThanOrEqual(2);
      expect(answering.socket.readyState).toBe(WebSocket.OPEN);
      answering.socket.close();
    });
  });

  it('should close a socket with 4401 when its token expires', async () => {
    const token = await server.token('anyone', { expiresIn: '2s' });
    const { closed } = await rawSocket(server.url, token);

    expect(await closed).toBe(4401);
  });

  it('should drop a client that stops reading instead of holding its backlog', async () => {
    await withBacklog(async ({ app, url, alice, first }) => {
      const { socket, messages, closed } = await rawSocket(url, alice.token);
      socket.send(
        JSON.stringify({
          id: '1',
          type: 'subscribe',
          payload: {
            query: 'subscription ($after: ID) { notificationAdded(after: $after) { id message } }',
            variables: { after: String(first.id) },
          },
        }),
      );
      // The client stops reading: once the socket buffers (a few MB) are full, the server ends
      // the subscription and cuts the socket, holding nothing for the client.
      socket.pause();
      await eventually(() => app.hub.userCount === 0, 'the subscription is released', 20_000);
      await eventually(async () => (await openConnections(app.server)) === 0, 'the socket is cut', 15_000);
      socket.resume();

      expect([4008, 1006]).toContain(await closed);
      expect(messages.filter((m) => m.type === 'next').length).toBeLessThan(BACKLOG);
    });
  });
});

/** Connections open on `server`. */
function openConnections(server: Server): Promise<number> {
  return new Promise((resolve, reject) =>
    server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
  );
}

/** Polls `read` until it returns true; rejects after `timeoutMs`. */
async function eventually(read: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await read())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ConnectionEvents =
  'subscription { connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } } }';

describe('SSE liveness', () => {
  it('should end a stream with UNAUTHENTICATED when its token expires, as a socket is closed with 4401', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const token = await server.token(alice.id, { tenant: tenant.name, expiresIn: '2s' });
    const usersBefore = server.app.hub.userCount;

    const stream = await sseSubscribe(server.url, token, { query: ConnectionEvents });
    await stream.take(1);
    expect(server.app.hub.userCount).toBe(usersBefore + 1);

    expect(await stream.ended).toBe('complete');
    expect(stream.results.at(-1)).toEqual({
      errors: [
        expect.objectContaining({
          message: 'Unauthorized: token has expired',
          extensions: expect.objectContaining({ code: 'UNAUTHENTICATED' }),
        }),
      ],
    });
    await eventually(() => server.app.hub.userCount === usersBefore, 'the subscription is released');
  });

  it('should release the subscription when its client hangs up', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const usersBefore = server.app.hub.userCount;
    const stream = await sseSubscribe(server.url, alice.token, { query: ConnectionEvents });
    await stream.take(1);
    expect(server.app.hub.userCount).toBe(usersBefore + 1);

    stream.close();

    await eventually(() => server.app.hub.userCount === usersBefore, 'the subscription is released');
  });

  it('should drop a client that stops reading instead of holding its backlog', async () => {
    await withBacklog(async ({ app, url, alice, first }) => {
      const stream = await sseSubscribe(url, alice.token, {
        query: 'subscription ($after: ID) { notificationAdded(after: $after) { id message } }',
        variables: { after: String(first.id) },
      });
      // As for the socket above, the client stops reading: the server ends the subscription and
      // cuts the connection, holding nothing for the client (what the kernel still buffers
      // reaches it before the connection's end, if it reads again).
      stream.pause();
      await eventually(() => app.hub.userCount === 0, 'the subscription is released', 20_000);
      await eventually(async () => (await openConnections(app.server)) === 0, 'the connection is cut', 15_000);
      stream.resume();

      expect(await stream.ended).toBe('closed');
      expect(stream.results.length).toBeLessThan(BACKLOG);
    });
  });
});
