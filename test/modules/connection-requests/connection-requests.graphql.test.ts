import { describe, expect, it } from 'vitest';
import type { TestSentConnectionRequestsQueryVariables } from '../../gql/graphql.js';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { as, ISO_TIME, users } from '../../helpers/results.js';

const server = useTestServer();

const SendRequest = graphql(`
  mutation TestSendConnectionRequest($userId: ID, $receiverId: ID!, $message: String) {
    sendConnectionRequest(userId: $userId, receiverId: $receiverId, message: $message) {
      __typename
      ... on Error { message code }
      ... on ValidationError { field }
      ... on NotFoundError { id }
      ... on SendConnectionRequestPayload {
        message
        request {
          id
          status
          message
          createdAt
          respondedAt
          sender { clientUserId displayName }
          receiver { clientUserId displayName }
        }
      }
    }
  }
`);

const AcceptRequest = graphql(`
  mutation TestAcceptConnectionRequest($userId: ID, $requestId: ID!) {
    acceptConnectionRequest(userId: $userId, requestId: $requestId) {
      __typename
      ... on Error { message code }
      ... on NotFoundError { id }
      ... on AcceptConnectionRequestPayload {
        message
        request { id status respondedAt sender { clientUserId } receiver { clientUserId } }
        connection { id connectedSince connectedUser { clientUserId displayName } }
      }
    }
  }
`);

const DeclineRequest = graphql(`
  mutation TestDeclineConnectionRequest($userId: ID, $requestId: ID!) {
    declineConnectionRequest(userId: $userId, requestId: $requestId) {
      __typename
      ... on Error { message code }
      ... on NotFoundError { id }
      ... on DeclineConnectionRequestPayload {
        message
        request { id status respondedAt sender { clientUserId } receiver { clientUserId } }
      }
    }
  }
`);

const SentRequests = graphql(`
  query TestSentConnectionRequests(
    $userId: ID
    $status: ConnectionRequestStatusFilter
    $page: Int
    $perPage: Int
    $first: Int
    $after: String
  ) {
    sentConnectionRequests(
      userId: $userId
      status: $status
      page: $page
      perPage: $perPage
      first: $first
      after: $after
    ) {
      __typename
      ... on Error { message code }
      ... on ValidationError { field }
      ... on ConnectionRequestPage {
        totalCount
        nodes { id status message receiver { clientUserId displayName } }
        edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        pagination { currentPage totalPages totalItems perPage }
      }
    }
  }
`);

const ReceivedRequests = graphql(`
  query TestReceivedConnectionRequests(
    $userId: ID
    $status: ConnectionRequestStatusFilter
    $page: Int
    $perPage: Int
    $first: Int
    $after: String
  ) {
    receivedConnectionRequests(
      userId: $userId
      status: $status
      page: $page
      perPage: $perPage
      first: $first
      after: $after
    ) {
      __typename
      ... on Error { message code }
      ... on ValidationError { field }
      ... on ConnectionRequestPage {
        totalCount
        nodes { id status message createdAt respondedAt sender { clientUserId displayName } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
        pagination { currentPage totalPages totalItems perPage }
      }
    }
  }
`);

const ActiveConnections = graphql(`
  query TestRequestsActiveConnections($userId: ID) {
    activeConnections(userId: $userId) {
      __typename
      ... on ConnectionPage { nodes { id connectedUser { clientUserId } } }
    }
  }
`);

const Notifications = graphql(`
  query TestRequestsNotifications($userId: ID) {
    notifications(userId: $userId) {
      __typename
      ... on NotificationPage {
        unreadCount
        nodes { type connectionRequestId message read otherUser { clientUserId displayName } }
      }
    }
  }
`);

async function sentPage(token: string, variables: TestSentConnectionRequestsQueryVariables = {}) {
  const { body } = await server.graphql(SentRequests, variables, token);
  return as(body.data?.sentConnectionRequests, 'ConnectionRequestPage');
}

