import type { Db } from '../db/database.js';
import { type BucketLimit, countHits, refundHit } from './rate-limits.repository.js';

/**
 * Where rate budgets are counted, shared by every instance: one call's hits on its own buckets
 * and, only when it is within every one of them, on the bucket it shares with others, atomically
 * (see `countHits` for why that order matters). Resolves to the new counts by bucket; `shared` is
 * absent when it was not drawn on.
 */
export interface RateCounter {
  countHits(
    tenant: string,
    window: { index: number; endsAt: number },
    own: readonly BucketLimit[],
    shared: string | undefined,
  ): Promise<Map<string, number>>;
  /** Takes back one hit on one of a caller's own buckets in the window (a reservation not used). */
  refund(tenant: string, window: { index: number; endsAt: number }, bucket: string): Promise<void>;
}

/** Counts in PostgreSQL, one upsert statement per call (the default without REDIS_URL). */
export class PostgresRateCounter implements RateCounter {
  constructor(private readonly db: Db) {}

  countHits(tenant: string, window: { index: number }, own: readonly BucketLimit[], shared: string | undefined) {
    return countHits(this.db, tenant, window.index, own, shared);
  }

  refund(tenant: string, window: { index: number }, bucket: string) {
    return refundHit(this.db, tenant, window.index, bucket);
  }
}
