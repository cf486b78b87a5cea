import net from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTenant, type TestServer, useTestServer } from '../helpers/app.js';
import { liveClient } from '../helpers/live.js';

const HEADERS_TIMEOUT_MS = 600;
const REQUEST_TIMEOUT_MS = 1200;

const server = useTestServer({
  env: {
    MAX_URL_LENGTH: '512',
    MAX_HEADER_BYTES: '2048',
    HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    MAX_WEBSOCKETS: '3',
    MAX_SUBSCRIPTIONS_PER_SOCKET: '2',
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface RawExchange {
  /** Everything the server sent before it closed the connection. */
  response: string;
  status: number | null;
  body: unknown;
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfterMs: number;
}

/**
 * Speaks HTTP on a bare socket: connects, hands the socket to `send` (which writes at whatever
 * pace it likes, and may stop before the request is complete), and resolves once the server
 * closes the connection. Rejects if it is still open after `giveUpMs`.
 */
function rawRequest(
  srv: TestServer,
  send: (socket: net.Socket) => Promise<void> | void,
  giveUpMs = 10_000,
): Promise<RawExchange> {
  const { hostname, port } = new URL(srv.url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket = net.connect(Number(port), hostname, () => {
      Promise.resolve(send(socket)).catch(() => {});
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connection still open after ${giveUpMs} ms; got ${Buffer.concat(chunks).toString()}`));
    }, giveUpMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      const response = Buffer.concat(chunks).toString();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(response)?.[1];
      const body = response.includes('\r\n\r\n') ? response.slice(response.indexOf('\r\n\r\n') + 4) : '';
      resolve({
        response,
        status: status ? Number(status) : null,
        body: body ? JSON.parse(body) : undefined,
        closedAfterMs: Date.now() - started,
      });
    });
  });
}

/** Writes `text` a few bytes at a time, `everyMs` apart, while the socket is open. */
async function trickle(socket: net.Socket, text: string, everyMs: number, bytes = 4): Promise<void> {
  for (let i = 0; i < text.length && !socket.destroyed; i += bytes) {
    socket.write(text.slice(i, i + bytes));
    await sleep(everyMs);
  }
}

describe('Request line and headers', () => {
  it('should answer 414 URI_TOO_LONG for a URL over MAX_URL_LENGTH', async () => {
    const response = await fetch(`${server.url}/v1/users/${'u'.repeat(600)}`);
    expect(response.status).toBe(414);
    expect(await response.json()).toEqual({
      error: 'URI Too Long',
      message: 'Request URL exceeds 512 bytes',
      code: 'URI_TOO_LONG',
    });
  });

  it('should answer 414 as well for a URL so long that node:http refuses the head itself', async () => {
    const exchange = await rawRequest(server, (socket) => {
      socket.write(`GET /v1/users/${'u'.repeat(4000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    });
    expect(exchange.status).toBe(414);
    expect(exchange.body).toEqual({
      error: 'URI Too Long',
      message: 'Request URL exceeds 512 bytes',
      code: 'URI_TOO_LONG',
    });
  });

  it('should answer 431 HEADERS_TOO_LARGE for headers over MAX_HEADER_BYTES, as fetch sees it', async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { 'x-padding': 'p'.repeat(3000) } });
    expect(response.status).toBe(431);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({
      error: 'Request Header Fields Too Large',
      message: 'Request headers exceed 2048 bytes',
      code: 'HEADERS_TOO_LARGE',
    });
  });

  it('should answer 400 with the documented body for a request node:http cannot read', async () => {
    const exchange = await rawRequest(server, (socket) => {
      socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\nNot a header line\r\n\r\n');
    });
    expect(exchange.status).toBe(400);
    expect(exchange.body).toEqual({
      error: 'Bad Request',
      message: 'Malformed HTTP request',
      code: 'VALIDATION_FAILED',
    });
  });

  it('should serve URLs and headers within the limits', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const response = await fetch(`${server.url}/v1/users/${alice.id}?${'q'.repeat(300)}`, {
      headers: { authorization: `Bearer ${alice.token}`, 'x-padding': 'p'.repeat(1000) },
    });
    expect(response.status).toBe(200);
  });
});

