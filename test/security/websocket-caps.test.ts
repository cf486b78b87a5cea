import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTenant, useTestServer } from '../helpers/app.js';

/*
 * One client must not be able to take a whole instance's WebSockets: sockets are capped per
 * user, per token and per service, sockets that have not authenticated have a small cap of their
 * own, and each socket has a message rate. The message rate is left at its defaults here, so
 * these tests also show that the defaults leave a well-behaved client far from it.
 */

const server = useTestServer({
  env: {
    MAX_WEBSOCKETS_PER_USER: '3',
    MAX_WEBSOCKETS_PER_TOKEN: '2',
    MAX_WEBSOCKETS_PER_SERVICE: '4',
    MAX_UNAUTHENTICATED_WEBSOCKETS: '3',
    WS_CONNECTION_INIT_TIMEOUT_MS: '1000',
  },
});

/** The defaults of WS_MAX_MESSAGES_PER_SECOND and WS_MESSAGE_BURST. */
const MESSAGES_PER_SECOND = 20;
const MESSAGE_BURST = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Closed {
  code: number;
  reason: string;
}

/** A raw graphql-transport-ws socket whose upgrade was accepted. */
interface RawSocket {
  socket: WebSocket;
  /** Every graphql-ws message the server sent, by type. */
  received: string[];
  /** Pong frames the server sent (answers to protocol pings). */
  pongFrames: number;
  closed: Promise<Closed>;
}

interface UpgradeRefusal {
  status: number;
  retryAfter: string | undefined;
  body: unknown;
}

/** Opens a socket without saying anything; resolves once the upgrade is accepted or refused. */
function openSocket(): Promise<RawSocket | UpgradeRefusal> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const raw: RawSocket = {
      socket,
      received: [],
      pongFrames: 0,
      closed: new Promise((resolveClosed) =>
        socket.on('close', (code, reason) => resolveClosed({ code, reason: reason.toString() })),
      ),
    };
    socket.on('message', (data) => raw.received.push(JSON.parse(String(data)).type));
    socket.on('pong', () => {
      raw.pongFrames += 1;
    });
    socket.on('open', () => resolve(raw));
    socket.on('error', () => {});
    socket.on('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          retryAfter: response.headers['retry-after'] as string | undefined,
          body: JSON.parse(body),
        }),
      );
    });
    setTimeout(() => reject(new Error('the upgrade was neither accepted nor refused')), 10_000);
  });
}

function isOpen(result: RawSocket | UpgradeRefusal): result is RawSocket {
  return 'socket' in result;
}

/** Sends `connection_init` with `token`; resolves with 'ack', or with the close if the server closes instead. */
async function init(raw: RawSocket, token: string): Promise<'ack' | Closed> {
  raw.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  return Promise.race([
    raw.closed,
    until(() => raw.received.includes('connection_ack'), 'an ack').then(() => 'ack' as const),
  ]);
}

/** Opens a socket and authenticates it, whatever the answer. */
async function attempt(token: string): Promise<{ raw: RawSocket; outcome: 'ack' | Closed }> {
  const raw = await openSocket();
  if (!isOpen(raw)) throw new Error(`upgrade refused: ${JSON.stringify(raw)}`);
  return { raw, outcome: await init(raw, token) };
}

/** Opens an authenticated socket; fails the test if the server does not accept it. */
async function connect(token: string): Promise<RawSocket> {
  const { raw, outcome } = await attempt(token);
  if (outcome !== 'ack') throw new Error(`socket refused: ${JSON.stringify(outcome)}`);
  return raw;
}

/** The close a socket gets at `connection_init`; fails the test if the server accepts it. */
async function refused(token: string): Promise<Closed> {
  const { raw, outcome } = await attempt(token);
  if (outcome === 'ack') {
    await closeAll([raw]);
    throw new Error('socket accepted');
  }
  return outcome;
}

/** Whether the server still answers on `raw`: a graphql-ws ping gets its pong. */
async function answers(raw: RawSocket): Promise<boolean> {
  const pongs = raw.received.filter((type) => type === 'pong').length;
  raw.socket.send(JSON.stringify({ type: 'ping' }));
  try {
    await until(() => raw.received.filter((type) => type === 'pong').length > pongs, 'a pong', 2_000);
    return true;
  } catch {
    return false;
  }
}

async function closeAll(sockets: RawSocket[]): Promise<void> {
  for (const { socket } of sockets) socket.close();
  await Promise.all(sockets.map((raw) => raw.closed));
}

