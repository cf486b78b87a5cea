/**
 * Tokens that must not authenticate: `alg: none`, algorithm confusion, algorithms other than
 * the pinned HS256, expired and not-yet-valid tokens, wrong signatures, bad subjects, tenants
 * and roles, malformed and non-canonical base64url, oversized tokens, other schemes and
 * duplicated Authorization headers. Each is tried on REST (a read and a write), on GraphQL
 * over HTTP (a query and a mutation) and in a WebSocket `connection_init`; every one must be
 * refused (401 `{error, message, code: UNAUTHENTICATED}`, GraphQL `UNAUTHENTICATED` with HTTP
 * 401, socket closed with 4401) and must change nothing.
 */
import { createHmac, randomUUID } from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signToken } from '../../src/platform/auth/jwt.js';
import { createTenant, type SeededUser, TEST_JWT_SECRET, type Tenant, useTestServer } from '../helpers/app.js';

const server = useTestServer();

const SECRET = new TextEncoder().encode(TEST_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);
/** JWT_MAX_LIFETIME_SECONDS's default, in seconds. */
const DAY = 86_400;

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
const json64 = (value: unknown) => b64url(JSON.stringify(value));
const hmac = (algorithm: 'sha256' | 'sha384' | 'sha512', key: string | Uint8Array, data: string) =>
  createHmac(algorithm, key).update(data).digest('base64url');

/** A compact JWS from raw parts, signed with HMAC-SHA256 under `key` (the gateway's by default). */
function craft(header: unknown, payload: unknown, key: string | Uint8Array = SECRET): string {
  const signingInput = `${typeof header === 'string' ? header : json64(header)}.${typeof payload === 'string' ? payload : json64(payload)}`;
  return `${signingInput}.${hmac('sha256', key, signingInput)}`;
}

let tenant: Tenant;
let alice: SeededUser;
let bob: SeededUser;
let claims: () => Record<string, unknown>;

beforeAll(async () => {
  tenant = await createTenant(server);
  alice = await tenant.user('alice');
  bob = await tenant.user('bob');
  // Claims that would let the token act as alice if it were accepted.
  claims = () => ({ sub: alice.id, tenant: tenant.name, iat: now(), exp: now() + 3600 });
});

/** Everything the tenant holds, to show that a refused write changed nothing. */
async function snapshot(): Promise<string> {
  const table = (name: string, order: string) =>
    sql`(select count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by ${sql.raw(order)}), ''))
         from ${sql.table(name)} t where t.tenant = ${tenant.name})`;
  const result = await sql<{ snapshot: string }>`
    select concat_ws(' | ', ${table('users', 't.id')}, ${table('connection_requests', 't.id')},
      ${table('connections', 't.id')}, ${table('notifications', 't.id')}) as snapshot`.execute(server.database.db);
  return result.rows[0]!.snapshot;
}

// ---------------------------------------------------------------------------------------------
// The bad tokens. Each is a function, as some are signed with keys made on the spot and all
// carry times relative to now.
// ---------------------------------------------------------------------------------------------

interface BadToken {
  name: string;
  /** The whole Authorization header value. */
  authorization: () => Promise<string>;
}

const bearer = (token: () => string | Promise<string>) => async () => `Bearer ${await token()}`;

async function signedWith(alg: string, claimsSet: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = header.jwk === true ? await exportJWK(publicKey) : undefined;
  return new SignJWT(claimsSet)
    .setProtectedHeader({ alg, typ: 'JWT', ...header, ...(jwk && { jwk }) })
    .sign(privateKey);
}

