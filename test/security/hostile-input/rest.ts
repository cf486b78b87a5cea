/**
 * The REST routes the properties drive, requests as they send them, and the rules of the REST
 * shim that come before the domain's: the size limits, the path and the caller before the body,
 * then the JSON body itself.
 */
import { routes as gatewayRoutes } from '../../../src/rest/routes.js';
import {
  ANY_BODY_LIMIT,
  asStored,
  declineBodyRefusal,
  fail,
  isPlainObject,
  type Outcome,
  parseJson,
  REST_BODY_LIMIT,
  union,
} from './contract.js';
import { type ContentType, isJsonContentType, type Segment } from './generators.js';
import {
  acting,
  INVITE_POLICIES,
  type IntParam,
  intParam,
  MAX_INT,
  PRESENCE_SHARING,
  PRESENCE_STATUSES,
  pagingVerdict,
  REQUEST_POLICIES,
  ruleGameNotification,
  ruleInviteAction,
  rulePresence,
  ruleRecordRecentPlayers,
  ruleRelationships,
  ruleSearch,
  ruleSend,
  ruleSendInvite,
  ruleUpdateConnection,
  ruleUpdateSettings,
  ruleUpsert,
  SEARCH_PER_PAGE,
  type Verdict,
} from './rules.js';
import type { Caller, InviteVerb } from './world.js';

/** The REST routes the hostile-input tests drive, as the gateway's route table names them. */
export const REST_ROUTES = [
  'GET /v1/users/:userId',
  'PUT /v1/users/:userId',
  'POST /v1/connections/:userId/request',
  'POST /v1/connections/:userId/accept/:requestId',
  'POST /v1/connections/:userId/decline/:requestId',
  'GET /v1/connections/:userId/sent',
  'GET /v1/connections/:userId/received',
  'GET /v1/connections/:userId/active',
  'GET /v1/connections/:userId/notifications',
  'POST /v1/connections/:userId/notifications/:notificationId/read',
  'DELETE /v1/connections/:userId/:connectionId',
  // Cancel, mark all read, delete a notification (beyond the documented API)
  'POST /v1/connections/:userId/cancel/:requestId',
  'POST /v1/connections/:userId/notifications/read',
  'DELETE /v1/connections/:userId/notifications/:notificationId',
  // Blocks, settings and batch status (beyond the documented API)
  'GET /v1/users/:userId/settings',
  'PUT /v1/users/:userId/settings',
  'GET /v1/users/:userId/blocked',
  'PUT /v1/users/:userId/blocked/:otherUserId',
  'DELETE /v1/users/:userId/blocked/:otherUserId',
  'POST /v1/connections/:userId/status',
  // Mutual connections and suggestions (beyond the documented API)
  'GET /v1/connections/:userId/mutual/:otherId',
  'GET /v1/connections/:userId/suggestions',
  // Presence (beyond the documented API)
  'GET /v1/users/:userId/presence',
  'PUT /v1/users/:userId/presence',
  // The game's own notifications (beyond the documented API)
  'POST /v1/users/:userId/notifications',
  'POST /v1/notifications',
  // Invites (beyond the documented API)
  'POST /v1/connections/:userId/invites',
  'GET /v1/connections/:userId/invites',
  'POST /v1/connections/:userId/invites/:inviteId/accept',
  'POST /v1/connections/:userId/invites/:inviteId/decline',
  'POST /v1/connections/:userId/invites/:inviteId/cancel',
  // Player search (beyond the documented API)
  'GET /v1/users',
  // Friend codes, nicknames and favourites, recent players (beyond the documented API)
  'GET /v1/users/:userId/friend-code',
  'POST /v1/users/:userId/friend-code/rotate',
  'PATCH /v1/connections/:userId/:connectionId',
  'POST /v1/recent-players',
  'GET /v1/users/:userId/recent-players',
];

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export interface Call {
  method: string;
  path: string;
  token?: string | null;
  body?: string | undefined;
  contentType?: ContentType | undefined;
  headers?: Record<string, string>;
}

