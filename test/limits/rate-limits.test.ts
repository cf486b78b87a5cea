import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTenant, type HttpResult, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { onTestQuery } from '../helpers/database.js';
import { liveClient } from '../helpers/live.js';
import { markAllReadBatch } from './batched-writes.js';

/*
 * Rate budgets per user, per tenant and per tenant's backend, counted in the database, or in
 * Redis with REDIS_URL: a refused call is a 429 with Retry-After and changes nothing, and every
 * instance draws on one budget. Small budgets here; test/limits/tenant-budget.test.ts runs the
 * defaults.
 */
const env = {
  RATE_LIMIT_WINDOW_SECONDS: '600',
  RATE_LIMIT_USER_SENDS: '3',
  RATE_LIMIT_USER_WRITES: '8',
  // The least the configuration allows: 20 users' whole budgets.
  RATE_LIMIT_TENANT_WRITES: '160',
  RATE_LIMIT_SERVICE_WRITES: '30',
  RATE_LIMIT_USER_SUBSCRIBES: '2',
};
/** Where the budgets are counted: the database (no REDIS_URL), or Redis, under a prefix of its own. */
const COUNTERS = [
  { counter: 'PostgreSQL', env: {} },
  { counter: 'Redis', env: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `test:${randomUUID()}:` } },
];

