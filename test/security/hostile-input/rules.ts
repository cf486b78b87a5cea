/**
 * The domain's rules, face-independent: what a call may answer, given who calls and with what.
 * Success statuses are the REST ones; GraphQL only asks whether a success is allowed.
 */
import {
  codePoints,
  fail,
  isCanonicalId,
  isPlainObject,
  type Outcome,
  possibleUserId,
  storable,
  succeed,
  union,
} from './contract.js';
import {
  blockExists,
  type Caller,
  friendCodeOwner,
  type InviteVerb,
  invitePolicyOf,
  isConnectionId,
  type Notes,
  notesIn,
  pairState,
  policyOf,
  subjectOf,
  userExists,
  type World,
} from './world.js';

/** The user a call acts as, or FORBIDDEN when a user token names another user. */
export function acting(caller: Caller, userId: string | null): { target: string } | { refused: Outcome } {
  const target = userId ?? subjectOf(caller);
  if (caller.actor === 'user' && target !== caller.world.alice.id) return { refused: fail('FORBIDDEN') };
  return { target };
}

/** USER_NOT_FOUND (or a validation error for an id no user can have) when the user does not exist. */
export async function missingUser(caller: Caller, clientUserId: string): Promise<Outcome | null> {
  if (!possibleUserId(clientUserId)) return fail('USER_NOT_FOUND', 'VALIDATION_FAILED');
  return (await userExists(caller.world, clientUserId)) ? null : fail('USER_NOT_FOUND');
}

/** Whether every string of a JSON value (keys too) is storable text (jsonb refuses NUL and lone surrogates). */
function storableJson(value: unknown): boolean {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.every(storableJson);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([key, item]) => storable(key) && storableJson(item));
  }
  return true;
}

export type Verdict = 'valid' | 'invalid' | 'either';

/** A call that acts as the user (its settings, marking all read): FORBIDDEN, else the user must exist. */
export async function ruleActAsUser(caller: Caller, userId: string | null): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  return (await missingUser(caller, who.target)) ?? succeed(200);
}

/** Looking a user up acts as no one: any caller of the tenant may name any user (default: itself). */
export async function ruleLookUpUser(caller: Caller, userId: string | null): Promise<Outcome> {
  return (await missingUser(caller, userId ?? subjectOf(caller))) ?? succeed(200);
}

export async function ruleList(caller: Caller, userId: string | null, paging: Verdict): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  if (paging === 'invalid') return fail('VALIDATION_FAILED');
  const listed = (await missingUser(caller, who.target)) ?? succeed(200);
  return paging === 'either' ? union(listed, fail('VALIDATION_FAILED')) : listed;
}

export async function ruleUpsert(caller: Caller, userId: string | null, displayName: string): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const name = displayName.trim();
  if (!possibleUserId(who.target)) return fail('VALIDATION_FAILED');
  if (name.length === 0 || codePoints(name) > 64 || !storable(name)) return fail('VALIDATION_FAILED');
  return (await userExists(caller.world, who.target)) ? succeed(200) : succeed(201);
}

/** The message a request stores: trimmed, null when blank; or a validation error. */
function normalizedMessage(message: string | null): { value: string | null } | { refused: Outcome } {
  const trimmed = message?.trim();
  if (!trimmed) return { value: null };
  if (codePoints(trimmed) > 500 || !storable(trimmed)) return { refused: fail('VALIDATION_FAILED') };
  return { value: trimmed };
}

/**
 * Sending a request, to `receiverId` or to the user whose friend code is `friendCode` (the
 * arguments as the domain gets them): FORBIDDEN first; then exactly one of the two; the message
 * (see normalizedMessage) and oneself by id (which of the two comes first is not documented);
 * a friend code's form; all before any user is read. Then a friend code is looked up
 * (FRIEND_CODE_NOT_FOUND before the sender is read); the sender and the receiver must exist;
 * oneself by code; connected, or a request pending either way; a block (the sender's:
 * USER_BLOCKED; the receiver's: the privacy answer) and the receiver's setting.
 */
export async function ruleSend(
  caller: Caller,
  userId: string | null,
  input: { receiverId: string | null; friendCode: string | null; message: string | null },
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const { receiverId, friendCode } = input;
  if ((receiverId === null) === (friendCode === null)) return fail('VALIDATION_FAILED');
  const normalized = normalizedMessage(input.message);
  const self = receiverId === who.target ? fail('CANNOT_CONNECT_TO_SELF') : null;
  if ('refused' in normalized) return self ? union(normalized.refused, self) : normalized.refused;
  if (self) return self;
  let receiver = receiverId;
  if (friendCode !== null) {
    const code = parseFriendCode(friendCode);
    if (code === null) return fail('VALIDATION_FAILED');
    receiver = await friendCodeOwner(caller.world, code);
    if (receiver === null) return fail('FRIEND_CODE_NOT_FOUND');
  }
  const missing = (await missingUser(caller, who.target)) ?? (await missingUser(caller, receiver as string));
  if (missing) return missing;
  if (receiver === who.target) return fail('CANNOT_CONNECT_TO_SELF');
  return mayRequest(caller.world, who.target, receiver as string);
}

