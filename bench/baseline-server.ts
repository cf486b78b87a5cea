/**
 * The bare limit: node:http + pg, no GraphQL, no framework, answering the benchmarked REST
 * paths (the three lists; send, accept and remove) with the same SQL statements the gateway
 * issues, the same JWT check and the same answer (public ids, each connection's presence,
 * nickname, note and favourite: the peers scenario compares the bodies), so that the gateway can
 * be reported as a ratio to it. Its writes run the gateway's transactions statement for
 * statement (the checks a send makes, the invites a removal withdraws) but count no rate budget.
 * Not a product: no validation beyond what the benchmark needs.
 *
 *   BENCH_DATABASE_URL=postgres://… PORT=4102 JWT_SECRET=… tsx bench/baseline-server.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { connectionsView, offlineView, ownView, type PresenceView } from '../src/modules/presence/presence.rules.js';
import { PublicIds } from '../src/platform/public-ids.js';
import { type BareViewer, bareReads, type UserRow, verifiedViewers } from './bare-reads.js';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const port = Number(process.env.PORT ?? 4102);
const key = new TextEncoder().encode(process.env.JWT_SECRET ?? '');
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
pg.types.setTypeParser(20, Number);
pool.on('error', () => {});

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

const viewerFor = verifiedViewers(key);
const viewerOf = (req: IncomingMessage) => viewerFor(req.headers.authorization);
// Ids are answered and read as the gateway's public ids, with the key the gateway stored.
const ids = new PublicIds(
  Buffer.from(
    (await pool.query<{ value: string }>("select value from gateway_settings where name = 'public_id_key'")).rows[0]
      ?.value ?? '',
    'hex',
  ),
);
const { findUser, usersByIds, newestEdges } = bareReads(pool);

function pageParams(url: URL) {
  const page = Number(url.searchParams.get('page') ?? 1);
  const perPage = Number(url.searchParams.get('per_page') ?? 10);
  return { page, perPage, offset: (page - 1) * perPage };
}

const pagination = (page: number, perPage: number, total: number) => ({
  current_page: page,
  total_pages: Math.ceil(total / perPage),
  total_items: total,
  per_page: perPage,
});
const userJson = (u: UserRow | undefined) => ({ client_user_id: u?.client_user_id, display_name: u?.display_name });

/** The presence of the page's users as the gateway answers it (presence.service.ts `presenceAsSeenBy`). */
async function presences(viewer: BareViewer, users: Map<number, UserRow>): Promise<Map<number, PresenceView | null>> {
  const userIds = [...users.keys()];
  const records = new Map<number, never>();
  if (userIds.length > 0) {
    const { rows } = await pool.query<{ user_id: number; record: never }>(
      'select "user_id", "record" from "presences" where "tenant" = $1 and "user_id" = any($2::bigint[])',
      [viewer.tenant, userIds],
    );
    for (const row of rows) records.set(row.user_id, row.record);
  }
  const now = Date.now();
  const views = new Map<number, PresenceView | null>();
  for (const [id, user] of users) {
    const record = records.get(id) ?? null;
    const lastSeenAt = user.last_seen_at?.getTime() ?? null;
    // A service token sees all of it; a user sees what its connections share.
    const view =
      viewer.role === 'service' || viewer.subject === user.client_user_id
        ? ownView(record, lastSeenAt, now)
        : user.share_presence === 'connections'
          ? (connectionsView(record, now) ?? offlineView(lastSeenAt))
          : null;
    views.set(id, view);
  }
  return views;
}

const presenceJson = (view: PresenceView | null | undefined) =>
  view
    ? {
        status: view.status,
        activity: view.activity,
        join_info: view.joinInfo,
        last_seen_at: view.lastSeenAt === null ? null : new Date(view.lastSeenAt).toISOString(),
      }
    : null;

