import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { outcome } from '../../helpers/results.js';

const server = useTestServer();

const isoTimestamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/** Status and body together, so that a failure shows both. */

function put(userId: string, body: unknown, token: string) {
  return server.rest('PUT', `/v1/users/${encodeURIComponent(userId)}`, { token, body });
}

function get(userId: string, token: string) {
  return server.rest('GET', `/v1/users/${encodeURIComponent(userId)}`, { token });
}

const badRequest = (message: unknown = expect.any(String)) => ({
  status: 400,
  body: { error: 'Bad Request', message, code: 'VALIDATION_FAILED' },
});

const userNotFound = (userId: string) => ({
  status: 404,
  body: { error: 'Resource not found', message: `User with ID '${userId}' does not exist`, code: 'USER_NOT_FOUND' },
});

const forbidden = {
  status: 403,
  body: { error: 'Forbidden', message: expect.any(String), code: 'FORBIDDEN' },
};

const displayNameRule = expect.stringMatching(/display name/i);

describe('PUT /v1/users/{user_id}', () => {
  it('should create the user and answer 201 with the documented body', async () => {
    const tenant = await createTenant(server);

    const response = await put('user456', { display_name: 'PlayerTwo' }, tenant.serviceToken);

    expect(outcome(response)).toEqual({
      status: 201,
      body: { client_user_id: 'user456', display_name: 'PlayerTwo', created_at: isoTimestamp },
    });
    expect(outcome(await get('user456', tenant.serviceToken))).toEqual({ status: 200, body: response.body });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('should rename an existing user and answer 200, keeping created_at', async () => {
    const tenant = await createTenant(server);
    const created = await put('user456', { display_name: 'PlayerTwo' }, tenant.serviceToken);

    const updated = await put('user456', { display_name: 'PlayerTwo Renamed' }, tenant.serviceToken);
    const same = await put('user456', { display_name: 'PlayerTwo Renamed' }, tenant.serviceToken);

    const expected = {
      client_user_id: 'user456',
      display_name: 'PlayerTwo Renamed',
      created_at: created.body.created_at,
    };
    expect(outcome(updated)).toEqual({ status: 200, body: expected });
    expect(outcome(same)).toEqual({ status: 200, body: expected });
    expect((await get('user456', tenant.serviceToken)).body).toEqual(expected);
  });

  it('should show the new display name to the user’s connections', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);

    await put(bob.id, { display_name: 'Bobby' }, bob.token);

    const { body } = await server.rest('GET', `/v1/connections/${alice.id}/active`, { token: alice.token });
    expect(body.connections[0].connected_user).toEqual({ client_user_id: bob.id, display_name: 'Bobby' });
  });

  it('should trim the display name', async () => {
    const tenant = await createTenant(server);

    const response = await put('user1', { display_name: ' \t PlayerOne \n ' }, tenant.serviceToken);

    expect(response.status).toBe(201);
    expect(response.body.display_name).toBe('PlayerOne');
    expect((await get('user1', tenant.serviceToken)).body.display_name).toBe('PlayerOne');
  });

  it('should accept a display name of 64 characters after trimming, counting characters rather than bytes', async () => {
    const tenant = await createTenant(server);
    const ascii = 'a'.repeat(64);
    const emoji = '🎮'.repeat(64);

    const padded = await put('user1', { display_name: `  ${ascii}  ` }, tenant.serviceToken);
    const wide = await put('user2', { display_name: emoji }, tenant.serviceToken);

    expect(outcome(padded)).toEqual({
      status: 201,
      body: { client_user_id: 'user1', display_name: ascii, created_at: isoTimestamp },
    });
    expect(outcome(wide)).toEqual({
      status: 201,
      body: { client_user_id: 'user2', display_name: emoji, created_at: isoTimestamp },
    });
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\n '],
    ['65 characters', 'a'.repeat(65)],
    ['65 wide characters', '🎮'.repeat(65)],
  ])('should refuse a display name that is %s and create nothing', async (_case, displayName) => {
    const tenant = await createTenant(server);

    const response = await put('user1', { display_name: displayName }, tenant.serviceToken);

    expect(outcome(response)).toEqual(badRequest(displayNameRule));
    expect(outcome(await get('user1', tenant.serviceToken))).toEqual(userNotFound('user1'));
  });

  it('should refuse an invalid display name for an existing user and keep the old one', async () => {
    const tenant = await createTenant(server);
    const created = await put('user1', { display_name: 'PlayerOne' }, tenant.serviceToken);

    const empty = await put('user1', { display_name: '   ' }, tenant.serviceToken);
    const long = await put('user1', { display_name: 'b'.repeat(65) }, tenant.serviceToken);

    expect(outcome(empty)).toEqual(badRequest(displayNameRule));
    expect(outcome(long)).toEqual(badRequest(displayNameRule));
    expect(outcome(await get('user1', tenant.serviceToken))).toEqual({ status: 200, body: created.body });
  });

  it('should refuse a body without display_name', async () => {
    const tenant = await createTenant(server);

    const missing = await put('user1', {}, tenant.serviceToken);
    const nullName = await put('user1', { display_name: null }, tenant.serviceToken);
    const otherField = await put('user1', { displayName: 'PlayerOne' }, tenant.serviceToken);

    for (const response of [missing, nullName, otherField]) {
      expect(outcome(response)).toEqual(badRequest('display_name is required'));
    }
    expect(outcome(await get('user1', tenant.serviceToken))).toEqual(userNotFound('user1'));
  });

  it('should refuse a display_name that is not a string, a body that is not an object, and malformed JSON', async () => {
    const tenant = await createTenant(server);

    const number = await put('user1', { display_name: 42 }, tenant.serviceToken);
    const array = await put('user1', ['PlayerOne'], tenant.serviceToken);
    const noBody = await server.rest('PUT', '/v1/users/user1', { token: tenant.serviceToken });
    const malformed = await put('user1', '{"display_name": "PlayerOne"', tenant.serviceToken);

    for (const response of [number, array, noBody]) expect(outcome(response)).toEqual(badRequest());
    expect(outcome(malformed)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: 'Request body is not valid JSON', code: 'INVALID_JSON' },
    });
    expect(outcome(await get('user1', tenant.serviceToken))).toEqual(userNotFound('user1'));
  });

  it('should let a user token create and then rename itself', async () => {
    const tenant = await createTenant(server);
    const token = await server.token('newbie', { tenant: tenant.name });

    const created = await put('newbie', { display_name: 'Newbie' }, token);
    const renamed = await put('newbie', { display_name: 'Veteran' }, token);

    expect(outcome(created)).toEqual({
      status: 201,
      body: { client_user_id: 'newbie', display_name: 'Newbie', created_at: isoTimestamp },
    });
    expect(outcome(renamed)).toEqual({
      status: 200,
      body: { client_user_id: 'newbie', display_name: 'Veteran', created_at: created.body.created_at },
    });
  });

  it('should forbid a user token from creating or renaming another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const bobBefore = await get(bob.id, tenant.serviceToken);

    const rename = await put(bob.id, { display_name: 'Hacked' }, alice.token);
    const create = await put('someone-new', { display_name: 'Sock Puppet' }, alice.token);

    expect(outcome(rename)).toEqual(forbidden);
    expect(outcome(create)).toEqual(forbidden);
    expect(outcome(await get(bob.id, tenant.serviceToken))).toEqual(outcome(bobBefore));
    expect(outcome(await get('someone-new', tenant.serviceToken))).toEqual(userNotFound('someone-new'));
  });

  it('should let a service token create and rename any user of its tenant', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');

    const renamed = await put(alice.id, { display_name: 'Alice Prime' }, tenant.serviceToken);
    const created = await put('zed', { display_name: 'Zed' }, tenant.serviceToken);

    expect(outcome(renamed)).toEqual({
      status: 200,
      body: { client_user_id: alice.id, display_name: 'Alice Prime', created_at: isoTimestamp },
    });
    expect(created.status).toBe(201);
  });

  it('should keep users of different tenants apart', async () => {
    const [first, second] = [await createTenant(server), await createTenant(server)];

    const a = await put('player', { display_name: 'In First' }, first.serviceToken);
    const b = await put('player', { display_name: 'In Second' }, second.serviceToken);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await get('player', first.serviceToken)).body.display_name).toBe('In First');
    expect((await get('player', second.serviceToken)).body.display_name).toBe('In Second');
  });

  it('should accept a URL-encoded user id and refuse one longer than 128 characters', async () => {
    const tenant = await createTenant(server);
    const id = `player@example.com/${randomUUID()}`;

    const created = await put(id, { display_name: 'Mail Player' }, tenant.serviceToken);
    const tooLong = await put('u'.repeat(129), { display_name: 'Long' }, tenant.serviceToken);

    expect(created.status).toBe(201);
    expect(created.body.client_user_id).toBe(id);
    expect((await get(id, tenant.serviceToken)).body.client_user_id).toBe(id);
    expect(outcome(tooLong)).toEqual(badRequest());
  });
});

