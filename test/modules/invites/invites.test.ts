import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../../helpers/app.js';
import { type LiveClient, liveClient } from '../../helpers/live.js';
import { liveCursorOf } from '../../helpers/live-cursor.documents.js';

/*
 * Invites: a player asks its connections to join it in the game; each receiver sees the invite
 * live, accepts it (and gets the join info) or declines it; the sender hears the answer or
 * withdraws it; an invite that expired can no longer be accepted and no longer counts.
 */

const server = useTestServer();
const clients: LiveClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
const registered = () => new Promise((resolve) => setTimeout(resolve, 150));

const NotificationAdded = graphql(`
  subscription TestInviteNotificationAdded($after: ID) {
    notificationAdded(after: $after) {
      id
      type
      otherUser { clientUserId }
      message
      expiresAt
      read
      invite { id status joinInfo expiresAt sender { clientUserId } receiver { clientUserId } }
    }
  }
`);

const UnreadCounts = graphql(`
  subscription TestInviteUnreadCounts {
    connectionEvents { __typename ... on UnreadCountChangedEvent { unreadCount } }
  }
`);

const InviteToPlay = graphql(`
  mutation TestInviteToPlay($friends: [ID!]!, $lobby: JSONObject!, $note: String, $seconds: Int, $key: String) {
    sendInvite(receiverIds: $friends, joinInfo: $lobby, message: $note, expiresInSeconds: $seconds, idempotencyKey: $key) {
      __typename
      ... on Error { code message }
      ... on SendInvitePayload { message invites { id status receiver { clientUserId } joinInfo } }
    }
  }
`);

const AcceptInvite = graphql(`
  mutation TestAcceptInvite($invite: ID!) {
    acceptInvite(inviteId: $invite) {
      __typename
      ... on Error { code message }
      ... on AcceptInvitePayload { joinInfo invite { status respondedAt } }
    }
  }
`);

const ReceivedInvites = graphql(`
  query TestReceivedInvites($status: InviteStatusFilter) {
    invites(status: $status) {
      __typename
      ... on InvitePage { totalCount nodes { id status sender { clientUserId } } }
    }
  }
`);

const lobby = { lobby: 'eu-7f3a', mode: 'ranked', slots: 3 };

async function invite(from: SeededUser, to: string[], extra: Record<string, unknown> = {}) {
  return server.rest('POST', `/v1/connections/${from.id}/invites`, {
    token: from.token,
    body: { receiver_ids: to, join_info: lobby, ...extra },
  });
}

async function answer(user: SeededUser, inviteId: number, verb: 'accept' | 'decline' | 'cancel', body?: unknown) {
  return server.rest('POST', `/v1/connections/${user.id}/invites/${inviteId}/${verb}`, {
    token: user.token,
    ...(body !== undefined && { body }),
  });
}

async function notifications(user: SeededUser) {
  const answer = await server.rest('GET', `/v1/connections/${user.id}/notifications`, { token: user.token });
  expect(answer.status).toBe(200);
  return answer.body as { notifications: Record<string, any>[]; unread_count: number };
}

async function listInvites(user: SeededUser, query = '') {
  const answer = await server.rest('GET', `/v1/connections/${user.id}/invites${query}`, { token: user.token });
  expect(answer.status).toBe(200);
  return answer.body as { invites: Record<string, any>[]; pagination: Record<string, any> };
}

async function friends(): Promise<{ tenant: Tenant; alice: SeededUser; bob: SeededUser }> {
  const tenant = await createTenant(server);
  const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
  await tenant.connect(alice, bob);
  // The request and its answer are read: counts below are the invites'.
  for (const user of [alice, bob]) {
    await server.rest('POST', `/v1/connections/${user.id}/notifications/read`, { token: user.token });
  }
  return { tenant, alice, bob };
}