/** A description of a request for failure messages (bodies shortened). */
export function describeCall(request: Call) {
  return {
    method: request.method,
    path: request.path.length > 300 ? `${request.path.slice(0, 300)}…` : request.path,
    contentType: request.contentType,
    body: request.body,
    bodyBytes: request.body === undefined ? 0 : Buffer.byteLength(request.body),
  };
}

/** The route a path would be served by (for the statistics), or `?`. */
export function routeOf(method: string, pathname: string): string {
  const parts = pathname.split('/');
  const matches = gatewayRoutes.filter((route) => {
    const pattern = route.path.split('/');
    return pattern.length === parts.length && pattern.every((p, i) => p.startsWith(':') || p === parts[i]);
  });
  const best = matches
    .filter((route) => route.method === method)
    .sort((a, b) => b.path.split(':').length - a.path.split(':').length)
    .at(-1);
  return best?.path ?? '?';
}

/** The outcome of a JSON body: malformed, not an object, or whatever its fields lead to. */
export async function bodyOutcome(
  body: string,
  type: ContentType,
  onObject: (fields: Record<string, unknown>) => Promise<Outcome>,
): Promise<Outcome> {
  // The server reads the body as UTF-8: lone surrogates arrive as U+FFFD.
  const text = asStored(body);
  let outcome: Outcome;
  if (text.trim() === '') outcome = fail('VALIDATION_FAILED');
  else {
    const parsed = parseJson(text);
    if (!parsed.ok) outcome = fail('INVALID_JSON');
    else if (!isPlainObject(parsed.value)) outcome = fail('VALIDATION_FAILED');
    else outcome = await onObject(parsed.value);
  }
  // The README documents JSON bodies only: another content type may also be refused as such.
  return isJsonContentType(type) ? outcome : union(outcome, fail('VALIDATION_FAILED', 'INVALID_JSON'));
}

/**
 * Size limits, the path (the user's segment and any other) and the caller come before the body
 * (413 over 256 KiB comes first of all).
 */
export function bodyGate(
  caller: Caller,
  user: Segment,
  body: string,
  others: Segment[] = [],
): { refused: Outcome } | { target: string } {
  const bytes = Buffer.byteLength(body);
  if (bytes > ANY_BODY_LIMIT) return { refused: fail('PAYLOAD_TOO_LARGE') };
  if ([user, ...others].some((segment) => segment.value === null)) {
    return { refused: fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND') };
  }
  const who = acting(caller, user.value);
  if ('refused' in who) return who;
  if (bytes > REST_BODY_LIMIT) return { refused: fail('PAYLOAD_TOO_LARGE') };
  return who;
}

export async function expectPut(caller: Caller, user: Segment, body: string, type: ContentType): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const name = fields.display_name;
    if (typeof name !== 'string') return fail('VALIDATION_FAILED');
    return ruleUpsert(caller, gate.target, name);
  });
}

/**
 * POST a request: the body's `receiver_id` or `friend_code`, exactly one of them (null is none;
 * both given is refused whatever their types), then each of the right JSON type (a JSON integer
 * is an id's decimal string), and `message` a string; then the domain's rules (see ruleSend).
 */
export async function expectSend(caller: Caller, user: Segment, body: string, type: ContentType): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    let receiver = fields.receiver_id ?? null;
    const code = fields.friend_code ?? null;
    if ((receiver === null) === (code === null)) return fail('VALIDATION_FAILED');
    if (typeof receiver === 'number' && Number.isInteger(receiver)) receiver = String(receiver);
    if (receiver !== null && typeof receiver !== 'string') return fail('VALIDATION_FAILED');
    if (code !== null && typeof code !== 'string') return fail('VALIDATION_FAILED');
    const message = fields.message;
    if (message != null && typeof message !== 'string') return fail('VALIDATION_FAILED');
    return ruleSend(caller, gate.target, {
      receiverId: receiver as string | null,
      friendCode: code as string | null,
      message: message ?? null,
    });
  });
}

