import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../../helpers/app.js';
import { as, outcome, stateOf, users } from '../../helpers/results.js';

/*
 * Privacy settings: who may send a user connection requests (`accept_requests_from`), read and
 * changed through REST and GraphQL, and enforced when a request is sent.
 */
const server = useTestServer();

const Settings = graphql(`
  query TestSettings($userId: ID) {
    settings(userId: $userId) {
      __typename
      ... on Error { code message }
      ... on Settings { acceptRequestsFrom }
    }
  }
`);

const UpdateSettings = graphql(`
  mutation TestUpdateSettings($userId: ID, $acceptRequestsFrom: RequestPolicy!) {
    updateSettings(userId: $userId, acceptRequestsFrom: $acceptRequestsFrom) {
      __typename
      ... on Error { code message }
      ... on Settings { acceptRequestsFrom }
    }
  }
`);

const Send = graphql(`
  mutation TestSettingsSend($receiverId: ID!) {
    sendConnectionRequest(receiverId: $receiverId) {
      __typename
      ... on Error { code message }
      ... on SendConnectionRequestPayload { request { id status } }
    }
  }
`);

type Policy = 'everyone' | 'friends_of_friends' | 'nobody';

function readSettings(srv: TestServer, user: SeededUser, token = user.token) {
  return srv.rest('GET', `/v1/users/${user.id}/settings`, { token });
}

function putSettings(srv: TestServer, user: SeededUser, body: unknown, token = user.token) {
  return srv.rest('PUT', `/v1/users/${user.id}/settings`, { token, body });
}

function send(from: SeededUser, to: SeededUser) {
  return server.rest('POST', `/v1/connections/${from.id}/request`, {
    token: from.token,
    body: { receiver_id: to.id, message: 'Hi!' },
  });
}

async function setPolicy(user: SeededUser, policy: Policy) {
  expect(outcome(await putSettings(server, user, { accept_requests_from: policy }))).toEqual({
    status: 200,
    body: { accept_requests_from: policy, share_presence: 'connections', accept_invites_from: 'connections' },
  });
}

const notAccepted = {
  status: 403,
  body: {
    error: 'Forbidden',
    message: 'This user does not accept connection requests from you',
    code: 'REQUESTS_NOT_ACCEPTED',
  },
};

const validationFailed = {
  status: 400,
  body: { error: 'Bad Request', message: expect.any(String), code: 'VALIDATION_FAILED' },
};

