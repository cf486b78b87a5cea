/**
 * The bare limit for live notifications: a `ws` server speaking just enough of
 * graphql-transport-ws (connection_init with the same JWT check, subscribe, complete, ping),
 * LISTENing on the gateway's NOTIFY channel and, for each event, reading the user's new
 * notifications and the other user with the same SQL statements the gateway issues, then
 * sending them in the message the gateway sends. No GraphQL, no framework. Per socket it
 * keeps what the gateway must keep too: the verified viewer, a keep-alive timer and one
 * registered subscription (user, last delivered seq). Not a product: no validation beyond
 * the benchmark's.
 *
 *   BENCH_DATABASE_URL=postgres://… PORT=4112 JWT_SECRET=… node --expose-gc --import tsx bench/sockets/ws-baseline.ts
 *
 * Run as a benchmark worker (bench/sockets/ipc.ts) it answers the same IPC requests as
 * gateway-with-gc.ts.
 */
import { createServer } from 'node:http';
import pg from 'pg';
import { type WebSocket, WebSocketServer } from 'ws';
import { secretKey, TokenVerifier } from '../../src/platform/auth/jwt.js';
import type { Viewer } from '../../src/platform/auth/viewer.js';
import type { DomainEvent } from '../../src/platform/events/events.js';
import { EVENTS_CHANNEL } from '../../src/platform/events/pg-notify.js';
import { PublicIds } from '../../src/platform/public-ids.js';
import { serve } from './ipc.js';
import { cpuProbe, gcPauseProbe, memoryProbes, profileProbes } from './probes.js';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const port = Number(process.env.PORT ?? 4112);
const tokens = new TokenVerifier(secretKey(process.env.JWT_SECRET ?? ''));
pg.types.setTypeParser(20, Number);
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
pool.on('error', () => {});
/** As the gateway's: a cap on read batches while catching up, and the ping interval. */
const BATCH = 100;
const KEEPALIVE_MS = Number(process.env.WS_KEEPALIVE_MS ?? 12_000);

interface UserRow {
  id: number;
  tenant: string;
  client_user_id: string;
  display_name: string;
}

interface NotificationRow {
  id: number;
  user_id: number;
  type: string;
  other_user_id: number;
  message: string;
  created_at: Date;
  read_at: Date | null;
  seq: number;
}

interface Subscription {
  id: string;
  socket: WebSocket;
  user: UserRow;
  lastSeq: number;
  ready: boolean;
  draining: boolean;
  again: boolean;
  done: boolean;
}

const { rows: keyRows } = await pool.query<{ value: string }>(
  "select value from gateway_settings where name = 'public_id_key'",
);
const ids = new PublicIds(Buffer.from(keyRows[0]?.value ?? '', 'hex'));

/** Subscriptions by tenant and user, as the gateway's EventHub routes them. */
const byUser = new Map<string, Set<Subscription>>();
const userKey = (tenant: string, userId: number) => `${tenant}\u0000${userId}`;

function send(socket: WebSocket, message: unknown): Promise<void> {
  return new Promise((resolve) => socket.send(JSON.stringify(message), () => resolve()));
}

async function deliver(sub: Subscription, row: NotificationRow): Promise<void> {
  const { rows } = await pool.query<UserRow>('select * from "users" where "tenant" = $1 and "id" in ($2)', [
    sub.user.tenant,
    row.other_user_id,
  ]);
  const other = rows[0];
  await send(sub.socket, {
    id: sub.id,
    type: 'next',
    payload: {
      data: {
        notificationAdded: {
          id: String(ids.encode('notification', row.id)),
          type: row.type.toUpperCase(),
          message: row.message,
          timestamp: row.created_at.toISOString(),
          read: row.read_at !== null,
          otherUser: other && { clientUserId: other.client_user_id, displayName: other.display_name },
        },
      },
    },
  });
}

/** Reads and sends everything after the last delivered seq; one drain at a time per subscription. */
async function drain(sub: Subscription): Promise<void> {
  do {
    sub.again = false;
    for (;;) {
      const { rows } = await pool.query<NotificationRow>(
        'select * from "notifications" where "user_id" = $1 and "seq" > $2 order by "seq" limit $3',
        [sub.user.id, sub.lastSeq, BATCH],
      );
      for (const row of rows) {
        if (sub.done) return;
        await deliver(sub, row);
        sub.lastSeq = row.seq;
      }
      if (rows.length < BATCH) break;
    }
  } while (sub.again && !sub.done);
}