/** Polls `ready` until it holds; rejects after `timeoutMs`. */
async function until(ready: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** Resolves with the close, or with 'still open' after `ms`. */
function closedWithin(raw: RawSocket, ms: number): Promise<Closed | 'still open'> {
  return Promise.race([raw.closed, sleep(ms).then(() => 'still open' as const)]);
}

const userCap = (max: number) => ({
  code: 4029,
  reason: `Too many WebSockets for this user (at most ${max}): retry after 30 seconds`,
});

describe('WebSockets per user, token and service', () => {
  it('should close a socket past MAX_WEBSOCKETS_PER_USER with 4029 at connection_init, while another user still connects', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    // Tokens minted apart are different tokens: the user's cap binds before each token's.
    const [second, third] = [
      await server.token(alice.id, { tenant: tenant.name, expiresIn: '2h' }),
      await server.token(alice.id, { tenant: tenant.name, expiresIn: '3h' }),
    ];
    const open = [await connect(alice.token), await connect(alice.token), await connect(second)];
    try {
      expect(await refused(third)).toEqual(userCap(3));

      open.push(await connect(bob.token));
      for (const raw of open) expect(await answers(raw)).toBe(true);
    } finally {
      await closeAll(open);
    }
  });

  it('should close a socket past MAX_WEBSOCKETS_PER_TOKEN with 4029, leaving the user the rest of its allowance', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    // A token that leaked, or a client stuck reconnecting, holds two sockets at most...
    const open = [await connect(alice.token), await connect(alice.token)];
    try {
      expect(await refused(alice.token)).toEqual({
        code: 4029,
        reason: 'Too many WebSockets for this token (at most 2): retry after 30 seconds',
      });

      // ... and the user, with a fresh token, still has a place.
      open.push(await connect(await server.token(alice.id, { tenant: tenant.name, expiresIn: '2h' })));
    } finally {
      await closeAll(open);
    }
  });

  it('should cap a token for a user that does not exist like any other', async () => {
    const tenant = await createTenant(server);
    const tokens = await Promise.all(
      ['1h', '2h', '3h'].map((expiresIn) => server.token('ghost', { tenant: tenant.name, expiresIn })),
    );
    const lookup = await server.rest('GET', '/v1/users/ghost', { token: tenant.serviceToken });
    expect(lookup.status).toBe(404);

    const open = [await connect(tokens[0]!), await connect(tokens[0]!), await connect(tokens[1]!)];
    try {
      expect(await refused(tokens[2]!)).toEqual(userCap(3));
    } finally {
      await closeAll(open);
    }
  });

  it('should give a service its own allowance, MAX_WEBSOCKETS_PER_SERVICE, apart from a user with the same subject', async () => {
    const tenant = await createTenant(server);
    // A game backend following its users holds more sockets than a user may, with one token.
    // One after the other: this server lets only 3 sockets wait for connection_init at once.
    const open: Awaited<ReturnType<typeof connect>>[] = [];
    for (let i = 0; i < 4; i++) open.push(await connect(tenant.serviceToken));
    try {
      expect(await refused(tenant.serviceToken)).toEqual({
        code: 4029,
        reason: 'Too many WebSockets for this service (at most 4): retry after 30 seconds',
      });

      // A player whose id is the service's subject is another owner: it has its own places.
      open.push(await connect(await server.token('backend', { tenant: tenant.name })));
    } finally {
      await closeAll(open);
    }
  });

  it("should give a socket's place back however it closes: by its client, a dropped connection, token expiry, a flood", async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const tokens = await Promise.all(
      ['1h', '2h', '3h', '4h', '5h'].map((expiresIn) => server.token(alice.id, { tenant: tenant.name, expiresIn })),
    );
    // Long enough for the steps before its expiry to be done first.
    const expiring = await server.token(alice.id, { tenant: tenant.name, expiresIn: '4s' });
    const [closedByClient, dropped, expired] = [
      await connect(tokens[0]!),
      await connect(tokens[1]!),
      await connect(expiring),
    ];
    const open = [closedByClient, dropped, expired];
    /** The user is at its cap; its next socket gets in once a place is given back. */
    const nextSocketGetsIn = async (token: string) => {
      let outcome: Awaited<ReturnType<typeof attempt>> | undefined;
      await until(async () => {
        outcome = await attempt(token);
        return outcome.outcome === 'ack';
      }, 'a place to be given back');
      open.push(outcome!.raw);
    };
    try {
      expect(await refused(tokens[2]!)).toEqual(userCap(3));

      closedByClient.socket.close();
      await nextSocketGetsIn(tokens[2]!);
      expect(await refused(tokens[3]!)).toEqual(userCap(3));

      // The network drops: no close handshake, the server sees the connection end.
      dropped.socket.terminate();
      await nextSocketGetsIn(tokens[3]!);
      expect(expired.socket.readyState).toBe(WebSocket.OPEN);

      expect((await expired.closed).code).toBe(4401);
      await nextSocketGetsIn(tokens[4]!);

      const flooder = open.at(-1)!;
      for (let i = 0; i < 5 * MESSAGE_BURST; i++) flooder.socket.send(JSON.stringify({ type: 'ping' }));
      expect((await flooder.closed).code).toBe(1008);
      await nextSocketGetsIn(tokens[4]!);
    } finally {
      await closeAll(open);
    }
  });
});

