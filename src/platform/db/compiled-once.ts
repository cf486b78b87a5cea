import { type Compilable, type CompiledQuery, sql } from 'kysely';
import type { Db } from './database.js';
import { prepareOnServer } from './prepared-statements.js';

/**
 * `= any(ids)`: a list of ids as one `bigint[]` parameter, the shape `compiledOnce` needs (an
 * `in (...)` list would change the statement with its length). Use as `.where('id', '=', anyId(ids))`.
 */
export const anyId = (ids: readonly number[]) => sql<number>`any(${ids}::bigint[])`;

/** Runs a compiled statement on a pooled connection and answers its rows. */
export type PoolRunner = (sql: string, parameters: readonly unknown[]) => Promise<unknown[]>;

/**
 * The pool runner of each PostgreSQL database's root Kysely (connect.ts registers it). A
 * statement compiled once needs nothing of Kysely's executor but a connection: run on the pool
 * straight, it makes none of the executor's per-statement objects (its connection provider,
 * its promise chain, its result object), which were a measurable share of a read's CPU and
 * garbage (bench/CHANGES.md). A transaction is another object and is not registered, so its
 * statements run on its own connection, through Kysely; so do PGlite's.
 */
const poolRunners = new WeakMap<Db, PoolRunner>();

export function registerPoolRunner(db: Db, runner: PoolRunner): void {
  poolRunners.set(db, runner);
}

/** Stands in for a value while a statement is compiled: no value a caller passes looks like it. */
const placeholder = (name: string) => `\u0000compiled-once:${name}`;

/**
 * A statement of the read path's hottest queries, built and compiled by Kysely once and then
 * run with each call's values: its SQL depends only on its shape, never on its values, so
 * building the query tree and compiling it on every request (tens of µs each time, see
 * bench/CHANGES.md) bought nothing. `build` is called once with a placeholder for each value;
 * the compiled statement's parameters are matched back to the values by those placeholders, so
 * the order Kysely gives them in does not matter. A value must reach the statement as one
 * parameter (an array as one `any($1)` parameter, not `in (...)`, whose shape would depend on
 * its length). Both dialects compile PostgreSQL's SQL, so one compilation serves every database
 * and transaction. With `prepared`, the PostgreSQL server also parses and plans it only once
 * per connection (prepared-statements.ts).
 */
export function compiledOnce<Values extends Record<string, unknown>, Row>(
  build: (db: Db, values: Values) => Compilable<Row>,
  options: { prepared?: boolean } = {},
): (db: Db, values: Values) => Promise<Row[]> {
  let compiled: { query: CompiledQuery<Row>; slots: (keyof Values | { constant: unknown })[] } | null = null;
  return async (db, values) => {
    if (compiled === null) {
      const placeholders = Object.fromEntries(Object.keys(values).map((name) => [name, placeholder(name)]));
      const query = build(db, placeholders as Values).compile();
      const byPlaceholder = new Map(Object.keys(values).map((name) => [placeholder(name), name as keyof Values]));
      const slots = query.parameters.map(
        (parameter) => byPlaceholder.get(parameter as string) ?? { constant: parameter },
      );
      if (new Set(slots.filter((slot) => typeof slot !== 'object')).size !== byPlaceholder.size) {
        throw new Error(`compiledOnce: every value must be one parameter of the statement (${query.sql})`);
      }
      compiled = { query, slots };
      if (options.prepared) prepareOnServer(query.sql);
    }
    const { query, slots } = compiled;
    const parameters = slots.map((slot) => (typeof slot === 'object' ? slot.constant : values[slot]));
    const onPool = poolRunners.get(db);
    if (onPool) return (await onPool(query.sql, parameters)) as Row[];
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  };
}
