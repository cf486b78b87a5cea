/**
 * The bare limit for presence fan-out: a `ws` server speaking just enough of
 * graphql-transport-ws (connection_init with the same JWT check, subscribe, complete, ping)
 * that, for each subscriber, reads its friend list once (the same single query the gateway
 * makes) and keeps it in memory, indexed by friend; and an HTTP endpoint, `POST /presence`
 * (same JWT check, body `{status, activity}`), that publishes the change on a Redis channel
 * every instance listens to. On each change an instance sends the friends it holds sockets of
 * the message the gateway sends (`friendPresenceChanged { user { clientUserId } presence
 * { status activity lastSeenAt } }`). No GraphQL, no framework, no presence store, no
 * coalescing: the fan-out and nothing else. Not a product: no validation beyond the
 * benchmark's.
 *
 *   BENCH_DATABASE_URL=postgres://… REDIS_URL=redis://… BARE_CHANNEL=… PORT=4125 JWT_SECRET=… \
 *     node --expose-gc --import tsx bench/sockets/presence-baseline.ts
 *
 * Run as a benchmark worker (bench/sockets/ipc.ts) it answers the same IPC requests as
 * gateway-with-gc.ts.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Redis } from 'ioredis';
import pg from 'pg';
import { type WebSocket, WebSocketServer } from 'ws';
import { secretKey, TokenVerifier } from '../../src/platform/auth/jwt.js';
import type { Viewer } from '../../src/platform/auth/viewer.js';
import { serve } from './ipc.js';
import { cpuProbe, gcPauseProbe, memoryProbes, profileProbes } from './probes.js';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const channel = process.env.BARE_CHANNEL ?? 'bench-presence:bare';
const port = Number(process.env.PORT ?? 4125);
const tokens = new TokenVerifier(secretKey(process.env.JWT_SECRET ?? ''));
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
pool.on('error', () => {});
/** As the gateway's: the ping interval, and the largest body it reads. */
const KEEPALIVE_MS = Number(process.env.WS_KEEPALIVE_MS ?? 12_000);
const MAX_BODY_BYTES = 256 * 1024;

interface Change {
  tenant: string;
  user: string;
  status: string;
  activity: string | null;
  at: number;
}

interface Subscription {
  id: string;
  socket: WebSocket;
  key: string;
  friends: string[];
}

const keyOf = (tenant: string, clientUserId: string) => `${tenant}\u0000${clientUserId}`;
/** Subscriptions by the friends they watch, as the gateway's PresenceWatchers index them. */
const byFriend = new Map<string, Set<Subscription>>();
/** Subscriptions per watching user, for `stats`. */
const perUser = new Map<string, number>();

function subscribe(sub: Subscription, tenant: string): void {
  for (const friend of sub.friends) {
    const key = keyOf(tenant, friend);
    const set = byFriend.get(key) ?? new Set();
    byFriend.set(key, set.add(sub));
  }
  perUser.set(sub.key, (perUser.get(sub.key) ?? 0) + 1);
}

function unsubscribe(sub: Subscription, tenant: string): void {
  for (const friend of sub.friends) {
    const key = keyOf(tenant, friend);
    const set = byFriend.get(key);
    set?.delete(sub);
    if (set?.size === 0) byFriend.delete(key);
  }
  const left = (perUser.get(sub.key) ?? 1) - 1;
  if (left > 0) perUser.set(sub.key, left);
  else perUser.delete(sub.key);
}

/** One change, to every subscriber here who has the user as a friend; the message body is built once. */
function broadcast(change: Change): void {
  const set = byFriend.get(keyOf(change.tenant, change.user));
  if (!set) return;
  const payload = JSON.stringify({
    data: {
      friendPresenceChanged: {
        user: { clientUserId: change.user },
        presence: { status: change.status, activity: change.activity, lastSeenAt: new Date(change.at).toISOString() },
      },
    },
  });
  for (const sub of set) sub.socket.send(`{"id":${JSON.stringify(sub.id)},"type":"next","payload":${payload}}`);
}