function wake(sub: Subscription): void {
  if (!sub.ready || sub.draining || sub.done) {
    sub.again = true;
    return;
  }
  sub.draining = true;
  drain(sub)
    .catch(() => sub.socket.close(1011, 'Internal error'))
    .finally(() => {
      sub.draining = false;
      if (sub.again && !sub.done) wake(sub);
    });
}

function unsubscribe(sub: Subscription): void {
  sub.done = true;
  const key = userKey(sub.user.tenant, sub.user.id);
  const set = byUser.get(key);
  set?.delete(sub);
  if (set?.size === 0) byUser.delete(key);
}

async function subscribe(
  socket: WebSocket,
  viewer: Viewer,
  subs: Map<string, Subscription>,
  id: string,
  userId: string,
): Promise<void> {
  if (viewer.role !== 'service' && userId !== viewer.subject) {
    await send(socket, { id, type: 'error', payload: [{ message: `Not authorized to act as user '${userId}'` }] });
    return;
  }
  const { rows } = await pool.query<UserRow>('select * from "users" where "tenant" = $1 and "client_user_id" = $2', [
    viewer.tenant,
    userId,
  ]);
  const user = rows[0];
  if (!user || socket.readyState !== socket.OPEN) {
    if (!user) await send(socket, { id, type: 'error', payload: [{ message: `User '${userId}' not found` }] });
    return;
  }
  const sub: Subscription = { id, socket, user, lastSeq: 0, ready: false, draining: false, again: false, done: false };
  subs.set(id, sub);
  const key = userKey(user.tenant, user.id);
  const set = byUser.get(key) ?? new Set();
  byUser.set(key, set.add(sub));
  // Listen first, then fix the starting point, as the gateway does.
  const { rows: seqRows } = await pool.query<{ notification_seq: number }>(
    'select "notification_seq" from "users" where "id" = $1',
    [user.id],
  );
  sub.lastSeq = seqRows[0]?.notification_seq ?? 0;
  sub.ready = true;
  wake(sub);
}

const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: 64 * 1024 });

/**
 * Keep-alive as graphql-ws does it: each socket pings on a timer of its own (so pings spread
 * over time instead of 10,000 at once) and is dropped if the previous ping got no pong.
 */
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

wss.on('connection', (socket) => {
  if (socket.protocol !== 'graphql-transport-ws') return socket.close(1002, 'Unsupported subprotocol');
  keepAlive(socket);
  let viewer: Viewer | undefined;
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
        const match = /^Bearer\s+(\S+)\s*$/i.exec(String(message.payload?.authorization ?? ''));
        viewer = match?.[1] ? await tokens.verify(match[1]).catch(() => undefined) : undefined;
        if (!viewer) return socket.close(4401, 'Unauthorized');
        return send(socket, { type: 'connection_ack' });
      }
      case 'subscribe':
        if (!viewer) return socket.close(4401, 'Unauthorized');
        if (!message.id || subs.has(message.id)) return socket.close(4409, 'Subscriber already exists');
        return subscribe(socket, viewer, subs, message.id, message.payload?.variables?.userId ?? viewer.subject).catch(
          () => socket.close(1011, 'Internal error'),
        );
      case 'complete': {
        const sub = message.id === undefined ? undefined : subs.get(message.id);
        if (sub) unsubscribe(sub);
        if (message.id !== undefined) subs.delete(message.id);
        return;
      }
      case 'ping':
        return send(socket, { type: 'pong' });
    }
  });
  socket.on('close', () => {
    for (const sub of subs.values()) unsubscribe(sub);
    subs.clear();
  });
});

const listener = new pg.Client({ connectionString: databaseUrl });
await listener.connect();
listener.on('notification', ({ channel, payload }) => {
  if (channel !== EVENTS_CHANNEL) return;
  const event = JSON.parse(payload ?? '{}') as DomainEvent;
  if (event.kind !== 'notification') return;
  const set = byUser.get(userKey(event.tenant, event.userId));
  if (set) for (const sub of set) wake(sub);
});
await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));

serve({
  stats: async () => ({
    subscribedUsers: byUser.size,
    sockets: await new Promise<number>((resolve, reject) =>
      server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    ),
  }),
  ...cpuProbe,
  ...memoryProbes,
  ...profileProbes,
  ...gcPauseProbe(),
});
