/**
 * GET /v1/openapi.json: the OpenAPI 3.1 document generated from the REST route table. It must
 * be a valid 3.1 document, describe every route of the table (method, path parameters, query
 * parameters, body), and describe what the routes really answer: real responses of every GET
 * route and of writes, successes and errors, are checked against the document's schemas.
 */
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { pathParamNames } from '../../src/rest/input-schema.js';
import { actsAsPathUser, routes } from '../../src/rest/routes.js';
import { createTenant, type HttpResult, type SeededUser, type Tenant, useTestServer } from '../helpers/app.js';

const server = useTestServer();

type Schema = Record<string, any>;
let doc: Schema;

beforeAll(async () => {
  const response = await fetch(`${server.url}/v1/openapi.json`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  doc = (await response.json()) as Schema;
});

// ---------------------------------------------------------------------------------------------
// A small JSON Schema check: the keywords the document uses. Stricter than JSON Schema in one
// way: an object may hold only the properties its schema names, so a field a route adds to its
// answer without documenting it fails here.
// ---------------------------------------------------------------------------------------------

function resolve(schema: Schema): Schema {
  if (typeof schema.$ref !== 'string') return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components.schemas[name];
  if (!target) throw new Error(`dangling $ref ${schema.$ref}`);
  const { $ref: _ref, ...rest } = schema;
  return { ...resolve(target), ...rest };
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The problems of `value` against `schema` (empty when it conforms). */
function check(value: unknown, schemaIn: Schema, at = '$', strict = true): string[] {
  const schema = resolve(schemaIn);
  const problems: string[] = [];
  if (schema.allOf) {
    // The parts of an allOf describe one object together: the strictness applies to their union.
    const names = new Set(schema.allOf.flatMap((part: Schema) => Object.keys(resolve(part).properties ?? {})));
    for (const part of schema.allOf) problems.push(...check(value, part, at, false));
    if (strict && typeOf(value) === 'object') {
      for (const key of Object.keys(value as object)) if (!names.has(key)) problems.push(`${at}.${key}: undocumented`);
    }
    return problems;
  }
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((option: Schema) => check(value, option, at, strict).length === 0);
    return matching.length === 1 ? [] : [`${at}: matches ${matching.length} of oneOf`];
  }
  if (schema.type !== undefined) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
      return [`${at}: ${actual} is not ${types.join('|')}`];
    }
  }
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${at}: above ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) problems.push(`${at}: shorter than minLength`);
    if (schema.maxLength !== undefined && length > schema.maxLength) problems.push(`${at}: longer than maxLength`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) problems.push(`${at}: does not match pattern`);
    if (schema.format === 'date-time' && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value)) {
      problems.push(`${at}: not a date-time`);
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, i) => {
      problems.push(...check(item, schema.items, `${at}[${i}]`));
    });
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) problems.push(`${at}.${name}: missing`);
    const properties: Record<string, Schema> = schema.properties ?? {};
    for (const [key, item] of Object.entries(object)) {
      if (properties[key]) problems.push(...check(item, properties[key], `${at}.${key}`));
      else if (strict && schema.properties) problems.push(`${at}.${key}: undocumented`);
    }
  }
  return problems;
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** The route of the table a concrete path is served by (literal segments win, as in the router). */
function routeFor(method: string, path: string) {
  const parts = new URL(path, 'http://x').pathname.split('/');
  const candidates = routes.filter((route) => {
    const segments = route.path.split('/');
    return (
      route.method === method &&
      segments.length === parts.length &&
      segments.every((s, i) => s.startsWith(':') || s === parts[i])
    );
  });
  candidates.sort((a, b) => b.path.split(':').length - a.path.split(':').length);
  const found = candidates.at(-1);
  if (!found) throw new Error(`no route for ${method} ${path}`);
  return found;
}

const checked = new Set<string>();