describe('GET/PUT /v1/users/{user_id}/settings', () => {
  it('should answer everyone by default, store each policy and read it back', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    expect(outcome(await readSettings(server, alice))).toEqual({
      status: 200,
      body: { accept_requests_from: 'everyone', share_presence: 'connections', accept_invites_from: 'connections' },
    });
    for (const policy of ['nobody', 'friends_of_friends', 'everyone', 'nobody'] as const) {
      await setPolicy(alice, policy);
      expect(outcome(await readSettings(server, alice))).toEqual({
        status: 200,
        body: { accept_requests_from: policy, share_presence: 'connections', accept_invites_from: 'connections' },
      });
    }
    // Setting the same value again is fine.
    await setPolicy(alice, 'nobody');
  });

  it.each([
    ['an unknown policy', { accept_requests_from: 'friends' }],
    ['an upper-case policy', { accept_requests_from: 'NOBODY' }],
    ['a missing field', {}],
    ['a number', { accept_requests_from: 1 }],
    ['null', { accept_requests_from: null }],
    ['an array body', ['nobody']],
    ['a string body', '"nobody"'],
  ])('should answer 400 VALIDATION_FAILED for %s and change nothing', async (_what, body) => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    await setPolicy(alice, 'friends_of_friends');

    expect(outcome(await putSettings(server, alice, body))).toEqual(validationFailed);
    expect((await readSettings(server, alice)).body).toEqual({
      accept_requests_from: 'friends_of_friends',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });
  });

  it('should change who sees the presence alone, leaving who may send requests as it was', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    await setPolicy(alice, 'friends_of_friends');

    expect(outcome(await putSettings(server, alice, { share_presence: 'nobody' }))).toEqual({
      status: 200,
      body: {
        accept_requests_from: 'friends_of_friends',
        share_presence: 'nobody',
        accept_invites_from: 'connections',
      },
    });
    expect(outcome(await putSettings(server, alice, { share_presence: 'friends' }))).toEqual(validationFailed);
    expect((await readSettings(server, alice)).body).toEqual({
      accept_requests_from: 'friends_of_friends',
      share_presence: 'nobody',
      accept_invites_from: 'connections',
    });
  });

  it('should answer 400 INVALID_JSON for a body that is not JSON', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    const response = await putSettings(server, alice, '{"accept_requests_from": ');

    expect(outcome(response)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: 'Request body is not valid JSON', code: 'INVALID_JSON' },
    });
    expect((await readSettings(server, alice)).body).toEqual({
      accept_requests_from: 'everyone',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });
  });

  it("should forbid a user token from reading or changing another user's settings", async () => {
    const tenant = await createTenant(server);
    const [alice, mallory] = await users(tenant, 'alice', 'mallory');
    const forbidden = {
      status: 403,
      body: { error: 'Forbidden', message: `Not authorized to act as user '${alice.id}'`, code: 'FORBIDDEN' },
    };

    expect(outcome(await readSettings(server, alice, mallory.token))).toEqual(forbidden);
    expect(outcome(await putSettings(server, alice, { accept_requests_from: 'nobody' }, mallory.token))).toEqual(
      forbidden,
    );
    expect((await readSettings(server, alice)).body).toEqual({
      accept_requests_from: 'everyone',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });
  });

  it("should let a service token read and change any of its tenant's users, and only its tenant's", async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    const [otherAlice] = await users(other, 'alice');
    expect(otherAlice.id).toBe(alice.id);

    const changed = await putSettings(server, alice, { accept_requests_from: 'nobody' }, tenant.serviceToken);

    expect(outcome(changed)).toEqual({
      status: 200,
      body: { accept_requests_from: 'nobody', share_presence: 'connections', accept_invites_from: 'connections' },
    });
    expect((await readSettings(server, alice, tenant.serviceToken)).body).toEqual({
      accept_requests_from: 'nobody',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });
    // The user with the same id in another tenant keeps its own setting.
    expect((await readSettings(server, otherAlice)).body).toEqual({
      accept_requests_from: 'everyone',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });
  });

  it('should answer 404 USER_NOT_FOUND for an unknown user', async () => {
    const tenant = await createTenant(server);
    const notFound = {
      status: 404,
      body: { error: 'Resource not found', message: "User with ID 'ghost' does not exist", code: 'USER_NOT_FOUND' },
    };

    expect(outcome(await server.rest('GET', '/v1/users/ghost/settings', { token: tenant.serviceToken }))).toEqual(
      notFound,
    );
    expect(
      outcome(
        await server.rest('PUT', '/v1/users/ghost/settings', {
          token: tenant.serviceToken,
          body: { accept_requests_from: 'nobody' },
        }),
      ),
    ).toEqual(notFound);
    // Nothing was created on the way.
    expect((await server.rest('GET', '/v1/users/ghost', { token: tenant.serviceToken })).status).toBe(404);
  });

  it('should answer 401 without a token and 405 for other methods', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    expect((await readSettings(server, alice, '')).status).toBe(401);
    const post = await server.rest('POST', `/v1/users/${alice.id}/settings`, { token: alice.token });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')?.split(', ').sort()).toEqual(['GET', 'PUT']);
  });
});

describe('accept_requests_from when a request is sent', () => {
  it('nobody: should refuse every request with 403 REQUESTS_NOT_ACCEPTED and change nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    // Even a friend of a friend, or a former connection, is refused.
    await tenant.connect(bob, carol);
    await tenant.connect(carol, alice);
    await setPolicy(alice, 'nobody');
    const before = await stateOf(server, alice, bob, carol);

    expect(outcome(await send(bob, alice))).toEqual(notAccepted);
    expect(outcome(await send(bob, alice))).toEqual(notAccepted);

    expect(await stateOf(server, alice, bob, carol)).toEqual(before);
    // The user with the setting may still send requests herself.
    expect((await send(alice, bob)).status).toBe(201);
  });

  it('nobody: should keep requests already pending, which may still be accepted', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const requestId = await tenant.request(bob, alice);

    await setPolicy(alice, 'nobody');

    const received = await server.rest('GET', `/v1/connections/${alice.id}/received`, { token: alice.token });
    expect(received.body.requests.map((r: { id: number; status: string }) => [r.id, r.status])).toEqual([
      [requestId, 'pending'],
    ]);
    const accept = await server.rest('POST', `/v1/connections/${alice.id}/accept/${requestId}`, {
      token: alice.token,
    });
    expect(outcome(accept)).toEqual({ status: 200, body: { message: 'Connection request accepted successfully' } });
  });

  it('friends_of_friends: should refuse a stranger and accept a user with a mutual connection', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, stranger] = await users(tenant, 'alice', 'bob', 'carol', 'stranger');
    await setPolicy(alice, 'friends_of_friends');
    // carol is alice's connection; bob becomes carol's, so bob and alice share carol.
    await tenant.connect(alice, carol);
    const before = await stateOf(server, alice, bob, stranger);

    expect(outcome(await send(stranger, alice))).toEqual(notAccepted);
    // Without the mutual connection yet, bob is a stranger too.
    expect(outcome(await send(bob, alice))).toEqual(notAccepted);
    expect(await stateOf(server, alice, bob, stranger)).toEqual(before);

    const bobAndCarol = await tenant.connect(bob, carol);
    const sent = await send(bob, alice);
    expect(outcome(sent)).toEqual({
      status: 201,
      body: { message: 'Connection request sent successfully', id: expect.any(Number) },
    });
    expect((await send(stranger, alice)).status).toBe(403);

    // Once the mutual connection is gone, bob is a stranger again (for a new request).
    await server.rest('POST', `/v1/connections/${alice.id}/decline/${sent.body.id}`, { token: alice.token });
    await server.rest('DELETE', `/v1/connections/${bob.id}/${bobAndCarol}`, { token: bob.token });
    expect(outcome(await send(bob, alice))).toEqual(notAccepted);
  });

  it('everyone: should accept any user of the tenant again after a stricter setting', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await setPolicy(alice, 'nobody');
    expect((await send(bob, alice)).status).toBe(403);

    await setPolicy(alice, 'everyone');

    expect((await send(bob, alice)).status).toBe(201);
  });

  it('should refuse a sender with a setting of its own only by the receiver’s setting', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await setPolicy(bob, 'nobody');

    // bob's own setting does not stop bob from asking alice.
    expect((await send(bob, alice)).status).toBe(201);
  });
});

