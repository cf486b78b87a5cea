import { describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { outcome } from '../../helpers/results.js';

const server = useTestServer();

const isoTimestamp = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

/** Status and body together, so that a failure shows both. */

interface NotificationItem {
  id: number;
  type: 'new_request' | 'request_accepted' | 'request_declined';
  connection_request_id: number;
  other_user: { client_user_id: string; display_name: string };
  message: string;
  timestamp: string;
  read: boolean;
}
interface NotificationList {
  notifications: NotificationItem[];
  unread_count: number;
  pagination: { current_page: number; total_pages: number; total_items: number; per_page: number };
}

function notifications(user: SeededUser, query = '', token = user.token) {
  return server.rest<NotificationList>('GET', `/v1/connections/${user.id}/notifications${query}`, { token });
}

function markRead(user: SeededUser, notificationId: number | string, token = user.token) {
  return server.rest('POST', `/v1/connections/${user.id}/notifications/${notificationId}/read`, { token });
}

function answer(verb: 'accept' | 'decline', user: SeededUser, requestId: number) {
  return server.rest('POST', `/v1/connections/${user.id}/${verb}/${requestId}`, { token: user.token });
}

const otherParty = (user: SeededUser) => ({ client_user_id: user.id, display_name: user.displayName });

const notificationNotFound = (id: string | number) => ({
  status: 404,
  body: {
    error: 'Resource not found',
    message: `Notification with ID '${id}' does not exist`,
    code: 'NOTIFICATION_NOT_FOUND',
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

/** Gives `user` `count` new_request notifications, one after the other; returns the request ids, oldest first. */
async function incomingRequests(tenant: Tenant, user: SeededUser, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) ids.push(await tenant.request(await tenant.user('sender'), user, `request ${i}`));
  return ids;
}

describe('GET /v1/connections/{user_id}/notifications', () => {
  it('should answer every notification type in the documented shape, newest first', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave] = await users(tenant, 'alice', 'bob', 'carol', 'dave');
    const fromBob = await tenant.request(bob, alice, "Hi! I'd like to connect with you.");
    const toCarol = await tenant.request(alice, carol);
    await answer('accept', carol, toCarol);
    const toDave = await tenant.request(alice, dave);
    await answer('decline', dave, toDave);

    const response = await notifications(alice);

    expect(outcome(response)).toEqual({
      status: 200,
      body: {
        notifications: [
          {
            id: expect.any(Number),
            type: 'request_declined',
            connection_request_id: toDave,
            other_user: otherParty(dave),
            message: 'Your connection request was declined.',
            timestamp: isoTimestamp,
            read: false,
          },
          {
            id: expect.any(Number),
            type: 'request_accepted',
            connection_request_id: toCarol,
            other_user: otherParty(carol),
            message: 'Your connection request was accepted!',
            timestamp: isoTimestamp,
            read: false,
          },
          {
            id: expect.any(Number),
            type: 'new_request',
            connection_request_id: fromBob,
            other_user: otherParty(bob),
            message: "Hi! I'd like to connect with you.",
            timestamp: isoTimestamp,
            read: false,
          },
        ],
        unread_count: 3,
        pagination: { current_page: 1, total_pages: 1, total_items: 3, per_page: 50 },
      },
    });
    const ids = response.body.notifications.map((n) => n.id);
    expect(new Set(ids).size).toBe(3);
    const times = response.body.notifications.map((n) => Date.parse(n.timestamp));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('should answer an empty list for a user without notifications', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    // Sending a request notifies only the receiver.
    await tenant.request(alice, bob);

    const response = await notifications(alice);

    expect(outcome(response)).toEqual({
      status: 200,
      body: {
        notifications: [],
        unread_count: 0,
        pagination: { current_page: 1, total_pages: 0, total_items: 0, per_page: 50 },
      },
    });
  });

  it('should show only the newest 50 by default', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const senders = await Promise.all(Array.from({ length: 51 }, () => tenant.user('sender')));
    const requestIds = await Promise.all(senders.map((sender) => tenant.request(sender, alice)));

    const first = await notifications(alice);
    const second = await notifications(alice, '?page=2');

    expect(first.status).toBe(200);
    expect(first.body.notifications).toHaveLength(50);
    expect(first.body.unread_count).toBe(51);
    expect(first.body.pagination).toEqual({ current_page: 1, total_pages: 2, total_items: 51, per_page: 50 });
    expect(second.body.notifications).toHaveLength(1);
    expect(second.body.pagination).toEqual({ current_page: 2, total_pages: 2, total_items: 51, per_page: 50 });
    const listed = [...first.body.notifications, ...second.body.notifications];
    expect(new Set(listed.map((n) => n.connection_request_id))).toEqual(new Set(requestIds));
    // Newest first across both pages, in one fixed order: a second read agrees.
    const times = listed.map((n) => Date.parse(n.timestamp));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const again = [
      ...(await notifications(alice)).body.notifications,
      ...(await notifications(alice, '?page=2')).body.notifications,
    ];
    expect(again.map((n) => n.id)).toEqual(listed.map((n) => n.id));
  });

  it('should page with page and per_page and answer an empty list past the end', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const requestIds = await incomingRequests(tenant, alice, 5);
    const newestFirst = [...requestIds].reverse();

    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(await notifications(alice, `?page=${page}&per_page=2`));

    expect(pages.map((p) => p.status)).toEqual([200, 200, 200, 200]);
    expect(pages.map((p) => p.body.notifications.map((n) => n.connection_request_id))).toEqual([
      newestFirst.slice(0, 2),
      newestFirst.slice(2, 4),
      newestFirst.slice(4),
      [],
    ]);
    expect(pages.map((p) => p.body.pagination)).toEqual(
      [1, 2, 3, 4].map((page) => ({ current_page: page, total_pages: 3, total_items: 5, per_page: 2 })),
    );
    // The unread count is the user's, not the page's.
    expect(pages.map((p) => p.body.unread_count)).toEqual([5, 5, 5, 5]);
  });

  it('should list only unread notifications with unread_only=true', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const [oldest, middle, newest] = await incomingRequests(tenant, alice, 3);
    const all = (await notifications(alice)).body.notifications;
    const middleNotification = all.find((n) => n.connection_request_id === middle)!;
    expect((await markRead(alice, middleNotification.id)).status).toBe(200);

    const unread = await notifications(alice, '?unread_only=true');
    const explicitAll = await notifications(alice, '?unread_only=false');
    const unfiltered = await notifications(alice);

    expect(outcome(unread)).toEqual({
      status: 200,
      body: {
        notifications: [
          expect.objectContaining({ connection_request_id: newest, read: false }),
          expect.objectContaining({ connection_request_id: oldest, read: false }),
        ],
        unread_count: 2,
        pagination: { current_page: 1, total_pages: 1, total_items: 2, per_page: 50 },
      },
    });
    expect(unfiltered.body).toEqual({
      notifications: [
        expect.objectContaining({ connection_request_id: newest, read: false }),
        expect.objectContaining({ id: middleNotification.id, connection_request_id: middle, read: true }),
        expect.objectContaining({ connection_request_id: oldest, read: false }),
      ],
      unread_count: 2,
      pagination: { current_page: 1, total_pages: 1, total_items: 3, per_page: 50 },
    });
    expect(explicitAll.body).toEqual(unfiltered.body);
  });

  it('should count all unread notifications whatever the filter and page', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    await incomingRequests(tenant, alice, 4);
    const [newest] = (await notifications(alice)).body.notifications;
    await markRead(alice, newest!.id);

    const counts = [];
    for (const query of ['', '?per_page=1', '?page=9', '?unread_only=true&per_page=1', '?unread_only=true&page=2']) {
      const response = await notifications(alice, query);
      expect(response.status).toBe(200);
      counts.push(response.body.unread_count);
    }

    expect(counts).toEqual([3, 3, 3, 3, 3]);
    const page = await notifications(alice, '?unread_only=true&per_page=2&page=2');
    expect(page.body.notifications).toHaveLength(1);
    expect(page.body.pagination).toEqual({ current_page: 2, total_pages: 2, total_items: 3, per_page: 2 });
  });

  it.each([
    ['per_page=51', 'per_page'],
    ['per_page=0', 'per_page'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['unread_only=maybe', 'unread_only'],
  ])('should answer 400 VALIDATION_FAILED for %s', async (query, parameter) => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');

    const response = await notifications(alice, `?${query}`);

    expect(outcome(response)).toEqual({
      status: 400,
      body: { error: 'Bad Request', message: expect.stringContaining(parameter), code: 'VALIDATION_FAILED' },
    });
  });

  it("should forbid a user token from reading another user's notifications", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await tenant.request(alice, bob);

    const response = await notifications(bob, '', alice.token);

    expect(outcome(response)).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: expect.any(String), code: 'FORBIDDEN' },
    });
  });

  it('should answer 404 USER_NOT_FOUND for an unknown user', async () => {
    const tenant = await createTenant(server);

    const response = await server.rest('GET', '/v1/connections/ghost/notifications', { token: tenant.serviceToken });

    expect(outcome(response)).toEqual({
      status: 404,
      body: { error: 'Resource not found', message: "User with ID 'ghost' does not exist", code: 'USER_NOT_FOUND' },
    });
  });
});

