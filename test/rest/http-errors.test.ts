import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, TEST_JWT_SECRET, type TestServer, useTestServer } from '../helpers/app.js';

const server = useTestServer();

const key = (secret: string) => new TextEncoder().encode(secret);

/** Signs an HS256 token with arbitrary claims, bypassing the app's own token helper. */
async function sign(
  claims: Record<string, unknown>,
  options: { sub?: string; secret?: string; expiresAt?: number | string } = {},
): Promise<string> {
  let jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt();
  if (options.sub !== undefined) jwt = jwt.setSubject(options.sub);
  jwt = jwt.setExpirationTime(options.expiresAt ?? '1h');
  return jwt.sign(key(options.secret ?? TEST_JWT_SECRET));
}

function unauthorized(message: string) {
  return { error: 'Unauthorized', message, code: 'UNAUTHENTICATED' };
}

/** The lists a user can see, for checking that a refused call changed nothing. */
async function listsOf(srv: TestServer, user: SeededUser) {
  const get = async (what: string) =>
    (await srv.rest('GET', `/v1/connections/${user.id}/${what}?per_page=50`, { token: user.token })).body;
  return {
    sent: await get('sent'),
    received: await get('received'),
    active: await get('active'),
    notifications: await get('notifications'),
  };
}

const emptyPage = { current_page: 1, total_pages: 0, total_items: 0, per_page: 50 };

describe('Authentication', () => {
  async function setup() {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    return { tenant, alice, bob };
  }

  /** A GET and a POST route, each called with the given Authorization header (or none). */
  async function callBoth(alice: SeededUser, bob: SeededUser, authorization: string | null) {
    const headers: Record<string, string> = authorization === null ? {} : { authorization };
    const get = await server.rest('GET', `/v1/connections/${alice.id}/sent`, { headers });
    const post = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      headers,
      body: { receiver_id: bob.id },
    });
    return [get, post];
  }

  async function expectUnauthorized(authorization: string | null, message: string) {
    const { alice, bob } = await setup();
    for (const response of await callBoth(alice, bob, authorization)) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.body).toEqual(unauthorized(message));
    }
    // Nothing was sent by the refused POST.
    const { body } = await server.rest('GET', `/v1/connections/${bob.id}/received`, { token: bob.token });
    expect(body.requests).toEqual([]);
  }

  it('should answer 401 without an Authorization header', async () => {
    await expectUnauthorized(null, 'Missing bearer token: send Authorization: Bearer <JWT>');
  });

  it('should answer 401 for a scheme other than Bearer', async () => {
    await expectUnauthorized('Basic YWxpY2U6c2VjcmV0', "Authorization must be 'Bearer <JWT>'");
  });

  it('should answer 401 for a malformed token', async () => {
    await expectUnauthorized('Bearer not-a-jwt', 'Token is malformed or its signature is invalid');
  });

  it('should answer 401 for a token signed with another secret', async () => {
    const forged = await sign({}, { sub: 'alice1', secret: 'some-other-secret-that-is-long-enough!!' });
    await expectUnauthorized(`Bearer ${forged}`, 'Token is malformed or its signature is invalid');
  });

  it('should answer 401 for an expired token', async () => {
    const expired = await sign({}, { sub: 'alice1', expiresAt: Math.floor(Date.now() / 1000) - 60 });
    await expectUnauthorized(`Bearer ${expired}`, 'Token has expired');
  });

  it("should answer 401 for a token with role 'admin'", async () => {
    const { tenant, alice, bob } = await setup();
    const admin = await sign({ tenant: tenant.name, role: 'admin' }, { sub: alice.id });
    for (const response of await callBoth(alice, bob, `Bearer ${admin}`)) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual(unauthorized("Token role must be 'user' or 'service'"));
    }
  });

  it('should answer 401 for a token without a subject', async () => {
    const { tenant, alice, bob } = await setup();
    const anonymous = await sign({ tenant: tenant.name });
    for (const response of await callBoth(alice, bob, `Bearer ${anonymous}`)) {
      expect(response.status).toBe(401);
      expect(response.body).toEqual(unauthorized('Token has no valid subject (sub) claim'));
    }
  });
});