/** Whether a sender may ask a receiver, both users of the tenant (the checks after both were read). */
async function mayRequest(world: World, sender: string, receiver: string): Promise<Outcome> {
  const state = await pairState(world, sender, receiver);
  if (state.connected) return fail('ALREADY_CONNECTED');
  if (state.pending) return fail('REQUEST_ALREADY_PENDING');
  if (await blockExists(world, sender, receiver)) return fail('USER_BLOCKED');
  if (await blockExists(world, receiver, sender)) return fail('REQUESTS_NOT_ACCEPTED');
  const policy = await policyOf(world, receiver);
  if (policy === 'nobody') return fail('REQUESTS_NOT_ACCEPTED');
  // Friends of friends: whether the two share a connection is not modelled.
  return policy === 'friends_of_friends' ? union(succeed(201), fail('REQUESTS_NOT_ACCEPTED')) : succeed(201);
}

// Friend codes (beyond the documented API)

export const FRIEND_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/**
 * A friend code as typed (any case, dashes and white space anywhere ignored) as the 8
 * characters it stands for, or null when it cannot be a code. As the server reads it: upper-cased
 * before it is checked, so that a letter whose upper case is one of the code's counts as that one
 * (`ſ` as S) and a ligature as its letters (`ﬀ` as FF: `ﬀﬀ-ﬀﬀ` is the code FFFF-FFFF).
 */
export function parseFriendCode(typed: string): string | null {
  const written = typed.replace(/[\s-]/g, '');
  const code = /^[A-Za-z0-9]*$/.test(written) ? written.toUpperCase() : '';
  return code.length === 8 && [...code].every((c) => FRIEND_CODE_ALPHABET.includes(c)) ? code : null;
}

type IdKind = 'request' | 'connection' | 'notification';
const NOT_FOUND_OF: Record<IdKind, string> = {
  request: 'CONNECTION_REQUEST_NOT_FOUND',
  connection: 'CONNECTION_NOT_FOUND',
  notification: 'NOTIFICATION_NOT_FOUND',
};

/** The rules shared by the calls on one id: FORBIDDEN, then not found for ids no row can have. */
async function idGate(
  caller: Caller,
  userId: string | null,
  kind: IdKind,
  id: string,
): Promise<{ target: string } | { refused: Outcome }> {
  const who = acting(caller, userId);
  if ('refused' in who) return who;
  const notFound = NOT_FOUND_OF[kind];
  // Which of "no such user" and "no such id" comes first is not documented: both are 404s.
  const idUnknown = isCanonicalId(id) ? fail(notFound) : fail(notFound, 'VALIDATION_FAILED');
  const missing = await missingUser(caller, who.target);
  if (missing) return { refused: union(missing, idUnknown) };
  return who;
}

export async function ruleAnswer(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
  const gate = await idGate(caller, userId, 'request', id);
  if ('refused' in gate) return gate.refused;
  const { world } = caller;
  if (id === world.requestIn) {
    if (gate.target !== world.alice.id) return fail('NOT_REQUEST_RECEIVER');
    return world.state.requestInPending ? succeed(200) : fail('REQUEST_ALREADY_PROCESSED');
  }
  if (id === world.requestOut) {
    // dave receives it (a service token may act as him); alice, its sender, cannot answer it.
    if (gate.target !== world.dave.id) return fail('NOT_REQUEST_RECEIVER');
    return world.state.requestOutPending ? succeed(200) : fail('REQUEST_ALREADY_PROCESSED');
  }
  return isCanonicalId(id)
    ? fail('CONNECTION_REQUEST_NOT_FOUND')
    : fail('CONNECTION_REQUEST_NOT_FOUND', 'VALIDATION_FAILED');
}

export async function ruleRead(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
  const gate = await idGate(caller, userId, 'notification', id);
  if ('refused' in gate) return gate.refused;
  const { world } = caller;
  const own =
    (id === world.notification && gate.target === world.alice.id) ||
    (id === world.notificationOther && gate.target === world.dave.id);
  if (own && world.state.notifications.has(id)) return succeed(200);
  return isCanonicalId(id) ? fail('NOTIFICATION_NOT_FOUND') : fail('NOTIFICATION_NOT_FOUND', 'VALIDATION_FAILED');
}

