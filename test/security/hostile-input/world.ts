/**
 * The world each property plays in: a tenant of its own with users, requests, connections,
 * notifications, blocks, invites, friend codes and a match played together, the ids of each,
 * and what the model knows of their state; who calls (alice's token or the tenant's service
 * token); and what the database holds, read directly.
 */
import { sql } from 'kysely';
import { loadPublicIds, type PublicIds } from '../../../src/platform/public-ids.js';
import { createTenant, type SeededUser, type Tenant, type TestServer } from '../../helpers/app.js';
import { possibleUserId, violation } from './contract.js';

export interface World {
  tenant: Tenant;
  /** The server the tenant lives on. */
  server: TestServer;
  alice: SeededUser;
  bob: SeededUser;
  carol: SeededUser;
  dave: SeededUser;
  erin: SeededUser;
  /** bob -> alice, pending until alice answers it. */
  requestIn: string;
  /** alice -> dave, pending; alice cannot answer it. */
  requestOut: string;
  /** alice - carol. */
  connection: string;
  /** bob - erin (not alice's). */
  connectionOther: string;
  /** alice's new_request notification (from bob). */
  notification: string;
  /** dave's notification (not alice's). */
  notificationOther: string;
  /** Blocked by alice (beyond the documented API). */
  frank: SeededUser;
  /** Blocks alice. */
  gina: SeededUser;
  // Invites (beyond the documented API). erin takes no invites (`accept_invites_from: nobody`).
  /** carol -> alice, pending until answered. */
  inviteIn: string;
  /** alice -> carol, pending; alice can only withdraw it. */
  inviteOut: string;
  /** bob -> erin (not alice's), pending: sent before erin stopped taking invites. */
  inviteOther: string;
  /** carol -> alice, left unanswered past its expiry. */
  inviteExpired: string;
  // Friend codes, a match played together, nicknames and cursors (beyond the documented API).
  /** Each of the seven users' friend code as it was made, `7KQ4-M2XD` (a rotation replaces one). */
  friendCodes: Record<string, string>;
  /** Who played the world's one match together (`match-8841`), in the order they were created. */
  match: string[];
  /** Cursors of alice's list of connections, one of each order (`first: 1`). */
  cursors: { newest: string; favorites: string };
  /** The database's codec of public ids: whether an id can name a row of a kind at all. */
  ids: PublicIds;
  state: {
    requestInPending: boolean;
    requestOutPending: boolean;
    connections: Set<string>;
    /** The notifications above that have not been deleted. */
    notifications: Set<string>;
    /** The invites above by id, as they stand. */
    invites: Map<string, WorldInvite>;
    /**
     * What each side keeps about the other of the connections above, by `notesKey` (none kept:
     * `NO_NOTES`). alice keeps a nickname, a note and a star for carol.
     */
    notes: Map<string, Notes>;
  };
}

/** What one side of a connection keeps about the other (beyond the documented API). */
export interface Notes {
  nickname: string | null;
  note: string | null;
  favorite: boolean;
}

export const NO_NOTES: Notes = { nickname: null, note: null, favorite: false };
/** alice's notes about carol, set when the world is made. */
export const ALICE_NOTES_ON_CAROL: Notes = { nickname: 'Caz', note: 'Met in ranked, plays support', favorite: true };

export const notesKey = (userId: string, connectionId: string) => `${userId}\u0000${connectionId}`;

/** What a user keeps about the other side of a connection, as the model knows it. */
export function notesIn(world: World, userId: string, connectionId: string): Notes {
  return world.state.notes.get(notesKey(userId, connectionId)) ?? NO_NOTES;
}

/** Where an invite stands, as its sender and receiver read it. */
export type InviteStatus = 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired';

/** An invite of the world: who sent it to whom, with what join info, and where it stands. */
export interface WorldInvite {
  sender: string;
  receiver: string;
  joinInfo: Record<string, unknown>;
  status: InviteStatus;
}

