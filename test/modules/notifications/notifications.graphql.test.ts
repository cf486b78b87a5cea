import { describe, expect, it } from 'vitest';
import type { TestNotificationsQueryVariables } from '../../gql/graphql.js';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { as, ISO_TIME, users } from '../../helpers/results.js';

const server = useTestServer();

const Notifications = graphql(`
  query TestNotifications(
    $userId: ID
    $page: Int
    $perPage: Int
    $first: Int
    $after: String
    $unreadOnly: Boolean
  ) {
    notifications(
      userId: $userId
      page: $page
      perPage: $perPage
      first: $first
      after: $after
      unreadOnly: $unreadOnly
    ) {
      __typename
      ... on Error { message code }
      ... on ValidationError { field }
      ... on NotFoundError { id }
      ... on NotificationPage {
        totalCount
        unreadCount
        nodes { id type connectionRequestId message timestamp read otherUser { clientUserId displayName } }
        pageInfo { hasNextPage hasPreviousPage endCursor }
        pagination { currentPage totalPages totalItems perPage }
      }
    }
  }
`);

const MarkRead = graphql(`
  mutation TestMarkNotificationRead($userId: ID, $notificationId: ID!) {
    markNotificationRead(userId: $userId, notificationId: $notificationId) {
      __typename
      ... on Error { message code }
      ... on NotFoundError { id }
      ... on MarkNotificationReadPayload { message notification { id type read } }
    }
  }
`);

async function notificationsOf(token: string, variables: TestNotificationsQueryVariables = {}) {
  const { body } = await server.graphql(Notifications, variables, token);
  return as(body.data?.notifications, 'NotificationPage');
}

/**
 * Alice receives a request from carol, then her requests to bob and dave are accepted and
 * declined: three notifications of the three types, newest last.
 */
async function aliceWithThreeNotifications() {
  const tenant = await createTenant(server);
  const [alice, bob, carol, dave] = await users(tenant, 'alice', 'bob', 'carol', 'dave');
  const fromCarol = await tenant.request(carol, alice, 'Hi Alice');
  const toBob = await tenant.request(alice, bob);
  await server.rest('POST', `/v1/connections/${bob.id}/accept/${toBob}`, { token: bob.token });
  const toDave = await tenant.request(alice, dave);
  await server.rest('POST', `/v1/connections/${dave.id}/decline/${toDave}`, { token: dave.token });
  return {
    tenant,
    alice,
    bob,
    carol,
    dave,
    fromCarol: String(fromCarol),
    toBob: String(toBob),
    toDave: String(toDave),
  };
}

