import { describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { outcome, stateOf } from '../../helpers/results.js';

/** A connection's presence while it has no socket open and was never online. */
const OFFLINE_PRESENCE = { status: 'offline', activity: null, join_info: null, last_seen_at: null };

const server = useTestServer();

// ---------------------------------------------------------------------------------------------
// Helpers: each test still creates its own tenant and users.
// ---------------------------------------------------------------------------------------------

const isoTimestamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/** Status and body together, so that a failure shows both. */

interface RequestItem {
  id: number;
  user: { client_user_id: string; display_name: string };
  status: string;
  message: string | null;
  created_at: string;
  responded_at: string | null;
}
interface RequestList {
  requests: RequestItem[];
  pagination: { current_page: number; total_pages: number; total_items: number; per_page: number };
}

function send(from: SeededUser, body: unknown, token: string = from.token) {
  return server.rest('POST', `/v1/connections/${from.id}/request`, { token, body });
}

function respond(verb: 'accept' | 'decline', user: SeededUser, requestId: number | string, token = user.token) {
  return server.rest('POST', `/v1/connections/${user.id}/${verb}/${requestId}`, { token });
}

function list(user: SeededUser, direction: 'sent' | 'received', query = '', token = user.token) {
  return server.rest<RequestList>('GET', `/v1/connections/${user.id}/${direction}${query}`, { token });
}

const otherParty = (user: SeededUser) => ({ client_user_id: user.id, display_name: user.displayName });

async function threeUsers(tenant: Tenant) {
  return [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')] as const;
}

describe('POST /v1/connections/{user_id}/request', () => {
  it('should send a request and answer with the documented body', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const response = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: alice.token,
      body: { receiver_id: bob.id, message: 'Hi! Want to connect?' },
    });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({ message: 'Connection request sent successfully', id: expect.any(Number) });
  });

  it('should notify the receiver with the request message', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const requestId = await tenant.request(alice, bob, 'Hi! I saw we both play FPS games.');

    const { body } = await server.rest('GET', `/v1/connections/${bob.id}/notifications`, { token: bob.token });

    expect(body).toEqual({
      notifications: [
        {
          id: expect.any(Number),
          type: 'new_request',
          connection_request_id: requestId,
          other_user: { client_user_id: alice.id, display_name: alice.displayName },
          message: 'Hi! I saw we both play FPS games.',
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          read: false,
        },
      ],
      unread_count: 1,
      pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 50 },
    });
  });

  it('should refuse a second request in either direction while one is pending', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.request(alice, bob);

    const again = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: alice.token,
      body: { receiver_id: bob.id },
    });
    const reverse = await server.rest('POST', `/v1/connections/${bob.id}/request`, {
      token: bob.token,
      body: { receiver_id: alice.id },
    });

    for (const response of [again, reverse]) {
      expect(response.status).toBe(409);
      expect(response.body).toEqual({
        error: 'Conflict',
        message: 'A pending connection request between these users already exists',
        code: 'REQUEST_ALREADY_PENDING',
      });
    }
  });

  it('should answer 404 with the documented message for an unknown receiver', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');

    const response = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: alice.token,
      body: { receiver_id: 'nobody' },
    });

    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      error: 'Resource not found',
      message: "User with ID 'nobody' does not exist",
      code: 'USER_NOT_FOUND',
    });
  });

  it('should store the request as pending for both sides', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const response = await send(alice, { receiver_id: bob.id, message: 'Want to connect?' });
    expect(response.status).toBe(201);
    const id = response.body.id as number;

    const sent = await list(alice, 'sent');
    const received = await list(bob, 'received');
    expect(outcome(sent)).toEqual({
      status: 200,
      body: {
        requests: [
          {
            id,
            user: otherParty(bob),
            status: 'pending',
            message: 'Want to connect?',
            created_at: isoTimestamp,
            responded_at: null,
          },
        ],
        pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 10 },
      },
    });
    expect(received.body).toEqual({
      requests: [{ ...sent.body.requests[0], user: otherParty(alice) }],
      pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 10 },
    });
  });

  it('should accept a request without a message and store a null message', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const response = await send(alice, { receiver_id: bob.id });

    expect(outcome(response)).toEqual({
      status: 201,
      body: { message: 'Connection request sent successfully', id: expect.any(Number) },
    });
    const { body } = await list(alice, 'sent');
    expect(body.requests).toEqual([expect.objectContaining({ id: response.body.id, message: null })]);
    const notifications = await server.rest('GET', `/v1/connections/${bob.id}/notifications`, { token: bob.token });
    expect(notifications.body.notifications).toEqual([
      expect.objectContaining({
        type: 'new_request',
        connection_request_id: response.body.id,
        other_user: otherParty(alice),
        message: expect.any(String),
        read: false,
      }),
    ]);
  });

  it('should accept a message of exactly 500 characters, counting characters rather than bytes', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const message = `${'🎮'.repeat(250)}${'x'.repeat(250)}`;

    const response = await send(alice, { receiver_id: bob.id, message });

    expect(response.status).toBe(201);
    const { body } = await list(bob, 'received');
    expect(body.requests[0]?.message).toBe(message);
  });

  it('should refuse a message longer than 500 characters and change nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const before = await stateOf(server, alice, bob);

    const response = await send(alice, { receiver_id: bob.id, message: 'x'.repeat(501) });

    expect(outcome(response)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: expect.stringContaining('500'), code: 'VALIDATION_FAILED' },
    });
    expect(await stateOf(server, alice, bob)).toEqual(before);
  });

  it('should refuse a body without receiver_id', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const before = await stateOf(server, alice);

    const response = await send(alice, { message: 'Hello?' });

    expect(outcome(response)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: 'receiver_id is required', code: 'VALIDATION_FAILED' },
    });
    expect(await stateOf(server, alice)).toEqual(before);
  });

  it('should refuse a body that is not a JSON object or not JSON at all', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const before = await stateOf(server, alice, bob);

    const empty = await server.rest('POST', `/v1/connections/${alice.id}/request`, { token: alice.token });
    const array = await send(alice, [bob.id]);
    const wrongType = await send(alice, { receiver_id: bob.id, message: 42 });
    const malformed = await send(alice, `{"receiver_id": "${bob.id}"`);

    for (const response of [empty, array, wrongType]) {
      expect(outcome(response)).toEqual({
        status: 400,
        body: { error: 'Bad Request', message: expect.any(String), code: 'VALIDATION_FAILED' },
      });
    }
    expect(outcome(malformed)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: 'Request body is not valid JSON', code: 'INVALID_JSON' },
    });
    expect(await stateOf(server, alice, bob)).toEqual(before);
  });

  it('should refuse a request to oneself and change nothing', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const before = await stateOf(server, alice);

    const response = await send(alice, { receiver_id: alice.id });

    expect(outcome(response)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: expect.any(String), code: 'CANNOT_CONNECT_TO_SELF' },
    });
    expect(await stateOf(server, alice)).toEqual(before);
  });

  it('should answer 404 USER_NOT_FOUND for a sender that does not exist', async () => {
    const tenant = await createTenant(server);
    const bob = await tenant.user('bob');
    const ghostToken = await server.token('ghost', { tenant: tenant.name });
    const before = await stateOf(server, bob);

    const asUser = await server.rest('POST', '/v1/connections/ghost/request', {
      token: ghostToken,
      body: { receiver_id: bob.id },
    });
    const asService = await server.rest('POST', '/v1/connections/ghost/request', {
      token: tenant.serviceToken,
      body: { receiver_id: bob.id },
    });

    for (const response of [asUser, asService]) {
      expect(outcome(response)).toEqual({
        status: 404,
        body: { error: 'Resource not found', message: "User with ID 'ghost' does not exist", code: 'USER_NOT_FOUND' },
      });
    }
    expect(await stateOf(server, bob)).toEqual(before);
  });

  it('should not find a receiver that exists only in another tenant', async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const alice = await tenant.user('alice');
    const stranger = await other.user('stranger');

    const response = await send(alice, { receiver_id: stranger.id });

    expect(outcome(response)).toEqual({
      status: 404,
      body: {
        error: 'Resource not found',
        message: `User with ID '${stranger.id}' does not exist`,
        code: 'USER_NOT_FOUND',
      },
    });
    expect((await stateOf(server, stranger))[0]?.received).toEqual({
      requests: [],
      pagination: { current_page: 1, total_pages: 0, total_items: 0, per_page: 50 },
    });
  });

  it('should refuse a request between users who are already connected, in either direction', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);
    const before = await stateOf(server, alice, bob);

    const again = await send(alice, { receiver_id: bob.id });
    const reverse = await send(bob, { receiver_id: alice.id, message: 'Hi' });

    for (const response of [again, reverse]) {
      expect(outcome(response)).toEqual({
        status: 409,
        body: { error: 'Conflict', message: 'Users are already connected', code: 'ALREADY_CONNECTED' },
      });
    }
    expect(await stateOf(server, alice, bob)).toEqual(before);
  });

  it('should leave lists and notifications unchanged when refusing a request while one is pending', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.request(alice, bob, 'first');
    const before = await stateOf(server, alice, bob);

    const again = await send(alice, { receiver_id: bob.id, message: 'second' });
    const reverse = await send(bob, { receiver_id: alice.id, message: 'reverse' });

    expect([again.status, reverse.status]).toEqual([409, 409]);
    expect(await stateOf(server, alice, bob)).toEqual(before);
  });

  it('should allow a new request after the previous one was declined', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const first = await tenant.request(alice, bob);
    expect((await respond('decline', bob, first)).status).toBe(200);

    const again = await send(alice, { receiver_id: bob.id });
    const reverse = await send(bob, { receiver_id: alice.id });

    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(first);
    expect(outcome(reverse)).toEqual({
      status: 409,
      body: {
        error: 'Conflict',
        message: 'A pending connection request between these users already exists',
        code: 'REQUEST_ALREADY_PENDING',
      },
    });
  });

  it('should forbid a user token from sending as another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await threeUsers(tenant);
    const before = await stateOf(server, alice, bob, carol);

    const response = await send(alice, { receiver_id: carol.id }, bob.token);

    expect(outcome(response)).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: expect.any(String), code: 'FORBIDDEN' },
    });
    expect(await stateOf(server, alice, bob, carol)).toEqual(before);
  });

  it('should let a service token send on behalf of any user of its tenant', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];

    const response = await send(alice, { receiver_id: bob.id }, tenant.serviceToken);

    expect(response.status).toBe(201);
    expect((await list(bob, 'received')).body.requests).toEqual([
      expect.objectContaining({ id: response.body.id, user: otherParty(alice), status: 'pending' }),
    ]);
  });
});

