import { compiledOnce } from '../../platform/db/compiled-once.js';
import type { Db, Trx } from '../../platform/db/database.js';
import { inWindow } from '../../platform/db/sql-helpers.js';
import type { Window } from '../../platform/pagination.js';
import type { BlockRow } from './blocks.table.js';

// Every send looks for a block between its users: compiled once (see compiledOnce).
const blocksBetween = compiledOnce((db, v: { userA: number; userB: number }) =>
  db
    .selectFrom('blocks')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('blocker_id', '=', v.userA), eb('blocked_id', '=', v.userB)]),
        eb.and([eb('blocker_id', '=', v.userB), eb('blocked_id', '=', v.userA)]),
      ]),
    ),
);

/** The blocks between two users, in either direction (zero, one or two rows). */
export async function findBlocksBetween(db: Db, userA: number, userB: number): Promise<BlockRow[]> {
  return blocksBetween(db, { userA, userB });
}

/** Records that `blockerId` blocks `blockedId`; `created` is false when the block existed already. */
export async function insertBlock(
  trx: Trx,
  values: { tenant: string; blockerId: number; blockedId: number },
): Promise<{ block: BlockRow; created: boolean }> {
  const inserted = await trx
    .insertInto('blocks')
    .values({ tenant: values.tenant, blocker_id: values.blockerId, blocked_id: values.blockedId })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { block: inserted, created: true };
  const existing = await trx
    .selectFrom('blocks')
    .selectAll()
    .where('blocker_id', '=', values.blockerId)
    .where('blocked_id', '=', values.blockedId)
    .executeTakeFirstOrThrow();
  return { block: existing, created: false };
}

/** Removes the block of `blockedId` by `blockerId`; false when there was none. */
export async function deleteBlock(trx: Trx, blockerId: number, blockedId: number): Promise<boolean> {
  const deleted = await trx
    .deleteFrom('blocks')
    .where('blocker_id', '=', blockerId)
    .where('blocked_id', '=', blockedId)
    .returning('blocked_id')
    .executeTakeFirst();
  return deleted !== undefined;
}

/** One window of the users `blockerId` blocks, newest block first. */
export async function listBlocks(db: Db, blockerId: number, window: Window): Promise<BlockRow[]> {
  const query = db.selectFrom('blocks').selectAll().where('blocker_id', '=', blockerId);
  return inWindow(query, window, 'created_at', 'blocked_id').execute();
}

export async function countBlocks(db: Db, blockerId: number): Promise<number> {
  const { count } = await db
    .selectFrom('blocks')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('blocker_id', '=', blockerId)
    .executeTakeFirstOrThrow();
  return Number(count);
}
