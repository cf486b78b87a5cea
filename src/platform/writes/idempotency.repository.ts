import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.js';

export interface StoredResult {
  operation: string;
  fingerprint: string;
  result: unknown;
}

export interface KeyScope {
  tenant: string;
  clientUserId: string;
  key: string;
}

/** The result first stored under the key, unless it is older than `ttlSeconds`. */
export async function findStoredResult(db: Db, scope: KeyScope, ttlSeconds: number): Promise<StoredResult | undefined> {
  return db
    .selectFrom('idempotency_keys')
    .select(['operation', 'fingerprint', 'result'])
    .where('tenant', '=', scope.tenant)
    .where('client_user_id', '=', scope.clientUserId)
    .where('key', '=', scope.key)
    .where('created_at', '>', sql<Date>`now() - make_interval(secs => ${ttlSeconds})`)
    .executeTakeFirst();
}

/**
 * Claims the key for a call about to run, replacing an expired entry; the result is saved by
 * `saveResult` in the same transaction. False when a live entry exists: another call with the
 * key committed first (a concurrent claim waits here until that call's transaction ends).
 */
export async function claimKey(
  trx: Trx,
  scope: KeyScope,
  call: { operation: string; fingerprint: string },
  ttlSeconds: number,
): Promise<boolean> {
  const row = await trx
    .insertInto('idempotency_keys')
    .values({
      tenant: scope.tenant,
      client_user_id: scope.clientUserId,
      key: scope.key,
      operation: call.operation,
      fingerprint: call.fingerprint,
      result: 'null',
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant', 'client_user_id', 'key'])
        .doUpdateSet({
          operation: (eb) => eb.ref('excluded.operation'),
          fingerprint: (eb) => eb.ref('excluded.fingerprint'),
          result: sql`excluded.result`,
          created_at: sql<Date>`now()`,
        })
        .where('idempotency_keys.created_at', '<=', sql<Date>`now() - make_interval(secs => ${ttlSeconds})`),
    )
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/** Saves the result of the call that claimed the key. */
export async function saveResult(trx: Trx, scope: KeyScope, result: unknown): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({ result: JSON.stringify(result) })
    .where('tenant', '=', scope.tenant)
    .where('client_user_id', '=', scope.clientUserId)
    .where('key', '=', scope.key)
    .execute();
}

export async function deleteExpiredResults(db: Db, ttlSeconds: number): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<=', sql<Date>`now() - make_interval(secs => ${ttlSeconds})`)
    .execute();
}
