import { Redis } from 'ioredis';
import type { Logger } from '../../../platform/logger.js';
import { connectRedis } from '../../../platform/redis.js';
import type { PresenceRecord } from '../presence.rules.js';
import type { DeadInstance, PresenceChange, PresenceListener, PresenceStore, UserKey } from '../presence.store.js';

/** A record untouched this long is dropped by Redis itself (live ones are rewritten every RECHECK_MS at most). */
const RECORD_TTL_MS = 60 * 60_000;

/**
 * Reads a record with whether any instance whose lease holds has a socket of its user open.
 * KEYS: record, sessions, instances. ARGV: now.
 */
const READ = `
local record = redis.call('HGET', KEYS[1], 'r')
local alive = 0
for _, id in ipairs(redis.call('HKEYS', KEYS[2])) do
  local lease = redis.call('ZSCORE', KEYS[3], id)
  if lease and tonumber(lease) > tonumber(ARGV[1]) then alive = 1 break end
end
return {record or false, alive}
`;

/**
 * Replaces a record if its version is the one expected, and publishes the change with it.
 * KEYS: record, due. ARGV: expected version ('' for none), record JSON ('' to delete), its version,
 * checkAt ('' for none), member in due, channel, change JSON ('' for none), record TTL ms.
 */
const COMMIT = `
local version = redis.call('HGET', KEYS[1], 'v') or ''
if version ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
  redis.call('ZREM', KEYS[2], ARGV[5])
else
  redis.call('HSET', KEYS[1], 'v', ARGV[3], 'r', ARGV[2])
  redis.call('PEXPIRE', KEYS[1], ARGV[8])
  if ARGV[4] == '' then redis.call('ZREM', KEYS[2], ARGV[5]) else redis.call('ZADD', KEYS[2], ARGV[4], ARGV[5]) end
end
if ARGV[7] ~= '' then redis.call('PUBLISH', ARGV[6], ARGV[7]) end
return 1
`;

/**
 * Presence in Redis, for large deployments: each live user's record (a hash with its version),
 * the sockets each instance holds per user, each instance's lease (renewed by the instance
 * holding the sockets), and a sorted set of records by when they are due. Changes commit with
 * their PUBLISH in one script, so every instance hears of each committed change, and only of
 * those. After Redis restarts (it may keep nothing), every instance states its part again.
 */
export class RedisPresenceStore implements PresenceStore {
  readonly kind = 'redis';
  readonly #redis: Redis;
  /** The same client, with the scripts defineCommand added to it. */
  readonly #scripts: RedisWithScripts;
  #subscriber: Redis | null = null;
  #instanceId = '';
  #leaseMs = 0;

  constructor(
    private readonly url: string,
    private readonly prefix: string,
    private readonly logger: Logger,
  ) {
    this.#redis = new Redis(url, { lazyConnect: true, enableAutoPipelining: true });
    this.#redis.on('error', (error: Error) => this.logger.warn('presence: redis error', { error: error.message }));
    this.#redis.defineCommand('presenceRead', { numberOfKeys: 3, lua: READ });
    this.#redis.defineCommand('presenceCommit', { numberOfKeys: 2, lua: COMMIT });
    this.#scripts = this.#redis as unknown as RedisWithScripts;
  }

