import { afterEach, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, useTestServer } from '../../helpers/app.js';
import { closeCodeFor, type LiveClient, liveClient } from '../../helpers/live.js';

const server = useTestServer();
const clients: LiveClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
function connect(token: string | null) {
  const client = liveClient(server.url, token);
  clients.push(client);
  return client;
}

const NotificationAdded = graphql(`
  subscription TestNotificationAdded($userId: ID, $after: ID) {
    notificationAdded(userId: $userId, after: $after) {
      id
      type
      connectionRequestId
      otherUser { clientUserId displayName }
      message
      timestamp
      read
    }
  }
`);

const Notifications = graphql(`
  query TestLiveNotifications {
    notifications {
      __typename
      ... on NotificationPage {
        liveCursor
        nodes { id type connectionRequestId otherUser { clientUserId displayName } message timestamp read }
      }
    }
  }
`);

async function notificationPage(token: string) {
  const queried = await server.graphql(Notifications, {}, token);
  const page = queried.body.data?.notifications;
  if (page?.__typename !== 'NotificationPage') throw new Error(JSON.stringify(queried.body));
  return page;
}

/** A short pause, so that a subscription is registered before the change it should see. */
const registered = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('Subscription.notificationAdded', () => {
  it('should deliver new_request, request_accepted and request_declined live, as the query shows them', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    // Two sockets opening at once can take longer than `registered` on a busy machine: each
    // subscribes at its live cursor, so that nothing committed after it is missed.
    const aliceFeed = connect(alice.token).subscribe(NotificationAdded, {
      after: (await notificationPage(alice.token)).liveCursor,
    });
    const bobFeed = connect(bob.token).subscribe(NotificationAdded, {
      after: (await notificationPage(bob.token)).liveCursor,
    });
    await registered();

    const toBob = await tenant.request(alice, bob, 'GG, add me?');
    const [newRequest] = await bobFeed.take(1);
    await server.rest('POST', `/v1/connections/${bob.id}/accept/${toBob}`, { token: bob.token });
    const toCarol = await tenant.request(alice, carol);
    await server.rest('POST', `/v1/connections/${carol.id}/decline/${toCarol}`, { token: carol.token });
    const aliceLive = await aliceFeed.take(2);

    expect(newRequest?.notificationAdded).toMatchObject({
      type: 'NEW_REQUEST',
      connectionRequestId: String(toBob),
      otherUser: { clientUserId: alice.id, displayName: alice.displayName },
      message: 'GG, add me?',
      read: false,
    });
    expect(aliceLive.map((n) => [n.notificationAdded.type, n.notificationAdded.connectionRequestId])).toEqual([
      ['REQUEST_ACCEPTED', String(toBob)],
      ['REQUEST_DECLINED', String(toCarol)],
    ]);
    // The very objects the notifications query returns.
    const page = await notificationPage(alice.token);
    expect([...page.nodes].reverse()).toEqual(aliceLive.map((n) => n.notificationAdded));
  });

  it('should resume after a notification with exactly the ones missed, once each, in order, then go on live', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const senders = [await tenant.user('s'), await tenant.user('s'), await tenant.user('s'), await tenant.user('s')];
    const first = connect(alice.token).subscribe(NotificationAdded, {});
    await registered();
    await tenant.request(senders[0]!, alice);
    const [seen] = await first.take(1);
    first.unsubscribe();

    // Missed while away.
    const missed = [await tenant.request(senders[1]!, alice), await tenant.request(senders[2]!, alice)];
    const resumed = connect(alice.token).subscribe(NotificationAdded, { after: seen!.notificationAdded.id });
    const replayed = await resumed.take(2);
    const live = await tenant.request(senders[3]!, alice);
    const all = await resumed.take(3);

    expect(replayed.map((n) => n.notificationAdded.connectionRequestId)).toEqual(missed.map(String));
    expect(all.map((n) => n.notificationAdded.connectionRequestId)).toEqual([...missed, live].map(String));
    expect(await resumed.settle()).toHaveLength(3);
  });

  it("should continue from a notifications page's liveCursor with exactly what the page did not show", async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol, dave] = [
      await tenant.user('alice'),
      await tenant.user('bob'),
      await tenant.user('carol'),
      await tenant.user('dave'),
    ];
    await tenant.request(bob, alice);
    const page = await notificationPage(alice.token);
    const afterPage = [await tenant.request(carol, alice), await tenant.request(dave, alice)];

    const feed = connect(alice.token).subscribe(NotificationAdded, { after: page.liveCursor });

    expect(page.nodes).toHaveLength(1);
    expect((await feed.take(2)).map((n) => n.notificationAdded.connectionRequestId)).toEqual(afterPage.map(String));
    expect(await feed.settle()).toHaveLength(2);
  });

  it('should let a user without any notification resume from its first page, missing nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const { liveCursor, nodes } = await notificationPage(alice.token);
    const first = connect(alice.token).subscribe(NotificationAdded, { after: liveCursor });
    await registered();
    first.unsubscribe();

    const whileAway = await tenant.request(bob, alice);
    const resumed = connect(alice.token).subscribe(NotificationAdded, { after: liveCursor });

    expect(nodes).toEqual([]);
    expect((await resumed.take(1))[0]?.notificationAdded.connectionRequestId).toBe(String(whileAway));
    expect(await resumed.settle()).toHaveLength(1);
  });

  it('should start live from the moment of subscribing when no after is given', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.request(bob, alice);

    const feed = connect(alice.token).subscribe(NotificationAdded, {});
    await registered();
    const requestId = await tenant.request(carol, alice);

    const [only] = await feed.take(1);
    expect(only?.notificationAdded.connectionRequestId).toBe(String(requestId));
    expect(await feed.settle()).toHaveLength(1);
  });

  it("should let a service token follow any user of its tenant and never deliver another user's notifications", async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const bobFeed = connect(tenant.serviceToken).subscribe(NotificationAdded, { userId: bob.id });
    await registered();

    await tenant.request(alice, carol);
    const toBob = await tenant.request(alice, bob);

    const [only] = await bobFeed.take(1);
    expect(only?.notificationAdded.connectionRequestId).toBe(String(toBob));
    expect(await bobFeed.settle()).toHaveLength(1);
  });

  it("should refuse a user token another user's stream, and another tenant's user", async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const other = await createTenant(server);

    const asBob = connect(alice.token).subscribe(NotificationAdded, { userId: bob.id });
    const elsewhere = connect(other.serviceToken).subscribe(NotificationAdded, { userId: bob.id });

    expect(await asBob.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    expect(await elsewhere.failure()).toEqual([expect.objectContaining({ extensions: { code: 'USER_NOT_FOUND' } })]);
    await tenant.request(alice, bob);
    expect(asBob.items).toEqual([]);
    expect(elsewhere.items).toEqual([]);
  });

  it('should refuse an after that is not one of the user’s notifications', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.request(alice, bob);
    const bobs = await server.rest('GET', `/v1/connections/${bob.id}/notifications`, { token: bob.token });

    const feed = connect(alice.token).subscribe(NotificationAdded, { after: String(bobs.body.notifications[0].id) });

    expect(await feed.failure()).toEqual([expect.objectContaining({ extensions: { code: 'NOTIFICATION_NOT_FOUND' } })]);
  });
});