export async function ruleRemove(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
  const gate = await idGate(caller, userId, 'connection', id);
  if ('refused' in gate) return gate.refused;
  const { world } = caller;
  const mine =
    (id === world.connection && [world.alice.id, world.carol.id].includes(gate.target)) ||
    (id === world.connectionOther && [world.bob.id, world.erin.id].includes(gate.target));
  if (mine && world.state.connections.has(id)) return succeed(200);
  return isCanonicalId(id) ? fail('CONNECTION_NOT_FOUND') : fail('CONNECTION_NOT_FOUND', 'VALIDATION_FAILED');
}

// Beyond the documented API: withdrawing a request, deleting a notification, blocks, settings
// and batch relationship status.

/** Only the sender may withdraw a request, and only while it is pending (the id checked first). */
export async function ruleCancel(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
  const gate = await idGate(caller, userId, 'request', id);
  if ('refused' in gate) return gate.refused;
  const { world } = caller;
  const known = [
    { id: world.requestIn, sender: world.bob.id, pending: world.state.requestInPending },
    { id: world.requestOut, sender: world.alice.id, pending: world.state.requestOutPending },
  ].find((request) => request.id === id);
  if (known) {
    if (gate.target !== known.sender) return fail('NOT_REQUEST_SENDER');
    return known.pending ? succeed(200) : fail('REQUEST_ALREADY_PROCESSED');
  }
  return isCanonicalId(id)
    ? fail('CONNECTION_REQUEST_NOT_FOUND')
    : fail('CONNECTION_REQUEST_NOT_FOUND', 'VALIDATION_FAILED');
}

/** A notification may be deleted by its user, once. */
export async function ruleDeleteNotification(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
  return ruleRead(caller, userId, id);
}

/** Blocking: oneself is refused before anything is read; both users must exist; 201 when new. */
export async function ruleBlock(caller: Caller, userId: string | null, otherId: string): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  if (otherId === who.target) return fail('CANNOT_BLOCK_SELF');
  const missing = (await missingUser(caller, who.target)) ?? (await missingUser(caller, otherId));
  if (missing) return missing;
  return (await blockExists(caller.world, who.target, otherId)) ? succeed(200) : succeed(201);
}

/** Unblocking: both users must exist, and the block (BLOCK_NOT_FOUND, also for oneself). */
export async function ruleUnblock(caller: Caller, userId: string | null, otherId: string): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const missing = (await missingUser(caller, who.target)) ?? (await missingUser(caller, otherId));
  if (missing) return missing;
  return (await blockExists(caller.world, who.target, otherId)) ? succeed(200) : fail('BLOCK_NOT_FOUND');
}

const MAX_RELATIONSHIP_IDS = 100;

/** Batch status: 1 to 100 ids (checked before the user is read), of a user that exists. */
export async function ruleRelationships(
  caller: Caller,
  userId: string | null,
  ids: readonly string[],
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  if (ids.length === 0 || ids.length > MAX_RELATIONSHIP_IDS) return fail('VALIDATION_FAILED');
  return (await missingUser(caller, who.target)) ?? succeed(200);
}

export const REQUEST_POLICIES = ['everyone', 'friends_of_friends', 'nobody'];
/** Who sees a user's presence (`share_presence`, beyond the documented API). */
export const PRESENCE_SHARING = ['connections', 'nobody'];
/** Who may invite a user to play (`accept_invites_from`, beyond the documented API). */
export const INVITE_POLICIES = ['connections', 'nobody'];

/**
 * Settings: FORBIDDEN first, then at least one of the three settings (checked before the user is
 * read), then the user must exist.
 */
export async function ruleUpdateSettings(
  caller: Caller,
  userId: string | null,
  changes: { acceptRequestsFrom: unknown; sharePresence: unknown; acceptInvitesFrom: unknown },
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  if (changes.acceptRequestsFrom == null && changes.sharePresence == null && changes.acceptInvitesFrom == null) {
    return fail('VALIDATION_FAILED');
  }
  return (await missingUser(caller, who.target)) ?? succeed(200);
}

// Presence (beyond the documented API)

/** A user's presence status, as REST spells it (GraphQL's `PresenceStatus` upper-cased). */
export const PRESENCE_STATUSES = ['online', 'away', 'busy', 'invisible', 'offline'];
export const MAX_ACTIVITY_LENGTH = 128;
export const MAX_JOIN_INFO_BYTES = 1024;
export const MAX_PRESENCE_TTL_SECONDS = 86_400;

/**
 * Setting a presence (the arguments as the domain gets them, the status already one of the
 * enum's): FORBIDDEN first, then the activity (at most 128 characters, storable; empty is none),
 * the join info (a JSON object of at most 1 KB as JSON, every string storable) and the time to live (1 to 86,400
 * seconds), all before the user is read; then the user must exist.
 */
