/**
 * What the socket scenarios (bench/fanout.ts, bench/idle.ts) share: the subscribers and their
 * tokens, the two servers under test (the gateway and the bare ws server) and the fleet of
 * subscriber processes, each a worker process (bench/sockets/ipc.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { secretKey, signToken } from '../../src/platform/auth/jwt.js';
import { buildGateway } from '../processes.js';
import type { Collected, OpenResult, Subscriber } from './fleet.js';
import { startWorker, type Worker } from './ipc.js';
import type { MemorySample } from './probes.js';

export const DEFAULT_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
/** The secret bench/run.ts gives the gateway. */
export const JWT_SECRET = 'benchmark-secret-that-is-long-enough-for-hs256';
export const TENANT = 'bench-0';
/** Ports of their own, so that these scenarios can run beside bench/run.ts's 4101/4102. */
export const GATEWAY_PORT = 4111;
export const BASELINE_PORT = 4112;

/** What a game UI asks for on each notification: the toast needs the other user's name. */
export const SUBSCRIPTION = `subscription Follow($userId: ID) {
  notificationAdded(userId: $userId) { id type message timestamp read otherUser { clientUserId displayName } }
}`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The value below which `q` of the sorted values lie (nearest rank). */
export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

export const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
export const round2 = (value: number) => Math.round(value * 100) / 100;

export interface BenchUser extends Subscriber {
  id: number;
}

export interface Population {
  /** Distinct users, each with a token of their own (sub = client_user_id, role user). */
  subscribers: BenchUser[];
  /** Other users of the tenant, to appear as the other party of a notification. */
  others: number[];
  /** A connection request of the tenant: notifications must refer to one. */
  requestId: number;
}

/** `count` distinct users of the benchmark tenant (not the hubs) with signed tokens. */
export async function loadPopulation(databaseUrl: string, count: number): Promise<Population> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Skip the lowest ids, where bench:data puts the hub users (u1, u2, u3).
    const { rows } = await client.query<{ id: string; client_user_id: string }>(
      'select id, client_user_id from users where tenant = $1 order by id offset 100 limit $2',
      [TENANT, count + 1_000],
    );
    if (rows.length < count + 1_000) {
      throw new Error(`tenant ${TENANT} has too few users for ${count} subscribers; run npm run bench:data`);
    }
    const { rows: requests } = await client.query<{ id: string }>(
      'select id from connection_requests where tenant = $1 limit 1',
      [TENANT],
    );
    if (!requests[0]) throw new Error(`tenant ${TENANT} has no connection request; run npm run bench:data`);
    const key = secretKey(JWT_SECRET);
    const subscribers = await Promise.all(
      rows.slice(0, count).map(async (row) => ({
        id: Number(row.id),
        user: row.client_user_id,
        token: await signToken(key, { sub: row.client_user_id, tenant: TENANT, expiresIn: '4h' }),
      })),
    );
    return { subscribers, others: rows.slice(count).map((r) => Number(r.id)), requestId: Number(requests[0].id) };
  } finally {
    await client.end();
  }
}

export interface ServerStats {
  subscribedUsers: number;
  sockets: number;
}

/** Where a gateway's live events travel through Redis (LIVE_TRANSPORT=redis): a producer publishes there too. */
export interface RedisLive {
  redisUrl: string;
  prefix: string;
}

/** A server under test: its worker process and WebSocket URL. */
export interface Target {
  name: string;
  url: string;
  worker: Worker;
  /** Set for a gateway whose live events travel through Redis; else they are NOTIFY. */
  redisLive?: RedisLive;
}

export interface ServerOptions {
  databaseUrl: string;
  /** Sockets the servers must be able to hold. */
  sockets: number;
  /** Also a second gateway, with LIVE_TRANSPORT=redis (bench/fanout.ts). */
  withRedisGateway?: boolean;
  /**
   * Also the gateway of another checkout (a directory, e.g. a `git worktree` of the commit
   * before a change, with `node_modules` linked in), configured as the first: a change to the
   * live path measured in the same run, rounds alternating.
   */
  compareCheckout?: string | undefined;
}

export const REDIS_GATEWAY_PORT = 4113;
const COMPARE_GATEWAY_PORT = 4114;

/**
 * The gateway, started as for bench/run.ts (production, compiled by tsc, pool of 10, warn logs)
 * through gateway-with-gc.ts, and the bare ws server with the same pool, both with `--expose-gc`.
 */