describe('Mutation.sendConnectionRequest', () => {
  it("should send a pending request as the token's user and notify the receiver", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const { status, body } = await server.graphql(
      SendRequest,
      { receiverId: bob.id, message: '  Hi! Want to connect?  ' },
      alice.token,
    );

    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        sendConnectionRequest: {
          __typename: 'SendConnectionRequestPayload',
          message: 'Connection request sent successfully',
          request: {
            id: expect.stringMatching(/^\d+$/),
            status: 'PENDING',
            message: 'Hi! Want to connect?',
            createdAt: ISO_TIME,
            respondedAt: null,
            sender: { clientUserId: alice.id, displayName: alice.displayName },
            receiver: { clientUserId: bob.id, displayName: bob.displayName },
          },
        },
      },
    });
    const requestId = as(body.data?.sendConnectionRequest, 'SendConnectionRequestPayload').request.id;
    const notifications = await server.graphql(Notifications, {}, bob.token);
    expect(notifications.body.data?.notifications).toEqual({
      __typename: 'NotificationPage',
      unreadCount: 1,
      nodes: [
        {
          type: 'NEW_REQUEST',
          connectionRequestId: requestId,
          message: 'Hi! Want to connect?',
          read: false,
          otherUser: { clientUserId: alice.id, displayName: alice.displayName },
        },
      ],
    });
  });

  it('should notify the receiver with a default text when the request has no message', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const { body } = await server.graphql(SendRequest, { receiverId: bob.id, message: '   ' }, alice.token);

    expect(as(body.data?.sendConnectionRequest, 'SendConnectionRequestPayload').request.message).toBeNull();
    const notifications = await server.graphql(Notifications, {}, bob.token);
    expect(as(notifications.body.data?.notifications, 'NotificationPage').nodes[0]?.message).toBe(
      `${alice.displayName} wants to connect with you.`,
    );
  });

  it('should let a service token send on behalf of a user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const { body } = await server.graphql(SendRequest, { userId: alice.id, receiverId: bob.id }, tenant.serviceToken);

    const payload = as(body.data?.sendConnectionRequest, 'SendConnectionRequestPayload');
    expect(payload.request.sender.clientUserId).toBe(alice.id);
    expect(payload.request.receiver.clientUserId).toBe(bob.id);
  });

  it('should return a ValidationError for a request to oneself', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    const { body } = await server.graphql(SendRequest, { receiverId: alice.id }, alice.token);

    expect(body).toEqual({
      data: {
        sendConnectionRequest: {
          __typename: 'ValidationError',
          message: 'Cannot send a connection request to yourself',
          code: 'CANNOT_CONNECT_TO_SELF',
          field: 'receiverId',
        },
      },
    });
  });

  it('should return a ValidationError for a message over 500 characters', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const { body } = await server.graphql(SendRequest, { receiverId: bob.id, message: 'x'.repeat(501) }, alice.token);

    expect(body).toEqual({
      data: {
        sendConnectionRequest: {
          __typename: 'ValidationError',
          message: 'Message must be at most 500 characters',
          code: 'VALIDATION_FAILED',
          field: 'message',
        },
      },
    });
    expect((await sentPage(alice.token)).totalCount).toBe(0);
  });

  it('should return a NotFoundError for an unknown receiver', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    const { body } = await server.graphql(SendRequest, { receiverId: 'nobody' }, alice.token);

    expect(body).toEqual({
      data: {
        sendConnectionRequest: {
          __typename: 'NotFoundError',
          message: "User with ID 'nobody' does not exist",
          code: 'USER_NOT_FOUND',
          id: 'nobody',
        },
      },
    });
  });

  it('should return a ConflictError while a request between the two is pending, in either direction', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await tenant.request(alice, bob);

    const again = await server.graphql(SendRequest, { receiverId: bob.id }, alice.token);
    const reverse = await server.graphql(SendRequest, { receiverId: alice.id }, bob.token);

    for (const { body } of [again, reverse]) {
      expect(body).toEqual({
        data: {
          sendConnectionRequest: {
            __typename: 'ConflictError',
            message: 'A pending connection request between these users already exists',
            code: 'REQUEST_ALREADY_PENDING',
          },
        },
      });
    }
  });

  it('should return a ConflictError when the users are already connected', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await tenant.connect(alice, bob);

    const { body } = await server.graphql(SendRequest, { receiverId: alice.id }, bob.token);

    expect(body).toEqual({
      data: {
        sendConnectionRequest: {
          __typename: 'ConflictError',
          message: 'Users are already connected',
          code: 'ALREADY_CONNECTED',
        },
      },
    });
  });

  it('should allow a new request after a declined one', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const requestId = await tenant.request(alice, bob);
    await server.graphql(DeclineRequest, { requestId: String(requestId) }, bob.token);

    const { body } = await server.graphql(SendRequest, { receiverId: bob.id }, alice.token);

    expect(as(body.data?.sendConnectionRequest, 'SendConnectionRequestPayload').request.status).toBe('PENDING');
  });

  it('should return a ForbiddenError when a user token sends as another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');

    const { body } = await server.graphql(SendRequest, { userId: bob.id, receiverId: carol.id }, alice.token);

    expect(body).toEqual({
      data: {
        sendConnectionRequest: {
          __typename: 'ForbiddenError',
          message: `Not authorized to act as user '${bob.id}'`,
          code: 'FORBIDDEN',
        },
      },
    });
    expect((await sentPage(bob.token)).totalCount).toBe(0);
  });

  it('should answer UNAUTHENTICATED with HTTP 401 and send nothing without a token', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const { status, body } = await server.graphql(SendRequest, { userId: alice.id, receiverId: bob.id }, null);

    expect(status).toBe(401);
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Missing bearer token: send Authorization: Bearer <JWT>',
        extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) },
      }),
    ]);
    expect((await sentPage(alice.token)).totalCount).toBe(0);
  });
});

