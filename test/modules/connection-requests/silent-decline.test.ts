import { afterEach, describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type HttpResult, type SeededUser, useTestServer } from '../../helpers/app.js';
import { type Feed, type LiveClient, liveClient } from '../../helpers/live.js';
import { as, ISO_TIME, outcome, users } from '../../helpers/results.js';

/*
 * Silent declines (GraphQL `declineConnectionRequest(silent: true)`), and why they exist: a
 * block declines the blocked user's pending request without telling its sender, so unless any
 * receiver may decline that way, "declined, no notification" would mean "blocked". Here the two
 * are compared through everything their senders can observe: REST, GraphQL and live
 * subscriptions opened before. The decline cooldown is on, to show that it treats them alike.
 */
const COOLDOWN_SECONDS = 3600;
const server = useTestServer({ env: { DECLINE_COOLDOWN_SECONDS: String(COOLDOWN_SECONDS) } });

const clients: LiveClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});

const Decline = graphql(`
  mutation TestSilentDecline($userId: ID, $requestId: ID!, $silent: Boolean, $idempotencyKey: String) {
    declineConnectionRequest(userId: $userId, requestId: $requestId, silent: $silent, idempotencyKey: $idempotencyKey) {
      __typename
      ... on Error { code message }
      ... on DeclineConnectionRequestPayload {
        message
        request { id status message createdAt respondedAt sender { clientUserId } receiver { clientUserId } }
      }
    }
  }
`);

const Send = graphql(`
  mutation TestSilentDeclineSend($receiverId: ID!) {
    sendConnectionRequest(receiverId: $receiverId) {
      __typename
      ... on Error { code message }
      ... on RateLimitedError { retryAfterSeconds }
      ... on SendConnectionRequestPayload { request { id status } }
    }
  }
`);

const Cancel = graphql(`
  mutation TestSilentDeclineCancel($requestId: ID!) {
    cancelConnectionRequest(requestId: $requestId) {
      __typename
      ... on Error { code message }
      ... on CancelConnectionRequestPayload { request { id status } }
    }
  }
`);

const Accept = graphql(`
  mutation TestSilentDeclineAccept($requestId: ID!) {
    acceptConnectionRequest(requestId: $requestId) {
      __typename
      ... on Error { code message }
      ... on AcceptConnectionRequestPayload { request { id status } }
    }
  }
`);

const Requests = graphql(`
  query TestSilentDeclineRequests {
    sentConnectionRequests(perPage: 10) {
      __typename
      ... on ConnectionRequestPage {
        totalCount
        nodes {
          id status message createdAt respondedAt mutualConnectionCount
          sender { clientUserId displayName }
          receiver { clientUserId displayName }
        }
      }
    }
    receivedConnectionRequests(perPage: 10) {
      __typename
      ... on ConnectionRequestPage {
        totalCount
        nodes {
          id status message createdAt respondedAt mutualConnectionCount
          sender { clientUserId displayName }
          receiver { clientUserId displayName }
        }
      }
    }
  }
`);

const Notifications = graphql(`
  query TestSilentDeclineNotifications {
    notifications(perPage: 10) {
      __typename
      ... on NotificationPage {
        totalCount
        unreadCount
        liveCursor
        nodes { id type connectionRequestId otherUser { clientUserId displayName } message timestamp read }
      }
    }
  }
`);

const Other = graphql(`
  query TestSilentDeclineOther($otherId: ID!) {
    relationships(userIds: [$otherId]) {
      __typename
      ... on RelationshipList { relationships { userId status connectionId requestId } }
    }
    user(userId: $otherId) {
      __typename
      ... on User { clientUserId displayName createdAt mutualConnectionCount }
    }
    mutualConnections(otherUserId: $otherId, perPage: 10) {
      __typename
      ... on MutualConnectionPage { total nodes { clientUserId displayName } }
    }
    activeConnections(perPage: 10) {
      __typename
      ... on ConnectionPage { totalCount nodes { id connectedUser { clientUserId displayName } } }
    }
  }
`);

const Suggestions = graphql(`
  query TestSilentDeclineSuggestions {
    connectionSuggestions(perPage: 10) {
      __typename
      ... on ConnectionSuggestionPage { totalCount nodes { mutualCount user { clientUserId displayName } } }
    }
  }
`);