describe.each(COUNTERS)('rate budgets counted in $counter', ({ counter, env: counterEnv }) => {
  const server = useTestServer({ env: { ...env, ...counterEnv } });
  // A second instance on the same database (and Redis), as behind a load balancer.
  const other = useTestServer({ env: { ...env, ...counterEnv } });

  const SendRequest = graphql(`
  mutation RateLimitedSend($receiverId: ID!) {
    sendConnectionRequest(receiverId: $receiverId) {
      __typename
      ... on Error { message code }
      ... on RateLimitedError { retryAfterSeconds }
    }
  }
`);

  const UnreadCount = graphql(`
  subscription RateLimitedConnectionEvents {
    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }
  }
`);

  const REFUSED_WRITE =
    'RateLimitedError: Rate limit exceeded: at most 8 writes per 600 seconds for this user; retry in N seconds';

  function send(via: TestServer, from: SeededUser, to: SeededUser) {
    return via.rest('POST', `/v1/connections/${from.id}/request`, { token: from.token, body: { receiver_id: to.id } });
  }

  async function receivedCount(user: SeededUser) {
    const list = await server.rest('GET', `/v1/connections/${user.id}/received`, { token: user.token });
    return list.body.pagination.total_items as number;
  }

  describe('write rate limits', () => {
    it('should refuse a user’s sends over the budget with 429, Retry-After and no change', async () => {
      const tenant = await createTenant(server);
      const sender = await tenant.user('sender');
      const receivers = [await tenant.user(), await tenant.user(), await tenant.user(), await tenant.user()];

      for (const receiver of receivers.slice(0, 3)) expect((await send(server, sender, receiver)).status).toBe(201);
      const refused = await send(server, sender, receivers[3]!);

      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({
        error: 'Too Many Requests',
        message: expect.stringMatching(
          /at most 3 sends \(connection requests and invites\) per 600 seconds for this user; retry in \d+ seconds/,
        ),
        code: 'RATE_LIMITED',
      });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(600);
      expect(await receivedCount(receivers[3]!)).toBe(0);
    });

    it('should count invites against the same send budget, a call of several receivers once', async () => {
      const tenant = await createTenant(server);
      const sender = await tenant.user('sender');
      const friends = [await tenant.user(), await tenant.user(), await tenant.user()];
      // Two sends: the requests that make the friendships (their accepts are the friends' writes).
      for (const friend of friends.slice(0, 2)) {
        const requestId = (await send(server, sender, friend)).body.id;
        await server.rest('POST', `/v1/connections/${friend.id}/accept/${requestId}`, { token: friend.token });
      }
      const invite = () =>
        server.rest('POST', `/v1/connections/${sender.id}/invites`, {
          token: sender.token,
          body: { receiver_ids: friends.slice(0, 2).map((f) => f.id), join_info: { lobby: 'l-1' } },
        });
      expect((await invite()).status).toBe(201);
      const refused = await invite();
      expect(refused.status).toBe(429);
      expect(refused.body.message).toMatch(/at most 3 sends \(connection requests and invites\) per 600 seconds/);
      expect((await send(server, sender, friends[2]!)).status).toBe(429);
      const pending = await server.rest('GET', `/v1/connections/${sender.id}/invites?direction=sent&status=pending`, {
        token: sender.token,
      });
      expect(pending.body.invites).toHaveLength(2);
    });

    it('should keep one user’s budget apart from another’s', async () => {
      const tenant = await createTenant(server);
      const [spammer, player, target] = [await tenant.user(), await tenant.user(), await tenant.user()];
      const targets = [await tenant.user(), await tenant.user(), await tenant.user(), await tenant.user()];
      for (const receiver of targets) await send(server, spammer, receiver);

      expect((await send(server, spammer, target)).status).toBe(429);
      expect((await send(server, player, target)).status).toBe(201);
    });

    it('should share one budget between instances on the same database', async () => {
      const tenant = await createTenant(server);
      const sender = await tenant.user();
      const receivers = [await tenant.user(), await tenant.user(), await tenant.user(), await tenant.user()];

      const statuses = [];
      for (const [i, receiver] of receivers.entries()) {
        statuses.push((await send(i % 2 === 0 ? server : other, sender, receiver)).status);
      }

      expect(statuses).toEqual([201, 201, 201, 429]);
    });

    it('should count every kind of write against the user’s write budget', async () => {
      const tenant = await createTenant(server);
      const [a, b] = [await tenant.user(), await tenant.user()];
      const requestId = await tenant.request(b, a);
      const notifications = await server.rest('GET', `/v1/connections/${a.id}/notifications`, { token: a.token });
      const notificationId = notifications.body.notifications[0].id;

      // Creating the user was the backend's write, not the user's: marking read spends all 8.
      const statuses: number[] = [];
      for (let i = 0; i < 9; i++) {
        const read = `/v1/connections/${a.id}/notifications/${notificationId}/read`;
        statuses.push((await server.rest('POST', read, { token: a.token })).status);
      }
      const accept = await server.rest('POST', `/v1/connections/${a.id}/accept/${requestId}`, { token: a.token });

      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
      expect(accept.status).toBe(429);
      const received = await server.rest('GET', `/v1/connections/${a.id}/received`, { token: a.token });
      expect(received.body.requests[0].status).toBe('pending');
    });

    it('should refuse the users of a tenant together over the tenant budget, but not the backend', async () => {
      const tenant = await createTenant(server);
      const writers: SeededUser[] = [];
      for (let i = 0; i < 20; i++) writers.push(await tenant.user('writer'));
      const late = await tenant.user('late');

      // Twenty users' whole budgets are the tenant's whole budget.
      const tallies = await Promise.all(writers.map((writer) => markAllReadBatch(server, writer, 8)));
      const refused = await server.rest('POST', `/v1/connections/${late.id}/notifications/read`, { token: late.token });
      const backend = await server.rest('PUT', '/v1/users/newcomer', {
        token: tenant.serviceToken,
        body: { display_name: 'Newcomer' },
      });

      expect(tallies.map((tally) => tally.written)).toEqual(writers.map(() => 8));
      expect(refused.status).toBe(429);
      expect(refused.body).toEqual({
        error: 'Too Many Requests',
        message: expect.stringMatching(
          /^Rate limit exceeded: at most 160 writes per 600 seconds for all users of this tenant together; retry in \d+ seconds$/,
        ),
        code: 'RATE_LIMITED',
      });
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(backend.status).toBe(201);
    });

    it('should not let a user’s refused writes draw on the tenant budget', async () => {
      const tenant = await createTenant(server);
      const [flooder, player] = [await tenant.user('flooder'), await tenant.user()];

      // Far more calls than the whole tenant may make, in two batched requests.
      const flood = [await markAllReadBatch(server, flooder, 150), await markAllReadBatch(server, flooder, 20)];
      const after = await server.rest('POST', `/v1/connections/${player.id}/notifications/read`, {
        token: player.token,
      });

      expect(after.status).toBe(200);
      expect(flood.map((tally) => tally.written)).toEqual([8, 0]);
      expect(flood.map((tally) => [...tally.refused.keys()])).toEqual([[REFUSED_WRITE], [REFUSED_WRITE]]);
    });

    it('should keep the tenant writing while a handful of users spend their budget and hammer on', async () => {
      const tenant = await createTenant(server);
      const flooders: SeededUser[] = [];
      for (let i = 0; i < 5; i++) flooders.push(await tenant.user('flooder'));
      const player = await tenant.user();

      // 200 calls: more than the tenant's 160.
      await Promise.all(flooders.map((flooder) => markAllReadBatch(server, flooder, 40)));
      const after = await server.rest('POST', `/v1/connections/${player.id}/notifications/read`, {
        token: player.token,
      });

      expect(after.status).toBe(200);
    });

    it('should give the backend a budget of its own, on which no user draws', async () => {
      const tenant = await createTenant(server);
      const [player, bystander] = [await tenant.user(), await tenant.user()];
      // The player spends their own budget; the backend still writes as them.
      await markAllReadBatch(server, player, 20);
      const rename = await server.rest('PUT', `/v1/users/${player.id}`, {
        token: tenant.serviceToken,
        body: { display_name: 'Renamed' },
      });

      // Creating two players and renaming one were 3 of the backend's 30 writes.
      const upserts: HttpResult[] = [];
      for (let i = 0; i < 28; i++) {
        upserts.push(
          await server.rest('PUT', `/v1/users/npc${i}`, { token: tenant.serviceToken, body: { display_name: 'NPC' } }),
        );
      }
      const refused = upserts.at(-1)!;
      const userWrite = await server.rest('POST', `/v1/connections/${bystander.id}/notifications/read`, {
        token: bystander.token,
      });

      expect(rename.status).toBe(200);
      expect(upserts.map((put) => put.status)).toEqual([...Array(27).fill(201), 429]);
      expect(refused.body).toEqual({
        error: 'Too Many Requests',
        message: expect.stringMatching(
          /^Rate limit exceeded: at most 30 writes per 600 seconds for this tenant's backend \(its service tokens\); retry in \d+ seconds$/,
        ),
        code: 'RATE_LIMITED',
      });
      expect(userWrite.status).toBe(200);
    });

    it('should answer GraphQL with a RateLimitedError that says when to retry', async () => {
      const tenant = await createTenant(server);
      const sender = await tenant.user();
      const receivers = [await tenant.user(), await tenant.user(), await tenant.user(), await tenant.user()];
      for (const receiver of receivers.slice(0, 3)) await send(server, sender, receiver);

      const refused = await server.graphql(SendRequest, { receiverId: receivers[3]!.id }, sender.token);

      expect(refused.status).toBe(200);
      expect(refused.body.data?.sendConnectionRequest).toEqual({
        __typename: 'RateLimitedError',
        message: expect.stringContaining('at most 3 sends (connection requests and invites)'),
        code: 'RATE_LIMITED',
        retryAfterSeconds: expect.any(Number),
      });
    });
  });

  describe('subscribe rate limit', () => {
    it('should refuse a user’s subscriptions over the budget with a RATE_LIMITED error', async () => {
      const tenant = await createTenant(server);
      const user = await tenant.user();
      const live = liveClient(server.url, user.token);
      try {
        const first = live.subscribe(UnreadCount, {});
        const second = live.subscribe(UnreadCount, {});
        await first.take(1);
        await second.take(1);

        const third = live.subscribe(UnreadCount, {});
        const error = await third.failure();

        expect(JSON.stringify(error)).toContain('RATE_LIMITED');
        expect(JSON.stringify(error)).toContain('retryAfterSeconds');
        // The refused subscription does not take the socket or the others down.
        expect(first.errors).toEqual([]);
      } finally {
        await live.close();
      }
    });
  });

  it.runIf(counter === 'Redis')('should count in Redis, writing nothing to PostgreSQL for it', async () => {
    const tenant = await createTenant(server);
    const [sender, receiver] = [await tenant.user(), await tenant.user()];
    const statements: string[] = [];
    onTestQuery((sql) => statements.push(sql));
    try {
      expect((await send(server, sender, receiver)).status).toBe(201);
    } finally {
      onTestQuery(null);
    }

    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((sql) => sql.includes('rate_limit_windows'))).toEqual([]);
  });
});
