import { afterEach, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { type LiveClient, liveClient } from '../../helpers/live.js';
import { as, ISO_TIME, outcome, stateOf, users } from '../../helpers/results.js';

/** A connection's presence while it has no socket open and was never online. */
const OFFLINE_PRESENCE = { status: 'offline', activity: null, join_info: null, last_seen_at: null };

/*
 * Blocking: PUT/DELETE /v1/users/{user_id}/blocked/{other_id}, GET /v1/users/{user_id}/blocked,
 * and blockUser / unblockUser / blockedUsers. A block ends everything between the two users in
 * one step and keeps them apart until it is lifted, without the blocked user learning of it.
 */
const server = useTestServer();

const clients: LiveClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

const BlockUser = graphql(`
  mutation TestBlockUser($userId: ID, $otherUserId: ID!) {
    blockUser(userId: $userId, otherUserId: $otherUserId) {
      __typename
      ... on Error { code message }
      ... on BlockUserPayload { message created blocked { blockedAt user { clientUserId displayName } } }
    }
  }
`);

const UnblockUser = graphql(`
  mutation TestUnblockUser($userId: ID, $otherUserId: ID!) {
    unblockUser(userId: $userId, otherUserId: $otherUserId) {
      __typename
      ... on Error { code message }
      ... on UnblockUserPayload { message user { clientUserId } }
    }
  }
`);

const BlockedUsers = graphql(`
  query TestBlockedUsers($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {
    blockedUsers(userId: $userId, page: $page, perPage: $perPage, first: $first, after: $after) {
      __typename
      ... on Error { code message }
      ... on BlockedUserPage {
        totalCount
        nodes { blockedAt user { clientUserId } }
        pageInfo { hasNextPage endCursor }
        pagination { currentPage totalPages totalItems perPage }
      }
    }
  }
`);

const BlockEvents = graphql(`
  subscription TestBlockEvents {
    connectionEvents {
      __typename
      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }
      ... on BlockChangedEvent { blocked user { clientUserId } }
      ... on ConnectionRequestClosedEvent { request { id status } }
      ... on UnreadCountChangedEvent { unreadCount }
    }
  }
`);

type Notification = {
  id: number;
  type: string;
  connection_request_id: number;
  other_user: { client_user_id: string; display_name: string };
  message: string;
  timestamp: string;
  read: boolean;
};

const block = (user: SeededUser, other: SeededUser | string, token = user.token) =>
  server.rest('PUT', `/v1/users/${user.id}/blocked/${typeof other === 'string' ? other : other.id}`, { token });

const unblock = (user: SeededUser, other: SeededUser | string, token = user.token) =>
  server.rest('DELETE', `/v1/users/${user.id}/blocked/${typeof other === 'string' ? other : other.id}`, { token });

const blockedList = (user: SeededUser, query = '', token = user.token) =>
  server.rest('GET', `/v1/users/${user.id}/blocked${query}`, { token });

const send = (from: SeededUser, to: SeededUser, message?: string) =>
  server.rest('POST', `/v1/connections/${from.id}/request`, {
    token: from.token,
    body: { receiver_id: to.id, ...(message !== undefined && { message }) },
  });

const party = (user: SeededUser) => ({ client_user_id: user.id, display_name: user.displayName });

async function notificationsOf(user: SeededUser): Promise<{ notifications: Notification[]; unread_count: number }> {
  const list = await server.rest('GET', `/v1/connections/${user.id}/notifications`, { token: user.token });
  return list.body;
}

async function requestOf(user: SeededUser, direction: 'sent' | 'received', id: number) {
  const list = await server.rest('GET', `/v1/connections/${user.id}/${direction}?per_page=50`, {
    token: user.token,
  });
  return list.body.requests.find((r: { id: number }) => r.id === id);
}

/** Everything the users can see, their blocks included, to prove that a refused call changed nothing. */
async function everything(...people: SeededUser[]) {
  const graph = await stateOf(server, ...people);
  const blocks = await Promise.all(people.map(async (user) => (await blockedList(user, '?per_page=50')).body));
  return { graph, blocks };
}

const notFoundUser = (id: string) => ({
  status: 404,
  body: { error: 'Resource not found', message: `User with ID '${id}' does not exist`, code: 'USER_NOT_FOUND' },
});

async function pair(tenant: Tenant) {
  return users(tenant, 'alice', 'bob');
}

describe('PUT /v1/users/{user_id}/blocked/{other_id}', () => {
  it('should answer 201 with the blocked user, then 200 with the same block when repeated', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);

    const first = await block(alice, bob);
    const again = await block(alice, bob);

    expect(outcome(first)).toEqual({
      status: 201,
      body: { message: 'User blocked', blocked: { ...party(bob), blocked_at: ISO_TIME } },
    });
    expect(outcome(again)).toEqual({ status: 200, body: first.body });
    expect((await blockedList(alice)).body).toEqual({
      blocked: [first.body.blocked],
      pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 10 },
    });
    // The block is the blocker's alone.
    expect((await blockedList(bob)).body.blocked).toEqual([]);
  });

  it('should remove the connection for both users and keep the connection counts right', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const connectionId = await tenant.connect(alice, bob);
    const withCarol = await tenant.connect(bob, carol);
    const bobsNotifications = await notificationsOf(bob);

    expect((await block(alice, bob)).status).toBe(201);

    const active = async (user: SeededUser) =>
      (await server.rest('GET', `/v1/connections/${user.id}/active`, { token: user.token })).body;
    expect(await active(alice)).toEqual({
      connections: [],
      pagination: { current_page: 1, total_pages: 0, total_items: 0, per_page: 10 },
    });
    expect(await active(bob)).toEqual({
      connections: [
        {
          id: withCarol,
          connected_user: party(carol),
          connected_since: ISO_TIME,
          presence: OFFLINE_PRESENCE,
          nickname: null,
          note: null,
          favorite: false,
        },
      ],
      pagination: { current_page: 1, total_pages: 1, total_items: 1, per_page: 10 },
    });
    // The connection is gone: removing it now is a 404 for either side.
    const removed = await server.rest('DELETE', `/v1/connections/${bob.id}/${connectionId}`, { token: bob.token });
    expect(removed.status).toBe(404);
    // The blocked user is not notified of anything.
    expect(await notificationsOf(bob)).toEqual(bobsNotifications);
  });

  it("should withdraw the blocker's own pending request exactly as its sender would", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    const requestId = await tenant.request(alice, bob, 'Hi Bob');
    expect((await notificationsOf(bob)).unread_count).toBe(1);

    expect((await block(alice, bob)).status).toBe(201);

    expect(await requestOf(alice, 'sent', requestId)).toEqual({
      id: requestId,
      user: party(bob),
      status: 'cancelled',
      message: 'Hi Bob',
      created_at: ISO_TIME,
      responded_at: ISO_TIME,
    });
    expect(await requestOf(bob, 'received', requestId)).toMatchObject({ status: 'cancelled', user: party(alice) });
    // bob sees a withdrawal, already read: his badge clears, nothing mentions a block.
    const bobs = await notificationsOf(bob);
    expect(bobs.unread_count).toBe(0);
    expect(bobs.notifications.map((n) => [n.type, n.connection_request_id, n.other_user, n.read])).toEqual([
      ['request_cancelled', requestId, party(alice), true],
      ['new_request', requestId, party(alice), true],
    ]);
    expect((await notificationsOf(alice)).notifications).toEqual([]);
    // Nothing is left for bob to answer.
    const accept = await server.rest('POST', `/v1/connections/${bob.id}/accept/${requestId}`, { token: bob.token });
    expect(outcome(accept)).toEqual({
      status: 409,
      body: { error: 'Conflict', message: 'Request already processed', code: 'REQUEST_ALREADY_PROCESSED' },
    });
  });

  it("should decline the blocked user's pending request silently", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    const requestId = await tenant.request(bob, alice, 'Hi Alice');
    const bobsBefore = await notificationsOf(bob);

    expect((await block(alice, bob)).status).toBe(201);

    // An ordinary decline for bob, but without a request_declined notification.
    expect(await requestOf(bob, 'sent', requestId)).toEqual({
      id: requestId,
      user: party(alice),
      status: 'declined',
      message: 'Hi Alice',
      created_at: ISO_TIME,
      responded_at: ISO_TIME,
    });
    expect(await notificationsOf(bob)).toEqual(bobsBefore);
    // alice's new_request notification no longer asks for anything.
    const alices = await notificationsOf(alice);
    expect(alices.unread_count).toBe(0);
    expect(alices.notifications.map((n) => [n.type, n.connection_request_id, n.read])).toEqual([
      ['new_request', requestId, true],
    ]);
    expect(await requestOf(alice, 'received', requestId)).toMatchObject({ status: 'declined' });
  });

  it('should end a connection and leave nothing pending, whoever blocks, in one step', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    await tenant.connect(alice, bob);

    expect((await block(bob, alice)).status).toBe(201);

    for (const user of [alice, bob]) {
      for (const list of ['sent', 'received']) {
        const pending = await server.rest('GET', `/v1/connections/${user.id}/${list}?status=pending`, {
          token: user.token,
        });
        expect(pending.body.requests).toEqual([]);
      }
    }
  });

  it('should keep the two apart: the blocked user gets the privacy answer, the blocker 409 USER_BLOCKED', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, private_] = await users(tenant, 'alice', 'bob', 'private');
    await server.rest('PUT', `/v1/users/${private_.id}/settings`, {
      token: private_.token,
      body: { accept_requests_from: 'nobody' },
    });
    await block(alice, bob);
    const before = await everything(alice, bob);

    const fromBlocked = await send(bob, alice, 'Please?');
    const fromBlocker = await send(alice, bob);

    // Exactly what a user whose setting is nobody answers: the block is not revealed.
    const fromSetting = await send(bob, private_);
    expect(outcome(fromBlocked)).toEqual(outcome(fromSetting));
    expect(outcome(fromBlocked)).toEqual({
      status: 403,
      body: {
        error: 'Forbidden',
        message: 'This user does not accept connection requests from you',
        code: 'REQUESTS_NOT_ACCEPTED',
      },
    });
    expect(outcome(fromBlocker)).toEqual({
      status: 409,
      body: { error: 'Conflict', message: 'You have blocked this user; unblock them first', code: 'USER_BLOCKED' },
    });
    // The blocker hears nothing from the blocked user.
    expect(await everything(alice, bob)).toEqual(before);
  });

  it('should keep each direction apart when both block each other, until both unblock', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    await block(alice, bob);
    expect((await block(bob, alice)).status).toBe(201);

    expect((await send(bob, alice)).body.code).toBe('USER_BLOCKED');
    await unblock(bob, alice);
    expect((await send(bob, alice)).body.code).toBe('REQUESTS_NOT_ACCEPTED');
    expect((await send(alice, bob)).body.code).toBe('USER_BLOCKED');
    await unblock(alice, bob);
    expect((await send(alice, bob)).status).toBe(201);
  });

  it('should answer 400 CANNOT_BLOCK_SELF for the user itself', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    const before = await everything(alice);

    const response = await block(alice, alice);

    expect(outcome(response)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: 'Cannot block yourself', code: 'CANNOT_BLOCK_SELF' },
    });
    expect(await everything(alice)).toEqual(before);
  });

  it('should answer 404 USER_NOT_FOUND for an unknown user, a user of another tenant, or an unknown blocker', async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    await users(other, 'x', 'y');
    const [stranger] = await users(other, 'stranger');
    const before = await everything(alice);

    expect(outcome(await block(alice, 'ghost'))).toEqual(notFoundUser('ghost'));
    expect(outcome(await block(alice, stranger!.id))).toEqual(notFoundUser(stranger!.id));
    const byGhost = await server.rest('PUT', `/v1/users/ghost/blocked/${alice.id}`, { token: tenant.serviceToken });
    expect(outcome(byGhost)).toEqual(notFoundUser('ghost'));
    expect(await everything(alice)).toEqual(before);
  });

  it('should forbid a user token from blocking as another user, and let a service token', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, mallory] = await users(tenant, 'alice', 'bob', 'mallory');
    await tenant.connect(alice, bob);
    const before = await everything(alice, bob, mallory);

    const forbidden = await block(alice, bob, mallory.token);

    expect(outcome(forbidden)).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: `Not authorized to act as user '${alice.id}'`, code: 'FORBIDDEN' },
    });
    expect(await everything(alice, bob, mallory)).toEqual(before);
    const byService = await block(alice, bob, tenant.serviceToken);
    expect(outcome(byService)).toEqual({
      status: 201,
      body: { message: 'User blocked', blocked: { ...party(bob), blocked_at: ISO_TIME } },
    });
    expect((await blockedList(alice, '', tenant.serviceToken)).body.blocked).toEqual([byService.body.blocked]);
  });

  it('should keep blocks within their tenant', async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    const [otherAlice, otherBob] = await pair(other);
    expect([otherAlice.id, otherBob.id]).toEqual([alice.id, bob.id]);

    await block(alice, bob);

    expect((await blockedList(otherAlice)).body.blocked).toEqual([]);
    expect((await send(otherBob, otherAlice)).status).toBe(201);
    expect((await send(bob, alice)).status).toBe(403);
  });
});