async function viewerOf(authorization: string | undefined): Promise<Viewer | undefined> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ? tokens.verify(match[1]).catch(() => undefined) : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY_BYTES) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

const publisher = new Redis(redisUrl);
const listener = new Redis(redisUrl);
publisher.on('error', () => {});
listener.on('error', () => {});

async function setPresence(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const viewer = await viewerOf(req.headers.authorization);
  if (viewer?.role !== 'user') {
    res.writeHead(401).end();
    return;
  }
  const { status, activity } = JSON.parse(await readBody(req)) as { status?: string; activity?: string };
  if (typeof status !== 'string') {
    res.writeHead(400).end();
    return;
  }
  const change: Change = {
    tenant: viewer.tenant,
    user: viewer.subject,
    status,
    activity: activity ?? null,
    at: Date.now(),
  };
  await publisher.publish(channel, JSON.stringify(change));
  res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
}

const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/presence') {
    setPresence(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
    return;
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });

/** Keep-alive as graphql-ws does it: a timer per socket, dropped if the last ping got no pong. */
function keepAlive(socket: WebSocket): void {
  let answered = true;
  socket.on('pong', () => {
    answered = true;
  });
  const timer = setInterval(() => {
    if (!answered) return socket.terminate();
    answered = false;
    socket.ping();
  }, KEEPALIVE_MS);
  socket.once('close', () => clearInterval(timer));
}

function send(socket: WebSocket, message: unknown): void {
  socket.send(JSON.stringify(message));
}

wss.on('connection', (socket) => {
  if (socket.protocol !== 'graphql-transport-ws') return socket.close(1002, 'Unsupported subprotocol');
  keepAlive(socket);
  let viewer: Viewer | undefined;
  let closed = false;
  const subs = new Map<string, Subscription>();
  socket.on('message', async (data) => {
    let message: { type?: string; id?: string; payload?: any };
    try {
      message = JSON.parse(String(data));
    } catch {
      return socket.close(4400, 'Invalid message received');
    }
    switch (message.type) {
      case 'connection_init': {
        viewer = await viewerOf(String(message.payload?.authorization ?? ''));
        if (!viewer) return socket.close(4401, 'Unauthorized');
        return send(socket, { type: 'connection_ack' });
      }
      case 'subscribe': {
        const id = message.id;
        const me = viewer;
        if (!me) return socket.close(4401, 'Unauthorized');
        if (!id || subs.has(id)) return socket.close(4409, 'Subscriber already exists');
        const { rows } = await pool
          .query<{ client_user_id: string }>(
            `select u.client_user_id from connection_edges e join users u on u.id = e.other_user_id
             where e.user_id = (select id from users where tenant = $1 and client_user_id = $2)`,
            [me.tenant, me.subject],
          )
          .catch(() => ({ rows: undefined }));
        if (!rows) return socket.close(1011, 'Internal error');
        if (closed) return;
        const sub: Subscription = {
          id,
          socket,
          key: keyOf(me.tenant, me.subject),
          friends: rows.map((row) => row.client_user_id),
        };
        subs.set(id, sub);
        subscribe(sub, me.tenant);
        return;
      }
      case 'complete': {
        const sub = message.id === undefined ? undefined : subs.get(message.id);
        if (sub && viewer) unsubscribe(sub, viewer.tenant);
        if (message.id !== undefined) subs.delete(message.id);
        return;
      }
      case 'ping':
        return send(socket, { type: 'pong' });
    }
  });
  socket.on('close', () => {
    closed = true;
    if (viewer) for (const sub of subs.values()) unsubscribe(sub, viewer.tenant);
    subs.clear();
  });
});

listener.on('message', (_channel: string, message: string) => broadcast(JSON.parse(message) as Change));
await listener.subscribe(channel);
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

serve({
  stats: async () => ({
    subscribedUsers: perUser.size,
    sockets: await new Promise<number>((resolve, reject) =>
      server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    ),
  }),
  ...cpuProbe,
  ...memoryProbes,
  ...profileProbes,
  ...gcPauseProbe(),
});