describe('Mutation.acceptConnectionRequest', () => {
  it('should accept the request, connect both users and notify the sender', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const requestId = String(await tenant.request(alice, bob, 'Hello'));

    const { body } = await server.graphql(AcceptRequest, { requestId }, bob.token);

    expect(body).toEqual({
      data: {
        acceptConnectionRequest: {
          __typename: 'AcceptConnectionRequestPayload',
          message: 'Connection request accepted successfully',
          request: {
            id: requestId,
            status: 'ACCEPTED',
            respondedAt: ISO_TIME,
            sender: { clientUserId: alice.id },
            receiver: { clientUserId: bob.id },
          },
          connection: {
            id: expect.stringMatching(/^\d+$/),
            connectedSince: ISO_TIME,
            connectedUser: { clientUserId: alice.id, displayName: alice.displayName },
          },
        },
      },
    });
    const connectionId = as(body.data?.acceptConnectionRequest, 'AcceptConnectionRequestPayload').connection.id;
    for (const [user, other] of [
      [alice, bob],
      [bob, alice],
    ] as const) {
      const active = await server.graphql(ActiveConnections, {}, user.token);
      expect(active.body.data?.activeConnections).toEqual({
        __typename: 'ConnectionPage',
        nodes: [{ id: connectionId, connectedUser: { clientUserId: other.id } }],
      });
    }
    const notifications = as(
      (await server.graphql(Notifications, {}, alice.token)).body.data?.notifications,
      'NotificationPage',
    );
    expect(notifications.nodes[0]).toEqual({
      type: 'REQUEST_ACCEPTED',
      connectionRequestId: requestId,
      message: 'Your connection request was accepted!',
      read: false,
      otherUser: { clientUserId: bob.id, displayName: bob.displayName },
    });
  });

  it('should return a ForbiddenError when someone other than the receiver accepts', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const requestId = String(await tenant.request(alice, bob));

    for (const token of [alice.token, carol.token]) {
      const { body } = await server.graphql(AcceptRequest, { requestId }, token);
      expect(body).toEqual({
        data: {
          acceptConnectionRequest: {
            __typename: 'ForbiddenError',
            message: 'Not authorized to accept this request',
            code: 'NOT_REQUEST_RECEIVER',
          },
        },
      });
    }
    const received = await server.graphql(ReceivedRequests, {}, bob.token);
    expect(as(received.body.data?.receivedConnectionRequests, 'ConnectionRequestPage').nodes[0]?.status).toBe(
      'PENDING',
    );
  });

  it('should return a ConflictError for a request already answered', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const accepted = String(await tenant.request(alice, bob));
    const declined = String(await tenant.request(carol, bob));
    await server.graphql(AcceptRequest, { requestId: accepted }, bob.token);
    await server.graphql(DeclineRequest, { requestId: declined }, bob.token);

    for (const requestId of [accepted, declined]) {
      const { body } = await server.graphql(AcceptRequest, { requestId }, bob.token);
      expect(body).toEqual({
        data: {
          acceptConnectionRequest: {
            __typename: 'ConflictError',
            message: 'Request already processed',
            code: 'REQUEST_ALREADY_PROCESSED',
          },
        },
      });
    }
  });

  it('should return a NotFoundError for an unknown or malformed request id', async () => {
    const tenant = await createTenant(server);
    const [bob] = await users(tenant, 'bob');

    for (const requestId of ['999999999', 'abc', '0', '-1']) {
      const { body } = await server.graphql(AcceptRequest, { requestId }, bob.token);
      expect(body).toEqual({
        data: {
          acceptConnectionRequest: {
            __typename: 'NotFoundError',
            message: `Connection request with ID '${requestId}' does not exist`,
            code: 'CONNECTION_REQUEST_NOT_FOUND',
            id: requestId,
          },
        },
      });
    }
  });

  it("should let a service token accept on the receiver's behalf", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const requestId = String(await tenant.request(alice, bob));

    const { body } = await server.graphql(AcceptRequest, { userId: bob.id, requestId }, tenant.serviceToken);

    expect(as(body.data?.acceptConnectionRequest, 'AcceptConnectionRequestPayload').request.status).toBe('ACCEPTED');
  });
});