export async function rulePresence(
  caller: Caller,
  userId: string | null,
  input: { activity: unknown; joinInfo: unknown; expiresInSeconds: unknown },
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const { activity, joinInfo, expiresInSeconds: ttl } = input;
  if (typeof activity === 'string' && (codePoints(activity) > MAX_ACTIVITY_LENGTH || !storable(activity))) {
    return fail('VALIDATION_FAILED');
  }
  if (joinInfo != null) {
    if (typeof joinInfo !== 'object' || Array.isArray(joinInfo)) return fail('VALIDATION_FAILED');
    if (Buffer.byteLength(JSON.stringify(joinInfo)) > MAX_JOIN_INFO_BYTES) return fail('VALIDATION_FAILED');
    if (!storableJson(joinInfo)) return fail('VALIDATION_FAILED');
  }
  if (ttl != null && (!Number.isInteger(ttl) || (ttl as number) < 1 || (ttl as number) > MAX_PRESENCE_TTL_SECONDS)) {
    return fail('VALIDATION_FAILED');
  }
  return (await missingUser(caller, who.target)) ?? succeed(200);
}

/**
 * The presence a successful set answers with, as the user itself sees it (REST spelling): what
 * was set (an empty activity is none), but all of it dropped by `offline`; last seen now (or, for
 * `offline` and `invisible`, whenever it was: some time or never).
 */
export function presenceAnswered(input: { status: string; activity: unknown; joinInfo: unknown }) {
  if (input.status === 'offline') return { status: 'offline', activity: null, join_info: null };
  return {
    status: input.status,
    activity: typeof input.activity === 'string' && input.activity !== '' ? input.activity : null,
    join_info: input.joinInfo ?? null,
  };
}

/** Whether a filter of connections by presence is valid (`online`, in any case, or none). */
export function presenceFilterVerdict(raw: string | null): Verdict {
  if (raw === null || raw === '') return 'valid';
  return raw.toLowerCase() === 'online' ? 'valid' : 'invalid';
}

/**
 * How the acting user stands with each id, from what the world holds (status reads change
 * nothing): unknown ids, the user itself and a user who blocks the user are all `none`.
 */
export function expectedRelationships(world: World, target: string, ids: readonly string[]) {
  const { alice, bob, carol, dave, erin, frank, gina, state } = world;
  type Entry = [string, string, Record<string, unknown>, boolean];
  const entries: Entry[] = [
    [alice.id, carol.id, { status: 'connected', connection_id: Number(world.connection) }, true],
    [bob.id, erin.id, { status: 'connected', connection_id: Number(world.connectionOther) }, true],
    [alice.id, bob.id, { status: 'request_received', request_id: Number(world.requestIn) }, state.requestInPending],
    [bob.id, alice.id, { status: 'request_sent', request_id: Number(world.requestIn) }, state.requestInPending],
    [alice.id, dave.id, { status: 'request_sent', request_id: Number(world.requestOut) }, state.requestOutPending],
    [alice.id, frank.id, { status: 'blocked' }, true],
    // The same, as the other user of each pair reads it (a player search may act as any of them).
    [carol.id, alice.id, { status: 'connected', connection_id: Number(world.connection) }, true],
    [erin.id, bob.id, { status: 'connected', connection_id: Number(world.connectionOther) }, true],
    [dave.id, alice.id, { status: 'request_received', request_id: Number(world.requestOut) }, state.requestOutPending],
    [gina.id, alice.id, { status: 'blocked' }, true],
  ];
  const holds = (entry: Entry) =>
    entry[3] && (entry[2].connection_id === undefined || state.connections.has(String(entry[2].connection_id)));
  const known = new Map(entries.filter(holds).map(([a, b, relationship]) => [`${a}\u0000${b}`, relationship]));
  return ids.map((id) => ({ user_id: id, ...(known.get(`${target}\u0000${id}`) ?? { status: 'none' }) }));
}

// ---------------------------------------------------------------------------------------------
// Page parameters as the REST paths take them (`page`, `per_page`: decimal integers), status
// filters and booleans.
// ---------------------------------------------------------------------------------------------

export type IntParam =
  | { kind: 'absent' }
  | { kind: 'int'; value: number }
  | { kind: 'invalid' }
  | { kind: 'ambiguous' };

export function intParam(raw: string | null): IntParam {
  if (raw === null || raw === '') return { kind: 'absent' };
  if (/^-?(0|[1-9]\d*)$/.test(raw) && raw !== '-0') return { kind: 'int', value: Number(raw) };
  // Leading zeros and "-0" name an integer to some parsers and not to others: not documented.
  if (/^-?\d+$/.test(raw)) return { kind: 'ambiguous' };
  return { kind: 'invalid' };
}

export const MAX_INT = 2 ** 31 - 1;

