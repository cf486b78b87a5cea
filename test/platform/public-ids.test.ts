import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations/index.js';
import { connectDatabase, type DatabaseHandle } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { graphql } from '../gql/index.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { createWorkerDatabase } from '../helpers/database.js';
import { legacyPublicId } from '../helpers/legacy-public-ids.js';
import { type LiveClient, liveClient } from '../helpers/live.js';
import { as, outcome, stateOf, users } from '../helpers/results.js';

/*
 * Ids of requests, connections and notifications come from one id space per kind: an id of one
 * kind never names an object of another. Ids issued before that (when request #1 and
 * notification #1 shared their public id) keep naming what they named.
 */

const NotificationAdded = graphql(`
  subscription PublicIdsNotificationAdded($after: ID) {
    notificationAdded(after: $after) { id type otherUser { clientUserId } }
  }
`);

const NotificationsAfter = graphql(`
  query PublicIdsNotificationsAfter($after: String) {
    notifications(first: 10, after: $after) {
      __typename
      ... on NotificationPage { nodes { id type otherUser { clientUserId } } }
      ... on Error { message code }
    }
  }
`);

/**
 * A migrated database of this file's own, so that its first rows are the first rows of the
 * database: on the PostgreSQL server TEST_DATABASE_URL names, else an in-memory PGlite.
 */
function privateDatabase(purpose: string): () => Promise<DatabaseHandle> {
  let opened: Promise<DatabaseHandle> | null = null;
  afterAll(async () => {
    await (await opened)?.db.destroy();
  });
  return () => {
    opened ??= (async () => {
      const adminUrl = process.env.TEST_DATABASE_URL;
      const handle = adminUrl
        ? await connectDatabase({ databaseUrl: await createWorkerDatabase(adminUrl, purpose), poolMax: 5 })
        : await connectDatabase({ pgliteDir: 'memory://' });
      await migrateToLatest(handle.db);
      return handle;
    })();
    return opened;
  };
}

/** The row ids of a tenant's rows in one table, in the order they were made. */
async function rowIds(
  database: DatabaseHandle,
  table: 'connection_requests' | 'connections' | 'notifications',
  tenant: string,
): Promise<number[]> {
  const rows = await database.db.selectFrom(table).select('id').where('tenant', '=', tenant).orderBy('id').execute();
  return rows.map((row) => row.id);
}

async function publicIdKey(database: DatabaseHandle): Promise<Buffer> {
  const row = await database.db
    .selectFrom('gateway_settings')
    .select('value')
    .where('name', '=', 'public_id_key')
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'hex');
}

/** Ids as the API gives them now: integers from 2^52 up to 2^53, exact as JSON numbers. */
const CURRENT_ID = expect.toSatisfy(
  (id: unknown) => Number.isSafeInteger(id) && (id as number) >= 2 ** 52 && (id as number) < 2 ** 53,
  'an integer in [2^52, 2^53)',
);

const notFound = (code: string, noun: string, id: number) => ({
  status: 404,
  body: { error: 'Resource not found', message: `${noun} with ID '${id}' does not exist`, code },
});

function api(server: TestServer) {
  const list = async (user: SeededUser, path: string) => {
    const response = await server.rest('GET', `/v1/connections/${user.id}/${path}`, { token: user.token });
    expect(response.status).toBe(200);
    return response.body;
  };
  return {
    sent: async (user: SeededUser): Promise<{ id: number; status: string }[]> =>
      (await list(user, 'sent?per_page=50')).requests,
    received: async (user: SeededUser): Promise<{ id: number; status: string }[]> =>
      (await list(user, 'received?per_page=50')).requests,
    active: async (user: SeededUser): Promise<{ id: number; connected_user: { client_user_id: string } }[]> =>
      (await list(user, 'active?per_page=50')).connections,
    notifications: async (
      user: SeededUser,
    ): Promise<{ id: number; type: string; connection_request_id: number; read: boolean }[]> =>
      (await list(user, 'notifications?per_page=50')).notifications,
    accept: (user: SeededUser, requestId: number) =>
      server.rest('POST', `/v1/connections/${user.id}/accept/${requestId}`, { token: user.token }),
    markRead: (user: SeededUser, notificationId: number) =>
      server.rest('POST', `/v1/connections/${user.id}/notifications/${notificationId}/read`, { token: user.token }),
    removeConnection: (user: SeededUser, connectionId: number) =>
      server.rest('DELETE', `/v1/connections/${user.id}/${connectionId}`, { token: user.token }),
  };
}

