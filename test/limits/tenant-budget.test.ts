import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { createTenant, type SeededUser, type TestServer, useTestServer } from '../helpers/app.js';
import { realPostgresDatabase } from '../helpers/database.js';
import { collect, exited, listeningUrl, startServer } from '../helpers/process.js';
import { addTo, callsIn, markAllReadBatch, newTally, type WriteTally } from './batched-writes.js';

/*
 * The tenant's write budget protects the tenant from its users instead of handing each of them
 * a way to lock it: a call refused for its user never draws on it, no user nor a handful of
 * users can use it up, and the game backend (service tokens) writes on a budget of its own.
 * Everything here runs at the deployed defaults, on PostgreSQL, as the attack did.
 */
const defaults = loadConfig({ NODE_ENV: 'test' });
const budgets = defaults.rateLimits;
const DEFAULT_BUDGETS = {
  RATE_LIMIT_WINDOW_SECONDS: String(budgets.windowSeconds),
  RATE_LIMIT_USER_WRITES: String(budgets.userWrites),
  RATE_LIMIT_USER_SENDS: String(budgets.userSends),
  RATE_LIMIT_TENANT_WRITES: String(budgets.tenantWrites),
  RATE_LIMIT_SERVICE_WRITES: String(budgets.serviceWrites),
  RATE_LIMIT_USER_SUBSCRIBES: String(budgets.userSubscribes),
};

/** As many writes as one HTTP request may carry: a full batch of operations, each all aliases. */
const { maxBatch, maxAliases } = defaults.graphqlLimits;
const WRITES_PER_REQUEST = maxBatch * maxAliases;
const floodOnce = (server: TestServer, user: SeededUser) =>
  markAllReadBatch(server, user, WRITES_PER_REQUEST, maxAliases);

/** The fixed window (they are aligned on the epoch, src/platform/writes/rate-limits.ts) `now` falls in. */
const windowOf = (now: number) => Math.floor(now / (budgets.windowSeconds * 1000));

/**
 * Waits, when the current window has less than `seconds` left, for the next one: a test that
 * counts one user's budget exactly must not see it refilled halfway by a window ending.
 */