  #member(user: UserKey): string {
    return `${encodeURIComponent(user.tenant)}:${user.userId}`;
  }
  #userOf(member: string): UserKey {
    const at = member.lastIndexOf(':');
    return { tenant: decodeURIComponent(member.slice(0, at)), userId: Number(member.slice(at + 1)) };
  }
  #recordKey(user: UserKey): string {
    return `${this.prefix}presence:record:${this.#member(user)}`;
  }
  #sessionsKey(user: UserKey): string {
    return `${this.prefix}presence:sockets:${this.#member(user)}`;
  }
  #instanceUsersKey(id: string): string {
    return `${this.prefix}presence:instance-users:${id}`;
  }
  get #dueKey(): string {
    return `${this.prefix}presence:due`;
  }
  get #instancesKey(): string {
    return `${this.prefix}presence:instances`;
  }
  get #channel(): string {
    return `${this.prefix}presence:changes`;
  }

  async start(instanceId: string, leaseMs: number, listener: PresenceListener): Promise<void> {
    this.#instanceId = instanceId;
    this.#leaseMs = leaseMs;
    await connectRedis(this.#redis, this.url);
    await this.renewLease(Date.now());
    const subscriber = this.#redis.duplicate();
    this.#subscriber = subscriber;
    subscriber.on('error', (error: Error) =>
      this.logger.warn('presence: redis subscriber error', { error: error.message }),
    );
    subscriber.on('message', (_channel: string, message: string) => {
      try {
        listener.onChange(JSON.parse(message) as PresenceChange);
      } catch {
        this.logger.warn('presence: ignored a malformed change');
      }
    });
    let readyBefore = false;
    subscriber.on('ready', () => {
      // ioredis subscribes again by itself after a reconnect; what was published meanwhile is lost.
      if (readyBefore) {
        this.logger.info('presence: redis is back; stating this instance again');
        listener.onGap();
        listener.onReconnect?.();
      }
      readyBefore = true;
    });
    await subscriber.subscribe(this.#channel);
  }

  async stop(): Promise<void> {
    const subscriber = this.#subscriber;
    this.#subscriber = null;
    subscriber?.disconnect();
    await this.forgetInstance(this.#instanceId).catch(() => {});
    this.#redis.disconnect();
  }

  async renewLease(now: number): Promise<boolean> {
    // ZADD counts members it added: this instance was not there any more.
    return (await this.#redis.zadd(this.#instancesKey, now + this.#leaseMs, this.#instanceId)) === 1;
  }

  async holdSockets(user: UserKey, sockets: number): Promise<void> {
    const multi = this.#redis.multi();
    if (sockets > 0) {
      multi.hset(this.#sessionsKey(user), this.#instanceId, sockets);
      multi.sadd(this.#instanceUsersKey(this.#instanceId), this.#member(user));
    } else {
      multi.hdel(this.#sessionsKey(user), this.#instanceId);
      multi.srem(this.#instanceUsersKey(this.#instanceId), this.#member(user));
    }
    await multi.exec();
  }

  async read(user: UserKey) {
    const [record, alive] = (await this.#scripts.presenceRead(
      this.#recordKey(user),
      this.#sessionsKey(user),
      this.#instancesKey,
      Date.now(),
    )) as [string | null, number];
    return { record: record ? (JSON.parse(record) as PresenceRecord) : null, sessionsAlive: alive === 1 };
  }

  async readMany(tenant: string, userIds: readonly number[]): Promise<Map<number, PresenceRecord>> {
    const found = new Map<number, PresenceRecord>();
    if (userIds.length === 0) return found;
    const pipeline = this.#redis.pipeline();
    for (const userId of userIds) pipeline.hget(this.#recordKey({ tenant, userId }), 'r');
    const results = (await pipeline.exec()) ?? [];
    results.forEach(([error, value], index) => {
      if (error) throw error;
      if (typeof value === 'string') found.set(userIds[index] as number, JSON.parse(value) as PresenceRecord);
    });
    return found;
  }

  async commit(
    user: UserKey,
    expectedVersion: number | null,
    record: PresenceRecord | null,
    change: PresenceChange | null,
  ): Promise<boolean> {
    const applied = await this.#scripts.presenceCommit(
      this.#recordKey(user),
      this.#dueKey,
      expectedVersion === null ? '' : String(expectedVersion),
      record ? JSON.stringify(record) : '',
      record ? String(record.version) : '',
      record?.checkAt != null ? String(record.checkAt) : '',
      this.#member(user),
      this.#channel,
      change ? JSON.stringify(change) : '',
      RECORD_TTL_MS,
    );
    return applied === 1;
  }

  async due(now: number, limit: number): Promise<UserKey[]> {
    const members = await this.#redis.zrangebyscore(this.#dueKey, '-inf', now, 'LIMIT', 0, limit);
    return members.map((member) => this.#userOf(member));
  }

  async deadInstances(now: number): Promise<DeadInstance[]> {
    const entries = await this.#redis.zrangebyscore(this.#instancesKey, '-inf', now, 'WITHSCORES');
    const dead: DeadInstance[] = [];
    for (let i = 0; i < entries.length; i += 2) {
      const id = entries[i] as string;
      if (id === this.#instanceId) continue;
      const members = await this.#redis.smembers(this.#instanceUsersKey(id));
      dead.push({ id, leaseUntil: Number(entries[i + 1]), users: members.map((member) => this.#userOf(member)) });
    }
    return dead;
  }

  async forgetInstance(id: string): Promise<void> {
    const members = await this.#redis.smembers(this.#instanceUsersKey(id));
    const multi = this.#redis.multi();
    for (const member of members) multi.hdel(this.#sessionsKey(this.#userOf(member)), id);
    multi.del(this.#instanceUsersKey(id));
    multi.zrem(this.#instancesKey, id);
    await multi.exec();
  }
}

interface RedisWithScripts {
  presenceRead(...args: (string | number)[]): Promise<unknown>;
  presenceCommit(...args: (string | number)[]): Promise<number>;
}