describe('Mutation.declineConnectionRequest', () => {
  it('should decline the request without connecting and notify the sender', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const requestId = String(await tenant.request(alice, bob));

    const { body } = await server.graphql(DeclineRequest, { requestId }, bob.token);

    expect(body).toEqual({
      data: {
        declineConnectionRequest: {
          __typename: 'DeclineConnectionRequestPayload',
          message: 'Connection request declined successfully',
          request: {
            id: requestId,
            status: 'DECLINED',
            respondedAt: ISO_TIME,
            sender: { clientUserId: alice.id },
            receiver: { clientUserId: bob.id },
          },
        },
      },
    });
    for (const user of [alice, bob]) {
      const active = await server.graphql(ActiveConnections, {}, user.token);
      expect(active.body.data?.activeConnections).toEqual({ __typename: 'ConnectionPage', nodes: [] });
    }
    const notifications = as(
      (await server.graphql(Notifications, {}, alice.token)).body.data?.notifications,
      'NotificationPage',
    );
    expect(notifications.nodes).toEqual([
      {
        type: 'REQUEST_DECLINED',
        connectionRequestId: requestId,
        message: 'Your connection request was declined.',
        read: false,
        otherUser: { clientUserId: bob.id, displayName: bob.displayName },
      },
    ]);
  });

  it('should return a ForbiddenError when the sender declines its own request', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const requestId = String(await tenant.request(alice, bob));

    const { body } = await server.graphql(DeclineRequest, { requestId }, alice.token);

    expect(body).toEqual({
      data: {
        declineConnectionRequest: {
          __typename: 'ForbiddenError',
          message: 'Not authorized to decline this request',
          code: 'NOT_REQUEST_RECEIVER',
        },
      },
    });
  });

  it('should return a ConflictError when declining an accepted request, leaving the connection', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    const requestId = String(await tenant.request(alice, bob));
    await server.graphql(AcceptRequest, { requestId }, bob.token);

    const { body } = await server.graphql(DeclineRequest, { requestId }, bob.token);

    expect(body).toEqual({
      data: {
        declineConnectionRequest: {
          __typename: 'ConflictError',
          message: 'Request already processed',
          code: 'REQUEST_ALREADY_PROCESSED',
        },
      },
    });
    const active = await server.graphql(ActiveConnections, {}, bob.token);
    expect(as(active.body.data?.activeConnections, 'ConnectionPage').nodes).toHaveLength(1);
  });

  it('should return a NotFoundError for an unknown request id', async () => {
    const tenant = await createTenant(server);
    const [bob] = await users(tenant, 'bob');

    const { body } = await server.graphql(DeclineRequest, { requestId: '424242424' }, bob.token);

    expect(body).toEqual({
      data: {
        declineConnectionRequest: {
          __typename: 'NotFoundError',
          message: "Connection request with ID '424242424' does not exist",
          code: 'CONNECTION_REQUEST_NOT_FOUND',
          id: '424242424',
        },
      },
    });
  });
});