const ConnectionEvents = graphql(`
  subscription TestSilentDeclineConnectionEvents {
    connectionEvents {
      __typename
      ... on ConnectionCreatedEvent { connection { id connectedUser { clientUserId } } }
      ... on ConnectionRemovedEvent { connectionId connectedUser { clientUserId } }
      ... on ConnectionRequestClosedEvent { request { id status respondedAt sender { clientUserId } } }
      ... on BlockChangedEvent { blocked user { clientUserId } }
      ... on UnreadCountChangedEvent { unreadCount }
    }
  }
`);

const NotificationAdded = graphql(`
  subscription TestSilentDeclineNotificationAdded($after: ID) {
    notificationAdded(after: $after) {
      id type connectionRequestId otherUser { clientUserId displayName } message timestamp read
    }
  }
`);

const rest = (user: SeededUser, method: string, path: string, body?: unknown) =>
  server.rest(method, path, { token: user.token, ...(body !== undefined && { body }) });

/** A REST answer as its caller sees it, with the Retry-After header when there is one. */
const seen = (response: HttpResult) => ({ ...outcome(response), retryAfter: response.headers.get('retry-after') });

async function declineSilently(receiver: SeededUser, requestId: number) {
  const result = await server.graphql(Decline, { requestId: String(requestId), silent: true }, receiver.token);
  return as(result.body.data?.declineConnectionRequest, 'DeclineConnectionRequestPayload');
}

async function notificationsOf(user: SeededUser) {
  const result = await server.graphql(Notifications, {}, user.token);
  return as(result.body.data?.notifications, 'NotificationPage');
}

/** The live feeds a user's game has open: its friends panel and its notification bell. */
interface Live {
  events: Feed<{ connectionEvents: { __typename: string; unreadCount?: number } }>;
  notifications: Feed<{ notificationAdded: { type: string; otherUser: { clientUserId: string } | null } }>;
}

/** Opens both feeds and waits until each is listening (the friends panel's first event). */
async function goLive(user: SeededUser): Promise<Live> {
  const client = liveClient(server.url, user.token);
  clients.push(client);
  const { liveCursor } = await notificationsOf(user);
  const live = {
    events: client.subscribe(ConnectionEvents, {}),
    notifications: client.subscribe(NotificationAdded, { after: liveCursor }),
  };
  await live.events.take(1);
  return live;
}

/** Waits until `feed` has delivered, after its first `from` items, an item that `found` recognizes. */
async function until<T>(feed: Feed<T>, from: number, found: (item: T) => boolean): Promise<void> {
  for (let count = from + 1; !feed.items.slice(from).some(found); count++) await feed.take(count);
}

/**
 * `marker` sends each of `users` a request, and each user's feeds are read up to it: whatever
 * committed before (a decline, a block) has been delivered by then, as feeds keep commit order.
 */
