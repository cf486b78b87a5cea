/**
 * The authorization matrix: every REST route and every GraphQL field (queries, mutations and
 * subscriptions) that names a user, request, connection or notification, called by each kind
 * of principal on a resource of the owner (alice, tenant A):
 *
 *   - the owner, and a service token of the owner's tenant: allowed;
 *   - another user of the same tenant, acting as the owner: FORBIDDEN;
 *   - another user of the same tenant, acting as itself on the owner's id: not found (or the
 *     documented NOT_REQUEST_RECEIVER for a request addressed to someone else, and
 *     NOT_REQUEST_SENDER for withdrawing a request someone else sent);
 *   - a user of another tenant that has a user with the same id, acting as that user: its own
 *     namespace only (nothing of tenant A shows), and the owner's ids answer exactly as ids
 *     that do not exist;
 *   - a user of another tenant acting as the owner: FORBIDDEN;
 *   - a service token of another tenant, and of a tenant without any users: exactly as if the
 *     owner's user or id did not exist.
 *
 * Looking a user up (`GET /v1/users/{user_id}`, `user(userId)`) acts as no one: any user of the
 * tenant may read the owner's public profile, and a user of another tenant naming a user only
 * tenant A has gets exactly the answer for a user that exists nowhere.
 *
 * "Exactly as if it did not exist" is checked by comparing the whole status and body with the
 * answer to the same call, by the same principal, on an id of the same kind that exists
 * nowhere (with the id itself, echoed in messages, masked). Refused calls change nothing in
 * tenant A. The matrix is generated from the tables below: a route or field added to the
 * gateway fails the coverage checks until it has its row.
 *
 * What a user keeps to itself (its friend code, the nicknames and notes it gives its
 * connections) is shown to that user only: no answer of the matrix, to any principal, holds
 * another user's (see `privateTextsOf`), and the other side of a connection sees none of it
 * (see "whose a nickname, a note and a friend code are").
 */
import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { schema } from '../../src/graphql/schema.js';
import { FRIEND_CODE_ALPHABET, formatFriendCode } from '../../src/modules/friend-codes/friend-codes.service.js';
import { loadPublicIds, type PublicIds } from '../../src/platform/public-ids.js';
import { routes as gatewayRoutes } from '../../src/rest/routes.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../helpers/app.js';

const server = useTestServer();

/** The server's id codec, to make well-formed ids that name nothing. */
let ids: PublicIds;
beforeAll(async () => {
  ids = await loadPublicIds(server.database.db);
});

/**
 * What the id a call names is:
 * - `user`: the acting user itself; `receiver`: another user of the tenant (a request's receiver,
 *   the other side of mutual connections, a user to block); `receiver-code`: the same, named by
 *   its friend code; `profile`: a user looked up, whose public profile any user of its tenant may
 *   read (the call acts as no one);
 * - `blocked`: a user the owner blocks (to unblock); `related`: a user connected to the owner
 *   (asked about in a batch relationship status);
 * - `request`: a request the owner received; `sent-request`: a request the owner sent (to
 *   withdraw); `invite`: an invite the owner received; `sent-invite`: an invite the owner sent
 *   (to withdraw); `connection`, `notification`: the owner's.
 */
type Kind =
  | 'user'
  | 'profile'
  /** A user a call is sent to, by the game's backend only (a game notification's recipient). */
  | 'recipient'
  | 'receiver'
  | 'receiver-code'
  | 'blocked'
  | 'related'
  | 'request'
  | 'sent-request'
  | 'invite'
  | 'sent-invite'
  | 'connection'
  | 'notification';

/** The world of one matrix row: tenant A (the owner's), tenant B (same user ids), tenant C (empty). */
interface World {
  a: Tenant;
  alice: SeededUser;
  bob: SeededUser;
  mallory: SeededUser;
  /** A user that exists only in tenant A. */
  carol: SeededUser;
  b: Tenant;
  /** Tenant B's alice: the same user id as the owner, another user. */
  bAlice: SeededUser;
  bEve: SeededUser;
  c: Tenant;
  /** What must never appear in an answer to tenant B or C. */
  secretsOfA: string[];
  /** The connection of alice and bob, each side with a nickname and a note of its own; alice stars bob. */
  connectionWithBob: number;
  notesOfAlice: ConnectionNotes;
  notesOfBob: ConnectionNotes;
  /** Alice's friend code (bob has one too; carol none, so that a refused call must not make one). */
  friendCodeOfAlice: string;
}

/** What one side of a connection keeps about the other, private to that side. */
interface ConnectionNotes {
  nickname: string;
  note: string;
}

/** Sets `as`'s own nickname, note or star for the other side of a connection, failing loudly. */
async function setNotes(as: SeededUser, connectionId: number, body: Record<string, unknown>): Promise<void> {
  const reply = await server.rest('PATCH', `/v1/connections/${as.id}/${connectionId}`, { token: as.token, body });
  if (reply.status !== 200) throw new Error(`notes failed: ${reply.status} ${JSON.stringify(reply.body)}`);
}

