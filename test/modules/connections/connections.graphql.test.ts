import { describe, expect, it } from 'vitest';
import type { TestActiveConnectionsQueryVariables } from '../../gql/graphql.js';
import { graphql } from '../../gql/index.js';
import { createTenant, useTestServer } from '../../helpers/app.js';
import { as, ISO_TIME, users } from '../../helpers/results.js';

const server = useTestServer();

const ActiveConnections = graphql(`
  query TestActiveConnections($userId: ID, $page: Int, $perPage: Int, $first: Int, $after: String) {
    activeConnections(userId: $userId, page: $page, perPage: $perPage, first: $first, after: $after) {
      __typename
      ... on Error { message code }
      ... on ValidationError { field }
      ... on NotFoundError { id }
      ... on ConnectionPage {
        totalCount
        nodes { id connectedSince connectedUser { clientUserId displayName } }
        edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        pagination { currentPage totalPages totalItems perPage }
      }
    }
  }
`);

const RemoveConnection = graphql(`
  mutation TestRemoveConnection($userId: ID, $connectionId: ID!) {
    removeConnection(userId: $userId, connectionId: $connectionId) {
      __typename
      ... on Error { message code }
      ... on NotFoundError { id }
      ... on RemoveConnectionPayload { message connectionId }
    }
  }
`);

const SendRequest = graphql(`
  mutation TestConnectionsSendRequest($receiverId: ID!) {
    sendConnectionRequest(receiverId: $receiverId) {
      __typename
      ... on Error { message code }
      ... on SendConnectionRequestPayload { request { id status } }
    }
  }
`);

async function activePage(token: string, variables: TestActiveConnectionsQueryVariables = {}) {
  const { body } = await server.graphql(ActiveConnections, variables, token);
  return as(body.data?.activeConnections, 'ConnectionPage');
}

describe('Query.activeConnections', () => {
  it('should list the connections newest first, seen from the user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const withBob = String(await tenant.connect(alice, bob));
    const withCarol = String(await tenant.connect(carol, alice));

    const { status, body } = await server.graphql(ActiveConnections, {}, alice.token);

    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        activeConnections: {
          __typename: 'ConnectionPage',
          totalCount: 2,
          nodes: [
            {
              id: withCarol,
              connectedSince: ISO_TIME,
              connectedUser: { clientUserId: carol.id, displayName: carol.displayName },
            },
            {
              id: withBob,
              connectedSince: ISO_TIME,
              connectedUser: { clientUserId: bob.id, displayName: bob.displayName },
            },
          ],
          edges: [
            { cursor: expect.any(String), node: { id: withCarol } },
            { cursor: expect.any(String), node: { id: withBob } },
          ],
          pageInfo: {
            hasNextPage: false,
            hasPreviousPage: false,
            startCursor: expect.any(String),
            endCursor: expect.any(String),
          },
          pagination: { currentPage: 1, totalPages: 1, totalItems: 2, perPage: 10 },
        },
      },
    });
    const bobs = await activePage(bob.token);
    expect(bobs.nodes).toEqual([
      {
        id: withBob,
        connectedSince: ISO_TIME,
        connectedUser: { clientUserId: alice.id, displayName: alice.displayName },
      },
    ]);
  });

  it('should page by number', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave] = await users(tenant, 'alice', 'bob', 'carol', 'dave');
    for (const other of [bob, carol, dave]) await tenant.connect(alice, other);

    const second = await activePage(alice.token, { page: 2, perPage: 2 });
    const beyond = await activePage(alice.token, { page: 5, perPage: 2 });

    expect(second.nodes.map((n) => n.connectedUser.clientUserId)).toEqual([bob.id]);
    expect(second.pagination).toEqual({ currentPage: 2, totalPages: 2, totalItems: 3, perPage: 2 });
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(beyond.nodes).toEqual([]);
    expect(beyond.pagination).toEqual({ currentPage: 5, totalPages: 2, totalItems: 3, perPage: 2 });
  });

  it('should walk the connections by cursor with no gaps or duplicates, in page-number order', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    for (let i = 0; i < 7; i++) await tenant.connect(alice, await tenant.user('friend'));
    const byNumber = [1, 2, 3].map((page) => activePage(alice.token, { page, perPage: 3 }));
    const byNumberIds = (await Promise.all(byNumber)).flatMap((p) => p.nodes.map((n) => n.id));

    const byCursor: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    do {
      const page = await activePage(alice.token, after === null ? { first: 3 } : { first: 3, after });
      expect(page.pagination).toBeNull();
      expect(page.totalCount).toBe(7);
      byCursor.push(...page.nodes.map((n) => n.id));
      sizes.push(page.nodes.length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && sizes.length < 10);

    expect(sizes).toEqual([3, 3, 1]);
    expect(byCursor).toEqual(byNumberIds);
    expect(new Set(byCursor).size).toBe(7);
  });

  it('should return an empty page after the last cursor', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await tenant.connect(alice, bob);
    const only = await activePage(alice.token, { first: 5 });

    const after = await activePage(alice.token, { first: 5, after: only.pageInfo.endCursor });

    expect(after.nodes).toEqual([]);
    expect(after.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });

  it('should return a ValidationError when page is combined with after, or for a garbage cursor', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await tenant.connect(alice, bob);
    const cursor = (await activePage(alice.token, { first: 1 })).pageInfo.endCursor;

    const combined = await server.graphql(ActiveConnections, { page: 1, after: cursor }, alice.token);
    const garbage = await server.graphql(ActiveConnections, { first: 2, after: 'not-a-cursor' }, alice.token);

    expect(combined.body.data?.activeConnections).toEqual({
      __typename: 'ValidationError',
      message: 'page cannot be combined with first/after; use one style of pagination',
      code: 'VALIDATION_FAILED',
      field: 'page',
    });
    expect(garbage.body.data?.activeConnections).toEqual({
      __typename: 'ValidationError',
      message: 'after is not a cursor returned by this API',
      code: 'VALIDATION_FAILED',
      field: 'after',
    });
  });

  it('should return a NotFoundError for an unknown user and a ForbiddenError for another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const unknown = await server.graphql(ActiveConnections, { userId: 'ghost' }, tenant.serviceToken);
    const other = await server.graphql(ActiveConnections, { userId: bob.id }, alice.token);

    expect(unknown.body.data?.activeConnections).toEqual({
      __typename: 'NotFoundError',
      message: "User with ID 'ghost' does not exist",
      code: 'USER_NOT_FOUND',
      id: 'ghost',
    });
    expect(other.body.data?.activeConnections).toEqual({
      __typename: 'ForbiddenError',
      message: `Not authorized to act as user '${bob.id}'`,
      code: 'FORBIDDEN',
    });
  });
});