describe('Query.notifications', () => {
  it('should list all notification types newest first with the unread count', async () => {
    const { alice, bob, carol, dave, fromCarol, toBob, toDave } = await aliceWithThreeNotifications();

    const { status, body } = await server.graphql(Notifications, {}, alice.token);

    expect(status).toBe(200);
    const node = (type: string, requestId: string, message: string, other: SeededUser) => ({
      id: expect.stringMatching(/^\d+$/),
      type,
      connectionRequestId: requestId,
      message,
      timestamp: ISO_TIME,
      read: false,
      otherUser: { clientUserId: other.id, displayName: other.displayName },
    });
    expect(body).toEqual({
      data: {
        notifications: {
          __typename: 'NotificationPage',
          totalCount: 3,
          unreadCount: 3,
          nodes: [
            node('REQUEST_DECLINED', toDave, 'Your connection request was declined.', dave),
            node('REQUEST_ACCEPTED', toBob, 'Your connection request was accepted!', bob),
            node('NEW_REQUEST', fromCarol, 'Hi Alice', carol),
          ],
          pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: expect.any(String) },
          pagination: { currentPage: 1, totalPages: 1, totalItems: 3, perPage: 50 },
        },
      },
    });
  });

  it('should filter unread notifications while unreadCount counts all unread', async () => {
    const { alice } = await aliceWithThreeNotifications();
    const all = await notificationsOf(alice.token);
    const middle = all.nodes[1]!;
    await server.graphql(MarkRead, { notificationId: middle.id }, alice.token);

    const unread = await notificationsOf(alice.token, { unreadOnly: true });
    const everything = await notificationsOf(alice.token, { unreadOnly: false });

    expect(unread.nodes.map((n) => n.id)).toEqual([all.nodes[0]!.id, all.nodes[2]!.id]);
    expect(unread.nodes.every((n) => !n.read)).toBe(true);
    expect(unread.totalCount).toBe(2);
    expect(unread.unreadCount).toBe(2);
    expect(unread.pagination).toEqual({ currentPage: 1, totalPages: 1, totalItems: 2, perPage: 50 });
    expect(everything.nodes.map((n) => [n.id, n.read])).toEqual([
      [all.nodes[0]!.id, false],
      [middle.id, true],
      [all.nodes[2]!.id, false],
    ]);
    expect(everything.totalCount).toBe(3);
    expect(everything.unreadCount).toBe(2);
  });

  it('should walk the notifications by cursor with no gaps or duplicates, in page-number order', async () => {
    const tenant = await createTenant(server);
    const [bob] = await users(tenant, 'bob');
    for (let i = 0; i < 7; i++) await tenant.request(await tenant.user('fan'), bob, `Fan mail ${i + 1}`);
    const byNumber = [
      ...(await notificationsOf(bob.token, { page: 1, perPage: 3 })).nodes,
      ...(await notificationsOf(bob.token, { page: 2, perPage: 3 })).nodes,
      ...(await notificationsOf(bob.token, { page: 3, perPage: 3 })).nodes,
    ].map((n) => n.id);

    const byCursor: string[] = [];
    const sizes: number[] = [];
    let after: string | null = null;
    do {
      const page = await notificationsOf(bob.token, after === null ? { first: 3 } : { first: 3, after });
      expect(page.pagination).toBeNull();
      expect(page.totalCount).toBe(7);
      expect(page.unreadCount).toBe(7);
      byCursor.push(...page.nodes.map((n) => n.id));
      sizes.push(page.nodes.length);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after !== null && sizes.length < 10);

    expect(sizes).toEqual([3, 3, 1]);
    expect(byCursor).toEqual(byNumber);
    expect(new Set(byCursor).size).toBe(7);
    const messages = (await notificationsOf(bob.token)).nodes.map((n) => n.message);
    expect(messages).toEqual([7, 6, 5, 4, 3, 2, 1].map((i) => `Fan mail ${i}`));
  });

  it('should walk only unread notifications by cursor when unreadOnly is set', async () => {
    const tenant = await createTenant(server);
    const [bob] = await users(tenant, 'bob');
    for (let i = 0; i < 5; i++) await tenant.request(await tenant.user('fan'), bob);
    const all = await notificationsOf(bob.token);
    await server.graphql(MarkRead, { notificationId: all.nodes[1]!.id }, bob.token);
    await server.graphql(MarkRead, { notificationId: all.nodes[3]!.id }, bob.token);

    const first = await notificationsOf(bob.token, { unreadOnly: true, first: 2 });
    const second = await notificationsOf(bob.token, { unreadOnly: true, first: 2, after: first.pageInfo.endCursor });

    expect([...first.nodes, ...second.nodes].map((n) => n.id)).toEqual(
      [all.nodes[0], all.nodes[2], all.nodes[4]].map((n) => n!.id),
    );
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(second.unreadCount).toBe(3);
  });

  it('should return a ValidationError when page is combined with after, or for a garbage cursor', async () => {
    const { alice } = await aliceWithThreeNotifications();
    const cursor = (await notificationsOf(alice.token, { first: 1 })).pageInfo.endCursor;

    const combined = await server.graphql(Notifications, { page: 2, after: cursor }, alice.token);
    const garbage = await server.graphql(Notifications, { after: 'bm9wZQ' }, alice.token);

    expect(combined.body.data?.notifications).toEqual({
      __typename: 'ValidationError',
      message: 'page cannot be combined with first/after; use one style of pagination',
      code: 'VALIDATION_FAILED',
      field: 'page',
    });
    expect(garbage.body.data?.notifications).toEqual({
      __typename: 'ValidationError',
      message: 'after is not a cursor returned by this API',
      code: 'VALIDATION_FAILED',
      field: 'after',
    });
  });

  it('should return a ForbiddenError for another user and a NotFoundError for an unknown user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');

    const other = await server.graphql(Notifications, { userId: bob.id }, alice.token);
    const unknown = await server.graphql(Notifications, { userId: 'ghost' }, tenant.serviceToken);

    expect(other.body.data?.notifications).toEqual({
      __typename: 'ForbiddenError',
      message: `Not authorized to act as user '${bob.id}'`,
      code: 'FORBIDDEN',
    });
    expect(unknown.body.data?.notifications).toEqual({
      __typename: 'NotFoundError',
      message: "User with ID 'ghost' does not exist",
      code: 'USER_NOT_FOUND',
      id: 'ghost',
    });
  });
});

