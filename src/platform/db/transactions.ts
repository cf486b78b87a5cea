import type { Db, Trx } from './database.js';

/** What each open transaction of `inTransaction` runs once it commits. */
const afterCommit = new WeakMap<Trx, (() => void)[]>();

/**
 * Runs `work` in a transaction and, once it committed, what `onCommit` queued in it (in order).
 * Every transaction that writes goes through here, so that work which must follow a commit and
 * never a rollback (publishing a live event through a broker) has one place to hang on.
 */
export async function inTransaction<T>(db: Db, work: (trx: Trx) => Promise<T>): Promise<T> {
  let opened: Trx | undefined;
  const result = await db.transaction().execute((trx) => {
    opened = trx;
    afterCommit.set(trx, []);
    return work(trx);
  });
  const tasks = opened && afterCommit.get(opened);
  if (opened) afterCommit.delete(opened);
  for (const task of tasks ?? []) task();
  return result;
}

/**
 * Runs `task` after `trx` commits, never if it rolls back. `task` must not throw (it runs after
 * the caller's answer is decided). Throws at once for a transaction not opened by `inTransaction`:
 * the task would silently never run.
 */
export function onCommit(trx: Trx, task: () => void): void {
  requireInTransaction(trx);
  afterCommit.get(trx)?.push(task);
}

/**
 * Throws unless `trx` was opened by `inTransaction`. Every event publisher checks it, whichever
 * transport runs, so that a write path opening its own transaction fails in every test rather
 * than only where live events travel through Redis.
 */
export function requireInTransaction(trx: Trx): void {
  if (!afterCommit.has(trx)) throw new Error('live events need a transaction opened with inTransaction()');
}
