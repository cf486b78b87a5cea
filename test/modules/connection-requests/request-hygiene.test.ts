import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, useTestServer } from '../../helpers/app.js';
import { realPostgresDatabase } from '../../helpers/database.js';

/* A cooldown before a declined sender may ask again, and expiry of requests left unanswered. */

function send(server: ReturnType<typeof useTestServer>, from: SeededUser, to: SeededUser) {
  return server.rest('POST', `/v1/connections/${from.id}/request`, { token: from.token, body: { receiver_id: to.id } });
}

describe('decline cooldown', () => {
  const server = useTestServer({ env: { DECLINE_COOLDOWN_SECONDS: '3600' } });

  it('should refuse asking the same user again too soon with 429 REQUEST_COOLDOWN and Retry-After', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const first = await send(server, alice, bob);
    await server.rest('POST', `/v1/connections/${bob.id}/decline/${first.body.id}`, { token: bob.token });

    const again = await send(server, alice, bob);

    expect(again.status).toBe(429);
    expect(again.body).toEqual({
      error: 'Too Many Requests',
      message: expect.stringMatching(/^This user declined your last request; you may ask again in \d+ seconds$/),
      code: 'REQUEST_COOLDOWN',
    });
    const retryAfter = Number(again.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const received = await server.rest('GET', `/v1/connections/${bob.id}/received`, { token: bob.token });
    expect(received.body.pagination.total_items).toBe(1);
    // Others, and the other direction, are not held back.
    expect((await send(server, alice, carol)).status).toBe(201);
    expect((await send(server, bob, alice)).status).toBe(201);
  });

  it('should not hold back a sender who withdrew their own request', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const first = await send(server, alice, bob);
    await server.rest('POST', `/v1/connections/${alice.id}/cancel/${first.body.id}`, { token: alice.token });

    expect((await send(server, alice, bob)).status).toBe(201);
  });
});

describe('decline cooldown, short', () => {
  const server = useTestServer({ env: { DECLINE_COOLDOWN_SECONDS: '1' } });

  it('should let the sender ask again once the cooldown is over', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const first = await send(server, alice, bob);
    await server.rest('POST', `/v1/connections/${bob.id}/decline/${first.body.id}`, { token: bob.token });
    expect((await send(server, alice, bob)).status).toBe(429);

    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect((await send(server, alice, bob)).status).toBe(201);
  });
});

describe('request expiry', () => {
  // Swept every 100 ms; the test also runs a sweep itself rather than wait on the timer.
  const server = useTestServer({ env: { REQUEST_EXPIRY_SECONDS: '1', MAINTENANCE_INTERVAL_MS: '100000' } });

  it('should expire a request left unanswered, quietly, for both users', async () => {
    const tenant = await createTenant(server);
    const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
    const stale = await send(server, alice, bob);
    const answered = await send(server, carol, bob);
    await server.rest('POST', `/v1/connections/${bob.id}/accept/${answered.body.id}`, { token: bob.token });
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const swept = await server.app.maintenance.sweep();

    expect(swept.expired).toBeGreaterThanOrEqual(1);
    const sent = await server.rest('GET', `/v1/connections/${alice.id}/sent`, { token: alice.token });
    expect(sent.body.requests).toEqual([expect.objectContaining({ id: stale.body.id, status: 'expired' })]);
    const received = await server.rest('GET', `/v1/connections/${bob.id}/received?status=accepted`, {
      token: bob.token,
    });
    expect(received.body.requests.map((r: { id: number }) => r.id)).toEqual([answered.body.id]);
    // The sender is told, without a badge; the receiver has nothing left to answer.
    const alices = await server.rest('GET', `/v1/connections/${alice.id}/notifications`, { token: alice.token });
    expect(alices.body.notifications.map((n: { type: string; read: boolean }) => [n.type, n.read])).toEqual([
      ['request_expired', true],
    ]);
    expect(alices.body.unread_count).toBe(0);
    const bobs = await server.rest('GET', `/v1/connections/${bob.id}/notifications`, { token: bob.token });
    const staleNote = bobs.body.notifications.find(
      (n: { connection_request_id: number }) => n.connection_request_id === stale.body.id,
    );
    expect(staleNote).toMatchObject({ type: 'new_request', read: true });
    expect(bobs.body.unread_count).toBe(1); // carol's, which an accept does not mark read
    const accept = await server.rest('POST', `/v1/connections/${bob.id}/accept/${stale.body.id}`, { token: bob.token });
    expect(accept).toMatchObject({ status: 409, body: { code: 'REQUEST_ALREADY_PROCESSED' } });
    expect((await send(server, alice, bob)).status).toBe(201);
  });

  it('should expire many at once in one sweep, each once', async () => {
    const tenant = await createTenant(server);
    const popular = await tenant.user('popular');
    const fans: SeededUser[] = [];
    for (let i = 0; i < 12; i++) fans.push(await tenant.user('fan'));
    for (const fan of fans) await send(server, fan, popular);
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    await Promise.all([server.app.maintenance.sweep(), server.app.maintenance.sweep()]);
    await server.app.maintenance.sweep();

    const received = await server.rest('GET', `/v1/connections/${popular.id}/received?status=expired&per_page=50`, {
      token: popular.token,
    });
    expect(received.body.pagination.total_items).toBe(12);
    for (const fan of fans) {
      const notes = await server.rest('GET', `/v1/connections/${fan.id}/notifications`, { token: fan.token });
      expect(notes.body.notifications.map((n: { type: string }) => n.type)).toEqual(['request_expired']);
    }
  });
});