describe('GET /v1/users/{user_id}', () => {
  it('should answer the user with the documented body', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');

    const response = await get(alice.id, alice.token);

    expect(outcome(response)).toEqual({
      status: 200,
      body: { client_user_id: alice.id, display_name: alice.displayName, created_at: isoTimestamp },
    });
  });

  it('should answer 404 USER_NOT_FOUND for an unknown user', async () => {
    const tenant = await createTenant(server);
    const ghostToken = await server.token('ghost', { tenant: tenant.name });

    const asService = await get('ghost', tenant.serviceToken);
    const asItself = await get('ghost', ghostToken);

    expect(outcome(asService)).toEqual(userNotFound('ghost'));
    expect(outcome(asItself)).toEqual(userNotFound('ghost'));
    expect(asService.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('should answer 404 for a user that exists only in another tenant', async () => {
    const [first, second] = [await createTenant(server), await createTenant(server)];
    const alice = await first.user('alice');

    expect(outcome(await get(alice.id, second.serviceToken))).toEqual(userNotFound(alice.id));
  });

  it('should let a user token read the public profile of another user of its tenant', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const asService = await get(bob.id, tenant.serviceToken);

    const asAlice = await get(bob.id, alice.token);

    expect(outcome(asAlice)).toEqual({
      status: 200,
      body: { client_user_id: bob.id, display_name: bob.displayName, created_at: isoTimestamp },
    });
    expect(asAlice.body).toEqual(asService.body);
  });

  it('should answer 404 USER_NOT_FOUND alike to a user token for an unknown user and a user of another tenant', async () => {
    const [first, second] = [await createTenant(server), await createTenant(server)];
    const alice = await first.user('alice');
    const elsewhere = await second.user('elsewhere');
    const ghost = `ghost-${randomUUID()}`;

    const unknown = await get(ghost, alice.token);
    const otherTenant = await get(elsewhere.id, alice.token);

    expect(outcome(unknown)).toEqual(userNotFound(ghost));
    expect(outcome(otherTenant)).toEqual(userNotFound(elsewhere.id));
    // Only the id echoed in the message tells the two apart.
    expect(JSON.stringify(otherTenant.body).replaceAll(elsewhere.id, '<id>')).toBe(
      JSON.stringify(unknown.body).replaceAll(ghost, '<id>'),
    );
  });

  it('should answer the same profile whether either user blocks the other', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);
    const block = (blocker: SeededUser, blocked: SeededUser) =>
      server.rest('PUT', `/v1/users/${blocker.id}/blocked/${blocked.id}`, { token: blocker.token });
    const unblock = (blocker: SeededUser, blocked: SeededUser) =>
      server.rest('DELETE', `/v1/users/${blocker.id}/blocked/${blocked.id}`, { token: blocker.token });
    const bothWays = async () => ({
      aliceSeesBob: outcome(await get(bob.id, alice.token)),
      bobSeesAlice: outcome(await get(alice.id, bob.token)),
    });

    const neither = await bothWays();
    expect((await block(bob, alice)).status).toBe(201);
    const bobBlocksAlice = await bothWays();
    expect((await unblock(bob, alice)).status).toBe(200);
    expect((await block(alice, bob)).status).toBe(201);
    const aliceBlocksBob = await bothWays();
    expect((await block(bob, alice)).status).toBe(201);
    const both = await bothWays();

    expect(neither.aliceSeesBob).toEqual({
      status: 200,
      body: { client_user_id: bob.id, display_name: bob.displayName, created_at: isoTimestamp },
    });
    expect(neither.bobSeesAlice.status).toBe(200);
    for (const blocked of [bobBlocksAlice, aliceBlocksBob, both]) expect(blocked).toEqual(neither);
  });
});