export async function startServers(
  options: ServerOptions,
): Promise<{ gateway: Target; baseline: Target; redisGateway?: Target; compareGateway?: Target }> {
  const fileDescriptors = options.sockets + 1_000;
  const gatewayEnv = {
    DATABASE_URL: options.databaseUrl,
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_MAX: '10',
    // The fleet opens thousands of subscriptions in seconds, several per user.
    RATE_LIMIT_USER_SUBSCRIBES: '0',
    // Every socket is a presence session: its users go offline as soon as a round's sockets
    // close, while the harness waits (untilQuiet), not 30 s later in another server's round.
    PRESENCE_GRACE_SECONDS: '0',
  };
  const redisLive: RedisLive = {
    redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: `bench-live:${process.pid}:`,
  };
  const { compareCheckout } = options;
  buildGateway();
  if (compareCheckout) buildGateway(compareCheckout);
  const [gateway, baseline, redisGateway, compareGateway] = await Promise.all([
    startWorker('gateway', 'bench/sockets/gateway-with-gc.ts', {
      env: { ...gatewayEnv, PORT: String(GATEWAY_PORT) },
      nodeArgs: ['--expose-gc'],
      fileDescriptors,
    }),
    startWorker('bare ws server', 'bench/sockets/ws-baseline.ts', {
      env: {
        BENCH_DATABASE_URL: options.databaseUrl,
        PORT: String(BASELINE_PORT),
        JWT_SECRET,
        DATABASE_POOL_MAX: '10',
      },
      nodeArgs: ['--expose-gc'],
      fileDescriptors,
    }),
    options.withRedisGateway
      ? startWorker('gateway (events through Redis)', 'bench/sockets/gateway-with-gc.ts', {
          env: {
            ...gatewayEnv,
            PORT: String(REDIS_GATEWAY_PORT),
            LIVE_TRANSPORT: 'redis',
            REDIS_URL: redisLive.redisUrl,
            REDIS_KEY_PREFIX: redisLive.prefix,
            // Only the live events move to Redis (budgets are off, presence stays in PostgreSQL).
            PRESENCE_STORE: 'postgres',
          },
          nodeArgs: ['--expose-gc'],
          fileDescriptors,
        })
      : undefined,
    compareCheckout
      ? startWorker('gateway (other build)', resolve(compareCheckout, 'bench/sockets/gateway-with-gc.ts'), {
          env: { ...gatewayEnv, PORT: String(COMPARE_GATEWAY_PORT) },
          nodeArgs: ['--expose-gc'],
          fileDescriptors,
        })
      : undefined,
  ]);
  return {
    gateway: { name: 'gateway (graphql-ws)', url: `ws://127.0.0.1:${GATEWAY_PORT}/graphql`, worker: gateway },
    baseline: { name: 'bare ws', url: `ws://127.0.0.1:${BASELINE_PORT}/graphql`, worker: baseline },
    ...(redisGateway && {
      redisGateway: {
        name: 'gateway (graphql-ws), events through Redis',
        url: `ws://127.0.0.1:${REDIS_GATEWAY_PORT}/graphql`,
        worker: redisGateway,
        redisLive,
      },
    }),
    ...(compareGateway && {
      compareGateway: {
        name: `gateway (graphql-ws), build at ${compareCheckout}`,
        url: `ws://127.0.0.1:${COMPARE_GATEWAY_PORT}/graphql`,
        worker: compareGateway,
      },
    }),
  };
}

/**
 * Waits until the server uses less than 5% of a core over half a second: what closing a round's
 * sockets set off (presence going offline for thousands of users) is over before the next round.
 */
export async function untilQuiet(target: Target, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let before = await target.worker.call<number>('cpu-ms');
  while (Date.now() < deadline) {
    await sleep(500);
    const now = await target.worker.call<number>('cpu-ms');
    if (now - before < 25) return;
    before = now;
  }
}

/** Linux reports CPU times in 1/100 s (USER_HZ). */
const JIFFY_MS = 10;

/** CPU time all cores of the machine spent busy and in total so far, in ms (/proc/stat). */
export function machineCpu(): { busy: number; total: number } {
  const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) * JIFFY_MS, total: total * JIFFY_MS };
}

/**
 * CPU time of the PostgreSQL server on this machine so far, in ms (0 when it runs elsewhere):
 * every postgres process's own time, plus, through the postmaster's children times, that of
 * backends that have exited (pools close idle connections).
 */
