import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTenant, useTestServer } from '../helpers/app.js';
import { realPostgresDatabase } from '../helpers/database.js';
import { closeCodeFor, type LiveClient, liveClient, type RawMessage, rawSocket } from '../helpers/live.js';
import { sseSubscribe } from '../helpers/sse.js';

// A database of this file's own: one test breaks a table for a moment, which must not reach
// the tests of other files sharing the worker's database.
const database = await realPostgresDatabase('isolation');
const server = useTestServer({ database: async () => database! });
afterAll(async () => {
  await database?.db.destroy();
});

const clients: LiveClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
function connect(token: string) {
  const client = liveClient(server.url, token);
  clients.push(client);
  return client;
}

/** A raw document, as a client writes it, for the test helper that takes typed ones. */
const doc = (query: string) => ({ toString: () => query }) as never;

const UnreadCount = doc('subscription { connectionEvents { ... on UnreadCountChangedEvent { unreadCount } } }');

async function firstNotificationId(token: string, user: string): Promise<string> {
  const page = await server.rest('GET', `/v1/connections/${user}/notifications`, { token });
  return String(page.body.notifications.at(-1).id);
}

describe('Subscription arguments as clients write them', () => {
  it('should replay from a literal after, over WebSocket and SSE, with the root field aliased', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.request(bob, alice, 'first');
    await tenant.request(carol, alice, 'second');
    const first = await firstNotificationId(alice.token, alice.id);
    const query = `subscription { missed: notificationAdded(after: "${first}") { message } }`;

    const overSocket = connect(alice.token).subscribe(doc(query), {});
    const overSse = await sseSubscribe(server.url, alice.token, { query });

    expect(await overSocket.take(1)).toEqual([{ missed: { message: 'second' } }]);
    expect(await overSse.take(1)).toEqual([{ data: { missed: { message: 'second' } } }]);
    overSse.close();
  });

  it('should let a service token follow the user it names, and refuse a user token naming another', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const followed = connect(tenant.serviceToken).subscribe(
      doc(`subscription { notificationAdded(userId: "${carol.id}") { message } }`),
      {},
    );
    const named = doc(`subscription Theirs($whose: ID) { notificationAdded(userId: $whose) { message } }`);
    const refused = connect(alice.token).subscribe(named, { whose: bob.id });
    const refusedOverSse = await sseSubscribe(server.url, alice.token, {
      query: `subscription { notificationAdded(userId: "${bob.id}") { message } }`,
    });
    await new Promise((resolve) => setTimeout(resolve, 150));

    await tenant.request(bob, carol, 'for carol');

    expect(await followed.take(1)).toEqual([{ notificationAdded: { message: 'for carol' } }]);
    expect(await refused.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    await refusedOverSse.ended;
    expect(refusedOverSse.results).toEqual([
      { errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })] },
    ]);
  });
});

describe('one socket, many subscriptions', () => {
  it('should end only the subscription that failed, whatever failed, and keep the socket and the others', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const liveCursor = (
      await server.graphql(doc('{ notifications { ... on NotificationPage { liveCursor } } }'), {}, alice.token)
    ).body.data as { notifications: { liveCursor: string } };
    const client = connect(alice.token);
    const closes: number[] = [];
    client.client.on('closed', (event) => closes.push((event as { code: number }).code));
    const healthy = client.subscribe(UnreadCount, {});
    await healthy.take(1);

    // Refused before they start: another user's stream, an unknown position, an invalid document.
    const forbidden = client.subscribe(
      doc(`subscription { connectionEvents(userId: "${bob.id}") { __typename } }`),
      {},
    );
    const unknown = client.subscribe(doc('subscription { notificationAdded(after: "1") { id } }'), {});
    const invalid = client.subscribe(doc('subscription { notificationAdded { nope } }'), {});
    // Failing once started: its database reads fail (a column is away for a moment).
    await sql`alter table notifications rename column seq to seq_away`.execute(database!.db);
    try {
      const failing = client.subscribe(
        doc(`subscription { n: notificationAdded(after: "${liveCursor.notifications.liveCursor}") { id } }`),
        {},
      );
      expect(await failing.failure()).toEqual([
        expect.objectContaining({
          message: 'Unexpected error.',
          extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }),
        }),
      ]);
    } finally {
      await sql`alter table notifications rename column seq_away to seq`.execute(database!.db);
    }

    expect(await forbidden.failure()).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    expect(await unknown.failure()).toEqual([
      expect.objectContaining({ extensions: { code: 'NOTIFICATION_NOT_FOUND' } }),
    ]);
    expect(await invalid.failure()).toEqual([expect.objectContaining({ message: expect.stringContaining('nope') })]);
    // The socket is still open, and the first subscription on it still delivers.
    await tenant.request(carol, alice);
    expect(await healthy.take(2)).toEqual([
      { connectionEvents: { unreadCount: 0 } },
      { connectionEvents: { unreadCount: 1 } },
    ]);
    expect(closes).toEqual([]);
  });
});