export async function createWorld(server: TestServer): Promise<World> {
  const tenant = await createTenant(server);
  const alice = await tenant.user('alice');
  const bob = await tenant.user('bob');
  const carol = await tenant.user('carol');
  const dave = await tenant.user('dave');
  const erin = await tenant.user('erin');
  const requestIn = String(await tenant.request(bob, alice, 'Hello from bob'));
  const requestOut = String(await tenant.request(alice, dave));
  const connection = String(await tenant.connect(alice, carol));
  const connectionOther = String(await tenant.connect(bob, erin));
  const notifications = async (user: SeededUser) =>
    (await server.rest('GET', `/v1/connections/${user.id}/notifications`, { token: user.token })).body
      .notifications as { id: number; type: string; connection_request_id: number }[];
  const notification = (await notifications(alice)).find(
    (n) => n.type === 'new_request' && String(n.connection_request_id) === requestIn,
  );
  const notificationOther = (await notifications(dave))[0];
  if (!notification || !notificationOther) throw new Error('world setup: notifications missing');
  const frank = await tenant.user('frank');
  const gina = await tenant.user('gina');
  for (const [blocker, blocked] of [
    [alice, frank],
    [gina, alice],
  ] as const) {
    const block = await server.rest('PUT', `/v1/users/${blocker.id}/blocked/${blocked.id}`, {
      token: tenant.serviceToken,
    });
    if (block.status !== 201) throw new Error(`world setup: block failed: ${block.status}`);
  }
  const invites = new Map<string, WorldInvite>();
  const invite = async (sender: SeededUser, receiver: SeededUser, joinInfo: Record<string, unknown>) => {
    const sent = await server.rest('POST', `/v1/connections/${sender.id}/invites`, {
      token: tenant.serviceToken,
      body: { receiver_ids: [receiver.id], join_info: joinInfo, expires_in_seconds: 3600 },
    });
    if (sent.status !== 201) throw new Error(`world setup: invite failed: ${sent.status}`);
    const id = String(sent.body.invites[0].id);
    invites.set(id, { sender: sender.id, receiver: receiver.id, joinInfo, status: 'pending' });
    return id;
  };
  // Sent two hours ago for an hour (as the database tells time), before the one carol sends now,
  // which would otherwise withdraw it. Its notification is left as it was: the sweep, on a clock
  // of its own, would delete an expired one in the middle of a property.
  const inviteExpired = await invite(carol, alice, { lobby: 'eu-expired' });
  await sql`update invites set created_at = created_at - interval '2 hours', expires_at = expires_at - interval '2 hours'
             where tenant = ${tenant.name}`.execute(server.database.db);
  invites.get(inviteExpired)!.status = 'expired';
  const inviteIn = await invite(carol, alice, { lobby: 'eu-7f3a', slots: 2 });
  const inviteOut = await invite(alice, carol, { server: { host: 'eu-7.example', port: 7777 } });
  const inviteOther = await invite(bob, erin, { lobby: 'na-1' });
  const refuse = await server.rest('PUT', `/v1/users/${erin.id}/settings`, {
    token: tenant.serviceToken,
    body: { accept_invites_from: 'nobody' },
  });
  if (refuse.status !== 200) throw new Error(`world setup: settings failed: ${refuse.status}`);
  const noted = await server.rest('PATCH', `/v1/connections/${alice.id}/${connection}`, {
    token: alice.token,
    body: ALICE_NOTES_ON_CAROL,
  });
  if (noted.status !== 200) throw new Error(`world setup: notes failed: ${noted.status}`);
  const friendCodes: Record<string, string> = {};
  for (const user of [alice, bob, carol, dave, erin, frank, gina]) {
    const code = await server.rest('GET', `/v1/users/${user.id}/friend-code`, { token: tenant.serviceToken });
    if (code.status !== 200) throw new Error(`world setup: friend code failed: ${code.status}`);
    friendCodes[user.id] = code.body.friend_code;
  }
  const match = [alice.id, bob.id, carol.id, frank.id, gina.id];
  const played = await server.rest('POST', '/v1/recent-players', {
    token: tenant.serviceToken,
    body: { players: match, context: 'match-8841' },
  });
  if (played.status !== 201) throw new Error(`world setup: recent players failed: ${played.status}`);
  const cursorOf = async (sort: 'NEWEST' | 'FAVORITES') => {
    const listed = await server.rest('POST', '/graphql', {
      token: alice.token,
      body: {
        query: `{ activeConnections(first: 1, sort: ${sort}) { ... on ConnectionPage { pageInfo { endCursor } } } }`,
      },
    });
    const cursor = listed.body?.data?.activeConnections?.pageInfo?.endCursor;
    if (typeof cursor !== 'string') throw new Error(`world setup: cursor failed: ${JSON.stringify(listed.body)}`);
    return cursor;
  };
  return {
    tenant,
    server,
    alice,
    bob,
    carol,
    dave,
    erin,
    requestIn,
    requestOut,
    connection,
    connectionOther,
    notification: String(notification.id),
    notificationOther: String(notificationOther.id),
    frank,
    gina,
    inviteIn,
    inviteOut,
    inviteOther,
    inviteExpired,
    friendCodes,
    match,
    cursors: { newest: await cursorOf('NEWEST'), favorites: await cursorOf('FAVORITES') },
    ids: await loadPublicIds(server.database.db),
    state: {
      requestInPending: true,
      requestOutPending: true,
      connections: new Set([connection, connectionOther]),
      notifications: new Set([String(notification.id), String(notificationOther.id)]),
      invites,
      notes: new Map([[notesKey(alice.id, connection), ALICE_NOTES_ON_CAROL]]),
    },
  };
}

