import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app/build-app.js';
import { findUserByClientId } from '../../src/modules/users/users.repository.js';
import { loadConfig } from '../../src/platform/config.js';
import { connectDatabase, type DatabaseHandle } from '../../src/platform/db/connect.js';
import { EVENTS_CHANNEL } from '../../src/platform/events/pg-notify.js';
import { createLogger } from '../../src/platform/logger.js';
import { graphql } from '../gql/index.js';
import { createTenant, type SeededUser, TEST_JWT_SECRET, useTestServer } from '../helpers/app.js';
import { realPostgresDatabase } from '../helpers/database.js';
import { type LiveClient, liveClient } from '../helpers/live.js';
import { liveCursorOf } from '../helpers/live-cursor.documents.js';

/*
 * Delivery guarantees that need a real PostgreSQL server: several instances on one database,
 * the listening connection killed under load, and commits out of id order.
 */
const database = await realPostgresDatabase('live');
afterAll(async () => {
  await database?.db.destroy();
});

const NotificationAdded = graphql(`
  subscription TestDeliveryNotificationAdded($userId: ID, $after: ID) {
    notificationAdded(userId: $userId, after: $after) { id connectionRequestId message }
  }
`);

const ConnectionEvents = graphql(`
  subscription TestDeliveryConnectionEvents {
    connectionEvents {
      __typename
      ... on ConnectionCreatedEvent { connection { connectedUser { clientUserId } } }
      ... on ConnectionsResyncEvent { reason }
      ... on UnreadCountChangedEvent { unreadCount }
    }
  }
`);