describe('DELETE /v1/users/{user_id}/blocked/{other_id}', () => {
  it('should lift the block, restore nothing, and let the two connect again', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    const connectionId = await tenant.connect(alice, bob);
    await block(alice, bob);
    const afterBlock = await stateOf(server, alice, bob);

    const response = await unblock(alice, bob);

    expect(outcome(response)).toEqual({ status: 200, body: { message: 'User unblocked' } });
    expect((await blockedList(alice)).body.blocked).toEqual([]);
    // Nothing comes back: no connection, no request, no notification.
    expect(await stateOf(server, alice, bob)).toEqual(afterBlock);
    const removed = await server.rest('DELETE', `/v1/connections/${alice.id}/${connectionId}`, { token: alice.token });
    expect(removed.status).toBe(404);
    // Either may ask again.
    expect((await send(bob, alice)).status).toBe(201);
  });

  it('should answer 404 BLOCK_NOT_FOUND when there is no such block, and when unblocking twice', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    await block(bob, alice);
    const before = await everything(alice, bob);
    const blockNotFound = {
      status: 404,
      body: {
        error: 'Resource not found',
        message: `Block of the user with ID '${bob.id}' does not exist`,
        code: 'BLOCK_NOT_FOUND',
      },
    };

    // bob blocks alice, not the other way round.
    expect(outcome(await unblock(alice, bob))).toEqual(blockNotFound);
    expect(await everything(alice, bob)).toEqual(before);

    expect((await unblock(bob, alice)).status).toBe(200);
    expect(outcome(await unblock(bob, alice))).toMatchObject({ status: 404, body: { code: 'BLOCK_NOT_FOUND' } });
    expect(outcome(await unblock(alice, alice))).toMatchObject({ status: 404, body: { code: 'BLOCK_NOT_FOUND' } });
  });

  it('should answer 404 USER_NOT_FOUND for an unknown user and 403 FORBIDDEN as another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    await block(alice, bob);
    const before = await everything(alice, bob);

    expect(outcome(await unblock(alice, 'ghost'))).toEqual(notFoundUser('ghost'));
    expect(outcome(await unblock(alice, bob, bob.token))).toMatchObject({
      status: 403,
      body: { error: 'Forbidden', code: 'FORBIDDEN' },
    });
    expect(await everything(alice, bob)).toEqual(before);
  });
});