describe('Mutation.markNotificationRead', () => {
  it('should mark the notification read and lower the unread count', async () => {
    const { alice } = await aliceWithThreeNotifications();
    const target = (await notificationsOf(alice.token)).nodes[0]!;

    const { status, body } = await server.graphql(MarkRead, { notificationId: target.id }, alice.token);

    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        markNotificationRead: {
          __typename: 'MarkNotificationReadPayload',
          message: 'Notification marked as read',
          notification: { id: target.id, type: target.type, read: true },
        },
      },
    });
    const after = await notificationsOf(alice.token);
    expect(after.unreadCount).toBe(2);
    expect(after.nodes.find((n) => n.id === target.id)?.read).toBe(true);
  });

  it('should not fail when marking a notification read twice', async () => {
    const { alice } = await aliceWithThreeNotifications();
    const target = (await notificationsOf(alice.token)).nodes[2]!;
    await server.graphql(MarkRead, { notificationId: target.id }, alice.token);

    const { body } = await server.graphql(MarkRead, { notificationId: target.id }, alice.token);

    expect(body.data?.markNotificationRead).toEqual({
      __typename: 'MarkNotificationReadPayload',
      message: 'Notification marked as read',
      notification: { id: target.id, type: 'NEW_REQUEST', read: true },
    });
    expect((await notificationsOf(alice.token)).unreadCount).toBe(2);
  });

  it("should return a NotFoundError for another user's notification and leave it unread", async () => {
    const { alice, bob } = await aliceWithThreeNotifications();
    const target = (await notificationsOf(alice.token)).nodes[0]!;

    const { body } = await server.graphql(MarkRead, { notificationId: target.id }, bob.token);

    expect(body).toEqual({
      data: {
        markNotificationRead: {
          __typename: 'NotFoundError',
          message: `Notification with ID '${target.id}' does not exist`,
          code: 'NOTIFICATION_NOT_FOUND',
          id: target.id,
        },
      },
    });
    expect((await notificationsOf(alice.token)).unreadCount).toBe(3);
  });

  it('should return a NotFoundError for a malformed or unknown notification id', async () => {
    const tenant = await createTenant(server);
    const [alice] = await users(tenant, 'alice');

    for (const notificationId of ['abc', '0', '-5', '999999999']) {
      const { body } = await server.graphql(MarkRead, { notificationId }, alice.token);
      expect(body.data?.markNotificationRead).toEqual({
        __typename: 'NotFoundError',
        message: `Notification with ID '${notificationId}' does not exist`,
        code: 'NOTIFICATION_NOT_FOUND',
        id: notificationId,
      });
    }
  });

  it("should let a service token mark a notification read on the user's behalf", async () => {
    const { tenant, alice } = await aliceWithThreeNotifications();
    const target = (await notificationsOf(alice.token)).nodes[1]!;

    const { body } = await server.graphql(
      MarkRead,
      { userId: alice.id, notificationId: target.id },
      tenant.serviceToken,
    );

    expect(body.data?.markNotificationRead).toMatchObject({ notification: { id: target.id, read: true } });
    expect((await notificationsOf(alice.token, { unreadOnly: true })).nodes.map((n) => n.id)).not.toContain(target.id);
  });

  it('should answer UNAUTHENTICATED with HTTP 401 and change nothing without a token', async () => {
    const { alice } = await aliceWithThreeNotifications();
    const target = (await notificationsOf(alice.token)).nodes[0]!;

    const { status, body } = await server.graphql(MarkRead, { userId: alice.id, notificationId: target.id }, null);

    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await notificationsOf(alice.token)).unreadCount).toBe(3);
  });
});
