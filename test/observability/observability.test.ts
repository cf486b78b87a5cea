import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/platform/logger.js';
import { createTenant, useTestServer } from '../helpers/app.js';
import { onTestQuery } from '../helpers/database.js';
import { liveClient } from '../helpers/live.js';

/** Every line the app logs, parsed. */
const lines: string[] = [];
const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
const server = useTestServer({ logger: createLogger('debug', { write: (line) => void lines.push(line) }) });

/** A raw GraphQL document for tests that need no generated types. */
const doc = (query: string) => ({ toString: () => query }) as never;

async function graphqlRaw(query: string, token: string | null, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

const requestLine = (requestId: string) => {
  const found = logged().filter((line) => line.msg === 'request' && line.requestId === requestId);
  expect(found).toHaveLength(1);
  return found[0] as Record<string, unknown>;
};

async function scrape(): Promise<string> {
  const response = await fetch(`${server.url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** The value of the one sample line that starts with `prefix` (name and labels). */
function sample(text: string, prefix: string): number {
  const line = text.split('\n').find((l) => l.startsWith(prefix));
  if (!line) throw new Error(`no sample ${prefix} in:\n${text}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('echoes a sane x-request-id on REST and GraphQL, and generates one otherwise', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const echoed = await server.rest('GET', `/v1/connections/${alice.id}/active`, {
      token: alice.token,
      headers: { 'x-request-id': 'trace-42.a:b_c' },
    });
    expect(echoed.status).toBe(200);
    expect(echoed.headers.get('x-request-id')).toBe('trace-42.a:b_c');

    const generated = await server.rest('GET', `/v1/connections/${alice.id}/active`, { token: alice.token });
    expect(generated.headers.get('x-request-id')).toMatch(UUID);

    for (const junk of ['has space', 'x'.repeat(129), 'quote"', '']) {
      const refused = await server.rest('GET', '/healthz', { headers: { 'x-request-id': junk } });
      expect(refused.headers.get('x-request-id')).toMatch(UUID);
    }

    const gql = await graphqlRaw('query Probe { __typename }', alice.token, { 'x-request-id': 'gql-1' });
    expect(gql.headers.get('x-request-id')).toBe('gql-1');
    const notFound = await server.rest('GET', '/nowhere');
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get('x-request-id')).toMatch(UUID);
  });

  it('puts the request id in extensions.requestId of every GraphQL error', async () => {
    const unauthenticated = await graphqlRaw('query NoToken { activeConnections { __typename } }', null, {
      'x-request-id': 'err-1',
    });
    expect(unauthenticated.body.errors?.length).toBeGreaterThan(0);
    for (const error of unauthenticated.body.errors) expect(error.extensions.requestId).toBe('err-1');
    expect(unauthenticated.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const invalid = await graphqlRaw('query Broken { noSuchField }', null, { 'x-request-id': 'err-2' });
    expect(invalid.body.errors[0].extensions.requestId).toBe('err-2');
    expect(invalid.headers.get('x-request-id')).toBe('err-2');
  });
});

describe('request ids on refusals before routing', () => {
  it('gives a URL too long, a body too large and headers too large a request id too', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    const longUrl = await fetch(`${server.url}/v1/${'x'.repeat(5_000)}`, { headers: { 'x-request-id': 'trace-414' } });
    const bigBody = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-413' },
      body: 'x'.repeat(300 * 1024),
    });
    const bigHeaders = await fetch(`${server.url}/healthz`, { headers: { 'x-filler': 'y'.repeat(20_000) } });

    expect([longUrl.status, longUrl.headers.get('x-request-id')]).toEqual([414, 'trace-414']);
    expect([bigBody.status, bigBody.headers.get('x-request-id')]).toEqual([413, 'trace-413']);
    expect(bigHeaders.status).toBe(431);
    expect(bigHeaders.headers.get('x-request-id')).toMatch(uuid);
  });
});