export type Actor = 'user' | 'service';

export interface Caller {
  world: World;
  actor: Actor;
}

export const tokenOf = ({ world, actor }: Caller) => (actor === 'user' ? world.alice.token : world.tenant.serviceToken);
/** The subject of the caller's token: alice, or the service token's `backend`. */
export const subjectOf = ({ world, actor }: Caller) => (actor === 'user' ? world.alice.id : 'backend');

export type Success = 'accept' | 'decline' | 'read' | 'remove' | 'cancel' | 'deleteNotification';

/** Keeps the model in step after a successful call. */
export function recordSuccess(world: World, kind: Success, id: string): void {
  if ((kind === 'accept' || kind === 'decline' || kind === 'cancel') && id === world.requestIn) {
    world.state.requestInPending = false;
  }
  // dave answering alice's request, or alice withdrawing it. (An accepted one connects the two:
  // no property both accepts it and reads their relationship.)
  if ((kind === 'accept' || kind === 'decline' || kind === 'cancel') && id === world.requestOut) {
    world.state.requestOutPending = false;
  }
  if (kind === 'remove') {
    removeConnectionOf(world, id);
    // The two are no longer connected: their pending invites are withdrawn.
    if (id === world.connection) withdrawInvites(world, world.alice.id, world.carol.id);
    if (id === world.connectionOther) withdrawInvites(world, world.bob.id, world.erin.id);
  }
  if (kind === 'deleteNotification') world.state.notifications.delete(id);
}

/** A connection ended (removed, or by a block): what either side kept about the other goes with it. */
function removeConnectionOf(world: World, id: string): void {
  world.state.connections.delete(id);
  for (const key of [...world.state.notes.keys()]) {
    if (key.endsWith(`\u0000${id}`)) world.state.notes.delete(key);
  }
}

/** Keeps the model in step after a user changed what it keeps about the other side of a connection. */
export function recordNotes(world: World, userId: string, connectionId: string, notes: Notes): void {
  world.state.notes.set(notesKey(userId, connectionId), notes);
}

/** Pending invites between two users, either way, are withdrawn (a removed connection, a block). */
function withdrawInvites(world: World, a: string, b: string): void {
  for (const invite of world.state.invites.values()) {
    const between = (invite.sender === a && invite.receiver === b) || (invite.sender === b && invite.receiver === a);
    if (between && invite.status === 'pending') invite.status = 'cancelled';
  }
}

