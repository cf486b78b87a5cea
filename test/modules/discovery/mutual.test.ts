import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { onTestQuery } from '../../helpers/database.js';
import { as, outcome, users } from '../../helpers/results.js';
import { insertBlock, party } from './graph-fixtures.js';

/*
 * Mutual connections: GET /v1/connections/{user_id}/mutual/{other_id}, GraphQL
 * `mutualConnections`, and the batched counts `ConnectionRequest.mutualConnectionCount` and
 * `User.mutualConnectionCount(withUserId)`.
 */
const server = useTestServer();

const MutualConnections = graphql(`
  query TestMutualConnections($userId: ID, $otherUserId: ID!, $page: Int, $perPage: Int, $first: Int, $after: String) {
    mutualConnections(userId: $userId, otherUserId: $otherUserId, page: $page, perPage: $perPage, first: $first, after: $after) {
      __typename
      ... on Error { code message }
      ... on MutualConnectionPage {
        total
        totalCount
        nodes { clientUserId displayName }
        pageInfo { hasNextPage endCursor }
        pagination { currentPage totalPages totalItems perPage }
      }
    }
  }
`);

const ReceivedWithCounts = graphql(`
  query TestMutualReceivedWithCounts($userId: ID, $perPage: Int) {
    receivedConnectionRequests(userId: $userId, perPage: $perPage, status: PENDING) {
      __typename
      ... on ConnectionRequestPage {
        nodes { mutualConnectionCount sender { clientUserId mutualConnectionCount } }
      }
    }
  }
`);

const SentWithCounts = graphql(`
  query TestMutualSentWithCounts($userId: ID) {
    sentConnectionRequests(userId: $userId, status: PENDING) {
      __typename
      ... on ConnectionRequestPage {
        nodes { mutualConnectionCount receiver { clientUserId } }
      }
    }
  }
`);

const ConnectionsWithCounts = graphql(`
  query TestMutualConnectionsWithCounts($userId: ID, $perPage: Int, $withUserId: ID) {
    activeConnections(userId: $userId, perPage: $perPage) {
      __typename
      ... on ConnectionPage {
        nodes { connectedUser { clientUserId mutualConnectionCount(withUserId: $withUserId) } }
      }
    }
  }
`);

const UserWithCount = graphql(`
  query TestMutualUserWithCount($userId: ID, $withUserId: ID) {
    user(userId: $userId) {
      __typename
      ... on Error { code }
      ... on User { clientUserId mutualConnectionCount(withUserId: $withUserId) }
    }
  }
`);

const SendRequest = graphql(`
  mutation TestMutualSendRequest($userId: ID, $receiverId: ID!) {
    sendConnectionRequest(userId: $userId, receiverId: $receiverId) {
      __typename
      ... on Error { code message }
      ... on SendConnectionRequestPayload { request { id } }
    }
  }
`);

const AcceptRequest = graphql(`
  mutation TestMutualAcceptRequest($userId: ID, $requestId: ID!) {
    acceptConnectionRequest(userId: $userId, requestId: $requestId) {
      __typename
      ... on Error { code message }
    }
  }
`);

function mutual(user: SeededUser, otherId: string, query = '', token = user.token) {
  return server.rest('GET', `/v1/connections/${user.id}/mutual/${encodeURIComponent(otherId)}${query}`, { token });
}

const pagination = (current_page: number, total_pages: number, total_items: number, per_page = 10) => ({
  current_page,
  total_pages,
  total_items,
  per_page,
});

/**
 * Alice and Bob share Carol, Dave and Erin; Frank knows only Alice, Gina only Bob. The later of
 * each shared pair of connections is made last for Dave, then Carol, then Erin, so the list,
 * newest mutual connection first, is Dave, Carol, Erin.
 */
async function sharedCircle() {
  const tenant = await createTenant(server);
  const [alice, bob, carol, dave, erin, frank, gina] = await users(
    tenant,
    'alice',
    'bob',
    'carol',
    'dave',
    'erin',
    'frank',
    'gina',
  );
  await tenant.connect(alice, carol);
  await tenant.connect(dave, alice);
  await tenant.connect(alice, erin);
  await tenant.connect(alice, frank);
  await tenant.connect(erin, bob);
  await tenant.connect(bob, carol);
  await tenant.connect(bob, dave);
  await tenant.connect(gina, bob);
  return { tenant, alice, bob, carol, dave, erin, frank, gina };
}

