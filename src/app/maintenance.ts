import { findPendingRequestsBefore } from '../modules/connection-requests/connection-requests.repository.js';
import { closePendingRequest } from '../modules/connection-requests/connection-requests.service.js';
import { deleteInvitesExpiredBefore } from '../modules/invites/invites.repository.js';
import {
  deleteExpiredNotifications,
  deleteReadNotificationsBefore,
} from '../modules/notifications/notifications.repository.js';
import { deleteRecentPlayersBefore } from '../modules/recent-players/recent-players.repository.js';
import { lockUsers } from '../modules/users/users.repository.js';
import type { Config } from '../platform/config.js';
import { inTransaction } from '../platform/db/transactions.js';
import type { Deps } from '../platform/deps.js';
import type { Logger } from '../platform/logger.js';
import { deleteExpiredResults } from '../platform/writes/idempotency.repository.js';
import { windowIndexAt } from '../platform/writes/rate-limits.js';
import { deleteWindowsBefore } from '../platform/writes/rate-limits.repository.js';

/** Requests expired, or notifications purged, per statement; a sweep repeats until none are left. */
const BATCH = 500;

export interface Maintenance {
  /** Runs one sweep now (expiry, retention, old counters and keys); resolves when it is done. */
  sweep(): Promise<{ expired: number; purged: number }>;
  stop(): Promise<void>;
}

/**
 * The instance's housekeeping, every `maintenanceIntervalMs`: pending requests older than
 * `requestExpirySeconds` expire (each in a transaction of its own, as a sender's withdrawal
 * would, and an expiry losing a race with an answer is simply skipped), read notifications
 * older than `notificationRetentionDays` are deleted (and invites that expired as long ago, with
 * the notifications about them), and so are notifications past their expiry, recent players
 * met more than `recentPlayersRetentionDays` ago
 * (no longer listed nor counted already), the rate-limit counters of past
 * windows and idempotency keys past their time. Several instances may sweep at once: each
 * change is conditional on the row's state, so none is done twice.
 */
export function startMaintenance(
  deps: Pick<Deps, 'db' | 'events'>,
  config: Pick<
    Config,
    | 'requestExpirySeconds'
    | 'notificationRetentionDays'
    | 'recentPlayersRetentionDays'
    | 'maintenanceIntervalMs'
    | 'rateLimits'
    | 'idempotencyKeyTtlSeconds'
  >,
  logger: Logger,
): Maintenance {
  let running: Promise<{ expired: number; purged: number }> | null = null;

  async function expire(): Promise<number> {
    if (config.requestExpirySeconds === 0) return 0;
    let expired = 0;
    for (;;) {
      const cutoff = new Date(Date.now() - config.requestExpirySeconds * 1000);
      const due = await findPendingRequestsBefore(deps.db, cutoff, BATCH);
      for (const request of due) {
        const closed = await inTransaction(deps.db, async (trx) => {
          // The pair lock first, as every change to a pair takes it: an answer racing the expiry
          // then waits for it (or it for the answer) instead of deadlocking on the rows both touch.
          await lockUsers(trx, [request.sender_id, request.receiver_id]);
          return closePendingRequest(trx, deps.events, request, 'expired');
        });
        if (closed) expired++;
      }
      if (due.length < BATCH) return expired;
    }
  }

  async function purge(): Promise<number> {
    let purged = 0;
    for (;;) {
      const deleted = await inTransaction(deps.db, async (trx) => {
        const rows = await deleteExpiredNotifications(trx, BATCH);
        // Their users' unread counts went down when they expired: friends panels re-read them now.
        const unread = new Map<string, { tenant: string; userId: number }>();
        for (const row of rows) {
          if (row.read_at === null)
            unread.set(`${row.tenant}\u0000${row.user_id}`, { tenant: row.tenant, userId: row.user_id });
        }
        if (unread.size > 0) {
          await deps.events.publish(
            trx,
            ...[...unread.values()].map((user) => ({ kind: 'notifications_read' as const, ...user })),
          );
        }
        return rows.length;
      });
      purged += deleted;
      if (deleted < BATCH) break;
    }
    if (config.notificationRetentionDays === 0) return purged;
    const cutoff = new Date(Date.now() - config.notificationRetentionDays * 86_400_000);
    for (;;) {
      const deleted = await deleteReadNotificationsBefore(deps.db, cutoff, BATCH);
      purged += deleted;
      if (deleted < BATCH) break;
    }
    // Invites are kept as long as read notifications, counted from their expiry (the notifications
    // about them go with them).
    for (;;) {
      const deleted = await deleteInvitesExpiredBefore(deps.db, cutoff, BATCH);
      if (deleted < BATCH) return purged;
    }
  }

  /** Players met longer ago than the retention are no longer recent. */
  async function forgetOldMatches(): Promise<void> {
    if (config.recentPlayersRetentionDays === 0) return;
    const cutoff = new Date(Date.now() - config.recentPlayersRetentionDays * 86_400_000);
    while ((await deleteRecentPlayersBefore(deps.db, cutoff, BATCH * 10)) === BATCH * 10);
  }

  const sweep = () => {
    running ??= (async () => {
      try {
        const expired = await expire();
        const purged = await purge();
        await forgetOldMatches();
        // Bookkeeping of the write guards: nothing reads it once its window or time is over.
        await deleteWindowsBefore(deps.db, windowIndexAt(Date.now(), config.rateLimits) - 1);
        await deleteExpiredResults(deps.db, config.idempotencyKeyTtlSeconds);
        if (expired + purged > 0) logger.info('maintenance', { expiredRequests: expired, purgedNotifications: purged });
        return { expired, purged };
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => {
    sweep().catch((error: unknown) => logger.warn('maintenance sweep failed', { error: String(error) }));
  }, config.maintenanceIntervalMs);
  timer.unref();

  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
