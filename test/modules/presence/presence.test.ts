import { describe, expect, it } from 'vitest';
import { createTenant, type TestServer, useTestServer } from '../../helpers/app.js';
import { sseSubscribe } from '../../helpers/sse.js';
import {
  eventually,
  FriendPresence,
  liveClients,
  presenceEnv,
  SetPresence,
  statusSeenBy,
  UserPresence,
} from './presence-helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The same behaviour whichever store keeps presence (one instance here; several in presence-cluster). */
describe.each(['memory', 'postgres', 'redis'] as const)('presence kept in %s', (store) => {
  // Two seconds of grace: a reconnect on a busy CI machine (two suites, a browser) still lands
  // well within it, so "no flap" is about the rule and not about the machine's speed.
  const server: TestServer = useTestServer({ env: { ...presenceEnv(store), PRESENCE_GRACE_SECONDS: '2' } });
  const connect = liveClients(server);

  async function friends() {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);
    return { tenant, alice, bob };
  }

  it('should show a user online while a socket is open, and offline a grace period after the last one closed', async () => {
    const { alice, bob } = await friends();
    expect(await statusSeenBy(server, bob.token, alice.id)).toBe('offline');
    const socket = connect(alice.token);
    socket.subscribe(FriendPresence, {});
    await eventually(async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'online' ? true : undefined));

    await socket.close();
    const closedAt = Date.now();
    // Still online during the grace period (2 s here), so that a reconnect does not flap.
    expect(await statusSeenBy(server, bob.token, alice.id)).toBe('online');
    await eventually(async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'offline' ? true : undefined));
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(1_900);
    const seen = await server.rest('GET', `/v1/users/${alice.id}/presence`, { token: bob.token });
    expect(seen.body).toEqual({
      user_id: alice.id,
      presence: { status: 'offline', activity: null, join_info: null, last_seen_at: expect.any(String) },
    });
    expect(Math.abs(Date.parse(seen.body.presence.last_seen_at) - closedAt)).toBeLessThan(3_000);
  });

  it('should tell a friend of each change live: first who is online, then changes, and not a reconnect within the grace', async () => {
    const { alice, bob } = await friends();
    const aliceSocket = connect(alice.token);
    aliceSocket.subscribe(FriendPresence, {});
    await eventually(async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'online' ? true : undefined));

    const feed = connect(bob.token).subscribe(FriendPresence, {});
    const [snapshot] = await feed.take(1);
    expect(snapshot?.friendPresenceChanged).toMatchObject({
      user: { clientUserId: alice.id },
      presence: { status: 'ONLINE', activity: null },
    });

    await sleep(1_100);
    const set = await server.graphql(
      SetPresence,
      { state: 'BUSY', doing: 'Ranked — 3rd round', join: { lobby: 'eu-7' } },
      alice.token,
    );
    expect(set.body.data?.setPresence).toMatchObject({ presence: { status: 'BUSY', activity: 'Ranked — 3rd round' } });
    const [, busy] = await feed.take(2);
    expect(busy?.friendPresenceChanged.presence).toMatchObject({
      status: 'BUSY',
      activity: 'Ranked — 3rd round',
      joinInfo: { lobby: 'eu-7' },
    });

    // A reconnect within the grace: nothing for the friend to see.
    await aliceSocket.close();
    const again = connect(alice.token);
    await again.subscribe(FriendPresence, {}).take(1);
    expect((await feed.settle(2_500)).length).toBe(2);

    await again.close();
    const [, , offline] = await feed.take(3, 5_000);
    expect(offline?.friendPresenceChanged.presence).toMatchObject({
      status: 'OFFLINE',
      activity: null,
      joinInfo: null,
    });
  });

  it('should fold rapid changes into at most one event per second, the latest', async () => {
    const { alice, bob } = await friends();
    connect(alice.token).subscribe(FriendPresence, {});
    const feed = connect(bob.token).subscribe(FriendPresence, {});
    await feed.take(1);
    await sleep(1_100);
    // When each event arrives, watched every 10 ms.
    const arrivals: number[] = [];
    const watch = setInterval(() => {
      while (arrivals.length < feed.items.length - 1) arrivals.push(Date.now());
    }, 10);
    try {
      for (const activity of ['lobby', 'match 1', 'match 2', 'match 3', 'results']) {
        await server.graphql(SetPresence, { state: 'ONLINE', doing: activity }, alice.token);
      }
      await eventually(async () =>
        feed.items.at(-1)?.friendPresenceChanged.presence?.activity === 'results' ? true : undefined,
      );
      await sleep(1_200);
    } finally {
      clearInterval(watch);
    }
    // Fewer events than changes, none within a second of the one before, the last the latest.
    expect(arrivals.length).toBeLessThan(5);
    for (let i = 1; i < arrivals.length; i++) {
      expect(arrivals[i]! - arrivals[i - 1]!).toBeGreaterThanOrEqual(900);
    }
    expect(feed.items.at(-1)?.friendPresenceChanged.presence?.activity).toBe('results');
  });

  it('should show an invisible user as offline to friends, with last_seen_at standing still, and as invisible to itself', async () => {
    const { alice, bob, tenant } = await friends();
    const feed = connect(bob.token).subscribe(FriendPresence, {});
    connect(alice.token).subscribe(FriendPresence, {});
    await feed.take(1);
    await sleep(1_100);
    await server.graphql(SetPresence, { state: 'INVISIBLE' }, alice.token);
    const [, hidden] = await feed.take(2);
    expect(hidden?.friendPresenceChanged.presence?.status).toBe('OFFLINE');
    const lastSeen = hidden?.friendPresenceChanged.presence?.lastSeenAt;
    expect(lastSeen).toEqual(expect.any(String));

    await sleep(1_200);
    const asFriend = await server.rest('GET', `/v1/users/${alice.id}/presence`, { token: bob.token });
    expect(asFriend.body.presence).toEqual({
      status: 'offline',
      activity: null,
      join_info: null,
      last_seen_at: lastSeen,
    });
    const asSelf = await server.rest('GET', `/v1/users/${alice.id}/presence`, { token: alice.token });
    expect(asSelf.body.presence.status).toBe('invisible');
    const asService = await server.rest('GET', `/v1/users/${alice.id}/presence`, { token: tenant.serviceToken });
    expect(asService.body.presence.status).toBe('invisible');
    // Not in the friend's online list either.
    const online = await server.rest('GET', `/v1/connections/${bob.id}/active?presence=online`, { token: bob.token });
    expect(online.body.connections).toEqual([]);
  });

  it('should refuse join info PostgreSQL cannot store (NUL, an unpaired surrogate) with 400, whatever the store', async () => {
    const { alice } = await friends();
    for (const join_info of [{ lobby: 'a\u0000b' }, { 'k\u0000': 1 }, { lobby: '\ud800' }, { tags: ['\udc00'] }]) {
      const answer = await server.rest('PUT', `/v1/users/${alice.id}/presence`, {
        token: alice.token,
        body: { status: 'busy', join_info, expires_in_seconds: 60 },
      });
      expect({ join_info, status: answer.status, code: answer.body.code }).toEqual({
        join_info,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const viaGraphQL = await server.graphql(SetPresence, { state: 'BUSY', join: { lobby: '\ud800' } }, alice.token);
    expect(viaGraphQL.body.data?.setPresence).toMatchObject({ __typename: 'ValidationError' });
    expect(await statusSeenBy(server, alice.token, alice.id)).toBe('offline');
  });

  it('should keep away while a socket is open', async () => {
    const { alice, bob } = await friends();
    connect(alice.token).subscribe(FriendPresence, {});
    await eventually(async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'online' ? true : undefined));
    await server.rest('PUT', `/v1/users/${alice.id}/presence`, { token: alice.token, body: { status: 'away' } });
    await sleep(1_500);
    expect(await statusSeenBy(server, bob.token, alice.id)).toBe('away');
  });

  it('should let a game server set a presence with a time to live, without any socket', async () => {
    const { alice, bob, tenant } = await friends();
    const answer = await server.rest('PUT', `/v1/users/${alice.id}/presence`, {
      token: tenant.serviceToken,
      body: { status: 'busy', activity: 'In a match', join_info: { match: 'm-8841' }, expires_in_seconds: 2 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ user_id: alice.id, presence: { status: 'busy', activity: 'In a match' } });
    const seen = await server.rest('GET', `/v1/users/${alice.id}/presence`, { token: bob.token });
    expect(seen.body.presence).toMatchObject({
      status: 'busy',
      activity: 'In a match',
      join_info: { match: 'm-8841' },
    });
    await eventually(
      async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'offline' ? true : undefined),
      6_000,
    );
  });

  it('should show presence to the user, its connections and its service tokens only', async () => {
    const { tenant, alice, bob } = await friends();
    const [stranger, blocked] = [await tenant.user('stranger'), await tenant.user('blocked')];
    await tenant.connect(alice, blocked);
    await server.rest('PUT', `/v1/users/${blocked.id}/blocked/${alice.id}`, { token: blocked.token });
    const other = await createTenant(server);
    const outsider = await other.user('outsider');
    connect(alice.token).subscribe(FriendPresence, {});
    await eventually(async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'online' ? true : undefined));

    expect(await statusSeenBy(server, alice.token, alice.id)).toBe('online');
    expect(await statusSeenBy(server, tenant.serviceToken, alice.id)).toBe('online');
    // A stranger and a blocked user see exactly what they see of someone offline: null.
    expect(await statusSeenBy(server, stranger.token, alice.id)).toBeNull();
    expect(await statusSeenBy(server, blocked.token, alice.id)).toBeNull();
    const viaGraphQL = await server.graphql(UserPresence, { userId: alice.id }, stranger.token);
    expect(viaGraphQL.body.data?.user).toEqual({ __typename: 'User', presence: null });
    // Another tenant does not even find the user.
    expect((await server.rest('GET', `/v1/users/${alice.id}/presence`, { token: outsider.token })).status).toBe(404);

    const hidden = await server.rest('PUT', `/v1/users/${alice.id}/settings`, {
      token: alice.token,
      body: { share_presence: 'nobody' },
    });
    expect(hidden.body).toMatchObject({ share_presence: 'nobody' });
    expect(await statusSeenBy(server, bob.token, alice.id)).toBeNull();
    expect(await statusSeenBy(server, alice.token, alice.id)).toBe('online');
    const active = await server.rest('GET', `/v1/connections/${bob.id}/active`, { token: bob.token });
    expect(active.body.connections[0].presence).toBeNull();
  });

  it('should list online connections first, and only those with presence=online', async () => {
    const tenant = await createTenant(server);
    const [me, online, away, offline] = [
      await tenant.user('me'),
      await tenant.user('online'),
      await tenant.user('away'),
      await tenant.user('offline'),
    ];
    await tenant.connect(me, online);
    await tenant.connect(me, away);
    await tenant.connect(me, offline);
    connect(online.token).subscribe(FriendPresence, {});
    connect(away.token).subscribe(FriendPresence, {});
    await eventually(async () => ((await statusSeenBy(server, me.token, away.id)) === 'online' ? true : undefined));
    await server.graphql(SetPresence, { state: 'AWAY' }, away.token);
    await eventually(async () => ((await statusSeenBy(server, me.token, away.id)) === 'away' ? true : undefined));
    await eventually(async () => ((await statusSeenBy(server, me.token, online.id)) === 'online' ? true : undefined));

    const listed = await server.rest('GET', `/v1/connections/${me.id}/active?presence=online`, { token: me.token });
    expect(listed.status).toBe(200);
    expect(
      listed.body.connections.map((c: { connected_user: { client_user_id: string }; presence: { status: string } }) => [
        c.connected_user.client_user_id,
        c.presence.status,
      ]),
    ).toEqual([
      [online.id, 'online'],
      [away.id, 'away'],
    ]);
    expect(listed.body.pagination).toMatchObject({ total_items: 2 });
    const all = await server.rest('GET', `/v1/connections/${me.id}/active`, { token: me.token });
    expect(all.body.connections).toHaveLength(3);
    expect(
      all.body.connections.find(
        (c: { connected_user: { client_user_id: string } }) => c.connected_user.client_user_id === offline.id,
      ).presence.status,
    ).toBe('offline');
  });

  it('should count a subscription over SSE as a live socket', async () => {
    const { alice, bob } = await friends();
    const stream = await sseSubscribe(server.url, alice.token, { query: FriendPresence.toString() });
    expect(stream.status).toBe(200);
    await eventually(async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'online' ? true : undefined));
    stream.close();
    await eventually(async () => ((await statusSeenBy(server, bob.token, alice.id)) === 'offline' ? true : undefined));
  });

  it('should refuse what it cannot keep, and change nothing', async () => {
    const { alice, bob } = await friends();
    const put = (body: unknown, token = alice.token) =>
      server.rest('PUT', `/v1/users/${alice.id}/presence`, { token, body });
    const tooLong = await put({ status: 'online', activity: 'x'.repeat(129) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ error: expect.any(String), code: 'VALIDATION_FAILED' });
    expect((await put({ status: 'online', join_info: { blob: 'x'.repeat(1100) } })).status).toBe(400);
    expect((await put({ status: 'online', join_info: ['lobby'] })).status).toBe(400);
    expect((await put({ status: 'online', expires_in_seconds: 0 })).status).toBe(400);
    expect((await put({ status: 'sleeping' })).status).toBe(400);
    expect((await put({ status: 'online' }, bob.token)).status).toBe(403);
    expect(await statusSeenBy(server, bob.token, alice.id)).toBe('offline');
  });
});
