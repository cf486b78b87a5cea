import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../gql/index.js';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';

/*
 * Friend codes: a player reads out or shares a short code, and others send it a request by the
 * code instead of an id. A rotated code stops working at once, and guessing codes does not pay.
 */

const server = useTestServer();

const CODE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

const SendByCode = graphql(`
  mutation TestSendByCode($me: ID!, $code: String!) {
    sendConnectionRequest(userId: $me, friendCode: $code) {
      __typename
      ... on Error { code message }
      ... on SendConnectionRequestPayload { request { receiver { clientUserId } } }
    }
  }
`);

const RotateCode = graphql(`
  mutation TestRotateCode {
    rotateFriendCode {
      __typename
      ... on Error { code message }
      ... on RotateFriendCodePayload { message friendCode { value user { clientUserId } } }
    }
  }
`);

const MyCode = graphql(`
  query TestMyCode {
    friendCode {
      __typename
      ... on FriendCode { value createdAt }
    }
  }
`);

async function codeOf(user: SeededUser): Promise<string> {
  const answer = await server.rest('GET', `/v1/users/${user.id}/friend-code`, { token: user.token });
  expect(answer.status).toBe(200);
  return answer.body.friend_code;
}

const sendByCode = (from: SeededUser, friendCode: string) =>
  server.rest('POST', `/v1/connections/${from.id}/request`, { token: from.token, body: { friend_code: friendCode } });

/** A code of the right form that no one holds (drawn until it is free). */
function unheldCode(held: string[], seed: number): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  let code = '';
  for (let i = 0; i < 8; i++) code += alphabet[(seed * 7 + i * 13) % alphabet.length];
  const formatted = `${code.slice(0, 4)}-${code.slice(4)}`;
  return held.includes(formatted) ? unheldCode(held, seed + 1) : formatted;
}

