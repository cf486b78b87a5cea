import { ConfigError, loadConfig } from '../src/config.js';
import { connectDatabase } from '../src/db/connect.js';
import { DirectoryInUseError } from '../src/db/directory-lock.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { findUserByClientId } from '../src/db/users.repository.js';
import { answerConnectionRequest, sendConnectionRequest } from '../src/domain/connection-requests.js';
import { writeLimitsFrom } from '../src/domain/deps.js';
import { loadPublicIds } from '../src/domain/public-ids.js';
import { upsertUser } from '../src/domain/users.js';
import type { Viewer } from '../src/domain/viewer.js';
import { notifyPublisher } from '../src/realtime/pg-notify.js';

/**
 * `npm run db:seed`: demo players of the API document in the `default` tenant (or SEED_TENANT),
 * with one accepted connection, one declined and one pending request. Goes through the domain
 * layer, so the same rules and notifications apply as through the API. A tenant that already
 * has the first player is left as it is.
 */
const players = [
  ['user123', 'PlayerOne'],
  ['user456', 'PlayerTwo'],
  ['user789', 'PlayerThree'],
  ['user101', 'PlayerFour'],
] as const;

try {
  const config = loadConfig();
  const tenant = process.env.SEED_TENANT || 'default';
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  const { db } = database;
  const service: Viewer = { tenant, subject: 'seed', role: 'service' };
  try {
    await migrateToLatest(db);
    // Published like any change: subscribers of a server on the same database see the seed.
    const deps = {
      db,
      ids: await loadPublicIds(db),
      events: notifyPublisher,
      limits: writeLimitsFrom(config, db),
    };
    if (await findUserByClientId(db, tenant, players[0][0])) {
      process.stdout.write(`tenant '${tenant}' in ${database.location} is already seeded\n`);
      process.exit(0);
    }
    for (const [userId, displayName] of players) await upsertUser(deps, service, { userId, displayName });

    const accepted = await sendConnectionRequest(deps, service, {
      userId: 'user123',
      receiverId: 'user456',
      message: 'Hi! I saw we both play FPS games. Want to connect?',
    });
    const answer = (userId: string, request: { id: number }, verdict: 'accepted' | 'declined') =>
      answerConnectionRequest(deps, service, { userId, requestId: String(deps.ids.encode(request.id)) }, verdict);
    await answer('user456', accepted, 'accepted');
    const declined = await sendConnectionRequest(deps, service, { userId: 'user123', receiverId: 'user789' });
    await answer('user789', declined, 'declined');
    await sendConnectionRequest(deps, service, {
      userId: 'user101',
      receiverId: 'user123',
      message: "Hi! I'd like to connect with you.",
    });
    process.stdout.write(
      `seeded tenant '${tenant}' in ${database.location}: ${players.map(([id]) => id).join(', ')}\n`,
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
