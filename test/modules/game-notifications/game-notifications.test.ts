import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { onTestQuery } from '../../helpers/database.js';
import { type LiveClient, liveClient } from '../../helpers/live.js';

/*
 * Notifications of the game's own types, sent by its backend: listed, counted, delivered live,
 * read and deleted like every notification; to one player or to a thousand in one transaction;
 * filtered by type; gone once expired; never sent by a player.
 */

const server = useTestServer();
const clients: LiveClient[] = [];
afterEach(async () => {
  onTestQuery(null);
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
const registered = () => new Promise((resolve) => setTimeout(resolve, 150));

const NotificationAdded = graphql(`
  subscription TestGameNotificationAdded($after: ID) {
    notificationAdded(after: $after) {
      id
      type
      gameType
      connectionRequestId
      otherUser { clientUserId }
      message
      payload
      expiresAt
      read
    }
  }
`);

const UnreadCounts = graphql(`
  subscription TestGameUnreadCounts {
    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }
  }
`);

const LiveCursor = graphql(`
  query TestGameLiveCursor {
    notifications { __typename ... on NotificationPage { liveCursor } }
  }
`);

const SendAsGame = graphql(`
  mutation TestSendGameNotification($to: [ID!]!, $kind: String!, $text: String!, $data: JSONObject, $ttl: Int) {
    sendGameNotification(userIds: $to, type: $kind, message: $text, payload: $data, expiresInSeconds: $ttl) {
      __typename
      ... on Error { code message }
      ... on SendGameNotificationPayload { sent notifications { userId notification { id gameType } } }
    }
  }
`);

const NotificationsOfTypes = graphql(`
  query TestNotificationsOfTypes($only: [String!]) {
    notifications(types: $only) {
      __typename
      ... on Error { code message }
      ... on NotificationPage { totalCount unreadCount nodes { type gameType } }
    }
  }
`);

async function send(to: string, body: Record<string, unknown>, token: string) {
  return server.rest('POST', `/v1/users/${to}/notifications`, { token, body });
}

async function listed(user: SeededUser, query = '') {
  const answer = await server.rest('GET', `/v1/connections/${user.id}/notifications${query}`, { token: user.token });
  return answer;
}

describe('a notification of the game’s own type', () => {
  it('should be listed, counted, delivered live, marked read and deleted like every notification', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const client = liveClient(server.url, alice.token);
    clients.push(client);
    const feed = client.subscribe(NotificationAdded, {});
    await registered();

    const sent = await send(
      alice.id,
      { type: 'game.match_found', message: '  Your match is ready  ', payload: { match: 'm-8841', slots: [1, 2] } },
      tenant.serviceToken,
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({
      id: expect.any(Number),
      type: 'game.match_found',
      connection_request_id: null,
      other_user: null,
      message: 'Your match is ready',
      payload: { match: 'm-8841', slots: [1, 2] },
      expires_at: null,
      timestamp: expect.any(String),
      read: false,
    });

    const [live] = await feed.take(1);
    expect(live?.notificationAdded).toEqual({
      id: String(sent.body.id),
      type: 'GAME',
      gameType: 'game.match_found',
      connectionRequestId: null,
      otherUser: null,
      message: 'Your match is ready',
      payload: { match: 'm-8841', slots: [1, 2] },
      expiresAt: null,
      read: false,
    });

    const list = await listed(alice);
    expect(list.body.notifications).toEqual([sent.body]);
    expect(list.body.unread_count).toBe(1);
    const read = await server.rest('POST', `/v1/connections/${alice.id}/notifications/${sent.body.id}/read`, {
      token: alice.token,
    });
    expect(read.status).toBe(200);
    expect((await listed(alice)).body.unread_count).toBe(0);
    const deleted = await server.rest('DELETE', `/v1/connections/${alice.id}/notifications/${sent.body.id}`, {
      token: alice.token,
    });
    expect(deleted.status).toBe(200);
    expect((await listed(alice)).body.notifications).toEqual([]);
  });

  it('should be refused to a player (403 SERVICE_TOKEN_REQUIRED), over REST and GraphQL, sending nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    for (const to of [alice.id, bob.id]) {
      const answer = await send(to, { type: 'game.gift', message: 'A gift for you' }, alice.token);
      expect(answer.status).toBe(403);
      expect(answer.body).toMatchObject({ error: 'Forbidden', code: 'SERVICE_TOKEN_REQUIRED' });
    }
    const bulk = await server.rest('POST', '/v1/notifications', {
      token: alice.token,
      body: { user_ids: [bob.id], type: 'game.gift', message: 'A gift for you' },
    });
    expect(bulk.status).toBe(403);
    const viaGraphQL = await server.graphql(SendAsGame, { to: [bob.id], kind: 'game.gift', text: 'Hi' }, alice.token);
    expect(viaGraphQL.body.data?.sendGameNotification).toMatchObject({
      __typename: 'ForbiddenError',
      code: 'SERVICE_TOKEN_REQUIRED',
    });
    expect((await listed(bob)).body.notifications).toEqual([]);
  });

  it('should refuse what is out of its documented shape with 400, sending nothing', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bad: Record<string, unknown>[] = [
      { type: 'match_found', message: 'x' },
      { type: 'game.', message: 'x' },
      { type: 'game.Match', message: 'x' },
      { type: `game.${'a'.repeat(65)}`, message: 'x' },
      { type: 'new_request', message: 'x' },
      { type: 'game.x', message: '   ' },
      { type: 'game.x', message: 'x'.repeat(501) },
      { type: 'game.x', message: 'x', payload: ['not', 'an', 'object'] },
      { type: 'game.x', message: 'x', payload: { big: 'x'.repeat(4090) } },
      { type: 'game.x', message: 'x', payload: { nul: 'a\u0000b' } },
      { type: 'game.x', message: 'x', expires_in_seconds: 9 },
      { type: 'game.x', message: 'x', expires_in_seconds: 30 * 24 * 3600 + 1 },
    ];
    for (const body of bad) {
      const answer = await send(alice.id, body, tenant.serviceToken);
      expect({ body, status: answer.status, code: answer.body.code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const repeated = await server.rest('POST', '/v1/notifications', {
      token: tenant.serviceToken,
      body: { user_ids: [alice.id, alice.id], type: 'game.x', message: 'x' },
    });
    expect(repeated.status).toBe(400);
    const tooMany = await server.rest('POST', '/v1/notifications', {
      token: tenant.serviceToken,
      body: { user_ids: Array.from({ length: 1001 }, (_, i) => `u${i}`), type: 'game.x', message: 'x' },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toContain('1000');
    expect((await listed(alice)).body.notifications).toEqual([]);
  });

  it('should make a retry with the same Idempotency-Key send nothing twice', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const post = (message: string) =>
      server.rest('POST', `/v1/users/${alice.id}/notifications`, {
        token: tenant.serviceToken,
        headers: { 'idempotency-key': 'reward-42' },
        body: { type: 'game.reward', message },
      });
    const first = await post('Your reward');
    const again = await post('Your reward');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await listed(alice)).body.notifications).toHaveLength(1);
    const reused = await post('Another reward');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('should reach only users of the sender’s tenant', async () => {
    const tenant = await createTenant(server);
    const other = await createTenant(server);
    const alice = await tenant.user('alice');
    const answer = await send(alice.id, { type: 'game.x', message: 'x' }, other.serviceToken);
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('USER_NOT_FOUND');
    expect((await listed(alice)).body.notifications).toEqual([]);
  });
});

describe('a notification sent to many players', () => {
  async function players(tenant: Tenant, count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, (_, i) => `player-${i}`);
    for (let i = 0; i < ids.length; i += 50) {
      await Promise.all(
        ids.slice(i, i + 50).map(async (id) => {
          const made = await server.rest('PUT', `/v1/users/${id}`, {
            token: tenant.serviceToken,
            body: { display_name: id },
          });
          if (made.status !== 201) throw new Error(`create ${id}: ${made.status}`);
        }),
      );
    }
    return ids;
  }

  async function countOf(tenant: Tenant): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from notifications where tenant = ${tenant.name}`.execute(server.database.db);
    return rows[0]!.n;
  }

  it('should reach a thousand players in one call, in one transaction of a few statements', async () => {
    const tenant = await createTenant(server);
    const ids = await players(tenant, 1000);
    const statements: string[] = [];
    onTestQuery((text) => statements.push(text));
    const answer = await server.rest('POST', '/v1/notifications', {
      token: tenant.serviceToken,
      body: { user_ids: ids, type: 'game.season_started', message: 'Season 3 has begun', payload: { season: 3 } },
    });
    onTestQuery(null);
    expect(answer.status).toBe(201);
    expect(answer.body.sent).toBe(1000);
    expect(answer.body.notifications.map((n: { user_id: string }) => n.user_id)).toEqual(ids);
    // Whatever the number of players: the user lookup, the locks, the insert, the events, the key.
    expect(statements.length).toBeLessThan(20);
    expect(await countOf(tenant)).toBe(1000);
    const last = await server.rest('GET', `/v1/connections/${ids[999]}/notifications`, {
      token: await server.token(ids[999]!, { tenant: tenant.name }),
    });
    expect(last.body).toMatchObject({
      unread_count: 1,
      notifications: [{ type: 'game.season_started', payload: { season: 3 } }],
    });
  });

  it('should send to none when one recipient does not exist, naming it', async () => {
    const tenant = await createTenant(server);
    const ids = await players(tenant, 20);
    const answer = await server.rest('POST', '/v1/notifications', {
      token: tenant.serviceToken,
      body: { user_ids: [...ids.slice(0, 10), 'nobody-here', ...ids.slice(10)], type: 'game.x', message: 'x' },
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ code: 'USER_NOT_FOUND' });
    expect(answer.body.message).toContain('nobody-here');
    expect(await countOf(tenant)).toBe(0);
  });
});

describe('the notifications list', () => {
  it('should take type= to show only some types, repeated or comma-separated, and keep counting every unread one', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.request(bob, alice, 'Hi');
    await send(alice.id, { type: 'game.match_found', message: 'Match' }, tenant.serviceToken);
    await send(alice.id, { type: 'game.season_started', message: 'Season' }, tenant.serviceToken);

    const types = async (query: string) => {
      const answer = await listed(alice, query);
      expect(answer.status).toBe(200);
      expect(answer.body.unread_count).toBe(3);
      return answer.body.notifications.map((n: { type: string }) => n.type).sort();
    };
    expect(await types('?type=game.match_found')).toEqual(['game.match_found']);
    expect(await types('?type=new_request&type=game.match_found')).toEqual(['game.match_found', 'new_request']);
    expect(await types('?type=new_request,game.season_started')).toEqual(['game.season_started', 'new_request']);
    expect(await types('?type=game.never_sent')).toEqual([]);
    expect(await types('')).toHaveLength(3);
    const bad = await listed(alice, '?type=bogus');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');

    const viaGraphQL = await server.graphql(
      NotificationsOfTypes,
      { only: ['NEW_REQUEST', 'game.match_found'] },
      alice.token,
    );
    expect(viaGraphQL.body.data?.notifications).toMatchObject({
      __typename: 'NotificationPage',
      totalCount: 2,
      unreadCount: 3,
    });
  });

  it('should neither list, count nor deliver a notification once it expired, and the sweep deletes it and tells friends panels', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const before = await server.graphql(LiveCursor, {}, alice.token);
    const cursor = before.body.data?.notifications;
    if (cursor?.__typename !== 'NotificationPage') throw new Error(JSON.stringify(before.body));

    const brief = await send(
      alice.id,
      { type: 'game.lobby_open', message: 'Lobby open', expires_in_seconds: 10 },
      tenant.serviceToken,
    );
    expect(Date.parse(brief.body.expires_at) - Date.parse(brief.body.timestamp)).toBeGreaterThan(9_000);
    expect((await listed(alice)).body.unread_count).toBe(1);
    const panelClient = liveClient(server.url, alice.token);
    clients.push(panelClient);
    const panel = panelClient.subscribe(UnreadCounts, {});
    expect((await panel.take(1))[0]?.connectionEvents).toEqual({
      __typename: 'UnreadCountChangedEvent',
      unreadCount: 1,
    });

    // Ten seconds later, as the database tells time: not listed, not counted, not replayed.
    await sql`update notifications set expires_at = now() - interval '1 second' where tenant = ${tenant.name}`.execute(
      server.database.db,
    );
    expect((await listed(alice)).body).toMatchObject({ notifications: [], unread_count: 0 });
    const client = liveClient(server.url, alice.token);
    clients.push(client);
    const feed = client.subscribe(NotificationAdded, { after: cursor.liveCursor });
    expect(await feed.settle(500)).toEqual([]);

    // The sweep deletes it, and the panel hears its count went down.
    await server.app.maintenance.sweep();
    expect((await panel.take(2))[1]?.connectionEvents).toEqual({
      __typename: 'UnreadCountChangedEvent',
      unreadCount: 0,
    });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from notifications where tenant = ${tenant.name}`.execute(server.database.db);
    expect(rows[0]!.n).toBe(0);

    // The next one is delivered as usual.
    const kept = await send(alice.id, { type: 'game.kept', message: 'Kept' }, tenant.serviceToken);
    const [next] = await feed.take(1);
    expect(next?.notificationAdded.id).toBe(String(kept.body.id));
  });
});