describe('request logs', () => {
  it('writes one JSON line per REST request with its route pattern, status, duration and viewer, never a token or body', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const secretMessage = 'a-very-private-message-body-7f3a';
    const sent = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: alice.token,
      body: { receiver_id: bob.id, message: secretMessage },
      headers: { 'x-request-id': 'log-rest-1', cookie: 'session=cookie-secret' },
    });
    expect(sent.status).toBe(201);

    const line = requestLine('log-rest-1');
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      route: '/v1/connections/:userId/request',
      status: 201,
      tenant: tenant.name,
      user: alice.id,
      requestId: 'log-rest-1',
    });
    expect(typeof line.durationMs).toBe('number');
    expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
    expect(typeof line.time).toBe('string');

    const all = lines.join('\n');
    expect(all).not.toContain(alice.token);
    expect(all).not.toContain(secretMessage);
    expect(all).not.toContain('cookie-secret');
    expect(all.toLowerCase()).not.toContain('bearer');
  });

  it('names the GraphQL operation and its type on the /graphql line, and logs errors with the same id', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    await graphqlRaw('query MyConnections { activeConnections { __typename } }', alice.token, {
      'x-request-id': 'log-gql-1',
    });
    expect(requestLine('log-gql-1')).toMatchObject({
      method: 'POST',
      route: '/graphql',
      status: 200,
      operationName: 'MyConnections',
      operationType: 'query',
      tenant: tenant.name,
      user: alice.id,
    });
  });

  it('logs an unexpected failure once, with its cause and the id of the request it broke, over GraphQL and REST', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    // Every statement fails with an error of ours: the client sees "Unexpected error." only.
    onTestQuery(() => {
      throw new Error('injected failure for the log');
    });
    try {
      await graphqlRaw('query Failing { activeConnections { __typename } }', alice.token, {
        'x-request-id': 'boom-gql',
      });
      await server.rest('GET', `/v1/connections/${alice.id}/active`, {
        token: alice.token,
        headers: { 'x-request-id': 'boom-rest' },
      });
    } finally {
      onTestQuery(null);
    }
    for (const requestId of ['boom-gql', 'boom-rest']) {
      const failures = logged().filter((line) => line.msg === 'unexpected error' && line.requestId === requestId);
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatchObject({
        level: 'error',
        error: expect.stringContaining('injected failure for the log'),
      });
      expect(requestLine(requestId)).toMatchObject({ status: requestId === 'boom-gql' ? 200 : 500 });
    }
  });

  it('logs WebSocket opens, operations and closes with the viewer, and no connection params', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const live = liveClient(server.url, alice.token);
    const feed = live.subscribe(doc('subscription WatchMine { notificationAdded { id } }'), {});
    await expect.poll(() => logged().some((l) => l.msg === 'websocket operation' && l.user === alice.id)).toBe(true);
    feed.unsubscribe();
    await live.close();
    await expect.poll(() => logged().some((l) => l.msg === 'websocket closed' && l.user === alice.id)).toBe(true);
    const mine = logged().filter((l) => l.user === alice.id && String(l.msg).startsWith('websocket'));
    expect(mine.find((l) => l.msg === 'websocket opened')).toMatchObject({ tenant: tenant.name, level: 'info' });
    expect(mine.find((l) => l.msg === 'websocket operation')).toMatchObject({
      operationName: 'WatchMine',
      operationType: 'subscription',
    });
    expect(lines.join('\n')).not.toContain(alice.token);
  });

  it('keeps the request id on the lines logged while the request is served', async () => {
    const failing = await server.rest('GET', '/v1/connections/alice/active', {
      token: 'not-a-token',
      headers: { 'x-request-id': 'log-401' },
    });
    expect(failing.status).toBe(401);
    expect(requestLine('log-401')).toMatchObject({ status: 401, route: '/v1/connections/:userId/active' });
    expect(lines.join('\n')).not.toContain('not-a-token');
  });
});