describe('GET /v1/connections/{user_id}/mutual/{other_id}', () => {
  it('should list the shared connections, newest mutual connection first, with their total', async () => {
    const { alice, bob, carol, dave, erin } = await sharedCircle();

    expect(outcome(await mutual(alice, bob.id))).toEqual({
      status: 200,
      body: {
        mutual_connections: [party(dave), party(carol), party(erin)],
        total: 3,
        pagination: pagination(1, 1, 3),
      },
    });
    // The same list from the other side.
    expect(outcome(await mutual(bob, alice.id))).toEqual({
      status: 200,
      body: {
        mutual_connections: [party(dave), party(carol), party(erin)],
        total: 3,
        pagination: pagination(1, 1, 3),
      },
    });
  });

  it('should page with page and per_page, the total counting the whole list', async () => {
    const { alice, bob, carol, dave, erin } = await sharedCircle();

    expect(outcome(await mutual(alice, bob.id, '?per_page=2'))).toEqual({
      status: 200,
      body: { mutual_connections: [party(dave), party(carol)], total: 3, pagination: pagination(1, 2, 3, 2) },
    });
    expect(outcome(await mutual(alice, bob.id, '?page=2&per_page=2'))).toEqual({
      status: 200,
      body: { mutual_connections: [party(erin)], total: 3, pagination: pagination(2, 2, 3, 2) },
    });
    expect(outcome(await mutual(alice, bob.id, '?page=3&per_page=2'))).toEqual({
      status: 200,
      body: { mutual_connections: [], total: 3, pagination: pagination(3, 2, 3, 2) },
    });
  });

  it('should answer an empty list for users who share no connection, connected or not', async () => {
    const { alice, frank, gina } = await sharedCircle();
    const empty = { status: 200, body: { mutual_connections: [], total: 0, pagination: pagination(1, 0, 0) } };

    // Alice and Frank are connected, but Frank has no other connection.
    expect(outcome(await mutual(alice, frank.id))).toEqual(empty);
    expect(outcome(await mutual(frank, gina.id))).toEqual(empty);
  });

  it('should count only accepted connections that still exist', async () => {
    const { tenant, alice, bob, carol, dave, erin } = await sharedCircle();
    const [hal, ivy] = await users(tenant, 'hal', 'ivy');
    // Pending and declined requests are not connections.
    await tenant.request(hal, alice);
    await tenant.request(hal, bob);
    const declined = await tenant.request(ivy, alice);
    await server.rest('POST', `/v1/connections/${alice.id}/decline/${declined}`, { token: alice.token });
    await tenant.connect(ivy, bob);
    // A removed connection no longer counts.
    const active = await server.rest('GET', `/v1/connections/${alice.id}/active?per_page=50`, { token: alice.token });
    const withCarol = active.body.connections.find(
      (c: { connected_user: { client_user_id: string } }) => c.connected_user.client_user_id === carol.id,
    );
    expect(
      (await server.rest('DELETE', `/v1/connections/${alice.id}/${withCarol.id}`, { token: alice.token })).status,
    ).toBe(200);

    expect(outcome(await mutual(alice, bob.id))).toEqual({
      status: 200,
      body: { mutual_connections: [party(dave), party(erin)], total: 2, pagination: pagination(1, 1, 2) },
    });
  });

  it('should hide users who have a block with either of the two, from the list and the total', async () => {
    const { tenant, alice, bob, carol, dave, erin, frank } = await sharedCircle();
    // Rows as they may predate the rule that a block removes the connection: the connections stay.
    await insertBlock(server, tenant, alice, dave); // the acting user blocked Dave
    await insertBlock(server, tenant, erin, bob); // Erin blocked the other user
    await insertBlock(server, tenant, carol, frank); // a block elsewhere hides nobody

    const expected = {
      status: 200,
      body: { mutual_connections: [party(carol)], total: 1, pagination: pagination(1, 1, 1) },
    };
    expect(outcome(await mutual(alice, bob.id))).toEqual(expected);
    expect(outcome(await mutual(bob, alice.id))).toEqual(expected);
  });

  it('should not change for a block between the two users themselves, which it would reveal', async () => {
    const { tenant, alice, bob, carol, dave, erin } = await sharedCircle();
    await insertBlock(server, tenant, bob, alice);

    expect(outcome(await mutual(alice, bob.id))).toEqual({
      status: 200,
      body: { mutual_connections: [party(dave), party(carol), party(erin)], total: 3, pagination: pagination(1, 1, 3) },
    });
  });

  it('should answer 404 USER_NOT_FOUND for an unknown other user, or one of another tenant', async () => {
    const { alice } = await sharedCircle();
    const elsewhere = await (await createTenant(server)).user('zed');
    const notFound = (id: string) => ({
      status: 404,
      body: { error: 'Resource not found', message: `User with ID '${id}' does not exist`, code: 'USER_NOT_FOUND' },
    });

    expect(outcome(await mutual(alice, 'ghost'))).toEqual(notFound('ghost'));
    expect(outcome(await mutual(alice, elsewhere.id))).toEqual(notFound(elsewhere.id));
  });

  it('should refuse the same user on both sides with 400 VALIDATION_FAILED', async () => {
    const { alice } = await sharedCircle();

    expect(outcome(await mutual(alice, alice.id))).toEqual({
      status: 400,
      body: {
        error: 'Bad Request',
        message: 'Mutual connections are between two different users',
        code: 'VALIDATION_FAILED',
      },
    });
  });

  it('should refuse bad page arguments with 400 VALIDATION_FAILED', async () => {
    const { alice, bob } = await sharedCircle();

    expect(outcome(await mutual(alice, bob.id, '?per_page=51'))).toEqual({
      status: 400,
      body: {
        error: 'Bad Request',
        message: 'per_page (perPage) must be an integer between 1 and 50',
        code: 'VALIDATION_FAILED',
      },
    });
    expect((await mutual(alice, bob.id, '?page=0')).status).toBe(400);
    expect((await mutual(alice, bob.id, '?page=x')).status).toBe(400);
  });

  it('should let a user token act only as itself, and a service token as any user of its tenant', async () => {
    const { tenant, alice, bob, carol, dave, erin } = await sharedCircle();

    expect(outcome(await mutual(alice, bob.id, '', carol.token))).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: `Not authorized to act as user '${alice.id}'`, code: 'FORBIDDEN' },
    });
    expect(outcome(await mutual(alice, bob.id, '', tenant.serviceToken))).toEqual({
      status: 200,
      body: { mutual_connections: [party(dave), party(carol), party(erin)], total: 3, pagination: pagination(1, 1, 3) },
    });
    const ghost = { id: 'ghost', displayName: '', token: tenant.serviceToken };
    expect(outcome(await mutual(ghost, bob.id))).toEqual({
      status: 404,
      body: { error: 'Resource not found', message: "User with ID 'ghost' does not exist", code: 'USER_NOT_FOUND' },
    });
    expect((await mutual(alice, bob.id, '', null as unknown as string)).status).toBe(401);
  });
});