async function active(viewer: BareViewer, user: UserRow, url: URL) {
  const { page, perPage, offset } = pageParams(url);
  // The total is kept on the user row (users.connection_count), as the gateway reads it.
  const rows = await newestEdges(user.id, perPage, offset);
  const items = rows.slice(0, perPage);
  const users = await usersByIds(
    viewer.tenant,
    items.map((r) => r.other_user_id),
  );
  const presence = await presences(viewer, users);
  return {
    connections: items.map((r) => ({
      id: ids.encode('connection', r.connection_id),
      connected_user: userJson(users.get(r.other_user_id)),
      connected_since: r.created_at.toISOString(),
      presence: presenceJson(presence.get(r.other_user_id)),
      nickname: r.nickname,
      note: r.note,
      favorite: r.favorite,
    })),
    pagination: pagination(page, perPage, user.connection_count),
  };
}

async function requests(tenant: string, user: UserRow, url: URL, side: 'sender_id' | 'receiver_id') {
  const { page, perPage, offset } = pageParams(url);
  const limit = `limit $2${offset > 0 ? ' offset $3' : ''}`;
  const [{ rows }, count] = await Promise.all([
    pool.query(
      `select * from "connection_requests" where "${side}" = $1 order by "created_at" desc, "id" desc ${limit}`,
      offset > 0 ? [user.id, perPage + 1, offset] : [user.id, perPage + 1],
    ),
    pool.query<{ count: number }>(`select count(*) as "count" from "connection_requests" where "${side}" = $1`, [
      user.id,
    ]),
  ]);
  const items = rows.slice(0, perPage);
  const other = side === 'sender_id' ? 'receiver_id' : 'sender_id';
  const users = await usersByIds(
    tenant,
    items.map((r) => r[other]),
  );
  return {
    requests: items.map((r) => ({
      id: ids.encode('request', r.id),
      user: userJson(users.get(r[other])),
      status: r.status,
      message: r.message,
      created_at: r.created_at.toISOString(),
      responded_at: r.responded_at?.toISOString() ?? null,
    })),
    pagination: pagination(page, perPage, Number(count.rows[0]?.count)),
  };
}

// ---- Write path: the gateway's transactions, statement for statement (bench write scenario).

const EVENTS_CHANNEL = 'user_connections_events';

/** Runs `work` in a transaction on one pooled client, as the gateway's Kysely transactions do. */
async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

class Refusal extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

async function userIn(client: pg.PoolClient, tenant: string, clientUserId: string): Promise<UserRow> {
  const { rows } = await client.query<UserRow>('select * from "users" where "tenant" = $1 and "client_user_id" = $2', [
    tenant,
    clientUserId,
  ]);
  if (!rows[0]) throw new Refusal(404);
  return rows[0];
}

interface LockedUser {
  id: number;
  connection_count: number;
  accept_requests_from: string;
  accept_invites_from: string;
}

async function lockUsers(client: pg.PoolClient, a: number, b: number): Promise<LockedUser[]> {
  const { rows } = await client.query<LockedUser>(
    'select "id", "connection_count", "accept_requests_from", "accept_invites_from" from "users" where "id" = any($1::bigint[]) order by "id" for no key update',
    [[a, b]],
  );
  return rows;
}

/** As many pending requests as the gateway lets a user have waiting (MAX_PENDING_OUTGOING_REQUESTS). */
const MAX_PENDING_OUTGOING = 200;

async function notify(client: pg.PoolClient, event: Record<string, unknown>): Promise<void> {
  await client.query('select pg_notify($1, $2)', [EVENTS_CHANNEL, JSON.stringify(event)]);
}

async function addNotification(
  client: pg.PoolClient,
  tenant: string,
  values: { userId: number; requestId: number; otherUserId: number; type: string; message: string },
): Promise<void> {
  const { rows } = await client.query<{ notification_seq: number }>(
    'update "users" set "notification_seq" = "notification_seq" + $1 where "id" = $2 returning "notification_seq"',
    [1, values.userId],
  );
  const seq = rows[0]?.notification_seq;
  await client.query(
    'insert into "notifications" ("tenant", "user_id", "type", "connection_request_id", "other_user_id", "message", "seq") values ($1, $2, $3, $4, $5, $6, $7) returning *',
    [tenant, values.userId, values.type, values.requestId, values.otherUserId, values.message, seq],
  );
  await notify(client, { kind: 'notification', tenant, userId: values.userId, seq });
}

