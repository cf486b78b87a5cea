import { afterEach, expect, it } from 'vitest';
import { createTenant, useTestServer } from '../../helpers/app.js';
import { onTestQuery } from '../../helpers/database.js';
import { FAST_PRESENCE, FriendPresence, liveClients, SetPresence } from './presence-helpers.js';

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