describe('GraphQL over SSE', () => {
  it('should deliver the same notifications to a client that cannot open a WebSocket', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const abort = new AbortController();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${bob.token}`,
      },
      body: JSON.stringify({ query: NotificationAdded.toString(), variables: {} }),
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    const events: unknown[] = [];
    const reading = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += new TextDecoder().decode(value);
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (/^event: next$/m.test(message) && data) events.push(JSON.parse(data));
        }
        if (events.length > 0) return;
      }
    })();
    await registered();

    const requestId = await tenant.request(alice, bob, 'over SSE');
    await reading;
    await reader.cancel();
    abort.abort();

    expect(events).toEqual([
      {
        data: {
          notificationAdded: expect.objectContaining({
            type: 'NEW_REQUEST',
            connectionRequestId: String(requestId),
            message: 'over SSE',
            otherUser: { clientUserId: alice.id, displayName: alice.displayName },
          }),
        },
      },
    ]);
  });
});

describe('connection_init', () => {
  it('should close the socket with 4401 without a token or with a bad one', async () => {
    const expired = await server.token('alice', { expiresIn: '-1m' });
    for (const payload of [
      {},
      { authorization: 'Bearer not-a-jwt' },
      { authorization: `Bearer ${expired}` },
      { authorization: 42 },
    ]) {
      const { code } = await closeCodeFor(server.url, payload);
      expect({ payload, code }).toEqual({ payload, code: 4401 });
    }
  });
});