export type InviteVerb = 'accept' | 'decline' | 'cancel';

/** Keeps the model in step after an invite was accepted, declined or withdrawn. */
export function recordInviteAnswer(world: World, verb: InviteVerb, id: string): void {
  const invite = world.state.invites.get(id);
  if (invite) invite.status = ({ accept: 'accepted', decline: 'declined', cancel: 'cancelled' } as const)[verb];
}

/** A new invite withdraws the pending one its sender sent each of its receivers before. */
export function recordInvitesSent(world: World, sender: string, receivers: readonly string[]): void {
  for (const invite of world.state.invites.values()) {
    if (invite.sender === sender && receivers.includes(invite.receiver) && invite.status === 'pending') {
      invite.status = 'cancelled';
    }
  }
}

/** A block ends the connection, the pending request and the pending invites between the two users. */
export function recordBlock(world: World, blocker: string, blocked: string): void {
  const pair = (a: SeededUser, b: SeededUser) =>
    (blocker === a.id && blocked === b.id) || (blocker === b.id && blocked === a.id);
  if (pair(world.alice, world.carol)) removeConnectionOf(world, world.connection);
  if (pair(world.bob, world.erin)) removeConnectionOf(world, world.connectionOther);
  if (pair(world.bob, world.alice)) world.state.requestInPending = false;
  if (pair(world.alice, world.dave)) world.state.requestOutPending = false;
  withdrawInvites(world, blocker, blocked);
}

// ---------------------------------------------------------------------------------------------
// What the database holds (the rules ask it whether a user, a block or a pending request exists).
// ---------------------------------------------------------------------------------------------

export async function userExists(world: World, clientUserId: string): Promise<boolean> {
  if (!possibleUserId(clientUserId)) return false;
  const tenant = world.tenant.name;
  const result = await sql<{ n: number }>`
    select count(*)::int as n from users where tenant = ${tenant} and client_user_id = ${clientUserId}`.execute(
    world.server.database.db,
  );
  return result.rows[0]!.n > 0;
}

/** Whether `blocker` blocks `blocked` (both users of the tenant). */
export async function blockExists(world: World, blocker: string, blocked: string): Promise<boolean> {
  if (!possibleUserId(blocker) || !possibleUserId(blocked)) return false;
  const tenant = world.tenant.name;
  const result = await sql<{ found: boolean }>`
    select exists(
      select 1 from blocks b
        join users u1 on u1.id = b.blocker_id
        join users u2 on u2.id = b.blocked_id
       where u1.tenant = ${tenant} and u1.client_user_id = ${blocker}
         and u2.tenant = ${tenant} and u2.client_user_id = ${blocked}) as found`.execute(world.server.database.db);
  return result.rows[0]!.found;
}

/** How many unread notifications a user of the tenant has. */
export async function unreadCount(world: World, clientUserId: string): Promise<number> {
  const tenant = world.tenant.name;
  const result = await sql<{ n: number }>`
    select count(*)::int as n from notifications n join users u on u.id = n.user_id
     where u.tenant = ${tenant} and u.client_user_id = ${clientUserId} and n.read_at is null`.execute(
    world.server.database.db,
  );
  return result.rows[0]!.n;
}

/** A user's stored `accept_requests_from`. */
export async function policyOf(world: World, clientUserId: string): Promise<string | undefined> {
  const tenant = world.tenant.name;
  const result = await sql<{ policy: string }>`
    select accept_requests_from as policy from users
     where tenant = ${tenant} and client_user_id = ${clientUserId}`.execute(world.server.database.db);
  return result.rows[0]?.policy;
}