describe('Slow clients', () => {
  it('should cut off a client that sends its headers too slowly with 408, while others are served', async () => {
    const slow = rawRequest(server, (socket) =>
      trickle(socket, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ${'s'.repeat(200)}\r\n\r\n`, 50),
    );
    // Meanwhile, an ordinary client is not held up.
    await sleep(100);
    const healthy = await fetch(`${server.url}/healthz`);
    expect(healthy.status).toBe(200);

    const exchange = await slow;
    expect(exchange.status).toBe(408);
    expect(exchange.body).toEqual({
      error: 'Request Timeout',
      message: `The request did not arrive in time (headers within ${HEADERS_TIMEOUT_MS} ms, all of it within ${REQUEST_TIMEOUT_MS} ms)`,
      code: 'REQUEST_TIMEOUT',
    });
    // Cut off at the deadline (the server checks a few times per timeout), not after the whole trickle (about 3 s).
    expect(exchange.closedAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(exchange.closedAfterMs).toBeLessThan(HEADERS_TIMEOUT_MS + 1500);
  });

  it('should cut off a body that stalls with 408, and run nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const body = JSON.stringify({ receiver_id: bob.id });
    const exchange = await rawRequest(server, (socket) => {
      socket.write(
        `POST /v1/connections/${alice.id}/request HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${alice.token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 5)}`,
      );
      // ... and never the rest.
    });
    expect(exchange.status).toBe(408);
    expect(exchange.body).toMatchObject({ code: 'REQUEST_TIMEOUT' });
    expect(exchange.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 1500);

    const received = await server.rest('GET', `/v1/connections/${bob.id}/received`, { token: bob.token });
    expect(received.body.requests).toEqual([]);
  });

  it('should serve a client that is slow but within the timeouts', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const body = JSON.stringify({ receiver_id: bob.id });
    const exchange = await rawRequest(server, async (socket) => {
      socket.write(
        `POST /v1/connections/${alice.id}/request HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${alice.token}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      );
      await trickle(socket, body, 100, Math.ceil(body.length / 4));
    });
    expect(exchange.status).toBe(201);
    expect(exchange.body).toMatchObject({ message: 'Connection request sent successfully' });
  });
});

/** Opens a graphql-ws socket and resolves once the server has acknowledged it. */
function openSocket(srv: TestServer, token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${srv.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data) => {
      if (JSON.parse(data.toString()).type === 'connection_ack') resolve(socket);
    });
    socket.on('unexpected-response', (_request, response) =>
      reject(new Error(`upgrade refused: ${response.statusCode}`)),
    );
    socket.on('error', reject);
  });
}

function closeSocket(socket: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    socket.once('close', () => resolve());
    socket.close();
  });
}

describe('WebSocket limits', () => {
  it('should refuse a WebSocket over MAX_WEBSOCKETS with 503 and Retry-After, and accept one again once a socket closes', async () => {
    const alice = await (await createTenant(server)).user('alice');
    const open = [await openSocket(server, alice.token), await openSocket(server, alice.token)];
    open.push(await openSocket(server, alice.token));
    try {
      const refused = await new Promise<{ status: number; retryAfter: unknown; body: string }>((resolve, reject) => {
        const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
        socket.on('open', () => reject(new Error('a fourth socket was accepted')));
        socket.on('error', () => {});
        socket.on('unexpected-response', (_request, response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => {
            body += chunk.toString();
          });
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'], body }),
          );
        });
      });
      expect(refused.status).toBe(503);
      expect(refused.retryAfter).toBe('5');
      expect(JSON.parse(refused.body)).toEqual({
        error: 'Service Unavailable',
        message: 'This instance has its maximum of 3 WebSockets open; retry later',
        code: 'SERVICE_UNAVAILABLE',
      });

      // The sockets already open are unaffected.
      for (const socket of open) expect(socket.readyState).toBe(WebSocket.OPEN);
      await closeSocket(open.pop() as WebSocket);
      open.push(await openSocket(server, alice.token));
    } finally {
      await Promise.all(open.map(closeSocket));
    }
  });

  it('should refuse a subscription over MAX_SUBSCRIPTIONS_PER_SOCKET with an error for it alone', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const live = liveClient(server.url, alice.token);
    const notifications = { toString: () => 'subscription { notificationAdded { type otherUser { clientUserId } } }' };
    const events = { toString: () => 'subscription { connectionEvents { __typename } }' };
    try {
      const first = live.subscribe(notifications as never, {});
      const second = live.subscribe(events as never, {});
      await second.take(1); // the unread count comes first: both are running
      const third = live.subscribe(notifications as never, {});

      expect(await third.failure()).toEqual([
        {
          message:
            'This socket already runs 2 subscriptions, the most it may; complete one first or open another socket',
          extensions: { code: 'TOO_MANY_SUBSCRIPTIONS', max: 2 },
        },
      ]);

      // The socket stays open and the two running subscriptions go on delivering.
      await tenant.request(bob, alice);
      expect(await first.take(1)).toEqual([
        { notificationAdded: { type: 'NEW_REQUEST', otherUser: { clientUserId: bob.id } } },
      ]);
      expect(await second.take(2)).toEqual([
        { connectionEvents: { __typename: 'UnreadCountChangedEvent' } },
        { connectionEvents: { __typename: 'UnreadCountChangedEvent' } },
      ]);

      // Queries are not subscriptions: they are still served on the full socket.
      const query = live.subscribe({ toString: () => '{ __typename }' } as never, {});
      expect(await query.take(1)).toEqual([{ __typename: 'Query' }]);

      // Completing one makes room for another.
      first.unsubscribe();
      await sleep(100);
      const again = live.subscribe(notifications as never, {});
      await sleep(100);
      await tenant.request(carol, alice);
      expect(await again.take(1)).toEqual([
        { notificationAdded: { type: 'NEW_REQUEST', otherUser: { clientUserId: carol.id } } },
      ]);
    } finally {
      await live.close();
    }
  });
});
