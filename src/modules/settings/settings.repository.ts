import type { Trx } from '../../platform/db/database.js';
import type { RequestPolicy } from './settings.table.js';

/** Sets who may send the user connection requests; returns the stored value. */
export async function updateRequestPolicy(trx: Trx, userId: number, policy: RequestPolicy): Promise<RequestPolicy> {
  const row = await trx
    .updateTable('users')
    .set({ accept_requests_from: policy })
    .where('id', '=', userId)
    .returning('accept_requests_from')
    .executeTakeFirstOrThrow();
  return row.accept_requests_from;
}
