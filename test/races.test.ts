import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, useTestServer } from './helpers/app.js';
import { realPostgresDatabase } from './helpers/database.js';

/*
 * Concurrent calls that race for the same pair or the same request, on real PostgreSQL (a
 * pool of connections, real row locks). Each race must end with exactly one winner and a clean
 * 4xx for the loser: never a 500, never a duplicate row.
 */
const database = await realPostgresDatabase('race');
afterAll(async () => {
  await database?.db.destroy();
});

describe.skipIf(!database)('races on real PostgreSQL', () => {
  const server = useTestServer({ database: async () => database! });
  const ROUNDS = 15;

  async function pairs(count: number) {
    const tenant = await createTenant(server);
    const result: [SeededUser, SeededUser][] = [];
    for (let i = 0; i < count; i++) result.push([await tenant.user('a'), await tenant.user('b')]);
    return { tenant, pairs: result };
  }

  it('should let exactly one of A→B and B→A sent at once win, with a 409 for the other', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);

    const outcomes = await Promise.all(
      users.map(([a, b]) =>
        Promise.all([
          server.rest('POST', `/v1/connections/${a.id}/request`, { token: a.token, body: { receiver_id: b.id } }),
          server.rest('POST', `/v1/connections/${b.id}/request`, { token: b.token, body: { receiver_id: a.id } }),
        ]),
      ),
    );

    for (const pair of outcomes) {
      expect(pair.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(pair.find((r) => r.status === 409)?.body.code).toBe('REQUEST_ALREADY_PENDING');
    }
    const { rows } = await sql<{ pending: number }>`
      select count(*)::int as pending from connection_requests
      where tenant = ${tenant.name} and status = 'pending'`.execute(database!.db);
    expect(rows[0]?.pending).toBe(ROUNDS);
  });

  it('should let exactly one of accept and decline of one request win', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);
    const requestIds = await Promise.all(users.map(([a, b]) => tenant.request(a, b)));

    const outcomes = await Promise.all(
      users.map(([, b], i) =>
        Promise.all([
          server.rest('POST', `/v1/connections/${b.id}/accept/${requestIds[i]}`, { token: b.token }),
          server.rest('POST', `/v1/connections/${b.id}/decline/${requestIds[i]}`, { token: b.token }),
        ]),
      ),
    );

    for (const [i, [accept, decline]] of outcomes.entries()) {
      expect([accept.status, decline.status].sort()).toEqual([200, 409]);
      const loser = accept.status === 409 ? accept : decline;
      expect(loser.body).toEqual({
        error: 'Conflict',
        message: 'Request already processed',
        code: 'REQUEST_ALREADY_PROCESSED',
      });

      const [a, b] = users[i]!;
      const active = await server.rest('GET', `/v1/connections/${a.id}/active`, { token: a.token });
      expect(active.body.pagination.total_items).toBe(accept.status === 200 ? 1 : 0);
      const notifications = await server.rest('GET', `/v1/connections/${a.id}/notifications`, { token: a.token });
      expect(notifications.body.notifications.map((n: { type: string }) => n.type)).toEqual([
        accept.status === 200 ? 'request_accepted' : 'request_declined',
      ]);
      const sent = await server.rest('GET', `/v1/connections/${a.id}/sent`, { token: a.token });
      expect(sent.body.requests[0].status).toBe(accept.status === 200 ? 'accepted' : 'declined');
      expect(b.id).toBeDefined();
    }
  });

  it('should create exactly one connection when one request is accepted twice at once', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);
    const requestIds = await Promise.all(users.map(([a, b]) => tenant.request(a, b)));

    const outcomes = await Promise.all(
      users.map(([, b], i) =>
        Promise.all(
          [0, 1, 2].map(() =>
            server.rest('POST', `/v1/connections/${b.id}/accept/${requestIds[i]}`, { token: b.token }),
          ),
        ),
      ),
    );

    for (const attempts of outcomes) {
      expect(attempts.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    }
    const { rows } = await sql<{ connections: number; edges: number }>`
      select (select count(*)::int from connections where tenant = ${tenant.name}) as connections,
             (select count(*)::int from connection_edges where tenant = ${tenant.name}) as edges`.execute(database!.db);
    expect(rows[0]).toEqual({ connections: ROUNDS, edges: ROUNDS * 2 });
  });

  it('should let exactly one of two concurrent removals succeed, with a 404 for the other', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);
    const connectionIds = await Promise.all(users.map(([a, b]) => tenant.connect(a, b)));

    const outcomes = await Promise.all(
      users.map(([a, b], i) =>
        Promise.all([
          server.rest('DELETE', `/v1/connections/${a.id}/${connectionIds[i]}`, { token: a.token }),
          server.rest('DELETE', `/v1/connections/${b.id}/${connectionIds[i]}`, { token: b.token }),
        ]),
      ),
    );

    for (const pair of outcomes) {
      expect(pair.map((r) => r.status).sort()).toEqual([200, 404]);
    }
    // Counted once: both users' totals are back to zero.
    for (const user of users.flat()) {
      const active = await server.rest('GET', `/v1/connections/${user.id}/active`, { token: user.token });
      expect(active.body.pagination.total_items).toBe(0);
    }
  });

  it('should never leave a pending request between connected users when a send races an accept', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);
    const requestIds = await Promise.all(users.map(([a, b]) => tenant.request(a, b)));

    // B accepts A's request while A, impatient, sends again: the send must see either the
    // pending request or the connection, never neither.
    const outcomes = await Promise.all(
      users.map(([a, b], i) =>
        Promise.all([
          server.rest('POST', `/v1/connections/${b.id}/accept/${requestIds[i]}`, { token: b.token }),
          server.rest('POST', `/v1/connections/${a.id}/request`, { token: a.token, body: { receiver_id: b.id } }),
        ]),
      ),
    );

    for (const [accept, send] of outcomes) {
      expect(accept.status).toBe(200);
      expect(send.status).toBe(409);
      expect(['REQUEST_ALREADY_PENDING', 'ALREADY_CONNECTED']).toContain(send.body.code);
    }
    const { rows } = await sql<{ pending: number }>`
      select count(*)::int as pending from connection_requests
      where tenant = ${tenant.name} and status = 'pending'`.execute(database!.db);
    expect(rows[0]?.pending).toBe(0);
  });
  it('should let exactly one of an accept, a decline and a withdrawal of one invite win', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);
    await Promise.all(users.map(([a, b]) => tenant.connect(a, b)));
    const inviteIds = await Promise.all(
      users.map(async ([a, b]) => {
        const sent = await server.rest('POST', `/v1/connections/${a.id}/invites`, {
          token: a.token,
          body: { receiver_ids: [b.id], join_info: { lobby: 'l-1' } },
        });
        return sent.body.invites[0].id as number;
      }),
    );

    const outcomes = await Promise.all(
      users.map(([a, b], i) =>
        Promise.all([
          server.rest('POST', `/v1/connections/${b.id}/invites/${inviteIds[i]}/accept`, { token: b.token }),
          server.rest('POST', `/v1/connections/${b.id}/invites/${inviteIds[i]}/decline`, { token: b.token }),
          server.rest('POST', `/v1/connections/${a.id}/invites/${inviteIds[i]}/cancel`, { token: a.token }),
        ]),
      ),
    );

    for (const [i, answers] of outcomes.entries()) {
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      for (const loser of answers.filter((r) => r.status === 409))
        expect(loser.body.code).toBe('INVITE_ALREADY_ANSWERED');
      // The sender heard of an answer only if an answer won.
      const [a] = users[i]!;
      const notes = await server.rest(
        'GET',
        `/v1/connections/${a.id}/notifications?type=invite_accepted,invite_declined`,
        {
          token: a.token,
        },
      );
      expect(notes.body.notifications).toHaveLength(answers[2]!.status === 200 ? 0 : 1);
    }
  });

  it('should record overlapping matches at once, every one, in any order of their rosters', async () => {
    const tenant = await createTenant(server);
    const players: SeededUser[] = [];
    for (let i = 0; i < 24; i++) players.push(await tenant.user('p'));
    // Twelve matches of twelve, each sharing players with the others, rosters in varied orders.
    const matches = Array.from({ length: 12 }, (_, m) => {
      const roster = Array.from({ length: 12 }, (_, i) => players[(m * 2 + i * 5) % 24]!.id);
      return m % 2 === 0 ? roster : roster.reverse();
    });
    const outcomes = await Promise.all(
      matches.map((roster, m) =>
        server.rest('POST', '/v1/recent-players', {
          token: tenant.serviceToken,
          body: { players: [...new Set(roster)], context: `m${m}` },
        }),
      ),
    );
    expect(outcomes.map((r) => r.status)).toEqual(matches.map(() => 201));
    // Everyone met everyone they shared a match with, once each.
    for (const player of players.slice(0, 4)) {
      const met = new Set(matches.filter((r) => r.includes(player.id)).flat());
      met.delete(player.id);
      const listed = await server.rest('GET', `/v1/users/${player.id}/recent-players?per_page=50`, {
        token: player.token,
      });
      expect(listed.body.pagination.total_items).toBe(met.size);
    }
  });
});