const answers = [
  { verb: 'accept', status: 'accepted', message: 'Connection request accepted successfully' },
  { verb: 'decline', status: 'declined', message: 'Connection request declined successfully' },
] as const;

for (const { verb, status, message } of answers) {
  describe(`POST /v1/connections/{user_id}/${verb}/{request_id}`, () => {
    const other = verb === 'accept' ? 'decline' : 'accept';

    it(`should ${verb} a pending request and answer with the documented message`, async () => {
      const tenant = await createTenant(server);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      const requestId = await tenant.request(alice, bob, 'hello');

      const response = await respond(verb, bob, requestId);

      expect(outcome(response)).toEqual({ status: 200, body: { message } });
      const answered = expect.objectContaining({ id: requestId, status, responded_at: isoTimestamp });
      expect((await list(alice, 'sent')).body.requests).toEqual([answered]);
      expect((await list(bob, 'received')).body.requests).toEqual([answered]);
    });

    it(`should notify the sender that the request was ${status}`, async () => {
      const tenant = await createTenant(server);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      const requestId = await tenant.request(alice, bob, 'hello');

      await respond(verb, bob, requestId);

      const { body } = await server.rest('GET', `/v1/connections/${alice.id}/notifications`, { token: alice.token });
      expect(body).toEqual({
        notifications: [
          {
            id: expect.any(Number),
            type: `request_${status}`,
            connection_request_id: requestId,
            other_user: otherParty(bob),
            message:
              verb === 'accept' ? 'Your connection request was accepted!' : 'Your connection request was declined.',
            timestamp: isoTimestamp,
            read: false,
          },
        ],
        unread_count: 1,
        pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 50 },
      });
    });

    it(`should let a service token ${verb} on behalf of the receiver`, async () => {
      const tenant = await createTenant(server);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      const requestId = await tenant.request(alice, bob);

      const response = await respond(verb, bob, requestId, tenant.serviceToken);

      expect(outcome(response)).toEqual({ status: 200, body: { message } });
    });

    it(`should forbid the sender and a third user to ${verb} the request and change nothing`, async () => {
      const tenant = await createTenant(server);
      const [alice, bob, carol] = await threeUsers(tenant);
      const requestId = await tenant.request(alice, bob);
      const before = await stateOf(server, alice, bob, carol);

      const bySender = await respond(verb, alice, requestId);
      const byThird = await respond(verb, carol, requestId);

      for (const response of [bySender, byThird]) {
        expect(outcome(response)).toEqual({
          status: 403,
          body: { error: 'Forbidden', message: `Not authorized to ${verb} this request`, code: 'NOT_REQUEST_RECEIVER' },
        });
      }
      expect(await stateOf(server, alice, bob, carol)).toEqual(before);
    });

    it(`should forbid a user token to ${verb} as another user`, async () => {
      const tenant = await createTenant(server);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      const requestId = await tenant.request(alice, bob);
      const before = await stateOf(server, alice, bob);

      const response = await respond(verb, bob, requestId, alice.token);

      expect(outcome(response)).toEqual({
        status: 403,
        body: { error: 'Forbidden', message: expect.any(String), code: 'FORBIDDEN' },
      });
      expect(await stateOf(server, alice, bob)).toEqual(before);
    });

    it(`should answer 409 when the request was already answered and change nothing`, async () => {
      const tenant = await createTenant(server);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      const requestId = await tenant.request(alice, bob);
      expect((await respond(verb, bob, requestId)).status).toBe(200);
      const before = await stateOf(server, alice, bob);

      const same = await respond(verb, bob, requestId);
      const opposite = await respond(other, bob, requestId);

      for (const response of [same, opposite]) {
        expect(outcome(response)).toEqual({
          status: 409,
          body: { error: 'Conflict', message: 'Request already processed', code: 'REQUEST_ALREADY_PROCESSED' },
        });
      }
      expect(await stateOf(server, alice, bob)).toEqual(before);
    });

    it.each(['999999999', 'abc', '0', '-1', '1.5'])(
      `should answer 404 CONNECTION_REQUEST_NOT_FOUND to ${verb} request id %s`,
      async (requestId) => {
        const tenant = await createTenant(server);
        const bob = await tenant.user('bob');

        const response = await respond(verb, bob, requestId);

        expect(outcome(response)).toEqual({
          status: 404,
          body: {
            error: 'Resource not found',
            message: `Connection request with ID '${requestId}' does not exist`,
            code: 'CONNECTION_REQUEST_NOT_FOUND',
          },
        });
      },
    );

    it(`should not find a request of another tenant to ${verb}`, async () => {
      const tenant = await createTenant(server);
      const other = await createTenant(server);
      const [alice, bob] = [await other.user('alice'), await other.user('bob')];
      const requestId = await other.request(alice, bob);
      // Same client user id as the real receiver, but in another tenant.
      await tenant.user('alice');
      const intruder = await tenant.user('bob');
      expect(intruder.id).toBe(bob.id);

      const response = await respond(verb, intruder, requestId);

      expect(outcome(response)).toEqual({
        status: 404,
        body: {
          error: 'Resource not found',
          message: `Connection request with ID '${requestId}' does not exist`,
          code: 'CONNECTION_REQUEST_NOT_FOUND',
        },
      });
      expect((await list(bob, 'received')).body.requests).toEqual([
        expect.objectContaining({ id: requestId, status: 'pending', responded_at: null }),
      ]);
    });
  });
}

