import { describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { liveClient } from '../helpers/live.js';

/*
 * Rate budgets per user and per tenant, counted in the database: a refused call is a 429 with
 * Retry-After and changes nothing, and every instance on the database draws on one budget.
 */
const env = {
  RATE_LIMIT_WINDOW_SECONDS: '600',
  RATE_LIMIT_USER_SENDS: '3',
  RATE_LIMIT_USER_WRITES: '8',
  RATE_LIMIT_TENANT_WRITES: '60',
  RATE_LIMIT_USER_SUBSCRIBES: '2',
};
const server = useTestServer({ env });
// A second instance on the same database, as behind a load balancer.
const other = useTestServer({ env });

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
      message: expect.stringMatching(/at most 3 connection requests per 600 seconds for a user; retry in \d+ seconds/),
      code: 'RATE_LIMITED',
    });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await receivedCount(receivers[3]!)).toBe(0);
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

    // Creating the user (PUT) was one write; marking read again and again spends the rest.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const read = `/v1/connections/${a.id}/notifications/${notificationId}/read`;
      statuses.push((await server.rest('POST', read, { token: a.token })).status);
    }
    const accept = await server.rest('POST', `/v1/connections/${a.id}/accept/${requestId}`, { token: a.token });

    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 429]);
    expect(accept.status).toBe(429);
    const received = await server.rest('GET', `/v1/connections/${a.id}/received`, { token: a.token });
    expect(received.body.requests[0].status).toBe('pending');
  });

  it('should refuse a tenant’s writes over the tenant budget, whoever makes them', async () => {
    const tenant = await createTenant(server);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const created = await server.rest('PUT', `/v1/users/player${i}`, {
        token: tenant.serviceToken,
        body: { display_name: `Player ${i}` },
      });
      statuses.push(created.status);
    }

    expect(statuses.slice(0, 60).every((status) => status === 201)).toBe(true);
    expect(statuses[60]).toBe(429);
    const last = await server.rest('GET', '/v1/users/player60', { token: tenant.serviceToken });
    expect(last.status).toBe(404);
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
      message: expect.stringContaining('at most 3 connection requests'),
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