export function postgresCpuMs(): number {
  const processes = new Map<number, number[]>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const end = stat.lastIndexOf(')');
    // After "pid (comm) ": state, ppid, …; utime, stime, cutime, cstime are fields 11 to 14.
    if (stat.slice(stat.indexOf('(') + 1, end) === 'postgres') {
      processes.set(
        Number(pid),
        stat
          .slice(end + 2)
          .split(' ')
          .map(Number),
      );
    }
  }
  let ticks = 0;
  for (const fields of processes.values()) {
    ticks += (fields[11] ?? 0) + (fields[12] ?? 0);
    if (!processes.has(fields[1] ?? 0)) ticks += (fields[13] ?? 0) + (fields[14] ?? 0);
  }
  return ticks * JIFFY_MS;
}

export const cpuMs = (worker: Worker) => worker.call<number>('cpu-ms');
export const stats = (target: Target) => target.worker.call<ServerStats>('stats');
export const measureMemory = (target: Target) => target.worker.call<MemorySample>('gc-and-measure');

/** Polls the server until `done` holds; throws with the last figures after `timeoutMs`. */
export async function waitForServer(
  target: Target,
  what: string,
  done: (s: ServerStats) => boolean,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await stats(target);
    if (done(current)) return;
    if (Date.now() > deadline) {
      throw new Error(`${target.name}: ${what} not reached in ${timeoutMs} ms (${JSON.stringify(current)})`);
    }
    await sleep(100);
  }
}

/** Subscriber processes sharing the subscribers round-robin. */
export class Fleet {
  private constructor(readonly workers: Worker[]) {}

  static async start(processes: number, subscribers: number): Promise<Fleet> {
    const fileDescriptors = Math.ceil(subscribers / processes) + 1_000;
    return new Fleet(
      await Promise.all(
        Array.from({ length: processes }, (_, i) =>
          startWorker(`fleet ${i + 1}`, 'bench/sockets/fleet.ts', { fileDescriptors }),
        ),
      ),
    );
  }

  /**
   * Opens one subscribed socket per subscriber, `batch` at a time in all (so the server's
   * accept backlog never overflows), and waits until the server has registered every one of
   * their subscriptions: the fleet cannot tell, as graphql-transport-ws acknowledges none.
   */
  async open(target: Target, subscribers: Subscriber[], batch: number): Promise<OpenResult> {
    const n = this.workers.length;
    const results = await Promise.all(
      this.workers.map((worker, i) =>
        worker.call<OpenResult>('open', {
          url: target.url,
          subscribers: subscribers.filter((_, j) => j % n === i),
          batch: Math.max(1, Math.floor(batch / n)),
          query: SUBSCRIPTION,
        }),
      ),
    );
    const merged: OpenResult = {
      opened: results.reduce((sum, r) => sum + r.opened, 0),
      failed: results.reduce((sum, r) => sum + r.failed, 0),
      seconds: Math.max(...results.map((r) => r.seconds)),
      ackMs: results.flatMap((r) => r.ackMs),
    };
    if (merged.failed > 0) throw new Error(`${target.name}: ${merged.failed} subscribers could not connect`);
    const users = new Set(subscribers.map((s) => s.user)).size;
    await waitForServer(target, `${users} subscribed users`, (s) => s.subscribedUsers === users);
    return merged;
  }

  /** CPU time of all fleet processes so far, in ms. */
  async cpuMs(): Promise<number> {
    return (await Promise.all(this.workers.map(cpuMs))).reduce((a, b) => a + b, 0);
  }

  async received(): Promise<number> {
    const counts = await Promise.all(this.workers.map((w) => w.call<number>('received')));
    return counts.reduce((a, b) => a + b, 0);
  }

  async collect(): Promise<Collected> {
    const parts = await Promise.all(this.workers.map((w) => w.call<Collected>('collect')));
    return {
      receipts: parts.flatMap((p) => p.receipts),
      unexpected: parts.flatMap((p) => p.unexpected),
      dropped: parts.reduce((sum, p) => sum + p.dropped, 0),
    };
  }

  /** Closes every socket and waits until the server has let go of all of them. */
  async close(target: Target): Promise<void> {
    await Promise.all(this.workers.map((w) => w.call('close')));
    await waitForServer(target, 'no sockets left', (s) => s.sockets === 0 && s.subscribedUsers === 0);
  }
}