describe('Order of checks', () => {
  it('should authenticate before reading the body or the query', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');

    const badBody = await server.rest('POST', `/v1/connections/${alice.id}/request`, { body: 'not json' });
    const badQuery = await server.rest('GET', `/v1/connections/${alice.id}/sent?page=abc`);

    for (const response of [badBody, badQuery]) {
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
  });

  it('should refuse acting as another user before reading the body or the query', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const badBody = await server.rest('POST', `/v1/connections/${bob.id}/request`, { token: alice.token, body: '{' });
    const badQuery = await server.rest('GET', `/v1/connections/${bob.id}/sent?status=bogus`, { token: alice.token });

    for (const response of [badBody, badQuery]) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        error: 'Forbidden',
        message: `Not authorized to act as user '${bob.id}'`,
        code: 'FORBIDDEN',
      });
    }
  });
});

describe('Authorization', () => {
  it('should answer 403 when a user token acts as another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const forbidden = { error: 'Forbidden', message: `Not authorized to act as user '${bob.id}'`, code: 'FORBIDDEN' };

    const get = await server.rest('GET', `/v1/connections/${bob.id}/sent`, { token: alice.token });
    const post = await server.rest('POST', `/v1/connections/${bob.id}/request`, {
      token: alice.token,
      body: { receiver_id: carol.id },
    });
    const put = await server.rest('PUT', `/v1/users/${bob.id}`, {
      token: alice.token,
      body: { display_name: 'Hijacked' },
    });

    for (const response of [get, post, put]) {
      expect(response.status).toBe(403);
      expect(response.body).toEqual(forbidden);
    }
    const { body } = await server.rest('GET', `/v1/users/${bob.id}`, { token: bob.token });
    expect(body.display_name).toBe(bob.displayName);
    expect((await listsOf(server, bob)).sent.requests).toEqual([]);
  });

  it('should let a service token act as any user of its tenant', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const sent = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: tenant.serviceToken,
      body: { receiver_id: bob.id },
    });
    const accepted = await server.rest('POST', `/v1/connections/${bob.id}/accept/${sent.body.id}`, {
      token: tenant.serviceToken,
    });
    const active = await server.rest('GET', `/v1/connections/${alice.id}/active`, { token: tenant.serviceToken });

    expect(sent.status).toBe(201);
    expect(accepted).toMatchObject({ status: 200, body: { message: 'Connection request accepted successfully' } });
    expect(active.status).toBe(200);
    expect(active.body.connections).toEqual([
      {
        id: expect.any(Number),
        connected_user: { client_user_id: bob.id, display_name: bob.displayName },
        connected_since: expect.any(String),
        // A service token sees every user's presence (offline: no socket open).
        presence: { status: 'offline', activity: null, join_info: null, last_seen_at: null },
        nickname: null,
        note: null,
        favorite: false,
      },
    ]);
  });
});

