import { ConfigError, loadConfig } from '../platform/config.js';
import { connectDatabase } from '../platform/db/connect.js';
import { DirectoryInUseError } from '../platform/db/directory-lock.js';
import { migrateToLatest } from '../platform/db/migrate.js';

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
try {
  const config = loadConfig();
  const database = await connectDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    const applied = await migrateToLatest(database.db);
    process.stdout.write(
      applied.length
        ? `applied to ${database.location}: ${applied.join(', ')}\n`
        : `${database.location} is up to date\n`,
    );
  } finally {
    await database.db.destroy();
  }
} catch (error) {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof DirectoryInUseError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
}