describe('Query.sentConnectionRequests', () => {
  /** Alice sends one request to each of `count` users; returns the receivers in sending order. */
  async function aliceSending(count: number) {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    const receivers: SeededUser[] = [];
    for (let i = 0; i < count; i++) {
      const receiver = await tenant.user('friend');
      await tenant.request(alice, receiver, `Request ${i + 1}`);
      receivers.push(receiver);
    }
    return { tenant, alice, receivers };
  }

  it('should list the requests newest first with page-number pagination', async () => {
    const { alice, receivers } = await aliceSending(3);

    const page = await sentPage(alice.token, { page: 1, perPage: 2 });

    expect(page.nodes.map((n) => n.receiver.clientUserId)).toEqual([receivers[2]?.id, receivers[1]?.id]);
    expect(page.nodes[0]).toEqual({
      id: expect.any(String),
      status: 'PENDING',
      message: 'Request 3',
      receiver: { clientUserId: receivers[2]?.id, displayName: receivers[2]?.displayName },
    });
    expect(page.pagination).toEqual({ currentPage: 1, totalPages: 2, totalItems: 3, perPage: 2 });
    expect(page.totalCount).toBe(3);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

    const last = await sentPage(alice.token, { page: 2, perPage: 2 });
    expect(last.nodes.map((n) => n.receiver.clientUserId)).toEqual([receivers[0]?.id]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('should walk the list by cursor with no gaps or duplicates, in page-number order', async () => {
    const { alice } = await aliceSending(7);
    const byNumber = [
      ...(await sentPage(alice.token, { page: 1, perPage: 3 })).nodes,
      ...(await sentPage(alice.token, { page: 2, perPage: 3 })).nodes,
      ...(await sentPage(alice.token, { page: 3, perPage: 3 })).nodes,
    ].map((n) => n.id);

    const byCursor: string[] = [];
    const pages: { size: number; hasNextPage: boolean; hasPreviousPage: boolean }[] = [];
    let after: string | null = null;
    do {
      const page = await sentPage(alice.token, after === null ? { first: 3 } : { first: 3, after });
      expect(page.pagination).toBeNull();
      expect(page.totalCount).toBe(7);
      expect(page.edges.map((e) => e.node.id)).toEqual(page.nodes.map((n) => n.id));
      expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      byCursor.push(...page.nodes.map((n) => n.id));
      pages.push({
        size: page.nodes.length,
        hasNextPage: page.pageInfo.hasNextPage,
        hasPreviousPage: page.pageInfo.hasPreviousPage,
      });
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && pages.length < 10);

    expect(pages).toEqual([
      { size: 3, hasNextPage: true, hasPreviousPage: false },
      { size: 3, hasNextPage: true, hasPreviousPage: true },
      { size: 1, hasNextPage: false, hasPreviousPage: true },
    ]);
    expect(byCursor).toEqual(byNumber);
    expect(new Set(byCursor).size).toBe(7);
  });

  it('should continue after any edge cursor, not only the end cursor', async () => {
    const { alice } = await aliceSending(4);
    const all = await sentPage(alice.token, { first: 4 });

    const rest = await sentPage(alice.token, { first: 10, after: all.edges[1]!.cursor });

    expect(rest.nodes.map((n) => n.id)).toEqual(all.nodes.slice(2).map((n) => n.id));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('should filter by status', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave] = await users(tenant, 'alice', 'bob', 'carol', 'dave');
    const toBob = String(await tenant.request(alice, bob));
    const toCarol = String(await tenant.request(alice, carol));
    const toDave = String(await tenant.request(alice, dave));
    await server.graphql(AcceptRequest, { requestId: toBob }, bob.token);
    await server.graphql(DeclineRequest, { requestId: toCarol }, carol.token);

    const ids = async (status: 'ALL' | 'PENDING' | 'ACCEPTED' | 'DECLINED') =>
      (await sentPage(alice.token, { status })).nodes.map((n) => [n.id, n.status]);

    expect(await ids('PENDING')).toEqual([[toDave, 'PENDING']]);
    expect(await ids('ACCEPTED')).toEqual([[toBob, 'ACCEPTED']]);
    expect(await ids('DECLINED')).toEqual([[toCarol, 'DECLINED']]);
    expect(await ids('ALL')).toEqual([
      [toDave, 'PENDING'],
      [toCarol, 'DECLINED'],
      [toBob, 'ACCEPTED'],
    ]);
    expect((await sentPage(alice.token)).totalCount).toBe(3);
  });

  it('should return a ValidationError when page is combined with after', async () => {
    const { alice } = await aliceSending(2);
    const first = await sentPage(alice.token, { first: 1 });

    const { body } = await server.graphql(SentRequests, { page: 2, after: first.pageInfo.endCursor }, alice.token);

    expect(body).toEqual({
      data: {
        sentConnectionRequests: {
          __typename: 'ValidationError',
          message: 'page cannot be combined with first/after; use one style of pagination',
          code: 'VALIDATION_FAILED',
          field: 'page',
        },
      },
    });
  });

  it('should return a ValidationError for a cursor it did not issue', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    for (const after of [
      'garbage',
      '',
      Buffer.from('hello:world').toString('base64url'),
      '!!!',
      // Well-formed, but a time PostgreSQL cannot compare (past the year 9999).
      Buffer.from('999999999999999:1').toString('base64url'),
    ]) {
      const { body } = await server.graphql(SentRequests, { first: 3, after }, alice.token);
      expect(body).toEqual({
        data: {
          sentConnectionRequests: {
            __typename: 'ValidationError',
            message: 'after is not a cursor returned by this API',
            code: 'VALIDATION_FAILED',
            field: 'after',
          },
        },
      });
    }
  });

  it('should return a ValidationError for page sizes out of range', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');
    const cases = [
      [{ perPage: 51 }, 'perPage', 'per_page (perPage) must be an integer between 1 and 50'],
      [{ perPage: 0 }, 'perPage', 'per_page (perPage) must be an integer between 1 and 50'],
      [{ first: 51 }, 'first', 'first must be an integer between 1 and 50'],
      [{ first: 0 }, 'first', 'first must be an integer between 1 and 50'],
      [{ page: 0 }, 'page', 'page must be a positive integer'],
      [{ page: -3 }, 'page', 'page must be a positive integer'],
    ] as const;

    for (const [variables, field, message] of cases) {
      const { body } = await server.graphql(SentRequests, variables, alice.token);
      expect(body.data?.sentConnectionRequests).toEqual({
        __typename: 'ValidationError',
        message,
        code: 'VALIDATION_FAILED',
        field,
      });
    }
  });

  it("should return a ForbiddenError for another user's list with a user token", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const { body } = await server.graphql(SentRequests, { userId: bob.id }, alice.token);

    expect(body).toEqual({
      data: {
        sentConnectionRequests: {
          __typename: 'ForbiddenError',
          message: `Not authorized to act as user '${bob.id}'`,
          code: 'FORBIDDEN',
        },
      },
    });
  });

  it('should return a NotFoundError for a user that does not exist', async () => {
    const tenant = await createTenant(server);

    const { body } = await server.graphql(SentRequests, { userId: 'ghost' }, tenant.serviceToken);

    expect(body.data?.sentConnectionRequests).toEqual({
      __typename: 'NotFoundError',
      message: "User with ID 'ghost' does not exist",
      code: 'USER_NOT_FOUND',
    });
  });
});