describe('ids of a fresh database', () => {
  const database = privateDatabase('ids');
  const server = useTestServer({ database });
  const call = api(server);

  /*
   * The first rows of each table: request #1 (alice to bob), notification #1 (bob's new_request),
   * connection #1 (bob accepted), notification #2 (alice's request_accepted), request #2 (carol
   * to alice, pending), notification #3 (alice's new_request). Row ids of different kinds
   * coincide, so ids derived from row ids alone would too.
   */
  const world = {} as {
    alice: SeededUser;
    bob: SeededUser;
    carol: SeededUser;
    acceptedRequest: number;
    pendingRequest: number;
    connection: number;
    bobsNewRequest: number;
    alicesAccepted: number;
  };
  beforeAll(async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const acceptedRequest = await tenant.request(alice, bob);
    expect((await call.accept(bob, acceptedRequest)).status).toBe(200);
    const pendingRequest = await tenant.request(carol, alice);
    const [connection] = await call.active(alice);
    const [bobsNewRequest] = await call.notifications(bob);
    const alicesAccepted = (await call.notifications(alice)).find((n) => n.type === 'request_accepted');
    Object.assign(world, {
      alice,
      bob,
      carol,
      acceptedRequest,
      pendingRequest,
      connection: connection?.id,
      bobsNewRequest: bobsNewRequest?.id,
      alicesAccepted: alicesAccepted?.id,
    });
    // What makes the tests below able to fail: the row ids behind the ids coincide.
    const handle = await database();
    expect({
      requests: await rowIds(handle, 'connection_requests', tenant.name),
      connections: await rowIds(handle, 'connections', tenant.name),
      notifications: await rowIds(handle, 'notifications', tenant.name),
    }).toEqual({ requests: [1, 2], connections: [1], notifications: [1, 2, 3] });
  });

  it('should give the first request, connection and notification distinct integer ids', () => {
    const ids = [
      world.acceptedRequest,
      world.connection,
      world.bobsNewRequest,
      world.pendingRequest,
      world.alicesAccepted,
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(ids.map(() => CURRENT_ID));
  });

  it('should answer a request id given as a notification id with 404 NOTIFICATION_NOT_FOUND, changing nothing', async () => {
    const { alice, pendingRequest } = world;
    const before = await stateOf(server, alice);

    expect(outcome(await call.markRead(alice, pendingRequest))).toEqual(
      notFound('NOTIFICATION_NOT_FOUND', 'Notification', pendingRequest),
    );
    expect(await stateOf(server, alice)).toEqual(before);
  });

  it('should answer a request id given as a connection id with 404 CONNECTION_NOT_FOUND, changing nothing', async () => {
    const { alice, bob, acceptedRequest } = world;
    const before = await stateOf(server, alice, bob);

    expect(outcome(await call.removeConnection(alice, acceptedRequest))).toEqual(
      notFound('CONNECTION_NOT_FOUND', 'Connection', acceptedRequest),
    );
    expect(await stateOf(server, alice, bob)).toEqual(before);
  });

  it('should answer a notification id given as a request id with 404 CONNECTION_REQUEST_NOT_FOUND, changing nothing', async () => {
    const { alice, carol, alicesAccepted } = world;
    const before = await stateOf(server, alice, carol);

    expect(outcome(await call.accept(alice, alicesAccepted))).toEqual(
      notFound('CONNECTION_REQUEST_NOT_FOUND', 'Connection request', alicesAccepted),
    );
    expect(await stateOf(server, alice, carol)).toEqual(before);
  });
});