/** A token the gateway accepts, with the given claims (for the tampering cases). */
const valid = (extra: Record<string, unknown> = {}) =>
  new SignJWT({ ...claims(), ...extra }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(SECRET);

/** A valid token whose signature's base64url ends in a character with spare low bits. */
async function validWithSignatureEnding(): Promise<[string, string, string]> {
  for (let nonce = 0; ; nonce++) {
    const [header, payload, signature] = (await valid({ nonce })).split('.') as [string, string, string];
    if (signature.length === 43) return [header, payload, signature];
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const BAD_TOKENS: BadToken[] = [
  // --- alg: none ------------------------------------------------------------------------------
  {
    name: 'alg none, no signature',
    authorization: bearer(() => `${json64({ alg: 'none', typ: 'JWT' })}.${json64(claims())}.`),
  },
  {
    name: 'alg none, no signature segment at all',
    authorization: bearer(() => `${json64({ alg: 'none' })}.${json64(claims())}`),
  },
  ...['None', 'NONE', 'nOnE'].map((alg) => ({
    name: `alg ${alg}, no signature`,
    authorization: bearer(() => `${json64({ alg, typ: 'JWT' })}.${json64(claims())}.`),
  })),
  { name: 'alg none with a valid HS256 signature', authorization: bearer(() => craft({ alg: 'none' }, claims())) },
  { name: 'no alg header, HS256 signature', authorization: bearer(() => craft({ typ: 'JWT' }, claims())) },
  { name: 'alg empty string, HS256 signature', authorization: bearer(() => craft({ alg: '' }, claims())) },

  // --- algorithm confusion ------------------------------------------------------------------
  ...['RS256', 'ES256', 'PS256', 'EdDSA', 'HS384', 'HS512', 'hs256', 'HS256 '].map((alg) => ({
    name: `header alg ${JSON.stringify(alg)} with an HMAC-SHA256 signature made with the secret`,
    authorization: bearer(() => craft({ alg, typ: 'JWT' }, claims())),
  })),
  {
    name: 'HS384 signed with the secret (the verifier pins HS256)',
    authorization: bearer(() => new SignJWT(claims()).setProtectedHeader({ alg: 'HS384' }).sign(SECRET)),
  },
  {
    name: 'HS512 signed with the secret (the verifier pins HS256)',
    authorization: bearer(() => new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).sign(SECRET)),
  },
  ...['RS256', 'ES256', 'PS256', 'EdDSA'].map((alg) => ({
    name: `a real ${alg} token from an attacker's key pair`,
    authorization: bearer(() => signedWith(alg, claims())),
  })),
  {
    name: "RS256 with the attacker's public key embedded as a jwk header",
    authorization: bearer(() => signedWith('RS256', claims(), { jwk: true })),
  },
  {
    name: 'kid pointing at a file, signed with an empty key',
    authorization: bearer(() => craft({ alg: 'HS256', kid: '../../../../../../dev/null' }, claims(), '')),
  },
  {
    name: 'kid with SQL injection, signed with an attacker key',
    authorization: bearer(() =>
      craft({ alg: 'HS256', kid: "' UNION SELECT 'attacker-key' --" }, claims(), 'attacker-key'),
    ),
  },
  {
    name: 'jku pointing at an attacker URL',
    authorization: bearer(() => craft({ alg: 'HS256', jku: 'http://127.0.0.1:1/jwks.json' }, claims(), 'attacker-key')),
  },
  {
    name: 'crit header naming an unknown extension (signed with the secret)',
    authorization: bearer(() => craft({ alg: 'HS256', crit: ['x-unknown'], 'x-unknown': true }, claims())),
  },
  {
    name: 'unencoded payload (b64: false), signed with the secret',
    authorization: bearer(() => craft({ alg: 'HS256', b64: false, crit: ['b64'] }, claims())),
  },

  // --- lifetime -----------------------------------------------------------------------------
  { name: 'expired a minute ago', authorization: bearer(() => valid({ exp: now() - 60 })) },
  { name: 'expires this very second', authorization: bearer(() => valid({ exp: now() })) },
  { name: 'exp 0', authorization: bearer(() => valid({ exp: 0 })) },
  { name: 'exp negative', authorization: bearer(() => valid({ exp: -1 })) },
  { name: 'exp as a string', authorization: bearer(() => valid({ exp: String(now() + 3600) })) },
  { name: 'exp null', authorization: bearer(() => valid({ exp: null })) },
  { name: 'exp as a list', authorization: bearer(() => valid({ exp: [now() + 3600] })) },
  { name: 'not valid before an hour from now (nbf)', authorization: bearer(() => valid({ nbf: now() + 3600 })) },
  { name: 'nbf as a string', authorization: bearer(() => valid({ nbf: '0' })) },
  { name: 'iat not a number', authorization: bearer(() => valid({ iat: 'yesterday' })) },
  { name: 'issued an hour from now (iat)', authorization: bearer(() => valid({ iat: now() + 3600 })) },
  // A token must expire, within JWT_MAX_LIFETIME_SECONDS (a day) of when it was issued.
  { name: 'no exp (valid forever)', authorization: bearer(() => valid({ exp: undefined })) },
  { name: 'no exp and no iat', authorization: bearer(() => valid({ exp: undefined, iat: undefined })) },
  { name: 'valid a day and a minute', authorization: bearer(() => valid({ exp: now() + DAY + 60 })) },
  { name: 'valid for a year', authorization: bearer(() => valid({ exp: now() + 365 * DAY })) },
  {
    name: 'no iat, expiring in two days',
    authorization: bearer(() => valid({ iat: undefined, exp: now() + 2 * DAY })),
  },
  {
    name: 'issued 25 hours ago for 26 hours (an hour left)',
    authorization: bearer(() => valid({ iat: now() - 25 * 3600, exp: now() + 3600 })),
  },
  {
    name: 'iat a year ahead, so that exp a year ahead looks like an hour',
    authorization: bearer(() => valid({ iat: now() + 365 * DAY - 3600, exp: now() + 365 * DAY })),
  },
  {
    name: 'a service token valid for two days',
    authorization: bearer(() => valid({ role: 'service', exp: now() + 2 * DAY })),
  },
  {
    name: 'a service token without exp',
    authorization: bearer(() => valid({ role: 'service', exp: undefined })),
  },

  // --- signature ----------------------------------------------------------------------------
  {
    name: 'signed with another secret',
    authorization: bearer(() =>
      craft({ alg: 'HS256', typ: 'JWT' }, claims(), 'some-other-secret-that-is-long-enough!!'),
    ),
  },
  {
    name: 'signed with the secret minus its last character',
    authorization: bearer(() => craft({ alg: 'HS256' }, claims(), TEST_JWT_SECRET.slice(0, -1))),
  },
  {
    name: 'signed with the secret plus one character',
    authorization: bearer(() => craft({ alg: 'HS256' }, claims(), `${TEST_JWT_SECRET}x`)),
  },
  { name: 'signed with an empty secret', authorization: bearer(() => craft({ alg: 'HS256' }, claims(), '')) },
  {
    name: "bob's payload under alice's signature (payload swapped)",
    authorization: bearer(async () => {
      const [header, , signature] = (await valid()).split('.');
      return `${header}.${json64({ ...claims(), sub: bob.id })}.${signature}`;
    }),
  },
  {
    name: 'role raised to service after signing',
    authorization: bearer(async () => {
      const [header, , signature] = (await valid()).split('.');
      return `${header}.${json64({ ...claims(), role: 'service' })}.${signature}`;
    }),
  },
  {
    name: 'header changed after signing',
    authorization: bearer(async () => {
      const [, payload, signature] = (await valid()).split('.');
      return `${json64({ alg: 'HS256', typ: 'JWT', kid: 'x' })}.${payload}.${signature}`;
    }),
  },
  {
    name: 'signature truncated',
    authorization: bearer(async () => (await valid()).slice(0, -4)),
  },
  {
    name: 'signature empty',
    authorization: bearer(async () => `${(await valid()).split('.').slice(0, 2).join('.')}.`),
  },
  {
    name: 'signature with one bit flipped',
    authorization: bearer(async () => {
      const [header, payload, signature] = (await valid()).split('.') as [string, string, string];
      const bytes = Buffer.from(signature, 'base64url');
      bytes[0] = bytes[0]! ^ 1;
      return `${header}.${payload}.${bytes.toString('base64url')}`;
    }),
  },

  // --- claims -------------------------------------------------------------------------------
  { name: 'no sub', authorization: bearer(() => valid({ sub: undefined })) },
  { name: 'empty sub', authorization: bearer(() => valid({ sub: '' })) },
  { name: 'sub a number', authorization: bearer(() => valid({ sub: 123 })) },
  { name: 'sub null', authorization: bearer(() => valid({ sub: null })) },
  { name: 'sub true', authorization: bearer(() => valid({ sub: true })) },
  { name: 'sub a list', authorization: bearer(() => valid({ sub: [alice.id] })) },
  { name: 'sub an object', authorization: bearer(() => valid({ sub: { id: alice.id } })) },
  { name: 'sub with a NUL', authorization: bearer(() => valid({ sub: `${alice.id}\u0000` })) },
  { name: 'tenant a number', authorization: bearer(() => valid({ tenant: 1 })) },
  { name: 'tenant empty', authorization: bearer(() => valid({ tenant: '' })) },
  { name: 'tenant null', authorization: bearer(() => valid({ tenant: null })) },
  { name: 'tenant a list', authorization: bearer(() => valid({ tenant: [tenant.name] })) },
  { name: 'tenant of 129 characters', authorization: bearer(() => valid({ tenant: 't'.repeat(129) })) },
  { name: 'tenant with a NUL', authorization: bearer(() => valid({ tenant: `${tenant.name}\u0000` })) },
  { name: "role 'admin'", authorization: bearer(() => valid({ role: 'admin' })) },
  { name: "role 'SERVICE'", authorization: bearer(() => valid({ role: 'SERVICE' })) },
  { name: 'role a list', authorization: bearer(() => valid({ role: ['service'] })) },
  { name: 'role null', authorization: bearer(() => valid({ role: null })) },

  // --- malformed ----------------------------------------------------------------------------
  { name: 'not a JWT at all', authorization: async () => 'Bearer not-a-jwt' },
  { name: 'two segments', authorization: bearer(async () => (await valid()).split('.').slice(0, 2).join('.')) },
  { name: 'four segments', authorization: bearer(async () => `${await valid()}.${b64url('extra')}`) },
  { name: 'empty segments', authorization: async () => 'Bearer ..' },
  {
    name: 'header not base64url',
    authorization: bearer(async () => `!!!!.${(await valid()).split('.').slice(1).join('.')}`),
  },
  {
    name: 'header base64url of something that is not JSON',
    authorization: bearer(() => craft(b64url('{alg: HS256'), claims())),
  },
  { name: 'header a JSON list', authorization: bearer(() => craft(json64(['HS256']), claims())) },
  { name: 'header JSON null', authorization: bearer(() => craft(json64(null), claims())) },
  { name: 'payload not JSON', authorization: bearer(() => craft({ alg: 'HS256' }, b64url('sub=alice1'))) },
  { name: 'payload a JSON list', authorization: bearer(() => craft({ alg: 'HS256' }, json64([claims()]))) },
  { name: 'payload a JSON string', authorization: bearer(() => craft({ alg: 'HS256' }, json64('alice1'))) },
  { name: 'payload empty', authorization: bearer(() => craft({ alg: 'HS256' }, '')) },
  {
    name: 'header in standard base64 with padding (signed over exactly those bytes)',
    authorization: bearer(() =>
      craft(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', x: '>>>???' })).toString('base64'), claims()),
    ),
  },
  {
    name: 'payload in standard base64 with padding (signed over exactly those bytes)',
    authorization: bearer(() =>
      craft({ alg: 'HS256' }, Buffer.from(JSON.stringify({ ...claims(), pad: '>>>??' })).toString('base64')),
    ),
  },
  {
    name: 'a JWS in JSON serialization instead of compact',
    authorization: bearer(async () => {
      const [protectedHeader, payload, signature] = (await valid()).split('.');
      return JSON.stringify({ protected: protectedHeader, payload, signature });
    }),
  },
  // A valid token re-encoded: the same signature bytes, but not the canonical base64url text.
  {
    name: 'valid token with a padded signature (base64url has no padding)',
    authorization: bearer(async () => `${(await validWithSignatureEnding()).join('.')}=`),
  },
  ...[1, 2, 3].map((delta) => ({
    name: `valid token whose signature's last character differs only in its unused bits (+${delta})`,
    authorization: bearer(async () => {
      const [header, payload, signature] = await validWithSignatureEnding();
      const last = ALPHABET.indexOf(signature.at(-1)!);
      const other = ALPHABET[(last & ~3) | ((last + delta) & 3)]!;
      return `${header}.${payload}.${signature.slice(0, -1)}${other}`;
    }),
  })),

  // --- size ---------------------------------------------------------------------------------
  { name: 'an 8 KB token of garbage', authorization: async () => `Bearer ${'A'.repeat(8 * 1024)}` },
  {
    name: 'a 100 KB token (correctly signed)',
    authorization: bearer(() => valid({ padding: 'p'.repeat(100 * 1024) })),
  },

  // --- scheme -------------------------------------------------------------------------------
  { name: 'Basic credentials', authorization: async () => `Basic ${b64url(`${alice.id}:secret`)}` },
  { name: 'a valid token under the Basic scheme', authorization: async () => `Basic ${await valid()}` },
  { name: 'a valid token under the Token scheme', authorization: async () => `Token ${await valid()}` },
  { name: 'a valid token without a scheme', authorization: async () => valid() },
  { name: "'Bearer' alone", authorization: async () => 'Bearer' },
  { name: "'Bearer' and spaces", authorization: async () => 'Bearer    ' },
  { name: 'a valid token followed by another word', authorization: async () => `Bearer ${await valid()} extra` },
  { name: 'two tokens in one header', authorization: async () => `Bearer ${await valid()}, Bearer ${await valid()}` },
  { name: 'a valid token glued to the scheme', authorization: async () => `Bearer${await valid()}` },
];

// ---------------------------------------------------------------------------------------------
// Calls.
// ---------------------------------------------------------------------------------------------

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A request through node:http with raw headers, so that headers can be repeated; answers
 * whatever the server says (a refusal before the app, too).
 */
function request(
  method: string,
  path: string,
  headers: [string, string][],
  body?: string,
  base = server.url,
): Promise<Reply> {
  const { hostname, port } = new URL(base);
  const raw = [['Host', `${hostname}:${port}`], ...headers].flat();
  if (body !== undefined)
    raw.push('Content-Type', 'application/json', 'Content-Length', String(Buffer.byteLength(body)));
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ hostname, port, method, path, headers: raw, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          text: Buffer.concat(chunks).toString(),
        }),
      );
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const parse = (text: string): any => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** The REST and GraphQL calls each bad token is tried on: reads and writes. */
function surfaces() {
  const send = JSON.stringify({ receiver_id: bob.id, message: 'should never be stored' });
  const mutation = JSON.stringify({
    query: `mutation { sendConnectionRequest(receiverId: ${JSON.stringify(bob.id)}, message: "never") { __typename } }`,
  });
  const query = JSON.stringify({ query: '{ user { __typename ... on User { clientUserId } } }' });
  return [
    { face: 'rest', method: 'GET', path: `/v1/users/${alice.id}` },
    { face: 'rest', method: 'GET', path: `/v1/connections/${alice.id}/notifications` },
    { face: 'rest', method: 'POST', path: `/v1/connections/${alice.id}/request`, body: send },
    { face: 'rest', method: 'PUT', path: `/v1/users/${alice.id}`, body: JSON.stringify({ display_name: 'Hijacked' }) },
    { face: 'graphql', method: 'POST', path: '/graphql', body: query },
    { face: 'graphql', method: 'POST', path: '/graphql', body: mutation },
  ] as const;
}

const MAX_HEADER_REFUSAL = { status: 431, code: 'HEADERS_TOO_LARGE', error: 'Request Header Fields Too Large' };

/** Asserts a refusal: 401 with the documented body, or a documented 431 for oversized headers. */
function expectRefused(
  face: 'rest' | 'graphql',
  reply: Reply,
  context: Record<string, unknown>,
  authorization: string[],
): void {
  const body = parse(reply.text);
  const fail = (what: string) =>
    new Error(
      `${what}: ${JSON.stringify({
        ...context,
        authorization: authorization.map((value) => (value.length > 200 ? `${value.slice(0, 200)}…` : value)),
        status: reply.status,
        wwwAuthenticate: reply.headers['www-authenticate'],
        body: reply.text.slice(0, 500),
      })}`,
    );
  // Oversized headers may be refused before the app reads them, with the documented error body.
  if (reply.status === MAX_HEADER_REFUSAL.status) {
    if (
      body?.code !== MAX_HEADER_REFUSAL.code ||
      body?.error !== MAX_HEADER_REFUSAL.error ||
      typeof body?.message !== 'string'
    ) {
      throw fail('431 without the documented error body');
    }
    return;
  }
  if (reply.status !== 401) throw fail('not refused with 401');
  if (reply.headers['www-authenticate'] !== 'Bearer') throw fail('401 without WWW-Authenticate: Bearer');
  let message: unknown;
  if (face === 'rest') {
    const keys = body && typeof body === 'object' ? Object.keys(body).sort().join(',') : '';
    if (keys !== 'code,error,message' || body.error !== 'Unauthorized' || body.code !== 'UNAUTHENTICATED') {
      throw fail('401 without the documented body');
    }
    message = body.message;
  } else {
    const errors = body?.errors;
    if ((body?.data ?? null) !== null || !Array.isArray(errors) || errors.length !== 1)
      throw fail('not one GraphQL error');
    if (errors[0]?.extensions?.code !== 'UNAUTHENTICATED') throw fail('GraphQL error is not UNAUTHENTICATED');
    message = errors[0].message;
  }
  if (typeof message !== 'string' || message.length === 0) throw fail('no message');
  // The refusal does not reflect the token back.
  for (const value of authorization) {
    const token = value.replace(/^\S+\s+/, '');
    if (token.length >= 16 && message.includes(token)) throw fail('the token is reflected in the message');
  }
}

/** Opens a socket, sends connection_init with `payload`, and reports whether it was acknowledged. */
function connectionInit(
  payload: unknown,
  base = server.url,
): Promise<{ acked: boolean; code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    let acked = false;
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('the socket was neither acknowledged nor closed'));
    }, 10_000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', (data) => {
      if (parse(String(data))?.type === 'connection_ack') {
        acked = true;
        socket.close(1000);
      }
    });
    socket.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ acked, code, reason: reason.toString() });
    });
    socket.on('error', () => {});
  });
}

