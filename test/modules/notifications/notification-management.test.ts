import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';

/* Mark all as read, delete one, and the retention of read notifications. */
const server = useTestServer({ env: { NOTIFICATION_RETENTION_DAYS: '30', MAINTENANCE_INTERVAL_MS: '100000' } });

const MarkAll = graphql(`
  mutation FeatureMarkAllRead {
    markAllNotificationsRead {
      __typename
      ... on Error { message code }
      ... on MarkAllNotificationsReadPayload { message marked }
    }
  }
`);

const DeleteOne = graphql(`
  mutation FeatureDeleteNotification($notificationId: ID!) {
    deleteNotification(notificationId: $notificationId) {
      __typename
      ... on Error { message code }
      ... on DeleteNotificationPayload { message notificationId }
    }
  }
`);

async function notificationsOf(user: SeededUser) {
  const list = await server.rest('GET', `/v1/connections/${user.id}/notifications`, { token: user.token });
  return list.body as {
    notifications: { id: number; type: string; read: boolean }[];
    unread_count: number;
    pagination: { total_items: number };
  };
}

async function userWithNotifications(count: number) {
  const tenant = await createTenant(server);
  const user = await tenant.user('popular');
  for (let i = 0; i < count; i++) await tenant.request(await tenant.user('fan'), user);
  return { tenant, user };
}

describe('POST /v1/connections/{user_id}/notifications/read', () => {
  it('should mark every unread notification read and say how many', async () => {
    const { user } = await userWithNotifications(3);
    const [first] = (await notificationsOf(user)).notifications;
    await server.rest('POST', `/v1/connections/${user.id}/notifications/${first!.id}/read`, { token: user.token });

    const marked = await server.rest('POST', `/v1/connections/${user.id}/notifications/read`, { token: user.token });
    const again = await server.rest('POST', `/v1/connections/${user.id}/notifications/read`, { token: user.token });

    expect(marked).toMatchObject({ status: 200, body: { message: 'All notifications marked as read', marked: 2 } });
    expect(again.body).toEqual({ message: 'All notifications marked as read', marked: 0 });
    const after = await notificationsOf(user);
    expect(after.unread_count).toBe(0);
    expect(after.notifications.every((n) => n.read)).toBe(true);
  });

  it('should be a GraphQL mutation too, and touch no one else’s notifications', async () => {
    const { tenant, user } = await userWithNotifications(2);
    const other = await tenant.user('other');
    await tenant.request(user, other);

    const result = await server.graphql(MarkAll, {}, user.token);

    expect(result.body.data?.markAllNotificationsRead).toEqual({
      __typename: 'MarkAllNotificationsReadPayload',
      message: 'All notifications marked as read',
      marked: 2,
    });
    expect((await notificationsOf(other)).unread_count).toBe(1);
  });

  it('should refuse acting as another user', async () => {
    const { tenant, user } = await userWithNotifications(1);
    const other = await tenant.user('other');

    const refused = await server.rest('POST', `/v1/connections/${user.id}/notifications/read`, { token: other.token });

    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await notificationsOf(user)).unread_count).toBe(1);
  });
});

describe('DELETE /v1/connections/{user_id}/notifications/{notification_id}', () => {
  it('should delete one notification, taking it out of the list, the totals and the unread count', async () => {
    const { user } = await userWithNotifications(2);
    const [newest, older] = (await notificationsOf(user)).notifications;

    const deleted = await server.rest('DELETE', `/v1/connections/${user.id}/notifications/${newest!.id}`, {
      token: user.token,
    });
    const again = await server.rest('DELETE', `/v1/connections/${user.id}/notifications/${newest!.id}`, {
      token: user.token,
    });

    expect(deleted).toMatchObject({ status: 200, body: { message: 'Notification deleted' } });
    expect(again.status).toBe(404);
    expect(again.body).toEqual({
      error: 'Resource not found',
      message: `Notification with ID '${newest!.id}' does not exist`,
      code: 'NOTIFICATION_NOT_FOUND',
    });
    const after = await notificationsOf(user);
    expect(after.notifications.map((n) => n.id)).toEqual([older!.id]);
    expect(after.pagination.total_items).toBe(1);
    expect(after.unread_count).toBe(1);
  });

  it('should not delete another user’s notification (not found), over REST or GraphQL', async () => {
    const { tenant, user } = await userWithNotifications(1);
    const other = await tenant.user('other');
    const [notification] = (await notificationsOf(user)).notifications;

    const viaRest = await server.rest('DELETE', `/v1/connections/${other.id}/notifications/${notification!.id}`, {
      token: other.token,
    });
    const viaGraphql = await server.graphql(DeleteOne, { notificationId: String(notification!.id) }, other.token);

    expect(viaRest.status).toBe(404);
    expect(viaGraphql.body.data?.deleteNotification).toMatchObject({ code: 'NOTIFICATION_NOT_FOUND' });
    expect((await notificationsOf(user)).pagination.total_items).toBe(1);
  });
});

describe('retention of read notifications', () => {
  it('should delete read notifications older than the retention period, and keep the rest', async () => {
    const { tenant, user } = await userWithNotifications(3);
    const [recentRead, oldRead, oldUnread] = (await notificationsOf(user)).notifications;
    const db = server.database.db;
    // Row ids in the list's order (newest first).
    const ids = (
      await sql<{ id: number }>`
        select n.id from notifications n join users u on u.id = n.user_id
        where u.tenant = ${tenant.name} and u.client_user_id = ${user.id} order by n.seq desc`.execute(db)
    ).rows.map((r) => Number(r.id));
    // Age them: one read a day ago, one read 31 days ago, one unread for 40 days.
    await sql`update notifications set read_at = now() - interval '1 day' where id = ${ids[0]!}`.execute(db);
    await sql`update notifications set read_at = now() - interval '31 days' where id = ${ids[1]!}`.execute(db);
    await sql`update notifications set created_at = now() - interval '40 days' where id = ${ids[2]!}`.execute(db);

    const swept = await server.app.maintenance.sweep();

    expect(swept.purged).toBeGreaterThanOrEqual(1);
    const left = (await notificationsOf(user)).notifications.map((n) => n.id);
    expect(left).toContain(recentRead!.id);
    expect(left).toContain(oldUnread!.id);
    expect(left).not.toContain(oldRead!.id);
  });
});
