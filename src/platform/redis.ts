import type { Redis } from 'ioredis';

/** Redis (REDIS_URL) did not answer when the gateway started: said in one line, naming the setting. */
export class RedisUnreachableError extends Error {
  constructor(url: string, reason: string) {
    super(`REDIS_URL ${redactedUrl(url)} cannot be reached: ${reason}`);
    this.name = 'RedisUnreachableError';
  }
}

/** Connects a client made with `lazyConnect`; throws RedisUnreachableError when Redis does not answer. */
export async function connectRedis(redis: Redis, url: string): Promise<void> {
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new RedisUnreachableError(url, (error as Error).message);
  }
}

/** The URL without its password, for messages and logs. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(not a URL)';
  }
}