function sendRequest(tenant: string, senderId: string, body: { receiver_id?: string; message?: string }) {
  return transaction(async (client) => {
    const sender = await userIn(client, tenant, senderId);
    const receiver = await userIn(client, tenant, String(body.receiver_id));
    const locked = await lockUsers(client, sender.id, receiver.id);
    const low = Math.min(sender.id, receiver.id);
    const high = Math.max(sender.id, receiver.id);
    const connected = await client.query(
      'select * from "connections" where "user_low_id" = $1 and "user_high_id" = $2',
      [low, high],
    );
    if (connected.rows.length > 0) throw new Refusal(409);
    const pending = await client.query(
      'select * from "connection_requests" where "status" = $1 and (("sender_id" = $2 and "receiver_id" = $3) or ("sender_id" = $4 and "receiver_id" = $5))',
      ['pending', sender.id, receiver.id, receiver.id, sender.id],
    );
    if (pending.rows.length > 0) throw new Refusal(409);
    const blocks = await client.query(
      'select * from "blocks" where (("blocker_id" = $1 and "blocked_id" = $2) or ("blocker_id" = $3 and "blocked_id" = $4))',
      [sender.id, receiver.id, receiver.id, sender.id],
    );
    if (blocks.rows.length > 0) throw new Refusal(403);
    if (locked.find((u) => u.id === receiver.id)?.accept_requests_from !== 'everyone') throw new Refusal(403);
    const waiting = await client.query<{ count: string }>(
      'select count(*) as "count" from (select "id" from "connection_requests" where "sender_id" = $1 and "status" = $2 limit $3) as "pending"',
      [sender.id, 'pending', MAX_PENDING_OUTGOING],
    );
    if (Number(waiting.rows[0]?.count) >= MAX_PENDING_OUTGOING) throw new Refusal(409);
    const { rows } = await client.query<{ id: number }>(
      'insert into "connection_requests" ("tenant", "sender_id", "receiver_id", "message") values ($1, $2, $3, $4) returning *',
      [tenant, sender.id, receiver.id, body.message ?? null],
    );
    const request = rows[0] as { id: number };
    await addNotification(client, tenant, {
      userId: receiver.id,
      requestId: request.id,
      otherUserId: sender.id,
      type: 'new_request',
      message: body.message ?? `${sender.display_name} wants to connect with you.`,
    });
    return { message: 'Connection request sent successfully', id: ids.encode('request', request.id) };
  });
}

function acceptRequest(tenant: string, receiverId: string, requestId: number) {
  return transaction(async (client) => {
    const receiver = await userIn(client, tenant, receiverId);
    const found = await client.query<{ sender_id: number; receiver_id: number }>(
      'select * from "connection_requests" where "tenant" = $1 and "id" = $2',
      [tenant, requestId],
    );
    const pending = found.rows[0];
    if (!pending) throw new Refusal(404);
    if (pending.receiver_id !== receiver.id) throw new Refusal(403);
    await lockUsers(client, pending.sender_id, pending.receiver_id);
    const answered = await client.query<{ id: number; sender_id: number; receiver_id: number }>(
      'update "connection_requests" set "status" = $1, "responded_at" = date_trunc($2, now()) where "id" = $3 and "status" = $4 returning *',
      ['accepted', 'milliseconds', requestId, 'pending'],
    );
    const request = answered.rows[0];
    if (!request) throw new Refusal(409);
    const created = await client.query<{ id: number; created_at: Date }>(
      'insert into "connections" ("tenant", "user_low_id", "user_high_id", "request_id") values ($1, $2, $3, $4) returning *',
      [
        tenant,
        Math.min(request.sender_id, request.receiver_id),
        Math.max(request.sender_id, request.receiver_id),
        request.id,
      ],
    );
    const connection = created.rows[0] as { id: number; created_at: Date };
    await client.query(
      'insert into "connection_edges" ("tenant", "connection_id", "created_at", "user_id", "other_user_id") values ($1, $2, $3, $4, $5), ($6, $7, $8, $9, $10)',
      [
        ...[tenant, connection.id, connection.created_at, request.receiver_id, request.sender_id],
        ...[tenant, connection.id, connection.created_at, request.sender_id, request.receiver_id],
      ],
    );
    await client.query(
      'update "users" set "connection_count" = connection_count + $1::integer where "id" = any($2::bigint[])',
      [1, [request.receiver_id, request.sender_id]],
    );
    await notify(client, {
      kind: 'connection_created',
      tenant,
      connectionId: connection.id,
      userIds: [request.receiver_id, request.sender_id],
    });
    await addNotification(client, tenant, {
      userId: request.sender_id,
      requestId: request.id,
      otherUserId: request.receiver_id,
      type: 'request_accepted',
      message: 'Your connection request was accepted!',
    });
    return { message: 'Connection request accepted successfully' };
  });
}