describe('Mutation.removeConnection', () => {
  it('should remove the connection for both users', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = String(await tenant.connect(alice, bob));

    const { status, body } = await server.graphql(RemoveConnection, { connectionId }, bob.token);

    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        removeConnection: {
          __typename: 'RemoveConnectionPayload',
          message: 'Connection removed successfully',
          connectionId,
        },
      },
    });
    for (const user of [alice, bob]) {
      const page = await activePage(user.token);
      expect(page.nodes).toEqual([]);
      expect(page.totalCount).toBe(0);
    }
  });

  it('should return a NotFoundError when the connection is removed twice', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = String(await tenant.connect(alice, bob));
    await server.graphql(RemoveConnection, { connectionId }, alice.token);

    for (const user of [alice, bob]) {
      const { body } = await server.graphql(RemoveConnection, { connectionId }, user.token);
      expect(body).toEqual({
        data: {
          removeConnection: {
            __typename: 'NotFoundError',
            message: `Connection with ID '${connectionId}' does not exist`,
            code: 'CONNECTION_NOT_FOUND',
            id: connectionId,
          },
        },
      });
    }
  });

  it('should return a NotFoundError for a connection the user is not part of, and leave it in place', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, mallory] = await users(tenant, 'alice', 'bob', 'mallory');
    const connectionId = String(await tenant.connect(alice, bob));

    const { body } = await server.graphql(RemoveConnection, { connectionId }, mallory.token);

    expect(body).toEqual({
      data: {
        removeConnection: {
          __typename: 'NotFoundError',
          message: `Connection with ID '${connectionId}' does not exist`,
          code: 'CONNECTION_NOT_FOUND',
          id: connectionId,
        },
      },
    });
    expect((await activePage(alice.token)).nodes.map((n) => n.id)).toEqual([connectionId]);
  });

  it('should return a NotFoundError for a malformed or unknown connection id', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    for (const connectionId of ['abc', '0', '1.5', '999999999']) {
      const { body } = await server.graphql(RemoveConnection, { connectionId }, alice.token);
      expect(body.data?.removeConnection).toEqual({
        __typename: 'NotFoundError',
        message: `Connection with ID '${connectionId}' does not exist`,
        code: 'CONNECTION_NOT_FOUND',
        id: connectionId,
      });
    }
  });

  it('should let the two users connect again after removal', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const first = String(await tenant.connect(alice, bob));
    await server.graphql(RemoveConnection, { connectionId: first }, alice.token);

    const { body } = await server.graphql(SendRequest, { receiverId: alice.id }, bob.token);
    expect(body.data?.sendConnectionRequest).toMatchObject({
      __typename: 'SendConnectionRequestPayload',
      request: { status: 'PENDING' },
    });
    const requestId = as(body.data?.sendConnectionRequest, 'SendConnectionRequestPayload').request.id;
    const accepted = await server.rest('POST', `/v1/connections/${alice.id}/accept/${requestId}`, {
      token: alice.token,
    });
    expect(accepted.status).toBe(200);

    const page = await activePage(alice.token);
    expect(page.nodes).toHaveLength(1);
    expect(page.nodes[0]?.id).not.toBe(first);
    expect(page.nodes[0]?.connectedUser.clientUserId).toBe(bob.id);
  });

  it("should let a service token remove a connection on a user's behalf", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const connectionId = String(await tenant.connect(alice, bob));

    const { body } = await server.graphql(RemoveConnection, { userId: alice.id, connectionId }, tenant.serviceToken);

    expect(body.data?.removeConnection).toEqual({
      __typename: 'RemoveConnectionPayload',
      message: 'Connection removed successfully',
      connectionId,
    });
    expect((await activePage(bob.token)).nodes).toEqual([]);
  });

  it('should return a ForbiddenError when a user token removes as another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const connectionId = String(await tenant.connect(alice, bob));

    const { body } = await server.graphql(RemoveConnection, { userId: alice.id, connectionId }, carol.token);

    expect(body.data?.removeConnection).toEqual({
      __typename: 'ForbiddenError',
      message: `Not authorized to act as user '${alice.id}'`,
      code: 'FORBIDDEN',
    });
    expect((await activePage(alice.token)).nodes).toHaveLength(1);
  });
});
