import { randomInt } from 'node:crypto';
import { Presets, SingleBar } from 'cli-progress';
import {
  answerConnectionRequest,
  sendConnectionRequest,
} from '../src/modules/connection-requests/connection-requests.service.js';
import { findUserByClientId } from '../src/modules/users/users.repository.js';
import { upsertUser } from '../src/modules/users/users.service.js';
import type { Viewer } from '../src/platform/auth/viewer.js';
import { ConfigError, loadConfig } from '../src/platform/config.js';
import { connectDatabase } from '../src/platform/db/connect.js';
import { DirectoryInUseError } from '../src/platform/db/directory-lock.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { type Deps, limitsFrom } from '../src/platform/deps.js';
import { ConflictError } from '../src/platform/errors.js';
import { notifyPublisher } from '../src/platform/events/pg-notify.js';
import { loadPublicIds } from '../src/platform/public-ids.js';
import { PostgresRateCounter } from '../src/platform/writes/rate-counters.js';

/**
 * `npm run db:seed`: demo players of the API document in the `default` tenant (or SEED_TENANT),
 * with one accepted connection, one declined and one pending request. Goes through the domain
 * layer, so the same rules and notifications apply as through the API. A tenant that already
 * has the first player is left as it is.
 *
 * `npm run db:seed -- --players 5000 --connections 20000` adds that many more players
 * (`player1`…) and random connections among them, with a progress bar: demo data at a size
 * where lists page and suggestions mean something.
 */
const players = [
  ['user123', 'PlayerOne'],
  ['user456', 'PlayerTwo'],
  ['user789', 'PlayerThree'],
  ['user101', 'PlayerFour'],
] as const;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError([`--${name} must be a whole number`]);
  return value;
}

try {
  const config = loadConfig();
  const extraPlayers = option('players', 0);
  const extraConnections = option('connections', extraPlayers * 4);
  const tenant = process.env.SEED_TENANT || 'default';
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  const { db } = database;
  const service: Viewer = { tenant, subject: 'seed', role: 'service' };
  try {
    await migrateToLatest(db);
    // Published like any change: subscribers of a server on the same database see the seed.
    // The seed is one client writing as fast as it can: rate budgets would only slow it down.
    const unlimited = {
      ...config.rateLimits,
      userWrites: 0,
      userSends: 0,
      tenantWrites: 0,
      serviceWrites: 0,
      userSubscribes: 0,
    };
    const deps = {
      db,
      ids: await loadPublicIds(db),
      events: notifyPublisher,
      limits: limitsFrom({ ...config, rateLimits: unlimited }, new PostgresRateCounter(db)),
    };
    if (await findUserByClientId(db, tenant, players[0][0])) {
      process.stdout.write(`tenant '${tenant}' in ${database.location} is already seeded\n`);
      process.exit(0);
    }
    for (const [userId, displayName] of players) await upsertUser(deps, service, { userId, displayName });
    await seedMore(deps, service, extraPlayers, extraConnections);

    const accepted = await sendConnectionRequest(deps, service, {
      userId: 'user123',
      receiverId: 'user456',
      message: 'Hi! I saw we both play FPS games. Want to connect?',
    });
    const answer = (userId: string, request: { id: number }, verdict: 'accepted' | 'declined') =>
      answerConnectionRequest(
        deps,
        service,
        { userId, requestId: String(deps.ids.encode('request', request.id)) },
        verdict,
      );
    await answer('user456', accepted, 'accepted');
    const declined = await sendConnectionRequest(deps, service, { userId: 'user123', receiverId: 'user789' });
    await answer('user789', declined, 'declined');
    await sendConnectionRequest(deps, service, {
      userId: 'user101',
      receiverId: 'user123',
      message: "Hi! I'd like to connect with you.",
    });
    process.stdout.write(
      `seeded tenant '${tenant}' in ${database.location}: ${players.map(([id]) => id).join(', ')}` +
        (extraPlayers > 0 ? ` and ${extraPlayers} more players` : '') +
        '\n',
    );
  } finally {
    await db.destroy();
  }
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof DirectoryInUseError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
}

/**
 * `players` more players and about `connections` random connections among them (a pair drawn
 * twice is skipped), each made by a request and its acceptance.
 */
async function seedMore(deps: Deps, service: Viewer, players: number, connections: number): Promise<void> {
  if (players === 0) return;
  const bar = new SingleBar(
    {
      format: '{task} [{bar}] {value}/{total} {eta_formatted} left',
      stream: process.stderr,
      // In a log (no terminal), a line every few seconds instead of a redrawn bar.
      noTTYOutput: true,
      notTTYSchedule: 3000,
    },
    Presets.shades_classic,
  );
  bar.start(players, 0, { task: 'players    ' });
  for (let i = 1; i <= players; i++) {
    await upsertUser(deps, service, { userId: `player${i}`, displayName: `Player ${i}` });
    bar.increment();
  }
  bar.stop();
  if (players < 2) return;
  bar.start(connections, 0, { task: 'connections' });
  for (let made = 0; made < connections; made++) {
    const a = 1 + randomInt(players);
    const b = 1 + ((a + randomInt(players - 1)) % players);
    try {
      const request = await sendConnectionRequest(deps, service, { userId: `player${a}`, receiverId: `player${b}` });
      const requestId = String(deps.ids.encode('request', request.id));
      await answerConnectionRequest(deps, service, { userId: `player${b}`, requestId }, 'accepted');
    } catch (error) {
      // Already connected or pending: the random pair was drawn before.
      if (!(error instanceof ConflictError)) throw error;
    }
    bar.increment();
  }
  bar.stop();
}
