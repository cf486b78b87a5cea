/**
 * Oversized input: a 10 MB body on every REST route (those that read one and the others), with
 * and without a token, and a 10 MB argument on every GraphQL query and mutation field: each
 * refused with the documented 413; a search text far over the URL limit in a query string:
 * refused with the documented 414; changing nothing. See harness.ts.
 */
import { describe, expect, it } from 'vitest';
import { fail, TEN_MB } from './contract.js';
import { FIELDS } from './graphql-fields.js';
import { useHostileInput } from './harness.js';
import { type Call, describeCall } from './rest.js';

const { createWorld, call, checkRest, postGraphQL, snapshot, expectUnchanged } = useHostileInput();

describe('REST: hostile input on every route', () => {
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
      ['PUT', `/v1/users/${world.alice.id}/settings`, JSON.stringify({ accept_invites_from: TEN_MB })],
      [
        'POST',
        `/v1/connections/${world.alice.id}/invites`,
        JSON.stringify({ receiver_ids: [world.carol.id], message: TEN_MB, join_info: { lobby: 'eu-7f3a' } }),
      ],
      [
        'POST',
        `/v1/connections/${world.alice.id}/invites`,
        JSON.stringify({ receiver_ids: [world.carol.id], join_info: { x: TEN_MB } }),
      ],
      ['POST', `/v1/connections/${world.alice.id}/invites/${world.inviteIn}/accept`, TEN_MB],
      ['POST', `/v1/connections/${world.alice.id}/invites/${world.inviteIn}/decline`, TEN_MB],
      ['POST', `/v1/connections/${world.alice.id}/invites/${world.inviteOut}/cancel`, TEN_MB],
      // Friend codes, nicknames and favourites, recent players
      ['POST', `/v1/connections/${world.alice.id}/request`, JSON.stringify({ friend_code: TEN_MB })],
      ['POST', `/v1/users/${world.alice.id}/friend-code/rotate`, TEN_MB],
      ['PATCH', `/v1/connections/${world.alice.id}/${world.connection}`, JSON.stringify({ nickname: TEN_MB })],
      ['PATCH', `/v1/connections/${world.alice.id}/${world.connection}`, JSON.stringify({ note: TEN_MB })],
      ['POST', '/v1/recent-players', JSON.stringify({ players: [world.alice.id, world.bob.id], context: TEN_MB })],
      ['POST', '/v1/recent-players', JSON.stringify({ players: [TEN_MB, world.bob.id] })],
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

describe('REST: hostile input on player search', () => {
  it('refuses a search text of 100 KB or 10 MB in the query string with 414, with a token or none, changing nothing', async () => {
    const world = await createWorld();
    const tenant = world.tenant.name;
    for (const text of [TEN_MB.slice(0, 100_000), TEN_MB, '😀'.repeat(25_000)]) {
      for (const token of [world.alice.token, world.tenant.serviceToken, null]) {
        const request: Call = { method: 'GET', path: `/v1/users?query=${encodeURIComponent(text)}`, token };
        const before = await snapshot(tenant);
        const reply = await call(request);
        checkRest(request, reply, fail('URI_TOO_LONG'));
        await expectUnchanged(tenant, before, { request: describeCall(request) });
      }
    }
  }, 60_000);
});

describe('GraphQL: hostile arguments on every query and mutation field', () => {
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
});
