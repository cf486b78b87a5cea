import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { addNotification } from '../../src/modules/notifications/notifications.service.js';
import { findUserByClientId } from '../../src/modules/users/users.repository.js';
import { inTransaction } from '../../src/platform/db/transactions.js';
import { OUTBOX_TIMING, RedisEventTransport } from '../../src/platform/events/redis-transport.js';
import { createLogger } from '../../src/platform/logger.js';
import { graphql } from '../gql/index.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { realPostgresDatabase } from '../helpers/database.js';
import { type LiveClient, liveClient } from '../helpers/live.js';
import { liveCursorOf } from '../helpers/live-cursor.documents.js';
import { privateRedis } from '../helpers/redis.js';
import { pausableProxy } from '../helpers/tcp-proxy.js';

/*
 * LIVE_TRANSPORT=redis: live events written to an outbox in the transaction of their change and
 * published through Redis after it commits. The same guarantees as NOTIFY: every committed
 * notification exactly once and in order, nothing of a rollback; and a publish lost between the
 * commit and Redis still arrives, within the outbox's bound.
 */

const REDIS_URL = 'redis://127.0.0.1:6379';
/** How late a committed event may arrive when its publish was lost: the outbox's bound, plus slack for a busy machine. */
const LOST_PUBLISH_BOUND_MS = OUTBOX_TIMING.publishAfterMs + OUTBOX_TIMING.sweepMs;
const SLACK_MS = 1_500;

function liveThroughRedis(prefix: string, redisUrl = REDIS_URL): Record<string, string> {
  // Presence kept in PostgreSQL: these tests cut and restart Redis under the live events only.
  return { LIVE_TRANSPORT: 'redis', REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, PRESENCE_STORE: 'postgres' };
}

const NotificationAdded = graphql(`
  subscription TestRedisNotificationAdded($after: ID) {
    notificationAdded(after: $after) { id connectionRequestId message }
  }
`);

const InviteNotifications = graphql(`
  subscription TestRedisInviteNotifications {
    notificationAdded { type otherUser { clientUserId } invite { id status joinInfo } }
  }
`);

const ConnectionEvents = graphql(`
  subscription TestRedisConnectionEvents {
    connectionEvents {
      __typename
      ... on ConnectionCreatedEvent { connection { connectedUser { clientUserId } } }
    }
  }
`);

const clients: LiveClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
function connect(server: TestServer, token: string) {
  const client = liveClient(server.url, token);
  clients.push(client);
  return client;
}
const registered = () => new Promise((resolve) => setTimeout(resolve, 200));

/** `user`'s notifications from now on, without a gap however long the subscription takes to start. */
async function notificationsFromNow(server: TestServer, user: SeededUser) {
  const after = await liveCursorOf(server, user.token);
  return connect(server, user.token).subscribe(NotificationAdded, { after });
}

