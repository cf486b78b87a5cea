import pg from 'pg';

/*
 * Statements PostgreSQL parses and plans once per connection instead of on every call. Kysely
 * sends each statement unnamed, so the server parses, analyses and plans it again each time:
 * for the rate budgets' count, a statement of upserts run before every write, that was more than
 * half of its cost on the server (bench/CHANGES.md). A statement registered here by its exact
 * SQL text is sent as a named statement by `PreparingClient`, the pool's client: the server
 * keeps its plan for the connection's life. Only statements whose text never changes with their
 * values may be registered (compiled once: compiled-once.ts), or each call would prepare a new one.
 *
 * Off with DATABASE_PREPARED_STATEMENTS=false, for a pooler in front of PostgreSQL that does not
 * keep a server connection per client connection (PgBouncer's transaction mode before 1.21).
 */

const names = new Map<string, string>();

/** Has `sql` sent as a named statement from now on, by every PreparingClient. */
export function prepareOnServer(sql: string): void {
  if (!names.has(sql)) names.set(sql, `uc_prepared_${names.size + 1}`);
}

type Query = pg.Client['query'];

/**
 * The pool's client: a registered statement goes as a named statement (pg prepares it on the
 * connection the first time and then only binds and executes it); any other as before.
 */
export class PreparingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const unnamed = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((text: unknown, values?: unknown, callback?: unknown) => {
      const name = typeof text === 'string' && callback === undefined ? names.get(text) : undefined;
      if (name === undefined) return unnamed(text, values, callback);
      return unnamed({ name, text, values });
    }) as Query;
  }
}
