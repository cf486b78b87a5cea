import { type RawBuilder, sql } from 'kysely';
import { compiledOnce } from '../db/compiled-once.js';
import type { Db } from '../db/database.js';

/** A counter one call draws on, and the most hits it may have in a window. */
export interface BucketLimit {
  bucket: string;
  limit: number;
}

/** The values of one count: the caller's buckets (`bucket<i>`, `limit<i>`) and the shared one. */
type CountValues = Record<string, string | number>;

/**
 * The count statement of one shape (how many own buckets, whether a shared one), built and
 * compiled once and prepared on the server: it runs before every write, and PostgreSQL would
 * otherwise parse and plan its upserts on every call.
 */
function countStatement(ownCount: number, withShared: boolean) {
  return compiledOnce((db, v: CountValues) => ({ compile: () => countSql(ownCount, withShared, v).compile(db) }), {
    prepared: true,
  });
}

function countSql(ownCount: number, withShared: boolean, v: CountValues): RawBuilder<{ bucket: string; hits: number }> {
  const upsert = (values: RawBuilder<unknown>) => sql<{ bucket: string; hits: number }>`
        insert into rate_limit_windows as w (tenant, bucket, window_index, hits)
        ${values}
        on conflict (tenant, bucket, window_index) do update set hits = w.hits + 1
        returning w.bucket, w.hits`;
  const own = Array.from({ length: ownCount }, (_, i) => ({ bucket: v[`bucket${i}`], limit: v[`limit${i}`] }));
  const ownValues = sql`values ${sql.join(own.map((b) => sql`(${v.tenant}, ${b.bucket}, ${v.windowIndex}, 1)`))}`;
  if (!withShared) return upsert(ownValues);
  if (ownCount === 0) return upsert(sql`values (${v.tenant}, ${v.shared}, ${v.windowIndex}, 1)`);
  const overLimit = sql.join(
    own.map((b) => sql`(own.bucket = ${b.bucket} and own.hits > cast(${b.limit} as integer))`),
    sql` or `,
  );
  return sql<{ bucket: string; hits: number }>`
        with own as (${upsert(ownValues)}),
        shared as (${upsert(sql`
          select cast(${v.tenant} as text), cast(${v.shared} as text), cast(${v.windowIndex} as bigint), 1
          where not exists (select from own where ${overLimit})`)})
        select bucket, hits from own
        union all
        select bucket, hits from shared`;
}

const countStatements = new Map<string, ReturnType<typeof countStatement>>();

/**
 * Counts one call in a single statement: one hit on each of `own` (the caller's buckets, in the
 * order given) and then, only when every one of them is still within its limit after that hit,
 * one hit on `shared` (a bucket the caller shares with others). So a call refused for its
 * caller never takes anything from the others' budget, and under any concurrency (every
 * instance counts in the same rows; each upsert waits for the row's lock) at most `limit` calls
 * of one caller per window reach `shared`. Rows are locked own ones first, `shared` last, the
 * same order for every call: concurrent calls cannot deadlock.
 *
 * Returns the new counts by bucket; `shared` is absent when it was not drawn on.
 */
export async function countHits(
  db: Db,
  tenant: string,
  windowIndex: number,
  own: readonly BucketLimit[],
  shared: string | undefined,
): Promise<Map<string, number>> {
  if (own.length === 0 && shared === undefined) return new Map();
  const shape = `${own.length}:${shared !== undefined}`;
  let statement = countStatements.get(shape);
  if (!statement) {
    statement = countStatement(own.length, shared !== undefined);
    countStatements.set(shape, statement);
  }
  const values: CountValues = { tenant, windowIndex };
  own.forEach((b, i) => {
    values[`bucket${i}`] = b.bucket;
    // A limit only a shared count compares against.
    if (shared !== undefined) values[`limit${i}`] = b.limit;
  });
  if (shared !== undefined) values.shared = shared;
  const rows = (await statement(db, values)) as { bucket: string; hits: number }[];
  return new Map(rows.map((row) => [row.bucket, Number(row.hits)]));
}

/** Takes one hit back from a bucket's count in a window (never below zero). */
export async function refundHit(db: Db, tenant: string, windowIndex: number, bucket: string): Promise<void> {
  await db
    .updateTable('rate_limit_windows')
    .set((eb) => ({ hits: eb('hits', '-', 1) }))
    .where('tenant', '=', tenant)
    .where('bucket', '=', bucket)
    .where('window_index', '=', windowIndex)
    .where('hits', '>', 0)
    .execute();
}

/** Deletes the counters of windows before `windowIndex`. */
export async function deleteWindowsBefore(db: Db, windowIndex: number): Promise<void> {
  await db.deleteFrom('rate_limit_windows').where('window_index', '<', windowIndex).execute();
}