describe('POST /v1/connections/{user_id}/notifications/{notification_id}/read', () => {
  it('should mark the notification read and update the unread count', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    await incomingRequests(tenant, alice, 2);
    const before = (await notifications(alice)).body;
    const [newest, oldest] = before.notifications;

    const response = await markRead(alice, oldest!.id);

    expect(outcome(response)).toEqual({ status: 200, body: { message: 'Notification marked as read' } });
    expect((await notifications(alice)).body).toEqual({
      ...before,
      notifications: [newest, { ...oldest, read: true }],
      unread_count: 1,
    });
  });

  it('should answer 200 again when the notification is already read, without changing anything', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    await incomingRequests(tenant, alice, 2);
    const [newest] = (await notifications(alice)).body.notifications;
    await markRead(alice, newest!.id);
    const before = (await notifications(alice)).body;

    const again = await markRead(alice, newest!.id);

    expect(outcome(again)).toEqual({ status: 200, body: { message: 'Notification marked as read' } });
    expect((await notifications(alice)).body).toEqual(before);
    expect(before.unread_count).toBe(1);
  });

  it('should mark read notifications of every type', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave] = await users(tenant, 'alice', 'bob', 'carol', 'dave');
    await tenant.request(bob, alice);
    await answer('accept', carol, await tenant.request(alice, carol));
    await answer('decline', dave, await tenant.request(alice, dave));
    const { notifications: list } = (await notifications(alice)).body;
    expect(list.map((n) => n.type).sort()).toEqual(['new_request', 'request_accepted', 'request_declined']);

    for (const notification of list) expect((await markRead(alice, notification.id)).status).toBe(200);

    const after = (await notifications(alice)).body;
    expect(after.unread_count).toBe(0);
    expect(after.notifications.map((n) => n.read)).toEqual([true, true, true]);
    expect((await notifications(alice, '?unread_only=true')).body.notifications).toEqual([]);
  });

  it("should answer 404 NOTIFICATION_NOT_FOUND for another user's notification and leave it unread", async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    await tenant.request(carol, bob);
    const [bobsNotification] = (await notifications(bob)).body.notifications;
    const before = [(await notifications(alice)).body, (await notifications(bob)).body];

    const response = await markRead(alice, bobsNotification!.id);

    expect(outcome(response)).toEqual(notificationNotFound(bobsNotification!.id));
    expect([(await notifications(alice)).body, (await notifications(bob)).body]).toEqual(before);
    expect(before[1]!.unread_count).toBe(1);
  });

  it('should answer 404 NOTIFICATION_NOT_FOUND for a notification of another tenant', async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const [alice, bob] = await users(other, 'alice', 'bob');
    await other.request(alice, bob);
    const [notification] = (await notifications(bob)).body.notifications;
    // Same client user id as the owner, but in another tenant.
    const [, intruder] = await users(tenant, 'alice', 'bob');
    expect(intruder.id).toBe(bob.id);

    const response = await markRead(intruder, notification!.id);

    expect(outcome(response)).toEqual(notificationNotFound(notification!.id));
    expect((await notifications(bob)).body.unread_count).toBe(1);
  });

  it.each(['999999999', 'abc', '0', '-1', '1.5'])(
    'should answer 404 NOTIFICATION_NOT_FOUND for notification id %s',
    async (notificationId) => {
      const tenant = await createTenant(server);
      const alice = await tenant.user('alice');
      await incomingRequests(tenant, alice, 1);
      const before = (await notifications(alice)).body;

      const response = await markRead(alice, notificationId);

      expect(outcome(response)).toEqual(notificationNotFound(notificationId));
      expect((await notifications(alice)).body).toEqual(before);
    },
  );

  it('should forbid a user token from marking as another user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await tenant.request(alice, bob);
    const before = (await notifications(bob)).body;

    const response = await markRead(bob, before.notifications[0]!.id, alice.token);

    expect(outcome(response)).toEqual({
      status: 403,
      body: { error: 'Forbidden', message: expect.any(String), code: 'FORBIDDEN' },
    });
    expect((await notifications(bob)).body).toEqual(before);
  });

  it('should let a service token mark a notification read on behalf of its user', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = await users(tenant, 'alice', 'bob');
    await tenant.request(alice, bob);
    const [notification] = (await notifications(bob)).body.notifications;

    const response = await markRead(bob, notification!.id, tenant.serviceToken);

    expect(outcome(response)).toEqual({ status: 200, body: { message: 'Notification marked as read' } });
    expect((await notifications(bob)).body.unread_count).toBe(0);
  });
});
