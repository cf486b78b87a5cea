/**
 * The notification producer, in a process of its own (as another gateway instance or a game
 * backend would be): commits notifications at a fixed rate through the project's own code
 * path, `addNotification` with the PostgreSQL NOTIFY publisher (or, for a gateway with
 * LIVE_TRANSPORT=redis, the Redis outbox publisher), each in its own transaction, exactly as a
 * mutation does inside its transaction. It timestamps each one right after
 * COMMIT returns, so that commit-to-receipt latency can be measured against the fleet.
 *
 * A worker (bench/sockets/ipc.ts): requests `run`.
 */

import { addNotification } from '../../src/modules/notifications/notifications.service.js';
import { connectDatabase } from '../../src/platform/db/connect.js';
import { inTransaction } from '../../src/platform/db/transactions.js';
import type { EventPublisher } from '../../src/platform/events/events.js';
import { notifyPublisher } from '../../src/platform/events/pg-notify.js';
import { RedisEventTransport } from '../../src/platform/events/redis-transport.js';
import { createLogger } from '../../src/platform/logger.js';
import { loadPublicIds } from '../../src/platform/public-ids.js';
import type { RedisLive } from './harness.js';
import { serve } from './ipc.js';
import { cpuProbe } from './probes.js';

export interface ProducePlan {
  tenant: string;
  /** Internal ids and client_user_ids of the subscribed users, who receive the notifications. */
  recipients: { id: number; user: string }[];
  /** Internal user ids to name as the other user (the gateway loads each one per delivery). */
  others: number[];
  /** An existing connection request of the tenant, which every notification must refer to. */
  requestId: number;
  rate: number;
  durationSeconds: number;
  /** Share of notifications that go to a small set of hot users, who get several in a row. */
  hotShare: number;
  hotUsers: number;
  seed: number;
  /** Publish through Redis, as a gateway with LIVE_TRANSPORT=redis does; else NOTIFY. */
  redisLive?: RedisLive | undefined;
}

/** A committed notification: its public id, recipient, and when COMMIT returned (ms since the epoch). */
export type Commit = [notificationId: string, user: string, committedAt: number];

export interface Produced {
  commits: Commit[];
  failed: number;
  /** Wall time from the first BEGIN to the last COMMIT, in seconds. */
  seconds: number;
  /** Most transactions open at once: far above the pool size means the database fell behind. */
  maxInFlight: number;
}

const database = await connectDatabase({
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench',
  poolMax: Number(process.env.DATABASE_POOL_MAX ?? 10),
});
const ids = await loadPublicIds(database.db);
const now = () => performance.timeOrigin + performance.now();

/** One Redis publisher per prefix, started once (it also sweeps the outbox, as every instance does). */
const redisPublishers = new Map<string, Promise<EventPublisher>>();
function publisherFor(live: RedisLive | undefined): Promise<EventPublisher> {
  if (!live) return Promise.resolve(notifyPublisher);
  const key = `${live.redisUrl} ${live.prefix}`;
  let publisher = redisPublishers.get(key);
  if (!publisher) {
    const transport = new RedisEventTransport(database.db, live.redisUrl, live.prefix, createLogger('warn'));
    publisher = transport.start({ onEvent: () => {}, onGap: () => {} }).then(() => transport);
    redisPublishers.set(key, publisher);
  }
  return publisher;
}

/** mulberry32: a seeded generator, so a round's choice of recipients is repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * Open loop: notification k starts at k / rate seconds whatever happened to the earlier ones,
 * so a slow commit does not slow the offered rate (transactions wait for a pooled connection
 * instead). Recipients are spread over all subscribers, with `hotShare` of them going to a few
 * users, so some users receive several notifications close together (their commits queue on
 * the user's row lock, as in production).
 */
async function run(plan: ProducePlan): Promise<Produced> {
  const next = random(plan.seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)] as T;
  const hot = plan.recipients.slice(0, Math.max(1, plan.hotUsers));
  const total = Math.round(plan.rate * plan.durationSeconds);
  const commits: Commit[] = [];
  const inFlight: Promise<void>[] = [];
  let failed = 0;
  let open = 0;
  let maxInFlight = 0;
  const publisher = await publisherFor(plan.redisLive);
  const started = performance.now();

  const produce = async (k: number) => {
    const recipient = next() < plan.hotShare ? pick(hot) : pick(plan.recipients);
    maxInFlight = Math.max(maxInFlight, ++open);
    try {
      const row = await inTransaction(database.db, (trx) =>
        addNotification(trx, publisher, {
          tenant: plan.tenant,
          user_id: recipient.id,
          type: 'new_request',
          connection_request_id: plan.requestId,
          other_user_id: pick(plan.others),
          message: `fan-out benchmark notification ${k}`,
        }),
      );
      commits.push([String(ids.encode('notification', row.id)), recipient.user, now()]);
    } catch {
      failed++;
    } finally {
      open--;
    }
  };

  for (let k = 0; k < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * plan.rate) / 1000) + 1);
    for (; k < due; k++) inFlight.push(produce(k));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  return { commits, failed, seconds: (performance.now() - started) / 1000, maxInFlight };
}

serve({ run, ...cpuProbe });