describe('GET /v1/users/{user_id}/blocked', () => {
  it('should list newest first and paginate like the other lists', async () => {
    const tenant = await createTenant(server);
    const [alice, ...others] = await users(tenant, 'alice', 'p', 'p', 'p', 'p', 'p');
    const blockedAt: string[] = [];
    for (const other of others) blockedAt.push((await block(alice, other)).body.blocked.blocked_at);
    const newestFirst = others.map((other, i) => ({ ...party(other), blocked_at: blockedAt[i] })).reverse();

    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push((await blockedList(alice, `?page=${page}&per_page=2`)).body);

    expect(pages).toEqual(
      [newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4), []].map((blocked, i) => ({
        blocked,
        pagination: { current_page: i + 1, total_pages: 3, total_items: 5, per_page: 2 },
      })),
    );
    expect((await blockedList(alice)).body).toEqual({
      blocked: newestFirst,
      pagination: { current_page: 1, total_pages: 1, total_items: 5, per_page: 10 },
    });
  });

  it.each([
    ['per_page=51', 'per_page'],
    ['per_page=0', 'per_page'],
    ['page=0', 'page'],
    ['page=x', 'page'],
  ])('should answer 400 VALIDATION_FAILED for %s', async (query, parameter) => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    expect(outcome(await blockedList(alice, `?${query}`))).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: expect.stringContaining(parameter), code: 'VALIDATION_FAILED' },
    });
  });

  it("should forbid reading another user's blocks and answer 404 for an unknown user", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    await block(alice, bob);

    expect(outcome(await blockedList(alice, '', bob.token))).toMatchObject({
      status: 403,
      body: { code: 'FORBIDDEN' },
    });
    expect(outcome(await server.rest('GET', '/v1/users/ghost/blocked', { token: tenant.serviceToken }))).toEqual(
      notFoundUser('ghost'),
    );
  });
});

