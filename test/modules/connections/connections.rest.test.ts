import { describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { outcome, stateOf } from '../../helpers/results.js';

/** A connection's presence while it has no socket open and was never online. */
const OFFLINE_PRESENCE = { status: 'offline', activity: null, join_info: null, last_seen_at: null };
/** What a user keeps about a connection (a nickname, a note, a star): nothing yet. */
const NO_NOTES = { nickname: null, note: null, favorite: false };

const server = useTestServer();

const isoTimestamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/** Status and body together, so that a failure shows both. */

interface ConnectionItem {
  id: number;
  connected_user: { client_user_id: string; display_name: string };
  connected_since: string;
}
interface ConnectionList {
  connections: ConnectionItem[];
  pagination: { current_page: number; total_pages: number; total_items: number; per_page: number };
}

function active(user: SeededUser, query = '', token = user.token) {
  return server.rest<ConnectionList>('GET', `/v1/connections/${user.id}/active${query}`, { token });
}

function remove(user: SeededUser, connectionId: number | string, token = user.token) {
  return server.rest('DELETE', `/v1/connections/${user.id}/${connectionId}`, { token });
}

const otherParty = (user: SeededUser) => ({ client_user_id: user.id, display_name: user.displayName });

const connectionNotFound = (id: string | number) => ({
  status: 404,
  body: {
    error: 'Resource not found',
    message: `Connection with ID '${id}' does not exist`,
    code: 'CONNECTION_NOT_FOUND',
  },
});

/** Creates the named users one after the other, in order. */
async function users<const Names extends readonly string[]>(
  tenant: Tenant,
  ...names: Names
): Promise<{ [K in keyof Names]: SeededUser }> {
  const created: SeededUser[] = [];
  for (const name of names) created.push(await tenant.user(name));
  return created as { [K in keyof Names]: SeededUser };
}

describe('GET /v1/connections/{user_id}/active', () => {
  it('should answer the documented shape with default pagination', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = await tenant.connect(alice, bob);

    const response = await active(alice);

    expect(outcome(response)).toEqual({
      status: 200,
      body: {
        connections: [
          {
            id: connectionId,
            connected_user: otherParty(bob),
            connected_since: isoTimestamp,
            presence: OFFLINE_PRESENCE,
            ...NO_NOTES,
          },
        ],
        pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 10 },
      },
    });
  });

  it('should answer an empty list for a user without connections', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    const response = await active(alice);

    expect(outcome(response)).toEqual({
      status: 200,
      body: { connections: [], pagination: { current_page: 1, total_pages: 0, total_items: 0, per_page: 10 } },
    });
  });

  it('should show both sides the same connection id and connected_since, set when the request was accepted', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = await tenant.connect(alice, bob);

    const [forAlice, forBob] = [(await active(alice)).body, (await active(bob)).body];

    expect(forAlice.connections).toEqual([
      {
        id: connectionId,
        connected_user: otherParty(bob),
        connected_since: isoTimestamp,
        presence: OFFLINE_PRESENCE,
        ...NO_NOTES,
      },
    ]);
    expect(forBob.connections).toEqual([
      {
        id: connectionId,
        connected_user: otherParty(alice),
        connected_since: forAlice.connections[0]!.connected_since,
        presence: OFFLINE_PRESENCE,
        ...NO_NOTES,
      },
    ]);
    const sent = await server.rest('GET', `/v1/connections/${alice.id}/sent`, { token: alice.token });
    expect(sent.body.requests[0].responded_at).toBe(forAlice.connections[0]!.connected_since);
  });

  it('should not list pending or declined requests as connections', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    await tenant.request(alice, bob);
    const declined = await tenant.request(carol, alice);
    await server.rest('POST', `/v1/connections/${alice.id}/decline/${declined}`, { token: alice.token });

    for (const user of [alice, bob, carol]) {
      expect((await active(user)).body.connections).toEqual([]);
    }
  });

  it('should list newest first, whoever sent the request', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave] = await users(tenant, 'alice', 'bob', 'carol', 'dave');
    const withBob = await tenant.connect(alice, bob);
    const withCarol = await tenant.connect(carol, alice);
    const withDave = await tenant.connect(alice, dave);

    const { body } = await active(alice);

    expect(body.connections.map((c) => [c.id, c.connected_user.client_user_id])).toEqual([
      [withDave, dave.id],
      [withCarol, carol.id],
      [withBob, bob.id],
    ]);
    const times = body.connections.map((c) => Date.parse(c.connected_since));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The others see only their own connection.
    expect((await active(carol)).body.connections).toEqual([
      expect.objectContaining({ id: withCarol, connected_user: otherParty(alice) }),
    ]);
  });

  it('should paginate and answer an empty list past the end', async () => {
    const tenant = await createTenant(server);
    const [alice, ...others] = await users(tenant, 'alice', 'p', 'p', 'p', 'p', 'p');
    const ids: number[] = [];
    for (const other of others) ids.push(await tenant.connect(alice, other));
    const newestFirst = [...ids].reverse();

    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(await active(alice, `?page=${page}&per_page=2`));

    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(pages.map((p) => p.body.connections.map((c) => c.id))).toEqual([
      newestFirst.slice(0, 2),
      newestFirst.slice(2, 4),
      newestFirst.slice(4),
      [],
    ]);
    expect(pages.map((p) => p.body.pagination)).toEqual(
      [1, 2, 3, 4].map((page) => ({ current_page: page, total_pages: 3, total_items: 5, per_page: 2 })),
    );
    expect((await active(alice, '?per_page=50')).body.pagination).toEqual({
      current_page: 1,
      total_pages: 1,
      total_items: 5,
      per_page: 50,
    });
  });

  it.each([
    ['per_page=51', 'per_page'],
    ['per_page=0', 'per_page'],
    ['per_page=x', 'per_page'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['page=-2', 'page'],
  ])('should answer 400 VALIDATION_FAILED for %s', async (query, parameter) => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    const response = await active(alice, `?${query}`);

    expect(outcome(response)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: expect.stringContaining(parameter), code: 'VALIDATION_FAILED' },
    });
  });

  it("should forbid a user token from reading another user's connections", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await tenant.connect(alice, bob);

    const response = await active(alice, '', bob.token);

    expect(outcome(response)).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: expect.any(String), code: 'FORBIDDEN' },
    });
  });

  it('should answer 404 USER_NOT_FOUND for an unknown user', async () => {
    const tenant = await createTenant(server);

    const response = await server.rest('GET', '/v1/connections/ghost/active', { token: tenant.serviceToken });

    expect(outcome(response)).toEqual({
      status: 404,
      body: { error: 'Resource not found', message: "User with ID 'ghost' does not exist", code: 'USER_NOT_FOUND' },
    });
  });
});

