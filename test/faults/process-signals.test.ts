import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { secretKey, signToken } from '../../src/platform/auth/jwt.js';
import { TEST_JWT_SECRET } from '../helpers/app.js';
import { realPostgresDatabase } from '../helpers/database.js';
import { collect, exited, listeningUrl, startServer } from '../helpers/process.js';

/*
 * The gateway as a real process, stopped by signals while it works: SIGKILL in the middle of
 * writes leaves no half-done change (each change is one transaction), and SIGTERM stops
 * accepting, lets the requests in flight finish, closes sockets with 1001 and exits 0.
 */
const database = await realPostgresDatabase('signals');
afterAll(async () => {
  await database?.db.destroy();
});

const key = secretKey(TEST_JWT_SECRET);
const tenant = `signals-${Date.now()}`;
const token = (sub: string) => signToken(key, { sub, tenant });

function gateway(extra: Record<string, string> = {}) {
  const child = startServer({
    DATABASE_URL: database!.url!,
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    RATE_LIMIT_USER_WRITES: '0',
    RATE_LIMIT_USER_SENDS: '0',
    RATE_LIMIT_TENANT_WRITES: '0',
    ...extra,
  });
  const output = collect(child);
  return { child, output, url: listeningUrl(child, output) };
}

async function call(url: string, method: string, path: string, sub: string, body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(sub)}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

describe.skipIf(!database)('signals', { timeout: 90_000 }, () => {
  it('should leave no half-done change when killed with SIGKILL during writes', async () => {
    const { child, url: started } = gateway();
    const url = await started;
    const users = Array.from({ length: 10 }, (_, i) => `k${i}`);
    for (const user of users) await call(url, 'PUT', `/v1/users/${user}`, user, { display_name: user });

    let acknowledged = 0;
    const worker = async () => {
      for (;;) {
        const a = users[randomInt(users.length)]!;
        const b = users[randomInt(users.length)]!;
        try {
          const sent = await call(url, 'POST', `/v1/connections/${a}/request`, a, { receiver_id: b });
          if (sent.status === 201) {
            acknowledged++;
            const verb = randomInt(3) === 0 ? 'decline' : 'accept';
            await call(url, 'POST', `/v1/connections/${b}/${verb}/${sent.body.id}`, b);
          }
          const active = await call(url, 'GET', `/v1/connections/${a}/active`, a);
          const connection = active.body?.connections?.[0];
          if (connection && randomInt(2) === 0) await call(url, 'DELETE', `/v1/connections/${a}/${connection.id}`, a);
        } catch {
          return; // the process is gone
        }
      }
    };
    const workers = Array.from({ length: 12 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    child.kill('SIGKILL');
    await Promise.all(workers);
    expect(await exited(child)).toBe('SIGKILL');
    expect(acknowledged).toBeGreaterThan(0);

    const violations = await invariantViolations(tenant);
    const rows = await sql<{ requests: number; connections: number; notifications: number }>`
      select (select count(*)::int from connection_requests where tenant = ${tenant}) as requests,
             (select count(*)::int from connections where tenant = ${tenant}) as connections,
             (select count(*)::int from notifications where tenant = ${tenant}) as notifications`.execute(database!.db);
    console.log(`SIGKILL during writes: ${acknowledged} sends acknowledged before the kill`, rows.rows[0], {
      violations: violations.length,
    });
    expect(violations).toEqual([]);

    // A new process on the same database starts and serves as if nothing happened.
    const again = gateway();
    const againUrl = await again.url;
    expect((await fetch(`${againUrl}/readyz`)).status).toBe(200);
    again.child.kill('SIGTERM');
    expect(await exited(again.child)).toBe(0);
  });

  it('should finish requests in flight, close sockets with 1001 and exit 0 on SIGTERM', async () => {
    const { child, output, url: started } = gateway({ SHUTDOWN_GRACE_MS: '5000' });
    const url = await started;
    for (const user of ['t-sender', 't-receiver', 't-watcher']) {
      await call(url, 'PUT', `/v1/users/${user}`, user, { display_name: user });
    }
    const socketClosed = openSubscription(url, await token('t-watcher'));
    await socketClosed.ready;

    // Hold the receiver's row so that the send waits inside its transaction.
    const blocker = new pg.Client({ connectionString: database!.url });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('select id from users where tenant = $1 and client_user_id = $2 for update', [
      tenant,
      't-receiver',
    ]);
    const inFlight = call(url, 'POST', '/v1/connections/t-sender/request', 't-sender', { receiver_id: 't-receiver' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const refused = await fetch(`${url}/healthz`).then(
      (response) => response.status,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
    );
    await blocker.query('commit');
    await blocker.end();

    const finished = await inFlight;
    const code = await exited(child);
    expect(refused).toBe('ECONNREFUSED');
    expect(finished.status).toBe(201);
    expect(await socketClosed.code).toBe(1001);
    expect(code).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(output()).toContain('"shutting down"');
    const stored = await sql<{ n: number }>`
      select count(*)::int as n from connection_requests r join users s on s.id = r.sender_id
      where r.tenant = ${tenant} and s.client_user_id = 't-sender'`.execute(database!.db);
    expect(stored.rows[0]?.n).toBe(1);
  });
});

/** A graphql-ws subscription on a raw socket: resolves `ready` once acknowledged, `code` once closed. */
function openSubscription(url: string, jwt: string) {
  const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
  const code = new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
  const ready = new Promise<void>((resolve, reject) => {
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${jwt}` } })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') {
        socket.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: 'subscription { notificationAdded { id } }' },
          }),
        );
        resolve();
      }
    });
    socket.on('error', reject);
  });
  return { ready, code };
}

/** Every way a change could be left half-done, as rows that show it; empty when all is whole. */
async function invariantViolations(tenantName: string): Promise<unknown[]> {
  const db = database!.db;
  const checks = {
    'request without exactly one new_request notification': sql`
      select r.id from connection_requests r
      where r.tenant = ${tenantName}
        and (select count(*) from notifications n where n.connection_request_id = r.id and n.type = 'new_request') <> 1`,
    'answered request without exactly one answer notification': sql`
      select r.id, r.status from connection_requests r
      where r.tenant = ${tenantName} and r.status <> 'pending'
        and (select count(*) from notifications n
             where n.connection_request_id = r.id and n.type = 'request_' || r.status) <> 1`,
    'pending request with an answer notification': sql`
      select r.id from connection_requests r
      where r.tenant = ${tenantName} and r.status = 'pending'
        and exists (select 1 from notifications n where n.connection_request_id = r.id and n.type <> 'new_request')`,
    'connection of a request that is not accepted': sql`
      select c.id from connections c join connection_requests r on r.id = c.request_id
      where c.tenant = ${tenantName} and r.status <> 'accepted'`,
    'connection without both edges': sql`
      select c.id from connections c
      where c.tenant = ${tenantName} and (select count(*) from connection_edges e where e.connection_id = c.id) <> 2`,
    'connection count that differs from the edges': sql`
      select u.id from users u
      where u.tenant = ${tenantName}
        and u.connection_count <> (select count(*) from connection_edges e where e.user_id = u.id)`,
    'notification sequence with a gap': sql`
      select u.id from users u
      where u.tenant = ${tenantName}
        and u.notification_seq <> (select count(*) from notifications n where n.user_id = u.id)`,
  };
  const violations: unknown[] = [];
  for (const [name, query] of Object.entries(checks)) {
    const { rows } = await query.execute(db);
    if (rows.length > 0) violations.push({ [name]: rows });
  }
  return violations;
}