function removeConnection(tenant: string, userId: string, connectionId: number) {
  return transaction(async (client) => {
    const user = await userIn(client, tenant, userId);
    const edge = await client.query<{ other_user_id: number }>(
      'select "connection_id", "other_user_id", "created_at" from "connection_edges" where "user_id" = $1 and "connection_id" = $2',
      [user.id, connectionId],
    );
    const other = edge.rows[0]?.other_user_id;
    if (other === undefined) throw new Refusal(404);
    await lockUsers(client, user.id, other);
    const deleted = await client.query<{ user_low_id: number; user_high_id: number }>(
      'delete from "connections" where "id" = $1 returning "user_low_id", "user_high_id"',
      [connectionId],
    );
    const pair = deleted.rows[0];
    if (!pair) throw new Refusal(404);
    await client.query(
      'update "users" set "connection_count" = connection_count + $1::integer where "id" = any($2::bigint[])',
      [-1, [pair.user_low_id, pair.user_high_id]],
    );
    await notify(client, { kind: 'connection_removed', tenant, connectionId, userIds: [user.id, other] });
    // Pending invites between them, either way, are withdrawn (invites.service.ts `withdrawInvitesBetween`).
    for (const [sender, receiver] of [
      [user.id, other],
      [other, user.id],
    ]) {
      await client.query(
        `update "invites" set "status" = $1, "responded_at" = date_trunc('milliseconds', now()) where "sender_id" = $2 and "receiver_id" = any($3::bigint[]) and ("invites"."status" = $4 and "invites"."expires_at" > now()) returning "id"`,
        ['cancelled', sender, [receiver], 'pending'],
      );
    }
    return { message: 'Connection removed successfully' };
  });
}

async function readJson(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://baseline');
    const viewer = await viewerOf(req);
    if (!viewer) return send(res, 401, { error: 'Unauthorized' });
    const { tenant } = viewer;
    const [, v1, connections, user, action, id] = url.pathname.split('/').map(decodeURIComponent);
    if (v1 !== 'v1' || connections !== 'connections' || !user) return send(res, 404, { error: 'Resource not found' });
    if (req.method === 'POST' && action === 'request')
      return send(res, 201, await sendRequest(tenant, user, await readJson(req)));
    if (req.method === 'POST' && action === 'accept')
      return send(res, 200, await acceptRequest(tenant, user, ids.decode('request', Number(id)) ?? 0));
    if (req.method === 'DELETE' && action && !id)
      return send(res, 200, await removeConnection(tenant, user, ids.decode('connection', Number(action)) ?? 0));
    if (req.method !== 'GET' || (action !== 'active' && action !== 'sent' && action !== 'received') || id) {
      return send(res, 404, { error: 'Resource not found' });
    }
    const found = await findUser(tenant, user);
    if (!found) return send(res, 404, { error: 'Resource not found' });
    const body =
      action === 'active'
        ? await active(viewer, found, url)
        : await requests(tenant, found, url, action === 'sent' ? 'sender_id' : 'receiver_id');
    send(res, 200, body);
  } catch (error) {
    if (error instanceof Refusal) return send(res, error.status, { error: 'Refused' });
    send(res, 500, { error: String(error) });
  }
});

server.listen(port, '127.0.0.1', () => process.stdout.write(`baseline listening on ${port}\n`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
}