/** Checks a real answer against the document: its status is declared, its body fits the schema. */
function expectDocumented(method: string, path: string, response: HttpResult) {
  const route = routeFor(method, path);
  const operation = doc.paths[openApiPath(route.path)]?.[method.toLowerCase()];
  expect(operation, `${method} ${route.path} in the document`).toBeDefined();
  const declared = operation.responses[String(response.status)];
  expect(declared, `${method} ${path} answered ${response.status} ${JSON.stringify(response.body)}`).toBeDefined();
  const schema = declared.content['application/json'].schema;
  const problems = check(response.body, schema);
  expect(problems, `${method} ${path} ${response.status} ${JSON.stringify(response.body)}`).toEqual([]);
  if (response.status === 429 || response.status === 503) expect(declared.headers?.['Retry-After']).toBeDefined();
  checked.add(`${method} ${route.path} ${response.status < 300 ? 'success' : 'error'}`);
}

async function call(method: string, path: string, token: string | null, body?: unknown) {
  const response = await server.rest(method, path, { token, ...(body !== undefined && { body }) });
  expectDocumented(method, path, response);
  return response;
}

describe('GET /v1/openapi.json', () => {
  it('should be a valid OpenAPI 3.1 document, served without a token', async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('should carry the title, the package version, the servers and bearer JWT security', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(doc.info).toMatchObject({ title: 'User Connections API', version: pkg.version });
    expect(doc.servers).toEqual([expect.objectContaining({ url: expect.any(String) })]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/v1/openapi.json'].get.security).toEqual([]);
  });

  it('should describe every route of the table: method, path parameters, query parameters and body', () => {
    const operationIds = new Set<string>();
    for (const route of routes) {
      const operation = doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(operationIds.has(operation.operationId)).toBe(false);
      operationIds.add(operation.operationId);
      expect(operation.summary).toEqual(expect.any(String));
      expect(operation.tags).toHaveLength(1);
      expect(doc.tags.map((t: Schema) => t.name)).toContain(operation.tags[0]);

      const parameters: Schema[] = operation.parameters.map((p: Schema) =>
        p.$ref ? doc.components.parameters[p.$ref.split('/').at(-1)] : p,
      );
      const inPath = parameters.filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name)).toEqual(pathParamNames(route.path));
      for (const p of inPath) expect(p.required).toBe(true);
      expect(parameters.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(Object.keys(route.query ?? {}));
      const idempotent = parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key');
      expect(idempotent).toBe(route.operation.toString().includes('$idempotencyKey'));

      if (route.body) {
        const schema = operation.requestBody.content['application/json'].schema;
        expect(Object.keys(schema.properties)).toEqual(Object.keys(route.body));
        // Only the declines' bodies (`silent`, optional) may be left out, as the documented API has it.
        const optional =
          route.path === '/v1/connections/:userId/decline/:requestId' ||
          route.path === '/v1/connections/:userId/invites/:inviteId/decline';
        expect(operation.requestBody.required).toBe(!optional);
      } else {
        expect(operation.requestBody).toBeUndefined();
      }

      for (const status of route.success.statuses) expect(operation.responses[String(status)]).toBeDefined();
      // Every route authenticates and reads the database; one that acts as its path's user may refuse the caller.
      for (const status of ['400', '401', '503']) expect(operation.responses[status]).toBeDefined();
      if (actsAsPathUser(route)) expect(operation.responses['403']).toBeDefined();
      expect(operation.responses['503'].headers['Retry-After']).toBeDefined();
      if (route.method !== 'GET' && operation.responses['429']) {
        expect(operation.responses['429'].headers['Retry-After']).toBeDefined();
      }
      if (route.body) expect(operation.responses['413']).toBeDefined();
    }
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item as object).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      [...routes.map((r) => `${r.method} ${openApiPath(r.path)}`), 'GET /v1/openapi.json'].sort(),
    );
  });

  it('should document GET /v1/users/{userId} as a lookup of any user of the tenant, without 403', () => {
    const lookup = doc.paths['/v1/users/{userId}'].get;
    const rename = doc.paths['/v1/users/{userId}'].put;
    const param = (operation: Schema) => operation.parameters.find((p: Schema) => p.name === 'userId');

    expect(lookup.summary).toBe("Get a user's public profile");
    expect(param(lookup).description).toMatch(/any user of the caller's tenant/);
    expect(lookup.responses['403']).toBeUndefined();
    expect(lookup.responses['404'].content['application/json'].schema.allOf[1].properties.code.enum).toEqual([
      'USER_NOT_FOUND',
    ]);
    expect(param(rename).description).toMatch(/A user token may only name its own user/);
    expect(rename.responses['403'].content['application/json'].schema.allOf[1].properties.code.enum).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('should publish the shared Error schema with every code', () => {
    const error = doc.components.schemas.Error;
    expect(error.required).toEqual(['error', 'message', 'code']);
    expect(error.properties.code.enum).toEqual(expect.arrayContaining(['VALIDATION_FAILED', 'USER_NOT_FOUND']));
    // Every status a route documents has the Retry-After header where the API sends one.
    expect(doc.paths['/v1/connections/{userId}/request'].post.responses['429'].headers['Retry-After']).toBeDefined();
  });

  it('should answer 405 with Allow to other methods', async () => {
    const response = await server.rest('POST', '/v1/openapi.json', { body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(response.body.code).toBe('METHOD_NOT_ALLOWED');
  });
});

describe('The document against real responses', () => {
  let tenant: Tenant;
  let alice: SeededUser;
  let bob: SeededUser;
  let carol: SeededUser;
  let dave: SeededUser;

  beforeAll(async () => {
    tenant = await createTenant(server);
    alice = await tenant.user('alice');
    bob = await tenant.user('bob');
    carol = await tenant.user('carol');
    dave = await tenant.user('dave');
    await tenant.connect(alice, bob);
    await tenant.connect(bob, carol);
    await tenant.request(dave, alice, 'hello');
  });

  it('should describe the answer of every GET route', async () => {
    const a = alice.id;
    await call('GET', `/v1/users/${a}`, alice.token);
    await call('GET', `/v1/connections/${a}/sent?status=all`, alice.token);
    await call('GET', `/v1/connections/${a}/received?status=pending&page=1&per_page=5`, alice.token);
    await call('GET', `/v1/connections/${a}/active`, alice.token);
    await call('GET', `/v1/connections/${a}/notifications?unread_only=false`, alice.token);
    await call('GET', `/v1/connections/${bob.id}/notifications`, bob.token);
    await call('GET', `/v1/users/${a}/settings`, alice.token);
    await call('GET', `/v1/users/${a}/blocked`, alice.token);
    await call('GET', `/v1/connections/${a}/mutual/${carol.id}`, alice.token);
    await call('GET', `/v1/connections/${a}/suggestions`, alice.token);
    // Presence: bob (alice's connection) busy in a match, as his game server says.
    await call('PUT', `/v1/users/${bob.id}/presence`, tenant.serviceToken, {
      status: 'busy',
      activity: 'Ranked — 3rd round',
      join_info: { lobby: 'eu-7f3a', slots: 2, tags: ['duo'] },
      expires_in_seconds: 3600,
    });
    const own = await call('GET', `/v1/users/${a}/presence`, alice.token);
    expect(own.body).toEqual({
      user_id: a,
      presence: { status: 'offline', activity: null, join_info: null, last_seen_at: null },
    });
    const friend = await call('GET', `/v1/users/${bob.id}/presence`, alice.token);
    expect(friend.body.presence).toMatchObject({ status: 'busy', join_info: { lobby: 'eu-7f3a' } });
    // Carol is no connection of alice's: null.
    expect((await call('GET', `/v1/users/${carol.id}/presence`, alice.token)).body).toEqual({
      user_id: carol.id,
      presence: null,
    });
    const online = await call('GET', `/v1/connections/${a}/active?presence=online`, alice.token);
    expect(online.body.connections.map((c: Schema) => [c.connected_user.client_user_id, c.presence.status])).toEqual([
      [bob.id, 'busy'],
    ]);
    const lists = await call('GET', `/v1/connections/${dave.id}/sent`, dave.token);
    expect(lists.body.requests[0]).toMatchObject({ message: 'hello', responded_at: null });
    // An invite from alice to bob, as each lists it, and bob's notification of it.
    await call('POST', `/v1/connections/${a}/invites`, alice.token, {
      receiver_ids: [bob.id],
      join_info: { lobby: 'eu-7f3a' },
    });
    const invites = await call('GET', `/v1/connections/${bob.id}/invites?status=pending`, bob.token);
    expect(invites.body.invites[0]).toMatchObject({ status: 'pending', join_info: { lobby: 'eu-7f3a' } });
    await call('GET', `/v1/connections/${a}/invites?direction=sent&page=1&per_page=5`, alice.token);
    // Player search, as a player and as the backend searching as no one.
    const found = await call('GET', `/v1/users?query=${encodeURIComponent(bob.displayName)}&per_page=5`, alice.token);
    expect(found.body.users[0]).toMatchObject({ client_user_id: bob.id, relationship: { status: 'connected' } });
    const byBackend = await call('GET', `/v1/users?query=${encodeURIComponent(bob.displayName)}`, tenant.serviceToken);
    expect(byBackend.body.users[0].relationship).toBeNull();
    // Who played together, as each lists it.
    await call('POST', '/v1/recent-players', tenant.serviceToken, {
      players: [a, bob.id, carol.id],
      context: 'match-1',
    });
    const recent = await call('GET', `/v1/users/${a}/recent-players?per_page=5`, alice.token);
    expect(recent.body.recent_players).toHaveLength(2);
    // Friend codes, favourites first and favourites alone.
    const code = await call('GET', `/v1/users/${bob.id}/friend-code`, bob.token);
    expect(code.body.friend_code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await call('GET', `/v1/connections/${a}/active?sort=favorites&favorite=false&per_page=5`, alice.token);
    const withInvite = await call('GET', `/v1/connections/${bob.id}/notifications?type=game_invite`, bob.token);
    expect(withInvite.body.notifications[0]).toMatchObject({ invite_id: invites.body.invites[0].id });
    for (const route of routes.filter((r) => r.method === 'GET')) {
      expect(checked, `${route.path} checked`).toContain(`GET ${route.path} success`);
    }
  });

  it('should describe the answers of the writes', async () => {
    const eve = await tenant.user('eve');
    const created = await server.rest('PUT', '/v1/users/frank1', {
      token: tenant.serviceToken,
      body: { display_name: 'Frank' },
    });
    expectDocumented('PUT', '/v1/users/frank1', created);
    await call('PUT', `/v1/users/${eve.id}`, eve.token, { display_name: 'Eve Renamed' });

    const sent = await call('POST', `/v1/connections/${eve.id}/request`, eve.token, { receiver_id: alice.id });
    await call('POST', `/v1/connections/${alice.id}/decline/${sent.body.id}`, alice.token);
    const again = await call('POST', `/v1/connections/${carol.id}/request`, carol.token, { receiver_id: dave.id });
    await call('POST', `/v1/connections/${carol.id}/cancel/${again.body.id}`, carol.token);
    const received = await call('GET', `/v1/connections/${alice.id}/received?status=pending`, alice.token);
    await call('POST', `/v1/connections/${alice.id}/accept/${received.body.requests[0].id}`, alice.token);

    const notifications = await call('GET', `/v1/connections/${eve.id}/notifications`, eve.token);
    const [first] = notifications.body.notifications;
    await call('POST', `/v1/connections/${eve.id}/notifications/${first.id}/read`, eve.token);
    await call('POST', `/v1/connections/${eve.id}/notifications/read`, eve.token);
    await call('DELETE', `/v1/connections/${eve.id}/notifications/${first.id}`, eve.token);

    // The game's own notifications: to one user, and to several at once.
    const match = await call('POST', `/v1/users/${eve.id}/notifications`, tenant.serviceToken, {
      type: 'game.match_found',
      message: 'Your match is ready',
      payload: { match: 'm-8841' },
      expires_in_seconds: 600,
    });
    expect(match.body).toMatchObject({ type: 'game.match_found', connection_request_id: null, other_user: null });
    const many = await call('POST', '/v1/notifications', tenant.serviceToken, {
      user_ids: [eve.id, alice.id],
      type: 'game.season_started',
      message: 'Season 3 has begun',
    });
    expect(many.body).toMatchObject({ sent: 2 });
    const filtered = await call('GET', `/v1/connections/${eve.id}/notifications?type=game.match_found`, eve.token);
    expect(filtered.body.notifications).toHaveLength(1);

    const relationships = await call('POST', `/v1/connections/${alice.id}/status`, alice.token, {
      user_ids: [bob.id, carol.id, dave.id, 'nobody-here'],
    });
    expect(relationships.body.relationships[0]).toHaveProperty('connection_id');

    await call('PUT', `/v1/users/${alice.id}/settings`, alice.token, { accept_requests_from: 'friends_of_friends' });
    await call('PUT', `/v1/users/${alice.id}/settings`, alice.token, { share_presence: 'nobody' });
    await call('PUT', `/v1/users/${alice.id}/settings`, alice.token, { accept_invites_from: 'nobody' });
    const all = await call('PUT', `/v1/users/${alice.id}/settings`, alice.token, {
      accept_requests_from: 'everyone',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });
    expect(all.body).toEqual({
      accept_requests_from: 'everyone',
      share_presence: 'connections',
      accept_invites_from: 'connections',
    });

    // Invites: sent, accepted (with the join info), declined, withdrawn.
    const invite = async () =>
      (
        await call('POST', `/v1/connections/${alice.id}/invites`, alice.token, {
          receiver_ids: [bob.id],
          message: 'Ranked?',
          join_info: { lobby: 'eu-7f3a', slots: 2 },
          expires_in_seconds: 600,
        })
      ).body.invites[0].id as number;
    const accepted = await call('POST', `/v1/connections/${bob.id}/invites/${await invite()}/accept`, bob.token);
    expect(accepted.body).toMatchObject({ join_info: { lobby: 'eu-7f3a', slots: 2 } });
    await call('POST', `/v1/connections/${bob.id}/invites/${await invite()}/decline`, bob.token, { silent: true });
    await call('POST', `/v1/connections/${alice.id}/invites/${await invite()}/cancel`, alice.token);

    // Every status, as the user itself and as its game server, and back offline.
    const set = await call('PUT', `/v1/users/${alice.id}/presence`, alice.token, {
      status: 'busy',
      activity: 'Ranked — 3rd round',
      join_info: { lobby: 'eu-7f3a' },
      expires_in_seconds: 600,
    });
    expect(set.body).toEqual({
      user_id: alice.id,
      presence: {
        status: 'busy',
        activity: 'Ranked — 3rd round',
        join_info: { lobby: 'eu-7f3a' },
        last_seen_at: expect.any(String),
      },
    });
    for (const status of ['online', 'away', 'invisible']) {
      await call('PUT', `/v1/users/${alice.id}/presence`, tenant.serviceToken, { status, expires_in_seconds: 600 });
    }
    const offline = await call('PUT', `/v1/users/${alice.id}/presence`, alice.token, { status: 'offline' });
    expect(offline.body.presence).toMatchObject({ status: 'offline', activity: null, join_info: null });
    await call('PUT', `/v1/users/${alice.id}/blocked/${eve.id}`, alice.token);
    await call('PUT', `/v1/users/${alice.id}/blocked/${eve.id}`, alice.token);
    await call('GET', `/v1/users/${alice.id}/blocked`, alice.token);
    await call('DELETE', `/v1/users/${alice.id}/blocked/${eve.id}`, alice.token);

    // A friend code rotated, and a request sent by code.
    const rotated = await call('POST', `/v1/users/${eve.id}/friend-code/rotate`, eve.token);
    expect(rotated.body).toMatchObject({ message: 'Friend code replaced' });
    const byCode = await call('POST', `/v1/connections/${carol.id}/request`, carol.token, {
      friend_code: rotated.body.friend_code,
    });
    expect(byCode.status).toBe(201);

    const active = await call('GET', `/v1/connections/${alice.id}/active`, alice.token);
    const noted = await call('PATCH', `/v1/connections/${alice.id}/${active.body.connections[0].id}`, alice.token, {
      nickname: 'Bobby',
      note: 'Plays support',
      favorite: true,
    });
    expect(noted.body).toMatchObject({ nickname: 'Bobby', note: 'Plays support', favorite: true });
    await call('DELETE', `/v1/connections/${alice.id}/${active.body.connections[0].id}`, alice.token);
    for (const route of routes) {
      expect(checked, `${route.method} ${route.path} checked`).toContain(`${route.method} ${route.path} success`);
    }
  });

  it('should describe the errors the routes answer, with their codes', async () => {
    const a = alice.id;
    await call('GET', `/v1/users/${a}`, null);
    await call('GET', `/v1/users/nobody-here`, tenant.serviceToken);
    await call('GET', `/v1/users/${bob.id}`, alice.token);
    await call('GET', `/v1/users/${bob.id}/settings`, alice.token);
    await call('GET', `/v1/connections/${a}/sent?status=maybe`, alice.token);
    await call('GET', `/v1/connections/${a}/active?page=x`, alice.token);
    await call('GET', `/v1/connections/${a}/active?per_page=51`, alice.token);
    await call('GET', `/v1/connections/${a}/notifications?unread_only=perhaps`, alice.token);
    await call('PUT', `/v1/users/${a}`, alice.token, '{');
    await call('PUT', `/v1/users/${a}`, alice.token, []);
    await call('PUT', `/v1/users/${a}`, alice.token, { display_name: 7 });
    await call('POST', `/v1/connections/${a}/request`, alice.token, { receiver_id: a });
    await call('POST', `/v1/connections/${a}/request`, alice.token, { receiver_id: 'nobody-here' });
    await call('POST', `/v1/connections/${a}/accept/123`, alice.token);
    await call('POST', `/v1/connections/${bob.id}/request`, bob.token, { receiver_id: carol.id });
    await call('PUT', `/v1/users/${a}/settings`, alice.token, { accept_requests_from: 'friends' });
    await call('PUT', `/v1/users/${a}/blocked/${a}`, alice.token);
    await call('DELETE', `/v1/users/${a}/blocked/${carol.id}`, alice.token);
    await call('POST', `/v1/connections/${a}/status`, alice.token, { user_ids: 'bob' });
    await call('POST', `/v1/connections/${a}/status`, alice.token, { user_ids: [] });
    await call('PUT', `/v1/users/${a}/settings`, alice.token, {});
    await call('PUT', `/v1/users/${a}/settings`, alice.token, { share_presence: 'everyone' });
    await call('GET', `/v1/connections/${a}/active?presence=away`, alice.token);
    await call('GET', `/v1/users/nobody-here/presence`, tenant.serviceToken);
    await call('PUT', `/v1/users/nobody-here/presence`, tenant.serviceToken, { status: 'online' });
    await call('PUT', `/v1/users/${a}/presence`, bob.token, { status: 'online' });
    for (const body of [
      {},
      { status: 'sleeping' },
      { status: 'ONLINE' },
      { status: 'online', activity: 'x'.repeat(129) },
      { status: 'online', activity: 7 },
      { status: 'online', join_info: ['lobby'] },
      { status: 'online', join_info: 'eu-7f3a' },
      { status: 'online', join_info: { blob: 'x'.repeat(1100) } },
      { status: 'online', expires_in_seconds: 0 },
      { status: 'online', expires_in_seconds: 86_401 },
      { status: 'online', expires_in_seconds: 1.5 },
      { status: 'online', expires_in_seconds: '60' },
    ]) {
      const refused = await call('PUT', `/v1/users/${a}/presence`, alice.token, body);
      expect({ body, status: refused.status, code: refused.body.code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    await call('GET', '/v1/users', alice.token);
    await call('GET', `/v1/users/${bob.id}/friend-code`, alice.token);
    await call('POST', '/v1/recent-players', alice.token, { players: [a, bob.id] });
    await call('POST', '/v1/recent-players', tenant.serviceToken, { players: [a] });
    await call('POST', '/v1/recent-players', tenant.serviceToken, { players: [a, 'nobody-here'] });
    await call('GET', `/v1/users/${bob.id}/recent-players`, alice.token);
    await call('GET', '/v1/users/nobody-here/recent-players', tenant.serviceToken);
    await call('GET', '/v1/users/nobody-here/friend-code', tenant.serviceToken);
    await call('POST', '/v1/users/nobody-here/friend-code/rotate', tenant.serviceToken);
    await call('POST', `/v1/connections/${a}/request`, alice.token, { friend_code: 'ZZZZ-ZZZZ' });
    await call('POST', `/v1/connections/${a}/request`, alice.token, { friend_code: 'nope' });
    await call('PATCH', `/v1/connections/${a}/123`, alice.token, { favorite: true });
    await call('PATCH', `/v1/connections/${a}/123`, alice.token, { nickname: 'x'.repeat(33) });
    await call('GET', `/v1/connections/${a}/active?sort=best`, alice.token);
    await call('GET', '/v1/users?query=a', alice.token);
    await call('GET', `/v1/users?query=ab&user_id=${bob.id}`, alice.token);
    await call('GET', '/v1/users?query=ab&user_id=nobody-here', tenant.serviceToken);
    // Invites: to a stranger, to itself, without join info; an invite that is no one's.
    await call('POST', `/v1/connections/${a}/invites`, alice.token, { receiver_ids: [carol.id], join_info: {} });
    await call('POST', `/v1/connections/${a}/invites`, alice.token, { receiver_ids: [a], join_info: {} });
    await call('POST', `/v1/connections/${a}/invites`, alice.token, { receiver_ids: [bob.id] });
    await call('POST', `/v1/connections/${a}/invites`, alice.token, { receiver_ids: ['nobody-here'], join_info: {} });
    await call('POST', `/v1/connections/${a}/invites/123/accept`, alice.token);
    await call('POST', `/v1/connections/${a}/invites/123/cancel`, alice.token);
    await call('GET', `/v1/connections/${a}/invites?direction=up`, alice.token);
    const mine = await call('POST', `/v1/connections/${a}/invites`, alice.token, {
      receiver_ids: [bob.id],
      join_info: { lobby: 'x' },
    });
    await call('POST', `/v1/connections/${a}/invites/${mine.body.invites[0].id}/accept`, alice.token);
    await call('POST', `/v1/connections/${bob.id}/invites/${mine.body.invites[0].id}/cancel`, bob.token);
    await call('POST', `/v1/connections/${a}/invites/${mine.body.invites[0].id}/cancel`, alice.token);
    await call('POST', `/v1/connections/${a}/invites/${mine.body.invites[0].id}/cancel`, alice.token);
    await call('PUT', `/v1/users/${a}`, alice.token, { display_name: 'x'.repeat(70_000) });
    const replay = { 'idempotency-key': 'openapi-test-key' };
    await server.rest('POST', `/v1/connections/${a}/notifications/read`, { token: alice.token, headers: replay });
    const reused = await server.rest('POST', `/v1/connections/${dave.id}/request`, {
      token: tenant.serviceToken,
      headers: replay,
      body: { receiver_id: carol.id },
    });
    expect(reused.status).not.toBe(500);
    expectDocumented('POST', `/v1/connections/${dave.id}/request`, reused);
  });

  it('should document the messages of refused input as the shim answers them', async () => {
    const a = alice.id;
    const bad = await server.rest('GET', `/v1/connections/${a}/sent?status=maybe`, { token: alice.token });
    expect(bad.body.message).toBe('status must be one of pending, accepted, declined, cancelled, expired, all');
    const sent = doc.paths['/v1/connections/{userId}/sent'].get.parameters.find((p: Schema) => p.name === 'status');
    expect(sent.schema.enum).toEqual(['pending', 'accepted', 'declined', 'cancelled', 'expired', 'all']);
    // The settings: either field, or both; each one of its enum's values (or null: unchanged).
    const settings = doc.paths['/v1/users/{userId}/settings'].put.requestBody;
    const body = settings.content['application/json'].schema;
    const valuesOf = (schema: Schema) => schema.enum.filter((value: unknown) => value !== null).join(', ');
    for (const field of ['accept_requests_from', 'share_presence', 'accept_invites_from']) {
      expect(body.properties[field].enum).toContain(null);
      const refused = await server.rest('PUT', `/v1/users/${a}/settings`, {
        token: alice.token,
        body: { [field]: 'x' },
      });
      expect(refused.body.message).toBe(`${field} must be one of ${valuesOf(body.properties[field])}`);
    }
    // A body must be sent (with at least one of them): the domain refuses one with neither.
    expect(settings.required).toBe(true);
    expect(body.required).toEqual([]);
    const neither = await server.rest('PUT', `/v1/users/${a}/settings`, { token: alice.token, body: {} });
    expect(neither.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      message:
        'Give at least one setting to change: accept_requests_from (acceptRequestsFrom), share_presence (sharePresence) or accept_invites_from (acceptInvitesFrom)',
    });
    const none = await server.rest('PUT', `/v1/users/${a}/settings`, { token: alice.token });
    expect(none.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Request body must be a JSON object' });

    // Presence: the shim's messages for the form of each field, the domain's for their limits, as documented.
    const presence = doc.paths['/v1/users/{userId}/presence'].put.requestBody;
    const fields = presence.content['application/json'].schema;
    expect(presence.required).toBe(true);
    expect(fields.required).toEqual(['status']);
    const put = async (input: unknown) =>
      (await server.rest('PUT', `/v1/users/${a}/presence`, { token: alice.token, body: input })).body.message;
    expect(await put({ status: 'sleeping' })).toBe(`status must be one of ${fields.properties.status.enum.join(', ')}`);
    expect(await put({})).toBe('status must be one of online, away, busy, invisible, offline');
    expect(await put({ status: 'online', activity: 7 })).toBe('activity must be a string');
    expect(fields.properties.activity).toMatchObject({ type: ['string', 'null'], maxLength: 128 });
    expect(await put({ status: 'online', activity: 'x'.repeat(129) })).toBe(
      `activity must be at most ${fields.properties.activity.maxLength} characters`,
    );
    expect(fields.properties.join_info).toMatchObject({ type: ['object', 'null'] });
    expect(fields.properties.join_info.description).toContain('At most 1024 bytes as JSON.');
    expect(await put({ status: 'online', join_info: ['lobby'] })).toBe('join_info must be a JSON object');
    const ttl = fields.properties.expires_in_seconds;
    expect(ttl).toMatchObject({ type: ['integer', 'null'], minimum: 1, maximum: 86_400 });
    expect(await put({ status: 'online', expires_in_seconds: 'soon' })).toBe('expires_in_seconds must be an integer');
    const filter = doc.paths['/v1/connections/{userId}/active'].get.parameters.find(
      (p: Schema) => p.name === 'presence',
    );
    expect(filter.schema.enum).toEqual(['online']);
    const away = await server.rest('GET', `/v1/connections/${a}/active?presence=away`, { token: alice.token });
    expect(away.body.message).toBe('presence must be one of online');
    const perPage = doc.paths['/v1/connections/{userId}/active'].get.parameters.find(
      (p: Schema) => p.name === 'per_page',
    );
    expect(perPage.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 50, default: 10 });
    const tooMany = await server.rest('GET', `/v1/connections/${a}/active?per_page=51`, { token: alice.token });
    expect(tooMany.body.code).toBe('VALIDATION_FAILED');
  });

  // The domain's limits are checked for both faces with one message, naming a field whose REST
  // spelling differs both ways, REST's first (`per_page (perPage) must be …`, see
  // src/graphql/argument-labels.ts): a REST client must find the field it sent in the document.
  it('should name the fields of refused presence in the messages as the document names them', async () => {
    const a = alice.id;
    const fields = doc.paths['/v1/users/{userId}/presence'].put.requestBody.content['application/json'].schema;
    const ttl = fields.properties.expires_in_seconds;
    const put = async (input: unknown) =>
      (await server.rest('PUT', `/v1/users/${a}/presence`, { token: alice.token, body: input })).body.message;
    expect(await put({ status: 'online', join_info: { blob: 'x'.repeat(1100) } })).toBe(
      'join_info (joinInfo) must be at most 1024 bytes as JSON',
    );
    expect(await put({ status: 'online', expires_in_seconds: 0 })).toBe(
      `expires_in_seconds (expiresInSeconds) must be an integer from ${ttl.minimum} to ${ttl.maximum}`,
    );
  });
});