describe('friend codes', () => {
  it('should give each player a stable code of 8 unambiguous characters, readable only by itself and the backend', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');

    const code = await codeOf(alice);
    expect(code).toMatch(CODE);
    expect(await codeOf(alice)).toBe(code);
    expect(await codeOf(bob)).not.toBe(code);
    const viaGraphql = await server.graphql(MyCode, {}, alice.token);
    expect(viaGraphql.body.data?.friendCode).toEqual({
      __typename: 'FriendCode',
      value: code,
      createdAt: expect.any(String),
    });

    const nosy = await server.rest('GET', `/v1/users/${alice.id}/friend-code`, { token: bob.token });
    expect(nosy.status).toBe(403);
    expect(nosy.body.code).toBe('FORBIDDEN');
    const backend = await server.rest('GET', `/v1/users/${alice.id}/friend-code`, { token: tenant.serviceToken });
    expect(backend.body).toEqual({ friend_code: code, created_at: expect.any(String) });
    const unknown = await server.rest('GET', '/v1/users/nobody/friend-code', { token: tenant.serviceToken });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('USER_NOT_FOUND');
  });

  it('should send a request to the code’s owner, typed in any case with or without the dash', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');
    const carol = await tenant.user('carol');
    const bobCode = await codeOf(bob);

    const sent = await sendByCode(alice, ` ${bobCode.replace('-', '').toLowerCase()} `);
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ message: 'Connection request sent successfully', id: expect.any(Number) });
    const received = await server.rest('GET', `/v1/connections/${bob.id}/received`, { token: bob.token });
    expect(received.body.requests.map((r: { user: { client_user_id: string } }) => r.user.client_user_id)).toEqual([
      alice.id,
    ]);

    const viaGraphql = await server.graphql(SendByCode, { me: carol.id, code: bobCode }, carol.token);
    expect(viaGraphql.body.data?.sendConnectionRequest).toEqual({
      __typename: 'SendConnectionRequestPayload',
      request: { receiver: { clientUserId: bob.id } },
    });
    // The same answers as by id otherwise.
    const again = await sendByCode(alice, bobCode);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REQUEST_ALREADY_PENDING');
    const self = await sendByCode(alice, await codeOf(alice));
    expect(self.status).toBe(400);
    expect(self.body.code).toBe('CANNOT_CONNECT_TO_SELF');
  });

  it('should refuse a request naming both, neither, or a malformed code, without costing a guess', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');
    const bobCode = await codeOf(bob);
    const post = (body: unknown) =>
      server.rest('POST', `/v1/connections/${alice.id}/request`, { token: alice.token, body });

    expect((await post({ receiver_id: bob.id, friend_code: bobCode })).body).toEqual({
      error: 'Bad Request',
      message: 'Give receiver_id or friend_code, not both',
      code: 'VALIDATION_FAILED',
    });
    expect((await post({ message: 'hi' })).body.message).toBe('receiver_id is required');
    // Letters that upper-case onto the alphabet are not its characters: "ſ" is no "S", "ﬀ" no "FF".
    for (const malformed of [
      '7KQ4-M2X',
      '0OIL-1234',
      'ABCD-EFGH-J',
      '',
      '🙂🙂🙂🙂🙂🙂🙂🙂',
      'ſSSS-SSSS',
      'ﬀﬀ-ﬀﬀ',
      '\u212AKKK-2222',
    ]) {
      const answer = await post({ friend_code: malformed });
      expect(answer.status, malformed).toBe(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
    }
    // None of those were guesses: the budget of misses is whole.
    for (let i = 0; i < 5; i++) expect((await post({ friend_code: unheldCode([bobCode], i) })).status).toBe(404);
  });

  it('should stop the old code at once when a player rotates it', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');
    const carol = await tenant.user('carol');
    const old = await codeOf(bob);

    const rotated = await server.rest('POST', `/v1/users/${bob.id}/friend-code/rotate`, { token: bob.token });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toEqual({
      message: 'Friend code replaced',
      friend_code: expect.stringMatching(CODE),
      created_at: expect.any(String),
    });
    expect(rotated.body.friend_code).not.toBe(old);
    expect(await codeOf(bob)).toBe(rotated.body.friend_code);

    const stale = await sendByCode(alice, old);
    expect(stale.status).toBe(404);
    expect(stale.body).toEqual({
      error: 'Resource not found',
      message: `No user has the friend code '${old}'`,
      code: 'FRIEND_CODE_NOT_FOUND',
    });
    expect((await sendByCode(alice, rotated.body.friend_code)).status).toBe(201);

    // GraphQL, and a rotation by a player that never asked for its code.
    const viaGraphql = await server.graphql(RotateCode, {}, carol.token);
    const payload = viaGraphql.body.data?.rotateFriendCode;
    expect(payload).toEqual({
      __typename: 'RotateFriendCodePayload',
      message: 'Friend code replaced',
      friendCode: { value: expect.stringMatching(CODE), user: { clientUserId: carol.id } },
    });
    const other = await server.rest('POST', `/v1/users/${carol.id}/friend-code/rotate`, { token: alice.token });
    expect(other.status).toBe(403);
  });

  it('should not find a code of another tenant', async () => {
    const mine = await createTenant(server);
    const theirs = await createTenant(server);
    const alice = await mine.user('alice');
    const stranger = await theirs.user('stranger');
    const answer = await sendByCode(alice, await codeOf(stranger));
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('FRIEND_CODE_NOT_FOUND');
  });

  it('should refuse a guesser after a handful of misses, even a burst in flight at once, and no one else', async () => {
    const tenant = await createTenant(server);
    const guesser = await tenant.user('guesser');
    const player = await tenant.user('player');
    const target = await tenant.user('target');
    const targetCode = await codeOf(target);

    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sendByCode(guesser, unheldCode([targetCode], i * 3))),
    );
    const statuses = burst.map((answer) => answer.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    const refused = burst.find((answer) => answer.status === 429)!;
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(refused.body.message).toMatch(/at most 5 friend codes that name no one per 60 seconds for this user/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Now even the right code waits for the window: a guesser cannot tell a hit from a miss.
    expect((await sendByCode(guesser, targetCode)).status).toBe(429);
    // Requests by id are another budget; other players' guesses are theirs.
    expect((await tenant.request(guesser, player)) > 0).toBe(true);
    expect((await sendByCode(player, targetCode)).status).toBe(201);
  });

  it('should not count codes that name someone against the budget', async () => {
    const tenant = await createTenant(server);
    const sociable = await tenant.user('sociable');
    const friends = await Promise.all(Array.from({ length: 8 }, () => tenant.user('friend')));
    for (const friend of friends) {
      expect((await sendByCode(sociable, await codeOf(friend))).status).toBe(201);
    }
    // Four misses on top are still within the budget.
    for (let i = 0; i < 4; i++) expect((await sendByCode(sociable, unheldCode([], i))).status).toBe(404);
  });

  it('should replay a request by code under its idempotency key', async () => {
    const tenant = await createTenant(server);
    const alice = await tenant.user('alice');
    const bob = await tenant.user('bob');
    const code = await codeOf(bob);
    const send = () =>
      server.rest('POST', `/v1/connections/${alice.id}/request`, {
        token: alice.token,
        body: { friend_code: code },
        headers: { 'Idempotency-Key': 'by-code-1' },
      });
    const first = await send();
    await server.rest('POST', `/v1/users/${bob.id}/friend-code/rotate`, { token: bob.token });
    const retry = await send();
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });
});

describe('the budget of misses counted in Redis', () => {
  // The machine's Redis, under a prefix of this run's own.
  const redisServer = useTestServer({
    env: { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `codes-${randomUUID()}:`, PRESENCE_STORE: 'memory' },
  });

  it('should hold the same budget, a burst included, and give back the codes that named someone', async () => {
    const tenant = await createTenant(redisServer);
    const guesser = await tenant.user('guesser');
    const friends = await Promise.all(Array.from({ length: 6 }, () => tenant.user('friend')));
    const codes: string[] = [];
    for (const friend of friends) {
      codes.push(
        (await redisServer.rest('GET', `/v1/users/${friend.id}/friend-code`, { token: friend.token })).body.friend_code,
      );
    }
    const send = (code: string) =>
      redisServer.rest('POST', `/v1/connections/${guesser.id}/request`, {
        token: guesser.token,
        body: { friend_code: code },
      });
    // Six hits cost nothing; then four misses fit, and a burst of ten gets one more 404.
    for (const code of codes) expect((await send(code)).status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await send(unheldCode(codes, i))).status).toBe(404);
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => send(unheldCode(codes, 20 + i))));
    expect(burst.map((answer) => answer.status).sort()).toEqual([404, ...Array(9).fill(429)]);
  });
});