// ---------------------------------------------------------------------------------------------

describe('the harness can tell acceptance from refusal', () => {
  it('accepts a valid token everywhere (the control case)', async () => {
    const authorization = `Bearer ${await valid()}`;
    for (const call of surfaces()
      .filter((c) => c.method === 'GET' || c.face === 'graphql')
      .slice(0, 3)) {
      const reply = await request(
        call.method,
        call.path,
        [['Authorization', authorization]],
        'body' in call ? call.body : undefined,
      );
      expect({ call: call.path, status: reply.status }).toEqual({ call: call.path, status: 200 });
    }
    expect(await connectionInit({ authorization })).toMatchObject({ acked: true });
  });
});

describe('bad tokens are refused on REST, GraphQL and WebSocket, changing nothing', () => {
  for (const bad of BAD_TOKENS) {
    it(bad.name, async () => {
      const authorization = await bad.authorization();
      const before = await snapshot();
      for (const call of surfaces()) {
        const reply = await request(
          call.method,
          call.path,
          [['Authorization', authorization]],
          'body' in call ? call.body : undefined,
        );
        expectRefused(call.face, reply, { token: bad.name, call: `${call.method} ${call.path}` }, [authorization]);
      }
      const socket = await connectionInit({ authorization });
      // A connection_init larger than a WebSocket message may be is refused as too big (1009).
      expect({ token: bad.name, acked: socket.acked, refused: [4401, 1009].includes(socket.code) }).toEqual({
        token: bad.name,
        acked: false,
        refused: true,
      });
      expect(await snapshot()).toBe(before);
    });
  }

  it('a token that expires while cached is refused from then on (REST, GraphQL, WebSocket)', async () => {
    const shortLived = await valid({ exp: now() + 2 });
    const authorization = `Bearer ${shortLived}`;
    const [read, , , , query] = surfaces();
    expect((await request(read.method, read.path, [['Authorization', authorization]])).status).toBe(200);
    expect((await request(query.method, query.path, [['Authorization', authorization]], query.body)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const before = await snapshot();
    for (const call of surfaces()) {
      const reply = await request(
        call.method,
        call.path,
        [['Authorization', authorization]],
        'body' in call ? call.body : undefined,
      );
      expectRefused(call.face, reply, { call: `${call.method} ${call.path}` }, [authorization]);
      if (call.face === 'rest') expect(parse(reply.text).message).toBe('Token has expired');
    }
    expect(await connectionInit({ authorization })).toMatchObject({ acked: false, code: 4401 });
    expect(await snapshot()).toBe(before);
  }, 15_000);

  it('a subscription over SSE with a bad token is refused with 401', async () => {
    const before = await snapshot();
    for (const bad of BAD_TOKENS.filter((b) =>
      /alg none, no signature$|expired a minute ago|signed with another secret/.test(b.name),
    )) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          authorization: await bad.authorization(),
          'content-type': 'application/json',
          accept: 'text/event-stream',
        },
        body: JSON.stringify({ query: 'subscription { notificationAdded { id message } }' }),
        signal: AbortSignal.timeout(5_000),
      });
      const text = await response.text();
      expect({ token: bad.name, status: response.status }).toEqual({ token: bad.name, status: 401 });
      expect(text).toContain('UNAUTHENTICATED');
      expect(text).not.toContain('"data":{');
    }
    expect(await snapshot()).toBe(before);
  });

  it('connection_init without a string authorization, or with a valid token under another key, is refused', async () => {
    const token = await valid();
    for (const payload of [
      null,
      {},
      { authorization: null },
      { authorization: 42 },
      { authorization: [`Bearer ${token}`] },
      { authorization: { toString: `Bearer ${token}` } },
      { authorization: `Basic ${token}` },
      { authorization: token },
      { token },
    ]) {
      const socket = await connectionInit(payload);
      expect({ payload, acked: socket.acked, code: socket.code }).toEqual({ payload, acked: false, code: 4401 });
    }
  });
});