/**
 * Routes that read no body: one sent anyway is ignored, unless it is over the request limit
 * (413 before anything else) or over the REST body limit (413, unless the caller is refused first).
 */
export async function ignoredBody(
  body: string | undefined,
  segments: Segment[],
  rule: () => Promise<Outcome>,
): Promise<Outcome> {
  const bytes = body === undefined ? 0 : Buffer.byteLength(body);
  if (bytes > ANY_BODY_LIMIT) return fail('PAYLOAD_TOO_LARGE');
  if (segments.some((segment) => segment.value === null)) return fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND');
  const expected = await rule();
  return bytes > REST_BODY_LIMIT && !expected.codes.includes('FORBIDDEN')
    ? union(expected, fail('PAYLOAD_TOO_LARGE'))
    : expected;
}

/** A body field the REST shim reads as one of an enum's values (exact lower-case names), or null when left out. */
function enumField(value: unknown, values: readonly string[]): { value: string | null } | { refused: Outcome } {
  if (value === undefined || value === null) return { value: null };
  return typeof value === 'string' && values.includes(value) ? { value } : { refused: fail('VALIDATION_FAILED') };
}

/**
 * PUT settings: each setting (`accept_requests_from`, `share_presence`, `accept_invites_from`) is
 * checked by the REST shim (exact lower-case names, or left out), in order, before the domain asks
 * for at least one and reads the user.
 */
export async function expectSettingsPut(
  caller: Caller,
  user: Segment,
  body: string,
  type: ContentType,
): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const policy = enumField(fields.accept_requests_from, REQUEST_POLICIES);
    if ('refused' in policy) return policy.refused;
    const sharing = enumField(fields.share_presence, PRESENCE_SHARING);
    if ('refused' in sharing) return sharing.refused;
    const invites = enumField(fields.accept_invites_from, INVITE_POLICIES);
    if ('refused' in invites) return invites.refused;
    return ruleUpdateSettings(caller, gate.target, {
      acceptRequestsFrom: policy.value,
      sharePresence: sharing.value,
      acceptInvitesFrom: invites.value,
    });
  });
}

/** A JSON integer as the REST shim takes one (a GraphQL `Int`), null when left out; else refused. */
function integerField(value: unknown): { value: number | null } | { refused: Outcome } {
  if (value === undefined || value === null) return { value: null };
  return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= 2_147_483_647
    ? { value }
    : { refused: fail('VALIDATION_FAILED') };
}

/**
 * PUT presence: the shim reads `status` (required, exact lower-case names), `activity` (a string),
 * `join_info` (a JSON object) and `expires_in_seconds` (an integer), in order; then the domain's
 * rules (see rulePresence).
 */
export async function expectPresencePut(
  caller: Caller,
  user: Segment,
  body: string,
  type: ContentType,
): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const status = fields.status;
    if (typeof status !== 'string' || !PRESENCE_STATUSES.includes(status)) return fail('VALIDATION_FAILED');
    const activity = fields.activity;
    if (activity != null && typeof activity !== 'string') return fail('VALIDATION_FAILED');
    const joinInfo = fields.join_info;
    if (joinInfo != null && !isPlainObject(joinInfo)) return fail('VALIDATION_FAILED');
    const ttl = integerField(fields.expires_in_seconds);
    if ('refused' in ttl) return ttl.refused;
    return rulePresence(caller, gate.target, { activity, joinInfo, expiresInSeconds: ttl.value });
  });
}

/** POST status: `user_ids` must be an array of strings (the shim), of 1 to 100 ids (the domain). */
export async function expectStatus(caller: Caller, user: Segment, body: string, type: ContentType): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const ids = fields.user_ids;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return fail('VALIDATION_FAILED');
    return ruleRelationships(caller, gate.target, ids);
  });
}