describe('GraphQL blockUser, unblockUser and blockedUsers', () => {
  it('should mirror the REST face in camelCase', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    await tenant.connect(alice, bob);

    const blocked = await server.graphql(BlockUser, { otherUserId: bob.id }, alice.token);
    const payload = as(blocked.body.data?.blockUser, 'BlockUserPayload');
    expect(payload).toEqual({
      __typename: 'BlockUserPayload',
      message: 'User blocked',
      created: true,
      blocked: { blockedAt: ISO_TIME, user: { clientUserId: bob.id, displayName: bob.displayName } },
    });
    const again = await server.graphql(BlockUser, { otherUserId: bob.id }, alice.token);
    expect(again.body.data?.blockUser).toEqual({ ...payload, created: false });
    await server.graphql(BlockUser, { userId: alice.id, otherUserId: carol.id }, tenant.serviceToken);

    // Cursor pages as well as page numbers.
    const first = as(
      (await server.graphql(BlockedUsers, { first: 1 }, alice.token)).body.data?.blockedUsers,
      'BlockedUserPage',
    );
    expect(first.nodes.map((n) => n.user.clientUserId)).toEqual([carol.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pagination).toBeNull();
    const second = as(
      (await server.graphql(BlockedUsers, { first: 1, after: first.pageInfo.endCursor }, alice.token)).body.data
        ?.blockedUsers,
      'BlockedUserPage',
    );
    expect(second.nodes).toEqual([{ blockedAt: payload.blocked.blockedAt, user: { clientUserId: bob.id } }]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const byPage = as(
      (await server.graphql(BlockedUsers, { page: 1 }, alice.token)).body.data?.blockedUsers,
      'BlockedUserPage',
    );
    expect(byPage.totalCount).toBe(2);
    expect(byPage.pagination).toEqual({ currentPage: 1, totalPages: 1, totalItems: 2, perPage: 10 });

    const lifted = await server.graphql(UnblockUser, { otherUserId: bob.id }, alice.token);
    expect(lifted.body.data?.unblockUser).toEqual({
      __typename: 'UnblockUserPayload',
      message: 'User unblocked',
      user: { clientUserId: bob.id },
    });
    const missing = await server.graphql(UnblockUser, { otherUserId: bob.id }, alice.token);
    expect(missing.body.data?.unblockUser).toEqual({
      __typename: 'NotFoundError',
      code: 'BLOCK_NOT_FOUND',
      message: `Block of the user with ID '${bob.id}' does not exist`,
    });
  });

  it('should answer typed errors and change nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    const before = await everything(alice, bob);

    const self = await server.graphql(BlockUser, { otherUserId: alice.id }, alice.token);
    expect(self.body.data?.blockUser).toEqual({
      __typename: 'ValidationError',
      code: 'CANNOT_BLOCK_SELF',
      message: 'Cannot block yourself',
    });
    const ghost = await server.graphql(BlockUser, { otherUserId: 'ghost' }, alice.token);
    expect(ghost.body.data?.blockUser).toEqual({
      __typename: 'NotFoundError',
      code: 'USER_NOT_FOUND',
      message: "User with ID 'ghost' does not exist",
    });
    const forbidden = await server.graphql(BlockUser, { userId: alice.id, otherUserId: bob.id }, bob.token);
    expect(forbidden.body.data?.blockUser).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    const list = await server.graphql(BlockedUsers, { userId: alice.id }, bob.token);
    expect(list.body.data?.blockedUsers).toMatchObject({ __typename: 'ForbiddenError', code: 'FORBIDDEN' });
    expect(await everything(alice, bob)).toEqual(before);
  });
});

