/**
 * Hostile input, property-based (fast-check): every REST route and every GraphQL query and
 * mutation field is called with generated path ids, page parameters, status filters, texts
 * (unicode, emoji, control characters and NUL, SQL and JSON injection, over-long and 10 MB
 * strings), malformed JSON, wrong content types and wrong JSON types. Each answer must be a
 * documented error with its documented status (or a success when the generated input happens
 * to be valid), never a 5xx, and a refused request must leave the database exactly as it was.
 *
 * Runs reproduce: every property uses the fixed seed below (override with FC_SEED, and the
 * number of runs with FC_RUNS); a failure prints the seed, the path and the counterexample
 * (replay one run with FC_SEED=<seed> FC_PATH=<path>). HOSTILE_INPUT_STATS=1 prints what the
 * properties were answered, to see that they reach successes as well as refusals.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { routes as gatewayRoutes } from '../../src/rest/routes.js';
import { createTenant, type SeededUser, type Tenant, useTestServer } from '../helpers/app.js';
import { DOCUMENTED_LABEL_OF_STATUS, DOCUMENTED_STATUS_OF_CODE } from '../helpers/documented-errors.js';

const server = useTestServer();

const SEED = Number(process.env.FC_SEED ?? 20_261_128);
const RUNS = Number(process.env.FC_RUNS ?? 40);

/** fast-check parameters of one property: the fixed seed, and a modest number of runs. */
function params<T>(numRuns = RUNS, examples: T[] = []): fc.Parameters<T> {
  return {
    seed: SEED,
    numRuns,
    examples,
    endOnFailure: true,
    ...(process.env.FC_PATH && { path: process.env.FC_PATH }),
  };
}

// ---------------------------------------------------------------------------------------------
// The documented contract (docs/ERRORS.md): code -> status, status -> `error` label.
// ---------------------------------------------------------------------------------------------

const STATUS_OF_CODE = DOCUMENTED_STATUS_OF_CODE;
const LABEL_OF_STATUS = DOCUMENTED_LABEL_OF_STATUS;

/** Request targets shorter than this must never be refused as too long. */
const SHORTEST_URI_TOO_LONG = 2048;

/** The GraphQL error type each code is returned as. */
const TYPENAME_OF_CODE: Record<string, string> = {
  VALIDATION_FAILED: 'ValidationError',
  CANNOT_CONNECT_TO_SELF: 'ValidationError',
  FORBIDDEN: 'ForbiddenError',
  NOT_REQUEST_RECEIVER: 'ForbiddenError',
  USER_NOT_FOUND: 'NotFoundError',
  CONNECTION_REQUEST_NOT_FOUND: 'NotFoundError',
  CONNECTION_NOT_FOUND: 'NotFoundError',
  NOTIFICATION_NOT_FOUND: 'NotFoundError',
  ALREADY_CONNECTED: 'ConflictError',
  REQUEST_ALREADY_PENDING: 'ConflictError',
  REQUEST_ALREADY_PROCESSED: 'ConflictError',
  // Beyond the documented API: blocks, settings, withdrawn requests
  CANNOT_BLOCK_SELF: 'ValidationError',
  NOT_REQUEST_SENDER: 'ForbiddenError',
  REQUESTS_NOT_ACCEPTED: 'ForbiddenError',
  BLOCK_NOT_FOUND: 'NotFoundError',
  USER_BLOCKED: 'ConflictError',
};

const REST_BODY_LIMIT = 64 * 1024;
const ANY_BODY_LIMIT = 256 * 1024;
const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

// ---------------------------------------------------------------------------------------------
// Expected outcomes: the success statuses and the error codes a request may be answered with.
// ---------------------------------------------------------------------------------------------

interface Outcome {
  success: number[];
  codes: string[];
}

const fail = (...codes: string[]): Outcome => ({ success: [], codes });

/**
 * How the decline refuses its optional body before anything else is read: not JSON
 * (`INVALID_JSON`), not a JSON object, or `silent` neither a boolean nor null (`VALIDATION_FAILED`).
 * None, or only white space, is a plain decline.
 */
function declineBodyRefusal(body: string | undefined): 'INVALID_JSON' | 'VALIDATION_FAILED' | undefined {
  if (body === undefined || body.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'INVALID_JSON';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'VALIDATION_FAILED';
  const silent = (parsed as { silent?: unknown }).silent;
  return silent === undefined || silent === null || typeof silent === 'boolean' ? undefined : 'VALIDATION_FAILED';
}
const succeed = (...statuses: number[]): Outcome => ({ success: statuses, codes: [] });
const union = (...outcomes: Outcome[]): Outcome => ({
  success: [...new Set(outcomes.flatMap((o) => o.success))],
  codes: [...new Set(outcomes.flatMap((o) => o.codes))],
});

/** Thrown with everything needed to reproduce: the request, the answer, what was expected. */
function violation(what: string, details: Record<string, unknown>): Error {
  const shown = JSON.stringify(details, (_key, value) =>
    typeof value === 'string' && value.length > 300 ? `${value.slice(0, 300)}…(${value.length} chars)` : value,
  );
  return new Error(`${what}: ${shown}`);
}

// ---------------------------------------------------------------------------------------------
// Text helpers (lengths as PostgreSQL counts them: code points).
// ---------------------------------------------------------------------------------------------

const codePoints = (value: string) => [...value].length;
const hasLoneSurrogate = (value: string) => /\p{Cs}/u.test(value);
/** What a UTF-8 database (and a UTF-8 request body) makes of a JavaScript string. */
const asStored = (value: string) => value.replace(/\p{Cs}/gu, '\uFFFD');
/** Text PostgreSQL stores as given: no NUL, no unpaired surrogate (it would become U+FFFD). */
const storable = (value: string) =>
  !value.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
const possibleUserId = (value: string) => value.length > 0 && codePoints(value) <= 128 && storable(value);
const isCanonicalId = (value: string) => /^(0|[1-9]\d{0,15})$/.test(value);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// ---------------------------------------------------------------------------------------------
// Generators.
// ---------------------------------------------------------------------------------------------

const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR 1=1 --',
  '1; select pg_sleep(5)--',
  "alice1' --",
  "') OR ('a'='a",
  '$$; delete from notifications; $$',
  "\\'; truncate connections cascade; --",
  "' UNION SELECT tenant, client_user_id, display_name FROM users --",
  "%' or tenant like '%",
  "1' AND (SELECT count(*) FROM connection_requests) > 0 --",
  '\\x00\\x27',
];

const JSON_INJECTION = [
  '","receiver_id":"alice1',
  '"}',
  '{"$ne": null}',
  '\\u0000',
  '{"__proto__": {"role": "service"}}',
  '"\\"',
  ']}]}',
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  '{"display_name": "x"}',
];

const CONTROL_AND_ODD = [
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  '\u0001\u0002\u001f',
  '\r\n',
  '\t',
  '\u007f',
  '\u202eevil',
  '\u200b',
  '\ufeff',
  '\ud800',
  'a\udfffb',
  '\uffff',
  '\u{10ffff}',
  '\u0085',
  '\u2028\u2029',
  '   ',
  '',
];

const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'Z̷̨̛a̶l̵g̴o̷', '中文名字', 'العربية', 'Ελληνικά'];

/** Strings a hostile client might send in any text field. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 60 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
  { arbitrary: fc.constantFrom(...SQL_INJECTION, ...JSON_INJECTION, ...CONTROL_AND_ODD, ...EMOJI), weight: 4 },
  {
    // Around the documented limits (64 for names, 500 for messages), with whitespace to trim.
    arbitrary: fc
      .tuple(
        fc.constantFrom('a', 'é', '😀', '中', '\u0000', ' '),
        fc.constantFrom(1, 63, 64, 65, 128, 129, 499, 500, 501, 1000),
        fc.constantFrom('', ' ', '\n\t'),
      )
      .map(([unit, count, pad]) => `${pad}${unit.repeat(count)}${pad}`),
    weight: 2,
  },
  {
    // Over the REST body limit (64 KiB) and the request limit (256 KiB).
    arbitrary: fc.constantFrom('a'.repeat(70_000), '😀'.repeat(70_000), 'é'.repeat(40_000)),
    weight: 1,
  },
  {
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...SQL_INJECTION, ...CONTROL_AND_ODD), fc.string())
      .map((parts) => parts.join('')),
    weight: 2,
  },
);

/** JSON values of every type but string, for fields that want a string. */
const wrongJsonType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
);

/** Path segment values that are ids to a human: well-formed strings (encodeURIComponent needs that). */
const hostileIdValue: fc.Arbitrary<string> = fc
  .oneof(
    hostileText,
    fc.nat().map(String),
    fc.integer().map(String),
    fc.maxSafeNat().map(String),
    fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
    fc.double().map(String),
    fc.constantFrom(
      '0',
      '00',
      '01',
      '+1',
      '-1',
      '-0',
      '1e3',
      '0x10',
      ' 1',
      '1 ',
      '1.0',
      '4503599627370495',
      '4503599627370496',
      '9007199254740993',
      '١٢٣',
      '１２３',
      'null',
      'undefined',
      'NaN',
    ),
  )
  .filter(
    (value) => value.length > 0 && value.length < 3000 && !hasLoneSurrogate(value) && value !== '.' && value !== '..',
  );

/** A path segment: a hostile value URL-encoded, or a raw segment that is not valid URL encoding. */
interface Segment {
  raw: string;
  /** The value the segment decodes to; null when it does not decode. */
  value: string | null;
}

const segmentOf = (value: string): Segment => ({ raw: encodeURIComponent(value), value });

const invalidSegment: fc.Arbitrary<Segment> = fc
  .constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%ED%A0%80', 'a%', '%%', '%G0')
  .map((raw) => ({ raw, value: null }));

const hostileSegment: fc.Arbitrary<Segment> = fc.oneof(
  { arbitrary: hostileIdValue.map(segmentOf), weight: 6 },
  { arbitrary: invalidSegment, weight: 1 },
  // Valid encodings of surprising values: an encoded slash, NUL, a double-encoded slash.
  {
    arbitrary: fc
      .constantFrom('%2F', 'a%2Fb', '%00', '%252F', '%2e%2e%2fusers', '%20')
      .map((raw) => ({ raw, value: decodeURIComponent(raw) })),
    weight: 1,
  },
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=utf-16',
  '*/*',
  'garbage',
  null,
] as const;
type ContentType = (typeof CONTENT_TYPES)[number];
const contentType: fc.Arbitrary<ContentType> = fc.oneof(
  { arbitrary: fc.constant<ContentType>('application/json'), weight: 5 },
  { arbitrary: fc.constantFrom<ContentType>(...CONTENT_TYPES), weight: 2 },
);
const isJsonContentType = (type: ContentType) => type !== null && /^application\/json\s*(;|$)/.test(type);

const MALFORMED_JSON = [
  '{',
  '}',
  '{"display_name": "x",}',
  "{display_name: 'x'}",
  '{"receiver_id": "bob2"',
  '{"a":1}{"b":2}',
  'NaN',
  'undefined',
  "'x'",
  '{"x": 01}',
  '{"x": .5}',
  '[1,2,',
  '"unterminated',
  '{"x":"\\u12"}',
  '{"x": "\u0000"}',
  '\u0000',
  'nul',
  `${'['.repeat(30_000)}`,
];

const NON_OBJECT_JSON = [
  '[]',
  '[{"display_name":"x"}]',
  '"x"',
  '42',
  'true',
  'null',
  '1e400',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
];

/** A request body: JSON built from fields, or malformed, or JSON that is not an object. */
function bodyOf(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fields.map((value) => JSON.stringify(value)), weight: 8 },
    { arbitrary: fc.constantFrom(...MALFORMED_JSON, ...NON_OBJECT_JSON, '', '   ', '\n'), weight: 2 },
    // Fields repeated (the last wins in JSON.parse) and a __proto__ key (an own property).
    {
      arbitrary: fields.map((value) => {
        const json = JSON.stringify(value);
        return `{"__proto__": ${json}, ${json.slice(1)}`.replace(/, }$/, '}');
      }),
      weight: 1,
    },
    {
      arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).filter((text) => !text.startsWith('\ufeff')),
      weight: 1,
    },
  );
}

// ---------------------------------------------------------------------------------------------
// HTTP and database helpers.
// ---------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

interface Call {
  method: string;
  path: string;
  token?: string | null;
  body?: string | undefined;
  contentType?: ContentType | undefined;
  headers?: Record<string, string>;
}

