import type { Trx } from '../../platform/db/database.js';
import type { Limits } from '../../platform/deps.js';
import { ConflictError, ForbiddenError, RateLimitedError } from '../../platform/errors.js';
import { blockErrors } from '../blocks/blocks.errors.js';
import { findBlocksBetween } from '../blocks/blocks.repository.js';
import { haveMutualConnection } from '../discovery/graph.repository.js';
import type { RequestPolicy } from '../settings/settings.table.js';
import type { UserRow } from '../users/users.table.js';
import { requestErrors } from './connection-requests.errors.js';
import { findLastDeclineAt } from './connection-requests.repository.js';

/**
 * One answer for "this user will not take your request", whatever the reason (their privacy
 * setting, or a block either way): a blocked user cannot tell a block from a setting.
 */
function notAccepted(): ForbiddenError {
  return new ForbiddenError(requestErrors.REQUESTS_NOT_ACCEPTED);
}

/**
 * Whether `sender` may ask `receiver` now, beyond the documented rules: no block between them
 * (the blocker is told to unblock first; the blocked gets the privacy answer), the receiver's
 * `accept_requests_from` setting, and the cooldown after the receiver's last decline. Runs in
 * the send's transaction, after both users are locked, so a block, an answer or a settings change
 * committing at the same time is seen (the receiver's setting must be the one read under the lock).
 */
export async function assertMayRequest(
  trx: Trx,
  limits: Pick<Limits, 'declineCooldownSeconds'>,
  sender: UserRow,
  receiver: UserRow & { accept_requests_from: RequestPolicy },
): Promise<void> {
  const blocks = await findBlocksBetween(trx, sender.id, receiver.id);
  if (blocks.some((block) => block.blocker_id === sender.id)) throw new ConflictError(blockErrors.USER_BLOCKED);
  if (blocks.length > 0) throw notAccepted();
  if (receiver.accept_requests_from === 'nobody') throw notAccepted();
  if (
    receiver.accept_requests_from === 'friends_of_friends' &&
    !(await haveMutualConnection(trx, sender.id, receiver.id))
  ) {
    throw notAccepted();
  }
  if (limits.declineCooldownSeconds > 0) {
    const declinedAt = await findLastDeclineAt(trx, sender.id, receiver.id);
    const waitMs = declinedAt ? declinedAt.getTime() + limits.declineCooldownSeconds * 1000 - Date.now() : 0;
    if (waitMs > 0) {
      const retryAfterSeconds = Math.ceil(waitMs / 1000);
      throw new RateLimitedError(
        `This user declined your last request; you may ask again in ${retryAfterSeconds} seconds`,
        retryAfterSeconds,
        requestErrors.REQUEST_COOLDOWN,
      );
    }
  }
}
assertMayRequest.failures = [
  blockErrors.USER_BLOCKED,
  requestErrors.REQUESTS_NOT_ACCEPTED,
  requestErrors.REQUEST_COOLDOWN,
] as const;