/** Whether page-number arguments are valid; `either` where the documented rules do not settle it. */
export function pagingVerdict(page: IntParam, perPage: IntParam, defaultPerPage: number): Verdict {
  if (page.kind === 'invalid' || perPage.kind === 'invalid') return 'invalid';
  if (perPage.kind === 'int' && (perPage.value < 1 || perPage.value > 50)) return 'invalid';
  if (page.kind === 'int' && (page.value < 1 || page.value > MAX_INT)) return 'invalid';
  if (page.kind === 'ambiguous' || perPage.kind === 'ambiguous') return 'either';
  const pageNumber = page.kind === 'int' ? page.value : 1;
  const size = perPage.kind === 'int' ? perPage.value : defaultPerPage;
  // Deep pages may be refused as too large; the README sets no bound, so both are accepted.
  if ((pageNumber - 1) * size > 1_000_000_000) return 'either';
  return 'valid';
}

export function combine(...verdicts: Verdict[]): Verdict {
  if (verdicts.includes('invalid')) return 'invalid';
  return verdicts.includes('either') ? 'either' : 'valid';
}

export function statusVerdict(raw: string | null): Verdict {
  if (raw === null || raw === '') return 'valid';
  // `cancelled` and `expired` are beyond the documented API (withdrawn and expired requests).
  return ['pending', 'accepted', 'declined', 'cancelled', 'expired', 'all'].includes(raw.toLowerCase())
    ? 'valid'
    : 'invalid';
}

/** Whether an invite list's `direction` is valid: `received` or `sent` in any case, or none. */
export function directionVerdict(raw: string | null): Verdict {
  if (raw === null || raw === '') return 'valid';
  return ['received', 'sent'].includes(raw.toLowerCase()) ? 'valid' : 'invalid';
}

export function booleanVerdict(raw: string | null): Verdict {
  if (raw === null || raw === '') return 'valid';
  return ['true', 'false', '1', '0'].includes(raw.toLowerCase()) ? 'valid' : 'invalid';
}

// Mutual connections and suggestions (beyond the documented API)

/** Mutual connections: a list of the acting user's, with another user that must exist and differ. */
export async function ruleMutual(
  caller: Caller,
  userId: string | null,
  otherUserId: string,
  paging: Verdict,
): Promise<Outcome> {
  const listed = await ruleList(caller, userId, paging);
  if (listed.success.length === 0) return listed;
  const target = userId ?? subjectOf(caller);
  const other =
    otherUserId === target ? fail('VALIDATION_FAILED') : ((await missingUser(caller, otherUserId)) ?? succeed(200));
  return paging === 'either' ? union(other, fail('VALIDATION_FAILED')) : other;
}

// The game's own notifications (beyond the documented API)

export const MAX_GAME_RECIPIENTS = 1000;
export const MAX_GAME_PAYLOAD_BYTES = 4096;
export const GAME_TYPE = /^game\.[a-z0-9_.-]{1,64}$/;

/**
 * Sending a game notification (the arguments as the domain gets them): a service token only
 * (SERVICE_TOKEN_REQUIRED), then 1 to 1,000 recipients, each once; the type `game.<name>`; a
 * message of 1 to 500 characters once trimmed, storable; a payload (a JSON object) of at most
 * 4 KB as JSON, every string storable; an expiry of 10 s to 30 days; all before any user is
 * read; then every recipient must exist (the first missing one fails the call).
 */
export async function ruleGameNotification(
  caller: Caller,
  input: { userIds: readonly string[]; type: unknown; message: unknown; payload: unknown; expiresInSeconds: unknown },
): Promise<Outcome> {
  if (caller.actor !== 'service') return fail('SERVICE_TOKEN_REQUIRED');
  const { userIds, type, payload, expiresInSeconds: ttl } = input;
  if (userIds.length < 1 || userIds.length > MAX_GAME_RECIPIENTS || new Set(userIds).size !== userIds.length) {
    return fail('VALIDATION_FAILED');
  }
  if (typeof type !== 'string' || !GAME_TYPE.test(type)) return fail('VALIDATION_FAILED');
  const message = typeof input.message === 'string' ? input.message.trim() : '';
  if (!message || codePoints(message) > 500 || !storable(message)) return fail('VALIDATION_FAILED');
  if (payload != null) {
    if (typeof payload !== 'object' || Array.isArray(payload)) return fail('VALIDATION_FAILED');
    if (Buffer.byteLength(JSON.stringify(payload)) > MAX_GAME_PAYLOAD_BYTES) return fail('VALIDATION_FAILED');
    if (!storableJson(payload)) return fail('VALIDATION_FAILED');
  }
  if (ttl != null && (!Number.isInteger(ttl) || (ttl as number) < 10 || (ttl as number) > 30 * 24 * 3600)) {
    return fail('VALIDATION_FAILED');
  }
  for (const id of userIds) {
    const missing = await missingUser(caller, id);
    if (missing) return missing;
  }
  return succeed(201);
}

// Invites (beyond the documented API)