describe('What a user token may not do as another user', () => {
  it('should forbid reading or changing the settings and blocks of another user, and change nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const settingsBefore = await server.rest('GET', `/v1/users/${bob.id}/settings`, { token: bob.token });
    const blockedBefore = await server.rest('GET', `/v1/users/${bob.id}/blocked`, { token: bob.token });

    const calls = [
      server.rest('GET', `/v1/users/${bob.id}/settings`, { token: alice.token }),
      server.rest('PUT', `/v1/users/${bob.id}/settings`, {
        token: alice.token,
        body: { accept_requests_from: 'nobody' },
      }),
      server.rest('GET', `/v1/users/${bob.id}/blocked`, { token: alice.token }),
      server.rest('PUT', `/v1/users/${bob.id}/blocked/${carol.id}`, { token: alice.token }),
      server.rest('DELETE', `/v1/users/${bob.id}/blocked/${carol.id}`, { token: alice.token }),
      put(bob.id, { display_name: 'Hacked' }, alice.token),
    ];

    for (const response of await Promise.all(calls)) expect(outcome(response)).toEqual(forbidden);
    expect(outcome(await server.rest('GET', `/v1/users/${bob.id}/settings`, { token: bob.token }))).toEqual(
      outcome(settingsBefore),
    );
    expect(outcome(await server.rest('GET', `/v1/users/${bob.id}/blocked`, { token: bob.token }))).toEqual(
      outcome(blockedBefore),
    );
    expect((await get(bob.id, tenant.serviceToken)).body.display_name).toBe(bob.displayName);
  });
});