/** Sends a request from `from` to `to` through `server`; answers its id. */
async function send(server: TestServer, from: SeededUser, to: SeededUser, message: string): Promise<string> {
  const answer = await server.rest('POST', `/v1/connections/${from.id}/request`, {
    token: from.token,
    body: { receiver_id: to.id, message },
  });
  if (answer.status !== 201) throw new Error(`send failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return String(answer.body.id);
}

async function usersOf(tenant: Awaited<ReturnType<typeof createTenant>>, base: string, count: number) {
  const users: SeededUser[] = [];
  for (let i = 0; i < count; i++) users.push(await tenant.user(base));
  return users;
}

describe('live events through Redis, one instance', () => {
  const prefix = `test:${randomUUID()}:`;
  const server = useTestServer({ env: liveThroughRedis(prefix) });

  it('should deliver notifications live, and resume after one with exactly the rest, in order', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const senders = await usersOf(tenant, 'sender', 5);
    const feed = connect(server, alice.token).subscribe(NotificationAdded, {});
    await registered();

    const sent: string[] = [];
    for (const [i, sender] of senders.slice(0, 3).entries()) sent.push(await send(server, sender, alice, `#${i}`));
    const live = await feed.take(3);
    expect(live.map((n) => n.notificationAdded.connectionRequestId)).toEqual(sent);
    feed.unsubscribe();

    for (const [i, sender] of senders.slice(3).entries()) sent.push(await send(server, sender, alice, `#${i + 3}`));
    const resumed = connect(server, alice.token).subscribe(NotificationAdded, { after: live[0]!.notificationAdded.id });
    expect((await resumed.take(4)).map((n) => n.notificationAdded.connectionRequestId)).toEqual(sent.slice(1));
    expect(await resumed.settle(500)).toHaveLength(4);
  });

  it('should publish the events of one transaction together: a notification sent to many users reaches each once', async () => {
    const tenant = await createTenant(server);
    const players = await usersOf(tenant, 'player', 3);
    const feeds = await Promise.all(players.map((player) => notificationsFromNow(server, player)));
    await registered();
    const sent = await server.rest('POST', '/v1/notifications', {
      token: tenant.serviceToken,
      body: { user_ids: players.map((p) => p.id), type: 'game.season_started', message: 'Season 3' },
    });
    expect(sent.status).toBe(201);
    for (const [i, feed] of feeds.entries()) {
      const [received] = await feed.take(1);
      expect(received?.notificationAdded.id).toBe(String(sent.body.notifications[i].notification_id));
      expect(await feed.settle(300)).toHaveLength(1);
    }
  });

  it('should tell both users of a connection made, and leave no outbox row once published', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const feed = connect(server, alice.token).subscribe(ConnectionEvents, {});
    await feed.take(1);
    await tenant.connect(alice, bob);
    const events = await feed.take(3);
    expect(events.filter((e) => e.connectionEvents.__typename === 'ConnectionCreatedEvent')).toHaveLength(1);

    await registered();
    const { rows } = await sql<{ left: number }>`
      select count(*)::int as left from live_outbox where event like ${`%${tenant.name}%`}`.execute(server.database.db);
    expect(rows[0]!.left).toBe(0);
  });

  it('should never deliver an event of a change that rolled back, not even through the outbox sweep', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const feed = connect(server, alice.token).subscribe(NotificationAdded, {});
    await registered();
    await send(server, bob, alice, 'the one that counts');
    await feed.take(1);

    const db = server.database.db;
    const aliceRow = (await findUserByClientId(db, tenant.name, alice.id))!;
    const transport = new RedisEventTransport(db, REDIS_URL, prefix, createLogger('silent'));
    await expect(
      inTransaction(db, async (trx) => {
        await addNotification(trx, transport, {
          tenant: tenant.name,
          user_id: aliceRow.id,
          type: 'request_accepted',
          connection_request_id: (
            await trx
              .selectFrom('connection_requests')
              .select('id')
              .where('tenant', '=', tenant.name)
              .executeTakeFirstOrThrow()
          ).id,
          other_user_id: aliceRow.id,
          message: 'rolled back',
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    // Longer than any sweep takes to publish a row left behind: there is none.
    const seen = await feed.settle(LOST_PUBLISH_BOUND_MS + SLACK_MS);
    expect(seen.map((n) => n.notificationAdded.message)).toEqual(['the one that counts']);
  });
});

const database = await realPostgresDatabase('live_redis');
afterAll(async () => {
  await database?.db.destroy();
});
const onThatDatabase = async () => database!;

describe.skipIf(!database)('live events through Redis, three instances on one PostgreSQL', () => {
  const env = liveThroughRedis(`test:${randomUUID()}:`);
  const instances = [0, 1, 2].map(() => useTestServer({ database: onThatDatabase, env }));

  it('should bring the events of every instance to the subscribers of all, each once, in order', async () => {
    const tenant = await createTenant(instances[0]!);
    const receivers = await usersOf(tenant, 'receiver', 3);
    const senders = await usersOf(tenant, 'sender', 6);
    // Receiver i listens on instance i.
    const feeds = await Promise.all(receivers.map((receiver, i) => notificationsFromNow(instances[i]!, receiver)));
    await registered();

    // Sender j writes through instance j % 3, to every receiver.
    const expected: string[][] = receivers.map(() => []);
    for (const [j, sender] of senders.entries()) {
      const through = instances[j % 3]!;
      for (const [i, receiver] of receivers.entries())
        expected[i]!.push(await send(through, sender, receiver, `#${j}`));
    }
    for (const [i, feed] of feeds.entries()) {
      const received = await feed.take(senders.length);
      expect(received.map((n) => n.notificationAdded.connectionRequestId)).toEqual(expected[i]);
      expect(await feed.settle(300)).toHaveLength(senders.length);
    }
  });

  it('should let a player invite an online friend on another instance, who accepts through a third', async () => {
    const tenant = await createTenant(instances[0]!);
    const [alice, bob] = await usersOf(tenant, 'player', 2);
    const requestId = await send(instances[0]!, alice!, bob!, 'duo?');
    await instances[1]!.rest('POST', `/v1/connections/${bob!.id}/accept/${requestId}`, { token: bob!.token });
    // Alice's page is on instance 0, Bob's on instance 1.
    const aliceFeed = connect(instances[0]!, alice!.token).subscribe(InviteNotifications, {});
    const bobFeed = connect(instances[1]!, bob!.token).subscribe(InviteNotifications, {});
    await registered();
    const lobby = { lobby: 'eu-7f3a', server: 'eu-7.example:7777' };

    const sent = await instances[0]!.rest('POST', `/v1/connections/${alice!.id}/invites`, {
      token: alice!.token,
      body: { receiver_ids: [bob!.id], join_info: lobby },
    });
    expect(sent.status).toBe(201);
    const inviteId = String(sent.body.invites[0].id);
    // Bob's page hears of it live, through Redis.
    const invited = (await bobFeed.take(1))[0]?.notificationAdded;
    expect(invited).toEqual({
      type: 'GAME_INVITE',
      otherUser: { clientUserId: alice!.id },
      invite: { id: inviteId, status: 'PENDING', joinInfo: lobby },
    });
    const accepted = await instances[2]!.rest('POST', `/v1/connections/${bob!.id}/invites/${inviteId}/accept`, {
      token: bob!.token,
    });
    expect(accepted.body).toEqual({ message: 'Invite accepted', invite_id: Number(inviteId), join_info: lobby });
    const heard = (await aliceFeed.take(1))[0]?.notificationAdded;
    expect(heard).toEqual({
      type: 'INVITE_ACCEPTED',
      otherUser: { clientUserId: bob!.id },
      invite: { id: inviteId, status: 'ACCEPTED', joinInfo: lobby },
    });
    expect(await bobFeed.settle(300)).toHaveLength(1);
    expect(await aliceFeed.settle(300)).toHaveLength(1);
  });
});

// Instance A reaches Redis through a proxy the test can cut; instance B, directly.
const proxy = await pausableProxy(6379);
const restartable = await privateRedis();
afterAll(async () => {
  await proxy.close();
  await restartable.stop();
});

/** When each item of `feed` arrived, watched every 10 ms, until the returned function is called. */
function arrivals(feed: { items: unknown[] }) {
  const times: number[] = [];
  const watch = setInterval(() => {
    while (times.length < feed.items.length) times.push(Date.now());
  }, 10);
  return () => {
    clearInterval(watch);
    return times;
  };
}

describe.skipIf(!database)('live events through Redis when publishes are lost', { timeout: 60_000 }, () => {
  const prefix = `test:${randomUUID()}:`;
  const a = useTestServer({ database: onThatDatabase, env: liveThroughRedis(prefix, proxy.url) });
  const b = useTestServer({ database: onThatDatabase, env: liveThroughRedis(prefix) });

  it('should still deliver every committed event within the outbox bound, each once, and catch up on the cut-off instance', async () => {
    const tenant = await createTenant(b);
    let alice = await tenant.user('alice');
    const [bob, carol, dave] = [await tenant.user('bob'), await tenant.user('carol'), await tenant.user('dave')];
    const onB = connect(b, bob.token).subscribe(NotificationAdded, {});
    const panelOnB = connect(b, dave.token).subscribe(ConnectionEvents, {});
    const onA = connect(a, carol.token).subscribe(NotificationAdded, {});
    await panelOnB.take(1);
    await registered();
    const arrived = arrivals(onB);

    // The network between A and Redis fails: A's publishes time out after their commits.
    const toCarol: string[] = [];
    proxy.pause();
    try {
      await whilePartitioned();
    } finally {
      proxy.resume();
    }
    async function whilePartitioned() {
      const committedAt: number[] = [];
      const toBob: string[] = [];
      for (let i = 0; i < 3; i++) {
        toBob.push(await send(a, alice, bob, `#${i}`));
        committedAt.push(Date.now());
        toCarol.push(await send(a, alice, carol, `#${i}`));
        // A new sender each round: alice's request to bob is pending after the first.
        alice = await tenant.user('alice');
      }
      const request = await send(a, alice, dave, 'connect');
      const accepted = await a.rest('POST', `/v1/connections/${dave.id}/accept/${request}`, { token: dave.token });
      expect(accepted.status).toBeLessThan(300);

      // Swept from the outbox and published by B: each within the bound of its commit.
      const received = await onB.take(3, LOST_PUBLISH_BOUND_MS + SLACK_MS + 5_000);
      expect(received.map((n) => n.notificationAdded.connectionRequestId)).toEqual(toBob);
      const times = arrived();
      for (const [i, at] of times.entries())
        expect(at - committedAt[i]!).toBeLessThan(LOST_PUBLISH_BOUND_MS + SLACK_MS);
      const panel = await panelOnB.take(3, LOST_PUBLISH_BOUND_MS + SLACK_MS + 5_000);
      expect(panel.filter((e) => e.connectionEvents.__typename === 'ConnectionCreatedEvent')).toHaveLength(1);
    }

    // Operators see it: A's failed publishes, B's sweep publishing them.
    const metric = async (server: TestServer, name: string) => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    };
    expect(await metric(a, 'live_publish_failures_total')).toBeGreaterThanOrEqual(1);
    expect(await metric(b, 'live_outbox_swept_total')).toBeGreaterThanOrEqual(3);

    // The network healed: A's late publishes reach Redis and are heard once only; A's own
    // subscriber, silent meanwhile, notices and its subscribers re-read what they missed.
    const caughtUp = await onA.take(3, 15_000);
    expect(caughtUp.map((n) => n.notificationAdded.connectionRequestId)).toEqual(toCarol);
    await registered();
    expect(await onB.settle(1_000)).toHaveLength(3);
    expect(await onA.settle(500)).toHaveLength(3);
    expect(
      (await panelOnB.settle(500)).filter((e) => e.connectionEvents.__typename === 'ConnectionCreatedEvent'),
    ).toHaveLength(1);
  });
});

describe.skipIf(!database)('live events through Redis while Redis restarts', { timeout: 90_000 }, () => {
  const env = liveThroughRedis(`test:${randomUUID()}:`, restartable.url);
  const servers = [useTestServer({ database: onThatDatabase, env }), useTestServer({ database: onThatDatabase, env })];

  it('should answer every write without a 5xx and lose no notification', async () => {
    const tenant = await createTenant(servers[0]!);
    const receivers = await usersOf(tenant, 'receiver', 2);
    const senders = await usersOf(tenant, 'sender', 24);
    // Receiver i listens on instance i; each round writes through both instances.
    const feeds = await Promise.all(receivers.map((receiver, i) => notificationsFromNow(servers[i]!, receiver)));
    await registered();

    const expected: string[][] = receivers.map(() => []);
    const statuses: number[] = [];
    for (const [round, sender] of senders.entries()) {
      if (round === 8) await restartable.stop();
      if (round === 16) await restartable.start();
      // Redis away for a couple of seconds, not just between two rounds.
      if (round >= 8 && round < 16) await new Promise((resolve) => setTimeout(resolve, 250));
      await Promise.all(
        receivers.map(async (receiver, i) => {
          const through = servers[(round + i) % 2]!;
          const answer = await through.rest('POST', `/v1/connections/${sender.id}/request`, {
            token: sender.token,
            body: { receiver_id: receiver.id, message: `#${round}` },
          });
          statuses.push(answer.status);
          if (answer.status === 201) expected[i]!.push(String(answer.body.id));
        }),
      );
      // Expected order is commit order; the two requests of a round go to different receivers.
    }
    expect(statuses.filter((status) => status !== 201)).toEqual([]);
    for (const [i, feed] of feeds.entries()) {
      const received = await feed.take(senders.length, 30_000);
      expect(received.map((n) => n.notificationAdded.connectionRequestId)).toEqual(expected[i]);
      expect(await feed.settle(500)).toHaveLength(senders.length);
    }
  });
});