describe('DELETE /v1/connections/{user_id}/{connection_id}', () => {
  it('should remove the connection and answer with the documented message', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = await tenant.connect(alice, bob);

    const response = await remove(alice, connectionId);

    expect(outcome(response)).toEqual({ status: 200, body: { message: 'Connection removed successfully' } });
  });

  it('should remove the connection for both users', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const withBob = await tenant.connect(alice, bob);
    const withCarol = await tenant.connect(alice, carol);

    // Either side may remove it: here the user who accepted.
    expect((await remove(bob, withBob)).status).toBe(200);

    const empty = { current_page: 1, total_pages: 0, total_items: 0, per_page: 10 };
    expect((await active(bob)).body).toEqual({ connections: [], pagination: empty });
    expect((await active(alice)).body).toEqual({
      connections: [expect.objectContaining({ id: withCarol, connected_user: otherParty(carol) })],
      pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 10 },
    });
  });

  it('should let the two users send a new request and connect again', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const first = await tenant.connect(alice, bob);
    await remove(alice, first);

    const request = await server.rest('POST', `/v1/connections/${bob.id}/request`, {
      token: bob.token,
      body: { receiver_id: alice.id, message: 'Again?' },
    });
    expect(request.status).toBe(201);
    const accept = await server.rest('POST', `/v1/connections/${alice.id}/accept/${request.body.id}`, {
      token: alice.token,
    });
    expect(accept.status).toBe(200);

    const [forAlice, forBob] = [(await active(alice)).body, (await active(bob)).body];
    expect(forAlice.connections).toEqual([
      {
        id: expect.any(Number),
        connected_user: otherParty(bob),
        connected_since: isoTimestamp,
        presence: OFFLINE_PRESENCE,
        ...NO_NOTES,
      },
    ]);
    expect(forAlice.connections[0]!.id).not.toBe(first);
    expect(forBob.connections.map((c) => c.id)).toEqual([forAlice.connections[0]!.id]);
  });

  it('should answer 404 CONNECTION_NOT_FOUND when removing twice', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = await tenant.connect(alice, bob);
    await remove(alice, connectionId);
    const before = await stateOf(server, alice, bob);

    const again = await remove(alice, connectionId);
    const byOther = await remove(bob, connectionId);

    expect(outcome(again)).toEqual(connectionNotFound(connectionId));
    expect(outcome(byOther)).toEqual(connectionNotFound(connectionId));
    expect(await stateOf(server, alice, bob)).toEqual(before);
  });

  it("should answer 404 CONNECTION_NOT_FOUND for someone else's connection and keep it", async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const connectionId = await tenant.connect(alice, bob);
    const before = await stateOf(server, alice, bob, carol);

    const response = await remove(carol, connectionId);

    expect(outcome(response)).toEqual(connectionNotFound(connectionId));
    expect(await stateOf(server, alice, bob, carol)).toEqual(before);
  });

  it('should answer 404 CONNECTION_NOT_FOUND for a connection of another tenant', async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const [alice, bob] = await users(other, 'alice', 'bob');
    const connectionId = await other.connect(alice, bob);
    // Same client user id as a side of the connection, but in another tenant.
    const [intruder] = await users(tenant, 'alice');
    expect(intruder.id).toBe(alice.id);

    const response = await remove(intruder, connectionId);

    expect(outcome(response)).toEqual(connectionNotFound(connectionId));
    expect((await active(alice)).body.connections.map((c) => c.id)).toEqual([connectionId]);
  });

  it.each(['abc', '0', '-1', '1.5', '999999999'])(
    'should answer 404 CONNECTION_NOT_FOUND for connection id %s',
    async (connectionId) => {
      const tenant = await createTenant(server);
      const [alice, bob] = await users(tenant, 'alice', 'bob');
      await tenant.connect(alice, bob);
      const before = await stateOf(server, alice, bob);

      const response = await remove(alice, connectionId);

      expect(outcome(response)).toEqual(connectionNotFound(connectionId));
      expect(await stateOf(server, alice, bob)).toEqual(before);
    },
  );

  it('should forbid a user token from removing as another user and keep the connection', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = await tenant.connect(alice, bob);
    const before = await stateOf(server, alice, bob);

    const response = await remove(alice, connectionId, bob.token);

    expect(outcome(response)).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: expect.any(String), code: 'FORBIDDEN' },
    });
    expect(await stateOf(server, alice, bob)).toEqual(before);
  });

  it('should let a service token remove a connection on behalf of a user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = await tenant.connect(alice, bob);

    const response = await remove(alice, connectionId, tenant.serviceToken);

    expect(outcome(response)).toEqual({ status: 200, body: { message: 'Connection removed successfully' } });
    expect((await active(bob)).body.connections).toEqual([]);
  });
});
