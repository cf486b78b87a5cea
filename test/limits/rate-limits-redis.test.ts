import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { collect, exited, startServer } from '../helpers/process.js';
import { freePort, privateRedis } from '../helpers/redis.js';

/*
 * Rate budgets counted in Redis (REDIS_URL) while Redis goes away and comes back: no call fails
 * for it, and budgets still hold, counted in PostgreSQL meanwhile.
 */
const BUDGETS = {
  RATE_LIMIT_WINDOW_SECONDS: '600',
  RATE_LIMIT_USER_SENDS: '3',
  RATE_LIMIT_USER_WRITES: '8',
  RATE_LIMIT_TENANT_WRITES: '160',
};

const redis = await privateRedis().catch(() => null);
afterAll(async () => {
  await redis?.stop();
});

function send(server: TestServer, from: SeededUser, to: SeededUser) {
  return server.rest('POST', `/v1/connections/${from.id}/request`, { token: from.token, body: { receiver_id: to.id } });
}

describe.skipIf(!redis)('rate budgets in Redis while Redis is away', () => {
  // Presence in memory: this is about the budgets alone.
  const server = useTestServer({
    env: { ...BUDGETS, REDIS_URL: redis?.url ?? '', REDIS_KEY_PREFIX: 'budgets:', PRESENCE_STORE: 'memory' },
  });

  it('should answer every write and still hold the budget, counting in PostgreSQL until Redis is back', {
    timeout: 30_000,
  }, async () => {
    const tenant = await createTenant(server);
    const sender = await tenant.user('sender');
    const receivers: SeededUser[] = [];
    for (let i = 0; i < 7; i++) receivers.push(await tenant.user());

    const before = [await send(server, sender, receivers[0]!), await send(server, sender, receivers[1]!)];
    await redis!.stop();
    const during: number[] = [];
    for (const receiver of receivers.slice(2, 6)) during.push((await send(server, sender, receiver)).status);
    await redis!.start();
    // Back, and empty (it keeps nothing on disk): counted there again from now on.
    let after = 0;
    for (let tries = 0; tries < 50 && after !== 201; tries++) {
      after = (await send(server, sender, receivers[6]!)).status;
      if (after !== 201) await new Promise((resolve) => setTimeout(resolve, 200));
    }

    expect(before.map((answer) => answer.status)).toEqual([201, 201]);
    // A fresh count in PostgreSQL: three sends, and the fourth refused.
    expect(during).toEqual([201, 201, 201, 429]);
    expect(after).toBe(201);
  });
});

describe('REDIS_URL unreachable at start', { timeout: 60_000 }, () => {
  it.each([
    ['rate budgets', { PRESENCE_STORE: 'memory' }],
    ['presence', { PRESENCE_STORE: 'redis' }],
    ['live events', { PRESENCE_STORE: 'memory', LIVE_TRANSPORT: 'redis' }],
  ])('should refuse to start, naming REDIS_URL (%s in Redis)', async (_what, env) => {
    const port = await freePort();
    const child = startServer({ REDIS_URL: `redis://127.0.0.1:${port}`, ...env });
    const output = collect(child);
    try {
      expect(await exited(child)).toBe(1);
      expect(output()).toContain(`REDIS_URL redis://127.0.0.1:${port}`);
      expect(output()).toContain('cannot be reached');
    } finally {
      child.kill('SIGTERM');
    }
  });
});
