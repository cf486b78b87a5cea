import { type SelectQueryBuilder, sql } from 'kysely';
import type { Window } from '../pagination.js';

/** The constraint a statement violated, when it failed on a unique index (SQLSTATE 23505). */
export function violatedUniqueConstraint(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505') {
    return String((error as { constraint?: unknown }).constraint ?? '');
  }
  return null;
}

/**
 * Restricts a list query to one window of a newest-first list ordered by (createdAt, id).
 * Fetches one row more than the page holds so that the caller learns whether more follow.
 * Cursor windows are keyset predicates, which an index on (owner, created_at desc, id desc)
 * serves at the same cost at any depth.
 */
export function inWindow<QB extends SelectQueryBuilder<any, any, any>>(
  query: QB,
  window: Window,
  createdAtColumn: string,
  idColumn: string,
): QB {
  let q = query
    .orderBy(sql.ref(createdAtColumn), 'desc')
    .orderBy(sql.ref(idColumn), 'desc')
    .limit(window.limit + 1);
  if (window.offset > 0) q = q.offset(window.offset);
  if (window.after) {
    q = q.where(
      sql<boolean>`(${sql.ref(createdAtColumn)}, ${sql.ref(idColumn)}) < (${window.after.createdAt.toISOString()}::timestamptz, ${window.after.id}::bigint)`,
    );
  }
  return q as QB;
}