describe('an invite', () => {
  it('should reach a friend live, who accepts it and gets the join info, and the sender hears it', async () => {
    const { alice, bob } = await friends();
    const bobClient = liveClient(server.url, bob.token);
    const aliceClient = liveClient(server.url, alice.token);
    clients.push(bobClient, aliceClient);
    // At their live cursors: two sockets opening at once can take longer than `registered`.
    const bobFeed = bobClient.subscribe(NotificationAdded, { after: await liveCursorOf(server, bob.token) });
    const aliceFeed = aliceClient.subscribe(NotificationAdded, { after: await liveCursorOf(server, alice.token) });
    await registered();

    const sent = await invite(alice, [bob.id], { message: 'Ranked? ' });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({
      message: 'Invite sent to 1 user',
      invites: [
        {
          id: expect.any(Number),
          sender: { client_user_id: alice.id, display_name: alice.displayName },
          receiver: { client_user_id: bob.id, display_name: bob.displayName },
          status: 'pending',
          message: 'Ranked?',
          join_info: lobby,
          created_at: expect.any(String),
          expires_at: expect.any(String),
          responded_at: null,
        },
      ],
    });
    const sentInvite = sent.body.invites[0];
    // Five minutes by default.
    expect(Date.parse(sentInvite.expires_at) - Date.parse(sentInvite.created_at)).toBe(300_000);

    const [live] = await bobFeed.take(1);
    expect(live?.notificationAdded).toEqual({
      id: expect.any(String),
      type: 'GAME_INVITE',
      otherUser: { clientUserId: alice.id },
      message: 'Ranked?',
      expiresAt: sentInvite.expires_at,
      read: false,
      invite: {
        id: String(sentInvite.id),
        status: 'PENDING',
        joinInfo: lobby,
        expiresAt: sentInvite.expires_at,
        sender: { clientUserId: alice.id },
        receiver: { clientUserId: bob.id },
      },
    });
    const listed = await notifications(bob);
    expect(listed.unread_count).toBe(1);
    expect(listed.notifications[0]).toEqual({
      id: Number(live?.notificationAdded.id),
      type: 'game_invite',
      connection_request_id: null,
      other_user: { client_user_id: alice.id, display_name: alice.displayName },
      message: 'Ranked?',
      invite_id: sentInvite.id,
      join_info: lobby,
      expires_at: sentInvite.expires_at,
      timestamp: expect.any(String),
      read: false,
    });

    const accepted = await answer(bob, sentInvite.id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ message: 'Invite accepted', invite_id: sentInvite.id, join_info: lobby });
    // The receiver's invite no longer waits for an answer; the sender hears it was accepted.
    expect((await notifications(bob)).unread_count).toBe(0);
    const [heard] = await aliceFeed.take(1);
    expect(heard?.notificationAdded).toMatchObject({
      type: 'INVITE_ACCEPTED',
      otherUser: { clientUserId: bob.id },
      message: `${bob.displayName} accepted your invite.`,
      invite: { id: String(sentInvite.id), status: 'ACCEPTED' },
    });
    const aliceNotes = await notifications(alice);
    expect(aliceNotes.notifications.find((n) => n.type === 'invite_accepted')).toMatchObject({
      invite_id: sentInvite.id,
      other_user: { client_user_id: bob.id },
    });
    expect(aliceNotes.notifications.find((n) => n.type === 'invite_accepted')).not.toHaveProperty('join_info');

    // Both see where it stands.
    expect((await listInvites(alice, '?direction=sent')).invites).toEqual([
      { ...sentInvite, status: 'accepted', responded_at: expect.any(String) },
    ]);
    expect((await listInvites(bob)).invites.map((i) => i.status)).toEqual(['accepted']);
    // A second answer is refused, and changes nothing.
    for (const verb of ['accept', 'decline'] as const) {
      const again = await answer(bob, sentInvite.id, verb);
      expect(again.status).toBe(409);
      expect(again.body).toEqual({
        error: 'Conflict',
        message: 'Invite already answered or withdrawn',
        code: 'INVITE_ALREADY_ANSWERED',
      });
    }
    expect(await aliceFeed.settle(300)).toHaveLength(1);
  });

  it('should go to several friends at once over GraphQL, each with an invite of its own', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    await tenant.connect(alice, bob);
    await tenant.connect(carol, alice);
    const sent = await server.graphql(InviteToPlay, { friends: [carol.id, bob.id], lobby }, alice.token);
    const payload = sent.body.data?.sendInvite;
    if (payload?.__typename !== 'SendInvitePayload') throw new Error(JSON.stringify(sent.body));
    expect(payload.message).toBe('Invite sent to 2 users');
    expect(payload.invites.map((i) => i.receiver.clientUserId)).toEqual([carol.id, bob.id]);
    expect(new Set(payload.invites.map((i) => i.id)).size).toBe(2);
    for (const user of [bob, carol]) {
      const received = await server.graphql(ReceivedInvites, { status: 'PENDING' }, user.token);
      expect(received.body.data?.invites).toMatchObject({
        totalCount: 1,
        nodes: [{ status: 'PENDING', sender: { clientUserId: alice.id } }],
      });
    }
    // Carol accepts over GraphQL; Bob's invite is his own and still pending.
    const carolInvite = payload.invites[0]!.id;
    const accepted = await server.graphql(AcceptInvite, { invite: carolInvite }, carol.token);
    expect(accepted.body.data?.acceptInvite).toMatchObject({ joinInfo: lobby, invite: { status: 'ACCEPTED' } });
    expect((await listInvites(bob, '?status=pending')).invites).toHaveLength(1);
  });

  it('should be refused with one answer to anyone not a connection, blocked or not taking invites, sending nothing', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, stranger, blocker, closed] = [
      await tenant.user('alice'),
      await tenant.user('bob'),
      await tenant.user('stranger'),
      await tenant.user('blocker'),
      await tenant.user('closed'),
    ];
    await tenant.connect(alice, bob);
    await tenant.connect(alice, blocker);
    await tenant.connect(alice, closed);
    expect(
      (await server.rest('PUT', `/v1/users/${blocker.id}/blocked/${alice.id}`, { token: blocker.token })).status,
    ).toBeLessThan(300);
    const settings = await server.rest('PUT', `/v1/users/${closed.id}/settings`, {
      token: closed.token,
      body: { accept_invites_from: 'nobody' },
    });
    expect(settings.body).toMatchObject({ accept_invites_from: 'nobody' });

    for (const refusing of [stranger, blocker, closed]) {
      // With a friend who would take it: all or none.
      const refused = await invite(alice, [bob.id, refusing.id]);
      expect(refused.status).toBe(403);
      expect(refused.body).toEqual({
        error: 'Forbidden',
        message: `User '${refusing.id}' does not accept invites from you`,
        code: 'INVITES_NOT_ACCEPTED',
      });
    }
    expect((await notifications(bob)).notifications.filter((n) => n.type === 'game_invite')).toEqual([]);
    expect((await listInvites(alice, '?direction=sent')).invites).toEqual([]);

    // The setting back to connections: invites reach again.
    await server.rest('PUT', `/v1/users/${closed.id}/settings`, {
      token: closed.token,
      body: { accept_invites_from: 'connections' },
    });
    expect((await invite(alice, [closed.id])).status).toBe(201);
  });

  it('should tell the sender of a decline unless silent, and let the sender withdraw one', async () => {
    const { alice, bob } = await friends();
    const [first, second, third] = [
      (await invite(alice, [bob.id])).body.invites[0].id,
      // A new invite to the same friend withdraws the one still pending.
      (await invite(alice, [bob.id])).body.invites[0].id,
      undefined,
    ];
    expect(third).toBeUndefined();
    const bobNotes = await notifications(bob);
    expect(bobNotes.unread_count).toBe(1);
    expect(bobNotes.notifications.filter((n) => n.type === 'game_invite').map((n) => [n.invite_id, n.read])).toEqual([
      [second, false],
      [first, true],
    ]);
    expect((await listInvites(bob)).invites.map((i) => [i.id, i.status])).toEqual([
      [second, 'pending'],
      [first, 'cancelled'],
    ]);

    expect((await answer(bob, second, 'decline')).body).toEqual({ message: 'Invite declined' });
    let aliceNotes = await notifications(alice);
    expect(aliceNotes.notifications.filter((n) => n.type === 'invite_declined')).toMatchObject([
      {
        invite_id: second,
        other_user: { client_user_id: bob.id },
        message: `${bob.displayName} declined your invite.`,
      },
    ]);

    const silent = (await invite(alice, [bob.id])).body.invites[0].id;
    expect((await answer(bob, silent, 'decline', { silent: true })).status).toBe(200);
    aliceNotes = await notifications(alice);
    expect(aliceNotes.notifications.filter((n) => n.type === 'invite_declined')).toHaveLength(1);
    expect((await listInvites(alice, '?direction=sent&status=declined')).invites.map((i) => i.id)).toEqual([
      silent,
      second,
    ]);

    const withdrawn = (await invite(alice, [bob.id])).body.invites[0].id;
    expect((await notifications(bob)).unread_count).toBe(1);
    const byReceiver = await answer(bob, withdrawn, 'cancel');
    expect(byReceiver.status).toBe(403);
    expect(byReceiver.body.code).toBe('NOT_INVITE_SENDER');
    const bySender = await answer(alice, withdrawn, 'accept');
    expect(bySender.status).toBe(403);
    expect(bySender.body.code).toBe('NOT_INVITE_RECEIVER');
    expect((await answer(alice, withdrawn, 'cancel')).body).toEqual({ message: 'Invite withdrawn' });
    expect((await notifications(bob)).unread_count).toBe(0);
    const late = await answer(bob, withdrawn, 'accept');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('INVITE_ALREADY_ANSWERED');
  });

  it('should no longer be accepted nor counted once expired', async () => {
    const { tenant, alice, bob } = await friends();
    const sent = await invite(alice, [bob.id], { expires_in_seconds: 10 });
    const id = sent.body.invites[0].id;
    expect(Date.parse(sent.body.invites[0].expires_at) - Date.parse(sent.body.invites[0].created_at)).toBe(10_000);
    const panelClient = liveClient(server.url, bob.token);
    clients.push(panelClient);
    const panel = panelClient.subscribe(UnreadCounts, {});
    expect((await panel.take(1))[0]?.connectionEvents).toEqual({
      __typename: 'UnreadCountChangedEvent',
      unreadCount: 1,
    });

    // Ten seconds later, as the database tells time.
    await sql`update invites set created_at = created_at - interval '11 seconds', expires_at = expires_at - interval '11 seconds' where tenant = ${tenant.name}`.execute(
      server.database.db,
    );
    await sql`update notifications set expires_at = expires_at - interval '11 seconds' where tenant = ${tenant.name}`.execute(
      server.database.db,
    );
    const after = await notifications(bob);
    expect(after.unread_count).toBe(0);
    expect(after.notifications.filter((n) => n.type === 'game_invite')).toEqual([]);
    for (const [user, verb] of [
      [bob, 'accept'],
      [bob, 'decline'],
      [alice, 'cancel'],
    ] as const) {
      const refused = await answer(user, id, verb);
      expect(refused.status).toBe(409);
      expect(refused.body).toEqual({ error: 'Conflict', message: 'This invite has expired', code: 'INVITE_EXPIRED' });
    }
    expect((await listInvites(bob, '?status=expired')).invites.map((i) => [i.id, i.status])).toEqual([[id, 'expired']]);
    expect((await listInvites(bob, '?status=pending')).invites).toEqual([]);
    // The sweep deletes its notification, and the friends panel hears the count went down.
    await server.app.maintenance.sweep();
    expect((await panel.take(2))[1]?.connectionEvents).toEqual({
      __typename: 'UnreadCountChangedEvent',
      unreadCount: 0,
    });
  });

  it('should be withdrawn when the two are no longer connected', async () => {
    const { tenant, alice, bob } = await friends();
    const id = (await invite(alice, [bob.id])).body.invites[0].id;
    expect((await notifications(bob)).unread_count).toBe(1);
    const active = await server.rest('GET', `/v1/connections/${bob.id}/active`, { token: bob.token });
    const connectionId = active.body.connections[0].id;
    expect(
      (await server.rest('DELETE', `/v1/connections/${bob.id}/${connectionId}`, { token: bob.token })).status,
    ).toBe(200);
    expect((await notifications(bob)).unread_count).toBe(0);
    expect((await answer(bob, id, 'accept')).body.code).toBe('INVITE_ALREADY_ANSWERED');
    expect((await listInvites(alice, '?direction=sent')).invites.map((i) => i.status)).toEqual(['cancelled']);
    expect((await invite(alice, [bob.id])).status).toBe(403);
    // A third user knows of no such invite.
    const carol = await tenant.user('carol');
    expect((await answer(carol, id, 'accept')).body.code).toBe('INVITE_NOT_FOUND');

    // A block, whoever blocks whom, withdraws them too: Bob's invite to Carol is gone when she blocks him.
    await tenant.connect(bob, carol);
    const toCarol = (await invite(bob, [carol.id])).body.invites[0].id;
    expect((await server.rest('PUT', `/v1/users/${carol.id}/blocked/${bob.id}`, { token: carol.token })).status).toBe(
      201,
    );
    expect((await answer(carol, toCarol, 'accept')).body.code).toBe('INVITE_ALREADY_ANSWERED');
    expect((await listInvites(carol)).invites.map((i) => i.status)).toEqual(['cancelled']);
  });

  it('should refuse bad input with 400 and send nothing', async () => {
    const { tenant, alice, bob } = await friends();
    const many = await Promise.all(Array.from({ length: 21 }, (_, i) => `u${i}`));
    const cases: [Record<string, unknown>, string][] = [
      [{ receiver_ids: [bob.id] }, 'join_info is required'],
      [{ receiver_ids: [bob.id], join_info: ['a'] }, 'join_info must be a JSON object'],
      [{ receiver_ids: [bob.id], join_info: { blob: 'x'.repeat(1024) } }, 'at most 1024 bytes'],
      [{ receiver_ids: [], join_info: lobby }, 'receiver_ids'],
      [{ receiver_ids: many, join_info: lobby }, 'receiver_ids'],
      [{ receiver_ids: [bob.id, bob.id], join_info: lobby }, 'must not repeat'],
      [{ receiver_ids: [alice.id], join_info: lobby }, 'Cannot invite yourself'],
      [{ receiver_ids: [bob.id], join_info: lobby, expires_in_seconds: 9 }, 'expires_in_seconds'],
      [{ receiver_ids: [bob.id], join_info: lobby, expires_in_seconds: 86_401 }, 'expires_in_seconds'],
      [{ receiver_ids: [bob.id], join_info: lobby, message: 'x'.repeat(501) }, 'message'],
    ];
    for (const [body, says] of cases) {
      const refused = await server.rest('POST', `/v1/connections/${alice.id}/invites`, { token: alice.token, body });
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(refused.body.message).toContain(says);
    }
    const unknown = await invite(alice, [bob.id, 'nobody-here']);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
    expect(await notifications(bob)).toMatchObject({ unread_count: 0 });
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from invites where tenant = ${tenant.name}`.execute(server.database.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('should be sent once for a retried idempotency key, over REST and GraphQL', async () => {
    const { alice, bob } = await friends();
    const first = await server.rest('POST', `/v1/connections/${alice.id}/invites`, {
      token: alice.token,
      headers: { 'idempotency-key': 'invite-1' },
      body: { receiver_ids: [bob.id], join_info: lobby },
    });
    const retried = await server.rest('POST', `/v1/connections/${alice.id}/invites`, {
      token: alice.token,
      headers: { 'idempotency-key': 'invite-1' },
      body: { receiver_ids: [bob.id], join_info: lobby },
    });
    expect(retried.status).toBe(201);
    expect(retried.body).toEqual(first.body);
    const viaGraphQL = await server.graphql(InviteToPlay, { friends: [bob.id], lobby, key: 'invite-2' }, alice.token);
    const again = await server.graphql(InviteToPlay, { friends: [bob.id], lobby, key: 'invite-2' }, alice.token);
    expect(again.body.data).toEqual(viaGraphQL.body.data);
    expect((await listInvites(alice, '?direction=sent')).invites).toHaveLength(2);
    const reused = await server.graphql(
      InviteToPlay,
      { friends: [bob.id], lobby: { other: 1 }, key: 'invite-2' },
      alice.token,
    );
    expect(reused.body.data?.sendInvite).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('should list with pagination, newest first', async () => {
    const { alice, bob } = await friends();
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      const id = (await invite(alice, [bob.id])).body.invites[0].id;
      ids.push(id);
    }
    const firstPage = await listInvites(bob, '?per_page=2');
    expect(firstPage.invites.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(firstPage.pagination).toMatchObject({ current_page: 1, per_page: 2, total_items: 3, total_pages: 2 });
    const secondPage = await listInvites(bob, '?per_page=2&page=2');
    expect(secondPage.invites.map((i) => i.id)).toEqual([ids[0]]);
    const bad = await server.rest('GET', `/v1/connections/${bob.id}/invites?direction=sideways`, { token: bob.token });
    expect(bad.status).toBe(400);
  });
});