export const MAX_INVITE_RECEIVERS = 20;
export const MIN_INVITE_EXPIRY_SECONDS = 10;
export const MAX_INVITE_EXPIRY_SECONDS = 86_400;
export const DEFAULT_INVITE_EXPIRY_SECONDS = 300;

/**
 * Sending an invite (the arguments as the domain gets them): FORBIDDEN first; then 1 to 20
 * receivers, each once; the sender among them is CANNOT_INVITE_SELF; a message of at most 500
 * characters once trimmed, storable (blank is none); join info, required, a JSON object of at
 * most 1 KB as JSON, every string storable; an expiry of 10 s to 24 h; all before any user is
 * read. Then the sender must exist, and every receiver (the first missing one, an id no user can
 * have included, is USER_NOT_FOUND); then every receiver must be a connection of the sender (a
 * block either way ends it) taking invites, else the first that is not fails the whole call
 * with INVITES_NOT_ACCEPTED.
 */
export async function ruleSendInvite(
  caller: Caller,
  userId: string | null,
  input: { receiverIds: readonly string[]; message: unknown; joinInfo: unknown; expiresInSeconds: unknown },
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const { receiverIds, joinInfo, expiresInSeconds: ttl } = input;
  if (
    receiverIds.length < 1 ||
    receiverIds.length > MAX_INVITE_RECEIVERS ||
    new Set(receiverIds).size !== receiverIds.length
  ) {
    return fail('VALIDATION_FAILED');
  }
  if (receiverIds.includes(who.target)) return fail('CANNOT_INVITE_SELF');
  const message = normalizedMessage(typeof input.message === 'string' ? input.message : null);
  if ('refused' in message) return message.refused;
  if (!isPlainObject(joinInfo)) return fail('VALIDATION_FAILED');
  if (Buffer.byteLength(JSON.stringify(joinInfo)) > MAX_JOIN_INFO_BYTES) return fail('VALIDATION_FAILED');
  if (!storableJson(joinInfo)) return fail('VALIDATION_FAILED');
  if (
    ttl != null &&
    (!Number.isInteger(ttl) ||
      (ttl as number) < MIN_INVITE_EXPIRY_SECONDS ||
      (ttl as number) > MAX_INVITE_EXPIRY_SECONDS)
  ) {
    return fail('VALIDATION_FAILED');
  }
  const missing = await missingUser(caller, who.target);
  if (missing) return missing;
  for (const id of receiverIds) {
    if (!(await userExists(caller.world, id))) return fail('USER_NOT_FOUND');
  }
  for (const id of receiverIds) {
    const { connected } = await pairState(caller.world, who.target, id);
    if (!connected || (await invitePolicyOf(caller.world, id)) === 'nobody') return fail('INVITES_NOT_ACCEPTED');
  }
  return succeed(201);
}

/**
 * Accepting, declining or withdrawing an invite: FORBIDDEN first; then the acting user must exist
 * and the invite must be one it sent or received (any other id, malformed, unknown, of another
 * kind or someone else's, is INVITE_NOT_FOUND; which of the two 404s comes first for a missing
 * user is not documented); only its receiver answers it (NOT_INVITE_RECEIVER) and only its sender
 * withdraws it (NOT_INVITE_SENDER); and only while it is pending: INVITE_EXPIRED past its expiry,
 * else INVITE_ALREADY_ANSWERED.
 */
export async function ruleInviteAction(
  caller: Caller,
  userId: string | null,
  id: string,
  verb: InviteVerb,
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const invite = caller.world.state.invites.get(id);
  const missing = await missingUser(caller, who.target);
  if (missing) return invite ? missing : union(missing, fail('INVITE_NOT_FOUND'));
  if (!invite || (who.target !== invite.sender && who.target !== invite.receiver)) return fail('INVITE_NOT_FOUND');
  if (verb === 'cancel' && who.target !== invite.sender) return fail('NOT_INVITE_SENDER');
  if (verb !== 'cancel' && who.target !== invite.receiver) return fail('NOT_INVITE_RECEIVER');
  if (invite.status === 'expired') return fail('INVITE_EXPIRED');
  return invite.status === 'pending' ? succeed(200) : fail('INVITE_ALREADY_ANSWERED');
}

/** The world's invites a user's list holds (in no particular order): those it received or sent, in one status or all. */
export function expectedInvites(world: World, userId: string, direction: string, status: string) {
  return [...world.state.invites.entries()]
    .filter(([, invite]) => (direction === 'sent' ? invite.sender : invite.receiver) === userId)
    .filter(([, invite]) => status === 'all' || invite.status === status)
    .map(([id, invite]) => ({ id, ...invite }));
}

// Player search (beyond the documented API)

export const MIN_SEARCH_QUERY_LENGTH = 2;
export const MAX_SEARCH_QUERY_LENGTH = 64;
export const SEARCH_PER_PAGE = 20;
/** From this many characters (of the query as names are spelled for search) names within a typo are found too. */
export const FUZZY_SEARCH_FROM = 4;

