import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { realPostgresDatabase } from '../../helpers/database.js';
import { liveClient } from '../../helpers/live.js';

/*
 * A sender withdraws a pending request: distinct from a decline (the receiver's answer) and
 * from removing a connection, in status, notifications and live events.
 */
const server = useTestServer();

const CancelRequest = graphql(`
  mutation FeatureCancelRequest($requestId: ID!) {
    cancelConnectionRequest(requestId: $requestId) {
      __typename
      ... on Error { message code }
      ... on CancelConnectionRequestPayload { message request { id status respondedAt } }
    }
  }
`);

const ConnectionEvents = graphql(`
  subscription FeatureCancelEvents {
    connectionEvents {
      __typename
      ... on ConnectionRequestClosedEvent { request { id status sender { clientUserId } } }
      ... on UnreadCountChangedEvent { unreadCount }
    }
  }
`);

const cancel = (user: SeededUser, requestId: number | string, token = user.token) =>
  server.rest('POST', `/v1/connections/${user.id}/cancel/${requestId}`, { token });

async function requestOf(user: SeededUser, direction: 'sent' | 'received', id: number) {
  const list = await server.rest('GET', `/v1/connections/${user.id}/${direction}`, { token: user.token });
  return list.body.requests.find((r: { id: number }) => r.id === id);
}

async function notificationsOf(user: SeededUser) {
  const list = await server.rest('GET', `/v1/connections/${user.id}/notifications`, { token: user.token });
  return list.body as {
    notifications: { type: string; read: boolean; connection_request_id: number }[];
    unread_count: number;
  };
}

