import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../../../src/app/build-app.js';
import { addNotification } from '../../../src/modules/notifications/notifications.service.js';
import { findUserByClientId } from '../../../src/modules/users/users.repository.js';
import { loadConfig } from '../../../src/platform/config.js';
import { inTransaction } from '../../../src/platform/db/transactions.js';
import { notifyPublisher } from '../../../src/platform/events/pg-notify.js';
import { createLogger } from '../../../src/platform/logger.js';
import { graphql } from '../../gql/index.js';
import { createTenant, TEST_JWT_SECRET, useTestServer } from '../../helpers/app.js';
import { type LiveClient, liveClient } from '../../helpers/live.js';

const server = useTestServer();
const clients: LiveClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
function connect(token: string) {
  const client = liveClient(server.url, token);
  clients.push(client);
  return client;
}
const registered = () => new Promise((resolve) => setTimeout(resolve, 150));

const ConnectionEvents = graphql(`
  subscription TestConnectionEvents($userId: ID) {
    connectionEvents(userId: $userId) {
      __typename
      ... on ConnectionCreatedEvent { connection { id connectedSince connectedUser { clientUserId } } }
      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }
      ... on UnreadCountChangedEvent { unreadCount }
    }
  }
`);

const NotificationAdded = graphql(`
  subscription TestRollbackNotificationAdded {
    notificationAdded { id connectionRequestId message }
  }
`);

describe('Subscription.connectionEvents', () => {
  it('should tell both users of a connection made and removed, and each its unread count as it changes', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const aliceFeed = connect(alice.token).subscribe(ConnectionEvents, {});
    const bobFeed = connect(bob.token).subscribe(ConnectionEvents, {});
    await aliceFeed.take(1);
    await bobFeed.take(1);

    const requestId = await tenant.request(alice, bob);
    await bobFeed.take(2);
    await server.rest('POST', `/v1/connections/${bob.id}/accept/${requestId}`, { token: bob.token });
    await aliceFeed.take(3);
    const [bobsNotification] = (
      await server.rest('GET', `/v1/connections/${bob.id}/notifications`, { token: bob.token })
    ).body.notifications;
    await server.rest('POST', `/v1/connections/${bob.id}/notifications/${bobsNotification.id}/read`, {
      token: bob.token,
    });
    await bobFeed.take(4);
    const { connections } = (await server.rest('GET', `/v1/connections/${alice.id}/active`, { token: alice.token }))
      .body;
    await server.rest('DELETE', `/v1/connections/${alice.id}/${connections[0].id}`, { token: alice.token });

    const connectionId = String(connections[0].id);
    expect((await aliceFeed.take(4)).map((e) => e.connectionEvents)).toEqual([
      { __typename: 'UnreadCountChangedEvent', unreadCount: 0 },
      {
        __typename: 'ConnectionCreatedEvent',
        connection: {
          id: connectionId,
          connectedSince: connections[0].connected_since,
          connectedUser: { clientUserId: bob.id },
        },
      },
      { __typename: 'UnreadCountChangedEvent', unreadCount: 1 },
      { __typename: 'ConnectionRemovedEvent', connectionId, connectedUser: { clientUserId: bob.id } },
    ]);
    expect((await bobFeed.take(5)).map((e) => e.connectionEvents)).toEqual([
      { __typename: 'UnreadCountChangedEvent', unreadCount: 0 },
      { __typename: 'UnreadCountChangedEvent', unreadCount: 1 },
      {
        __typename: 'ConnectionCreatedEvent',
        connection: {
          id: connectionId,
          connectedSince: connections[0].connected_since,
          connectedUser: { clientUserId: alice.id },
        },
      },
      { __typename: 'UnreadCountChangedEvent', unreadCount: 0 },
      { __typename: 'ConnectionRemovedEvent', connectionId, connectedUser: { clientUserId: alice.id } },
    ]);
    expect(await aliceFeed.settle()).toHaveLength(4);
  });
});

describe('publication', () => {
  it('should publish nothing for a change that rolled back', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const feed = connect(alice.token).subscribe(NotificationAdded, {});
    await registered();
    const aliceRow = await findUserByClientId(server.database.db, tenant.name, alice.id);
    const requestId = await tenant.request(bob, alice, 'the one that counts');
    await feed.take(1);

    await expect(
      inTransaction(server.database.db, async (trx) => {
        await addNotification(trx, notifyPublisher, {
          tenant: tenant.name,
          user_id: aliceRow!.id,
          type: 'request_accepted',
          connection_request_id: (
            await trx
              .selectFrom('connection_requests')
              .select('id')
              .where('tenant', '=', tenant.name)
              .executeTakeFirstOrThrow()
          ).id,
          other_user_id: aliceRow!.id,
          message: 'rolled back',
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    expect((await feed.settle(500)).map((n) => n.notificationAdded.message)).toEqual(['the one that counts']);
    const listed = await server.rest('GET', `/v1/connections/${alice.id}/notifications`, { token: alice.token });
    expect(listed.body.notifications.map((n: { connection_request_id: number }) => n.connection_request_id)).toEqual([
      requestId,
    ]);
  });
});

describe('shutdown', () => {
  it('should close open sockets with 1001 when the server stops', async () => {
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, PORT: '0', HOST: '127.0.0.1' });
    const app = await buildApp({ config, logger: createLogger('silent'), database: server.database });
    const url = await app.start();
    const token = await server.token('anyone');
    const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    const acked = new Promise<void>((resolve) =>
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') resolve();
      }),
    );
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    await acked;

    await app.stop();

    expect(await closed).toBe(1001);
  });
});