/** Whether a search text is valid: 2 to 64 characters once trimmed, no NUL, no unpaired surrogate. */
export function searchQueryValid(query: string): boolean {
  const trimmed = query.trim();
  const length = codePoints(trimmed);
  // Accents are not counted towards the least length (a query of accents alone matches nothing).
  const unaccented = codePoints(trimmed.normalize('NFD').replace(/\p{M}/gu, ''));
  return unaccented >= MIN_SEARCH_QUERY_LENGTH && length <= MAX_SEARCH_QUERY_LENGTH && storable(trimmed);
}

/**
 * Searching players (the arguments as the domain gets them): FORBIDDEN first (a user token naming
 * another searcher); then the query (see searchQueryValid); then the page arguments; all before
 * the searcher is read. A service token naming no searcher searches as no one (no user to read).
 */
export async function ruleSearch(
  caller: Caller,
  userId: string | null,
  query: string,
  paging: Verdict,
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  if (!searchQueryValid(query)) return fail('VALIDATION_FAILED');
  if (paging === 'invalid') return fail('VALIDATION_FAILED');
  const asNoOne = caller.actor === 'service' && userId === null;
  const found = asNoOne ? succeed(200) : ((await missingUser(caller, who.target)) ?? succeed(200));
  return paging === 'either' ? union(found, fail('VALIDATION_FAILED')) : found;
}

/** Letters that unaccent spells out with others (or as another letter), not by dropping a mark. */
const SPELLED_OUT: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
};

/**
 * A name as player search spells it, lower case and without accents (`lower(unaccent(…))`), for
 * the names the tests give players: Latin letters with diacritics and the letters above, digits,
 * punctuation, and other scripts (no final sigma), which only lose their case and accents.
 */