describe('Tenant isolation', () => {
  /** Tenant A with a connection (alice–bob), a pending request (carol→alice) and notifications. */
  async function tenantWithData() {
    const a = await createTenant(server);
    const [alice, bob, carol] = [await a.user('alice'), await a.user('bob'), await a.user('carol')];
    const connectionId = await a.connect(alice, bob);
    const pendingRequestId = await a.request(carol, alice, 'From tenant A');
    const { body } = await server.rest('GET', `/v1/connections/${alice.id}/notifications`, { token: alice.token });
    const notificationId = body.notifications[0].id as number;
    return { a, alice, bob, carol, connectionId, pendingRequestId, notificationId };
  }

  it('should treat the same user id in another tenant as a different user', async () => {
    const { alice } = await tenantWithData();
    const b = await createTenant(server);

    const missing = await server.rest('GET', `/v1/users/${alice.id}`, { token: b.serviceToken });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: 'Resource not found',
      message: `User with ID '${alice.id}' does not exist`,
      code: 'USER_NOT_FOUND',
    });

    const created = await server.rest('PUT', `/v1/users/${alice.id}`, {
      token: b.serviceToken,
      body: { display_name: 'Alice of tenant B' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      client_user_id: alice.id,
      display_name: 'Alice of tenant B',
      created_at: expect.any(String),
    });

    const inA = await server.rest('GET', `/v1/users/${alice.id}`, { token: alice.token });
    expect(inA.body.display_name).toBe(alice.displayName);

    const aliceOfB = {
      id: alice.id,
      displayName: 'Alice of tenant B',
      token: await server.token(alice.id, { tenant: b.name }),
    };
    expect(await listsOf(server, aliceOfB)).toEqual({
      sent: { requests: [], pagination: emptyPage },
      received: { requests: [], pagination: emptyPage },
      active: { connections: [], pagination: emptyPage },
      notifications: { notifications: [], unread_count: 0, pagination: emptyPage },
    });
  });

  it("should answer 404 for another tenant's request, connection and notification exactly as for a nonexistent id", async () => {
    const { alice, bob, carol, connectionId, pendingRequestId, notificationId } = await tenantWithData();
    const b = await createTenant(server);
    // The same user ids exist in tenant B, so only the tenant tells the rows apart.
    const [aliceB, bobB, carolB] = [await b.user('alice'), await b.user('bob'), await b.user('carol')];
    expect([aliceB.id, bobB.id, carolB.id]).toEqual([alice.id, bob.id, carol.id]);
    const before = await listsOf(server, alice);

    const nonexistent = 999_999_999;
    const cases = [
      ['POST', `/v1/connections/${aliceB.id}/accept/`, pendingRequestId, aliceB.token],
      ['POST', `/v1/connections/${aliceB.id}/decline/`, pendingRequestId, aliceB.token],
      ['DELETE', `/v1/connections/${aliceB.id}/`, connectionId, aliceB.token],
      ['POST', `/v1/connections/${aliceB.id}/notifications/`, notificationId, aliceB.token, '/read'],
      ['DELETE', `/v1/connections/${aliceB.id}/`, connectionId, b.serviceToken],
      ['POST', `/v1/connections/${aliceB.id}/accept/`, pendingRequestId, b.serviceToken],
    ] as const;
    for (const [method, prefix, id, token, suffix = ''] of cases) {
      const foreign = await server.rest(method, `${prefix}${id}${suffix}`, { token });
      const missing = await server.rest(method, `${prefix}${nonexistent}${suffix}`, { token });
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(foreign.body.code).toMatch(/_NOT_FOUND$/);
      expect({ ...foreign.body, message: foreign.body.message.replace(String(id), '<id>') }).toEqual({
        ...missing.body,
        message: missing.body.message.replace(String(nonexistent), '<id>'),
      });
    }

    // Tenant A is untouched: the request is still pending, the connection and notification still there.
    expect(await listsOf(server, alice)).toEqual(before);
    const received = await server.rest('GET', `/v1/connections/${alice.id}/received`, { token: alice.token });
    expect(received.body.requests).toEqual([expect.objectContaining({ id: pendingRequestId, status: 'pending' })]);
  });

  it("should never list another tenant's rows", async () => {
    const { alice, bob, carol } = await tenantWithData();
    const b = await createTenant(server);
    const [aliceB, bobB, carolB] = [await b.user('alice'), await b.user('bob'), await b.user('carol')];
    await b.request(aliceB, carolB, 'From tenant B');

    const inB = await listsOf(server, aliceB);
    expect(inB.sent.requests).toEqual([
      expect.objectContaining({ user: { client_user_id: carolB.id, display_name: carolB.displayName } }),
    ]);
    expect(inB.sent.requests[0].message).toBe('From tenant B');
    expect(inB.received.requests).toEqual([]);
    expect(inB.active.connections).toEqual([]);
    expect(inB.notifications.notifications).toEqual([]);
    expect((await listsOf(server, bobB)).notifications.notifications).toEqual([]);

    const inA = await listsOf(server, alice);
    expect(inA.sent.requests.map((r: { message: string | null }) => r.message)).not.toContain('From tenant B');
    expect(inA.active.connections).toHaveLength(1);
    expect(inA.received.requests).toHaveLength(1);
    expect((await listsOf(server, carol)).received.requests).toEqual([]);
    expect((await listsOf(server, bob)).active.connections).toHaveLength(1);
  });

  it("should act in tenant 'default' for a token without a tenant claim", async () => {
    const id = `default-${randomUUID()}`;
    const noTenantService = await sign({ role: 'service' }, { sub: 'backend' });

    const created = await server.rest('PUT', `/v1/users/${id}`, {
      token: noTenantService,
      body: { display_name: 'Default Player' },
    });
    expect(created.status).toBe(201);

    const expected = { client_user_id: id, display_name: 'Default Player', created_at: created.body.created_at };
    const explicitDefault = await server.token('backend', { tenant: 'default', role: 'service' });
    const viaDefault = await server.rest('GET', `/v1/users/${id}`, { token: explicitDefault });
    expect(viaDefault).toMatchObject({ status: 200, body: expected });

    const ownToken = await sign({}, { sub: id });
    const viaOwnToken = await server.rest('GET', `/v1/users/${id}`, { token: ownToken });
    expect(viaOwnToken).toMatchObject({ status: 200, body: expected });

    const other = await createTenant(server);
    const elsewhere = await server.rest('GET', `/v1/users/${id}`, { token: other.serviceToken });
    expect(elsewhere.status).toBe(404);
  });
});

