import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { createTenant, TEST_JWT_SECRET, type TestServer, useTestServer } from '../../helpers/app.js';
import { realPostgresDatabase } from '../../helpers/database.js';
import { collect, listeningUrl, startServer } from '../../helpers/process.js';
import { privateRedis } from '../../helpers/redis.js';
import {
  eventually,
  FAST_PRESENCE,
  FriendPresence,
  FriendPresenceProfile,
  liveClients,
  presenceEnv,
  statusSeenBy,
  UserProfile,
} from './presence-helpers.js';

/*
 * Several instances of the gateway, as a deployment runs them: a user connected to one is online
 * for a friend connected to another, through PostgreSQL alone or through Redis; an instance
 * killed without a word lets its users go offline in time; Redis restarting costs no 5xx and
 * presence comes back.
 */

const database = await realPostgresDatabase('presence_cluster');
afterAll(async () => {
  await database?.db.destroy();
});

const onThatDatabase = async () => database!;

/** Two gateways on the same database (and Redis, when `env` says so): two instances of one deployment. */
function twoInstances(env: Record<string, string>) {
  return [useTestServer({ database: onThatDatabase, env }), useTestServer({ database: onThatDatabase, env })] as const;
}

function onlineAcross(a: TestServer, b: TestServer) {
  const connectToA = liveClients(() => a.url);
  const connectToB = liveClients(() => b.url);
  return async () => {
    const tenant = await createTenant(a);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);
    // Bob watches from instance B; Alice comes online on instance A.
    const feed = connectToB(bob.token).subscribe(FriendPresence, {});
    await feed.settle(200);
    const alicesSocket = connectToA(alice.token);
    alicesSocket.subscribe(FriendPresence, {});
    const [online] = await feed.take(1);
    expect(online?.friendPresenceChanged).toMatchObject({
      user: { clientUserId: alice.id },
      presence: { status: 'ONLINE' },
    });
    expect(await statusSeenBy(b, bob.token, alice.id)).toBe('online');

    await a.rest('PUT', `/v1/users/${alice.id}/presence`, {
      token: alice.token,
      body: { status: 'busy', activity: 'Raid' },
    });
    const [, busy] = await feed.take(2);
    expect(busy?.friendPresenceChanged.presence).toMatchObject({ status: 'BUSY', activity: 'Raid' });

    await alicesSocket.close();
    const [, , offline] = await feed.take(3, 6_000);
    expect(offline?.friendPresenceChanged.presence?.status).toBe('OFFLINE');
  };
}

/**
 * A change made where the user's row was just read (a socket opening, `setPresence`) carries
 * the row to the other instances instead of each reading it: the friend must see what a read
 * of the user shows, its dates included, whichever way the change travelled.
 */
function profileAcross(a: TestServer, b: TestServer) {
  const connectToA = liveClients(() => a.url);
  const connectToB = liveClients(() => b.url);
  return async () => {
    const tenant = await createTenant(a);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);
    const read = await b.graphql(UserProfile, { userId: alice.id }, bob.token);
    const profile = read.body.data?.user;
    expect(profile).toMatchObject({ clientUserId: alice.id, createdAt: expect.any(String) });

    const feed = connectToB(bob.token).subscribe(FriendPresenceProfile, {});
    await feed.settle(200);
    connectToA(alice.token).subscribe(FriendPresence, {});
    const [online] = await feed.take(1);
    expect(online?.friendPresenceChanged).toEqual({ user: profile, presence: { status: 'ONLINE' } });

    await a.rest('PUT', `/v1/users/${alice.id}/presence`, { token: alice.token, body: { status: 'busy' } });
    const [, busy] = await feed.take(2);
    expect(busy?.friendPresenceChanged).toEqual({ user: profile, presence: { status: 'BUSY' } });
  };
}

const ACROSS = 'should show a user connected to one instance online to a friend connected to another, live';
const PROFILE = "should show the friend's row as a read of it does, from the change that carried it";

const setups: [string, Record<string, string>][] = [
  ['across instances sharing PostgreSQL alone', presenceEnv('postgres')],
  ['across instances sharing Redis', presenceEnv('redis')],
  // Live events through Redis: a change's event goes to the outbox in a transaction with it
  // instead of riding on the change's own statement (NOTIFY).
  [
    'kept in PostgreSQL, live events through Redis',
    { ...presenceEnv('redis'), PRESENCE_STORE: 'postgres', LIVE_TRANSPORT: 'redis' },
  ],
];

for (const [setup, env] of setups) {
  describe.skipIf(!database)(`presence ${setup}`, () => {
    const [a, b] = twoInstances(env);
    it(ACROSS, () => onlineAcross(a, b)());
    it(PROFILE, () => profileAcross(a, b)());
  });
}