describe('POST /v1/connections/{user_id}/accept/{request_id}: the connection', () => {
  it('should make the connection visible to both users in /active immediately', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const requestId = await tenant.request(alice, bob);

    await respond('accept', bob, requestId);

    const [forAlice, forBob] = await Promise.all(
      [alice, bob].map((user) => server.rest('GET', `/v1/connections/${user.id}/active`, { token: user.token })),
    );
    const pagination = { current_page: 1, total_pages: 1, total_items: 1, per_page: 10 };
    expect(outcome(forAlice!)).toEqual({
      status: 200,
      body: {
        connections: [
          {
            id: expect.any(Number),
            connected_user: otherParty(bob),
            connected_since: isoTimestamp,
            presence: OFFLINE_PRESENCE,
            nickname: null,
            note: null,
            favorite: false,
          },
        ],
        pagination,
      },
    });
    expect(forBob!.body).toEqual({
      connections: [{ ...forAlice!.body.connections[0], connected_user: otherParty(alice) }],
      pagination,
    });
  });

  it('should create no connection when the request is declined', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const requestId = await tenant.request(alice, bob);

    await respond('decline', bob, requestId);

    for (const user of [alice, bob]) {
      const { body } = await server.rest('GET', `/v1/connections/${user.id}/active`, { token: user.token });
      expect(body.connections).toEqual([]);
    }
  });
});

