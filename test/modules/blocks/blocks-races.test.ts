import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { realPostgresDatabase } from '../../helpers/database.js';

/*
 * A block racing the changes it undoes, on real PostgreSQL (a pool of connections, real row
 * locks): a send, an accept, a removal, the other side's block. Whichever commits first, the
 * block ends with nothing between the two users (no connection, no pending request), the
 * connection counts right, the loser of the race with a clean 4xx, never a 500 or a deadlock.
 */
const database = await realPostgresDatabase('blockrace');
afterAll(async () => {
  await database?.db.destroy();
});

describe.skipIf(!database)('blocks racing other changes on real PostgreSQL', () => {
  const server = useTestServer({ database: async () => database! });
  const ROUNDS = 15;
  const db = () => database!.db;

  async function pairs(count: number) {
    const tenant = await createTenant(server);
    const result: [SeededUser, SeededUser][] = [];
    for (let i = 0; i < count; i++) result.push([await tenant.user('a'), await tenant.user('b')]);
    return { tenant, pairs: result };
  }

  /**
   * Starts `first` now, or a little later (after the current tick, or 1 to 3 ms), by round, and
   * `second` now: the other call reaches the locks first in some rounds and second in others.
   */
  const race = <A, B>(i: number, first: () => Promise<A>, second: () => Promise<B>): Promise<[A, B]> => {
    const delay = i % 5;
    const started =
      delay === 0
        ? first()
        : new Promise<void>((resolve) => (delay === 1 ? setImmediate(resolve) : setTimeout(resolve, delay - 1))).then(
            first,
          );
    return Promise.all([started, second()]);
  };

  const block = (user: SeededUser, other: SeededUser) =>
    server.rest('PUT', `/v1/users/${user.id}/blocked/${other.id}`, { token: user.token });
  const send = (from: SeededUser, to: SeededUser) =>
    server.rest('POST', `/v1/connections/${from.id}/request`, { token: from.token, body: { receiver_id: to.id } });

  /** What the database holds for the tenant once the race is over. */
  async function settled(tenant: string) {
    const { rows } = await sql<{
      pending: number;
      connections: number;
      edges: number;
      miscounted: number;
      blocks: number;
    }>`
      select
        (select count(*)::int from connection_requests where tenant = ${tenant} and status = 'pending') as pending,
        (select count(*)::int from connections where tenant = ${tenant}) as connections,
        (select count(*)::int from connection_edges where tenant = ${tenant}) as edges,
        (select count(*)::int from users u where u.tenant = ${tenant} and u.connection_count <>
          (select count(*) from connection_edges e where e.user_id = u.id)) as miscounted,
        (select count(*)::int from blocks where tenant = ${tenant}) as blocks`.execute(db());
    return rows[0]!;
  }

  /** Each request of the tenant with its status and the notifications about it (type, recipient, read). */
  async function requestsOf(tenant: string) {
    const { rows } = await sql<{
      sender: string;
      receiver: string;
      status: string;
      notifications: { type: string; to: string; read: boolean }[];
    }>`
      select s.client_user_id as sender, r.client_user_id as receiver, cr.status,
        coalesce((select json_agg(json_build_object('type', n.type, 'to', u.client_user_id, 'read', n.read_at is not null)
                                  order by n.seq)
                  from notifications n join users u on u.id = n.user_id
                  where n.connection_request_id = cr.id), '[]') as notifications
      from connection_requests cr
      join users s on s.id = cr.sender_id
      join users r on r.id = cr.receiver_id
      where cr.tenant = ${tenant}`.execute(db());
    return rows;
  }

  it('should keep a request sent to the blocker during a block from surviving it, unseen by its sender', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);

    // a blocks b while b sends a a request.
    const outcomes = await Promise.all(
      users.map(([a, b], i) =>
        race(
          i,
          () => block(a, b),
          () => send(b, a),
        ),
      ),
    );

    for (const [blocked, sent] of outcomes) {
      expect(blocked.status).toBe(201);
      expect([201, 403]).toContain(sent.status);
      if (sent.status === 403) expect(sent.body.code).toBe('REQUESTS_NOT_ACCEPTED');
    }
    expect(await settled(tenant.name)).toEqual({ pending: 0, connections: 0, edges: 0, miscounted: 0, blocks: ROUNDS });
    const requests = await requestsOf(tenant.name);
    // A send that won was declined silently by the block: only the blocker's notification, read.
    expect(requests.length).toBe(outcomes.filter(([, sent]) => sent.status === 201).length);
    for (const request of requests) {
      expect(request).toEqual({
        sender: request.sender,
        receiver: request.receiver,
        status: 'declined',
        notifications: [{ type: 'new_request', to: request.receiver, read: true }],
      });
    }
  });

  it("should withdraw the blocker's own request sent during its block, or refuse it with 409 USER_BLOCKED", async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);

    const outcomes = await Promise.all(
      users.map(([a, b], i) =>
        race(
          i,
          () => block(a, b),
          () => send(a, b),
        ),
      ),
    );

    for (const [blocked, sent] of outcomes) {
      expect(blocked.status).toBe(201);
      expect([201, 409]).toContain(sent.status);
      if (sent.status === 409) expect(sent.body.code).toBe('USER_BLOCKED');
    }
    expect(await settled(tenant.name)).toEqual({ pending: 0, connections: 0, edges: 0, miscounted: 0, blocks: ROUNDS });
    for (const request of await requestsOf(tenant.name)) {
      expect(request).toEqual({
        sender: request.sender,
        receiver: request.receiver,
        status: 'cancelled',
        notifications: [
          { type: 'new_request', to: request.receiver, read: true },
          { type: 'request_cancelled', to: request.receiver, read: true },
        ],
      });
    }
  });

  it('should leave no connection when an accept races a block by either side', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);
    const requestIds = await Promise.all(users.map(([a, b]) => tenant.request(a, b)));

    // b accepts a's request while a (even rounds) or b itself on another device (odd) blocks.
    const outcomes = await Promise.all(
      users.map(([a, b], i) =>
        Promise.all([
          server.rest('POST', `/v1/connections/${b.id}/accept/${requestIds[i]}`, { token: b.token }),
          i % 2 === 0 ? block(a, b) : block(b, a),
        ]),
      ),
    );

    for (const [accepted, blocked] of outcomes) {
      expect(blocked.status).toBe(201);
      expect([200, 409]).toContain(accepted.status);
      if (accepted.status === 409) expect(accepted.body.code).toBe('REQUEST_ALREADY_PROCESSED');
    }
    expect(await settled(tenant.name)).toEqual({ pending: 0, connections: 0, edges: 0, miscounted: 0, blocks: ROUNDS });
    const byPair = new Map((await requestsOf(tenant.name)).map((r) => [r.sender, r]));
    for (const [i, [accepted]] of outcomes.entries()) {
      const request = byPair.get(users[i]![0].id)!;
      // The accept either won (and the block then removed the connection) or found the request closed.
      const closedBy = i % 2 === 0 ? 'cancelled' : 'declined';
      expect({ round: i, status: request.status }).toEqual({
        round: i,
        status: accepted.status === 200 ? 'accepted' : closedBy,
      });
    }
  });

  it('should count a connection removed once when a removal races a block', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);
    const connectionIds = await Promise.all(users.map(([a, b]) => tenant.connect(a, b)));

    const outcomes = await Promise.all(
      users.map(([a, b], i) =>
        Promise.all([
          server.rest('DELETE', `/v1/connections/${a.id}/${connectionIds[i]}`, { token: a.token }),
          i % 2 === 0 ? block(b, a) : block(a, b),
        ]),
      ),
    );

    for (const [removed, blocked] of outcomes) {
      expect(blocked.status).toBe(201);
      expect([200, 404]).toContain(removed.status);
      if (removed.status === 404) expect(removed.body.code).toBe('CONNECTION_NOT_FOUND');
    }
    expect(await settled(tenant.name)).toEqual({ pending: 0, connections: 0, edges: 0, miscounted: 0, blocks: ROUNDS });
    // The totals the API reports come from the counts: back to zero, not below.
    for (const user of users.flat()) {
      const active = await server.rest('GET', `/v1/connections/${user.id}/active`, { token: user.token });
      expect(active.body.pagination.total_items).toBe(0);
    }
  });

  it('should let two users block each other at once, without a deadlock', async () => {
    const { tenant, pairs: users } = await pairs(ROUNDS);
    await Promise.all(users.map(([a, b], i) => (i % 2 === 0 ? tenant.connect(a, b) : tenant.request(b, a))));

    const outcomes = await Promise.all(users.map(([a, b]) => Promise.all([block(a, b), block(b, a)])));

    for (const pair of outcomes) expect(pair.map((r) => r.status)).toEqual([201, 201]);
    expect(await settled(tenant.name)).toEqual({
      pending: 0,
      connections: 0,
      edges: 0,
      miscounted: 0,
      blocks: ROUNDS * 2,
    });
  });
});
