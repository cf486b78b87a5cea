import type { Db } from './database.js';

/** Whether the two users share at least one connection (are friends of friends). */
export async function haveMutualConnection(db: Db, userA: number, userB: number): Promise<boolean> {
  const row = await db
    .selectFrom('connection_edges as a')
    .innerJoin('connection_edges as b', (join) =>
      join.onRef('b.other_user_id', '=', 'a.other_user_id').on('b.user_id', '=', userB),
    )
    .select('a.other_user_id')
    .where('a.user_id', '=', userA)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