describe.each(['sent', 'received'] as const)('GET /v1/connections/{user_id}/%s', (direction) => {
  /** Creates a request in the listed direction: from `owner` when sent, to `owner` when received. */
  const requestFor = (tenant: Tenant, owner: SeededUser, other: SeededUser, message?: string) =>
    direction === 'sent' ? tenant.request(owner, other, message) : tenant.request(other, owner, message);
  /** The user who may answer a request created by `requestFor`. */
  const receiverOf = (owner: SeededUser, other: SeededUser) => (direction === 'sent' ? other : owner);

  it('should answer the documented shape with the other party as user and default pagination', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const requestId = await requestFor(tenant, alice, bob, "Let's connect!");

    const response = await list(alice, direction);

    expect(outcome(response)).toEqual({
      status: 200,
      body: {
        requests: [
          {
            id: requestId,
            user: otherParty(bob),
            status: 'pending',
            message: "Let's connect!",
            created_at: isoTimestamp,
            responded_at: null,
          },
        ],
        pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 10 },
      },
    });
  });

  it('should answer an empty list with zero totals for a user without requests', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');

    const response = await list(alice, direction);

    expect(outcome(response)).toEqual({
      status: 200,
      body: { requests: [], pagination: { current_page: 1, total_pages: 0, total_items: 0, per_page: 10 } },
    });
  });

  it('should list only the requests of this direction', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await threeUsers(tenant);
    const mine = await requestFor(tenant, alice, bob);
    // The opposite direction, with another user.
    if (direction === 'sent') await tenant.request(carol, alice);
    else await tenant.request(alice, carol);

    const { body } = await list(alice, direction);

    expect(body.requests.map((r) => r.id)).toEqual([mine]);
  });

  it('should list newest first', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await threeUsers(tenant);
    const dave = await tenant.user('dave');
    const ids = [];
    for (const other of [bob, carol, dave]) ids.push(await requestFor(tenant, alice, other));

    const { body } = await list(alice, direction);

    expect(body.requests.map((r) => [r.id, r.user.client_user_id])).toEqual([
      [ids[2], dave.id],
      [ids[1], carol.id],
      [ids[0], bob.id],
    ]);
    const times = body.requests.map((r) => Date.parse(r.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('should set status and responded_at once the request is answered', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await threeUsers(tenant);
    const toAccept = await requestFor(tenant, alice, bob);
    const toDecline = await requestFor(tenant, alice, carol);

    await respond('accept', receiverOf(alice, bob), toAccept);
    await respond('decline', receiverOf(alice, carol), toDecline);

    const { body } = await list(alice, direction);
    expect(body.requests).toEqual([
      expect.objectContaining({ id: toDecline, status: 'declined', responded_at: isoTimestamp }),
      expect.objectContaining({ id: toAccept, status: 'accepted', responded_at: isoTimestamp }),
    ]);
    for (const request of body.requests) {
      expect(Date.parse(request.responded_at!)).toBeGreaterThanOrEqual(Date.parse(request.created_at));
    }
  });

  it('should filter by status', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await threeUsers(tenant);
    const dave = await tenant.user('dave');
    const pending = await requestFor(tenant, alice, bob);
    const accepted = await requestFor(tenant, alice, carol);
    const declined = await requestFor(tenant, alice, dave);
    await respond('accept', receiverOf(alice, carol), accepted);
    await respond('decline', receiverOf(alice, dave), declined);

    const idsFor = async (query: string) => {
      const response = await list(alice, direction, query);
      expect(response.status).toBe(200);
      expect(response.body.pagination.total_items).toBe(response.body.requests.length);
      return response.body.requests.map((r) => [r.id, r.status]);
    };

    expect(await idsFor('?status=pending')).toEqual([[pending, 'pending']]);
    expect(await idsFor('?status=accepted')).toEqual([[accepted, 'accepted']]);
    expect(await idsFor('?status=declined')).toEqual([[declined, 'declined']]);
    const all = [
      [declined, 'declined'],
      [accepted, 'accepted'],
      [pending, 'pending'],
    ];
    expect(await idsFor('?status=all')).toEqual(all);
    expect(await idsFor('')).toEqual(all);
  });

  it.each([
    ['status=maybe', 'status'],
    ['status=PENDINGX', 'status'],
    ['per_page=51', 'per_page'],
    ['per_page=0', 'per_page'],
    ['per_page=-1', 'per_page'],
    ['per_page=ten', 'per_page'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    ['page=abc', 'page'],
    ['page=1.5', 'page'],
    ['page=99999999999', 'page'],
  ])('should answer 400 VALIDATION_FAILED for %s', async (query, parameter) => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await requestFor(tenant, alice, bob);

    const response = await list(alice, direction, `?${query}`);

    expect(outcome(response)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: expect.stringContaining(parameter), code: 'VALIDATION_FAILED' },
    });
  });

  it('should treat empty query parameters as absent', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await requestFor(tenant, alice, bob);

    const response = await list(alice, direction, '?status=&page=&per_page=');

    expect(response.status).toBe(200);
    expect(response.body).toEqual((await list(alice, direction)).body);
  });

  it('should page through 25 requests like the documented example', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const others = await Promise.all(Array.from({ length: 25 }, () => tenant.user('player')));
    const ids = await Promise.all(others.map((other) => requestFor(tenant, alice, other)));

    const pages = await Promise.all([1, 2, 3].map((page) => list(alice, direction, `?page=${page}&per_page=10`)));

    expect(pages.map((p) => p.status)).toEqual([200, 200, 200]);
    expect(pages.map((p) => p.body.pagination)).toEqual(
      [1, 2, 3].map((page) => ({
        current_page: page,
        total_pages: 3,
        total_items: 25,
        per_page: 10,
      })),
    );
    expect(pages.map((p) => p.body.requests.length)).toEqual([10, 10, 5]);
    const listed = pages.flatMap((p) => p.body.requests);
    expect(new Set(listed.map((r) => r.id))).toEqual(new Set(ids));
    // Newest first across pages; rows created in the same millisecond keep one fixed order
    // (the pages agree with the single page of 50 below, and with a second read).
    const times = listed.map((r) => Date.parse(r.created_at));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const defaults = await list(alice, direction);
    expect(defaults.body.pagination).toEqual({ current_page: 1, total_pages: 3, total_items: 25, per_page: 10 });
    expect(defaults.body.requests).toEqual(pages[0]!.body.requests);

    const everything = await list(alice, direction, '?per_page=50');
    expect(everything.body.pagination).toEqual({ current_page: 1, total_pages: 1, total_items: 25, per_page: 50 });
    expect(everything.body.requests).toEqual(listed);
  });

  it('should answer an empty list for a page past the end', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await threeUsers(tenant);
    await requestFor(tenant, alice, bob);
    await requestFor(tenant, alice, carol);

    const response = await list(alice, direction, '?page=3&per_page=1');

    expect(outcome(response)).toEqual({
      status: 200,
      body: { requests: [], pagination: { current_page: 3, total_pages: 2, total_items: 2, per_page: 1 } },
    });
  });

  it("should forbid a user token from reading another user's list", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await requestFor(tenant, alice, bob);

    const response = await list(alice, direction, '', bob.token);

    expect(outcome(response)).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: expect.any(String), code: 'FORBIDDEN' },
    });
  });

  it('should let a service token read any user of its tenant and answer 404 for an unknown user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const requestId = await requestFor(tenant, alice, bob);

    const known = await list(alice, direction, '', tenant.serviceToken);
    const unknown = await server.rest('GET', `/v1/connections/ghost/${direction}`, { token: tenant.serviceToken });

    expect(known.body.requests.map((r) => r.id)).toEqual([requestId]);
    expect(outcome(unknown)).toEqual({
      status: 404,
      body: { error: 'Resource not found', message: "User with ID 'ghost' does not exist", code: 'USER_NOT_FOUND' },
    });
  });
});
