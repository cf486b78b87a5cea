import type { BlockRow, Db } from './database.js';

/** The blocks between two users, in either direction (zero, one or two rows). */
export async function findBlocksBetween(db: Db, userA: number, userB: number): Promise<BlockRow[]> {
  return db
    .selectFrom('blocks')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', userA), eb('blocked_id', '=', userB)]),
        eb.and([eb('blocker_id', '=', userB), eb('blocked_id', '=', userA)]),
      ]),
    )
    .execute();
}