describe('one socket, a subscription completed by its client', () => {
  it('should send nothing more for it, keep the others, and take its id again', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const [carol, dave] = [await tenant.user('carol'), await tenant.user('dave')];
    const { socket, messages } = await rawSocket(server.url, alice.token);
    try {
      const query = 'subscription { connectionEvents { ... on UnreadCountChangedEvent { unreadCount } } }';
      const subscribe = (id: string) => socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
      const counts = (id: string, from = messages) =>
        from
          .filter((m: RawMessage) => m.id === id)
          .map((m) => (m.type === 'next' ? (m.payload as UnreadPayload).data.connectionEvents.unreadCount : m.type));
      const until = async (what: () => boolean) => {
        for (const deadline = Date.now() + 10_000; !what(); await new Promise((r) => setTimeout(r, 20)))
          if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(messages)}`);
      };

      subscribe('a');
      subscribe('b');
      await until(() => counts('a').length === 1 && counts('b').length === 1);
      await tenant.request(bob, alice);
      await until(() => counts('a').includes(1) && counts('b').includes(1));

      socket.send(JSON.stringify({ id: 'a', type: 'complete' }));
      const afterComplete = messages.length;
      await tenant.request(carol, alice);
      await until(() => counts('b').includes(2));
      // Its id is free again: a new subscription under it starts afresh.
      subscribe('a');
      await until(() => counts('a', messages.slice(afterComplete)).length === 1);
      await tenant.request(dave, alice);
      await until(() => counts('a').includes(3) && counts('b').includes(3));

      expect(counts('b')).toEqual([0, 1, 2, 3]);
      // Nothing for `a` between its complete and its new start (the count of 2 went to `b` only).
      expect(counts('a')).toEqual([0, 1, 2, 3]);
      expect(counts('a', messages.slice(afterComplete))).toEqual([2, 3]);
      expect(messages.filter((m) => m.type === 'error' || m.type === 'complete')).toEqual([]);
    } finally {
      socket.close();
    }
  });
});

type UnreadPayload = { data: { connectionEvents: { unreadCount: number } } };

describe('connection_init', () => {
  it('should take the token under authorization in any letter case, as HTTP headers are', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    for (const key of ['authorization', 'Authorization', 'AUTHORIZATION']) {
      const client = createCaseClient(key, `Bearer ${alice.token}`);
      const feed = client.subscribe(UnreadCount, {});
      expect(await feed.take(1)).toEqual([{ connectionEvents: { unreadCount: 0 } }]);
    }
  });

  it('should refuse two spellings of it at once with 4401, as two Authorization headers are', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const { code } = await closeCodeFor(server.url, {
      authorization: `Bearer ${alice.token}`,
      Authorization: `Bearer ${alice.token}`,
    });

    expect(code).toBe(4401);
  });
});

/** A client that sends its token under `key` in `connection_init`. */
function createCaseClient(key: string, value: string): LiveClient {
  const client = liveClient(server.url, null, { [key]: value });
  clients.push(client);
  return client;
}
