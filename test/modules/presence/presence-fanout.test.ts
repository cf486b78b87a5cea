import { afterEach, expect, it } from 'vitest';
import { createTenant, useTestServer } from '../../helpers/app.js';
import { onTestQuery } from '../../helpers/database.js';
import {
  FAST_PRESENCE,
  FriendPresence,
  FriendPresenceMaybeActivity,
  FriendPresenceWithMutuals,
  liveClients,
  SetPresence,
} from './presence-helpers.js';

/*
 * What a change costs does not grow with the number of friends watching: the change is
 * committed once, the changed user's row is read once per instance, and each watcher's event
 * is built from what the instance already holds (no database read per watcher).
 */
const server = useTestServer({ env: { ...FAST_PRESENCE, PRESENCE_STORE: 'memory' } });
const connect = liveClients(server);
afterEach(() => onTestQuery(null));

it('should deliver a change to 20 watching friends with a handful of statements, not one per friend', async () => {
  const tenant = await createTenant(server);
  const star = await tenant.user('star');
  const fans = [];
  for (let i = 0; i < 20; i++) {
    const fan = await tenant.user('fan');
    await tenant.connect(star, fan);
    fans.push(fan);
  }
  connect(star.token).subscribe(FriendPresence, {});
  const feeds = fans.map((fan) => connect(fan.token).subscribe(FriendPresence, {}));
  await Promise.all(feeds.map((feed) => feed.take(1)));
  await new Promise((resolve) => setTimeout(resolve, 1_100));

  const statements: string[] = [];
  onTestQuery((sql) => statements.push(sql));
  const set = await server.graphql(SetPresence, { state: 'BUSY', doing: 'Streaming' }, star.token);
  expect(set.body.data?.setPresence).toMatchObject({ presence: { status: 'BUSY' } });
  const events = await Promise.all(feeds.map((feed) => feed.take(2)));
  onTestQuery(null);

  for (const [, change] of events) {
    expect(change?.friendPresenceChanged).toMatchObject({
      user: { clientUserId: star.id },
      presence: { status: 'BUSY', activity: 'Streaming' },
    });
  }
  // The caller's lookup, and the star's row once for all 20 deliveries.
  expect(statements.length).toBeLessThanOrEqual(4);
});

it('should repeat nothing a watcher already has when the change feed was interrupted, and tell it what changed', async () => {
  const tenant = await createTenant(server);
  const [alice, bob, carol] = [await tenant.user('alice'), await tenant.user('bob'), await tenant.user('carol')];
  await tenant.connect(alice, bob);
  await tenant.connect(carol, bob);
  connect(alice.token).subscribe(FriendPresence, {});
  connect(carol.token).subscribe(FriendPresence, {});
  const feed = connect(bob.token).subscribe(FriendPresence, {});
  await feed.take(2);

  // The instance's event feed dropped and came back: every watcher re-reads.
  server.app.hub.onGap();
  expect(await feed.settle(500)).toHaveLength(2);
});

/*
 * A change's event is computed once per instance for all watchers that asked the same thing,
 * yet each watcher still gets its own answer wherever the answer depends on who watches, or on
 * its variables.
 */
it('should answer each watcher of one change what it asked, as itself', async () => {
  const tenant = await createTenant(server);
  const [star, close, distant, plain, quiet] = [
    await tenant.user('star'),
    await tenant.user('close'),
    await tenant.user('distant'),
    await tenant.user('plain'),
    await tenant.user('quiet'),
  ];
  const both = await tenant.user('both');
  for (const fan of [close, distant, plain, quiet]) await tenant.connect(star, fan);
  // `close` shares one connection with the star; `distant` none.
  await tenant.connect(both, star);
  await tenant.connect(both, close);
  connect(star.token).subscribe(FriendPresence, {});
  const withMutuals = [close, distant].map((fan) => connect(fan.token).subscribe(FriendPresenceWithMutuals, {}));
  // Each names itself, as most clients do.
  const maybeActivity = [
    { fan: plain, withActivity: true },
    { fan: quiet, withActivity: false },
  ].map(({ fan, withActivity }) =>
    connect(fan.token).subscribe(FriendPresenceMaybeActivity, { me: fan.id, withActivity }),
  );
  await Promise.all([...withMutuals, ...maybeActivity].map((feed) => feed.take(1)));
  await new Promise((resolve) => setTimeout(resolve, 1_100));

  await server.graphql(SetPresence, { state: 'BUSY', doing: 'Streaming' }, star.token);
  const [closeSees, distantSees] = await Promise.all(withMutuals.map(async (feed) => (await feed.take(2))[1]));
  const [plainSees, quietSees] = await Promise.all(maybeActivity.map(async (feed) => (await feed.take(2))[1]));

  expect(closeSees?.friendPresenceChanged).toEqual({
    user: { clientUserId: star.id, mutualConnectionCount: 1 },
    presence: { status: 'BUSY' },
  });
  expect(distantSees?.friendPresenceChanged).toEqual({
    user: { clientUserId: star.id, mutualConnectionCount: 0 },
    presence: { status: 'BUSY' },
  });
  expect(plainSees?.friendPresenceChanged).toEqual({
    user: { clientUserId: star.id },
    presence: { status: 'BUSY', activity: 'Streaming' },
  });
  expect(quietSees?.friendPresenceChanged).toEqual({ user: { clientUserId: star.id }, presence: { status: 'BUSY' } });
});
