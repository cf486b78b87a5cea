import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { countHits } from '../../src/platform/writes/rate-limits.repository.js';
import { createWorkerDatabase, LOCAL_POSTGRES_URL } from '../helpers/database.js';

/*
 * The rate budgets' count, run before every write, goes to PostgreSQL as a named statement: the
 * server parses and plans it once per connection. A session's prepared statements are visible
 * only to itself, so each check runs in one transaction (one connection).
 */

const adminUrl = process.env.TEST_DATABASE_URL || LOCAL_POSTGRES_URL;
const url = await createWorkerDatabase(adminUrl, 'prepared').catch((error: unknown) => {
  if (process.env.CI) throw error;
  return null;
});
const handles = url
  ? await Promise.all(
      [true, false].map(async (preparedStatements) => {
        const handle = await connectDatabase({ databaseUrl: url, poolMax: 2, preparedStatements });
        await migrateToLatest(handle.db);
        return handle;
      }),
    )
  : [];
afterAll(async () => {
  await Promise.all(handles.map((handle) => handle.db.destroy()));
});

const [prepared, unprepared] = handles;
const own = [
  { bucket: 'user:write:p1', limit: 120 },
  { bucket: 'user:send:p1', limit: 30 },
];

/** Counts twice on one connection; answers the counts and that connection's prepared statements. */
async function countTwiceOn(handle: NonNullable<typeof prepared>, tenant: string) {
  return handle.db.transaction().execute(async (trx) => {
    const first = await countHits(trx, tenant, 1, own, 'tenant:writes');
    const second = await countHits(trx, tenant, 1, own, 'tenant:writes');
    const { rows } = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(trx);
    return { first, second, statements: rows.map((row) => row.statement) };
  });
}

describe.skipIf(!url)('prepared statements (PostgreSQL)', () => {
  it('sends the rate count as a named statement, counting as before', async () => {
    const { first, second, statements } = await countTwiceOn(prepared!, `prepared-${Date.now()}`);
    expect(statements.filter((statement) => statement.includes('insert into rate_limit_windows'))).toHaveLength(1);
    expect(Object.fromEntries(first)).toEqual({ 'user:write:p1': 1, 'user:send:p1': 1, 'tenant:writes': 1 });
    expect(Object.fromEntries(second)).toEqual({ 'user:write:p1': 2, 'user:send:p1': 2, 'tenant:writes': 2 });
  });

  it('prepares nothing with DATABASE_PREPARED_STATEMENTS=false, counting the same', async () => {
    const { second, statements } = await countTwiceOn(unprepared!, `unprepared-${Date.now()}`);
    expect(statements).toEqual([]);
    expect(Object.fromEntries(second)).toEqual({ 'user:write:p1': 2, 'user:send:p1': 2, 'tenant:writes': 2 });
  });

  it('keeps a caller over its own budget off the shared one', async () => {
    const tenant = `over-${Date.now()}`;
    const tight = [{ bucket: 'user:write:p2', limit: 1 }];
    await prepared!.db.transaction().execute(async (trx) => {
      expect(Object.fromEntries(await countHits(trx, tenant, 1, tight, 'tenant:writes'))).toEqual({
        'user:write:p2': 1,
        'tenant:writes': 1,
      });
      // Over its own limit: counted there, and the tenant's count stays.
      expect(Object.fromEntries(await countHits(trx, tenant, 1, tight, 'tenant:writes'))).toEqual({
        'user:write:p2': 2,
      });
    });
  });
});
