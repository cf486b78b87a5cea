import { sql } from 'kysely';
import type { Db } from './database.js';

/** Adds one hit to each bucket's counter for the window and returns the new counts, by bucket. */
export async function countHits(
  db: Db,
  tenant: string,
  buckets: readonly string[],
  windowIndex: number,
): Promise<Map<string, number>> {
  const rows = await db
    .insertInto('rate_limit_windows')
    .values(buckets.map((bucket) => ({ tenant, bucket, window_index: windowIndex, hits: 1 })))
    .onConflict((oc) =>
      oc.columns(['tenant', 'bucket', 'window_index']).doUpdateSet({ hits: sql`rate_limit_windows.hits + 1` }),
    )
    .returning(['bucket', 'hits'])
    .execute();
  return new Map(rows.map((row) => [row.bucket, row.hits]));
}

/** Deletes the counters of windows before `windowIndex`. */
export async function deleteWindowsBefore(db: Db, windowIndex: number): Promise<void> {
  await db.deleteFrom('rate_limit_windows').where('window_index', '<', windowIndex).execute();
}
