import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../../src/platform/db/connect.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

/** Receives every SQL statement the shared test database executes, when set. */
let queryListener: ((sql: string) => void) | null = null;

export function onTestQuery(listener: ((sql: string) => void) | null): void {
  queryListener = listener;
}

/** The local PostgreSQL server that this machine and CI run. */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates a fresh, empty database on the server at `adminUrl` for this test worker (dropping
 * a leftover of the same name) and returns its URL. Throws when the server cannot be reached.
 */
export async function createWorkerDatabase(adminUrl: string, purpose: string): Promise<string> {
  const name = `uc_${purpose}_w${process.env.VITEST_POOL_ID ?? '0'}_${inject('runId')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

let shared: Promise<DatabaseHandle> | null = null;

/**
 * The database this test worker shares between its test files: a migrated database of its own
 * on the server named by TEST_DATABASE_URL, or an in-memory PGlite without it. Tests isolate
 * themselves by using a tenant of their own, never by emptying tables.
 */
export function sharedTestDatabase(): Promise<DatabaseHandle> {
  shared ??= (async () => {
    const onQuery = (sql: string) => queryListener?.(sql);
    const adminUrl = process.env.TEST_DATABASE_URL;
    const handle = adminUrl
      ? await connectDatabase({ databaseUrl: await createWorkerDatabase(adminUrl, 'test'), poolMax: 20, onQuery })
      : await connectDatabase({ pgliteDir: 'memory://', onQuery });
    await migrateToLatest(handle.db);
    return handle;
  })();
  return shared;
}

/**
 * A migrated database of its own on a real PostgreSQL server, for tests whose point is
 * PostgreSQL's own concurrency (row locks, unique indexes under racing transactions).
 * TEST_DATABASE_URL names the server, else the local one. Resolves to null when no server
 * answers, so the suite can skip; under CI (CI set) it throws instead, as CI must not skip.
 */
export async function realPostgresDatabase(purpose: string): Promise<DatabaseHandle | null> {
  const adminUrl = process.env.TEST_DATABASE_URL || LOCAL_POSTGRES_URL;
  let url: string;
  try {
    url = await createWorkerDatabase(adminUrl, purpose);
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL at ${adminUrl} is required under CI: ${String(error)}`);
    return null;
  }
  const handle = await connectDatabase({ databaseUrl: url, poolMax: 20 });
  await migrateToLatest(handle.db);
  return handle;
}