/** An instance as a real process, which the test can kill. */
async function processInstance(env: Record<string, string>) {
  const child = startServer({
    DATABASE_URL: database!.url!,
    JWT_SECRET: TEST_JWT_SECRET,
    NODE_ENV: 'test',
    RATE_LIMIT_USER_WRITES: '0',
    RATE_LIMIT_TENANT_WRITES: '0',
    ...env,
  });
  const output = collect(child);
  return { child, url: await listeningUrl(child, output) };
}

describe.skipIf(!database)('an instance killed with SIGKILL', { timeout: 90_000 }, () => {
  for (const store of ['postgres', 'redis'] as const) {
    const env = {
      PRESENCE_STORE: store,
      PRESENCE_GRACE_SECONDS: '2',
      PRESENCE_HEARTBEAT_SECONDS: '1',
      ...(store === 'redis' && { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: `test:${randomUUID()}:` }),
    };
    const survivor = useTestServer({ database: onThatDatabase, env });
    let killed: ChildProcess | undefined;
    afterAll(() => {
      killed?.kill('SIGKILL');
    });
    const connectToDoomed = liveClients(() => doomedUrl);
    let doomedUrl = '';

    it(`should let its users go offline within the grace plus a heartbeat (${store})`, async () => {
      const doomed = await processInstance(env);
      killed = doomed.child;
      doomedUrl = doomed.url;
      const tenant = await createTenant(survivor);
      const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
      await tenant.connect(alice, bob);
      connectToDoomed(alice.token).subscribe(FriendPresence, {});
      await eventually(async () =>
        (await statusSeenBy(survivor, bob.token, alice.id)) === 'online' ? true : undefined,
      );

      doomed.child.kill('SIGKILL');
      await once(doomed.child, 'exit');
      const killedAt = Date.now();
      // Not at once: a socket that dropped may be a reconnect on its way.
      expect(await statusSeenBy(survivor, bob.token, alice.id)).toBe('online');
      await eventually(
        async () => ((await statusSeenBy(survivor, bob.token, alice.id)) === 'offline' ? true : undefined),
        10_000,
      );
      // Grace (2 s) plus one heartbeat interval (1 s), and the sweep's own beat.
      expect(Date.now() - killedAt).toBeLessThan(2_000 + 1_000 + 1_000);
    });
  }
});

const redis = database ? await privateRedis().catch(() => null) : null;
afterAll(async () => {
  await redis?.stop();
});

describe.skipIf(!database || !redis)('Redis restarted under load', { timeout: 90_000 }, () => {
  const env = { ...FAST_PRESENCE, PRESENCE_STORE: 'redis', REDIS_URL: redis?.url ?? '', REDIS_KEY_PREFIX: 'restart:' };
  const [a, b] = twoInstances(env);
  const connectToA = liveClients(() => a.url);

  it('should answer every call without a 5xx, and bring presence back once Redis is up', async () => {
    const tenant = await createTenant(a);
    const [alice, bob] = [await tenant.user('alice'), await tenant.user('bob')];
    await tenant.connect(alice, bob);
    connectToA(alice.token).subscribe(FriendPresence, {});
    await eventually(async () => ((await statusSeenBy(b, bob.token, alice.id)) === 'online' ? true : undefined));
    await a.rest('PUT', `/v1/users/${alice.id}/presence`, {
      token: alice.token,
      body: { status: 'busy', activity: 'Siege' },
    });

    const statuses: number[] = [];
    let running = true;
    const load = (async () => {
      while (running) {
        const answers = await Promise.all([
          b.rest('GET', `/v1/users/${alice.id}/presence`, { token: bob.token }),
          b.rest('GET', `/v1/connections/${bob.id}/active`, { token: bob.token }),
          a.rest('PUT', `/v1/users/${alice.id}/presence`, {
            token: alice.token,
            body: { status: 'busy', activity: 'Siege' },
          }),
        ]);
        statuses.push(...answers.map((answer) => answer.status));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis!.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await redis!.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    running = false;
    await load;
    // Redis came back empty. Past the grace, with no call setting anything any more, Alice is
    // still busy: the instance holding her socket stated her socket and her choice again.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const seen = await eventually(async () => {
      const answer = await b.rest('GET', `/v1/users/${alice.id}/presence`, { token: bob.token });
      return answer.body?.presence?.status === 'busy' ? answer.body.presence : undefined;
    }, 10_000);
    expect(seen).toMatchObject({ status: 'busy', activity: 'Siege' });
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });
});