describe('ids issued before ids had kinds', () => {
  const database = privateDatabase('idsupgrade');
  // The version before the upgrade made the rows; this server only stands in for it.
  const before = useTestServer({ database });

  /*
   * Made before the upgrade: request #1 (alice to bob, accepted), notification #1 (bob's
   * new_request), connection #1, notification #2 (alice's request_accepted), request #2 (carol
   * to alice, pending), notification #3 (alice's new_request).
   */
  const world = {} as {
    key: Buffer;
    tenant: string;
    alice: SeededUser;
    bob: SeededUser;
    carol: SeededUser;
    rows: { requests: number[]; connections: number[]; notifications: number[] };
  };
  beforeAll(async () => {
    const tenant = await createTenant(before);
    const [alice, bob, carol] = await users(tenant, 'alice', 'bob', 'carol');
    const request = await tenant.request(alice, bob);
    expect((await api(before).accept(bob, request)).status).toBe(200);
    await tenant.request(carol, alice);

    const handle = await database();
    Object.assign(world, {
      key: await publicIdKey(handle),
      tenant: tenant.name,
      alice,
      bob,
      carol,
      rows: {
        requests: await rowIds(handle, 'connection_requests', tenant.name),
        connections: await rowIds(handle, 'connections', tenant.name),
        notifications: await rowIds(handle, 'notifications', tenant.name),
      },
    });
    expect(world.rows).toEqual({ requests: [1, 2], connections: [1], notifications: [1, 2, 3] });

    // The upgrade: the migration that gave ids their kinds runs now, after those rows.
    const names = Object.keys(migrations);
    const previous = names[names.indexOf('0007_public_id_kinds') - 1] as string;
    const migrator = new Migrator({ db: handle.db, provider: { getMigrations: async () => migrations } });
    const { error } = await migrator.migrateTo(previous);
    if (error) throw error;
    await migrateToLatest(handle.db);
  });

  // An instance of the upgraded version (it reads what the migration recorded as it starts).
  const server = useTestServer({ database });
  const call = api(server);
  const clients: LiveClient[] = [];
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
  });

  const legacy = (rowId: number | undefined) => legacyPublicId(world.key, rowId as number);

  it('should accept an old request id and answer with the new one', async () => {
    const { alice, carol, rows } = world;
    const oldId = legacy(rows.requests[1]);
    const [pending] = (await call.received(alice)).filter((r) => r.status === 'pending');

    expect(outcome(await call.accept(alice, oldId))).toEqual({
      status: 200,
      body: { message: 'Connection request accepted successfully' },
    });
    expect(pending).toEqual({ ...pending, id: CURRENT_ID });
    expect(pending?.id).not.toBe(oldId);
    expect(await call.sent(carol)).toEqual([expect.objectContaining({ id: pending?.id, status: 'accepted' })]);
  });

  it('should accept an old notification id and answer with the new one', async () => {
    const { bob, rows } = world;
    const oldId = legacy(rows.notifications[0]);

    expect(outcome(await call.markRead(bob, oldId))).toEqual({
      status: 200,
      body: { message: 'Notification marked as read' },
    });
    expect(await call.notifications(bob)).toEqual([
      expect.objectContaining({ id: CURRENT_ID, type: 'new_request', read: true }),
    ]);
    expect((await call.notifications(bob))[0]?.id).not.toBe(oldId);
  });

  it('should accept an old connection id and answer with the new one', async () => {
    const { bob, rows } = world;
    const oldId = legacy(rows.connections[0]);
    const [connection] = await call.active(bob);
    expect(connection).toEqual({ ...connection, id: CURRENT_ID });
    expect(connection?.id).not.toBe(oldId);

    expect(outcome(await call.removeConnection(bob, oldId))).toEqual({
      status: 200,
      body: { message: 'Connection removed successfully' },
    });
    expect(await call.active(bob)).toEqual([]);
  });

  it('should resume notificationAdded after an old notification id', async () => {
    const { alice, rows } = world;
    const client = liveClient(server.url, alice.token);
    clients.push(client);

    // Alice's notification #2 is followed by #3, carol's new_request.
    const feed = client.subscribe(NotificationAdded, { after: String(legacy(rows.notifications[1])) });
    const [first] = await feed.take(1);
    expect(feed.errors).toEqual([]);
    expect(first?.notificationAdded).toEqual({
      id: expect.toSatisfy((id: string) => Number(id) >= 2 ** 52, 'a current id'),
      type: 'NEW_REQUEST',
      otherUser: { clientUserId: world.carol.id },
    });
  });

  it('should continue a list from a cursor issued before the upgrade', async () => {
    const { alice, rows } = world;
    const handle = await database();
    const newest = await handle.db
      .selectFrom('notifications')
      .select(['created_at', 'id'])
      .where('id', '=', rows.notifications[2] as number)
      .executeTakeFirstOrThrow();
    const oldCursor = Buffer.from(`${newest.created_at.getTime()}:${legacy(newest.id)}`).toString('base64url');

    const page = await server.graphql(NotificationsAfter, { after: oldCursor }, alice.token);
    expect(as(page.body.data?.notifications, 'NotificationPage').nodes).toEqual([
      { id: expect.any(String), type: 'REQUEST_ACCEPTED', otherUser: { clientUserId: world.bob.id } },
    ]);
  });

  it('should answer an old-form id of an object made after the upgrade with 404, changing nothing', async () => {
    const tenant = await createTenant(server);
    const [dave, erin, frank] = await users(tenant, 'dave', 'erin', 'frank');
    const connectionRequest = await tenant.request(erin, dave);
    expect((await call.accept(dave, connectionRequest)).status).toBe(200);
    await tenant.request(frank, dave);
    const handle = await database();
    const [, pendingRow] = await rowIds(handle, 'connection_requests', tenant.name);
    const [connectionRow] = await rowIds(handle, 'connections', tenant.name);
    const [notificationRow] = await rowIds(handle, 'notifications', tenant.name);
    const state = await stateOf(server, dave, erin, frank);

    const request = legacy(pendingRow);
    expect(outcome(await call.accept(dave, request))).toEqual(
      notFound('CONNECTION_REQUEST_NOT_FOUND', 'Connection request', request),
    );
    const connection = legacy(connectionRow);
    expect(outcome(await call.removeConnection(dave, connection))).toEqual(
      notFound('CONNECTION_NOT_FOUND', 'Connection', connection),
    );
    // Notification #1 of the tenant is erin's request to dave, new_request.
    const notification = legacy(notificationRow);
    expect(outcome(await call.markRead(dave, notification))).toEqual(
      notFound('NOTIFICATION_NOT_FOUND', 'Notification', notification),
    );
    expect(await stateOf(server, dave, erin, frank)).toEqual(state);
  });
});