describe('no expiry by default', () => {
  const server = useTestServer();

  it('should keep pending requests pending however old', async () => {
    const tenant = await createTenant(server);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    const sent = await send(server, alice, bob);
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(await server.app.maintenance.sweep()).toMatchObject({ expired: 0 });
    const list = await server.rest('GET', `/v1/connections/${alice.id}/sent`, { token: alice.token });
    expect(list.body.requests[0]).toMatchObject({ id: sent.body.id, status: 'pending' });
  });
});

const database = await realPostgresDatabase('expiry');
afterAll(async () => {
  await database?.db.destroy();
});

describe.skipIf(!database)('expiry racing answers on real PostgreSQL', () => {
  const pg = useTestServer({
    database: async () => database!,
    env: { REQUEST_EXPIRY_SECONDS: '1', MAINTENANCE_INTERVAL_MS: '100000' },
  });

  it('should end each request either answered or expired, never both', async () => {
    const tenant = await createTenant(pg);
    const receiver = await tenant.user('receiver');
    const sent: { sender: SeededUser; id: number }[] = [];
    for (let i = 0; i < 15; i++) {
      const sender = await tenant.user('sender');
      sent.push({ sender, id: (await send(pg, sender, receiver)).body.id });
    }
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    const [answers] = await Promise.all([
      Promise.all(
        sent.map(({ id }, i) =>
          pg.rest('POST', `/v1/connections/${receiver.id}/${i % 2 ? 'accept' : 'decline'}/${id}`, {
            token: receiver.token,
          }),
        ),
      ),
      pg.app.maintenance.sweep(),
    ]);

    const received = await pg.rest('GET', `/v1/connections/${receiver.id}/received?per_page=50`, {
      token: receiver.token,
    });
    const statusOf = new Map(received.body.requests.map((r: { id: number; status: string }) => [r.id, r.status]));
    for (const [i, { sender, id }] of sent.entries()) {
      const answer = answers[i]!;
      const verb = i % 2 ? 'accepted' : 'declined';
      expect([200, 409], `answer to ${id}`).toContain(answer.status);
      expect(statusOf.get(id)).toBe(answer.status === 200 ? verb : 'expired');
      const notes = await pg.rest('GET', `/v1/connections/${sender.id}/notifications`, { token: sender.token });
      expect(notes.body.notifications.map((n: { type: string }) => n.type)).toEqual([
        answer.status === 200 ? `request_${verb}` : 'request_expired',
      ]);
    }
    const active = await pg.rest('GET', `/v1/connections/${receiver.id}/active?per_page=50`, { token: receiver.token });
    expect(active.body.pagination.total_items).toBe(sent.filter((_, i) => i % 2 && answers[i]!.status === 200).length);
  });
});