describe('claims that are not well-formed Unicode (lone surrogates)', () => {
  // A lone surrogate cannot be stored in PostgreSQL text: the driver writes U+FFFD instead, so
  // "mallory\udc00" would be looked up as "mallory\ufffd", another user's id.
  it('a subject does not act as the user whose id has U+FFFD in its place (refused, or no such user)', async () => {
    const lookalike = `mallory\ufffd${randomUUID().slice(0, 8)}`;
    const created = await server.rest('PUT', `/v1/users/${encodeURIComponent(lookalike)}`, {
      token: tenant.serviceToken,
      body: { display_name: 'The real one' },
    });
    expect(created.status).toBe(201);
    const token = await valid({ sub: lookalike.replace('\ufffd', '\udc00') });
    const before = await snapshot();

    const query = await request(
      'POST',
      '/graphql',
      [['Authorization', `Bearer ${token}`]],
      JSON.stringify({
        query: '{ user { __typename ... on User { clientUserId displayName } ... on Error { code } } }',
      }),
    );
    const send = await request(
      'POST',
      '/graphql',
      [['Authorization', `Bearer ${token}`]],
      JSON.stringify({
        query: `mutation { sendConnectionRequest(receiverId: ${JSON.stringify(bob.id)}) { __typename ... on Error { code } } }`,
      }),
    );
    for (const reply of [query, send]) {
      const body = parse(reply.text);
      const result = body?.data ? (Object.values(body.data)[0] as any) : undefined;
      const refused = reply.status === 401 || ['NotFoundError', 'ValidationError'].includes(result?.__typename);
      expect({ status: reply.status, result, refused }).toEqual({ status: reply.status, result, refused: true });
    }
    expect(await snapshot()).toBe(before);
  });

  it('a tenant does not reach the tenant whose name has U+FFFD in its place', async () => {
    const base = `t-${randomUUID()}`;
    const realTenant = `${base}\ufffd`;
    const realService = await server.token('backend', { tenant: realTenant, role: 'service' });
    const created = await server.rest('PUT', '/v1/users/victim', {
      token: realService,
      body: { display_name: 'Victim of the real tenant' },
    });
    expect(created.status).toBe(201);
    const alias = await new SignJWT({ tenant: `${base}\ud800`, role: 'service' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('backend')
      .setExpirationTime('1h')
      .sign(SECRET);

    const rest = await request('GET', '/v1/users/victim', [['Authorization', `Bearer ${alias}`]]);
    const graphql = await request(
      'POST',
      '/graphql',
      [['Authorization', `Bearer ${alias}`]],
      JSON.stringify({ query: '{ user(userId: "victim") { __typename ... on User { displayName } } }' }),
    );
    // Refused (401), or a tenant of its own where "victim" does not exist (404): never the other tenant's user.
    const seen = { rest: [rest.status, parse(rest.text)], graphql: [graphql.status, parse(graphql.text)] };
    expect(seen).toEqual({
      rest: [
        expect.toBeOneOf([401, 404]),
        expect.objectContaining({ code: expect.toBeOneOf(['UNAUTHENTICATED', 'USER_NOT_FOUND']) }),
      ],
      graphql: [
        expect.toBeOneOf([200, 401]),
        expect.not.objectContaining({ data: { user: expect.objectContaining({ __typename: 'User' }) } }),
      ],
    });
  });
});

describe('duplicate Authorization headers', () => {
  // Two Authorization headers are ambiguous (RFC 9110 allows a single one): whichever one a
  // proxy checked, the gateway must not pick one of them. Sent through node:http, which writes
  // the header lines exactly as given.
  const good = async () => `Bearer ${await valid()}`;
  const DUPLICATES: { name: string; headers: () => Promise<[string, string]> }[] = [
    { name: 'a valid token, then garbage', headers: async () => [await good(), 'Bearer garbage'] },
    { name: 'garbage, then a valid token', headers: async () => ['Bearer garbage', await good()] },
    {
      name: 'a valid token, then an expired one',
      headers: async () => [await good(), `Bearer ${await valid({ exp: now() - 60 })}`],
    },
    {
      name: "alice's token, then bob's",
      headers: async () => [await good(), `Bearer ${await server.token(bob.id, { tenant: tenant.name })}`],
    },
    {
      name: "alice's token, then another tenant's service token",
      headers: async () => [await good(), `Bearer ${(await createTenant(server)).serviceToken}`],
    },
    { name: 'the same valid token twice', headers: async () => [await good(), await good()] },
  ];

  for (const duplicate of DUPLICATES) {
    it(`are refused with 401 on REST and GraphQL, changing nothing: ${duplicate.name}`, async () => {
      const [first, second] = await duplicate.headers();
      const before = await snapshot();
      for (const call of surfaces()) {
        const reply = await request(
          call.method,
          call.path,
          [
            ['Authorization', first],
            ['Authorization', second],
          ],
          'body' in call ? call.body : undefined,
        );
        expectRefused(call.face, reply, { headers: duplicate.name, call: `${call.method} ${call.path}` }, [
          first,
          second,
        ]);
      }
      expect(await snapshot()).toBe(before);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Lifetime, audience and issuer: what the refusal says, and what is still accepted.
// ---------------------------------------------------------------------------------------------

/**
 * A token tried as the documented clients use it: a REST read, a GraphQL query and a WebSocket
 * `connection_init`, each answering either the refusal's message or acceptance.
 */
async function tryEverywhere(token: string, base: string, userId: string) {
  const authorization = `Bearer ${token}`;
  const rest = await request('GET', `/v1/users/${userId}`, [['Authorization', authorization]], undefined, base);
  const graphql = await request(
    'POST',
    '/graphql',
    [['Authorization', authorization]],
    JSON.stringify({ query: '{ user { __typename } }' }),
    base,
  );
  const socket = await connectionInit({ authorization }, base);
  const gqlBody = parse(graphql.text);
  return {
    rest: { status: rest.status, body: parse(rest.text) },
    graphql: {
      status: graphql.status,
      message: gqlBody?.errors?.[0]?.message,
      code: gqlBody?.errors?.[0]?.extensions?.code,
    },
    socket,
  };
}

/** What a refusal with `message` looks like on the three faces. */
const refusedWith = (message: string) => ({
  rest: { status: 401, body: { error: 'Unauthorized', message, code: 'UNAUTHENTICATED' } },
  graphql: { status: 401, message, code: 'UNAUTHENTICATED' },
  socket: { acked: false, code: 4401, reason: `Unauthorized: ${message}` },
});

const accepted = {
  rest: { status: 200, body: expect.anything() },
  graphql: { status: 200, message: undefined, code: undefined },
  socket: { acked: true, code: 1000, reason: '' },
};

describe('token lifetime (JWT_MAX_LIFETIME_SECONDS, JWT_SERVICE_MAX_LIFETIME_SECONDS: a day)', () => {
  const REFUSALS = [
    { name: 'no exp', token: () => valid({ exp: undefined }), message: 'Token has no expiry (exp)' },
    {
      name: 'a service token without exp',
      token: () => valid({ role: 'service', exp: undefined }),
      message: 'Token has no expiry (exp)',
    },
    {
      name: 'valid a day and a minute',
      token: () => valid({ exp: now() + DAY + 60 }),
      message: 'Token lifetime exceeds 86400 seconds',
    },
    {
      name: 'no iat, expiring in two days',
      token: () => valid({ iat: undefined, exp: now() + 2 * DAY }),
      message: 'Token lifetime exceeds 86400 seconds',
    },
    {
      name: 'issued 25 hours ago for 26 hours',
      token: () => valid({ iat: now() - 25 * 3600, exp: now() + 3600 }),
      message: 'Token lifetime exceeds 86400 seconds',
    },
    {
      name: 'a service token valid for two days',
      token: () => valid({ role: 'service', exp: now() + 2 * DAY }),
      message: 'Token lifetime exceeds 86400 seconds',
    },
  ];
  for (const refusal of REFUSALS) {
    it(`should refuse ${refusal.name}, saying so, on REST, GraphQL and WebSocket`, async () => {
      expect(await tryEverywhere(await refusal.token(), server.url, alice.id)).toEqual(refusedWith(refusal.message));
    });
  }

  it('should accept tokens valid for a day at most, with or without iat, user and service alike', async () => {
    for (const token of [
      await valid({ exp: now() + DAY }),
      await valid({ iat: undefined, exp: now() + DAY - 120 }),
      await valid({ role: 'service', exp: now() + DAY }),
      // What `npm run token` and the test helpers sign by default.
      await server.token(alice.id, { tenant: tenant.name }),
    ]) {
      expect(await tryEverywhere(token, server.url, alice.id)).toEqual(accepted);
    }
  });
  it('should accept what `npm run token` signs when a second turns while it signs', async () => {
    // Each clock read 0.6 s after the one before, from the last millisecond of a second: the
    // token's iat and exp come from two reads, and a day counted from the later one would be a
    // day and a second after the earlier.
    const RealDate = Date;
    const start = Math.floor(RealDate.now() / 1000) * 1000 + 999;
    let reads = 0;
    const read = () => start + 600 * reads++;
    class TurningDate extends RealDate {
      constructor(...args: [] | [number]) {
        if (args.length === 0) super(read());
        else super(...args);
      }
      static override now() {
        return read();
      }
    }
    globalThis.Date = TurningDate as DateConstructor;
    let signing: Promise<string>;
    try {
      signing = signToken(SECRET, { sub: alice.id, tenant: tenant.name });
    } finally {
      globalThis.Date = RealDate;
    }
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(await tryEverywhere(await signing, server.url, alice.id)).toEqual(accepted);
  });
});

describe('JWT_AUDIENCE, JWT_ISSUER and lifetimes of their own', () => {
  const AUDIENCE = 'user-connections';
  const ISSUER = 'https://auth.game.example';
  const configured = useTestServer({
    env: {
      JWT_AUDIENCE: AUDIENCE,
      JWT_ISSUER: ISSUER,
      JWT_MAX_LIFETIME_SECONDS: '3600',
      JWT_SERVICE_MAX_LIFETIME_SECONDS: String(30 * DAY),
    },
  });
  let home: Tenant;
  let carol: SeededUser;
  beforeAll(async () => {
    home = await createTenant(configured);
    carol = await home.user('carol');
  });
  /** A token for carol with the configured audience and issuer, plus `extra`. */
  const sign = (extra: Record<string, unknown> = {}) =>
    new SignJWT({
      sub: carol.id,
      tenant: home.name,
      iat: now(),
      exp: now() + 600,
      aud: AUDIENCE,
      iss: ISSUER,
      ...extra,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(SECRET);

  it('should accept a token naming the audience (alone or in a list) and the issuer', async () => {
    for (const token of [await sign(), await sign({ aud: ['game-server', AUDIENCE] })]) {
      expect(await tryEverywhere(token, configured.url, carol.id)).toEqual(accepted);
    }
  });

  it('should refuse a token without the audience or issuer, or with others, saying which, and change nothing', async () => {
    const audience = `Token audience is not '${AUDIENCE}'`;
    const issuer = `Token issuer is not '${ISSUER}'`;
    const cases = [
      { token: await sign({ aud: undefined }), message: audience },
      { token: await sign({ aud: 'another-service' }), message: audience },
      { token: await sign({ aud: ['another-service'] }), message: audience },
      { token: await sign({ iss: undefined }), message: issuer },
      { token: await sign({ iss: 'https://evil.example' }), message: issuer },
      // A token the default server accepts: the configured one wants its iss (checked first) and aud.
      { token: await valid({ sub: carol.id, tenant: home.name }), message: issuer },
    ];
    for (const { token, message } of cases) {
      expect(await tryEverywhere(token, configured.url, carol.id)).toEqual(refusedWith(message));
      const write = await request(
        'PUT',
        `/v1/users/${carol.id}`,
        [['Authorization', `Bearer ${token}`]],
        JSON.stringify({ display_name: 'Hijacked' }),
        configured.url,
      );
      expect(write.status).toBe(401);
    }
    const profile = await configured.rest('GET', `/v1/users/${carol.id}`, { token: carol.token });
    expect(profile).toMatchObject({ status: 200, body: { display_name: carol.displayName } });
  });

  it('should hold user tokens to JWT_MAX_LIFETIME_SECONDS and service tokens to JWT_SERVICE_MAX_LIFETIME_SECONDS', async () => {
    expect(await tryEverywhere(await sign({ exp: now() + 3600 }), configured.url, carol.id)).toEqual(accepted);
    expect(await tryEverywhere(await sign({ exp: now() + 7200 }), configured.url, carol.id)).toEqual(
      refusedWith('Token lifetime exceeds 3600 seconds'),
    );
    const service = (days: number) => sign({ sub: 'backend', role: 'service', exp: now() + days * DAY });
    expect(await tryEverywhere(await service(7), configured.url, carol.id)).toEqual(accepted);
    expect(await tryEverywhere(await service(31), configured.url, carol.id)).toEqual(
      refusedWith(`Token lifetime exceeds ${30 * DAY} seconds`),
    );
  });
});