/**
 * POST a game notification, to the path's user (`recipient`) or to the body's `user_ids` (bulk):
 * the size limits, then (the path names a recipient, not a user acting) the body: `user_ids` an
 * array of strings (bulk), `type` and `message` strings, `payload` a JSON object, and
 * `expires_in_seconds` an integer; then the domain's rules (see ruleGameNotification).
 */
export async function expectGameNotificationPost(
  caller: Caller,
  recipient: Segment | null,
  body: string,
  type: ContentType,
): Promise<Outcome> {
  const bytes = Buffer.byteLength(body);
  if (bytes > ANY_BODY_LIMIT) return fail('PAYLOAD_TOO_LARGE');
  if (recipient !== null && recipient.value === null) return fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND');
  if (bytes > REST_BODY_LIMIT) return fail('PAYLOAD_TOO_LARGE');
  return bodyOutcome(body, type, async (fields) => {
    let userIds: string[];
    if (recipient !== null) {
      userIds = [recipient.value as string];
    } else {
      const ids = fields.user_ids;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return fail('VALIDATION_FAILED');
      userIds = ids;
    }
    if (typeof fields.type !== 'string' || typeof fields.message !== 'string') return fail('VALIDATION_FAILED');
    const payload = fields.payload;
    if (payload != null && !isPlainObject(payload)) return fail('VALIDATION_FAILED');
    const ttl = integerField(fields.expires_in_seconds);
    if ('refused' in ttl) return ttl.refused;
    return ruleGameNotification(caller, {
      userIds,
      type: fields.type,
      message: fields.message,
      payload,
      expiresInSeconds: ttl.value,
    });
  });
}

/**
 * POST invites: the size limits, the path and the caller, then the body as the shim reads it, in
 * order: `receiver_ids` an array of strings (required), `message` a string, `join_info` a JSON
 * object (required) and `expires_in_seconds` an integer; then the domain's rules (see
 * ruleSendInvite).
 */
export async function expectInvitePost(
  caller: Caller,
  user: Segment,
  body: string,
  type: ContentType,
): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const ids = fields.receiver_ids;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return fail('VALIDATION_FAILED');
    const message = fields.message;
    if (message != null && typeof message !== 'string') return fail('VALIDATION_FAILED');
    const joinInfo = fields.join_info;
    if (!isPlainObject(joinInfo)) return fail('VALIDATION_FAILED');
    const ttl = integerField(fields.expires_in_seconds);
    if ('refused' in ttl) return ttl.refused;
    return ruleSendInvite(caller, gate.target, {
      receiverIds: ids,
      message: message ?? null,
      joinInfo,
      expiresInSeconds: ttl.value,
    });
  });
}

/**
 * POST an invite's accept, decline or cancel. Accept and cancel read no body (see ignoredBody).
 * The decline reads an optional one (`{"silent": true}`, see declineBodyRefusal), after the size
 * limits, the path and the caller, and before the invite is looked up.
 */
export async function expectInviteAction(
  caller: Caller,
  verb: InviteVerb,
  user: Segment,
  id: Segment,
  body: string | undefined,
): Promise<Outcome> {
  const rule = () => ruleInviteAction(caller, user.value, id.value as string, verb);
  if (verb !== 'decline') return ignoredBody(body, [user, id], rule);
  const bytes = body === undefined ? 0 : Buffer.byteLength(body);
  if (bytes > ANY_BODY_LIMIT) return fail('PAYLOAD_TOO_LARGE');
  if (user.value === null || id.value === null) return fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND');
  const who = acting(caller, user.value);
  if ('refused' in who) return who.refused;
  if (bytes > REST_BODY_LIMIT) return fail('PAYLOAD_TOO_LARGE');
  const refusal = declineBodyRefusal(body === undefined ? undefined : asStored(body));
  return refusal ? fail(refusal) : rule();
}