/** A user's stored `accept_invites_from`. */
export async function invitePolicyOf(world: World, clientUserId: string): Promise<string | undefined> {
  if (!possibleUserId(clientUserId)) return undefined;
  const tenant = world.tenant.name;
  const result = await sql<{ policy: string }>`
    select accept_invites_from as policy from users
     where tenant = ${tenant} and client_user_id = ${clientUserId}`.execute(world.server.database.db);
  return result.rows[0]?.policy;
}

/** A user's stored `share_presence`. */
export async function sharingOf(world: World, clientUserId: string): Promise<string | undefined> {
  const tenant = world.tenant.name;
  const result = await sql<{ sharing: string }>`
    select share_presence as sharing from users
     where tenant = ${tenant} and client_user_id = ${clientUserId}`.execute(world.server.database.db);
  return result.rows[0]?.sharing;
}

/**
 * A user's presence as the presence store keeps it (in memory: not in the database snapshot),
 * and whether it is due to lapse (a time to live or a grace ending) at `now`: what a refused
 * presence write must leave as it was.
 */
export async function presenceRecordOf(world: World, clientUserId: string) {
  if (!possibleUserId(clientUserId)) return { record: null, lapses: null };
  const tenant = world.tenant.name;
  const result = await sql<{ id: number }>`
    select id from users where tenant = ${tenant} and client_user_id = ${clientUserId}`.execute(
    world.server.database.db,
  );
  const id = result.rows[0]?.id;
  if (id === undefined) return { record: null, lapses: null };
  const record = (await world.server.app.presence.records(tenant, [id])).get(id) ?? null;
  const times = [record?.chosenUntil, record?.heldUntil].filter((time): time is number => typeof time === 'number');
  return { record, lapses: times.length > 0 ? Math.min(...times) : null };
}

/** Throws when a user's presence changed since `before`, unless it was due to lapse meanwhile. */
export async function expectPresenceUnchanged(
  world: World,
  clientUserId: string,
  before: Awaited<ReturnType<typeof presenceRecordOf>>,
  context: Record<string, unknown>,
): Promise<void> {
  const after = await presenceRecordOf(world, clientUserId);
  if (before.lapses !== null && before.lapses <= Date.now()) return;
  if (JSON.stringify(after.record) !== JSON.stringify(before.record)) {
    throw violation('a refused request changed a presence', { ...context, before: before.record, after: after.record });
  }
}

/** Whether two users of the tenant are connected, or have a pending request either way. */
export async function pairState(world: World, a: string, b: string): Promise<{ connected: boolean; pending: boolean }> {
  const tenant = world.tenant.name;
  const result = await sql<{ connected: boolean; pending: boolean }>`
    with pair as (
      select (select id from users where tenant = ${tenant} and client_user_id = ${a}) as a,
             (select id from users where tenant = ${tenant} and client_user_id = ${b}) as b
    )
    select
      exists(select 1 from connections c, pair
             where c.tenant = ${tenant} and c.user_low_id = least(pair.a, pair.b)
               and c.user_high_id = greatest(pair.a, pair.b)) as connected,
      exists(select 1 from connection_requests r, pair
             where r.tenant = ${tenant} and r.status = 'pending'
               and ((r.sender_id = pair.a and r.receiver_id = pair.b)
                 or (r.sender_id = pair.b and r.receiver_id = pair.a))) as pending`.execute(world.server.database.db);
  return result.rows[0]!;
}

// ---------------------------------------------------------------------------------------------
// Player search (beyond the documented API): the names the world knows, and text as the search
// index spells it.
// ---------------------------------------------------------------------------------------------

/** A user of the tenant as a search answers it: its id and display name. */
export interface NamedUser {
  id: string;
  name: string;
}

/** The world's users with their display names. */
export function namedUsers(world: World): NamedUser[] {
  const { alice, bob, carol, dave, erin, frank, gina } = world;
  return [alice, bob, carol, dave, erin, frank, gina].map((user) => ({ id: user.id, name: user.displayName }));
}