async function call(request: Call): Promise<Reply> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: Blob | undefined;
  if (request.body !== undefined) {
    // A Blob without a type gets no content type from fetch; a string would get text/plain.
    body = new Blob([request.body]);
    const type = request.contentType === undefined ? 'application/json' : request.contentType;
    if (type !== null) headers['content-type'] = type;
  }
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers,
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  const parsed = parseJson(text);
  return { status: response.status, headers: response.headers, text, json: parsed.ok ? parsed.value : undefined };
}

/** A description of a request for failure messages (bodies shortened). */
function describeCall(request: Call) {
  return {
    method: request.method,
    path: request.path.length > 300 ? `${request.path.slice(0, 300)}…` : request.path,
    contentType: request.contentType,
    body: request.body,
    bodyBytes: request.body === undefined ? 0 : Buffer.byteLength(request.body),
  };
}

/**
 * Everything the tenant holds (row counts and a checksum of every row of users (with their
 * settings), connection_requests, connections, connection_edges, notifications, blocks and
 * idempotency_keys),
 * and the row counts of the whole database, so that a write into another tenant shows too.
 */
async function snapshot(tenant: string): Promise<string> {
  const table = (name: string, order: string) =>
    sql`(select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by ${sql.raw(order)}), ''))
         from ${sql.table(name)} t where t.tenant = ${tenant})`;
  const total = (name: string) => sql`(select count(*)::text from ${sql.table(name)})`;
  const result = await sql<{ snapshot: string }>`
    select concat_ws(' | ',
      ${table('users', 't.id')},
      ${table('connection_requests', 't.id')},
      ${table('connections', 't.id')},
      ${table('connection_edges', 't.user_id, t.connection_id')},
      ${table('notifications', 't.id')},
      ${table('idempotency_keys', 't.client_user_id, t.key')},
      ${table('blocks', 't.blocker_id, t.blocked_id')},
      ${total('users')}, ${total('connection_requests')}, ${total('connections')},
      ${total('connection_edges')}, ${total('notifications')}, ${total('idempotency_keys')},
      ${total('blocks')}
    ) as snapshot`.execute(server.database.db);
  return result.rows[0]!.snapshot;
}

async function userExists(tenant: string, clientUserId: string): Promise<boolean> {
  if (!possibleUserId(clientUserId)) return false;
  const result = await sql<{ n: number }>`
    select count(*)::int as n from users where tenant = ${tenant} and client_user_id = ${clientUserId}`.execute(
    server.database.db,
  );
  return result.rows[0]!.n > 0;
}

/** Whether `blocker` blocks `blocked` (both users of the tenant). */
async function blockExists(tenant: string, blocker: string, blocked: string): Promise<boolean> {
  if (!possibleUserId(blocker) || !possibleUserId(blocked)) return false;
  const result = await sql<{ found: boolean }>`
    select exists(
      select 1 from blocks b
        join users u1 on u1.id = b.blocker_id
        join users u2 on u2.id = b.blocked_id
       where u1.tenant = ${tenant} and u1.client_user_id = ${blocker}
         and u2.tenant = ${tenant} and u2.client_user_id = ${blocked}) as found`.execute(server.database.db);
  return result.rows[0]!.found;
}

/** How many unread notifications a user of the tenant has. */
async function unreadCount(tenant: string, clientUserId: string): Promise<number> {
  const result = await sql<{ n: number }>`
    select count(*)::int as n from notifications n join users u on u.id = n.user_id
     where u.tenant = ${tenant} and u.client_user_id = ${clientUserId} and n.read_at is null`.execute(
    server.database.db,
  );
  return result.rows[0]!.n;
}

/** A user's stored `accept_requests_from`. */
async function policyOf(tenant: string, clientUserId: string): Promise<string | undefined> {
  const result = await sql<{ policy: string }>`
    select accept_requests_from as policy from users
     where tenant = ${tenant} and client_user_id = ${clientUserId}`.execute(server.database.db);
  return result.rows[0]?.policy;
}

