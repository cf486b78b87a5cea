import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { LOCAL_POSTGRES_URL } from './database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
  }
}

/**
 * Gives the run an id that names the PostgreSQL databases its workers create, and drops them
 * when the run ends, so runs never collide or leave databases behind.
 */
export default function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  project.provide('runId', runId);
  return async () => {
    for (const url of new Set([process.env.TEST_DATABASE_URL, LOCAL_POSTGRES_URL].filter(Boolean) as string[])) {
      const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      try {
        await admin.connect();
        const { rows } = await admin.query<{ datname: string }>(
          'select datname from pg_database where datname like $1',
          [`uc\\_%\\_${runId}`],
        );
        for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
      } catch {
        // The server is not there: nothing was created on it.
      } finally {
        await admin.end().catch(() => {});
      }
    }
  };
}