describe('Public ids', () => {
  it('should hand out ids that reveal neither how many rows exist nor which id comes next', async () => {
    const tenant = await createTenant(server);
    const hub = await tenant.user('hub');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await tenant.request(hub, await tenant.user('friend')));

    // Rows created one after another get ids far apart, not a counter one can read or step.
    const steps = ids.slice(1).map((id, i) => id - (ids[i] as number));
    expect(steps.filter((step) => Math.abs(step) < 1000)).toEqual([]);
    for (const id of ids) expect(Number.isSafeInteger(id)).toBe(true);

    // And every one of them still names its request.
    const sent = await server.rest('GET', `/v1/connections/${hub.id}/sent?per_page=50`, { token: hub.token });
    expect(sent.body.requests.map((r: { id: number }) => r.id).sort()).toEqual([...ids].sort());
  });
});

describe('Routing', () => {
  it('should answer 404 ROUTE_NOT_FOUND for an unknown path', async () => {
    const tenant = await createTenant(server);
    for (const [method, path] of [
      ['GET', '/v1/nothing-here'],
      ['GET', '/v1'],
      ['POST', '/v1/connections/u/request/extra'],
      ['GET', '/v1/connections/u/notifications/1/unread'],
      ['GET', '/'],
      ['GET', '/connections/u/active'],
    ] as const) {
      const response = await server.rest(method, path, { token: tenant.serviceToken });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({
        error: 'Resource not found',
        message: `No route for ${method} ${path}`,
        code: 'ROUTE_NOT_FOUND',
      });
    }
  });

  it('should answer 405 with an Allow header for a wrong method on a known path', async () => {
    const tenant = await createTenant(server);

    const get = await server.rest('GET', '/v1/connections/u/123', { token: tenant.serviceToken });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('PATCH, DELETE');
    expect(get.body).toEqual({
      error: 'Method Not Allowed',
      message: 'GET is not allowed on /v1/connections/u/123',
      code: 'METHOD_NOT_ALLOWED',
    });

    const put = await server.rest('PUT', '/v1/connections/u/request', { token: tenant.serviceToken, body: {} });
    expect(put.status).toBe(405);
    expect(
      put.headers
        .get('allow')
        ?.split(',')
        .map((m) => m.trim())
        .sort(),
    ).toEqual(['DELETE', 'PATCH', 'POST']);
    expect(put.body).toEqual({
      error: 'Method Not Allowed',
      message: 'PUT is not allowed on /v1/connections/u/request',
      code: 'METHOD_NOT_ALLOWED',
    });

    const del = await server.rest('DELETE', '/v1/users/u', { token: tenant.serviceToken });
    expect(del.status).toBe(405);
    expect(
      del.headers
        .get('allow')
        ?.split(',')
        .map((m) => m.trim())
        .sort(),
    ).toEqual(['GET', 'PUT']);
    expect(del.body.code).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('Request bodies', () => {
  async function setup() {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    return { tenant, alice, bob, before: { alice: await listsOf(server, alice), bob: await listsOf(server, bob) } };
  }

  it('should answer 400 INVALID_JSON for a malformed JSON body and change nothing', async () => {
    const { alice, bob, before } = await setup();

    const send = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: alice.token,
      body: `{"receiver_id": "${bob.id}",`,
    });
    const rename = await server.rest('PUT', `/v1/users/${alice.id}`, {
      token: alice.token,
      body: "{display_name: 'Renamed'}",
    });

    for (const response of [send, rename]) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'Bad Request',
        message: 'Request body is not valid JSON',
        code: 'INVALID_JSON',
      });
    }
    expect(await listsOf(server, alice)).toEqual(before.alice);
    expect(await listsOf(server, bob)).toEqual(before.bob);
    expect((await server.rest('GET', `/v1/users/${alice.id}`, { token: alice.token })).body.display_name).toBe(
      alice.displayName,
    );
  });

  it('should answer 400 VALIDATION_FAILED for a JSON body that is not an object and change nothing', async () => {
    const { alice, bob, before } = await setup();

    for (const body of [JSON.stringify([{ receiver_id: bob.id }]), JSON.stringify(bob.id), '42', 'null']) {
      const response = await server.rest('POST', `/v1/connections/${alice.id}/request`, { token: alice.token, body });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'Bad Request',
        message: 'Request body must be a JSON object',
        code: 'VALIDATION_FAILED',
      });
    }
    const missing = await server.rest('POST', `/v1/connections/${alice.id}/request`, { token: alice.token });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('VALIDATION_FAILED');

    expect(await listsOf(server, alice)).toEqual(before.alice);
    expect(await listsOf(server, bob)).toEqual(before.bob);
  });

  it('should answer 413 PAYLOAD_TOO_LARGE for a body over 64 KiB and change nothing', async () => {
    const { alice, bob, before } = await setup();
    const padding = 'x'.repeat(64 * 1024);

    const send = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: alice.token,
      body: { receiver_id: bob.id, padding },
    });
    const rename = await server.rest('PUT', `/v1/users/${alice.id}`, {
      token: alice.token,
      body: { display_name: 'Renamed', padding },
    });

    for (const response of [send, rename]) {
      expect(response.status).toBe(413);
      expect(response.body).toEqual({
        error: 'Payload Too Large',
        message: 'Request body exceeds 65536 bytes',
        code: 'PAYLOAD_TOO_LARGE',
      });
    }
    expect(await listsOf(server, alice)).toEqual(before.alice);
    expect(await listsOf(server, bob)).toEqual(before.bob);
    expect((await server.rest('GET', `/v1/users/${alice.id}`, { token: alice.token })).body.display_name).toBe(
      alice.displayName,
    );
  });

  it('should answer 413 for a GraphQL request over 256 KiB, declared or streamed, without running it', async () => {
    const { alice, bob, before } = await setup();
    const query = `mutation { sendConnectionRequest(userId: "${alice.id}", receiverId: "${bob.id}") { __typename } }`;
    const body = JSON.stringify({ query, padding: 'x'.repeat(256 * 1024) });
    const headers = { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' };
    const declared = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
    // Without content-length (chunked), the limit is found while reading.
    const streamed = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers,
      body: new Blob([body]).stream(),
      duplex: 'half',
    } as RequestInit);

    for (const response of [declared, streamed]) {
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({
        error: 'Payload Too Large',
        message: 'Request body exceeds 262144 bytes',
        code: 'PAYLOAD_TOO_LARGE',
      });
    }
    expect(await listsOf(server, alice)).toEqual(before.alice);
    expect(await listsOf(server, bob)).toEqual(before.bob);
  });
});

