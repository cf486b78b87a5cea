import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, type LogEvent, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { registerPoolRunner } from './compiled-once.js';
import type { Database } from './database.js';
import { lockDirectory } from './directory-lock.js';
import { SerializedPGliteDialect } from './pglite-dialect.js';
import { PreparingClient } from './prepared-statements.js';
import { parseTimestamptz, TIMESTAMPTZ_OID } from './timestamps.js';

export interface DatabaseOptions {
  /** `postgres://…` selects a PostgreSQL server; absent selects embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Where PGlite keeps its files; `memory://` keeps them in memory only. */
  pgliteDir?: string | undefined;
  /** Largest number of pooled connections to the PostgreSQL server. */
  poolMax?: number | undefined;
  /** Registered statements go to the PostgreSQL server as named ones (prepared-statements.ts); on unless false. */
  preparedStatements?: boolean | undefined;
  /**
   * Called with the SQL of every statement Kysely executes, once it has completed or failed (tests
   * count statements with it); a throw fails the statement.
   */
  onQuery?: ((sql: string) => void) | undefined;
}

/** One SQL statement as it completed or failed, for observers of a `DatabaseHandle`. */
export interface ExecutedStatement {
  sql: string;
  /**
   * From sending the statement to its result: time spent waiting for a connection (a pooled one
   * on PostgreSQL, PGlite's single session) is not in it.
   */
  durationMs: number;
  failed: boolean;
}

export type QueryObserver = (statement: ExecutedStatement) => void;

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** Human-readable location, without credentials, for the start-up log. */
  location: string;
  /** The server's connection string (PostgreSQL), for connections outside the pool. */
  url?: string;
  /** The embedded instance (PGlite). */
  pglite?: PGlite;
  /** The connection pool (PostgreSQL), for its usage metrics. */
  pool?: pg.Pool;
  /**
   * Calls `observer` with every statement executed on this handle from now on, whichever app
   * sharing it issued it, until the returned function is called. Observers run inline with each
   * statement: they must be quick and must not throw.
   */
  observeQueries(observer: QueryObserver): () => void;
}

const INT8_OID = 20;

/**
 * Opens the database the configuration names. Fails if PGlite cannot open its directory, or
 * another process has it open (`DirectoryInUseError`); a
 * PostgreSQL server that is down only fails the first query, as pg connects lazily.
 */
export async function connectDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  // The handle outlives any one app (tests share one between several), so observers come and go
  // on it; with none, a statement costs one empty loop more.
  const observers = new Set<QueryObserver>();
  const observe = (statement: ExecutedStatement) => {
    for (const observer of observers) observer(statement);
  };
  const observeQueries = (observer: QueryObserver) => {
    observers.add(observer);
    return () => void observers.delete(observer);
  };
  const executed = (sql: string, durationMs: number, failed: boolean) => {
    if (observers.size > 0) observe({ sql, durationMs, failed });
    options.onQuery?.(sql);
  };
  // Kysely times each statement from the moment it holds a connection, so time spent queued for
  // one is not counted.
  const log = (event: LogEvent) => executed(event.query.sql, event.queryDurationMillis, event.level === 'error');

  if (options.databaseUrl) {
    const pool = new pg.Pool({
      ...(options.preparedStatements !== false && { Client: PreparingClient }),
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      // While the server is away a request fails within seconds (503) instead of queueing forever.
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      // Ids and counts are bigint columns; they stay far below 2^53, so numbers are exact.
      // Timestamps are read without pg's regular expressions (timestamps.ts).
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8_OID) return Number;
          if (format !== 'binary' && oid === TIMESTAMPTZ_OID) return parseTimestamptz;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // A client losing its server connection (a restart, pg_terminate_backend) must not crash
    // the process: idle clients report through the pool, busy ones through their own 'error'
    // event, and the query in flight fails on its own.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    const url = new URL(options.databaseUrl);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    // Statements compiled once run on the pool past Kysely's executor (compiled-once.ts), timed
    // and reported as Kysely's are: from holding a connection to the result.
    registerPoolRunner(db, async (statement, parameters) => {
      const client = await pool.connect();
      const started = performance.now();
      let failed = false;
      try {
        return (await client.query(statement, parameters as unknown[])).rows;
      } catch (error) {
        failed = true;
        throw error;
      } finally {
        client.release();
        executed(statement, performance.now() - started, failed);
      }
    });
    return {
      db,
      kind: 'postgres',
      location: `postgres://${url.host}${url.pathname}`,
      url: options.databaseUrl,
      pool,
      observeQueries,
    };
  }

  const dir = options.pgliteDir ?? './data';
  let release = () => {};
  if (!dir.includes('://')) {
    await mkdir(dir, { recursive: true });
    release = lockDirectory(dir);
  }
  let pglite: PGlite;
  try {
    // The extensions the migrations create (player search), as the server ships them.
    pglite = await PGlite.create(dir, { extensions: { pg_trgm, unaccent } });
  } catch (error) {
    release();
    throw error;
  }
  // PGlite runs BEGIN, COMMIT and ROLLBACK itself, out of Kysely's sight: the dialect times
  // them for the observers (not for `onQuery`, which sees what Kysely runs on both drivers).
  const dialect = new SerializedPGliteDialect(pglite, { onDestroy: release, onTransactionStatement: observe });
  return {
    db: new Kysely<Database>({ dialect, log }),
    kind: 'pglite',
    location: dir.includes('://') ? dir : `pglite:${dir}`,
    pglite,
    observeQueries,
  };
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