/** A page parameter the shim cannot read as a (32-bit) integer: refused before the domain sees anything. */
function unreadableInt(param: IntParam): boolean {
  return param.kind === 'invalid' || (param.kind === 'int' && Math.abs(param.value) > MAX_INT);
}

/**
 * GET /v1/users (player search), from the query string as the server reads it: the shim reads
 * `query` (required: absent or empty is refused), `user_id` (empty is none), then `page` and
 * `per_page` (a form it cannot read as an integer is refused), all before the domain's rules
 * (see ruleSearch), which check the query's length and form, then the page ranges. The caller may
 * act as `user_id` only after that: there is no path user for the shim to check first.
 */
export async function expectSearch(
  caller: Caller,
  seen: URLSearchParams,
): Promise<{ outcome: Outcome; paging: Verdict; searcher: string | null }> {
  const query = seen.get('query');
  const userId = seen.get('user_id') || null;
  const page = intParam(seen.get('page'));
  const perPage = intParam(seen.get('per_page'));
  const paging = pagingVerdict(page, perPage, SEARCH_PER_PAGE);
  const searcher = caller.actor === 'user' ? (userId ?? caller.world.alice.id) : userId;
  if (query === null || query === '') return { outcome: fail('VALIDATION_FAILED'), paging, searcher };
  if (unreadableInt(page) || unreadableInt(perPage)) return { outcome: fail('VALIDATION_FAILED'), paging, searcher };
  const outcome = await ruleSearch(caller, userId, query, paging);
  // Leading zeros (`01`, `-0`): whether the shim reads them (before FORBIDDEN) is not documented.
  const ambiguous = page.kind === 'ambiguous' || perPage.kind === 'ambiguous';
  return { outcome: ambiguous ? union(outcome, fail('VALIDATION_FAILED')) : outcome, paging, searcher };
}

/**
 * PATCH a connection's nickname, note or star: the size limits, the path and the caller, then
 * the body as the shim reads it: `nickname` and `note` strings (JSON null clears one, as ""
 * does; left out, it stays), `favorite` a JSON boolean (null or left out: as it is); then the
 * domain's rules (see ruleUpdateConnection).
 */
export async function expectConnectionPatch(
  caller: Caller,
  user: Segment,
  id: Segment,
  body: string,
  type: ContentType,
): Promise<Outcome> {
  const gate = bodyGate(caller, user, body, [id]);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const text = (value: unknown): { value: string | undefined } | null => {
      if (value === undefined) return { value: undefined };
      if (value === null) return { value: '' };
      return typeof value === 'string' ? { value } : null;
    };
    const nickname = text(fields.nickname);
    const note = text(fields.note);
    const favorite = fields.favorite ?? null;
    if (nickname === null || note === null || (favorite !== null && typeof favorite !== 'boolean')) {
      return fail('VALIDATION_FAILED');
    }
    return ruleUpdateConnection(caller, gate.target, id.value as string, {
      nickname: nickname.value,
      note: note.value,
      favorite,
    });
  });
}

/**
 * POST who played together: no path user, so the size limits, then the body as the shim reads
 * it (`players` an array of strings, `context` a string), all before the domain's rules (see
 * ruleRecordRecentPlayers), which refuse a user token first.
 */
export async function expectRecentPlayersPost(caller: Caller, body: string, type: ContentType): Promise<Outcome> {
  if (Buffer.byteLength(body) > REST_BODY_LIMIT) return fail('PAYLOAD_TOO_LARGE');
  return bodyOutcome(body, type, async (fields) => {
    const players = fields.players;
    if (!Array.isArray(players) || !players.every((id) => typeof id === 'string')) return fail('VALIDATION_FAILED');
    const context = fields.context;
    if (context != null && typeof context !== 'string') return fail('VALIDATION_FAILED');
    return ruleRecordRecentPlayers(caller, { players, context });
  });
}