describe('Query parameters', () => {
  it('should answer 400, never 500, for bad query parameters', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bad = (message: string) => ({ error: 'Bad Request', message, code: 'VALIDATION_FAILED' });
    const cases: [string, ReturnType<typeof bad>][] = [
      ['sent?page=-1', bad('page must be a positive integer')],
      ['sent?page=1.5', bad('page must be an integer')],
      ['sent?page=abc', bad('page must be an integer')],
      ['sent?page=0', bad('page must be a positive integer')],
      ['received?page=99999999999', bad('page must be an integer')],
      ['active?per_page=999999999999', bad('per_page must be an integer')],
      ['active?per_page=0', bad('per_page (perPage) must be an integer between 1 and 50')],
      ['active?per_page=51', bad('per_page (perPage) must be an integer between 1 and 50')],
      ['notifications?page=2147483647', bad('page is too large')],
      ['sent?status=bogus', bad('status must be one of pending, accepted, declined, cancelled, expired, all')],
      ['received?status=bogus', bad('status must be one of pending, accepted, declined, cancelled, expired, all')],
      ['notifications?unread_only=maybe', bad('unread_only must be true or false')],
    ];

    for (const [query, expected] of cases) {
      const response = await server.rest('GET', `/v1/connections/${alice.id}/${query}`, { token: alice.token });
      expect({ query, status: response.status, body: response.body }).toEqual({ query, status: 400, body: expected });
    }
  });

  it('should accept the documented forms of the query parameters', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    for (const query of [
      'sent?page=1&per_page=10&status=pending',
      'sent?status=ALL',
      'received?status=declined&per_page=50',
      'notifications?unread_only=true',
      'notifications?unread_only=0',
      'active?page=',
    ]) {
      const response = await server.rest('GET', `/v1/connections/${alice.id}/${query}`, { token: alice.token });
      expect({ query, status: response.status }).toEqual({ query, status: 200 });
    }
  });
});

describe('GET /healthz and /readyz', () => {
  it('should report the process alive', async () => {
    const response = await server.rest('GET', '/healthz');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('should report the instance ready while its database answers', async () => {
    const response = await server.rest('GET', '/readyz');

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', database: 'up' });
  });
});