describe.skipIf(!database)('delivery on real PostgreSQL', () => {
  const server = useTestServer({ database: async () => database! });
  const clients: LiveClient[] = [];
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });
  const connect = (url: string, token: string) => {
    const client = liveClient(url, token);
    clients.push(client);
    return client;
  };
  const registered = () => new Promise((resolve) => setTimeout(resolve, 200));

  it('should deliver a change made through one instance to a subscriber of another', async () => {
    const second: DatabaseHandle = await connectDatabase({ databaseUrl: database!.url! });
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET, PORT: '0', HOST: '127.0.0.1' });
    const instanceB: App = await buildApp({ config, logger: createLogger('silent'), database: second });
    try {
      const urlB = await instanceB.start();
      const tenant = await createTenant(server);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      const onB = connect(urlB, bob.token).subscribe(NotificationAdded, {});
      await registered();

      const requestId = await tenant.request(alice, bob, 'from instance A');

      const [received] = await onB.take(1);
      expect(received?.notificationAdded).toMatchObject({
        connectionRequestId: String(requestId),
        message: 'from instance A',
      });
    } finally {
      await instanceB.stop();
      await second.db.destroy();
    }
  });

  /** Terminates the instance's LISTEN connection, once it is (back) up. */
  async function killListener(admin: pg.Client) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { rowCount } = await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and application_name = 'user-connections-listener'`,
      );
      if (rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the listener never came back');
  }

  it('should lose nothing when the listening connection is killed while notifications commit', async () => {
    const tenant = await createTenant(server);
    const receivers = [await tenant.user('r'), await tenant.user('r'), await tenant.user('r')];
    const senders: SeededUser[] = [];
    for (let i = 0; i < 12; i++) senders.push(await tenant.user('s'));
    const feeds = await Promise.all(
      receivers.map(async (r) =>
        connect(server.url, r.token).subscribe(NotificationAdded, { after: await liveCursorOf(server, r.token) }),
      ),
    );
    await registered();

    const killer = new pg.Client({ connectionString: database!.url });
    await killer.connect();
    const expected: string[][] = receivers.map(() => []);
    try {
      for (const [i, sender] of senders.entries()) {
        // The last round commits while the listener is down: only the replay after it
        // reconnects can deliver it.
        if (i === 3 || i === senders.length - 1) await killListener(killer);
        const sent = await Promise.all(receivers.map((receiver) => tenant.request(sender, receiver, `#${i}`)));
        for (const [r, id] of sent.entries()) expected[r]!.push(String(id));
      }
    } finally {
      await killer.end();
    }

    for (const [r, feed] of feeds.entries()) {
      const received = await feed.take(senders.length, 20_000);
      expect(received.map((n) => n.notificationAdded.connectionRequestId)).toEqual(expected[r]);
    }
    for (const feed of feeds) expect(await feed.settle()).toHaveLength(senders.length);
  });

  it('should survive the database dropping every connection, then serve and deliver again', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const feed = connect(server.url, alice.token).subscribe(NotificationAdded, {});
    await registered();

    const admin = new pg.Client({ connectionString: database!.url });
    await admin.connect();
    try {
      // Requests in flight while every connection of the database is cut, as in a restart.
      const inFlight = Array.from({ length: 10 }, () =>
        server.rest('GET', `/v1/connections/${alice.id}/active`, { token: alice.token }),
      );
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      await Promise.allSettled(inFlight);
    } finally {
      await admin.end();
    }

    let sent: number | undefined;
    for (let attempt = 0; attempt < 50 && sent === undefined; attempt++) {
      const response = await server.rest('POST', `/v1/connections/${bob.id}/request`, {
        token: bob.token,
        body: { receiver_id: alice.id },
      });
      if (response.status === 201) sent = response.body.id;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(sent).toBeDefined();
    const [received] = await feed.take(1, 15_000);
    expect(received?.notificationAdded.connectionRequestId).toBe(String(sent));
  });

  it('should tell a friends panel to re-read its list when connection events may have been missed', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const feed = connect(server.url, alice.token).subscribe(ConnectionEvents, {});
    await feed.take(1);

    const killer = new pg.Client({ connectionString: database!.url });
    await killer.connect();
    try {
      await killListener(killer);
      // Committed while the listener is away: its event is gone for good.
      await tenant.connect(alice, bob);
    } finally {
      await killer.end();
    }

    const events = await feed.take(3, 15_000);
    const types = events.map((e) => e.connectionEvents.__typename);
    expect(types).toContain('ConnectionsResyncEvent');
    const afterResync = await server.rest('GET', `/v1/connections/${alice.id}/active`, { token: alice.token });
    expect(
      afterResync.body.connections.map(
        (c: { connected_user: { client_user_id: string } }) => c.connected_user.client_user_id,
      ),
    ).toEqual([bob.id]);
  });

  it('should resume by commit order, not id order: a smaller id committed later is still delivered', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const aliceRow = (await findUserByClientId(database!.db, tenant.name, alice.id))!;
    const carolRow = (await findUserByClientId(database!.db, tenant.name, carol.id))!;
    const live = connect(server.url, alice.token).subscribe(NotificationAdded, {});
    await registered();

    // Transaction 1 takes its notification id first (the smaller one) and commits last.
    const early = new pg.Client({ connectionString: database!.url });
    await early.connect();
    try {
      await early.query('begin');
      const { rows } = await early.query<{ id: string }>(
        `select nextval(pg_get_serial_sequence('notifications', 'id')) as id`,
      );
      const smallerId = Number(rows[0]!.id);

      // Transaction 2 takes a larger id and commits first; the client sees it and leaves.
      const laterRequest = await tenant.request(bob, alice, 'larger id, committed first');
      const [first] = await live.take(1);
      live.unsubscribe();

      // Now transaction 1 writes its notification the way the gateway does, and commits.
      const requestRow = await sql<{ id: number }>`
        insert into connection_requests (tenant, sender_id, receiver_id, message)
        values (${tenant.name}, ${carolRow.id}, ${aliceRow.id}, 'smaller id, committed last') returning id`.execute(
        database!.db,
      );
      const { rows: seqRows } = await early.query<{ seq: string }>(
        'update users set notification_seq = notification_seq + 1 where id = $1 returning notification_seq as seq',
        [aliceRow.id],
      );
      const seq = Number(seqRows[0]!.seq);
      await early.query(
        `insert into notifications (id, tenant, user_id, type, connection_request_id, other_user_id, message, seq)
         overriding system value values ($1, $2, $3, 'new_request', $4, $5, 'smaller id, committed last', $6)`,
        [smallerId, tenant.name, aliceRow.id, requestRow.rows[0]!.id, carolRow.id, seq],
      );
      await early.query('select pg_notify($1, $2)', [
        EVENTS_CHANNEL,
        JSON.stringify({ kind: 'notification', tenant: tenant.name, userId: aliceRow.id, seq }),
      ]);
      await early.query('commit');

      // Resuming after the larger id still brings the smaller one, exactly once.
      const resumed = connect(server.url, alice.token).subscribe(NotificationAdded, {
        after: first!.notificationAdded.id,
      });
      const [next] = await resumed.take(1);
      expect(first?.notificationAdded.connectionRequestId).toBe(String(laterRequest));
      expect(next?.notificationAdded.message).toBe('smaller id, committed last');
      expect(await resumed.settle()).toHaveLength(1);
    } finally {
      await early.end();
    }
  });
});
