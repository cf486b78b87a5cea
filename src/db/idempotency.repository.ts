import { sql } from 'kysely';
import type { Db, Trx } from './database.js';

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
 * Stores the result under the key, replacing an expired entry. False when a live entry exists:
 * a concurrent call with the same key committed first (this insert waited for it).
 */
export async function storeResult(
  trx: Trx,
  scope: KeyScope,
  stored: StoredResult,
  ttlSeconds: number,
): Promise<boolean> {
  const row = await trx
    .insertInto('idempotency_keys')
    .values({
      tenant: scope.tenant,
      client_user_id: scope.clientUserId,
      key: scope.key,
      operation: stored.operation,
      fingerprint: stored.fingerprint,
      result: JSON.stringify(stored.result),
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

export async function deleteExpiredResults(db: Db, ttlSeconds: number): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<=', sql<Date>`now() - make_interval(secs => ${ttlSeconds})`)
    .execute();
}