describe('live events of a block', () => {
  function subscribe(user: SeededUser) {
    const client = liveClient(server.url, user.token);
    clients.push(client);
    return client.subscribe(BlockEvents, {});
  }

  it('should tell both friends panels of the removed connection and only the blocker of the block', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await pair(tenant);
    const connectionId = String(await tenant.connect(alice, bob));
    const aliceFeed = subscribe(alice);
    const bobFeed = subscribe(bob);
    await aliceFeed.take(1);
    await bobFeed.take(1);

    await block(alice, bob);
    await unblock(alice, bob);

    expect((await aliceFeed.take(4)).slice(1).map((e) => e.connectionEvents)).toEqual([
      { __typename: 'ConnectionRemovedEvent', connectionId, connectedUser: { clientUserId: bob.id } },
      { __typename: 'BlockChangedEvent', blocked: true, user: { clientUserId: bob.id } },
      { __typename: 'BlockChangedEvent', blocked: false, user: { clientUserId: bob.id } },
    ]);
    await bobFeed.take(2);
    const bobs = (await bobFeed.settle()).slice(1).map((e) => e.connectionEvents);
    expect(bobs).toEqual([
      { __typename: 'ConnectionRemovedEvent', connectionId, connectedUser: { clientUserId: alice.id } },
    ]);
  });

  it("should tell both of the blocker's withdrawn request, and clear the blocker's count for the declined one", async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const toBob = String(await tenant.request(alice, bob));
    await tenant.request(carol, alice);
    const aliceFeed = subscribe(alice);
    const bobFeed = subscribe(bob);
    const carolFeed = subscribe(carol);
    expect((await aliceFeed.take(1))[0]!.connectionEvents).toEqual({
      __typename: 'UnreadCountChangedEvent',
      unreadCount: 1,
    });
    expect((await bobFeed.take(1))[0]!.connectionEvents).toEqual({
      __typename: 'UnreadCountChangedEvent',
      unreadCount: 1,
    });
    await carolFeed.take(1);

    await block(alice, bob);
    await block(alice, carol);

    expect((await aliceFeed.take(5)).slice(1).map((e) => e.connectionEvents)).toEqual([
      { __typename: 'ConnectionRequestClosedEvent', request: { id: toBob, status: 'CANCELLED' } },
      { __typename: 'BlockChangedEvent', blocked: true, user: { clientUserId: bob.id } },
      { __typename: 'UnreadCountChangedEvent', unreadCount: 0 },
      { __typename: 'BlockChangedEvent', blocked: true, user: { clientUserId: carol.id } },
    ]);
    expect((await bobFeed.take(3)).slice(1).map((e) => e.connectionEvents)).toEqual([
      { __typename: 'UnreadCountChangedEvent', unreadCount: 0 },
      { __typename: 'ConnectionRequestClosedEvent', request: { id: toBob, status: 'CANCELLED' } },
    ]);
    // carol, declined silently, hears nothing.
    expect((await carolFeed.settle()).slice(1)).toEqual([]);
  });
});