/** Whether two users of the tenant are connected, or have a pending request either way. */
async function pairState(tenant: string, a: string, b: string): Promise<{ connected: boolean; pending: boolean }> {
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
                 or (r.sender_id = pair.b and r.receiver_id = pair.a))) as pending`.execute(server.database.db);
  return result.rows[0]!;
}

/** The route a path would be served by (for the statistics), or `?`. */
function routeOf(method: string, pathname: string): string {
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

/** Checks a REST answer against the expected outcome; returns whether it was a success. */
function checkRest(request: Call, reply: Reply, outcome: Outcome): boolean {
  const url = new URL(`${server.url}${request.path}`);
  const long = Buffer.byteLength(`${url.pathname}${url.search}`) >= SHORTEST_URI_TOO_LONG;
  const expected = long ? union(outcome, fail('URI_TOO_LONG')) : outcome;
  tally(
    `${request.method} ${routeOf(request.method, url.pathname)} ${reply.status < 300 ? reply.status : (reply.json as any)?.code}`,
  );
  const context = { request: describeCall(request), status: reply.status, response: reply.text, expected };
  if (reply.status >= 500) throw violation('5xx answer', context);
  if (reply.status < 300) {
    if (!expected.success.includes(reply.status)) throw violation('unexpected success', context);
    return true;
  }
  if (request.method === 'HEAD') {
    if (!expected.codes.some((code) => STATUS_OF_CODE[code] === reply.status)) {
      throw violation('unexpected status', context);
    }
    return false;
  }
  const body = reply.json;
  if (!isPlainObject(body)) throw violation('error body is not a JSON object', context);
  const keys = Object.keys(body).sort();
  if (keys.join(',') !== 'code,error,message') throw violation('error body keys are not error/message/code', context);
  if (typeof body.error !== 'string' || typeof body.message !== 'string' || typeof body.code !== 'string') {
    throw violation('error body fields are not strings', context);
  }
  if (STATUS_OF_CODE[body.code] !== reply.status) throw violation('undocumented code or wrong status', context);
  if (LABEL_OF_STATUS[reply.status] !== body.error) throw violation('wrong error label', context);
  if (!expected.codes.includes(body.code)) throw violation('unexpected error code', context);
  if (body.message.length === 0) throw violation('empty error message', context);
  return false;
}

/** What the properties were answered, printed after the file with HOSTILE_INPUT_STATS=1. */
const seen = new Map<string, number>();
function tally(what: string): void {
  seen.set(what, (seen.get(what) ?? 0) + 1);
}
afterAll(() => {
  if (process.env.HOSTILE_INPUT_STATS)
    console.log(
      [...seen]
        .sort()
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n'),
    );
});

async function expectUnchanged(tenant: string, before: string, context: Record<string, unknown>): Promise<void> {
  const after = await snapshot(tenant);
  if (after !== before) throw violation('a refused request changed the database', { ...context, before, after });
}

// ---------------------------------------------------------------------------------------------
// The world each property plays in: a tenant of its own with users, requests, connections and
// notifications, and the ids of each.
// ---------------------------------------------------------------------------------------------

interface World {
  tenant: Tenant;
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
  state: {
    requestInPending: boolean;
    requestOutPending: boolean;
    connections: Set<string>;
    /** The notifications above that have not been deleted. */
    notifications: Set<string>;
  };
}

async function createWorld(): Promise<World> {
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
  return {
    tenant,
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
    state: {
      requestInPending: true,
      requestOutPending: true,
      connections: new Set([connection, connectionOther]),
      notifications: new Set([String(notification.id), String(notificationOther.id)]),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The domain's rules, face-independent: what a call may answer, given who calls and with what.
// Success statuses are the REST ones; GraphQL only asks whether a success is allowed.
// ---------------------------------------------------------------------------------------------

type Actor = 'user' | 'service';

interface Caller {
  world: World;
  actor: Actor;
}

const tokenOf = ({ world, actor }: Caller) => (actor === 'user' ? world.alice.token : world.tenant.serviceToken);
/** The subject of the caller's token: alice, or the service token's `backend`. */
const subjectOf = ({ world, actor }: Caller) => (actor === 'user' ? world.alice.id : 'backend');

/** The user a call acts as, or FORBIDDEN when a user token names another user. */
function acting(caller: Caller, userId: string | null): { target: string } | { refused: Outcome } {
  const target = userId ?? subjectOf(caller);
  if (caller.actor === 'user' && target !== caller.world.alice.id) return { refused: fail('FORBIDDEN') };
  return { target };
}

/** USER_NOT_FOUND (or a validation error for an id no user can have) when the user does not exist. */
async function missingUser(caller: Caller, clientUserId: string): Promise<Outcome | null> {
  if (!possibleUserId(clientUserId)) return fail('USER_NOT_FOUND', 'VALIDATION_FAILED');
  return (await userExists(caller.world.tenant.name, clientUserId)) ? null : fail('USER_NOT_FOUND');
}

type Verdict = 'valid' | 'invalid' | 'either';

/** A call that acts as the user (its settings, marking all read): FORBIDDEN, else the user must exist. */
async function ruleActAsUser(caller: Caller, userId: string | null): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  return (await missingUser(caller, who.target)) ?? succeed(200);
}

/** Looking a user up acts as no one: any caller of the tenant may name any user (default: itself). */
async function ruleLookUpUser(caller: Caller, userId: string | null): Promise<Outcome> {
  return (await missingUser(caller, userId ?? subjectOf(caller))) ?? succeed(200);
}

async function ruleList(caller: Caller, userId: string | null, paging: Verdict): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  if (paging === 'invalid') return fail('VALIDATION_FAILED');
  const listed = (await missingUser(caller, who.target)) ?? succeed(200);
  return paging === 'either' ? union(listed, fail('VALIDATION_FAILED')) : listed;
}

async function ruleUpsert(caller: Caller, userId: string | null, displayName: string): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const name = displayName.trim();
  if (!possibleUserId(who.target)) return fail('VALIDATION_FAILED');
  if (name.length === 0 || codePoints(name) > 64 || !storable(name)) return fail('VALIDATION_FAILED');
  return (await userExists(caller.world.tenant.name, who.target)) ? succeed(200) : succeed(201);
}

/** The message a request stores: trimmed, null when blank; or a validation error. */
function normalizedMessage(message: string | null): { value: string | null } | { refused: Outcome } {
  const trimmed = message?.trim();
  if (!trimmed) return { value: null };
  if (codePoints(trimmed) > 500 || !storable(trimmed)) return { refused: fail('VALIDATION_FAILED') };
  return { value: trimmed };
}

async function ruleSend(
  caller: Caller,
  userId: string | null,
  receiverId: string,
  message: string | null,
): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const normalized = normalizedMessage(message);
  const self = receiverId === who.target ? fail('CANNOT_CONNECT_TO_SELF') : null;
  if ('refused' in normalized) return self ? union(normalized.refused, self) : normalized.refused;
  if (self) return self;
  const missing = (await missingUser(caller, who.target)) ?? (await missingUser(caller, receiverId));
  if (missing) return missing;
  const state = await pairState(caller.world.tenant.name, who.target, receiverId);
  if (state.connected) return fail('ALREADY_CONNECTED');
  if (state.pending) return fail('REQUEST_ALREADY_PENDING');
  return succeed(201);
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

async function ruleAnswer(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
  const gate = await idGate(caller, userId, 'request', id);
  if ('refused' in gate) return gate.refused;
  const { world } = caller;
  if (id === world.requestIn) {
    if (gate.target !== world.alice.id) return fail('NOT_REQUEST_RECEIVER');
    return world.state.requestInPending ? succeed(200) : fail('REQUEST_ALREADY_PROCESSED');
  }
  if (id === world.requestOut) return fail('NOT_REQUEST_RECEIVER');
  return isCanonicalId(id)
    ? fail('CONNECTION_REQUEST_NOT_FOUND')
    : fail('CONNECTION_REQUEST_NOT_FOUND', 'VALIDATION_FAILED');
}

async function ruleRead(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
  const gate = await idGate(caller, userId, 'notification', id);
  if ('refused' in gate) return gate.refused;
  const { world } = caller;
  if (id === world.notification && gate.target === world.alice.id && world.state.notifications.has(id)) {
    return succeed(200);
  }
  return isCanonicalId(id) ? fail('NOTIFICATION_NOT_FOUND') : fail('NOTIFICATION_NOT_FOUND', 'VALIDATION_FAILED');
}

async function ruleRemove(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
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
async function ruleCancel(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
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
async function ruleDeleteNotification(caller: Caller, userId: string | null, id: string): Promise<Outcome> {
  return ruleRead(caller, userId, id);
}

/** Blocking: oneself is refused before anything is read; both users must exist; 201 when new. */
async function ruleBlock(caller: Caller, userId: string | null, otherId: string): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  if (otherId === who.target) return fail('CANNOT_BLOCK_SELF');
  const missing = (await missingUser(caller, who.target)) ?? (await missingUser(caller, otherId));
  if (missing) return missing;
  return (await blockExists(caller.world.tenant.name, who.target, otherId)) ? succeed(200) : succeed(201);
}

/** Unblocking: both users must exist, and the block (BLOCK_NOT_FOUND, also for oneself). */
async function ruleUnblock(caller: Caller, userId: string | null, otherId: string): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  const missing = (await missingUser(caller, who.target)) ?? (await missingUser(caller, otherId));
  if (missing) return missing;
  return (await blockExists(caller.world.tenant.name, who.target, otherId)) ? succeed(200) : fail('BLOCK_NOT_FOUND');
}

const MAX_RELATIONSHIP_IDS = 100;

/** Batch status: 1 to 100 ids (checked before the user is read), of a user that exists. */
async function ruleRelationships(caller: Caller, userId: string | null, ids: readonly string[]): Promise<Outcome> {
  const who = acting(caller, userId);
  if ('refused' in who) return who.refused;
  if (ids.length === 0 || ids.length > MAX_RELATIONSHIP_IDS) return fail('VALIDATION_FAILED');
  return (await missingUser(caller, who.target)) ?? succeed(200);
}

const REQUEST_POLICIES = ['everyone', 'friends_of_friends', 'nobody'];

/**
 * How the acting user stands with each id, from what the world holds (status reads change
 * nothing): unknown ids, the user itself and a user who blocks the user are all `none`.
 */
function expectedRelationships(world: World, target: string, ids: readonly string[]) {
  const { alice, bob, carol, dave, erin, frank, state } = world;
  type Entry = [string, string, Record<string, unknown>, boolean];
  const entries: Entry[] = [
    [alice.id, carol.id, { status: 'connected', connection_id: Number(world.connection) }, true],
    [bob.id, erin.id, { status: 'connected', connection_id: Number(world.connectionOther) }, true],
    [alice.id, bob.id, { status: 'request_received', request_id: Number(world.requestIn) }, state.requestInPending],
    [bob.id, alice.id, { status: 'request_sent', request_id: Number(world.requestIn) }, state.requestInPending],
    [alice.id, dave.id, { status: 'request_sent', request_id: Number(world.requestOut) }, state.requestOutPending],
    [alice.id, frank.id, { status: 'blocked' }, true],
  ];
  const holds = (entry: Entry) =>
    entry[3] && (entry[2].connection_id === undefined || state.connections.has(String(entry[2].connection_id)));
  const known = new Map(entries.filter(holds).map(([a, b, relationship]) => [`${a}\u0000${b}`, relationship]));
  return ids.map((id) => ({ user_id: id, ...(known.get(`${target}\u0000${id}`) ?? { status: 'none' }) }));
}

type Success = 'accept' | 'decline' | 'read' | 'remove' | 'cancel' | 'deleteNotification';

/** Keeps the model in step after a successful call. */
function recordSuccess(world: World, kind: Success, id: string): void {
  if ((kind === 'accept' || kind === 'decline' || kind === 'cancel') && id === world.requestIn) {
    world.state.requestInPending = false;
  }
  if (kind === 'cancel' && id === world.requestOut) world.state.requestOutPending = false;
  if (kind === 'remove') world.state.connections.delete(id);
  if (kind === 'deleteNotification') world.state.notifications.delete(id);
}

/** A block ends the connection and the pending request between the two users. */
function recordBlock(world: World, blocker: string, blocked: string): void {
  const pair = (a: SeededUser, b: SeededUser) =>
    (blocker === a.id && blocked === b.id) || (blocker === b.id && blocked === a.id);
  if (pair(world.alice, world.carol)) world.state.connections.delete(world.connection);
  if (pair(world.bob, world.erin)) world.state.connections.delete(world.connectionOther);
  if (pair(world.bob, world.alice)) world.state.requestInPending = false;
  if (pair(world.alice, world.dave)) world.state.requestOutPending = false;
}

// ---------------------------------------------------------------------------------------------
// Page parameters as the REST paths take them (`page`, `per_page`: decimal integers).
// ---------------------------------------------------------------------------------------------

type IntParam = { kind: 'absent' } | { kind: 'int'; value: number } | { kind: 'invalid' } | { kind: 'ambiguous' };

function intParam(raw: string | null): IntParam {
  if (raw === null || raw === '') return { kind: 'absent' };
  if (/^-?(0|[1-9]\d*)$/.test(raw) && raw !== '-0') return { kind: 'int', value: Number(raw) };
  // Leading zeros and "-0" name an integer to some parsers and not to others: not documented.
  if (/^-?\d+$/.test(raw)) return { kind: 'ambiguous' };
  return { kind: 'invalid' };
}

const MAX_INT = 2 ** 31 - 1;

/** Whether page-number arguments are valid; `either` where the documented rules do not settle it. */
function pagingVerdict(page: IntParam, perPage: IntParam, defaultPerPage: number): Verdict {
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

function combine(...verdicts: Verdict[]): Verdict {
  if (verdicts.includes('invalid')) return 'invalid';
  return verdicts.includes('either') ? 'either' : 'valid';
}

const pageValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.integer({ min: -3, max: 60 }).map(String), weight: 5 },
  { arbitrary: fc.integer().map(String), weight: 2 },
  { arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String), weight: 1 },
  { arbitrary: fc.double().map(String), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      '',
      '0',
      '-0',
      '1.5',
      '1.0',
      '1e3',
      '0x10',
      '+1',
      ' 1',
      '1 ',
      '01',
      'abc',
      'NaN',
      'Infinity',
      '2147483647',
      '2147483648',
      '9999999999',
      '99999999999',
      '50',
      '51',
      '١',
      '1,2',
      "1' or '1'='1",
    ),
    weight: 3,
  },
  { arbitrary: hostileText.filter((s) => s.length < 200), weight: 1 },
);

const statusValue: fc.Arbitrary<string> = fc.oneof(
  fc.mixedCase(fc.constantFrom('pending', 'accepted', 'declined', 'cancelled', 'expired', 'all')),
  fc.constantFrom(
    '',
    'PENDING ',
    'pend',
    'pendıng',
    'rejected',
    'canceled',
    'expıred',
    'null',
    "pending' or '1'='1",
    'pending\u0000',
  ),
  hostileText.filter((s) => s.length < 200),
);

const booleanValue: fc.Arbitrary<string> = fc.oneof(
  fc.mixedCase(fc.constantFrom('true', 'false')),
  fc.constantFrom('', '1', '0', 'yes', 'no', 'on', '2', 'tru', 'null'),
  hostileText.filter((s) => s.length < 200),
);

function statusVerdict(raw: string | null): Verdict {
  if (raw === null || raw === '') return 'valid';
  // `cancelled` and `expired` are beyond the documented API (withdrawn and expired requests).
  return ['pending', 'accepted', 'declined', 'cancelled', 'expired', 'all'].includes(raw.toLowerCase())
    ? 'valid'
    : 'invalid';
}

function booleanVerdict(raw: string | null): Verdict {
  if (raw === null || raw === '') return 'valid';
  return ['true', 'false', '1', '0'].includes(raw.toLowerCase()) ? 'valid' : 'invalid';
}

// ---------------------------------------------------------------------------------------------
// REST
// ---------------------------------------------------------------------------------------------

/** The REST routes this file drives, as the gateway's route table names them. */
const REST_ROUTES = [
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
];

/** The outcome of a JSON body: malformed, not an object, or whatever its fields lead to. */
async function bodyOutcome(
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

/** Size limits, the path and the caller come before the body (413 over 256 KiB comes first of all). */
function bodyGate(caller: Caller, user: Segment, body: string): { refused: Outcome } | { target: string } {
  const bytes = Buffer.byteLength(body);
  if (bytes > ANY_BODY_LIMIT) return { refused: fail('PAYLOAD_TOO_LARGE') };
  if (user.value === null) return { refused: fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND') };
  const who = acting(caller, user.value);
  if ('refused' in who) return who;
  if (bytes > REST_BODY_LIMIT) return { refused: fail('PAYLOAD_TOO_LARGE') };
  return who;
}

async function expectPut(caller: Caller, user: Segment, body: string, type: ContentType): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const name = fields.display_name;
    if (typeof name !== 'string') return fail('VALIDATION_FAILED');
    return ruleUpsert(caller, gate.target, name);
  });
}

async function expectSend(caller: Caller, user: Segment, body: string, type: ContentType): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    let receiver = fields.receiver_id;
    // Numeric ids may be sent as JSON numbers (integers only).
    if (typeof receiver === 'number' && Number.isInteger(receiver)) receiver = String(receiver);
    if (typeof receiver !== 'string') return fail('VALIDATION_FAILED');
    const message = fields.message;
    if (message != null && typeof message !== 'string') return fail('VALIDATION_FAILED');
    return ruleSend(caller, gate.target, receiver, message ?? null);
  });
}

/** A path user: alice (mostly), bob, or a hostile segment. */
function pathUser(world: World): fc.Arbitrary<Segment> {
  return fc.oneof(
    { arbitrary: fc.constant(segmentOf(world.alice.id)), weight: 6 },
    { arbitrary: fc.constant(segmentOf(world.bob.id)), weight: 1 },
    { arbitrary: hostileSegment, weight: 3 },
  );
}

const actor: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: fc.constant<Actor>('user'), weight: 3 },
  { arbitrary: fc.constant<Actor>('service'), weight: 2 },
);

describe('REST: hostile input on every route', () => {
  it('covers every route of the gateway', () => {
    const served = gatewayRoutes.map((route) => `${route.method} ${route.path}`).sort();
    expect(served).toEqual([...REST_ROUTES].sort());
  });

  it('GET /v1/users/{user_id}: hostile ids and query strings', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    await fc.assert(
      fc.asyncProperty(
        actor,
        pathUser(world),
        fc.option(fc.string({ unit: 'grapheme', maxLength: 30 }), { nil: undefined }),
        async (who, user, junkQuery) => {
          const caller = { world, actor: who };
          const query = junkQuery === undefined ? '' : `?${encodeURIComponent(junkQuery)}=${junkQuery.length}`;
          const request: Call = { method: 'GET', path: `/v1/users/${user.raw}${query}`, token: tokenOf(caller) };
          const expected =
            user.value === null
              ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
              : await ruleLookUpUser(caller, user.value);
          const before = await snapshot(tenant);
          const reply = await call(request);
          if (checkRest(request, reply, expected)) {
            const body = reply.json as Record<string, unknown>;
            expect(Object.keys(body).sort()).toEqual(['client_user_id', 'created_at', 'display_name']);
            expect(body.client_user_id).toBe(user.value);
          }
          await expectUnchanged(tenant, before, { request: describeCall(request) });
        },
      ),
      params(),
    );
  }, 60_000);

  it('PUT /v1/users/{user_id}: hostile ids, names, JSON, types, content types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const displayName = fc.oneof(
      { arbitrary: hostileText, weight: 6 },
      { arbitrary: wrongJsonType, weight: 2 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const fields = fc.record(
      {
        display_name: displayName,
        extra: fc.oneof(hostileText, wrongJsonType),
        client_user_id: fc.constantFrom('bob2', 'x'),
      },
      { requiredKeys: ['display_name'] },
    );
    await fc.assert(
      fc.asyncProperty(
        actor,
        fc.oneof({ arbitrary: pathUser(world), weight: 4 }, { arbitrary: hostileSegment, weight: 1 }),
        bodyOf(fields),
        contentType,
        async (who, user, body, type) => {
          const caller = { world, actor: who };
          const request: Call = {
            method: 'PUT',
            path: `/v1/users/${user.raw}`,
            token: tokenOf(caller),
            body,
            contentType: type,
          };
          const expected = await expectPut(caller, user, body, type);
          const before = await snapshot(tenant);
          const reply = await call(request);
          if (checkRest(request, reply, expected)) {
            const parsed = JSON.parse(body) as { display_name: string };
            expect(reply.json).toEqual({
              client_user_id: user.value,
              display_name: asStored(parsed.display_name.trim()),
              created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            });
          } else {
            await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
          }
        },
      ),
      params(RUNS + 10, [
        ['user', segmentOf(world.alice.id), JSON.stringify({ display_name: TEN_MB }), 'application/json'] as [
          Actor,
          Segment,
          string,
          ContentType,
        ],
      ]),
    );
  }, 60_000);

  it('POST /v1/connections/{user_id}/request: hostile receivers, messages, JSON, types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const receiver = fc.oneof(
      {
        arbitrary: fc.constantFrom('fresh', 'fresh', world.alice.id, world.bob.id, world.carol.id, world.dave.id),
        weight: 5,
      },
      { arbitrary: hostileIdValue, weight: 3 },
      { arbitrary: fc.integer(), weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const message = fc.oneof(
      { arbitrary: hostileText, weight: 6 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const fields = fc.record({ receiver_id: receiver, message }, { requiredKeys: ['receiver_id'] });
    await fc.assert(
      fc.asyncProperty(actor, pathUser(world), bodyOf(fields), contentType, async (who, user, rawBody, type) => {
        const caller = { world, actor: who };
        // "fresh" names a user created for this run, so that valid requests can succeed.
        let body = rawBody;
        if (body.includes('"fresh"')) {
          const fresh = await world.tenant.user('fresh');
          body = body.replaceAll('"fresh"', JSON.stringify(fresh.id));
        }
        const request: Call = {
          method: 'POST',
          path: `/v1/connections/${user.raw}/request`,
          token: tokenOf(caller),
          body,
          contentType: type,
        };
        const expected = await expectSend(caller, user, body, type);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          const sent = reply.json as { message: string; id: number };
          expect(Object.keys(sent).sort()).toEqual(['id', 'message']);
          expect(sent.message).toBe('Connection request sent successfully');
          expect(Number.isSafeInteger(sent.id)).toBe(true);
          // What was stored is what was sent, trimmed (a blank message is no message).
          const fields = JSON.parse(body) as { message?: unknown };
          const stored = await server.rest(
            'GET',
            `/v1/connections/${encodeURIComponent(user.value!)}/sent?per_page=1`,
            {
              token: world.tenant.serviceToken,
            },
          );
          const text = typeof fields.message === 'string' ? fields.message.trim() : '';
          expect(stored.body.requests[0]).toMatchObject({
            id: sent.id,
            status: 'pending',
            message: text ? asStored(text) : null,
          });
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 10, [
        [
          'user',
          segmentOf(world.alice.id),
          JSON.stringify({ receiver_id: world.bob.id, message: TEN_MB }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
      ]),
    );
  }, 60_000);

  it('accept, decline, read and DELETE: hostile path ids, ids of other users, repeated calls', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    type Kind = 'accept' | 'decline' | 'read' | 'remove';
    const known: Record<Kind, string[]> = {
      accept: [world.requestIn, world.requestOut],
      decline: [world.requestIn, world.requestOut],
      read: [world.notification, world.notificationOther],
      remove: [world.connection, world.connectionOther],
    };
    const idSegment = (kind: Kind) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...known[kind]).map(segmentOf), weight: 3 },
        { arbitrary: fc.maxSafeNat().map((n) => segmentOf(String(n))), weight: 1 },
        { arbitrary: hostileSegment, weight: 4 },
      );
    const input = fc.constantFrom<Kind>('accept', 'decline', 'read', 'remove').chain((kind) =>
      fc.record({
        kind: fc.constant(kind),
        who: actor,
        user: pathUser(world),
        id: idSegment(kind),
        // Accept, read and DELETE read no body: one sent anyway is ignored (unless it is too large).
        // The decline reads an optional one, `{"silent": true}` (see declineBodyRefusal).
        body: fc.option(
          fc.oneof(
            fc.constantFrom(
              '{',
              '{"receiver_id":"x"}',
              'null',
              '{"silent":true}',
              '{"silent":false}',
              '{"silent":"yes"}',
            ),
            hostileText,
          ),
          { nil: undefined },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(input, async ({ kind, who, user, id, body }) => {
        const caller = { world, actor: who };
        const path = {
          accept: `/v1/connections/${user.raw}/accept/${id.raw}`,
          decline: `/v1/connections/${user.raw}/decline/${id.raw}`,
          read: `/v1/connections/${user.raw}/notifications/${id.raw}/read`,
          remove: `/v1/connections/${user.raw}/${id.raw}`,
        }[kind];
        const request: Call = { method: kind === 'remove' ? 'DELETE' : 'POST', path, token: tokenOf(caller), body };
        let expected: Outcome;
        if (body !== undefined && Buffer.byteLength(body) > ANY_BODY_LIMIT) expected = fail('PAYLOAD_TOO_LARGE');
        else if (user.value === null || id.value === null) expected = fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND');
        else {
          const rule = { accept: ruleAnswer, decline: ruleAnswer, read: ruleRead, remove: ruleRemove }[kind];
          expected = await rule(caller, user.value, id.value);
          // A forbidden caller is refused before anything else is read.
          if (
            body !== undefined &&
            Buffer.byteLength(body) > REST_BODY_LIMIT &&
            !expected.codes.includes('FORBIDDEN')
          ) {
            expected = union(expected, fail('PAYLOAD_TOO_LARGE'));
          } else if (kind === 'decline' && !expected.codes.includes('FORBIDDEN')) {
            // The body is read before the request is looked up.
            const refusal = declineBodyRefusal(body);
            if (refusal) expected = fail(refusal);
          }
        }
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          const message = {
            accept: 'Connection request accepted successfully',
            decline: 'Connection request declined successfully',
            read: 'Notification marked as read',
            remove: 'Connection removed successfully',
          }[kind];
          expect(reply.json).toEqual({ message });
          recordSuccess(world, kind, id.value!);
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 20),
    );
  }, 60_000);

  it('GET sent, received, active and notifications: hostile page, per_page, status and unread_only', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    type List = 'sent' | 'received' | 'active' | 'notifications';
    const input = fc.record({
      list: fc.constantFrom<List>('sent', 'received', 'active', 'notifications'),
      who: actor,
      user: pathUser(world),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
      status: fc.option(statusValue, { nil: undefined }),
      unreadOnly: fc.option(booleanValue, { nil: undefined }),
      junk: fc.option(fc.constantFrom('&page', '&=&&', '&%zz=%zz', '&page[]=1', '&per_page=abc', '#frag'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ list, who, user, page, perPage, status, unreadOnly, junk }) => {
        const caller = { world, actor: who };
        const query = new URLSearchParams();
        if (page !== undefined) query.set('page', page);
        if (perPage !== undefined) query.set('per_page', perPage);
        if (status !== undefined) query.set('status', status);
        if (unreadOnly !== undefined) query.set('unread_only', unreadOnly);
        const path = `/v1/connections/${user.raw}/${list}?${query}${junk ?? ''}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        // What the server reads: the query as the URL parser leaves it.
        const seen = new URL(`${server.url}${path}`).searchParams;
        const defaultPerPage = list === 'notifications' ? 50 : 10;
        const pageParam = intParam(seen.get('page'));
        const perPageParam = intParam(seen.get('per_page'));
        const verdict = combine(
          pagingVerdict(pageParam, perPageParam, defaultPerPage),
          list === 'sent' || list === 'received' ? statusVerdict(seen.get('status')) : 'valid',
          list === 'notifications' ? booleanVerdict(seen.get('unread_only')) : 'valid',
        );
        const expected =
          user.value === null
            ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
            : await ruleList(caller, user.value, verdict);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected) && verdict === 'valid') {
          const body = reply.json as Record<string, any>;
          const items = {
            sent: 'requests',
            received: 'requests',
            active: 'connections',
            notifications: 'notifications',
          }[list];
          const size = perPageParam.kind === 'int' ? perPageParam.value : defaultPerPage;
          expect(body.pagination).toMatchObject({
            current_page: pageParam.kind === 'int' ? pageParam.value : 1,
            per_page: size,
          });
          expect(body[items].length).toBeLessThanOrEqual(size);
        }
        await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
      }),
      params(RUNS + 20),
    );
  }, 60_000);

  it('answers a wrong method on every route with 405 and its Allow header, and changes nothing', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const paths = [
      `/v1/users/${world.alice.id}`,
      `/v1/connections/${world.alice.id}/request`,
      `/v1/connections/${world.alice.id}/accept/${world.requestIn}`,
      `/v1/connections/${world.alice.id}/decline/${world.requestIn}`,
      `/v1/connections/${world.alice.id}/sent`,
      `/v1/connections/${world.alice.id}/received`,
      `/v1/connections/${world.alice.id}/active`,
      `/v1/connections/${world.alice.id}/notifications`,
      `/v1/connections/${world.alice.id}/notifications/${world.notification}/read`,
      `/v1/connections/${world.alice.id}/${world.connection}`,
      // Beyond the documented API
      `/v1/connections/${world.alice.id}/cancel/${world.requestOut}`,
      `/v1/connections/${world.alice.id}/notifications/read`,
      `/v1/connections/${world.alice.id}/notifications/${world.notification}`,
      `/v1/users/${world.alice.id}/settings`,
      `/v1/users/${world.alice.id}/blocked`,
      `/v1/users/${world.alice.id}/blocked/${world.frank.id}`,
      `/v1/connections/${world.alice.id}/status`,
      `/v1/connections/${world.alice.id}/mutual/${world.carol.id}`,
      `/v1/connections/${world.alice.id}/suggestions`,
    ];
    // The methods each path serves, from the route table.
    const allowed = (path: string) =>
      gatewayRoutes
        .filter((route) => {
          const pattern = route.path.split('/');
          const parts = path.split('/');
          return pattern.length === parts.length && pattern.every((p, i) => p.startsWith(':') || p === parts[i]);
        })
        .map((route) => route.method as string);
    for (const path of paths) {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
        if (allowed(path).includes(method)) continue;
        const request: Call = {
          method,
          path,
          token: world.alice.token,
          ...(['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) && { body: '{"display_name":"X"}' }),
        };
        const before = await snapshot(tenant);
        const reply = await call(request);
        checkRest(request, reply, fail('METHOD_NOT_ALLOWED'));
        expect({ method, path, allow: reply.headers.get('allow')?.split(/,\s*/).sort() }).toEqual({
          method,
          path,
          allow: [...new Set(allowed(path))].sort(),
        });
        await expectUnchanged(tenant, before, { request: describeCall(request) });
      }
    }
  }, 60_000);

  it('unknown and mangled paths under /v1: a documented error or a success, never a 5xx', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const segment = fc.oneof(
      fc.constantFrom('v1', 'users', 'connections', 'request', 'accept', 'decline', 'sent', 'received', 'active'),
      fc.constantFrom('notifications', 'read', world.alice.id, world.requestIn, world.connection, '', '.', '..'),
      fc.constantFrom('cancel', 'status', 'settings', 'blocked', 'mutual', 'suggestions', world.bob.id),
      hostileSegment.map((s) => s.raw),
    );
    const input = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      segments: fc.array(segment, { maxLength: 7 }),
      body: fc.option(fc.constantFrom('{}', '{', '{"display_name":"Y","receiver_id":"bob2"}'), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ method, segments, body }) => {
        const request: Call = {
          method,
          path: `/v1/${segments.join('/')}`,
          token: world.alice.token,
          ...(method !== 'GET' && body !== undefined && { body }),
        };
        const before = await snapshot(tenant);
        const reply = await call(request);
        const anything = union(succeed(200, 201), fail(...Object.keys(STATUS_OF_CODE)));
        if (!checkRest(request, reply, anything)) {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(),
    );
  }, 60_000);

  it('refuses a 10 MB body on every route that takes one (and on the others) with 413, changing nothing', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const huge = [
      ['PUT', `/v1/users/${world.alice.id}`, JSON.stringify({ display_name: TEN_MB })],
      [
        'POST',
        `/v1/connections/${world.alice.id}/request`,
        JSON.stringify({ receiver_id: world.bob.id, message: TEN_MB }),
      ],
      ['POST', `/v1/connections/${world.alice.id}/accept/${world.requestIn}`, TEN_MB],
      ['POST', `/v1/connections/${world.alice.id}/decline/${world.requestIn}`, TEN_MB],
      ['POST', `/v1/connections/${world.alice.id}/notifications/${world.notification}/read`, TEN_MB],
      ['DELETE', `/v1/connections/${world.alice.id}/${world.connection}`, TEN_MB],
      // Beyond the documented API
      ['POST', `/v1/connections/${world.alice.id}/cancel/${world.requestOut}`, TEN_MB],
      ['POST', `/v1/connections/${world.alice.id}/notifications/read`, TEN_MB],
      ['DELETE', `/v1/connections/${world.alice.id}/notifications/${world.notification}`, TEN_MB],
      ['PUT', `/v1/users/${world.alice.id}/settings`, JSON.stringify({ accept_requests_from: TEN_MB })],
      ['PUT', `/v1/users/${world.alice.id}/blocked/${world.bob.id}`, TEN_MB],
      ['DELETE', `/v1/users/${world.alice.id}/blocked/${world.frank.id}`, TEN_MB],
      ['POST', `/v1/connections/${world.alice.id}/status`, JSON.stringify({ user_ids: [TEN_MB] })],
      [
        'POST',
        `/v1/connections/${world.alice.id}/status`,
        JSON.stringify({ user_ids: Array.from({ length: 100 }, () => TEN_MB.slice(0, 100_000)) }),
      ],
    ] as const;
    for (const [method, path, body] of huge) {
      for (const token of [world.alice.token, null]) {
        const request: Call = { method, path, token, body };
        const before = await snapshot(tenant);
        const reply = await call(request);
        checkRest(request, reply, fail('PAYLOAD_TOO_LARGE'));
        await expectUnchanged(tenant, before, { request: describeCall(request) });
      }
    }
  }, 60_000);
});