async function inAFreshWindow(seconds = 20): Promise<void> {
  const windowMs = budgets.windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < seconds * 1000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/**
 * The attack: batched requests of aliased `markAllNotificationsRead` by one user, four in
 * flight, until more calls than the tenant's whole budget have been made within one fixed window.
 * A flood that straddles two windows is split between two counters and would prove nothing, so
 * it goes on in the next; requests that straddled are tallied apart.
 */
async function floodPastTenantBudget(
  server: TestServer,
  user: SeededUser,
): Promise<{ byWindow: WriteTally[]; straddling: WriteTally }> {
  const byWindow = new Map<number, WriteTally>();
  const straddling = newTally();
  const filled = () => [...byWindow.values()].some((tally) => callsIn(tally) > budgets.tenantWrites);
  // A machine too slow to fill a window gives up after three, and the flood's check fails.
  const deadline = Date.now() + 3 * budgets.windowSeconds * 1000;
  const worker = async () => {
    while (!filled() && Date.now() < deadline) {
      const started = windowOf(Date.now());
      const tally = await floodOnce(server, user);
      if (windowOf(Date.now()) !== started) addTo(straddling, tally);
      else addTo(byWindow.get(started) ?? byWindow.set(started, newTally()).get(started)!, tally);
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));
  expect(filled(), 'more calls than the tenant budget within one window').toBe(true);
  return { byWindow: [...byWindow.values()], straddling };
}

/** A write of each kind a bystander makes, and the backend's upsert of a player. */
async function othersStillWrite(server: TestServer, bystanders: [SeededUser, SeededUser], backendToken: string) {
  const [player, friend] = bystanders;
  return {
    send: (
      await server.rest('POST', `/v1/connections/${player.id}/request`, {
        token: player.token,
        body: { receiver_id: friend.id },
      })
    ).status,
    markRead: (await server.rest('POST', `/v1/connections/${friend.id}/notifications/read`, { token: friend.token }))
      .status,
    backendUpsert: (
      await server.rest('PUT', '/v1/users/newcomer', { token: backendToken, body: { display_name: 'Newcomer' } })
    ).status,
  };
}

/** The refusal a user's call gets once its own write budget is spent. */
const REFUSED_FOR_ITS_USER = `RateLimitedError: Rate limit exceeded: at most ${budgets.userWrites} writes per ${budgets.windowSeconds} seconds for this user; retry in N seconds`;

const database = await realPostgresDatabase('tenantbudget');
afterAll(async () => {
  await database?.db.destroy();
});

describe.skipIf(!database)('the tenant write budget at the default budgets, on PostgreSQL', () => {
  const server = useTestServer({ database: async () => database!, env: DEFAULT_BUDGETS });

  // About 20,000 calls: a few seconds on an idle machine, much longer on a busy one.
  it('should keep other users and the backend writing while one user floods the tenant with refused writes', {
    timeout: 240_000,
  }, async () => {
    const tenant = await createTenant(server);
    const [attacker, player, friend] = [await tenant.user('attacker'), await tenant.user(), await tenant.user()];

    const { byWindow, straddling } = await floodPastTenantBudget(server, attacker);
    const others = await othersStillWrite(server, [player, friend], tenant.serviceToken);

    expect(others).toEqual({ send: 201, markRead: 200, backendUpsert: 201 });
    // More calls than the whole tenant may make in one window, every one past the user's own
    // budget refused for the user, never for the tenant.
    for (const tally of byWindow) {
      expect(tally.written).toBeLessThanOrEqual(budgets.userWrites);
      expect([...tally.refused.keys()]).toEqual([REFUSED_FOR_ITS_USER]);
    }
    expect([...straddling.refused.keys()]).toEqual(straddling.refused.size ? [REFUSED_FOR_ITS_USER] : []);
  });

  it('should keep the tenant writing while a handful of users spend their whole budget and hammer on', async () => {
    const tenant = await createTenant(server);
    const attackers: SeededUser[] = [];
    for (let i = 0; i < 5; i++) attackers.push(await tenant.user('attacker'));
    const [player, friend] = [await tenant.user(), await tenant.user()];

    const tallies = await Promise.all(attackers.map((attacker) => floodOnce(server, attacker)));
    const others = await othersStillWrite(server, [player, friend], tenant.serviceToken);

    expect(others).toEqual({ send: 201, markRead: 200, backendUpsert: 201 });
    // Each spent its whole budget (more, if a window ended meanwhile) and was refused the rest.
    for (const tally of tallies) {
      expect(tally.written).toBeGreaterThanOrEqual(budgets.userWrites);
      expect(tally.refused).toEqual(new Map([[REFUSED_FOR_ITS_USER, WRITES_PER_REQUEST - tally.written]]));
    }
  });

  it('should create and serve users whose ids look like budget names, each on a budget of its own', {
    timeout: 60_000,
  }, async () => {
    const tenant = await createTenant(server);
    const ids = [
      '*',
      'write:*',
      '*:x',
      'send:*',
      'user:write:*',
      'user:write:x',
      'x',
      'tenant:writes',
      'service:writes',
    ];
    const created: number[] = [];
    for (const id of ids) {
      const path = `/v1/users/${encodeURIComponent(id)}`;
      created.push((await server.rest('PUT', path, { token: tenant.serviceToken, body: { display_name: id } })).status);
    }
    const users: SeededUser[] = await Promise.all(
      ids.map(async (id) => ({ id, displayName: id, token: await server.token(id, { tenant: tenant.name }) })),
    );
    const [star, writeStar] = users as [SeededUser, SeededUser];
    const path = (user: SeededUser, rest: string) => `/v1/${rest.replace('{id}', encodeURIComponent(user.id))}`;
    await inAFreshWindow();

    const sent = await server.rest('POST', path(star, 'connections/{id}/request'), {
      token: star.token,
      body: { receiver_id: writeStar.id },
    });
    const settings = await server.rest('PUT', path(star, 'users/{id}/settings'), {
      token: star.token,
      body: { accept_requests_from: 'friends_of_friends' },
    });
    // `*` spends the rest of its budget and is refused for it; none of the others shares it.
    const starFlood = await floodOnce(server, star);
    const othersAfter = await Promise.all(
      users
        .slice(1)
        .map(
          async (user) => (await server.rest('POST', path(user, 'connections/{id}/notifications/read'), user)).status,
        ),
    );

    expect(created).toEqual(ids.map(() => 201));
    expect(sent.status).toBe(201);
    expect(settings.status).toBe(200);
    expect(starFlood.written).toBeGreaterThanOrEqual(budgets.userWrites - 2);
    expect(starFlood.refused).toEqual(new Map([[REFUSED_FOR_ITS_USER, WRITES_PER_REQUEST - starFlood.written]]));
    expect(othersAfter).toEqual(users.slice(1).map(() => 200));
  });
});

describe('RATE_LIMIT_TENANT_WRITES', { timeout: 60_000 }, () => {
  it('should refuse to start when a handful of users could use up the tenant budget, saying why', async () => {
    const child = startServer({ RATE_LIMIT_USER_WRITES: '1000', RATE_LIMIT_TENANT_WRITES: '5000' });
    const output = collect(child);
    try {
      // A server that starts anyway is stopped when its listening line shows.
      const code = await Promise.race([exited(child), listeningUrl(child, output).then(() => 'listening')]);

      expect(code).toBe(1);
      expect(output()).toContain(
        'RATE_LIMIT_TENANT_WRITES must be at least 20 times RATE_LIMIT_USER_WRITES (which must not be 0 while a tenant budget is set), so that no handful of users can use it up (got 5000 and 1000)',
      );
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
  });
});