/** `userId`'s friend code, read with the tenant's service token (made on first read). */
async function friendCodeOf(tenant: Tenant, userId: string): Promise<string> {
  const reply = await server.rest('GET', `/v1/users/${encodeURIComponent(userId)}/friend-code`, {
    token: tenant.serviceToken,
  });
  if (reply.status !== 200) throw new Error(`friend code failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.friend_code;
}

async function createWorld(): Promise<World> {
  const a = await createTenant(server);
  const b = await createTenant(server);
  const c = await createTenant(server);
  // Created in the same order, so tenant B has users with the same ids (alice1, bob2).
  const alice = await a.user('alice');
  const bob = await a.user('bob');
  const mallory = await a.user('mallory');
  const carol = await a.user('carol');
  const bAlice = await b.user('alice');
  await b.user('bob');
  const bEve = await b.user('eve');
  if (bAlice.id !== alice.id) throw new Error('tenant B should mirror the user ids of tenant A');
  const secretName = `Alice of A ${randomUUID()}`;
  await server.rest('PUT', `/v1/users/${alice.id}`, { token: a.serviceToken, body: { display_name: secretName } });
  // Tenant A has data of its own: a connection and a request, with their notifications.
  const connectionWithBob = await a.connect(alice, bob);
  await a.request(carol, alice, 'A secret message from carol');
  // Each side of the connection names the other and notes something, alice stars bob: private
  // to each side (nicknames at most 32 characters).
  const notesOfAlice = { nickname: `Alice's Bob ${randomUUID().slice(0, 8)}`, note: `Alice notes ${randomUUID()}` };
  const notesOfBob = { nickname: `Bob's Alice ${randomUUID().slice(0, 8)}`, note: `Bob notes ${randomUUID()}` };
  await setNotes(alice, connectionWithBob, { ...notesOfAlice, favorite: true });
  await setNotes(bob, connectionWithBob, notesOfBob);
  const friendCodeOfAlice = await friendCodeOf(a, alice.id);
  await friendCodeOf(a, bob.id);
  // The game's backend says alice, bob and carol played a match together.
  const match = await server.rest('POST', '/v1/recent-players', {
    token: a.serviceToken,
    body: { players: [alice.id, bob.id, carol.id], context: 'secret-match-of-a' },
  });
  if (match.status !== 201) throw new Error(`recording a match failed: ${match.status} ${JSON.stringify(match.body)}`);
  return {
    a,
    alice,
    bob,
    mallory,
    carol,
    b,
    bAlice,
    bEve,
    c,
    secretsOfA: [secretName, 'A secret message from carol', carol.id, 'secret-lobby-of-a', 'secret-match-of-a'],
    connectionWithBob,
    notesOfAlice,
    notesOfBob,
    friendCodeOfAlice,
  };
}

/**
 * Everything tenant A holds (row counts and checksums of whole rows: a connection edge's
 * nickname, note and star included), to show that a refused call changed nothing.
 */
async function snapshotOf(tenant: string): Promise<string> {
  const table = (name: string, order: string) =>
    sql`(select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by ${sql.raw(order)}), ''))
         from ${sql.table(name)} t where t.tenant = ${tenant})`;
  const result = await sql<{ snapshot: string }>`
    select concat_ws(' | ', ${table('users', 't.id')}, ${table('connection_requests', 't.id')},
      ${table('connections', 't.id')}, ${table('connection_edges', 't.user_id, t.connection_id')},
      ${table('notifications', 't.id')}, ${table('blocks', 't.blocker_id, t.blocked_id')},
      ${table('invites', 't.id')}, ${table('friend_codes', 't.user_id')},
      ${table('recent_players', 't.user_id, t.other_user_id')}) as snapshot`.execute(server.database.db);
  return result.rows[0]!.snapshot;
}

/** One user's private text: its friend code, or a nickname or note it gave a connection. */
interface PrivateText {
  /** The user whose it is (`client_user_id`). */
  owner: string;
  text: string;
}

/**
 * Every friend code, nickname and note tenant A holds, with the user whose it is: only that user,
 * or a service token of tenant A acting as it, may ever be shown it.
 */
async function privateTextsOf(tenant: string): Promise<PrivateText[]> {
  const { rows } = await sql<{ owner: string; text: string; code: boolean }>`
    select u.client_user_id as owner, f.code as text, true as code
      from friend_codes f join users u on u.id = f.user_id where f.tenant = ${tenant}
    union all
    select u.client_user_id, t.text, false
      from connection_edges e join users u on u.id = e.user_id
      cross join lateral (values (e.nickname), (e.note)) t(text)
      where e.tenant = ${tenant} and t.text is not null`.execute(server.database.db);
  return rows.map((row) => ({ owner: row.owner, text: row.code ? formatFriendCode(row.text) : row.text }));
}

/**
 * The private texts of others than `reader` (a user of tenant A, or none) that an answer shows,
 * but for what the call itself sent (a friend code, echoed in its refusal).
 */
function privateTextsShown(
  texts: PrivateText[],
  reader: string | undefined,
  answer: Answer,
  sent: string[] = [],
): PrivateText[] {
  const body = JSON.stringify(answer.body);
  return texts.filter(
    ({ owner, text }) => owner !== reader && !sent.includes(text) && body.includes(JSON.stringify(text).slice(1, -1)),
  );
}

async function notificationsOf(user: SeededUser) {
  const { body } = await server.rest('GET', `/v1/connections/${user.id}/notifications`, { token: user.token });
  return body.notifications as { id: number; connection_request_id: number; read: boolean }[];
}

/**
 * A fresh resource of the owner for one cell (a call that succeeds consumes it): a request
 * received by alice, a request alice sent, a connection of alice's, the older of two new
 * notifications of alice's; a new user of tenant A to send a request to (by id, or by its friend
 * code), one alice blocks, one alice is connected to; alice herself.
 */
async function freshResource(world: World, kind: Kind): Promise<string> {
  const { a, alice } = world;
  switch (kind) {
    case 'user':
    case 'profile':
    case 'recipient':
      return alice.id;
    case 'receiver':
      return (await a.user('friend')).id;
    case 'receiver-code':
      return friendCodeOf(a, (await a.user('friend')).id);
    case 'blocked': {
      const blocked = await a.user('blocked');
      const reply = await server.rest('PUT', `/v1/users/${alice.id}/blocked/${blocked.id}`, { token: a.serviceToken });
      if (reply.status !== 201) throw new Error(`block failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return blocked.id;
    }
    case 'related': {
      const friend = await a.user('friend');
      await a.connect(alice, friend);
      return friend.id;
    }
    case 'request':
      return String(await a.request(await a.user('sender'), alice, 'Please connect'));
    case 'sent-request':
      return String(await a.request(alice, await a.user('receiver'), 'Please connect'));
    case 'invite':
    case 'sent-invite': {
      const friend = await a.user('friend');
      await a.connect(alice, friend);
      const [from, to] = kind === 'invite' ? [friend, alice] : [alice, friend];
      const reply = await server.rest('POST', `/v1/connections/${from.id}/invites`, {
        token: a.serviceToken,
        body: { receiver_ids: [to.id], join_info: { lobby: 'secret-lobby-of-a' } },
      });
      if (reply.status !== 201) throw new Error(`invite failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return String(reply.body.invites[0].id);
    }
    case 'connection':
      return String(await a.connect(alice, await a.user('friend')));
    case 'notification': {
      const first = await a.request(await a.user('sender'), alice);
      await a.request(await a.user('sender'), alice);
      const found = (await notificationsOf(alice)).find((n) => n.connection_request_id === first);
      if (!found) throw new Error('notification not found');
      return String(found.id);
    }
  }
}

/** Whether the call names a user (by its id, or by its friend code). */
const isUserKind = (kind: Kind) =>
  kind === 'user' ||
  kind === 'profile' ||
  kind === 'recipient' ||
  kind === 'receiver' ||
  kind === 'receiver-code' ||
  kind === 'blocked' ||
  kind === 'related';

/** An id of the kind that exists in no tenant. */
function nonexistent(kind: Kind): string {
  // A well-formed code that no one holds (of 31^8, the few users of these tenants hold a handful).
  if (kind === 'receiver-code') {
    const draw = () => FRIEND_CODE_ALPHABET[randomInt(FRIEND_CODE_ALPHABET.length)];
    return formatFriendCode(Array.from({ length: 8 }, draw).join(''));
  }
  if (isUserKind(kind)) return `ghost-${randomUUID()}`;
  // An id of the kind as the server makes them, of a row id far beyond any table's.
  const idKind =
    kind === 'connection' || kind === 'notification'
      ? kind
      : kind === 'invite' || kind === 'sent-invite'
        ? 'invite'
        : 'request';
  return String(ids.encode(idKind, 2 ** 40 + Math.floor(Math.random() * 2 ** 40)));
}

// ---------------------------------------------------------------------------------------------
// Principals: who calls, as whom, on which resource, and what they must get.
// ---------------------------------------------------------------------------------------------

type Expectation =
  /** The call succeeds (on tenant A's data). */
  | 'allowed'
  /** 403 FORBIDDEN: a user token acting as another user. */
  | 'forbidden'
  /** 403 NOT_REQUEST_RECEIVER: answering a request sent to someone else (same tenant). */
  | 'not-receiver'
  /** 403 NOT_REQUEST_SENDER: withdrawing a request someone else sent (same tenant). */
  | 'not-sender'
  /**
   * 403 SERVICE_TOKEN_REQUIRED (or the row's own code, `serviceOnlyCode`): a user token doing
   * what only the game's backend may.
   */
  | 'service-only'
  /** Exactly the answer for an id of the same kind that exists nowhere. */
  | 'as-nonexistent'
  /** Succeeds in the principal's own tenant, showing nothing of tenant A. */
  | 'own-tenant'
  /** Not an attack: the principal's own data. */
  | 'not-applicable';

interface Principal {
  name: string;
  /** What the principal does on a lookup row (kind `profile`), which acts as no one. */
  lookupName?: string;
  token: (world: World) => string;
  /** The user id the call acts as. */
  actingAs: (world: World, kind: Kind) => string;
  /**
   * The resource the call names: the owner's fresh resource, or (for user ids) a user of
   * tenant A only when the principal's own tenant has one with the owner's id.
   */
  resource: (world: World, kind: Kind) => Promise<string>;
  expect: (kind: Kind) => Expectation;
}

const isIdKind = (kind: Kind) => !isUserKind(kind);

const PRINCIPALS: Principal[] = [
  {
    name: 'the owner',
    token: (w) => w.alice.token,
    actingAs: (w) => w.alice.id,
    resource: freshResource,
    expect: (kind) => (kind === 'recipient' ? 'service-only' : 'allowed'),
  },
  {
    name: "a service token of the owner's tenant",
    token: (w) => w.a.serviceToken,
    actingAs: (w) => w.alice.id,
    resource: freshResource,
    expect: () => 'allowed',
  },
  {
    name: 'another user of the same tenant, acting as the owner',
    token: (w) => w.mallory.token,
    actingAs: (w) => w.alice.id,
    resource: freshResource,
    // A lookup acts as no one: the next principal looks the owner up.
    expect: (kind) => (kind === 'profile' ? 'not-applicable' : kind === 'recipient' ? 'service-only' : 'forbidden'),
  },
  {
    name: "another user of the same tenant, acting as itself on the owner's id",
    lookupName: 'another user of the same tenant, looking the owner up',
    token: (w) => w.mallory.token,
    actingAs: (w) => w.mallory.id,
    resource: freshResource,
    expect: (kind) =>
      kind === 'profile'
        ? 'allowed'
        : kind === 'recipient'
          ? 'service-only'
          : kind === 'request'
            ? 'not-receiver'
            : kind === 'sent-request'
              ? 'not-sender'
              : isIdKind(kind)
                ? 'as-nonexistent'
                : 'not-applicable',
  },
  {
    name: "a user of another tenant with the owner's user id",
    token: (w) => w.bAlice.token,
    actingAs: (w) => w.bAlice.id,
    // Sending a request to a user of tenant A only must fail as for a user that does not exist.
    resource: (w, kind) => (kind === 'receiver' ? Promise.resolve(w.carol.id) : freshResource(w, kind)),
    expect: (kind) =>
      kind === 'recipient' ? 'service-only' : kind === 'user' || kind === 'profile' ? 'own-tenant' : 'as-nonexistent',
  },
  {
    name: 'a user of another tenant, acting as the owner',
    lookupName: "a user of another tenant, looking up a user only the owner's tenant has",
    token: (w) => w.bEve.token,
    actingAs: (w) => w.alice.id,
    // Tenant B has an alice1 of its own: a lookup names a user that only tenant A has.
    resource: (w, kind) => (kind === 'profile' ? Promise.resolve(w.carol.id) : freshResource(w, kind)),
    expect: (kind) => (kind === 'profile' ? 'as-nonexistent' : kind === 'recipient' ? 'service-only' : 'forbidden'),
  },
  {
    name: 'a service token of another tenant',
    token: (w) => w.b.serviceToken,
    // Tenant B has an alice1 of its own; for user ids, it names a user that only tenant A has.
    actingAs: (w, kind) => (kind === 'user' || kind === 'profile' ? w.carol.id : w.alice.id),
    resource: (w, kind) =>
      kind === 'user' || kind === 'profile' || kind === 'receiver' || kind === 'recipient'
        ? Promise.resolve(w.carol.id)
        : freshResource(w, kind),
    expect: () => 'as-nonexistent',
  },
  {
    name: 'a service token of a tenant without any users',
    token: (w) => w.c.serviceToken,
    actingAs: (w) => w.alice.id,
    resource: freshResource,
    expect: () => 'as-nonexistent',
  },
];

// ---------------------------------------------------------------------------------------------
// The calls: each REST route and each GraphQL field, on (acting user, resource id).
// ---------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  /** The answer's JSON (REST body, GraphQL response, first subscription message). */
  body: unknown;
}

interface Row {
  name: string;
  kind: Kind;
  /** The call; `world` for calls that name more than one resource (a match's other player). */
  call: (token: string, actingAs: string, id: string, world: World) => Promise<Answer>;
  /** Whether an answer is this call's success. */
  succeeded: (answer: Answer) => boolean;
  /** Whether a successful call changes tenant A. */
  writes: boolean;
  /**
   * Sets tenant A up before each cell, for calls whose success needs more than the world (a
   * friend online for a presence feed), or whose refusal must be told from a success (a baseline
   * presence that a refused write must leave as it was).
   */
  prepare?: (world: World) => Promise<void>;
  /**
   * What tenant A holds beyond its tables for this call (a presence, kept by the presence
   * store), added to the snapshot that a refused call, or an allowed read, must leave as it was.
   */
  state?: (world: World) => Promise<string>;
  /** What an allowed call must show of tenant A, beyond succeeding (undefined when it does). */
  allowedShows?: (world: World, answer: Answer) => string | undefined;
  /** The code a user token is refused with, when not SERVICE_TOKEN_REQUIRED. */
  serviceOnlyCode?: string;
  /**
   * The code of the answer for an id that exists nowhere, stated for rows where it matters
   * (another tenant's friend code is FRIEND_CODE_NOT_FOUND, not its user).
   */
  notFoundCode?: string;
}

async function rest(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  const reply = await server.rest(method, path, { token, ...(body !== undefined && { body }) });
  return { status: reply.status, body: reply.body };
}

const enc = encodeURIComponent;

// Presence is kept by the presence store (in memory here), not in tenant A's tables: the presence
// rows set a baseline before each cell and add the owner's presence to the snapshot.

/** What a presence write asks for: busy in a match, for an hour (so nothing lapses during a row). */
const PRESENCE_SET = {
  status: 'busy',
  activity: 'In a match',
  join_info: { match: 'm-8841' },
  expires_in_seconds: 3600,
} as const;

/** Sets `userId`'s presence with tenant A's service token (a game server), failing loudly. */
async function setPresenceOf(world: World, userId: string, body: Record<string, unknown>): Promise<void> {
  const reply = await server.rest('PUT', `/v1/users/${enc(userId)}/presence`, { token: world.a.serviceToken, body });
  if (reply.status !== 200) throw new Error(`set presence failed: ${reply.status} ${JSON.stringify(reply.body)}`);
}

/** The owner away with a baseline activity: what a refused presence write must leave as it was. */
const presenceBaseline = (world: World) =>
  setPresenceOf(world, world.alice.id, { status: 'away', activity: 'baseline', expires_in_seconds: 3600 });

/** The owner's presence as tenant A's service token sees it (all of it), but for the time it was read. */
async function ownersPresence(world: World): Promise<string> {
  const reply = await server.rest('GET', `/v1/users/${enc(world.alice.id)}/presence`, { token: world.a.serviceToken });
  const { last_seen_at: _now, ...presence } = (reply.body as { presence?: Record<string, unknown> }).presence ?? {};
  return `presence ${reply.status} ${JSON.stringify(presence)}`;
}

// Nicknames, notes, stars and friend codes: what an allowed call shows of them.

/** What a call sets on the owner's side of a connection (nicknames are at most 32 characters). */
const NOTES_SET = { nickname: `Set by a call ${randomUUID().slice(0, 8)}`, note: `Set by a call ${randomUUID()}` };

/** Undefined when a list of the owner's connections shows bob with the owner's nickname, note and star. */
function showsOwnersNotes(world: World, answer: Answer): string | undefined {
  const body = answer.body as any;
  const nodes: any[] = body?.connections ?? body?.data?.activeConnections?.nodes ?? [];
  const userOf = (c: any) => c.connected_user?.client_user_id ?? c.connectedUser?.clientUserId;
  const bob = nodes.find((c) => userOf(c) === world.bob.id);
  return bob?.nickname === world.notesOfAlice.nickname &&
    bob?.note === world.notesOfAlice.note &&
    bob?.favorite === true
    ? undefined
    : 'bob is not listed with the owner’s nickname, note and star';
}

/** Every /v1 route, keyed like the gateway's route table (a route may have more than one row). */
const REST_ROWS: (Row & { route: string })[] = [
  {
    route: 'GET /v1/users/:userId',
    name: 'GET /v1/users/{user_id}',
    kind: 'profile',
    call: (token, _as, id) => rest('GET', `/v1/users/${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: false,
  },
  // Player search (beyond the documented API): as the user named by `user_id`, for a name only
  // tenant A's alice has.
  {
    route: 'GET /v1/users',
    name: 'GET /v1/users?query=…&user_id={user_id}',
    kind: 'user',
    call: (token, _as, id) => rest('GET', `/v1/users?query=alice%20of%20a&user_id=${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: false,
  },
  {
    route: 'PUT /v1/users/:userId',
    name: 'PUT /v1/users/{user_id}',
    kind: 'user',
    call: (token, _as, id) => rest('PUT', `/v1/users/${enc(id)}`, token, { display_name: 'Renamed' }),
    succeeded: (a) => a.status === 200 || a.status === 201,
    writes: true,
  },
  {
    route: 'POST /v1/connections/:userId/request',
    name: 'POST /v1/connections/{user_id}/request',
    kind: 'receiver',
    call: (token, as, id) =>
      rest('POST', `/v1/connections/${enc(as)}/request`, token, { receiver_id: id, message: 'hi' }),
    succeeded: (a) => a.status === 201,
    writes: true,
  },
  // Friend codes (beyond the documented API): another tenant's code names no one.
  {
    route: 'POST /v1/connections/:userId/request',
    name: 'POST /v1/connections/{user_id}/request with friend_code',
    kind: 'receiver-code',
    call: (token, as, code) =>
      rest('POST', `/v1/connections/${enc(as)}/request`, token, { friend_code: code, message: 'hi' }),
    succeeded: (a) => a.status === 201,
    writes: true,
    notFoundCode: 'FRIEND_CODE_NOT_FOUND',
  },
  {
    route: 'POST /v1/connections/:userId/accept/:requestId',
    name: 'POST /v1/connections/{user_id}/accept/{request_id}',
    kind: 'request',
    call: (token, as, id) => rest('POST', `/v1/connections/${enc(as)}/accept/${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  {
    route: 'POST /v1/connections/:userId/decline/:requestId',
    name: 'POST /v1/connections/{user_id}/decline/{request_id}',
    kind: 'request',
    call: (token, as, id) => rest('POST', `/v1/connections/${enc(as)}/decline/${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  ...(['sent', 'received', 'active', 'notifications'] as const).map((list) => ({
    route: `GET /v1/connections/:userId/${list}`,
    name: `GET /v1/connections/{user_id}/${list}`,
    kind: 'user' as const,
    call: (token: string, _as: string, id: string) => rest('GET', `/v1/connections/${enc(id)}/${list}`, token),
    succeeded: (a: Answer) => a.status === 200,
    // The owner's connections carry what the owner keeps about them.
    ...(list === 'active' && { allowedShows: showsOwnersNotes }),
    writes: false,
  })),
  // Favourites alone, first (beyond the documented API): the owner's star on bob, not bob's.
  {
    route: 'GET /v1/connections/:userId/active',
    name: 'GET /v1/connections/{user_id}/active?favorite=true&sort=favorites',
    kind: 'user',
    call: (token, _as, id) => rest('GET', `/v1/connections/${enc(id)}/active?favorite=true&sort=favorites`, token),
    succeeded: (a) => a.status === 200,
    allowedShows: (world, a) =>
      (a.body as any)?.connections?.length === 1 ? showsOwnersNotes(world, a) : 'not the one favourite',
    writes: false,
  },
  {
    route: 'POST /v1/connections/:userId/notifications/:notificationId/read',
    name: 'POST /v1/connections/{user_id}/notifications/{notification_id}/read',
    kind: 'notification',
    call: (token, as, id) => rest('POST', `/v1/connections/${enc(as)}/notifications/${enc(id)}/read`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  // Nicknames, notes and stars (beyond the documented API)
  {
    route: 'PATCH /v1/connections/:userId/:connectionId',
    name: 'PATCH /v1/connections/{user_id}/{connection_id}',
    kind: 'connection',
    call: (token, as, id) =>
      rest('PATCH', `/v1/connections/${enc(as)}/${enc(id)}`, token, { ...NOTES_SET, favorite: true }),
    succeeded: (a) =>
      a.status === 200 && (a.body as any)?.nickname === NOTES_SET.nickname && (a.body as any)?.favorite === true,
    writes: true,
  },
  {
    route: 'DELETE /v1/connections/:userId/:connectionId',
    name: 'DELETE /v1/connections/{user_id}/{connection_id}',
    kind: 'connection',
    call: (token, as, id) => rest('DELETE', `/v1/connections/${enc(as)}/${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  // Mutual connections and suggestions (beyond the documented API)
  {
    route: 'GET /v1/connections/:userId/mutual/:otherId',
    name: 'GET /v1/connections/{user_id}/mutual/{other_id}',
    // The other user is named like a request's receiver.
    kind: 'receiver',
    call: (token, as, id) => rest('GET', `/v1/connections/${enc(as)}/mutual/${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: false,
  },
  {
    route: 'GET /v1/connections/:userId/suggestions',
    name: 'GET /v1/connections/{user_id}/suggestions',
    kind: 'user',
    call: (token, _as, id) => rest('GET', `/v1/connections/${enc(id)}/suggestions`, token),
    succeeded: (a) => a.status === 200,
    writes: false,
  },
  // Cancel, mark all read, delete a notification (beyond the documented API)
  {
    route: 'POST /v1/connections/:userId/cancel/:requestId',
    name: 'POST /v1/connections/{user_id}/cancel/{request_id}',
    kind: 'sent-request',
    call: (token, as, id) => rest('POST', `/v1/connections/${enc(as)}/cancel/${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  {
    route: 'POST /v1/connections/:userId/notifications/read',
    name: 'POST /v1/connections/{user_id}/notifications/read',
    kind: 'user',
    call: (token, _as, id) => rest('POST', `/v1/connections/${enc(id)}/notifications/read`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  {
    route: 'DELETE /v1/connections/:userId/notifications/:notificationId',
    name: 'DELETE /v1/connections/{user_id}/notifications/{notification_id}',
    kind: 'notification',
    call: (token, as, id) => rest('DELETE', `/v1/connections/${enc(as)}/notifications/${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  // The game's own notifications (beyond the documented API): its backend only
  {
    route: 'POST /v1/users/:userId/notifications',
    name: 'POST /v1/users/{user_id}/notifications',
    kind: 'recipient',
    call: (token, _as, id) =>
      rest('POST', `/v1/users/${enc(id)}/notifications`, token, { type: 'game.match_found', message: 'Ready' }),
    succeeded: (a) => a.status === 201,
    writes: true,
  },
  {
    route: 'POST /v1/notifications',
    name: 'POST /v1/notifications',
    kind: 'recipient',
    call: (token, _as, id) =>
      rest('POST', '/v1/notifications', token, { user_ids: [id], type: 'game.match_found', message: 'Ready' }),
    succeeded: (a) => a.status === 201,
    writes: true,
  },
  // Invites (beyond the documented API)
  {
    route: 'POST /v1/connections/:userId/invites',
    name: 'POST /v1/connections/{user_id}/invites',
    kind: 'related',
    call: (token, as, id) =>
      rest('POST', `/v1/connections/${enc(as)}/invites`, token, { receiver_ids: [id], join_info: { lobby: 'l-1' } }),
    succeeded: (a) => a.status === 201,
    writes: true,
  },
  {
    route: 'GET /v1/connections/:userId/invites',
    name: 'GET /v1/connections/{user_id}/invites',
    kind: 'user',
    call: (token, _as, id) => rest('GET', `/v1/connections/${enc(id)}/invites`, token),
    succeeded: (a) => a.status === 200,
    writes: false,
  },
  ...(['accept', 'decline'] as const).map((verb) => ({
    route: `POST /v1/connections/:userId/invites/:inviteId/${verb}`,
    name: `POST /v1/connections/{user_id}/invites/{invite_id}/${verb}`,
    kind: 'invite' as const,
    call: (token: string, as: string, id: string) =>
      rest('POST', `/v1/connections/${enc(as)}/invites/${enc(id)}/${verb}`, token),
    succeeded: (a: Answer) => a.status === 200,
    writes: true,
  })),
  {
    route: 'POST /v1/connections/:userId/invites/:inviteId/cancel',
    name: 'POST /v1/connections/{user_id}/invites/{invite_id}/cancel',
    kind: 'sent-invite',
    call: (token, as, id) => rest('POST', `/v1/connections/${enc(as)}/invites/${enc(id)}/cancel`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  // Blocks, settings and batch status (beyond the documented API)
  {
    route: 'GET /v1/users/:userId/settings',
    name: 'GET /v1/users/{user_id}/settings',
    kind: 'user',
    call: (token, _as, id) => rest('GET', `/v1/users/${enc(id)}/settings`, token),
    succeeded: (a) => a.status === 200,
    writes: false,
  },
  {
    route: 'PUT /v1/users/:userId/settings',
    name: 'PUT /v1/users/{user_id}/settings',
    kind: 'user',
    call: (token, _as, id) =>
      rest('PUT', `/v1/users/${enc(id)}/settings`, token, { accept_requests_from: 'friends_of_friends' }),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  {
    route: 'GET /v1/users/:userId/blocked',
    name: 'GET /v1/users/{user_id}/blocked',
    kind: 'user',
    call: (token, _as, id) => rest('GET', `/v1/users/${enc(id)}/blocked`, token),
    succeeded: (a) => a.status === 200,
    writes: false,
  },
  {
    route: 'PUT /v1/users/:userId/blocked/:otherUserId',
    name: 'PUT /v1/users/{user_id}/blocked/{other_id}',
    kind: 'receiver',
    call: (token, as, id) => rest('PUT', `/v1/users/${enc(as)}/blocked/${enc(id)}`, token),
    succeeded: (a) => a.status === 201 || a.status === 200,
    writes: true,
  },
  {
    route: 'DELETE /v1/users/:userId/blocked/:otherUserId',
    name: 'DELETE /v1/users/{user_id}/blocked/{other_id}',
    kind: 'blocked',
    call: (token, as, id) => rest('DELETE', `/v1/users/${enc(as)}/blocked/${enc(id)}`, token),
    succeeded: (a) => a.status === 200,
    writes: true,
  },
  {
    route: 'POST /v1/connections/:userId/status',
    name: 'POST /v1/connections/{user_id}/status',
    kind: 'related',
    call: (token, as, id) => rest('POST', `/v1/connections/${enc(as)}/status`, token, { user_ids: [id] }),
    // An answer is always 200: it tells something only when the status is not `none`, which is
    // also the answer for an id that exists nowhere.
    succeeded: (a) => a.status === 200 && (a.body as any)?.relationships?.[0]?.status !== 'none',
    writes: false,
  },
  // Friend codes (beyond the documented API): a secret of the user, for itself and its backend.
  {
    route: 'GET /v1/users/:userId/friend-code',
    name: 'GET /v1/users/{user_id}/friend-code',
    kind: 'user',
    call: (token, _as, id) => rest('GET', `/v1/users/${enc(id)}/friend-code`, token),
    succeeded: (a) => a.status === 200 && typeof (a.body as any)?.friend_code === 'string',
    allowedShows: (world, a) =>
      (a.body as any).friend_code === world.friendCodeOfAlice ? undefined : 'not the owner’s friend code',
    // The owner's code was made with the world: reading it changes nothing.
    writes: false,
  },
  {
    route: 'POST /v1/users/:userId/friend-code/rotate',
    name: 'POST /v1/users/{user_id}/friend-code/rotate',
    kind: 'user',
    call: (token, _as, id) => rest('POST', `/v1/users/${enc(id)}/friend-code/rotate`, token),
    succeeded: (a) => a.status === 200 && typeof (a.body as any)?.friend_code === 'string',
    writes: true,
  },
  // Recent players (beyond the documented API): the game's backend records a match of the
  // resource user and bob (who exists in tenant B too).
  {
    route: 'POST /v1/recent-players',
    name: 'POST /v1/recent-players',
    kind: 'recipient',
    serviceOnlyCode: 'MATCH_RECORDING_SERVICE_ONLY',
    call: (token, _as, id, world) =>
      rest('POST', '/v1/recent-players', token, { players: [id, world.bob.id], context: 'match-1' }),
    succeeded: (a) => a.status === 201,
    writes: true,
  },
  {
    route: 'GET /v1/users/:userId/recent-players',
    name: 'GET /v1/users/{user_id}/recent-players',
    kind: 'user',
    call: (token, _as, id) => rest('GET', `/v1/users/${enc(id)}/recent-players`, token),
    succeeded: (a) => a.status === 200,
    allowedShows: (world, a) =>
      (a.body as any)?.recent_players?.some(
        (p: any) => p.client_user_id === world.bob.id && p.context === 'secret-match-of-a',
      )
        ? undefined
        : 'bob is not among the owner’s recent players',
    writes: false,
  },
  // Presence (beyond the documented API)
  {
    route: 'GET /v1/users/:userId/presence',
    name: 'GET /v1/users/{user_id}/presence',
    // A lookup: any user of the tenant may ask, and is answered `presence: null` unless it may see
    // it (see "who sees a presence" below). The owner is busy, so that a leak would show.
    kind: 'profile',
    prepare: (world) => setPresenceOf(world, world.alice.id, PRESENCE_SET),
    state: ownersPresence,
    call: (token, _as, id) => rest('GET', `/v1/users/${enc(id)}/presence`, token),
    succeeded: (a) => a.status === 200 && (a.body as any)?.presence !== undefined,
    writes: false,
  },
  {
    route: 'PUT /v1/users/:userId/presence',
    name: 'PUT /v1/users/{user_id}/presence',
    kind: 'user',
    prepare: presenceBaseline,
    state: ownersPresence,
    call: (token, _as, id) => rest('PUT', `/v1/users/${enc(id)}/presence`, token, PRESENCE_SET),
    succeeded: (a) =>
      a.status === 200 &&
      (a.body as any)?.presence?.status === PRESENCE_SET.status &&
      (a.body as any)?.presence?.activity === PRESENCE_SET.activity,
    // Presence is not in tenant A's tables: what it changes is the `state` above.
    writes: true,
  },
];

async function graphql(token: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: await response.json() };
}

const ERRORS = '__typename ... on Error { code message } ... on NotFoundError { id }';

/** A GraphQL row: the field, its id argument, and the selection of its success. */
function field(
  operation: 'query' | 'mutation',
  name: string,
  kind: Kind,
  idArg: string | null,
  success: string,
  selection: string,
  extraArgs = '',
): Row & { field: string } {
  const variables = idArg ? `($userId: ID, $id: ID!)` : `($userId: ID)`;
  const args = idArg ? `userId: $userId, ${idArg}: $id${extraArgs}` : `userId: $userId${extraArgs}`;
  const query = `${operation}${variables} { ${name}(${args}) { ${ERRORS} ... on ${success} { ${selection} } } }`;
  return {
    field: name,
    name: `${operation} ${name}`,
    kind,
    // For user ids, the id is the acting user itself (or, for a lookup, the user looked up).
    call: (token, as, id) => graphql(token, query, idArg ? { userId: as, id } : { userId: id }),
    succeeded: (a) => (a.body as any)?.data?.[name]?.__typename === success,
    writes: operation === 'mutation',
  };
}

const GRAPHQL_ROWS: (Row & { field: string })[] = [
  // The user's presence too: null to a caller who may not see it, and nothing to another tenant.
  {
    ...field(
      'query',
      'user',
      'profile',
      null,
      'User',
      'clientUserId displayName createdAt presence { status activity joinInfo }',
    ),
    prepare: (world: World) => setPresenceOf(world, world.alice.id, PRESENCE_SET),
  },
  field(
    'mutation',
    'upsertUser',
    'user',
    null,
    'UpsertUserPayload',
    'created user { displayName }',
    ', displayName: "Renamed"',
  ),
  field(
    'mutation',
    'sendConnectionRequest',
    'receiver',
    'receiverId',
    'SendConnectionRequestPayload',
    'request { id }',
  ),
  field('mutation', 'acceptConnectionRequest', 'request', 'requestId', 'AcceptConnectionRequestPayload', 'message'),
  field('mutation', 'declineConnectionRequest', 'request', 'requestId', 'DeclineConnectionRequestPayload', 'message'),
  field('query', 'sentConnectionRequests', 'user', null, 'ConnectionRequestPage', 'totalCount nodes { id message }'),
  field(
    'query',
    'receivedConnectionRequests',
    'user',
    null,
    'ConnectionRequestPage',
    'totalCount nodes { id message }',
  ),
  {
    ...field(
      'query',
      'activeConnections',
      'user',
      null,
      'ConnectionPage',
      'totalCount nodes { id nickname note favorite connectedUser { clientUserId } }',
    ),
    allowedShows: showsOwnersNotes,
  },
  // Favourites alone, first (beyond the documented API): the owner's star on bob, not bob's.
  {
    ...field(
      'query',
      'activeConnections',
      'user',
      null,
      'ConnectionPage',
      'totalCount nodes { id nickname note favorite connectedUser { clientUserId } }',
      ', favorite: true, sort: FAVORITES',
    ),
    name: 'query activeConnections(favorite: true, sort: FAVORITES)',
    allowedShows: (world: World, a: Answer) =>
      (a.body as any)?.data?.activeConnections?.totalCount === 1 ? showsOwnersNotes(world, a) : 'not the one favourite',
  },
  field('query', 'notifications', 'user', null, 'NotificationPage', 'totalCount unreadCount nodes { id message }'),
  field('mutation', 'markNotificationRead', 'notification', 'notificationId', 'MarkNotificationReadPayload', 'message'),
  field('mutation', 'removeConnection', 'connection', 'connectionId', 'RemoveConnectionPayload', 'message'),
  // Nicknames, notes and stars (beyond the documented API)
  field(
    'mutation',
    'updateConnection',
    'connection',
    'connectionId',
    'Connection',
    'nickname note favorite connectedUser { clientUserId }',
    `, nickname: "${NOTES_SET.nickname}", note: "${NOTES_SET.note}", favorite: true`,
  ),
  // Sent to users rather than acting as one: the recipient is the resource.
  {
    field: 'sendGameNotification',
    name: 'mutation sendGameNotification',
    kind: 'recipient',
    call: (token, _as, id) =>
      graphql(
        token,
        `mutation($ids: [ID!]!) { sendGameNotification(userIds: $ids, type: "game.match_found", message: "Ready") { ${ERRORS} ... on SendGameNotificationPayload { sent } } }`,
        { ids: [id] },
      ),
    succeeded: (a) => (a.body as any)?.data?.sendGameNotification?.__typename === 'SendGameNotificationPayload',
    writes: true,
  },
  // Recent players (beyond the documented API): recorded by the game's backend only.
  {
    field: 'recordRecentPlayers',
    name: 'mutation recordRecentPlayers',
    kind: 'recipient',
    serviceOnlyCode: 'MATCH_RECORDING_SERVICE_ONLY',
    call: (token, _as, id, world) =>
      graphql(
        token,
        `mutation($players: [ID!]!) { recordRecentPlayers(players: $players, context: "match-1") { ${ERRORS} ... on RecordRecentPlayersPayload { message players } } }`,
        { players: [id, world.bob.id] },
      ),
    succeeded: (a) => (a.body as any)?.data?.recordRecentPlayers?.__typename === 'RecordRecentPlayersPayload',
    writes: true,
  },
  {
    ...field(
      'query',
      'recentPlayers',
      'user',
      null,
      'RecentPlayerPage',
      'totalCount nodes { user { clientUserId displayName } context playedAt relationship { status } }',
    ),
    allowedShows: (world: World, a: Answer) =>
      (a.body as any)?.data?.recentPlayers?.nodes?.some(
        (p: any) => p.user.clientUserId === world.bob.id && p.context === 'secret-match-of-a',
      )
        ? undefined
        : 'bob is not among the owner’s recent players',
  },
  // Friend codes (beyond the documented API): a secret of the user, for itself and its backend.
  {
    ...field('query', 'friendCode', 'user', null, 'FriendCode', 'value createdAt user { clientUserId }'),
    allowedShows: (world: World, a: Answer) =>
      (a.body as any)?.data?.friendCode?.value === world.friendCodeOfAlice ? undefined : 'not the owner’s friend code',
  },
  field(
    'mutation',
    'rotateFriendCode',
    'user',
    null,
    'RotateFriendCodePayload',
    'message friendCode { value createdAt user { clientUserId } }',
  ),
  {
    field: 'sendConnectionRequest',
    name: 'mutation sendConnectionRequest(friendCode)',
    kind: 'receiver-code',
    call: (token, as, code) =>
      graphql(
        token,
        `mutation($userId: ID, $code: String!) { sendConnectionRequest(userId: $userId, friendCode: $code, message: "hi") { ${ERRORS} ... on SendConnectionRequestPayload { request { id } } } }`,
        { userId: as, code },
      ),
    succeeded: (a) => (a.body as any)?.data?.sendConnectionRequest?.__typename === 'SendConnectionRequestPayload',
    writes: true,
    notFoundCode: 'FRIEND_CODE_NOT_FOUND',
  },
  field(
    'query',
    'searchUsers',
    'user',
    null,
    'FoundUserPage',
    'totalCount nodes { user { displayName } relationship { status } }',
    ', query: "alice of a"',
  ),
  // Invites (beyond the documented API)
  {
    field: 'sendInvite',
    name: 'mutation sendInvite',
    kind: 'related',
    call: (token, as, id) =>
      graphql(
        token,
        `mutation($userId: ID, $ids: [ID!]!) { sendInvite(userId: $userId, receiverIds: $ids, joinInfo: { lobby: "l-1" }) { ${ERRORS} ... on SendInvitePayload { invites { id } } } }`,
        { userId: as, ids: [id] },
      ),
    succeeded: (a) => (a.body as any)?.data?.sendInvite?.__typename === 'SendInvitePayload',
    writes: true,
  },
  field('query', 'invites', 'user', null, 'InvitePage', 'totalCount nodes { id joinInfo message }'),
  field('mutation', 'acceptInvite', 'invite', 'inviteId', 'AcceptInvitePayload', 'joinInfo'),
  field('mutation', 'declineInvite', 'invite', 'inviteId', 'DeclineInvitePayload', 'message'),
  field('mutation', 'cancelInvite', 'sent-invite', 'inviteId', 'CancelInvitePayload', 'message'),
  // Mutual connections and suggestions (beyond the documented API)
  field(
    'query',
    'mutualConnections',
    'receiver',
    'otherUserId',
    'MutualConnectionPage',
    'total nodes { clientUserId }',
  ),
  field(
    'query',
    'connectionSuggestions',
    'user',
    null,
    'ConnectionSuggestionPage',
    'totalCount nodes { mutualCount reason playedTogetherAt }',
  ),
  // Cancel, mark all read, delete a notification (beyond the documented API)
  field(
    'mutation',
    'cancelConnectionRequest',
    'sent-request',
    'requestId',
    'CancelConnectionRequestPayload',
    'message request { id status }',
  ),
  field('mutation', 'markAllNotificationsRead', 'user', null, 'MarkAllNotificationsReadPayload', 'message marked'),
  field(
    'mutation',
    'deleteNotification',
    'notification',
    'notificationId',
    'DeleteNotificationPayload',
    'message notificationId',
  ),
  // Blocks, settings and batch status (beyond the documented API)
  field('query', 'settings', 'user', null, 'Settings', 'acceptRequestsFrom'),
  field(
    'mutation',
    'updateSettings',
    'user',
    null,
    'Settings',
    'acceptRequestsFrom',
    ', acceptRequestsFrom: FRIENDS_OF_FRIENDS',
  ),
  field(
    'query',
    'blockedUsers',
    'user',
    null,
    'BlockedUserPage',
    'totalCount nodes { blockedAt user { clientUserId displayName } }',
  ),
  field(
    'mutation',
    'blockUser',
    'receiver',
    'otherUserId',
    'BlockUserPayload',
    'message created blocked { user { clientUserId } }',
  ),
  field('mutation', 'unblockUser', 'blocked', 'otherUserId', 'UnblockUserPayload', 'message user { clientUserId }'),
  // Presence (beyond the documented API)
  {
    ...field(
      'mutation',
      'setPresence',
      'user',
      null,
      'SetPresencePayload',
      'user { clientUserId } presence { status activity joinInfo }',
      `, status: BUSY, activity: "${PRESENCE_SET.activity}", joinInfo: { match: "${PRESENCE_SET.join_info.match}" }, expiresInSeconds: ${PRESENCE_SET.expires_in_seconds}`,
    ),
    prepare: presenceBaseline,
    state: ownersPresence,
  },
  {
    field: 'relationships',
    name: 'query relationships',
    kind: 'related',
    call: (token, as, id) =>
      graphql(
        token,
        `query($userId: ID, $ids: [ID!]!) { relationships(userId: $userId, userIds: $ids) { ${ERRORS} ... on RelationshipList { relationships { userId status connectionId requestId } } } }`,
        { userId: as, ids: [id] },
      ),
    // As over REST: an answer tells something only when the status is not NONE.
    succeeded: (a) => {
      const result = (a.body as any)?.data?.relationships;
      return result?.__typename === 'RelationshipList' && result.relationships?.[0]?.status !== 'NONE';
    },
    writes: false,
  },
];

/**
 * Subscribes over WebSocket and returns the first message of the subscription (next, error or
 * complete). With `quietMs`, a subscription that says nothing that long after it was sent is
 * answered `quiet`: it was accepted (a refusal is an error message at once), and has nothing to
 * send yet (a presence feed of a user whose connections are all offline).
 */
function firstMessage(
  token: string,
  query: string,
  variables: Record<string, unknown>,
  quietMs?: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    let quiet: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`no subscription message within 5 s: ${query}`));
    }, 5_000);
    const done = (answer: Answer) => {
      clearTimeout(timer);
      clearTimeout(quiet);
      socket.close(1000);
      resolve(answer);
    };
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
        if (quietMs !== undefined) quiet = setTimeout(() => done({ status: 200, body: { type: 'quiet' } }), quietMs);
      } else if (['next', 'error', 'complete'].includes(message.type)) {
        done({ status: message.type === 'next' ? 200 : 0, body: { type: message.type, payload: message.payload } });
      }
    });
    socket.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(quiet);
      reject(new Error(`socket closed with ${code} before a subscription message`));
    });
    socket.on('error', () => {});
  });
}

const SUBSCRIPTION_ROWS: (Row & { field: string })[] = [
  {
    field: 'connectionEvents',
    name: 'subscription connectionEvents',
    kind: 'user',
    call: (token, _as, id) =>
      firstMessage(
        token,
        'subscription($userId: ID) { connectionEvents(userId: $userId) { __typename ... on UnreadCountChangedEvent { unreadCount } } }',
        { userId: id },
      ),
    // Subscribing answers with the user's unread count first.
    succeeded: (a) => (a.body as any)?.payload?.data?.connectionEvents?.__typename === 'UnreadCountChangedEvent',
    writes: false,
  },
  {
    field: 'notificationAdded',
    name: 'subscription notificationAdded',
    kind: 'notification',
    call: (token, as, id) =>
      firstMessage(
        token,
        'subscription($userId: ID, $after: ID) { notificationAdded(userId: $userId, after: $after) { id message } }',
        { userId: as, after: id },
      ),
    // After the older of two notifications, the newer one is replayed at once.
    succeeded: (a) => typeof (a.body as any)?.payload?.data?.notificationAdded?.id === 'string',
    writes: false,
  },
  // Presence (beyond the documented API)
  {
    field: 'friendPresenceChanged',
    name: 'subscription friendPresenceChanged',
    kind: 'user',
    // The owner's connection bob is online (a game server says so): the feed starts with him.
    prepare: (world) => setPresenceOf(world, world.bob.id, { status: 'online', expires_in_seconds: 3600 }),
    call: (token, _as, id) =>
      firstMessage(
        token,
        'subscription($userId: ID) { friendPresenceChanged(userId: $userId) { user { clientUserId } presence { status } } }',
        { userId: id },
        // A user whose connections are all offline (another tenant's) is sent nothing: accepted.
        1_000,
      ),
    succeeded: (a) => {
      const body = a.body as any;
      return (
        body?.type === 'quiet' ||
        (body?.type === 'next' && typeof body.payload?.data?.friendPresenceChanged?.user?.clientUserId === 'string')
      );
    },
    allowedShows: (world, a) => {
      const event = (a.body as any)?.payload?.data?.friendPresenceChanged;
      return event?.user?.clientUserId === world.bob.id && event?.presence?.status === 'ONLINE'
        ? undefined
        : 'the first event is not the online connection';
    },
    writes: false,
  },
];

// ---------------------------------------------------------------------------------------------
// Comparison of answers.
// ---------------------------------------------------------------------------------------------

/**
 * The answer as text with the id masked (wherever it is echoed), timestamps masked, and friend
 * codes masked (each user's is drawn at random; a leaked one is caught by `privateTextsOf`).
 */
function masked(answer: Answer, id: string): string {
  const text = JSON.stringify(answer.body);
  const escaped = JSON.stringify(id).slice(1, -1);
  return `${answer.status} ${text
    .split(escaped)
    .join('<id>')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<time>')
    .replace(/\b[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\b/g, '<friend code>')}`;
}

/** The error code of a REST or GraphQL answer, if it is an error. */
function errorCode(row: Row, answer: Answer): string | undefined {
  const body = answer.body as any;
  if (row.name.startsWith('query') || row.name.startsWith('mutation')) {
    return (Object.values(body?.data ?? {})[0] as any)?.code ?? body?.errors?.[0]?.extensions?.code;
  }
  return body?.code;
}

/**
 * The user of tenant A whose private texts the principal may be shown: the user its token is,
 * or (a service token of tenant A) the user it acts as; none for another tenant.
 */
function readerOf(world: World, token: string, actingAs: string): string | undefined {
  if (token === world.a.serviceToken) return actingAs;
  return [world.alice, world.bob, world.mallory, world.carol].find((user) => user.token === token)?.id;
}

/** Whether the answer is the documented "forbidden" for this face. */
function forbiddenCode(row: Row, answer: Answer): string | undefined {
  const body = answer.body as any;
  if (row.name.startsWith('subscription'))
    return body?.payload?.[0]?.extensions?.code ?? body?.payload?.errors?.[0]?.extensions?.code;
  if (row.name.startsWith('query') || row.name.startsWith('mutation')) {
    const result = Object.values(body?.data ?? {})[0] as any;
    return result?.__typename === 'ForbiddenError' ? result.code : undefined;
  }
  if (answer.status !== 403) return undefined;
  const keys = Object.keys(body ?? {})
    .sort()
    .join(',');
  return keys === 'code,error,message' && body.error === 'Forbidden' ? body.code : undefined;
}

function describeCell(row: Row, principal: Principal, details: Record<string, unknown>) {
  return JSON.stringify({ call: row.name, principal: principal.name, ...details });
}

/** Runs one cell of the matrix and checks it. */
async function checkCell(world: World, row: Row, principal: Principal): Promise<void> {
  const expectation = principal.expect(row.kind);
  if (expectation === 'not-applicable') return;
  const token = principal.token(world);
  const actingAs = principal.actingAs(world, row.kind);
  const id = await principal.resource(world, row.kind);
  await row.prepare?.(world);
  const snapshot = async () => `${await snapshotOf(world.a.name)}${row.state ? ` | ${await row.state(world)}` : ''}`;
  const before = await snapshot();
  const textsBefore = await privateTextsOf(world.a.name);
  const answer = await row.call(token, actingAs, id, world);
  const shown = (extra: Record<string, unknown> = {}) =>
    describeCell(row, principal, { actingAs, id, expectation, status: answer.status, answer: answer.body, ...extra });
  if (answer.status >= 500) throw new Error(`5xx: ${shown()}`);
  // Whatever the call, allowed or not: no user's friend code, nickname or note to anyone else.
  const texts = [...textsBefore, ...(await privateTextsOf(world.a.name))].filter(
    (text, i, all) => all.findIndex((t) => t.owner === text.owner && t.text === text.text) === i,
  );
  const leakedTexts = privateTextsShown(texts, readerOf(world, token, actingAs), answer, [id]);
  if (leakedTexts.length > 0) throw new Error(`another user's private text: ${shown({ leaked: leakedTexts })}`);

  switch (expectation) {
    case 'allowed': {
      if (!row.succeeded(answer)) throw new Error(`refused an allowed call: ${shown()}`);
      const missing = row.allowedShows?.(world, answer);
      if (missing) throw new Error(`${missing}: ${shown()}`);
      const after = await snapshot();
      if (!row.writes && after !== before) throw new Error(`a read changed tenant A: ${shown({ before, after })}`);
      return;
    }
    case 'forbidden':
    case 'not-receiver':
    case 'not-sender':
    case 'service-only': {
      const code = forbiddenCode(row, answer);
      const wanted = {
        forbidden: 'FORBIDDEN',
        'not-receiver': 'NOT_REQUEST_RECEIVER',
        'not-sender': 'NOT_REQUEST_SENDER',
        'service-only': row.serviceOnlyCode ?? 'SERVICE_TOKEN_REQUIRED',
      }[expectation];
      if (code !== wanted) throw new Error(`not refused with ${wanted}: ${shown()}`);
      break;
    }
    case 'as-nonexistent': {
      // The same call, by the same principal, on an id of the same kind that exists nowhere.
      const ghost = nonexistent(row.kind);
      const ghostActingAs = row.kind === 'user' || row.kind === 'profile' ? ghost : actingAs;
      const control = await row.call(token, ghostActingAs, ghost, world);
      const [seen, expected] = [masked(answer, id), masked(control, ghost)];
      if (seen !== expected) {
        throw new Error(
          `distinguishable from a nonexistent id: ${shown({ nonexistent: ghost, control: control.body })}`,
        );
      }
      if (row.notFoundCode && errorCode(row, answer) !== row.notFoundCode) {
        throw new Error(`not refused with ${row.notFoundCode}: ${shown()}`);
      }
      if (row.succeeded(answer)) {
        // Only a call that would also succeed on an id that exists nowhere (creating a user in
        // the principal's own tenant): tenant A is untouched, checked below.
        if (!(row.kind === 'user' && row.writes)) throw new Error(`succeeded on tenant A's id: ${shown()}`);
      }
      break;
    }
    case 'own-tenant': {
      if (!row.succeeded(answer)) throw new Error(`refused a call on the principal's own data: ${shown()}`);
      const text = JSON.stringify(answer.body);
      const leaked = world.secretsOfA.filter((secret) => text.includes(secret));
      if (leaked.length > 0) throw new Error(`tenant A's data in another tenant's answer: ${shown({ leaked })}`);
      // Tenant B's alice has no data: she must see exactly what an alice of a tenant of her own sees.
      const d = await createTenant(server);
      const dAlice = await d.user('alice');
      const control = await row.call(dAlice.token, dAlice.id, dAlice.id, world);
      if (masked(answer, id) !== masked(control, dAlice.id)) {
        throw new Error(`not what a user alone in its tenant sees: ${shown({ control: control.body })}`);
      }
      break;
    }
  }
  const after = await snapshot();
  if (after !== before) throw new Error(`tenant A changed: ${shown({ before, after })}`);
}

// ---------------------------------------------------------------------------------------------

describe('the matrix covers the gateway', () => {
  it('has a row for every REST route', () => {
    const routes = new Set(REST_ROWS.map((r) => r.route));
    expect([...routes].sort()).toEqual(gatewayRoutes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('has a row for every GraphQL field that takes an id', () => {
    const withIds = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      Object.values(type!.getFields())
        .filter((f) => f.args.some((arg) => String(arg.type).replace(/[[\]!]/g, '') === 'ID'))
        .map((f) => f.name),
    );
    const fields = new Set([...GRAPHQL_ROWS, ...SUBSCRIPTION_ROWS].map((r) => r.field));
    expect([...fields].sort()).toEqual(withIds.sort());
  });
});

/**
 * Who sees a presence: the matrix above says who may call; a presence lookup is answered to any
 * user of the tenant, with `presence: null` to whoever may not see it. The owner is busy in a
 * match: the owner itself, its tenant's service tokens and its connections see it (join info
 * included); a stranger, a user with a request pending, a user who blocked the owner or whom the
 * owner blocked (a block ends the connection) see null, over REST and GraphQL alike; another
 * tenant's users and service tokens find only their own tenant's user of that id. With
 * `share_presence: nobody` connections see null; an invisible owner is offline to them.
 */
describe('who sees a presence', () => {
  type Seen = 'all' | 'shared' | 'invisible' | 'null';
  const OWN = { status: 'busy', activity: PRESENCE_SET.activity, join_info: PRESENCE_SET.join_info };

  /** The owner's presence as `token` sees it, over REST and GraphQL (the time it was read left out). */
  async function seenBy(token: string, userId: string) {
    const restAnswer = await rest('GET', `/v1/users/${enc(userId)}/presence`, token);
    const graphqlAnswer = await graphql(
      token,
      'query($u: ID) { user(userId: $u) { __typename ... on User { presence { status activity joinInfo lastSeenAt } } } }',
      { u: userId },
    );
    const body = restAnswer.body as { user_id: string; presence: Record<string, unknown> | null };
    const user = (graphqlAnswer.body as any)?.data?.user;
    const lastSeen = (value: unknown) => (typeof value === 'string' ? 'some time' : value);
    return {
      status: restAnswer.status,
      user_id: body.user_id,
      rest: body.presence && { ...body.presence, last_seen_at: lastSeen(body.presence.last_seen_at) },
      graphql:
        user?.presence &&
        ({
          status: String(user.presence.status).toLowerCase(),
          activity: user.presence.activity,
          join_info: user.presence.joinInfo,
          last_seen_at: lastSeen(user.presence.lastSeenAt),
        } as Record<string, unknown>),
    };
  }

  function expected(userId: string, seen: Seen) {
    const presence = {
      all: { ...OWN, last_seen_at: 'some time' },
      shared: { ...OWN, last_seen_at: 'some time' },
      invisible: { status: 'offline', activity: null, join_info: null, last_seen_at: 'some time' },
      null: null,
    }[seen];
    return { status: 200, user_id: userId, rest: presence, graphql: presence };
  }

  it('shows it to the owner, its service tokens and its connections only, and hides it as the owner chose', async () => {
    const world = await createWorld();
    const { a, alice, bob, mallory, carol } = world;
    const blocker = await a.user('blocker');
    const blocked = await a.user('blocked');
    await a.connect(alice, blocker);
    await a.connect(alice, blocked);
    for (const [from, to] of [
      [blocker, alice],
      [alice, blocked],
    ] as const) {
      const reply = await server.rest('PUT', `/v1/users/${from.id}/blocked/${to.id}`, { token: a.serviceToken });
      if (reply.status !== 201) throw new Error(`block failed: ${reply.status}`);
    }
    const set = await rest('PUT', `/v1/users/${alice.id}/presence`, alice.token, PRESENCE_SET);
    expect(set.status).toBe(200);

    const viewers: [string, string, Seen][] = [
      ['the owner', alice.token, 'all'],
      ["a service token of the owner's tenant", a.serviceToken, 'all'],
      ['a connection', bob.token, 'shared'],
      ['a stranger', mallory.token, 'null'],
      ['a user with a request pending', carol.token, 'null'],
      ['a user who blocked the owner', blocker.token, 'null'],
      ['a user the owner blocked', blocked.token, 'null'],
    ];
    for (const [who, token, seen] of viewers) {
      expect({ who, ...(await seenBy(token, alice.id)) }).toEqual({ who, ...expected(alice.id, seen) });
    }
    // Another tenant names its own user of that id (offline, never seen): nothing of the owner's.
    expect(await seenBy(world.bEve.token, alice.id)).toEqual(expected(alice.id, 'null'));
    expect(await seenBy(world.b.serviceToken, alice.id)).toEqual({
      ...expected(alice.id, 'null'),
      rest: { status: 'offline', activity: null, join_info: null, last_seen_at: null },
      graphql: { status: 'offline', activity: null, join_info: null, last_seen_at: null },
    });
    for (const token of [world.bEve.token, world.b.serviceToken, world.c.serviceToken]) {
      const ghost = `ghost-${randomUUID()}`;
      const [found, nowhere] = [
        await rest('GET', `/v1/users/${enc(carol.id)}/presence`, token),
        await rest('GET', `/v1/users/${enc(ghost)}/presence`, token),
      ];
      expect(masked(found, carol.id)).toBe(masked(nowhere, ghost));
    }
    // The connection's list says the same as the lookup, and lists the owner among those online.
    const listed = async () => {
      const all = await rest('GET', `/v1/connections/${bob.id}/active`, bob.token);
      const online = await rest('GET', `/v1/connections/${bob.id}/active?presence=online`, bob.token);
      const entry = (body: unknown) =>
        (body as { connections: { connected_user: { client_user_id: string }; presence: unknown }[] }).connections.find(
          (c) => c.connected_user.client_user_id === alice.id,
        );
      const presence = entry(all.body)?.presence as Record<string, unknown> | null | undefined;
      return {
        presence: presence && {
          ...presence,
          last_seen_at: typeof presence.last_seen_at === 'string' ? 'some time' : null,
        },
        online: entry(online.body) !== undefined,
      };
    };
    expect(await listed()).toEqual({ presence: expected(alice.id, 'shared').rest, online: true });

    // Shared with nobody: the connection sees null, the owner and its service tokens all of it.
    const hidden = await rest('PUT', `/v1/users/${alice.id}/settings`, alice.token, { share_presence: 'nobody' });
    expect(hidden.body).toMatchObject({ share_presence: 'nobody' });
    expect(await seenBy(bob.token, alice.id)).toEqual(expected(alice.id, 'null'));
    expect(await listed()).toEqual({ presence: null, online: false });
    expect(await seenBy(alice.token, alice.id)).toEqual(expected(alice.id, 'all'));
    expect(await seenBy(a.serviceToken, alice.id)).toEqual(expected(alice.id, 'all'));

    // Shared again, but invisible: offline to the connection, invisible to the owner's tenant.
    await rest('PUT', `/v1/users/${alice.id}/settings`, alice.token, { share_presence: 'connections' });
    await rest('PUT', `/v1/users/${alice.id}/presence`, a.serviceToken, {
      status: 'invisible',
      expires_in_seconds: 3600,
    });
    expect(await seenBy(bob.token, alice.id)).toEqual(expected(alice.id, 'invisible'));
    expect(await listed()).toEqual({ presence: expected(alice.id, 'invisible').rest, online: false });
    expect((await seenBy(a.serviceToken, alice.id)).rest).toMatchObject({ status: 'invisible' });
    expect((await seenBy(mallory.token, alice.id)).rest).toBeNull();
  });
});

/**
 * Whose a nickname, a note, a star and a friend code are: the matrix shows that no call, by any
 * principal, answers with another user's. The other side of a connection is no principal of it:
 * here bob (whom alice named, noted and starred, and who named and noted her) and a service token
 * acting as bob make every read of the matrix that names a user, as bob (on bob, or on alice), and
 * are shown bob's own and nothing of alice's, not even her star in the favourite filter.
 */
describe('whose a nickname, a note and a friend code are', () => {
  const reads = [...REST_ROWS, ...GRAPHQL_ROWS, ...SUBSCRIPTION_ROWS].filter(
    (row) =>
      !row.writes &&
      (row.kind === 'user' || row.kind === 'profile' || row.kind === 'receiver' || row.kind === 'related'),
  );

  it('should show the other side of a connection, and a service token acting as it, only its own', async () => {
    const world = await createWorld();
    const { a, alice, bob } = world;
    const friendCodeOfBob = await friendCodeOf(a, bob.id);
    const privateTexts = await privateTextsOf(a.name);
    for (const [who, token] of [
      ['bob', bob.token],
      ['a service token acting as bob', a.serviceToken],
    ] as const) {
      for (const row of reads) {
        await row.prepare?.(world);
        const answer = await row.call(token, bob.id, row.kind === 'user' ? bob.id : alice.id, world);
        const leaked = privateTextsShown(privateTexts, bob.id, answer);
        expect({ who, call: row.name, succeeded: row.succeeded(answer), leaked }).toEqual({
          who,
          call: row.name,
          succeeded: true,
          leaked: [],
        });
      }

      // Bob's list carries bob's nickname, note and star for alice, and alice's star on bob
      // counts for nothing in it.
      const listed = async (query: string) => {
        const answer = await rest('GET', `/v1/connections/${bob.id}/active${query}`, token);
        const connections = (answer.body as { connections: Record<string, any>[] }).connections;
        return connections.map((c) => ({
          user: c.connected_user.client_user_id,
          nickname: c.nickname,
          note: c.note,
          favorite: c.favorite,
        }));
      };
      const bobsView = { user: alice.id, ...world.notesOfBob, favorite: false };
      expect(await listed('')).toEqual([bobsView]);
      expect(await listed('?favorite=true')).toEqual([]);
      expect(await listed('?favorite=false&sort=favorites')).toEqual([bobsView]);
      const viaGraphql = await graphql(
        token,
        `query($u: ID) { activeConnections(userId: $u, favorite: true) { ${ERRORS} ... on ConnectionPage { totalCount } }
          all: activeConnections(userId: $u, sort: FAVORITES) { ... on ConnectionPage { nodes { nickname note favorite } } }
          friendCode(userId: $u) { ... on FriendCode { value } } }`,
        { u: bob.id },
      );
      expect((viaGraphql.body as any).data).toEqual({
        activeConnections: { __typename: 'ConnectionPage', totalCount: 0 },
        all: { nodes: [{ ...world.notesOfBob, favorite: false }] },
        friendCode: { value: friendCodeOfBob },
      });

      // Bob's own writes answer with bob's side only.
      const patched = await rest('PATCH', `/v1/connections/${bob.id}/${world.connectionWithBob}`, token, {
        favorite: true,
      });
      expect(patched.body).toMatchObject({ ...world.notesOfBob, favorite: true });
      expect(privateTextsShown(privateTexts, bob.id, patched)).toEqual([]);
      await rest('PATCH', `/v1/connections/${bob.id}/${world.connectionWithBob}`, token, { favorite: false });
    }

    // Alice's side is as she left it, whatever bob did with his; and the check above does see
    // her nickname, note and code where they are shown (to her).
    const alicesList = await rest('GET', `/v1/connections/${alice.id}/active`, alice.token);
    expect(showsOwnersNotes(world, alicesList)).toBeUndefined();
    const alicesCode = await rest('GET', `/v1/users/${alice.id}/friend-code`, alice.token);
    const seenByOthers = [alicesList, alicesCode].flatMap((answer) =>
      privateTextsShown(privateTexts, bob.id, answer).map((shown) => shown.text),
    );
    expect(seenByOthers.sort()).toEqual(
      [world.notesOfAlice.nickname, world.notesOfAlice.note, world.friendCodeOfAlice].sort(),
    );
  });
});

for (const [face, rows] of [
  ['REST', REST_ROWS],
  ['GraphQL', GRAPHQL_ROWS],
  ['GraphQL over WebSocket', SUBSCRIPTION_ROWS],
] as const) {
  describe(`${face} authorization matrix`, () => {
    for (const row of rows) {
      describe(row.name, () => {
        let world: World;
        beforeAll(async () => {
          world = await createWorld();
        });
        for (const principal of PRINCIPALS) {
          const expectation = principal.expect(row.kind);
          const name = row.kind === 'profile' ? (principal.lookupName ?? principal.name) : principal.name;
          const title = `${name}: ${expectation}`;
          if (expectation === 'not-applicable') continue;
          it(title, async () => {
            await checkCell(world, row, principal);
          });
        }
      });
    }
  });
}