async function markFeeds(marker: SeededUser, watched: [SeededUser, Live][]): Promise<void> {
  for (const [user, live] of watched) {
    const from = live.events.items.length;
    const sent = await rest(marker, 'POST', `/v1/connections/${marker.id}/request`, { receiver_id: user.id });
    expect(sent.status).toBe(201);
    const { unreadCount } = await notificationsOf(user);
    await until(live.notifications, 0, (n) => n.notificationAdded.otherUser?.clientUserId === marker.id);
    await until(live.events, from, (e) => e.connectionEvents.unreadCount === unreadCount);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
}

/**
 * Everything `me` can observe of itself and of `other` through REST, GraphQL and its live feeds,
 * and the answer to `attempt` on the request between them (a refused call: it changes nothing).
 */
async function observe(me: SeededUser, other: SeededUser, live: Live, attempt: 'cancel' | 'accept', requestId: number) {
  const path = (tail: string) => `/v1/connections/${me.id}/${tail}`;
  const get = async (tail: string) => outcome(await rest(me, 'GET', path(tail)));
  const attempted =
    attempt === 'cancel'
      ? seen(await rest(me, 'POST', path(`cancel/${requestId}`)))
      : seen(await rest(me, 'POST', path(`accept/${requestId}`)));
  const attemptedOverGraphql =
    attempt === 'cancel'
      ? (await server.graphql(Cancel, { requestId: String(requestId) }, me.token)).body
      : (await server.graphql(Accept, { requestId: String(requestId) }, me.token)).body;
  return {
    rest: {
      sent: await get('sent?per_page=10'),
      declined: await get('sent?status=declined'),
      received: await get('received?per_page=10'),
      notifications: await get('notifications?per_page=10'),
      unread: await get('notifications?unread_only=true'),
      active: await get('active'),
      mutual: await get(`mutual/${other.id}`),
      status: outcome(await rest(me, 'POST', path('status'), { user_ids: [other.id] })),
      profile: outcome(await rest(me, 'GET', `/v1/users/${other.id}`)),
      attempted,
    },
    graphql: {
      requests: (await server.graphql(Requests, {}, me.token)).body,
      notifications: (await server.graphql(Notifications, {}, me.token)).body,
      other: (await server.graphql(Other, { otherId: other.id }, me.token)).body,
      attempted: attemptedOverGraphql,
    },
    live: { events: [...live.events.items], notifications: [...live.notifications.items], errors: live.events.errors },
  };
}

/** What `me` gets when asking `other` again, and whom it is suggested, over REST and GraphQL. */
async function askAgain(me: SeededUser, other: SeededUser) {
  return {
    rest: {
      send: seen(await rest(me, 'POST', `/v1/connections/${me.id}/request`, { receiver_id: other.id })),
      suggestions: outcome(await rest(me, 'GET', `/v1/connections/${me.id}/suggestions`)),
    },
    graphql: {
      send: (await server.graphql(Send, { receiverId: other.id }, me.token)).body,
      suggestions: (await server.graphql(Suggestions, {}, me.token)).body,
    },
  };
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const ID_KEYS = new Set([
  'id',
  'requestId',
  'connectionId',
  'connectionRequestId',
  'request_id',
  'connection_id',
  'connection_request_id',
]);

/**
 * An observation with what must differ between two users replaced: each user's id and name by
 * its role (`names`), each id by the order it first appears in (the same id, REST number or
 * GraphQL string, gets the same label), and each time by `<time>` (its presence still counts).
 */
function canonical(observation: unknown, names: Record<string, SeededUser>): unknown {
  const replacements = Object.entries(names)
    .flatMap(([role, user]) => [
      [user.displayName, `<${role} name>`],
      [user.id, `<${role}>`],
    ])
    .sort(([a], [b]) => b!.length - a!.length) as [string, string][];
  const labels = new Map<string, string>();
  const label = (id: string) => {
    if (!labels.has(id)) labels.set(id, `<id ${labels.size + 1}>`);
    return labels.get(id);
  };
  const walk = (value: unknown, key: string): unknown => {
    if (ID_KEYS.has(key) && (typeof value === 'number' || typeof value === 'string')) return label(String(value));
    if (typeof value === 'string') {
      if (ISO.test(value)) return '<time>';
      return replacements.reduce((text, [from, to]) => text.split(from).join(to), value);
    }
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  return walk(observation, '');
}

describe('Mutation.declineConnectionRequest(silent)', () => {
  it('should decline without notifying the sender, and otherwise answer as a decline does', async () => {
    const tenant = await createTenant(server);
    const [receiver, told, untold] = await users(tenant, 'receiver', 'sender', 'sender');
    const toTell = await tenant.request(told, receiver, 'Hi');
    const notToTell = await tenant.request(untold, receiver, 'Hi');
    const untoldBefore = await notificationsOf(untold);

    const plain = await server.graphql(Decline, { requestId: String(toTell) }, receiver.token);
    const silent = await server.graphql(Decline, { requestId: String(notToTell), silent: true }, receiver.token);

    const payload = as(plain.body.data?.declineConnectionRequest, 'DeclineConnectionRequestPayload');
    expect(payload).toEqual({
      __typename: 'DeclineConnectionRequestPayload',
      message: 'Connection request declined successfully',
      request: {
        id: String(toTell),
        status: 'DECLINED',
        message: 'Hi',
        createdAt: ISO_TIME,
        respondedAt: ISO_TIME,
        sender: { clientUserId: told.id },
        receiver: { clientUserId: receiver.id },
      },
    });
    expect(canonical(silent.body.data?.declineConnectionRequest, { sender: untold })).toEqual(
      canonical(payload, { sender: told }),
    );
    // The told sender has a request_declined notification; the other has nothing new.
    const toldNow = await notificationsOf(told);
    expect(toldNow.unreadCount).toBe(1);
    expect(toldNow.nodes.map((n) => [n.type, n.connectionRequestId, n.read])).toEqual([
      ['REQUEST_DECLINED', String(toTell), false],
    ]);
    expect(await notificationsOf(untold)).toEqual(untoldBefore);
    // Both see their request declined, in the same shape; the receiver sees both declined.
    const sentBy = async (sender: SeededUser) => (await rest(sender, 'GET', `/v1/connections/${sender.id}/sent`)).body;
    expect(canonical(await sentBy(untold), { sender: untold })).toEqual(
      canonical(await sentBy(told), { sender: told }),
    );
    expect((await sentBy(untold)).requests).toEqual([
      {
        id: notToTell,
        user: { client_user_id: receiver.id, display_name: receiver.displayName },
        status: 'declined',
        message: 'Hi',
        created_at: ISO_TIME,
        responded_at: ISO_TIME,
      },
    ]);
    const received = await rest(receiver, 'GET', `/v1/connections/${receiver.id}/received?status=declined`);
    expect(received.body.requests.map((r: { id: number }) => r.id)).toEqual([notToTell, toTell]);
  });

  it('should notify the sender when silent is false', async () => {
    const tenant = await createTenant(server);
    const [receiver, sender] = await users(tenant, 'receiver', 'sender');
    const requestId = await tenant.request(sender, receiver);

    const result = await server.graphql(Decline, { requestId: String(requestId), silent: false }, receiver.token);

    expect(result.body.data?.declineConnectionRequest).toMatchObject({ request: { status: 'DECLINED' } });
    expect((await notificationsOf(sender)).nodes.map((n) => n.type)).toEqual(['REQUEST_DECLINED']);
  });

  it('should refuse what a plain decline refuses, and change nothing', async () => {
    const tenant = await createTenant(server);
    const [receiver, sender, other] = await users(tenant, 'receiver', 'sender', 'other');
    const requestId = String(await tenant.request(sender, receiver));
    const decline = (user: SeededUser) => server.graphql(Decline, { requestId, silent: true }, user.token);

    expect((await decline(other)).body.data?.declineConnectionRequest).toEqual({
      __typename: 'ForbiddenError',
      code: 'NOT_REQUEST_RECEIVER',
      message: 'Not authorized to decline this request',
    });
    expect((await decline(sender)).body.data?.declineConnectionRequest).toMatchObject({ code: 'NOT_REQUEST_RECEIVER' });
    const pending = await rest(sender, 'GET', `/v1/connections/${sender.id}/sent?status=pending`);
    expect(pending.body.requests.map((r: { id: number }) => String(r.id))).toEqual([requestId]);

    expect((await decline(receiver)).body.data?.declineConnectionRequest).toMatchObject({ request: { id: requestId } });
    expect((await decline(receiver)).body.data?.declineConnectionRequest).toEqual({
      __typename: 'ConflictError',
      code: 'REQUEST_ALREADY_PROCESSED',
      message: 'Request already processed',
    });
    expect((await notificationsOf(sender)).nodes).toEqual([]);
  });

  it('should count silent for its idempotency key: the same call replays, another silent is IDEMPOTENCY_KEY_REUSED', async () => {
    const tenant = await createTenant(server);
    const [receiver, quiet, loud] = await users(tenant, 'receiver', 'sender', 'sender');
    const quietRequest = String(await tenant.request(quiet, receiver));
    const loudRequest = String(await tenant.request(loud, receiver));
    const decline = (requestId: string, idempotencyKey: string, silent?: boolean) =>
      server.graphql(Decline, { requestId, idempotencyKey, ...(silent !== undefined && { silent }) }, receiver.token);

    const first = await decline(quietRequest, 'key-1', true);
    const replayed = await decline(quietRequest, 'key-1', true);
    const reused = [await decline(quietRequest, 'key-1', false), await decline(quietRequest, 'key-1')];

    expect(first.body.data?.declineConnectionRequest).toMatchObject({ request: { status: 'DECLINED' } });
    expect(replayed.body.data).toEqual(first.body.data);
    for (const answer of reused) {
      expect(answer.body.data?.declineConnectionRequest).toEqual({
        __typename: 'ConflictError',
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: expect.any(String),
      });
    }
    // Left out and false are the same call: a plain decline's key replays for either.
    const plain = await decline(loudRequest, 'key-2');
    expect((await decline(loudRequest, 'key-2', false)).body.data).toEqual(plain.body.data);
    expect((await decline(loudRequest, 'key-2', true)).body.data?.declineConnectionRequest).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect((await notificationsOf(quiet)).nodes).toEqual([]);
    expect((await notificationsOf(loud)).nodes.map((n) => n.type)).toEqual(['REQUEST_DECLINED']);
  });

  it('should hold the sender back by the decline cooldown exactly as a plain decline does', async () => {
    const tenant = await createTenant(server);
    const [receiver, quiet, loud] = await users(tenant, 'receiver', 'sender', 'sender');
    await declineSilently(receiver, await tenant.request(quiet, receiver));
    await server.graphql(Decline, { requestId: String(await tenant.request(loud, receiver)) }, receiver.token);

    const again = async (sender: SeededUser) => {
      const { rest, graphql } = await askAgain(sender, receiver);
      return { rest: rest.send, graphql: graphql.send };
    };
    const quietAgain = await again(quiet);

    expect(quietAgain.rest).toEqual({
      status: 429,
      body: {
        error: 'Too Many Requests',
        message: expect.stringMatching(/^This user declined your last request; you may ask again in \d+ seconds$/),
        code: 'REQUEST_COOLDOWN',
      },
      retryAfter: expect.stringMatching(/^\d+$/),
    });
    expect(Number(quietAgain.rest.retryAfter)).toBeGreaterThan(COOLDOWN_SECONDS - 60);
    expect(withoutSeconds(quietAgain)).toEqual(withoutSeconds(await again(loud)));
  });
});

/** An answer with its seconds to wait left out: they depend on when it was asked. */
function withoutSeconds(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replace(/\d+ seconds/g, 'N seconds'), (key, v) =>
    key === 'retryAfter' || key === 'retryAfterSeconds' ? typeof v : v,
  );
}

describe('a block, as the blocked user sees it', () => {
  it('should decline their pending request exactly as a silent decline does, through REST, GraphQL and live feeds', async () => {
    const tenant = await createTenant(server);
    const [receiver, friend, declined, blocked, marker] = await users(
      tenant,
      'receiver',
      'friend',
      'sender',
      'sender',
      'marker',
    );
    // A shared friend, so that mutual counts and suggestions have something to show.
    for (const user of [receiver, declined, blocked]) await tenant.connect(friend, user);
    const toDecline = await tenant.request(declined, receiver, 'Hello');
    const toBlock = await tenant.request(blocked, receiver, 'Hello');
    const declinedLive = await goLive(declined);
    const blockedLive = await goLive(blocked);

    await declineSilently(receiver, toDecline);
    expect((await rest(receiver, 'PUT', `/v1/users/${receiver.id}/blocked/${blocked.id}`)).status).toBe(201);
    await markFeeds(marker, [
      [declined, declinedLive],
      [blocked, blockedLive],
    ]);

    const roles = (me: SeededUser, peer: SeededUser) => ({ me, peer, receiver, friend, marker });
    const ofDeclined = await observe(declined, receiver, declinedLive, 'cancel', toDecline);
    const ofBlocked = await observe(blocked, receiver, blockedLive, 'cancel', toBlock);
    expect(canonical(ofBlocked, roles(blocked, declined))).toEqual(canonical(ofDeclined, roles(declined, blocked)));

    // What they both saw: a declined request, no notification of it, nothing live, no status.
    expect(ofBlocked.rest.declined.body.requests).toEqual([
      {
        id: toBlock,
        user: { client_user_id: receiver.id, display_name: receiver.displayName },
        status: 'declined',
        message: 'Hello',
        created_at: ISO_TIME,
        responded_at: ISO_TIME,
      },
    ]);
    const fromReceiver = (n: { other_user: { client_user_id: string } }) => n.other_user.client_user_id === receiver.id;
    expect(ofBlocked.rest.notifications.body.notifications.filter(fromReceiver)).toEqual([]);
    expect(ofBlocked.live.notifications.map((n) => n.notificationAdded.type)).toEqual(['NEW_REQUEST']);
    expect(ofBlocked.live.events.map((e) => e.connectionEvents.__typename)).toEqual([
      'UnreadCountChangedEvent',
      'UnreadCountChangedEvent',
    ]);
    expect(ofBlocked.rest.status.body.relationships).toEqual([{ user_id: receiver.id, status: 'none' }]);
    expect(ofBlocked.rest.attempted).toMatchObject({ status: 409, body: { code: 'REQUEST_ALREADY_PROCESSED' } });
    expect(ofBlocked.rest.mutual.body.total).toBe(1);

    // Asking again: the block answers as a receiver who accepts requests from nobody, and is no
    // longer suggested, as such a receiver is not; the cooldown does not show through.
    expect((await askAgain(blocked, receiver)).rest.send).toMatchObject({
      status: 403,
      body: { code: 'REQUESTS_NOT_ACCEPTED' },
    });
    const nobody = await rest(receiver, 'PUT', `/v1/users/${receiver.id}/settings`, { accept_requests_from: 'nobody' });
    expect(nobody.status).toBe(200);
    const blockedAgain = await askAgain(blocked, receiver);
    const declinedAgain = await askAgain(declined, receiver);
    expect(canonical(blockedAgain, roles(blocked, declined))).toEqual(
      canonical(declinedAgain, roles(declined, blocked)),
    );
    expect(blockedAgain.rest.send).toEqual({
      status: 403,
      body: {
        error: 'Forbidden',
        message: 'This user does not accept connection requests from you',
        code: 'REQUESTS_NOT_ACCEPTED',
      },
      retryAfter: null,
    });
    expect(
      blockedAgain.rest.suggestions.body.suggestions.map((s: { user: { client_user_id: string } }) => s.user),
    ).toEqual([{ client_user_id: declined.id, display_name: declined.displayName }]);
    // Refused, these changed nothing either side can see.
    expect(
      canonical(await observe(blocked, receiver, blockedLive, 'cancel', toBlock), roles(blocked, declined)),
    ).toEqual(
      canonical(await observe(declined, receiver, declinedLive, 'cancel', toDecline), roles(declined, blocked)),
    );
  });

  it("should withdraw the blocker's request to them exactly as a plain cancel does", async () => {
    const tenant = await createTenant(server);
    const [blocker, friend, cancelled, blocked, marker] = await users(
      tenant,
      'blocker',
      'friend',
      'receiver',
      'receiver',
      'marker',
    );
    for (const user of [blocker, cancelled, blocked]) await tenant.connect(friend, user);
    const toCancel = await tenant.request(blocker, cancelled, 'Hello');
    const toBlock = await tenant.request(blocker, blocked, 'Hello');
    const cancelledLive = await goLive(cancelled);
    const blockedLive = await goLive(blocked);

    expect((await rest(blocker, 'POST', `/v1/connections/${blocker.id}/cancel/${toCancel}`)).status).toBe(200);
    expect((await rest(blocker, 'PUT', `/v1/users/${blocker.id}/blocked/${blocked.id}`)).status).toBe(201);
    await markFeeds(marker, [
      [cancelled, cancelledLive],
      [blocked, blockedLive],
    ]);

    const roles = (me: SeededUser, peer: SeededUser) => ({ me, peer, blocker, friend, marker });
    const ofCancelled = await observe(cancelled, blocker, cancelledLive, 'accept', toCancel);
    const ofBlocked = await observe(blocked, blocker, blockedLive, 'accept', toBlock);
    expect(canonical(ofBlocked, roles(blocked, cancelled))).toEqual(canonical(ofCancelled, roles(cancelled, blocked)));

    // What they both saw: a withdrawal, already read, and the request closed live.
    expect(
      ofBlocked.rest.notifications.body.notifications
        .filter((n: { connection_request_id: number }) => n.connection_request_id === toBlock)
        .map((n: { type: string; read: boolean }) => [n.type, n.read]),
    ).toEqual([
      ['request_cancelled', true],
      ['new_request', true],
    ]);
    expect(ofBlocked.live.events.map((e) => e.connectionEvents.__typename)).toEqual([
      'UnreadCountChangedEvent',
      'UnreadCountChangedEvent',
      'ConnectionRequestClosedEvent',
      'UnreadCountChangedEvent',
    ]);
    expect(ofBlocked.rest.attempted).toMatchObject({ status: 409, body: { code: 'REQUEST_ALREADY_PROCESSED' } });

    // Asking the blocker: the answer of a user who accepts requests from nobody.
    await rest(blocker, 'PUT', `/v1/users/${blocker.id}/settings`, { accept_requests_from: 'nobody' });
    const blockedAsks = await askAgain(blocked, blocker);
    expect(canonical(blockedAsks, roles(blocked, cancelled))).toEqual(
      canonical(await askAgain(cancelled, blocker), roles(cancelled, blocked)),
    );
    expect(blockedAsks.rest.send).toMatchObject({ status: 403, body: { code: 'REQUESTS_NOT_ACCEPTED' } });
  });
});