describe('GraphQL mutualConnections', () => {
  it('should answer the page with total, totalCount and pagination', async () => {
    const { alice, bob, carol, dave, erin } = await sharedCircle();

    const { body } = await server.graphql(MutualConnections, { otherUserId: bob.id }, alice.token);

    expect(as(body.data?.mutualConnections, 'MutualConnectionPage')).toEqual({
      __typename: 'MutualConnectionPage',
      total: 3,
      totalCount: 3,
      nodes: [dave, carol, erin].map((u) => ({ clientUserId: u.id, displayName: u.displayName })),
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
      pagination: { currentPage: 1, totalPages: 1, totalItems: 3, perPage: 10 },
    });
  });

  it('should scroll with first and after, without pagination', async () => {
    const { alice, bob, carol, dave, erin } = await sharedCircle();

    const first = as(
      (await server.graphql(MutualConnections, { otherUserId: bob.id, first: 2 }, alice.token)).body.data
        ?.mutualConnections,
      'MutualConnectionPage',
    );
    expect(first.nodes.map((n) => n.clientUserId)).toEqual([dave.id, carol.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.pagination).toBeNull();
    const rest = as(
      (
        await server.graphql(
          MutualConnections,
          { otherUserId: bob.id, first: 2, after: first.pageInfo.endCursor },
          alice.token,
        )
      ).body.data?.mutualConnections,
      'MutualConnectionPage',
    );
    expect(rest.nodes.map((n) => n.clientUserId)).toEqual([erin.id]);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(rest.total).toBe(3);
  });

  it('should answer typed errors', async () => {
    const { alice, bob, carol } = await sharedCircle();
    const result = async (variables: { userId?: string; otherUserId: string }, token: string) =>
      (await server.graphql(MutualConnections, variables, token)).body.data?.mutualConnections;

    expect(await result({ otherUserId: 'ghost' }, alice.token)).toEqual({
      __typename: 'NotFoundError',
      code: 'USER_NOT_FOUND',
      message: "User with ID 'ghost' does not exist",
    });
    expect(await result({ otherUserId: alice.id }, alice.token)).toEqual({
      __typename: 'ValidationError',
      code: 'VALIDATION_FAILED',
      message: 'Mutual connections are between two different users',
    });
    expect(await result({ userId: alice.id, otherUserId: bob.id }, carol.token)).toEqual({
      __typename: 'ForbiddenError',
      code: 'FORBIDDEN',
      message: `Not authorized to act as user '${alice.id}'`,
    });
  });
});

describe('mutualConnectionCount', () => {
  it('should show on a request how many connections its sender and receiver share, to both', async () => {
    const { tenant, alice, bob, frank, gina } = await sharedCircle();
    await tenant.request(bob, alice);
    await tenant.request(gina, frank);

    const received = await server.graphql(ReceivedWithCounts, {}, alice.token);
    expect(as(received.body.data?.receivedConnectionRequests, 'ConnectionRequestPage').nodes).toEqual([
      { mutualConnectionCount: 3, sender: { clientUserId: bob.id, mutualConnectionCount: 3 } },
    ]);
    const sent = await server.graphql(SentWithCounts, {}, bob.token);
    expect(as(sent.body.data?.sentConnectionRequests, 'ConnectionRequestPage').nodes).toEqual([
      { mutualConnectionCount: 3, receiver: { clientUserId: alice.id } },
    ]);
    const none = await server.graphql(ReceivedWithCounts, {}, frank.token);
    expect(as(none.body.data?.receivedConnectionRequests, 'ConnectionRequestPage').nodes).toEqual([
      { mutualConnectionCount: 0, sender: { clientUserId: gina.id, mutualConnectionCount: 0 } },
    ]);
  });

  it('should not count users who have a block with either side', async () => {
    const { tenant, alice, bob, dave } = await sharedCircle();
    await tenant.request(bob, alice);
    await insertBlock(server, tenant, dave, alice);

    const received = await server.graphql(ReceivedWithCounts, {}, alice.token);
    expect(as(received.body.data?.receivedConnectionRequests, 'ConnectionRequestPage').nodes).toEqual([
      { mutualConnectionCount: 2, sender: { clientUserId: bob.id, mutualConnectionCount: 2 } },
    ]);
  });

  it('should compare a user with withUserId: by default the token’s own user, null for none or itself', async () => {
    const { tenant, alice, bob, carol } = await sharedCircle();
    const count = async (token: string, variables: { userId?: string; withUserId?: string }) => {
      const { body } = await server.graphql(UserWithCount, variables, token);
      return { data: body.data?.user, codes: body.errors?.map((e) => e.extensions?.code) };
    };
    const answer = (userId: string, mutualConnectionCount: number | null) => ({
      data: { __typename: 'User', clientUserId: userId, mutualConnectionCount },
      codes: undefined,
    });

    // A service token names both users; its own subject is no user of the tenant.
    expect(await count(tenant.serviceToken, { userId: bob.id, withUserId: alice.id })).toEqual(answer(bob.id, 3));
    expect(await count(tenant.serviceToken, { userId: bob.id })).toEqual(answer(bob.id, null));
    expect(await count(tenant.serviceToken, { userId: bob.id, withUserId: bob.id })).toEqual(answer(bob.id, null));
    expect(await count(tenant.serviceToken, { userId: bob.id, withUserId: 'ghost' })).toEqual(answer(bob.id, null));
    expect(await count(tenant.serviceToken, { userId: bob.id, withUserId: 'x'.repeat(129) })).toEqual(
      answer(bob.id, null),
    );
    // A user token compares with its own user only.
    expect(await count(alice.token, {})).toEqual(answer(alice.id, null));
    expect(await count(alice.token, { withUserId: alice.id })).toEqual(answer(alice.id, null));
    expect(await count(alice.token, { withUserId: carol.id })).toEqual({
      data: { __typename: 'User', clientUserId: alice.id, mutualConnectionCount: null },
      codes: ['FORBIDDEN'],
    });
  });
});

/**
 * `hub` connected to `size` friends and to `inbox`; each friend has sent `inbox` a request. So
 * every friend shares exactly the hub with `inbox`.
 */
async function network(size: number) {
  const tenant = await createTenant(server);
  const [hub, inbox] = await users(tenant, 'hub', 'inbox');
  const friends: SeededUser[] = [];
  for (let i = 0; i < size; i++) friends.push(await tenant.user('friend'));
  const service = tenant.serviceToken;
  const connect = async (a: SeededUser, b: SeededUser) => {
    const sent = await server.graphql(SendRequest, { userId: a.id, receiverId: b.id }, service);
    const requestId = as(sent.body.data?.sendConnectionRequest, 'SendConnectionRequestPayload').request.id;
    const accepted = await server.graphql(AcceptRequest, { userId: b.id, requestId }, service);
    expect(accepted.body.data?.acceptConnectionRequest.__typename).toBe('AcceptConnectionRequestPayload');
  };
  await connect(hub, inbox);
  for (const friend of friends) {
    await connect(hub, friend);
    const sent = await server.graphql(SendRequest, { userId: friend.id, receiverId: inbox.id }, service);
    expect(sent.body.data?.sendConnectionRequest.__typename).toBe('SendConnectionRequestPayload');
  }
  return { tenant, hub, inbox, friends };
}

/** Runs `call` and returns its result with the SQL statements the database executed meanwhile. */
async function counting<T>(call: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  onTestQuery((sql) => statements.push(sql));
  try {
    return { result: await call(), statements };
  } finally {
    onTestQuery(null);
  }
}

describe('mutualConnectionCount batching', () => {
  it('should count a page of any size with the same statements, one per level of the page', async () => {
    const lists = async ({ tenant, hub, inbox, friends }: Awaited<ReturnType<typeof network>>) => {
      const received = await counting(() => server.graphql(ReceivedWithCounts, { perPage: 50 }, inbox.token));
      expect(
        as(received.result.body.data?.receivedConnectionRequests, 'ConnectionRequestPage').nodes.map((n) => [
          n.mutualConnectionCount,
          n.sender.mutualConnectionCount,
        ]),
      ).toEqual(friends.map(() => [1, 1]));

      const connections = await counting(() =>
        server.graphql(
          ConnectionsWithCounts,
          { userId: hub.id, perPage: 50, withUserId: inbox.id },
          tenant.serviceToken,
        ),
      );
      const nodes = as(connections.result.body.data?.activeConnections, 'ConnectionPage').nodes;
      expect(
        Object.fromEntries(nodes.map((n) => [n.connectedUser.clientUserId, n.connectedUser.mutualConnectionCount])),
      ).toEqual(Object.fromEntries([[inbox.id, null], ...friends.map((f) => [f.id, 1])]));
      return { received: received.statements, connections: connections.statements };
    };

    const two = await lists(await network(2));
    const twenty = await lists(await network(20));

    const counts = (statements: string[]) => statements.filter((sql) => /unnest\(/.test(sql)).length;
    // The requests' counts in one statement, their senders' counts (a level deeper) in another.
    expect(counts(two.received)).toBe(2);
    expect(counts(twenty.received)).toBe(2);
    expect(counts(two.connections)).toBe(1);
    expect(counts(twenty.connections)).toBe(1);
    expect(twenty.received).toHaveLength(two.received.length);
    expect(twenty.connections).toHaveLength(two.connections.length);
  });
});