// Mutual connections and suggestions (beyond the documented API)

/** Mutual connections: a list of the acting user's, with another user that must exist and differ. */
async function ruleMutual(
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

describe('REST: hostile input on mutual connections and suggestions', () => {
  it('GET mutual/{other_id} and suggestions: hostile ids, page and per_page', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const input = fc.record({
      route: fc.constantFrom('mutual' as const, 'suggestions' as const),
      who: actor,
      user: pathUser(world),
      other: fc.oneof(
        { arbitrary: fc.constantFrom(world.alice.id, world.bob.id, world.carol.id).map(segmentOf), weight: 3 },
        { arbitrary: hostileSegment, weight: 2 },
      ),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ route, who, user, other, page, perPage }) => {
        const caller = { world, actor: who };
        const query = new URLSearchParams();
        if (page !== undefined) query.set('page', page);
        if (perPage !== undefined) query.set('per_page', perPage);
        const path = `/v1/connections/${user.raw}/${route === 'mutual' ? `mutual/${other.raw}` : route}?${query}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        // What the server reads: the query as the URL parser leaves it.
        const seen = new URL(`${server.url}${path}`).searchParams;
        const perPageParam = intParam(seen.get('per_page'));
        const paging = pagingVerdict(intParam(seen.get('page')), perPageParam, 10);
        const expected =
          user.value === null || (route === 'mutual' && other.value === null)
            ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
            : route === 'mutual'
              ? await ruleMutual(caller, user.value, other.value!, paging)
              : await ruleList(caller, user.value, paging);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected) && paging === 'valid') {
          const body = reply.json as Record<string, any>;
          const size = perPageParam.kind === 'int' ? perPageParam.value : 10;
          expect(body.pagination).toMatchObject({ per_page: size });
          expect(body[route === 'mutual' ? 'mutual_connections' : 'suggestions'].length).toBeLessThanOrEqual(size);
        }
        await expectUnchanged(tenant, before, { request: describeCall(request) });
      }),
      params(RUNS + 20),
    );
  }, 60_000);
});

// Beyond the documented API: withdrawing requests, managing notifications, privacy settings,
// blocks and batch relationship status.

/**
 * Routes that read no body: one sent anyway is ignored, unless it is over the request limit
 * (413 before anything else) or over the REST body limit (413, unless the caller is refused first).
 */
async function ignoredBody(
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

/** A body sent to a route that reads none. */
const junkBody = fc.option(fc.oneof(fc.constantFrom('{', '{"receiver_id":"x"}', 'null'), hostileText), {
  nil: undefined,
});

/** PUT settings: the policy is checked by the REST shim (exact lower-case names) before the user is read. */
async function expectSettingsPut(caller: Caller, user: Segment, body: string, type: ContentType): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const policy = fields.accept_requests_from;
    if (typeof policy !== 'string' || !REQUEST_POLICIES.includes(policy)) return fail('VALIDATION_FAILED');
    return ruleActAsUser(caller, gate.target);
  });
}

/** POST status: `user_ids` must be an array of strings (the shim), of 1 to 100 ids (the domain). */
async function expectStatus(caller: Caller, user: Segment, body: string, type: ContentType): Promise<Outcome> {
  const gate = bodyGate(caller, user, body);
  if ('refused' in gate) return gate.refused;
  return bodyOutcome(body, type, async (fields) => {
    const ids = fields.user_ids;
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return fail('VALIDATION_FAILED');
    return ruleRelationships(caller, gate.target, ids);
  });
}

describe('REST: hostile input on the routes beyond the documented API', () => {
  it('GET and PUT /v1/users/{user_id}/settings: hostile ids, policies, JSON, types, content types and sizes', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const policy = fc.oneof(
      { arbitrary: fc.constantFrom(...REQUEST_POLICIES), weight: 5 },
      { arbitrary: fc.mixedCase(fc.constantFrom(...REQUEST_POLICIES)), weight: 2 },
      {
        arbitrary: fc.constantFrom(
          'EVERYONE',
          'FRIENDS_OF_FRIENDS',
          'friends-of-friends',
          ' everyone',
          'nobody ',
          'nobody\u0000',
          'all',
          'none',
          'friends',
          '',
        ),
        weight: 2,
      },
      { arbitrary: hostileText, weight: 2 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constantFrom(['everyone'], { everyone: true }), weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const fields = fc.record(
      {
        accept_requests_from: policy,
        acceptRequestsFrom: fc.constantFrom('NOBODY', 'nobody'),
        extra: fc.oneof(hostileText, wrongJsonType),
      },
      { requiredKeys: ['accept_requests_from'] },
    );
    const input = fc.tuple(
      fc.constantFrom<'GET' | 'PUT'>('GET', 'PUT', 'PUT', 'PUT'),
      actor,
      fc.oneof({ arbitrary: pathUser(world), weight: 4 }, { arbitrary: hostileSegment, weight: 1 }),
      bodyOf(fields),
      contentType,
    );
    await fc.assert(
      fc.asyncProperty(input, async ([method, who, user, body, type]) => {
        const caller = { world, actor: who };
        const path = `/v1/users/${user.raw}/settings`;
        const request: Call =
          method === 'GET'
            ? { method, path, token: tokenOf(caller) }
            : { method, path, token: tokenOf(caller), body, contentType: type };
        let expected: Outcome;
        if (method === 'PUT') expected = await expectSettingsPut(caller, user, body, type);
        else if (user.value === null) expected = fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND');
        else expected = await ruleActAsUser(caller, user.value);
        const before = await snapshot(tenant);
        const reply = await call(request);
        const succeeded = checkRest(request, reply, expected);
        if (succeeded) {
          const stored = await policyOf(tenant, user.value!);
          expect(reply.json).toEqual({ accept_requests_from: stored });
          if (method === 'PUT') {
            expect(stored).toBe((JSON.parse(asStored(body)) as { accept_requests_from: string }).accept_requests_from);
          }
        }
        // A read changes nothing, and a refused write neither.
        if (method === 'GET' || !succeeded) {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 10, [
        [
          [
            'PUT',
            'user',
            segmentOf(world.alice.id),
            JSON.stringify({ accept_requests_from: TEN_MB }),
            'application/json',
          ] as ['GET' | 'PUT', Actor, Segment, string, ContentType],
        ],
        [
          [
            'PUT',
            'service',
            segmentOf(world.bob.id),
            JSON.stringify({ accept_requests_from: 'friends_of_friends' }),
            'application/json',
          ] as ['GET' | 'PUT', Actor, Segment, string, ContentType],
        ],
      ]),
    );
  }, 60_000);

  it('GET /v1/users/{user_id}/blocked: hostile ids, page and per_page', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const input = fc.record({
      who: actor,
      user: pathUser(world),
      page: fc.option(pageValue, { nil: undefined }),
      perPage: fc.option(pageValue, { nil: undefined }),
      junk: fc.option(fc.constantFrom('&page', '&=&&', '&%zz=%zz', '&page[]=1', '&per_page=abc', '#frag'), {
        nil: undefined,
      }),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ who, user, page, perPage, junk }) => {
        const caller = { world, actor: who };
        const query = new URLSearchParams();
        if (page !== undefined) query.set('page', page);
        if (perPage !== undefined) query.set('per_page', perPage);
        const path = `/v1/users/${user.raw}/blocked?${query}${junk ?? ''}`;
        const request: Call = { method: 'GET', path, token: tokenOf(caller) };
        const seen = new URL(`${server.url}${path}`).searchParams;
        const pageParam = intParam(seen.get('page'));
        const perPageParam = intParam(seen.get('per_page'));
        const verdict = pagingVerdict(pageParam, perPageParam, 10);
        const expected =
          user.value === null
            ? fail('VALIDATION_FAILED', 'ROUTE_NOT_FOUND')
            : await ruleList(caller, user.value, verdict);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected) && verdict === 'valid') {
          const body = reply.json as { blocked: Record<string, unknown>[]; pagination: Record<string, number> };
          const size = perPageParam.kind === 'int' ? perPageParam.value : 10;
          const current = pageParam.kind === 'int' ? pageParam.value : 1;
          expect(body.pagination).toMatchObject({ current_page: current, per_page: size });
          // alice blocks frank; bob blocks no one.
          const all = user.value === world.alice.id ? [world.frank.id] : [];
          expect(body.pagination.total_items).toBe(all.length);
          expect(body.blocked.map((b) => b.client_user_id)).toEqual(all.slice((current - 1) * size, current * size));
          for (const blocked of body.blocked) {
            expect(Object.keys(blocked).sort()).toEqual(['blocked_at', 'client_user_id', 'display_name']);
          }
        }
        await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
      }),
      params(RUNS),
    );
  }, 60_000);

  it('PUT and DELETE /v1/users/{user_id}/blocked/{other_id}: hostile ids, oneself, repeated calls', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, frank, gina } = world;
    const other = fc.oneof(
      {
        arbitrary: fc.constantFrom(alice.id, bob.id, carol.id, dave.id, frank.id, gina.id, 'fresh').map(segmentOf),
        weight: 5,
      },
      { arbitrary: hostileSegment, weight: 3 },
    );
    const input = fc.record({
      method: fc.constantFrom('PUT', 'DELETE'),
      who: actor,
      user: pathUser(world),
      other,
      body: junkBody,
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ method, who, user, other: named, body }) => {
        const caller = { world, actor: who };
        // "fresh" names a user created for this run, so that new blocks can be made.
        const other = named.value === 'fresh' ? segmentOf((await world.tenant.user('fresh')).id) : named;
        const request: Call = {
          method,
          path: `/v1/users/${user.raw}/blocked/${other.raw}`,
          token: tokenOf(caller),
          body,
        };
        const expected = await ignoredBody(body, [user, other], () =>
          method === 'PUT'
            ? ruleBlock(caller, user.value, other.value!)
            : ruleUnblock(caller, user.value, other.value!),
        );
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          if (method === 'PUT') {
            expect(reply.json).toEqual({
              message: 'User blocked',
              blocked: {
                client_user_id: other.value,
                display_name: expect.any(String),
                blocked_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
              },
            });
            recordBlock(world, user.value!, other.value!);
          } else {
            expect(reply.json).toEqual({ message: 'User unblocked' });
          }
          expect(await blockExists(tenant, user.value!, other.value!)).toBe(method === 'PUT');
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      params(RUNS + 10),
    );
  }, 60_000);

  it('cancel, mark all read and DELETE notification: hostile path ids, ids of other users, repeated calls', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    type Kind = 'cancel' | 'readAll' | 'deleteNotification';
    type Input = { kind: Kind; who: Actor; user: Segment; id: Segment; body: string | undefined };
    const known = {
      cancel: [world.requestIn, world.requestOut],
      deleteNotification: [world.notification, world.notificationOther],
    };
    const idSegment = (kind: Kind): fc.Arbitrary<Segment> =>
      kind === 'readAll'
        ? fc.constant(segmentOf('unused'))
        : fc.oneof(
            { arbitrary: fc.constantFrom(...known[kind]).map(segmentOf), weight: 4 },
            { arbitrary: fc.maxSafeNat().map((n) => segmentOf(String(n))), weight: 1 },
            { arbitrary: hostileSegment, weight: 3 },
          );
    const input = fc
      .constantFrom<Kind>('cancel', 'readAll', 'deleteNotification')
      .chain((kind) =>
        fc.record({ kind: fc.constant(kind), who: actor, user: pathUser(world), id: idSegment(kind), body: junkBody }),
      );
    await fc.assert(
      fc.asyncProperty(input, async ({ kind, who, user, id, body }) => {
        const caller = { world, actor: who };
        const path = {
          cancel: `/v1/connections/${user.raw}/cancel/${id.raw}`,
          readAll: `/v1/connections/${user.raw}/notifications/read`,
          deleteNotification: `/v1/connections/${user.raw}/notifications/${id.raw}`,
        }[kind];
        const request: Call = {
          method: kind === 'deleteNotification' ? 'DELETE' : 'POST',
          path,
          token: tokenOf(caller),
          body,
        };
        const expected = await ignoredBody(body, kind === 'readAll' ? [user] : [user, id], () => {
          if (kind === 'cancel') return ruleCancel(caller, user.value, id.value!);
          if (kind === 'readAll') return ruleActAsUser(caller, user.value);
          return ruleDeleteNotification(caller, user.value, id.value!);
        });
        const unread = user.value !== null && possibleUserId(user.value) ? await unreadCount(tenant, user.value) : 0;
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          const answer = {
            cancel: { message: 'Connection request cancelled successfully' },
            readAll: { message: 'All notifications marked as read', marked: unread },
            deleteNotification: { message: 'Notification deleted' },
          }[kind];
          expect(reply.json).toEqual(answer);
          if (kind === 'readAll') expect(await unreadCount(tenant, user.value!)).toBe(0);
          else recordSuccess(world, kind, id.value!);
        } else {
          await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
        }
      }),
      // The runs the model must get right whatever is generated: the receiver withdrawing (not the
      // sender), the sender withdrawing twice, the user deleting its notification twice.
      params(
        RUNS + 20,
        (
          [
            ['cancel', 'user', world.alice.id, world.requestIn],
            ['cancel', 'service', world.alice.id, world.requestIn],
            ['cancel', 'service', world.bob.id, world.requestOut],
            ['cancel', 'user', world.alice.id, world.requestOut],
            ['cancel', 'service', world.alice.id, world.requestOut],
            ['cancel', 'service', world.bob.id, world.requestIn],
            ['deleteNotification', 'service', world.bob.id, world.notification],
            ['deleteNotification', 'user', world.alice.id, world.notificationOther],
            ['deleteNotification', 'user', world.alice.id, world.notification],
            ['deleteNotification', 'user', world.alice.id, world.notification],
            ['readAll', 'user', world.alice.id, 'unused'],
          ] as const
        ).map(([kind, who, user, id]): [Input] => [
          { kind, who, user: segmentOf(user), id: segmentOf(id), body: undefined },
        ]),
      ),
    );
  }, 60_000);

  it('POST /v1/connections/{user_id}/status: hostile user_ids (types, counts, sizes), JSON and content types', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const { alice, bob, carol, dave, erin, frank, gina } = world;
    const knownIds = [alice.id, bob.id, carol.id, dave.id, erin.id, frank.id, gina.id, 'ghost'];
    const notAString = fc.oneof(
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom({}, [], [alice.id], { user_id: alice.id }),
    );
    const element = fc.oneof(
      { arbitrary: fc.constantFrom(...knownIds), weight: 6 },
      { arbitrary: hostileIdValue, weight: 3 },
      { arbitrary: notAString, weight: 1 },
    );
    const userIds = fc.oneof(
      { arbitrary: fc.array(element, { minLength: 1, maxLength: 6 }), weight: 6 },
      { arbitrary: fc.array(fc.constantFrom(...knownIds), { minLength: 1, maxLength: 6 }), weight: 4 },
      { arbitrary: fc.constant([]), weight: 1 },
      {
        arbitrary: fc
          .integer({ min: 98, max: 102 })
          .chain((n) => fc.array(fc.constantFrom(...knownIds), { minLength: n, maxLength: n })),
        weight: 2,
      },
      { arbitrary: fc.constantFrom(1000, 5000).map((n) => Array.from({ length: n }, (_, i) => `u${i}`)), weight: 1 },
      { arbitrary: fc.constantFrom(...knownIds), weight: 1 },
      { arbitrary: hostileText, weight: 1 },
      { arbitrary: wrongJsonType, weight: 1 },
      { arbitrary: fc.constant(undefined), weight: 1 },
    );
    const fields = fc.record(
      { user_ids: userIds, userIds: fc.constant([alice.id]), extra: fc.oneof(hostileText, wrongJsonType) },
      { requiredKeys: ['user_ids'] },
    );
    await fc.assert(
      fc.asyncProperty(actor, pathUser(world), bodyOf(fields), contentType, async (who, user, body, type) => {
        const caller = { world, actor: who };
        const request: Call = {
          method: 'POST',
          path: `/v1/connections/${user.raw}/status`,
          token: tokenOf(caller),
          body,
          contentType: type,
        };
        const expected = await expectStatus(caller, user, body, type);
        const before = await snapshot(tenant);
        const reply = await call(request);
        if (checkRest(request, reply, expected)) {
          // In the order asked, a repeated id answered each time, ids echoed as the server read them.
          const asked = (JSON.parse(asStored(body)) as { user_ids: string[] }).user_ids;
          expect(reply.json).toEqual({ relationships: expectedRelationships(world, user.value!, asked) });
        }
        // A status read changes nothing, answered or refused.
        await expectUnchanged(tenant, before, { request: describeCall(request), response: reply.text });
      }),
      params(RUNS + 10, [
        ['user', segmentOf(alice.id), JSON.stringify({ user_ids: [TEN_MB] }), 'application/json'] as [
          Actor,
          Segment,
          string,
          ContentType,
        ],
        [
          'user',
          segmentOf(alice.id),
          JSON.stringify({ user_ids: [...knownIds, alice.id, carol.id, 'x\ud800', 'ghost\u0000'] }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        [
          'service',
          segmentOf(bob.id),
          JSON.stringify({ user_ids: Array.from({ length: 100 }, (_, i) => knownIds[i % knownIds.length]) }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
        [
          'service',
          segmentOf(bob.id),
          JSON.stringify({ user_ids: Array.from({ length: 101 }, () => alice.id) }),
          'application/json',
        ] as [Actor, Segment, string, ContentType],
      ]),
    );
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------
// GraphQL
// ---------------------------------------------------------------------------------------------

type ArgType =
  | 'ID'
  | 'ID!'
  | 'String'
  | 'String!'
  | 'Int'
  | 'Boolean'
  | 'ConnectionRequestStatusFilter'
  | 'RequestPolicy!'
  | '[ID!]!';

interface FieldSpec {
  name: string;
  operation: 'query' | 'mutation';
  args: Record<string, ArgType>;
  /** The payload type of a success. */
  success: string;
  /** The expected answer for arguments that coerced; `undefined` marks an omitted argument. */
  rule: (caller: Caller, args: Record<string, unknown>) => Promise<Outcome>;
  /** Keeps the model in step after a success. */
  onSuccess?: (world: World, args: Record<string, unknown>, caller: Caller) => void;
  /** Arguments always tried first (with variables), so that rare outcomes are reached. */
  examples?: (world: World) => { who: Actor; values: Record<string, unknown> }[];
}

const STATUS_FILTER = ['ALL', 'PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'EXPIRED'];

/** The values of the enum types the fields take. */
const ENUM_VALUES: Record<string, string[]> = {
  ConnectionRequestStatusFilter: STATUS_FILTER,
  RequestPolicy: REQUEST_POLICIES.map((policy) => policy.toUpperCase()),
};

const asId = (value: unknown) => (value == null ? null : String(value));

/** Page arguments as GraphQL takes them (already coerced to 32-bit ints, or null). */
function graphqlPaging(args: Record<string, unknown>, defaultPerPage: number): Verdict {
  const { page, perPage, first, after } = args as Record<string, number | string | null | undefined>;
  // Cursor paging (first/after), and its mixing with page numbers, has rules of its own.
  if (first != null || after != null) {
    if (typeof first === 'number' && (first < 1 || first > 50)) return 'invalid';
    return 'either';
  }
  const int = (value: unknown): IntParam =>
    value == null ? { kind: 'absent' } : { kind: 'int', value: value as number };
  return pagingVerdict(int(page), int(perPage), defaultPerPage);
}

const pagingArgs = { page: 'Int', perPage: 'Int', first: 'Int', after: 'String' } as const;

const FIELDS: FieldSpec[] = [
  {
    name: 'user',
    operation: 'query',
    args: { userId: 'ID' },
    success: 'User',
    rule: (caller, args) => ruleLookUpUser(caller, asId(args.userId)),
  },
  {
    name: 'sentConnectionRequests',
    operation: 'query',
    args: { userId: 'ID', status: 'ConnectionRequestStatusFilter', ...pagingArgs },
    success: 'ConnectionRequestPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  {
    name: 'receivedConnectionRequests',
    operation: 'query',
    args: { userId: 'ID', status: 'ConnectionRequestStatusFilter', ...pagingArgs },
    success: 'ConnectionRequestPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  {
    name: 'activeConnections',
    operation: 'query',
    args: { userId: 'ID', ...pagingArgs },
    success: 'ConnectionPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  {
    name: 'notifications',
    operation: 'query',
    args: { userId: 'ID', unreadOnly: 'Boolean', ...pagingArgs },
    success: 'NotificationPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 50)),
  },
  {
    name: 'upsertUser',
    operation: 'mutation',
    args: { userId: 'ID', displayName: 'String!' },
    success: 'UpsertUserPayload',
    rule: (caller, args) => ruleUpsert(caller, asId(args.userId), args.displayName as string),
  },
  {
    name: 'sendConnectionRequest',
    operation: 'mutation',
    args: { userId: 'ID', receiverId: 'ID!', message: 'String' },
    success: 'SendConnectionRequestPayload',
    rule: (caller, args) =>
      ruleSend(caller, asId(args.userId), String(args.receiverId), (args.message as string | null | undefined) ?? null),
  },
  {
    name: 'acceptConnectionRequest',
    operation: 'mutation',
    args: { userId: 'ID', requestId: 'ID!' },
    success: 'AcceptConnectionRequestPayload',
    rule: (caller, args) => ruleAnswer(caller, asId(args.userId), String(args.requestId)),
    onSuccess: (world, args) => recordSuccess(world, 'accept', String(args.requestId)),
  },
  {
    name: 'declineConnectionRequest',
    operation: 'mutation',
    args: { userId: 'ID', requestId: 'ID!' },
    success: 'DeclineConnectionRequestPayload',
    rule: (caller, args) => ruleAnswer(caller, asId(args.userId), String(args.requestId)),
    onSuccess: (world, args) => recordSuccess(world, 'decline', String(args.requestId)),
  },
  {
    name: 'markNotificationRead',
    operation: 'mutation',
    args: { userId: 'ID', notificationId: 'ID!' },
    success: 'MarkNotificationReadPayload',
    rule: (caller, args) => ruleRead(caller, asId(args.userId), String(args.notificationId)),
  },
  {
    name: 'removeConnection',
    operation: 'mutation',
    args: { userId: 'ID', connectionId: 'ID!' },
    success: 'RemoveConnectionPayload',
    rule: (caller, args) => ruleRemove(caller, asId(args.userId), String(args.connectionId)),
    onSuccess: (world, args) => recordSuccess(world, 'remove', String(args.connectionId)),
  },
  // Mutual connections and suggestions (beyond the documented API)
  {
    name: 'mutualConnections',
    operation: 'query',
    args: { userId: 'ID', otherUserId: 'ID!', ...pagingArgs },
    success: 'MutualConnectionPage',
    rule: (caller, args) => ruleMutual(caller, asId(args.userId), String(args.otherUserId), graphqlPaging(args, 10)),
  },
  {
    name: 'connectionSuggestions',
    operation: 'query',
    args: { userId: 'ID', page: 'Int', perPage: 'Int' },
    success: 'ConnectionSuggestionPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  // Cancel, mark all read, delete a notification (beyond the documented API)
  {
    name: 'cancelConnectionRequest',
    operation: 'mutation',
    args: { userId: 'ID', requestId: 'ID!' },
    success: 'CancelConnectionRequestPayload',
    rule: (caller, args) => ruleCancel(caller, asId(args.userId), String(args.requestId)),
    onSuccess: (world, args) => recordSuccess(world, 'cancel', String(args.requestId)),
    examples: (world) => [
      { who: 'user', values: { requestId: world.requestIn } },
      { who: 'user', values: { requestId: world.requestOut } },
      { who: 'user', values: { requestId: Number(world.requestOut) } },
      { who: 'service', values: { userId: world.bob.id, requestId: world.requestIn } },
    ],
  },
  {
    name: 'markAllNotificationsRead',
    operation: 'mutation',
    args: { userId: 'ID' },
    success: 'MarkAllNotificationsReadPayload',
    rule: (caller, args) => ruleActAsUser(caller, asId(args.userId)),
  },
  {
    name: 'deleteNotification',
    operation: 'mutation',
    args: { userId: 'ID', notificationId: 'ID!' },
    success: 'DeleteNotificationPayload',
    rule: (caller, args) => ruleDeleteNotification(caller, asId(args.userId), String(args.notificationId)),
    onSuccess: (world, args) => recordSuccess(world, 'deleteNotification', String(args.notificationId)),
    examples: (world) => [
      { who: 'user', values: { notificationId: world.notificationOther } },
      { who: 'service', values: { userId: world.alice.id, notificationId: world.notification } },
      { who: 'user', values: { notificationId: world.notification } },
    ],
  },
  // Blocks, settings and batch status (beyond the documented API)
  {
    name: 'settings',
    operation: 'query',
    args: { userId: 'ID' },
    success: 'Settings',
    rule: (caller, args) => ruleActAsUser(caller, asId(args.userId)),
  },
  {
    name: 'updateSettings',
    operation: 'mutation',
    args: { userId: 'ID', acceptRequestsFrom: 'RequestPolicy!' },
    success: 'Settings',
    rule: (caller, args) => ruleActAsUser(caller, asId(args.userId)),
    examples: () => [
      { who: 'user', values: { acceptRequestsFrom: 'NOBODY' } },
      { who: 'user', values: { acceptRequestsFrom: 'nobody' } },
    ],
  },
  {
    name: 'blockedUsers',
    operation: 'query',
    args: { userId: 'ID', ...pagingArgs },
    success: 'BlockedUserPage',
    rule: (caller, args) => ruleList(caller, asId(args.userId), graphqlPaging(args, 10)),
  },
  {
    name: 'blockUser',
    operation: 'mutation',
    args: { userId: 'ID', otherUserId: 'ID!' },
    success: 'BlockUserPayload',
    rule: (caller, args) => ruleBlock(caller, asId(args.userId), String(args.otherUserId)),
    onSuccess: (world, args, caller) =>
      recordBlock(world, asId(args.userId) ?? subjectOf(caller), String(args.otherUserId)),
    examples: (world) => [
      { who: 'user', values: { otherUserId: world.alice.id } },
      { who: 'user', values: { otherUserId: world.carol.id } },
      { who: 'user', values: { otherUserId: world.carol.id } },
      { who: 'service', values: { userId: world.gina.id, otherUserId: world.alice.id } },
    ],
  },
  {
    name: 'unblockUser',
    operation: 'mutation',
    args: { userId: 'ID', otherUserId: 'ID!' },
    success: 'UnblockUserPayload',
    rule: (caller, args) => ruleUnblock(caller, asId(args.userId), String(args.otherUserId)),
    examples: (world) => [
      { who: 'user', values: { otherUserId: world.alice.id } },
      { who: 'service', values: { userId: world.alice.id, otherUserId: world.frank.id } },
      { who: 'user', values: { otherUserId: world.frank.id } },
      { who: 'user', values: { otherUserId: world.gina.id } },
    ],
  },
  {
    name: 'relationships',
    operation: 'query',
    args: { userId: 'ID', userIds: '[ID!]!' },
    success: 'RelationshipList',
    rule: (caller, args) => ruleRelationships(caller, asId(args.userId), args.userIds as string[]),
    examples: (world) => [
      { who: 'user', values: { userIds: [world.carol.id, world.bob.id, world.frank.id, world.gina.id, 'ghost'] } },
      { who: 'service', values: { userId: world.bob.id, userIds: world.alice.id } },
      { who: 'user', values: { userIds: [] } },
      { who: 'user', values: { userIds: Array.from({ length: 101 }, () => world.bob.id) } },
    ],
  },
];

/** Whether a JSON variable value coerces to the argument's type (GraphQL input coercion). */
function coercesTo(type: ArgType, value: unknown): boolean {
  if (value === undefined) return !type.endsWith('!');
  if (value === null) return !type.endsWith('!');
  if (type === '[ID!]!') {
    // A single value stands for a list of one (input coercion of lists).
    return (Array.isArray(value) ? value : [value]).every((item) => coercesTo('ID!', item));
  }
  switch (type.replace('!', '')) {
    case 'ID':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
    case 'String':
      return typeof value === 'string';
    case 'Int':
      return typeof value === 'number' && Number.isInteger(value) && value >= -(2 ** 31) && value <= MAX_INT;
    case 'Boolean':
      return typeof value === 'boolean';
    default:
      return typeof value === 'string' && ENUM_VALUES[type.replace('!', '')]!.includes(value);
  }
}

/** The value as the resolver sees it after coercion (IDs are strings, lists are lists). */
function coerced(type: ArgType, value: unknown): unknown {
  if (type === '[ID!]!') return (Array.isArray(value) ? value : [value]).map((item) => coerced('ID!', item));
  return type.startsWith('ID') && typeof value === 'number' ? String(value) : value;
}

/** A GraphQL literal for a value, and whether that literal is valid for the type. */
function literal(type: ArgType, value: unknown): { text: string; valid: boolean } {
  const base = type.replace('!', '');
  if (value === null) return { text: 'null', valid: !type.endsWith('!') };
  if (type === '[ID!]!') {
    if (!Array.isArray(value)) return literal('ID!', value);
    const items = value.map((item) => literal('ID!', item));
    return { text: `[${items.map((item) => item.text).join(', ')}]`, valid: items.every((item) => item.valid) };
  }
  if (typeof value === 'string') {
    if (base in ENUM_VALUES && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value)) {
      if (['true', 'false', 'null'].includes(value)) return { text: JSON.stringify(value), valid: false };
      return { text: value, valid: ENUM_VALUES[base]!.includes(value) };
    }
    // A JSON string is a GraphQL string, except that GraphQL refuses escaped lone surrogates.
    return { text: JSON.stringify(value), valid: (base === 'ID' || base === 'String') && !hasLoneSurrogate(value) };
  }
  if (typeof value === 'number') {
    const text = String(value);
    const isInt = /^-?\d+$/.test(text);
    const valid = isInt && (base === 'ID' || (base === 'Int' && value >= -(2 ** 31) && value <= MAX_INT));
    return { text: /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? text : '"not-a-number"', valid: valid && isInt };
  }
  if (typeof value === 'boolean') return { text: String(value), valid: base === 'Boolean' };
  // Lists and objects are never valid for these scalar arguments.
  return { text: Array.isArray(value) ? '[1, "x"]' : '{ a: 1 }', valid: false };
}

/** A variable type that no argument of this type accepts. */
const WRONG_DECLARATION: Record<string, string> = {
  ID: 'Int',
  String: 'Int',
  Int: 'String',
  Boolean: 'String',
  ConnectionRequestStatusFilter: 'String',
  RequestPolicy: 'String!',
  // `[ID!]!` with its first `!` dropped: a single ID is not a list (variables are not coerced).
  '[ID]!': 'ID!',
};

function argumentValue(type: ArgType, world: World, field: string): fc.Arbitrary<unknown> {
  const base = type.replace('!', '');
  const wrong = { arbitrary: wrongJsonType, weight: 1 };
  const omitted = (weight: number) => ({ arbitrary: fc.constant(undefined), weight });
  if (type === '[ID!]!') {
    const userIds = [world.alice.id, world.bob.id, world.carol.id, world.dave.id, world.frank.id, 'ghost'];
    const item = fc.oneof(
      { arbitrary: fc.constantFrom(...userIds), weight: 6 },
      { arbitrary: fc.constantFrom(...userIds).map((id) => (/^\d+$/.test(id) ? Number(id) : id)), weight: 1 },
      { arbitrary: hostileIdValue, weight: 2 },
      { arbitrary: fc.integer(), weight: 1 },
      { arbitrary: fc.constantFrom(null, true, 1.5, {}, [world.alice.id]), weight: 1 },
    );
    return fc.oneof(
      { arbitrary: fc.array(item, { minLength: 1, maxLength: 5 }), weight: 6 },
      { arbitrary: fc.array(fc.constantFrom(...userIds), { minLength: 1, maxLength: 5 }), weight: 3 },
      { arbitrary: fc.constant([]), weight: 1 },
      {
        arbitrary: fc
          .integer({ min: 99, max: 101 })
          .chain((n) => fc.array(fc.constantFrom(...userIds), { minLength: n, maxLength: n })),
        weight: 1,
      },
      // A single ID stands for a list of one.
      { arbitrary: fc.constantFrom(...userIds), weight: 1 },
      wrong,
      omitted(1),
    );
  }
  if (base === 'ID') {
    const known =
      field === 'userId' || field === 'receiverId'
        ? [world.alice.id, world.alice.id, world.bob.id, world.carol.id, world.dave.id, 'fresh']
        : field === 'otherUserId'
          ? [world.alice.id, world.bob.id, world.carol.id, world.dave.id, world.frank.id, world.gina.id, 'fresh']
          : [world.requestIn, world.requestOut, world.connection, world.connectionOther, world.notification];
    return fc.oneof(
      { arbitrary: fc.constantFrom(...known), weight: 4 },
      { arbitrary: fc.constantFrom(...known).map((id) => (/^\d+$/.test(id) ? Number(id) : id)), weight: 1 },
      { arbitrary: hostileIdValue, weight: 3 },
      wrong,
      // An omitted userId acts as the token's subject.
      omitted(field === 'userId' ? 3 : 1),
    );
  }
  if (field === 'after') {
    // Cursors: mostly none; else garbage, or base64url of "time:id" with hostile numbers.
    const forged = fc
      .tuple(fc.oneof(fc.nat(), fc.maxSafeNat(), fc.constant(8.64e15 + 1)), fc.oneof(fc.nat(), fc.maxSafeNat()))
      .map(([time, id]) => Buffer.from(`${time}:${id}`).toString('base64url'));
    return fc.oneof({ arbitrary: hostileText, weight: 1 }, { arbitrary: forged, weight: 1 }, wrong, omitted(8));
  }
  if (base === 'String') return fc.oneof({ arbitrary: hostileText, weight: 6 }, wrong, omitted(1));
  if (base === 'Int') {
    return fc.oneof(
      { arbitrary: fc.integer({ min: -2, max: 55 }), weight: 5 },
      { arbitrary: fc.integer(), weight: 1 },
      { arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, -0, 1e21, '1', 'abc'), weight: 1 },
      wrong,
      omitted(field === 'first' ? 12 : 6),
    );
  }
  if (base === 'Boolean')
    return fc.oneof({ arbitrary: fc.boolean(), weight: 4 }, fc.constantFrom('true', 0, 1), wrong, omitted(2));
  const values = ENUM_VALUES[base]!;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...values), weight: 4 },
    fc.constantFrom(...values.map((value) => value.toLowerCase()), 'Pending', 'REJECTED', 'true', ''),
    hostileText.filter((text) => text.length < 200),
    wrong,
    omitted(type.endsWith('!') ? 1 : 2),
  );
}

interface GraphQLReply {
  status: number;
  text: string;
  json: unknown;
}

async function postGraphQL(
  token: string,
  body: string,
  type: string | null = 'application/json',
): Promise<GraphQLReply> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (type !== null) headers['content-type'] = type;
  const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: new Blob([body]) });
  const text = await response.text();
  const parsed = parseJson(text);
  return { status: response.status, text, json: parsed.ok ? parsed.value : undefined };
}

type GraphQLResult = { errors: { message: string; extensions?: Record<string, unknown> }[] | undefined; data: any };

/** Checks one GraphQL result: `data` and/or `errors`, no masked unexpected error. */
function checkGraphQLResult(result: unknown, status: number, details: Record<string, unknown>): GraphQLResult {
  if (!isPlainObject(result)) throw violation('GraphQL answer is not a JSON object', details);
  const unknownKeys = Object.keys(result).filter((key) => !['data', 'errors', 'extensions'].includes(key));
  if (unknownKeys.length > 0 || (!('data' in result) && !('errors' in result))) {
    throw violation('GraphQL answer is not {data, errors}', details);
  }
  const errors = result.errors as GraphQLResult['errors'];
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) throw violation('errors is not a non-empty list', details);
    for (const error of errors) {
      if (!isPlainObject(error) || typeof error.message !== 'string') throw violation('malformed error', details);
      if (error.message === 'Unexpected error.') throw violation('masked unexpected error (a server failure)', details);
    }
  }
  if (status !== 200 && errors === undefined) throw violation('non-200 answer without errors', details);
  return { errors, data: result.data };
}

/**
 * Checks that a GraphQL answer is well-formed: no 5xx, a JSON object with `data` and/or
 * `errors` (or the documented 413 body; or, for a batch sent as a JSON array, an array of such
 * results). Returns its errors and data (of every result of a batch).
 */
function checkGraphQLShape(reply: GraphQLReply, context: Record<string, unknown>, batch = false): GraphQLResult {
  const details = { ...context, status: reply.status, response: reply.text };
  if (reply.status >= 500) throw violation('5xx answer', details);
  const body = reply.json;
  if (reply.status === 413) {
    if (!isPlainObject(body) || body.code !== 'PAYLOAD_TOO_LARGE' || body.error !== 'Payload Too Large') {
      throw violation('413 without the documented body', details);
    }
    return { errors: [{ message: String(body.message) }], data: undefined };
  }
  if (batch && Array.isArray(body)) {
    const results = body.map((result) => checkGraphQLResult(result, reply.status, details));
    const errors = results.flatMap((result) => result.errors ?? []);
    return { errors: errors.length > 0 ? errors : undefined, data: Object.assign({}, ...results.map((r) => r.data)) };
  }
  return checkGraphQLResult(body, reply.status, details);
}

/** A document refused by a limit of the gateway (depth, cost, tokens…) before it ran. */
const refusedByLimit = (errors: GraphQLResult['errors']) =>
  errors?.every((error) => typeof error.extensions?.code === 'string' && /_EXCEEDED$/.test(error.extensions.code)) ??
  false;

describe('ids that are not well-formed Unicode', () => {
  // PostgreSQL text cannot hold a lone surrogate: the driver writes U+FFFD in its place, so
  // "eve\ud800", "eve\udfff" and "eve\ufffd" would all name one user. An id with a lone
  // surrogate must be refused or name nobody, never another user.
  it('do not alias the user whose id has U+FFFD in their place', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const real = `eve\ufffd${world.alice.id}`;
    const created = await server.rest('PUT', `/v1/users/${encodeURIComponent(real)}`, {
      token: world.tenant.serviceToken,
      body: { display_name: 'The real one' },
    });
    expect(created.status).toBe(201);
    const before = await snapshot(tenant);
    for (const alias of [real.replace('\ufffd', '\ud800'), real.replace('\ufffd', '\udfff')]) {
      const read = await postGraphQL(
        world.tenant.serviceToken,
        JSON.stringify({
          query: 'query($u: ID) { user(userId: $u) { __typename ... on User { clientUserId } ... on Error { code } } }',
          variables: { u: alias },
        }),
      );
      const sent = await postGraphQL(
        world.alice.token,
        JSON.stringify({
          query: 'mutation($to: ID!) { sendConnectionRequest(receiverId: $to) { __typename ... on Error { code } } }',
          variables: { to: alias },
        }),
      );
      const rest = await call({
        method: 'POST',
        path: `/v1/connections/${world.alice.id}/request`,
        token: world.alice.token,
        body: JSON.stringify({ receiver_id: alias }),
      });
      const found = [read, sent].map((reply) => Object.values((reply.json as any)?.data ?? {})[0] as any);
      expect({
        alias: JSON.stringify(alias),
        user: found[0]?.__typename,
        send: found[1]?.__typename,
        rest: rest.status,
      }).toEqual({
        alias: JSON.stringify(alias),
        user: expect.stringMatching(/^(NotFoundError|ValidationError)$/),
        send: expect.stringMatching(/^(NotFoundError|ValidationError)$/),
        rest: expect.toBeOneOf([400, 404]),
      });
      await expectUnchanged(tenant, before, { alias: JSON.stringify(alias) });
    }
  });
});

describe('GraphQL: hostile arguments on every query and mutation field', () => {
  it('covers every query and mutation field of the schema, with the arguments it declares', () => {
    const served = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ({ field: f, operation: 'query' })),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ({ field: f, operation: 'mutation' })),
    ];
    expect(served.map(({ field, operation }) => `${operation} ${field.name}`).sort()).toEqual(
      FIELDS.map((f) => `${f.operation} ${f.name}`).sort(),
    );
    for (const spec of FIELDS) {
      const field = served.find(({ field }) => field.name === spec.name)!.field;
      const declared = Object.fromEntries(field.args.map((arg) => [arg.name, String(arg.type)]));
      for (const [name, type] of Object.entries(spec.args)) {
        expect({ field: spec.name, name, type: declared[name] }).toEqual({ field: spec.name, name, type });
      }
      // Arguments this table does not drive must be optional, so that leaving them out is valid.
      const undriven = field.args.filter((arg) => !(arg.name in spec.args) && String(arg.type).endsWith('!'));
      expect({ field: spec.name, requiredButUndriven: undriven.map((arg) => arg.name) }).toEqual({
        field: spec.name,
        requiredButUndriven: [],
      });
    }
  });

  for (const field of FIELDS) {
    it(`${field.operation} ${field.name}: hostile variables, literals and declarations`, async () => {
      const world = await createWorld();
      const tenant = world.tenant.name;
      const argNames = Object.keys(field.args);
      const input = fc.record({
        who: actor,
        mode: fc.oneof(
          { arbitrary: fc.constant('variables' as const), weight: 6 },
          { arbitrary: fc.constant('inline' as const), weight: 2 },
          { arbitrary: fc.constant('wrong-declaration' as const), weight: 1 },
        ),
        values: fc.record(
          Object.fromEntries(argNames.map((name) => [name, argumentValue(field.args[name]!, world, name)])),
        ) as fc.Arbitrary<Record<string, unknown>>,
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ who, mode, values: generated }) => {
          const caller = { world, actor: who };
          const values = { ...generated };
          for (const [name, value] of Object.entries(values)) {
            if (value === 'fresh') values[name] = (await world.tenant.user('fresh')).id;
          }
          // JSON has no undefined, NaN or -0: what the server receives is the JSON round trip.
          const provided = Object.entries(values).filter(([, value]) => value !== undefined);
          const sent: Record<string, unknown> = JSON.parse(JSON.stringify(Object.fromEntries(provided)));
          const selection = `{ __typename ... on Error { code message } }`;
          let document: string;
          let variables: Record<string, unknown> | undefined;
          let valid: boolean;
          if (mode === 'inline') {
            const literals = Object.entries(sent).map(
              ([name, value]) => [name, literal(field.args[name]!, value)] as const,
            );
            const args = literals.map(([name, l]) => `${name}: ${l.text}`).join(', ');
            document = `${field.operation} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
            valid =
              literals.every(([, l]) => l.valid) &&
              Object.entries(field.args).every(([name, type]) => !type.endsWith('!') || name in sent);
          } else {
            const names = Object.keys(sent);
            const wrongOne = mode === 'wrong-declaration' ? names[0] : undefined;
            const declarations = names
              .map((name) => {
                const type = field.args[name]!;
                const declared = name === wrongOne ? WRONG_DECLARATION[type.replace('!', '')]! : type;
                return `$${name}: ${declared}`;
              })
              .join(', ');
            const args = names.map((name) => `${name}: $${name}`).join(', ');
            document = `${field.operation}${declarations ? `(${declarations})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection} }`;
            variables = sent;
            valid =
              wrongOne === undefined && Object.entries(field.args).every(([name, type]) => coercesTo(type, sent[name]));
          }
          const body = JSON.stringify({ query: document, ...(variables && { variables }) });
          const args = Object.fromEntries(
            Object.entries(field.args).map(([name, type]) => [
              name,
              name in sent ? coerced(type, sent[name]) : undefined,
            ]),
          );
          let expected: Outcome | 'errors' = valid ? await field.rule(caller, args) : 'errors';
          if (Buffer.byteLength(body) > ANY_BODY_LIMIT) expected = 'errors';
          const context = { field: field.name, who, mode, document, variables, expected };
          const before = await snapshot(tenant);
          const reply = await postGraphQL(tokenOf(caller), body);
          const { errors, data } = checkGraphQLShape(reply, context);
          let succeeded = false;
          if (expected === 'errors') {
            tally(`graphql ${field.name} errors`);
            if (!errors || (data != null && data[field.name] != null)) {
              throw violation('invalid arguments were not refused with errors', { ...context, response: reply.text });
            }
          } else if (errors) {
            // Valid arguments may still make a document that a limit refuses (a huge `first`
            // weighs too much): refused before it runs, as a whole.
            if (!refusedByLimit(errors) || data?.[field.name] != null) {
              throw violation('errors for valid arguments', { ...context, response: reply.text });
            }
            tally(`graphql ${field.name} refused by a limit`);
          } else {
            const result = data?.[field.name];
            if (!result || typeof result.__typename !== 'string')
              throw violation('no result', { ...context, response: reply.text });
            tally(`graphql ${field.name} ${result.code ?? result.__typename}`);
            if (result.__typename === field.success) {
              if (expected.success.length === 0)
                throw violation('unexpected success', { ...context, response: reply.text });
              succeeded = true;
              field.onSuccess?.(world, args, caller);
            } else if (
              typeof result.code !== 'string' ||
              typeof result.message !== 'string' ||
              TYPENAME_OF_CODE[result.code] !== result.__typename ||
              !expected.codes.includes(result.code)
            ) {
              throw violation('unexpected result', { ...context, response: reply.text });
            }
          }
          if (!succeeded) await expectUnchanged(tenant, before, { ...context, response: reply.text });
        }),
        params(
          RUNS,
          (field.examples?.(world) ?? []).map(
            ({
              who,
              values,
            }): [
              { who: Actor; mode: 'variables' | 'inline' | 'wrong-declaration'; values: Record<string, unknown> },
            ] => [{ who, mode: 'variables', values: { ...values } }],
          ),
        ),
      );
    }, 60_000);
  }

  it('a 10 MB argument is refused with 413 on every mutation and query, changing nothing', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    for (const field of FIELDS) {
      const stringArg = Object.entries(field.args).find(
        ([, type]) => type.startsWith('String') || type.startsWith('ID'),
      );
      const name = stringArg![0];
      const document = `${field.operation}($v: ${field.args[name]}) { ${field.name}(${name}: $v) { __typename } }`;
      const body = JSON.stringify({ query: document, variables: { v: TEN_MB } });
      const before = await snapshot(tenant);
      const reply = await postGraphQL(world.alice.token, body);
      expect({ field: field.name, status: reply.status, body: reply.json }).toEqual({
        field: field.name,
        status: 413,
        body: { error: 'Payload Too Large', message: expect.any(String), code: 'PAYLOAD_TOO_LARGE' },
      });
      await expectUnchanged(tenant, before, { field: field.name });
    }
  }, 60_000);

  it('malformed JSON, wrong JSON types and wrong content types: well-formed refusals, nothing changed', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const mutation = `mutation { sendConnectionRequest(receiverId: ${JSON.stringify(world.erin.id)}, message: "hi") { __typename } }`;
    const body = fc.oneof(
      fc.constantFrom(...MALFORMED_JSON, ...NON_OBJECT_JSON, '', '{}'),
      fc
        .record(
          {
            query: fc.oneof(fc.constant(mutation), hostileText, wrongJsonType),
            variables: fc.oneof(wrongJsonType, fc.constant({ x: 1 })),
            operationName: fc.oneof(fc.constant('Nope'), wrongJsonType),
            extensions: wrongJsonType,
          },
          { requiredKeys: ['query'] },
        )
        .map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary', maxLength: 60 }).map((text) => JSON.stringify({ query: text })),
      fc.constantFrom(`query=${encodeURIComponent(mutation)}`, 'query=%7B', `${mutation}`),
    );
    const type = fc.constantFrom(
      'application/json',
      'application/graphql+json',
      'application/graphql-response+json',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'text/plain',
      'application/graphql',
      'text/html',
      null,
    );
    await fc.assert(
      fc.asyncProperty(body, type, async (text, contentType) => {
        const context = { body: text, contentType };
        const before = await snapshot(tenant);
        const reply = await postGraphQL(world.alice.token, text, contentType);
        // An unsupported media type may be refused with 415 and no body (GraphQL over HTTP).
        if (reply.status === 415 && reply.text === '') return;
        const batch = text.trimStart().startsWith('[');
        const { errors, data } = checkGraphQLShape(reply, context, batch);
        // An empty batch has no results.
        if (batch && Array.isArray(reply.json) && reply.json.length === 0) return;
        // The one valid request here (the first send to erin) may change the database; a
        // repeated one is a typed conflict, and everything else is refused.
        if (data?.sendConnectionRequest?.__typename === 'SendConnectionRequestPayload') return;
        if (!errors && data?.sendConnectionRequest === undefined) throw violation('no result and no errors', context);
        await expectUnchanged(tenant, before, { ...context, response: reply.text });
      }),
      params(RUNS + 20),
    );
  }, 60_000);

  it('a mutation sent with GET is refused and not run', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    const before = await snapshot(tenant);
    const query = `mutation { upsertUser(displayName: "Renamed by GET") { __typename } }`;
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent(query)}`, {
      headers: { authorization: `Bearer ${world.alice.token}`, accept: 'application/json' },
    });
    const reply = { status: response.status, text: await response.text(), json: undefined as unknown };
    reply.json = parseJson(reply.text).ok ? JSON.parse(reply.text) : undefined;
    expect(reply.status).toBeGreaterThanOrEqual(400);
    const { errors } = checkGraphQLShape(reply, { query });
    expect(errors?.length).toBeGreaterThan(0);
    await expectUnchanged(tenant, before, { query });
  });
});