/** Creates users of the tenant named as given (`player1`…), with no one related to them. */
export async function seedPlayers(world: World, names: readonly string[]): Promise<NamedUser[]> {
  const players: NamedUser[] = [];
  for (const [i, name] of names.entries()) {
    const id = `player${i + 1}`;
    const put = await world.server.rest('PUT', `/v1/users/${id}`, {
      token: world.tenant.serviceToken,
      body: { display_name: name },
    });
    if (put.status !== 201 || put.body.display_name !== name) {
      throw new Error(`world setup: player ${JSON.stringify(name)}: ${put.status} ${JSON.stringify(put.body)}`);
    }
    players.push({ id, name });
  }
  return players;
}

/** Text as the search index spells it (`player_search_text`, migration 0012: lower case, no accents). */
export async function searchTextOf(world: World, text: string): Promise<string> {
  const result = await sql<{ text: string }>`select player_search_text(${text}::text) as text`.execute(
    world.server.database.db,
  );
  return result.rows[0]!.text;
}

// ---------------------------------------------------------------------------------------------
// Friend codes, nicknames and ids (beyond the documented API), as the database holds them.
// ---------------------------------------------------------------------------------------------

/** The user of the tenant whose friend code is `code` (8 characters, no dash), or null. */
export async function friendCodeOwner(world: World, code: string): Promise<string | null> {
  const result = await sql<{ id: string }>`
    select u.client_user_id as id from friend_codes f join users u on u.id = f.user_id
     where f.tenant = ${world.tenant.name} and f.code = ${code}`.execute(world.server.database.db);
  return result.rows[0]?.id ?? null;
}

/** A user's friend code as users write it (`7KQ4-M2XD`), or null when it has none yet. */
export async function friendCodeOf(world: World, clientUserId: string): Promise<string | null> {
  if (!possibleUserId(clientUserId)) return null;
  const result = await sql<{ code: string }>`
    select f.code from friend_codes f join users u on u.id = f.user_id
     where u.tenant = ${world.tenant.name} and u.client_user_id = ${clientUserId}`.execute(world.server.database.db);
  const code = result.rows[0]?.code;
  return code === undefined ? null : `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The friend code of a user made for this run (`fresh…`), with no one related to it: a request to it can succeed. */
export async function freshFriendCode(world: World): Promise<string> {
  const fresh = await world.tenant.user('fresh');
  const code = await world.server.rest('GET', `/v1/users/${fresh.id}/friend-code`, {
    token: world.tenant.serviceToken,
  });
  if (code.status !== 200) throw new Error(`fresh friend code failed: ${code.status}`);
  return code.body.friend_code;
}

/** What a user keeps about the other side of a connection, as stored (null when it is no side of it). */
export async function storedNotes(world: World, clientUserId: string, connectionId: string): Promise<Notes | null> {
  const id = world.ids.decode('connection', Number(connectionId));
  if (id === null) return null;
  const result = await sql<Notes>`
    select e.nickname, e.note, e.favorite from connection_edges e join users u on u.id = e.user_id
     where u.tenant = ${world.tenant.name} and u.client_user_id = ${clientUserId}
       and e.connection_id = ${id}`.execute(world.server.database.db);
  return result.rows[0] ?? null;
}

/** Whether an id (as a path or an argument gives it) names a connection of this database at all. */
export function isConnectionId(world: World, id: string): boolean {
  return /^(0|[1-9]\d{0,15})$/.test(id) && world.ids.decode('connection', Number(id)) !== null;
}

/** What the database holds of the pairs among `players` (users of the tenant): how many, and their contexts. */
export async function matchRows(world: World, players: readonly string[]) {
  const result = await sql<{ pairs: number; contexts: (string | null)[] }>`
    select count(*)::int as pairs, array_agg(distinct r.context) as contexts
      from recent_players r
      join users a on a.id = r.user_id
      join users b on b.id = r.other_user_id
     where r.tenant = ${world.tenant.name}
       and a.client_user_id = any(${[...players]}::text[]) and b.client_user_id = any(${[...players]}::text[])`.execute(
    world.server.database.db,
  );
  return result.rows[0]!;
}