describe('GraphQL settings and updateSettings', () => {
  it('should mirror the REST face in camelCase', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const initial = await server.graphql(Settings, {}, alice.token);
    expect(initial.body).toEqual({ data: { settings: { __typename: 'Settings', acceptRequestsFrom: 'EVERYONE' } } });

    const updated = await server.graphql(UpdateSettings, { acceptRequestsFrom: 'FRIENDS_OF_FRIENDS' }, alice.token);
    expect(updated.body).toEqual({
      data: { updateSettings: { __typename: 'Settings', acceptRequestsFrom: 'FRIENDS_OF_FRIENDS' } },
    });
    expect((await readSettings(server, alice)).body).toEqual({
      accept_requests_from: 'friends_of_friends',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });

    const refused = await server.graphql(Send, { receiverId: alice.id }, bob.token);
    expect(refused.body.data?.sendConnectionRequest).toEqual({
      __typename: 'ForbiddenError',
      code: 'REQUESTS_NOT_ACCEPTED',
      message: 'This user does not accept connection requests from you',
    });
    const byService = await server.graphql(
      UpdateSettings,
      { userId: alice.id, acceptRequestsFrom: 'EVERYONE' },
      tenant.serviceToken,
    );
    expect(as(byService.body.data?.updateSettings, 'Settings').acceptRequestsFrom).toBe('EVERYONE');
    expect(
      as(
        (await server.graphql(Send, { receiverId: alice.id }, bob.token)).body.data?.sendConnectionRequest,
        'SendConnectionRequestPayload',
      ).request.status,
    ).toBe('PENDING');
  });

  it('should answer typed errors and change nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, mallory] = await users(tenant, 'alice', 'mallory');

    const forbidden = await server.graphql(
      UpdateSettings,
      { userId: alice.id, acceptRequestsFrom: 'NOBODY' },
      mallory.token,
    );
    expect(forbidden.body.data?.updateSettings).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
      message: `Not authorized to act as user '${alice.id}'`,
    });
    const missing = await server.graphql(Settings, { userId: 'ghost' }, tenant.serviceToken);
    expect(missing.body.data?.settings).toEqual({
      __typename: 'NotFoundError',
      code: 'USER_NOT_FOUND',
      message: "User with ID 'ghost' does not exist",
    });
    const badEnum = await server.graphql(UpdateSettings, { acceptRequestsFrom: 'SOME' as never }, alice.token);
    expect(badEnum.body.data).toBeUndefined();
    expect(badEnum.body.errors?.[0]?.message).toContain('RequestPolicy');
    expect((await readSettings(server, alice)).body).toEqual({
      accept_requests_from: 'everyone',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });
  });
});

describe('settings and the write budget', () => {
  const limited = useTestServer({ env: { RATE_LIMIT_WINDOW_SECONDS: '600', RATE_LIMIT_USER_WRITES: '2' } });

  it('should draw on the user’s write budget: over it, 429 RATE_LIMITED and no change', async () => {
    const tenant = await createTenant(limited);
    // Its game backend creates the user, on a budget of its own: alice has two writes.
    const [alice] = await users(tenant, 'alice');
    expect((await putSettings(limited, alice, { accept_requests_from: 'nobody' })).status).toBe(200);
    expect((await putSettings(limited, alice, { accept_requests_from: 'friends_of_friends' })).status).toBe(200);

    const refused = await putSettings(limited, alice, { accept_requests_from: 'everyone' });

    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: 'Too Many Requests', message: expect.any(String), code: 'RATE_LIMITED' });
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // Reading is not a write.
    expect(outcome(await readSettings(limited, alice))).toEqual({
      status: 200,
      body: {
        accept_requests_from: 'friends_of_friends',
        share_presence: 'connections',
        accept_invites_from: 'connections',
      },
    });
  });
});
