import { type Compilable, type CompiledQuery, sql } from 'kysely';
import type { Db } from './database.js';
import { prepareOnServer } from './prepared-statements.js';

/**
 * `= any(ids)`: a list of ids as one `bigint[]` parameter, the shape `compiledOnce` needs (an
 * `in (...)` list would change the statement with its length). Use as `.where('id', '=', anyId(ids))`.
 */
export const anyId = (ids: readonly number[]) => sql<number>`any(${ids}::bigint[])`;

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
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  };
}
