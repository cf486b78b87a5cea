import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { connectRedis } from '../redis.js';
import type { RateCounter } from './rate-counters.js';
import type { BucketLimit } from './rate-limits.repository.js';

/**
 * KEYS: the caller's own counters, then the shared one (if any). ARGV: the own limits in the
 * same order, then the time the window's counters may be dropped at (ms since the epoch).
 * Counts one hit on each own counter and, when none is over its limit after it, one on the
 * shared counter; returns every count, the shared one last (or nothing for it). Redis runs a
 * script alone, so no other call's hits come in between, on any instance.
 */
const COUNT = `
local own = #ARGV - 1
local expireAt = tonumber(ARGV[#ARGV])
local counts = {}
local within = true
for i = 1, own do
  local hits = redis.call('INCR', KEYS[i])
  if hits == 1 then redis.call('PEXPIREAT', KEYS[i], expireAt) end
  counts[i] = hits
  if hits > tonumber(ARGV[i]) then within = false end
end
if #KEYS > own and within then
  local hits = redis.call('INCR', KEYS[#KEYS])
  if hits == 1 then redis.call('PEXPIREAT', KEYS[#KEYS], expireAt) end
  counts[#counts + 1] = hits
end
return counts
`;

/** KEYS: one own counter. Takes one hit back when the counter (still) exists, never below zero. */
const REFUND = `
local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
if hits > 0 then return redis.call('DECR', KEYS[1]) end
return 0
`;

/** How long a count may take before the call is counted in PostgreSQL instead. */
const COMMAND_TIMEOUT_MS = 500;
/** At most one warning per this many ms while Redis is away. */
const WARN_EVERY_MS = 10_000;

type RedisWithCount = Redis & {
  rateCount(...keysThenArgs: (string | number)[]): Promise<number[]>;
  rateRefund(keys: 1, key: string): Promise<number>;
};

/**
 * Counts rate budgets in Redis (with REDIS_URL): one round trip per call and no row written in
 * PostgreSQL, whose upsert per write was a statement and a row lock on every write path. Keys
 * expire with their window. While Redis cannot answer (a restart, a network blip), calls are
 * counted in PostgreSQL instead of failing or going uncounted: a budget then holds within each
 * store, so a user may get up to twice its budget in the window Redis was away, never more.
 */
export class RedisRateCounter implements RateCounter {
  readonly #redis: RedisWithCount;
  #lastWarning = 0;

  constructor(
    readonly url: string,
    private readonly prefix: string,
    private readonly fallback: RateCounter,
    private readonly logger: Logger,
  ) {
    const redis = new Redis(url, {
      lazyConnect: true,
      // Not queued while disconnected: counted in PostgreSQL at once instead.
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      maxRetriesPerRequest: 0,
    });
    redis.on('error', (error: Error) => this.#warn('rate budgets: redis error', error));
    redis.defineCommand('rateCount', { lua: COUNT });
    redis.defineCommand('rateRefund', { lua: REFUND });
    this.#redis = redis as RedisWithCount;
  }

  /** Connects; throws RedisUnreachableError, naming REDIS_URL, when Redis cannot be reached. */
  start(): Promise<void> {
    return connectRedis(this.#redis, this.url);
  }

  async stop(): Promise<void> {
    this.#redis.disconnect();
  }

  async countHits(
    tenant: string,
    window: { index: number; endsAt: number },
    own: readonly BucketLimit[],
    shared: string | undefined,
  ): Promise<Map<string, number>> {
    if (own.length === 0 && shared === undefined) return new Map();
    const buckets = shared === undefined ? own.map((b) => b.bucket) : [...own.map((b) => b.bucket), shared];
    const keys = buckets.map((bucket) => this.#key(tenant, window.index, bucket));
    const args = [...own.map((b) => b.limit), window.endsAt + 1_000];
    let counts: number[];
    try {
      counts = await this.#redis.rateCount(keys.length, ...keys, ...args);
    } catch (error) {
      this.#warn('rate budgets: redis did not answer; counting in PostgreSQL meanwhile', error as Error);
      return this.fallback.countHits(tenant, window, own, shared);
    }
    return new Map(counts.map((hits, i) => [buckets[i] as string, Number(hits)]));
  }

  async refund(tenant: string, window: { index: number; endsAt: number }, bucket: string): Promise<void> {
    try {
      await this.#redis.rateRefund(1, this.#key(tenant, window.index, bucket));
    } catch (error) {
      // The hit may have been counted in PostgreSQL while Redis was away: take it back there.
      this.#warn('rate budgets: redis did not answer; refunding in PostgreSQL meanwhile', error as Error);
      await this.fallback.refund(tenant, window, bucket);
    }
  }

  // The tenant's length first, so that no tenant and bucket pair spells another's key.
  #key(tenant: string, windowIndex: number, bucket: string): string {
    return `${this.prefix}rate:${windowIndex}:${tenant.length}:${tenant}:${bucket}`;
  }

  #warn(message: string, error: Error): void {
    const now = Date.now();
    if (now - this.#lastWarning < WARN_EVERY_MS) return;
    this.#lastWarning = now;
    this.logger.warn(message, { error: error.message });
  }
}
