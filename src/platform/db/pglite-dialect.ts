import type { PGlite } from '@electric-sql/pglite';
import { type DatabaseConnection, type Driver, PGliteDialect, type TransactionSettings } from 'kysely';
import type { ExecutedStatement } from './connect.js';

export interface SerializedPGliteOptions {
  /** Runs once the instance is closed (it releases the directory lock). */
  onDestroy?: () => void;
  /**
   * Called with each BEGIN, COMMIT and ROLLBACK, which PGlite's transaction API runs without
   * passing through Kysely's statement log. Timed once the caller holds the session.
   */
  onTransactionStatement?: (statement: ExecutedStatement) => void;
}

/**
 * Kysely's PGlite driver hands its one connection to every caller at once, so a query issued
 * while another request's transaction is open would run inside that transaction. PGlite has a
 * single session anyway: this dialect queues callers so each gets the connection to itself,
 * for one query or for a whole transaction, which gives the same isolation as a pg pool.
 */
export class SerializedPGliteDialect extends PGliteDialect {
  constructor(
    pglite: PGlite,
    private readonly options: SerializedPGliteOptions = {},
  ) {
    super({ pglite });
  }

  override createDriver(): Driver {
    return new SerializedDriver(super.createDriver(), this.options);
  }
}

class SerializedDriver implements Driver {
  #queue: Promise<void> = Promise.resolve();
  #release: (() => void) | undefined;

  constructor(
    private readonly inner: Driver,
    private readonly options: SerializedPGliteOptions,
  ) {}

  init() {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.#queue;
    let release!: () => void;
    this.#queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.#release = release;
    return this.inner.acquireConnection();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    await this.inner.releaseConnection(connection);
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }

  beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    return this.#timed('begin', () => this.inner.beginTransaction(connection, settings));
  }

  commitTransaction(connection: DatabaseConnection) {
    return this.#timed('commit', () => this.inner.commitTransaction(connection));
  }

  rollbackTransaction(connection: DatabaseConnection) {
    return this.#timed('rollback', () => this.inner.rollbackTransaction(connection));
  }

  async destroy() {
    try {
      await this.inner.destroy();
    } finally {
      this.options.onDestroy?.();
    }
  }

  async #timed(sql: string, run: () => Promise<void>): Promise<void> {
    const report = this.options.onTransactionStatement;
    if (!report) return run();
    const start = performance.now();
    let failed = true;
    try {
      await run();
      failed = false;
    } finally {
      report({ sql, durationMs: performance.now() - start, failed });
    }
  }
}