export function searchSpelling(name: string): string {
  return [...name]
    .map((c) => SPELLED_OUT[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}

/**
 * Whether searchSpelling is known to spell `text` as the database does: printable ASCII, Latin
 * letters whose accents are marks, and the letters above.
 */
export function spelledByModel(text: string): boolean {
  return [...text].every(
    (c) => c in SPELLED_OUT || /^[\u0020-\u007e]*$/.test(c.normalize('NFD').replace(/[\u0300-\u036f]/g, '')),
  );
}

const isAlphanumeric = (c: string | undefined) => c !== undefined && /^[\p{L}\p{N}]$/u.test(c);

/**
 * How well a name (as spelled for search) matches a search text (spelled the same way): 0 it
 * starts with it, 1 a word of it does (after a character that is no letter or digit), 2 it holds
 * it elsewhere, 3 it does not hold it (found within a typo, for texts of 4 characters or more).
 */
export function searchRank(spelled: string, text: string): 0 | 1 | 2 | 3 {
  if (spelled.startsWith(text)) return 0;
  const chars = [...spelled];
  for (let i = 1; i < chars.length; i++) {
    if (!isAlphanumeric(chars[i - 1]) && chars.slice(i).join('').startsWith(text)) return 1;
  }
  return spelled.includes(text) ? 2 : 3;
}

/**
 * How a searching user stands with a user found, as the REST answer spells it: what the world
 * holds (see expectedRelationships: a user who blocks the searcher reads `none`), or null when a
 * service token searches as no one.
 */
export function searchRelationship(world: World, searcher: string | null, found: string) {
  if (searcher === null) return null;
  const [known] = expectedRelationships(world, searcher, [found]);
  const { status, connection_id = null, request_id = null } = known as Record<string, unknown>;
  return { status, connection_id, request_id };
}

// Nicknames, notes and favourites (beyond the documented API)

export const MAX_NICKNAME_LENGTH = 32;
export const MAX_NOTE_LENGTH = 256;

/**
 * A nickname or note as stored: trimmed, null when blank (or null); refused when longer than its
 * limit, not storable, or (a nickname, shown on one line) holding a control character.
 */
export function privateText(field: 'nickname' | 'note', value: string | null): { value: string | null } | null {
  const trimmed = value?.trim();
  if (!trimmed) return { value: null };
  const max = field === 'nickname' ? MAX_NICKNAME_LENGTH : MAX_NOTE_LENGTH;
  if (codePoints(trimmed) > max || !storable(trimmed)) return null;
  if (field === 'nickname' && /[\p{Cc}\p{Zl}\p{Zp}\u202A-\u202E\u2066-\u2069]/u.test(trimmed)) return null;
  return { value: trimmed };
}

/** A change of what a user keeps about a connection: each left out (undefined), cleared (null or "") or given. */
export interface NotesInput {
  nickname?: string | null | undefined;
  note?: string | null | undefined;
  favorite?: boolean | null | undefined;
}

/**
 * Setting a nickname, note or star (the arguments as the domain gets them): FORBIDDEN first;
 * then an id that names no connection of the database at all is CONNECTION_NOT_FOUND; the
 * nickname and the note (see privateText), and at least one of the three, all before the user
 * is read; then the user must exist and be a side of the connection (else CONNECTION_NOT_FOUND).
 */
export async function ruleUpdateConnection(
  caller: Caller,
  userId: string | null,
  id: string,
  input: NotesInput,
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const { world } = caller;
  if (!isConnectionId(world, id)) return fail('CONNECTION_NOT_FOUND');
  if (input.nickname !== undefined && privateText('nickname', input.nickname) === null)
    return fail('VALIDATION_FAILED');
  if (input.note !== undefined && privateText('note', input.note) === null) return fail('VALIDATION_FAILED');
  if (input.nickname === undefined && input.note === undefined && input.favorite == null) {
    return fail('VALIDATION_FAILED');
  }
  const missing = await missingUser(caller, who.target);
  if (missing) return missing;
  return sideOf(world, who.target, id) && world.state.connections.has(id) ? succeed(200) : fail('CONNECTION_NOT_FOUND');
}

/** Whether a user is a side of one of the world's connections. */
export function sideOf(world: World, userId: string, id: string): boolean {
  return (
    (id === world.connection && [world.alice.id, world.carol.id].includes(userId)) ||
    (id === world.connectionOther && [world.bob.id, world.erin.id].includes(userId))
  );
}

/** What a successful change leaves the user keeping: the model's notes with the change (trimmed) applied. */
export function notesAfter(world: World, userId: string, id: string, input: NotesInput): Notes {
  const before = notesIn(world, userId, id);
  const text = (field: 'nickname' | 'note') => {
    const value = input[field];
    return value === undefined ? before[field] : (privateText(field, value)?.value ?? null);
  };
  return { nickname: text('nickname'), note: text('note'), favorite: input.favorite ?? before.favorite };
}

/** Whether a connection list's `sort` is valid: `newest` or `favorites` in any case, or none. */
export function sortVerdict(raw: string | null): Verdict {
  if (raw === null || raw === '') return 'valid';
  return ['newest', 'favorites'].includes(raw.toLowerCase()) ? 'valid' : 'invalid';
}

// Recent players (beyond the documented API)

export const MIN_MATCH_PLAYERS = 2;
export const MAX_MATCH_PLAYERS = 100;
export const MAX_CONTEXT_LENGTH = 128;
export const RECENT_PLAYERS_PER_PAGE = 20;

/**
 * Recording who played together (the arguments as the domain gets them): a service token only
 * (MATCH_RECORDING_SERVICE_ONLY); 2 to 100 players; then each in order: an id no user can have
 * is USER_NOT_FOUND, one listed before is a validation error; the context (at most 128
 * characters once trimmed, storable; blank is none); all before any user is read. Then every
 * player must exist (the first missing one fails the call).
 */
export async function ruleRecordRecentPlayers(
  caller: Caller,
  input: { players: readonly string[]; context: unknown },
): Promise<Outcome> {
  if (caller.actor !== 'service') return fail('MATCH_RECORDING_SERVICE_ONLY');
  const { players } = input;
  if (players.length < MIN_MATCH_PLAYERS || players.length > MAX_MATCH_PLAYERS) return fail('VALIDATION_FAILED');
  const seen = new Set<string>();
  for (const player of players) {
    if (!possibleUserId(player)) return fail('USER_NOT_FOUND');
    if (seen.has(player)) return fail('VALIDATION_FAILED');
    seen.add(player);
  }
  const context = typeof input.context === 'string' ? input.context.trim() : '';
  if (context && (codePoints(context) > MAX_CONTEXT_LENGTH || !storable(context))) return fail('VALIDATION_FAILED');
  for (const player of players) {
    if (!(await userExists(caller.world, player))) return fail('USER_NOT_FOUND');
  }
  return succeed(201);
}

/**
 * A user's recent players, as the REST list answers them, from the world's one match (nothing
 * else records one where this is read): the others of the match, most recent first (one match:
 * the latest made user first), without those with a block either way, each with how the user
 * stands with them.
 */
export async function expectedRecentPlayers(world: World, userId: string) {
  if (!world.match.includes(userId)) return [];
  const others = world.match.filter((id) => id !== userId).reverse();
  const listed = [];
  for (const id of others) {
    if ((await blockExists(world, userId, id)) || (await blockExists(world, id, userId))) continue;
    const [known] = expectedRelationships(world, userId, [id]);
    const { status, connection_id = null, request_id = null } = known as Record<string, unknown>;
    listed.push({ client_user_id: id, context: 'match-8841', relationship: { status, connection_id, request_id } });
  }
  return listed;
}