describe('metrics', () => {
  it('serves Prometheus metrics with route patterns, operations, errors, sockets, subscriptions and events', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    // Live traffic: one socket, one subscription, then an event that reaches it.
    const live = liveClient(server.url, bob.token);
    const feed = live.subscribe(doc('subscription BobsNotes { notificationAdded { id type } }'), {});
    await expect.poll(async () => sample(await scrape(), 'subscriptions_active')).toBeGreaterThanOrEqual(1);
    const during = await scrape();
    expect(sample(during, 'websockets_open')).toBeGreaterThanOrEqual(1);

    await tenant.request(alice, bob, 'hello');
    await feed.take(1);
    // REST errors, GraphQL errors and a named GraphQL operation.
    expect((await server.rest('GET', `/v1/users/nobody-${Date.now()}`, { token: tenant.serviceToken })).status).toBe(
      404,
    );
    // A name the typed client ships (packages/client/src/operations.ts).
    await graphqlRaw('query ActiveConnections { activeConnections { __typename } }', alice.token);
    await graphqlRaw('query NoToken { activeConnections { __typename } }', null);

    const text = await scrape();
    // HTTP durations by method, route pattern (never a raw path with ids) and status.
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(
      sample(
        text,
        'http_request_duration_seconds_count{method="POST",route="/v1/connections/:userId/request",status="201"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_request_duration_seconds_count{method="GET",route="/v1/users/:userId",status="404"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'http_request_duration_seconds_count{method="POST",route="/graphql",status="200"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(text).not.toContain(`route="/v1/connections/${alice.id}`);
    expect(text).not.toMatch(/route="\/v1\/users\/(?!:userId)/);
    // GraphQL operation durations by name and type.
    expect(
      sample(
        text,
        'graphql_operation_duration_seconds_count{operation_name="ActiveConnections",operation_type="query"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    // Errors by code, from both faces.
    expect(sample(text, 'errors_total{source="rest",code="USER_NOT_FOUND"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'errors_total{source="graphql",code="UNAUTHENTICATED"}')).toBeGreaterThanOrEqual(1);
    // Live events: published here, delivered to the subscriber, with their lag.
    expect(sample(text, 'notifications_published_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'notifications_delivered_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'notification_delivery_lag_seconds_count')).toBeGreaterThanOrEqual(1);
    const lagSum = sample(text, 'notification_delivery_lag_seconds_sum');
    expect(lagSum).toBeGreaterThanOrEqual(0);
    expect(lagSum).toBeLessThan(60);
    // Process metrics come along.
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    // Pool gauges only on a PostgreSQL server.
    if (server.database.kind === 'postgres') expect(text).toContain('db_pool_connections_total');
    else expect(text).not.toContain('db_pool_connections_total');

    feed.unsubscribe();
    await live.close();
    await expect.poll(async () => sample(await scrape(), 'websockets_open')).toBe(0);
    expect(sample(await scrape(), 'subscriptions_active')).toBe(0);
  });

  it('should time SQL statements by driver, statement kind and outcome', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const connectionId = await tenant.connect(alice, bob);
    const removed = await server.rest('DELETE', `/v1/connections/${alice.id}/${connectionId}`, { token: alice.token });
    expect(removed.status).toBeLessThan(300);
    // And one statement the database refuses.
    await expect(sql`select 1 / 0`.execute(server.database.db)).rejects.toThrow(/division by zero/);

    const text = await scrape();
    const driver = server.database.kind;
    const count = (statement: string, outcome: string) =>
      sample(text, `db_query_duration_seconds_count{driver="${driver}",statement="${statement}",outcome="${outcome}"}`);
    expect(text).toContain('# TYPE db_query_duration_seconds histogram');
    for (const statement of ['select', 'insert', 'update', 'delete']) {
      expect(count(statement, 'ok')).toBeGreaterThanOrEqual(1);
    }
    // BEGIN and COMMIT of the writes (PGlite runs them outside Kysely; they are timed all the same).
    expect(count('other', 'ok')).toBeGreaterThanOrEqual(2);
    expect(count('select', 'error')).toBeGreaterThanOrEqual(1);
    const seconds = sample(text, `db_query_duration_seconds_sum{driver="${driver}",statement="select",outcome="ok"}`);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThan(60);
    // Only the driver in use.
    expect(text).not.toContain(`driver="${driver === 'postgres' ? 'pglite' : 'postgres'}"`);
  });

  it('should leave out of a statement the time it waited for the database', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const selects = `{driver="${server.database.kind}",statement="select",outcome="ok"}`;
    const before = await scrape();

    // A transaction holds a connection (on PGlite, the only session) for 1.5 s, doing nothing,
    // while a request needs the database: on PGlite the request's statements wait that long.
    let answered: Promise<{ status: number; ms: number }> | undefined;
    await server.database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      const started = performance.now();
      answered = server
        .rest('GET', `/v1/connections/${alice.id}/active`, { token: alice.token })
        .then(({ status }) => ({ status, ms: performance.now() - started }));
      await new Promise((resolve) => setTimeout(resolve, 1500));
    });
    const { status, ms } = (await answered)!;
    expect(status).toBe(200);
    if (server.database.kind === 'pglite') expect(ms).toBeGreaterThanOrEqual(1400);

    const after = await scrape();
    const added = (name: string) => sample(after, name) - sample(before, name);
    expect(added(`db_query_duration_seconds_count${selects}`)).toBeGreaterThanOrEqual(2);
    // Every one of them took under a second, the wait not included.
    expect(added(`db_query_duration_seconds_bucket{le="1",${selects.slice(1)}`)).toBe(
      added(`db_query_duration_seconds_count${selects}`),
    );
  });

  it('should label only the operations the gateway ships, however many other names clients send', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const operationNames = (text: string) =>
      new Set(
        [...text.matchAll(/graphql_operation_duration_seconds_count\{operation_name="([^"]+)"/g)].map((m) => m[1]),
      );
    const count = (text: string, name: string) =>
      sample(text, `graphql_operation_duration_seconds_count{operation_name="${name}",operation_type="query"}`);
    const before = await scrape();
    const otherBefore = operationNames(before).has('other') ? count(before, 'other') : 0;

    // Junk names first, enough to have filled any first-come allowance of labels.
    for (let i = 0; i < 210; i++) await graphqlRaw(`query Flood${i} { __typename }`, alice.token);
    // Then operations the gateway knows: the typed client's, and one of the REST shim's (by REST).
    await graphqlRaw('query ActiveConnections { activeConnections { __typename } }', alice.token);
    await graphqlRaw('query Notifications { notifications { __typename } }', alice.token);
    expect((await server.rest('GET', `/v1/connections/${alice.id}/active`, { token: alice.token })).status).toBe(200);
    await graphqlRaw('{ __typename }', alice.token);

    const text = await scrape();
    const names = operationNames(text);
    expect(count(text, 'ActiveConnections')).toBeGreaterThanOrEqual(1);
    expect(count(text, 'Notifications')).toBeGreaterThanOrEqual(1);
    expect(count(text, 'RestActiveConnections')).toBeGreaterThanOrEqual(1);
    expect(count(text, 'anonymous')).toBeGreaterThanOrEqual(1);
    expect(count(text, 'other') - otherBefore).toBe(210);
    expect([...names].filter((name) => name?.startsWith('Flood'))).toEqual([]);
    // Bounded by what the repository ships, whatever clients send.
    expect(names.size).toBeLessThanOrEqual(60);
  });
});

describe('METRICS_ENABLED=false', () => {
  const off = useTestServer({ env: { METRICS_ENABLED: 'false' } });
  it('answers /metrics with 404 and still gives request ids', async () => {
    const response = await off.rest('GET', '/metrics');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-request-id')).toMatch(UUID);
  });
});