describe('POST /v1/connections/{user_id}/cancel/{request_id}', () => {
  it('should withdraw the request for both users and clear it from the receiver’s unread count', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const requestId = await tenant.request(alice, bob, 'hi');
    expect((await notificationsOf(bob)).unread_count).toBe(1);

    const cancelled = await cancel(alice, requestId);

    expect(cancelled).toMatchObject({ status: 200, body: { message: 'Connection request cancelled successfully' } });
    expect(await requestOf(alice, 'sent', requestId)).toMatchObject({
      status: 'cancelled',
      responded_at: expect.any(String),
    });
    expect(await requestOf(bob, 'received', requestId)).toMatchObject({ status: 'cancelled' });
    const bobs = await notificationsOf(bob);
    expect(bobs.unread_count).toBe(0);
    expect(bobs.notifications.map((n) => [n.type, n.read, n.connection_request_id])).toEqual([
      ['request_cancelled', true, requestId],
      ['new_request', true, requestId],
    ]);
    // The sender hears nothing: the withdrawal was theirs.
    expect((await notificationsOf(alice)).notifications).toEqual([]);
  });

  it('should leave nothing for the receiver to answer, and let the sender ask again', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const requestId = await tenant.request(alice, bob);
    await cancel(alice, requestId);

    const accept = await server.rest('POST', `/v1/connections/${bob.id}/accept/${requestId}`, { token: bob.token });
    const again = await cancel(alice, requestId);
    const resend = await server.rest('POST', `/v1/connections/${alice.id}/request`, {
      token: alice.token,
      body: { receiver_id: bob.id },
    });

    expect(accept).toMatchObject({ status: 409, body: { code: 'REQUEST_ALREADY_PROCESSED' } });
    expect(again).toMatchObject({ status: 409, body: { code: 'REQUEST_ALREADY_PROCESSED' } });
    expect(resend.status).toBe(201);
  });

  it('should let only the sender cancel, and change nothing otherwise', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const requestId = await tenant.request(alice, bob);

    const byReceiver = await cancel(bob, requestId);
    const byStranger = await cancel(carol, requestId);
    const asSomeoneElse = await cancel(alice, requestId, bob.token);
    const unknown = await cancel(alice, 999_999_999);

    expect(byReceiver.status).toBe(403);
    expect(byReceiver.body).toEqual({
      error: 'Forbidden',
      message: 'Not authorized to cancel this request',
      code: 'NOT_REQUEST_SENDER',
    });
    expect(byStranger.body.code).toBe('NOT_REQUEST_SENDER');
    expect(asSomeoneElse.body.code).toBe('FORBIDDEN');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'CONNECTION_REQUEST_NOT_FOUND' } });
    expect(await requestOf(alice, 'sent', requestId)).toMatchObject({ status: 'pending' });
    expect((await notificationsOf(bob)).unread_count).toBe(1);
  });

  it('should keep cancel, decline and remove apart in statuses and notifications', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave] = [
      await tenant.user(),
      await tenant.user(),
      await tenant.user(),
      await tenant.user(),
    ];
    const cancelledId = await tenant.request(alice, bob);
    await cancel(alice, cancelledId);
    const declinedId = await tenant.request(alice, carol);
    await server.rest('POST', `/v1/connections/${carol.id}/decline/${declinedId}`, { token: carol.token });
    const connectionId = await tenant.connect(alice, dave);
    await server.rest('DELETE', `/v1/connections/${alice.id}/${connectionId}`, { token: alice.token });

    const sent = await server.rest('GET', `/v1/connections/${alice.id}/sent`, { token: alice.token });
    expect(
      sent.body.requests.map((r: { user: { client_user_id: string }; status: string }) => [
        r.user.client_user_id,
        r.status,
      ]),
    ).toEqual([
      [dave.id, 'accepted'],
      [carol.id, 'declined'],
      [bob.id, 'cancelled'],
    ]);
    expect((await notificationsOf(alice)).notifications.map((n) => n.type)).toEqual([
      'request_accepted',
      'request_declined',
    ]);
    expect((await notificationsOf(bob)).notifications.map((n) => n.type)).toEqual(['request_cancelled', 'new_request']);
    const cancelledOnly = await server.rest('GET', `/v1/connections/${alice.id}/sent?status=cancelled`, {
      token: alice.token,
    });
    expect(cancelledOnly.body.requests.map((r: { id: number }) => r.id)).toEqual([cancelledId]);
  });

  it('should cancel over GraphQL too, and tell both users’ friends panels', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const requestId = await tenant.request(alice, bob);
    const live = liveClient(server.url, bob.token);
    try {
      const feed = live.subscribe(ConnectionEvents, {});
      await feed.take(1);

      const result = await server.graphql(CancelRequest, { requestId: String(requestId) }, alice.token);

      expect(result.body.data?.cancelConnectionRequest).toEqual({
        __typename: 'CancelConnectionRequestPayload',
        message: 'Connection request cancelled successfully',
        request: { id: String(requestId), status: 'CANCELLED', respondedAt: expect.any(String) },
      });
      const events = await feed.take(3);
      expect(events.map((e) => e.connectionEvents)).toContainEqual({
        __typename: 'ConnectionRequestClosedEvent',
        request: { id: String(requestId), status: 'CANCELLED', sender: { clientUserId: alice.id } },
      });
      expect(events.map((e) => e.connectionEvents)).toContainEqual({
        __typename: 'UnreadCountChangedEvent',
        unreadCount: 0,
      });
    } finally {
      await live.close();
    }
  });
});

const database = await realPostgresDatabase('cancel');
afterAll(async () => {
  await database?.db.destroy();
});

describe.skipIf(!database)('cancel racing an answer on real PostgreSQL', () => {
  const pg = useTestServer({ database: async () => database! });

  it('should let exactly one of a withdrawal and an accept win', async () => {
    const tenant = await createTenant(pg);
    const outcomes: number[][] = [];
    for (let round = 0; round < 12; round++) {
      const [alice, bob] = [await tenant.user('a'), await tenant.user('b')];
      const requestId = await tenant.request(alice, bob);
      const [cancelled, accepted] = await Promise.all([
        pg.rest('POST', `/v1/connections/${alice.id}/cancel/${requestId}`, { token: alice.token }),
        pg.rest('POST', `/v1/connections/${bob.id}/accept/${requestId}`, { token: bob.token }),
      ]);
      outcomes.push([cancelled.status, accepted.status]);
      const active = await pg.rest('GET', `/v1/connections/${alice.id}/active`, { token: alice.token });
      expect(active.body.pagination.total_items).toBe(accepted.status === 200 ? 1 : 0);
    }
    for (const pair of outcomes) expect([...pair].sort()).toEqual([200, 409]);
  });
});