describe('Query.receivedConnectionRequests', () => {
  it('should list the requests received, newest first, with their senders', async () => {
    const tenant = await createTenant(server);
    const [bob, alice, carol] = await users(tenant, 'bob', 'alice', 'carol');
    const fromAlice = String(await tenant.request(alice, bob, 'From Alice'));
    const fromCarol = String(await tenant.request(carol, bob));

    const { body } = await server.graphql(ReceivedRequests, {}, bob.token);

    expect(body).toEqual({
      data: {
        receivedConnectionRequests: {
          __typename: 'ConnectionRequestPage',
          totalCount: 2,
          nodes: [
            {
              id: fromCarol,
              status: 'PENDING',
              message: null,
              createdAt: ISO_TIME,
              respondedAt: null,
              sender: { clientUserId: carol.id, displayName: carol.displayName },
            },
            {
              id: fromAlice,
              status: 'PENDING',
              message: 'From Alice',
              createdAt: ISO_TIME,
              respondedAt: null,
              sender: { clientUserId: alice.id, displayName: alice.displayName },
            },
          ],
          pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: expect.any(String) },
          pagination: { currentPage: 1, totalPages: 1, totalItems: 2, perPage: 10 },
        },
      },
    });
    const sentByBob = await sentPage(bob.token);
    expect(sentByBob.totalCount).toBe(0);
  });

  it('should walk the received list by cursor in page-number order', async () => {
    const tenant = await createTenant(server);
    const [bob] = await users(tenant, 'bob');
    for (let i = 0; i < 7; i++) await tenant.request(await tenant.user('fan'), bob);
    const page = async (variables: { first?: number; after?: string; page?: number; perPage?: number }) => {
      const { body } = await server.graphql(ReceivedRequests, variables, bob.token);
      return as(body.data?.receivedConnectionRequests, 'ConnectionRequestPage');
    };

    const byNumber = (await page({ perPage: 50 })).nodes.map((n) => n.sender.clientUserId);
    const byCursor: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const current = await page(after === null ? { first: 3 } : { first: 3, after });
      expect(current.pagination).toBeNull();
      byCursor.push(...current.nodes.map((n) => n.sender.clientUserId));
      after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
      pages++;
    } while (after !== null && pages < 10);

    expect(pages).toBe(3);
    expect(byNumber).toHaveLength(7);
    expect(byCursor).toEqual(byNumber);
  });

  it('should filter received requests by status', async () => {
    const tenant = await createTenant(server);
    const [bob, alice, carol] = await users(tenant, 'bob', 'alice', 'carol');
    const fromAlice = String(await tenant.request(alice, bob));
    await tenant.request(carol, bob);
    await server.graphql(DeclineRequest, { requestId: fromAlice }, bob.token);

    const { body } = await server.graphql(ReceivedRequests, { status: 'DECLINED' }, bob.token);

    const page = as(body.data?.receivedConnectionRequests, 'ConnectionRequestPage');
    expect(page.nodes.map((n) => [n.id, n.status, n.sender.clientUserId])).toEqual([[fromAlice, 'DECLINED', alice.id]]);
    expect(page.nodes[0]?.respondedAt).toEqual(ISO_TIME);
    expect(page.pagination).toEqual({ currentPage: 1, totalPages: 1, totalItems: 1, perPage: 10 });
  });

  it('should return a ForbiddenError for another user with a user token', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const { body } = await server.graphql(ReceivedRequests, { userId: bob.id }, alice.token);

    expect(body.data?.receivedConnectionRequests).toEqual({
      __typename: 'ForbiddenError',
      message: `Not authorized to act as user '${bob.id}'`,
      code: 'FORBIDDEN',
    });
  });
});
