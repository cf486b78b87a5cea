/**
 * The bare limit: node:http + pg, no GraphQL, no framework, answering the benchmarked REST
 * paths with the same SQL statements the gateway issues and the same JWT check, so that the
 * gateway can be reported as a ratio to it. Not a product: no validation beyond what the
 * benchmark needs.
 *
 *   BENCH_DATABASE_URL=postgres://… PORT=4102 JWT_SECRET=… tsx bench/baseline-server.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { jwtVerify } from 'jose';
import pg from 'pg';

const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const port = Number(process.env.PORT ?? 4102);
const key = new TextEncoder().encode(process.env.JWT_SECRET ?? '');
const pool = new pg.Pool({ connectionString: databaseUrl, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
pg.types.setTypeParser(20, Number);
pool.on('error', () => {});

interface UserRow {
  id: number;
  client_user_id: string;
  display_name: string;
  connection_count: number;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

// Verified tokens are remembered, as the gateway does, so both pay the same for auth.
const verified = new Map<string, { tenant: string; exp: number }>();

async function tenantOf(req: IncomingMessage): Promise<string | null> {
  const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
  if (!match?.[1]) return null;
  const known = verified.get(match[1]);
  if (known && known.exp > Date.now()) return known.tenant;
  try {
    const { payload } = await jwtVerify(match[1], key, { algorithms: ['HS256'] });
    const tenant = typeof payload.tenant === 'string' ? payload.tenant : 'default';
    if (verified.size > 10_000) verified.clear();
    verified.set(match[1], { tenant, exp: (payload.exp ?? 0) * 1000 });
    return tenant;
  } catch {
    return null;
  }
}

async function findUser(tenant: string, clientUserId: string): Promise<UserRow | undefined> {
  const { rows } = await pool.query<UserRow>('select * from "users" where "tenant" = $1 and "client_user_id" = $2', [
    tenant,
    clientUserId,
  ]);
  return rows[0];
}

async function usersByIds(tenant: string, ids: number[]): Promise<Map<number, UserRow>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const placeholders = unique.map((_, i) => `$${i + 2}`).join(', ');
  const { rows } = await pool.query<UserRow>(
    `select * from "users" where "tenant" = $1 and "id" in (${placeholders})`,
    [tenant, ...unique],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

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

async function active(tenant: string, user: UserRow, url: URL) {
  const { page, perPage, offset } = pageParams(url);
  const limit = `limit $2${offset > 0 ? ' offset $3' : ''}`;
  // The total is kept on the user row (users.connection_count), as the gateway reads it.
  const { rows } = await pool.query<{ connection_id: number; other_user_id: number; created_at: Date }>(
    `select "connection_id", "other_user_id", "created_at" from "connection_edges" where "user_id" = $1 order by "created_at" desc, "connection_id" desc ${limit}`,
    offset > 0 ? [user.id, perPage + 1, offset] : [user.id, perPage + 1],
  );
  const items = rows.slice(0, perPage);
  const users = await usersByIds(
    tenant,
    items.map((r) => r.other_user_id),
  );
  return {
    connections: items.map((r) => ({
      id: r.connection_id,
      connected_user: userJson(users.get(r.other_user_id)),
      connected_since: r.created_at.toISOString(),
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
      id: r.id,
      user: userJson(users.get(r[other])),
      status: r.status,
      message: r.message,
      created_at: r.created_at.toISOString(),
      responded_at: r.responded_at?.toISOString() ?? null,
    })),
    pagination: pagination(page, perPage, Number(count.rows[0]?.count)),
  };
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://baseline');
    const match = /^\/v1\/connections\/([^/]+)\/(active|sent|received)$/.exec(url.pathname);
    if (req.method !== 'GET' || !match) return send(res, 404, { error: 'Resource not found' });
    const tenant = await tenantOf(req);
    if (!tenant) return send(res, 401, { error: 'Unauthorized' });
    const user = await findUser(tenant, decodeURIComponent(match[1] as string));
    if (!user) return send(res, 404, { error: 'Resource not found' });
    const body =
      match[2] === 'active'
        ? await active(tenant, user, url)
        : await requests(tenant, user, url, match[2] === 'sent' ? 'sender_id' : 'receiver_id');
    send(res, 200, body);
  } catch (error) {
    send(res, 500, { error: String(error) });
  }
});

server.listen(port, '127.0.0.1', () => process.stdout.write(`baseline listening on ${port}\n`));
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => server.close(() => pool.end().then(() => process.exit(0))));
}