describe('Unauthenticated WebSockets', () => {
  it('should refuse upgrades past MAX_UNAUTHENTICATED_WEBSOCKETS with 503 while authenticated sockets go on, and close silent ones after WS_CONNECTION_INIT_TIMEOUT_MS', async () => {
    const alice = await (await createTenant(server)).user('alice');
    const authenticated = await connect(alice.token);
    const silent = (await Promise.all([openSocket(), openSocket(), openSocket()])).filter(isOpen);
    expect(silent).toHaveLength(3);
    try {
      expect(await openSocket()).toEqual({
        status: 503,
        retryAfter: '5',
        body: {
          error: 'Service Unavailable',
          message: 'This instance has its maximum of 3 WebSockets waiting for connection_init; retry later',
          code: 'SERVICE_UNAVAILABLE',
        },
      });
      expect(await answers(authenticated)).toBe(true);

      // Silence costs a second at most; then the places are free for clients that speak.
      for (const raw of silent) {
        expect(await raw.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
      }
      const later = await connect(alice.token);
      silent.push(later);
      expect(await answers(authenticated)).toBe(true);
    } finally {
      await closeAll([authenticated, ...silent]);
    }
  });

  it('should hold at most MAX_UNAUTHENTICATED_WEBSOCKETS of a flood of silent sockets, and free a place as a socket authenticates', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const flood = await Promise.all(Array.from({ length: 30 }, () => openSocket()));
    const accepted = flood.filter(isOpen);
    try {
      // Upgrades accepted in the same instant are checked again at once and closed with 1013.
      await sleep(200);
      const held = accepted.filter((raw) => raw.socket.readyState === WebSocket.OPEN);
      expect(held.length).toBeLessThanOrEqual(3);
      expect(flood.filter((result) => !isOpen(result))).toContainEqual(expect.objectContaining({ status: 503 }));

      // Sockets that authenticate leave the unauthenticated count: as many silent ones fit again.
      const tokens = await Promise.all(
        held.map((_, i) => server.token(alice.id, { tenant: tenant.name, expiresIn: `${i + 1}h` })),
      );
      for (const [i, raw] of held.entries()) expect(await init(raw, tokens[i]!)).toBe('ack');
      const more = (await Promise.all(held.map(() => openSocket()))).filter(isOpen);
      accepted.push(...more);
      expect(more).toHaveLength(held.length);
    } finally {
      await closeAll(accepted);
    }
  });
});

describe('Messages per socket', () => {
  it('should close a socket that floods pings with 1008, having answered no more than its burst, while /healthz and other sockets are served', async () => {
    const tenant = await createTenant(server);
    const [alice, mallory] = [await tenant.user('alice'), await tenant.user('mallory')];
    const healthy = await connect(alice.token);
    const flooder = await connect(mallory.token);
    try {
      for (let i = 0; i < 50_000; i++) flooder.socket.send(JSON.stringify({ type: 'ping' }));
      const started = performance.now();
      const health = await fetch(`${server.url}/healthz`);
      const healthMs = performance.now() - started;

      expect(await closedWithin(flooder, 5_000)).toEqual({
        code: 1008,
        reason: `Too many messages: at most ${MESSAGES_PER_SECOND} per second (bursts of ${MESSAGE_BURST})`,
      });
      expect(health.status).toBe(200);
      expect(healthMs).toBeLessThan(500);
      // At most the burst was answered (none, when the flood arrives faster than the answers).
      expect(flooder.received.filter((type) => type === 'pong').length).toBeLessThan(MESSAGE_BURST);

      expect(await answers(healthy)).toBe(true);
      expect(healthy.socket.readyState).toBe(WebSocket.OPEN);
    } finally {
      await closeAll([healthy, flooder]);
    }
  });

  it('should count protocol ping frames too, before connection_init as after', async () => {
    const raw = await openSocket();
    if (!isOpen(raw)) throw new Error('upgrade refused');
    // Each ping waits for its pong, so the frames never pile up unanswered (which ws itself
    // would cut): only the message rate can stop this client.
    for (let i = 0; i < 3 * MESSAGE_BURST && raw.socket.readyState === WebSocket.OPEN; i++) {
      raw.socket.ping();
      await Promise.race([new Promise((resolve) => raw.socket.once('pong', resolve)), raw.closed]);
    }

    expect(await closedWithin(raw, 5_000)).toMatchObject({ code: 1008 });
    expect(raw.pongFrames).toBeLessThan(MESSAGE_BURST + 20);
  });

  it('should never close a client within the rate: a full burst, then a steady half of the rate', async () => {
    const alice = await (await createTenant(server)).user('alice');
    const client = await connect(alice.token);
    try {
      // connection_init took one message of the burst.
      for (let i = 0; i < MESSAGE_BURST - 1; i++) client.socket.send(JSON.stringify({ type: 'ping' }));
      await until(() => client.received.filter((type) => type === 'pong').length === MESSAGE_BURST - 1, 'the pongs');
      for (let i = 0; i < MESSAGES_PER_SECOND; i++) {
        await sleep(2_000 / MESSAGES_PER_SECOND);
        client.socket.send(JSON.stringify({ type: 'ping' }));
      }

      expect(await closedWithin(client, 300)).toBe('still open');
      expect(await answers(client)).toBe(true);
      expect(client.received.filter((type) => type === 'pong')).toHaveLength(MESSAGE_BURST + MESSAGES_PER_SECOND);
    } finally {
      await closeAll([client]);
    }
  });
});
