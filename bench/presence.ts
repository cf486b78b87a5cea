/**
 * Scenario "presence": how fast, and at what CPU and memory, a change of a user's presence
 * reaches its friends' screens.
 *
 * N users of a tenant of their own, each a friend (a connection) of K others, all online: each
 * holds one WebSocket, to one of two instances in turn, with a `friendPresenceChanged`
 * subscription. A driver process changes users' presence at a fixed rate (`setPresence`, each
 * change as its own user, over HTTP to either instance), each user at most once per N/rate
 * seconds, so that the gateway's coalescing (one delivery per friend per second) folds
 * nothing: every change must reach each of the user's K friends. Three setups, one after the
 * other: two gateway instances sharing PostgreSQL with the PostgreSQL presence store (changes
 * through NOTIFY), the same with the Redis store, and a bare `ws` broadcaster
 * (bench/sockets/presence-baseline.ts, two instances joined by Redis pub/sub) holding the same
 * sockets and friend lists. Each setup connects every user once (connecting costs a delivery
 * per pair of friends: minutes at the issue's size), then runs its rounds: change-to-receipt
 * latency (from the request leaving the driver to a friend's receipt), deliveries lost,
 * duplicated or misrouted, CPU per change of the servers (both instances), PostgreSQL, Redis,
 * the driver and the fleet, and the SQL statements the gateway ran per change; its servers'
 * memory per online user ((RSS with every socket open − RSS with none) / N, after full GCs); and,
 * once every socket has closed, how many users its store still holds as online.
 *
 *   tsx bench/presence.ts [--users 10000] [--friends 50] [--rate 200] [--duration 10] [--rounds 1]
 *     [--warmup 3] [--warmup-users 500] [--drain 15] [--fleets 1] [--batch 20] [--cpu-prof DIR]
 *
 * prints the ScenarioReport as JSON on stdout (progress on stderr). Needs the PostgreSQL of
 * BENCH_DATABASE_URL, migrated (`npm run bench:data` does it), and Redis at BENCH_REDIS_URL
 * (default redis://127.0.0.1:6379). Wrap runs in `flock /tmp/bench.lock` on a shared machine.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { secretKey, signToken } from '../src/platform/auth/jwt.js';
import { NO_RATE_LIMITS } from './processes.js';
import { atMost, type Check, type ScenarioReport, type TargetSummary } from './report.js';
import type { Collected, OpenResult } from './sockets/fleet.js';
import {
  cpuMs,
  DEFAULT_DATABASE_URL,
  Fleet,
  JWT_SECRET,
  machineCpu,
  median,
  percentile,
  postgresCpuMs,
  round2,
  sleep,
  stats,
  type Target,
  waitForServer,
} from './sockets/harness.js';
import { startWorker, type Worker } from './sockets/ipc.js';
import type { Driven, DrivePlan, DriverUser } from './sockets/presence-driver.js';
import type { GcPauses, MemorySample } from './sockets/probes.js';

export interface PresenceOptions {
  /** Online users, each with one socket. */
  users: number;
  /** Connections (friends) of each user, an even number: every friend is online too. */
  friends: number;
  /** Presence changes per second. */
  rate: number;
  durationSeconds: number;
  rounds: number;
  /** Changes for this long, unmeasured, before a setup's measured rounds (JIT, pools). */
  warmupSeconds: number;
  /** Users connected and disconnected once before the memory at zero is measured; 0 for none. */
  warmupUsers: number;
  /** How long after the last change a delivery may still arrive before it counts as lost. */
  drainSeconds: number;
  /** Subscriber processes. */
  fleets: number;
  /**
   * Users connected per step, over all instances; the next step waits until the gateway has
   * registered their subscriptions and delivered their snapshots and "came online" changes.
   */
  batch: number;
  databaseUrl: string;
  redisUrl: string;
  /** Write a CPU profile of each server instance's measured rounds (changes and drain) here. */
  cpuProfDir?: string | undefined;
  log: (line: string) => void;
}

/** One measured round of one setup. */
export interface PresenceRound {
  target: string;
  changes: number;
  /** Changes answered per second, from the first request to the last answer: below the rate asked when the servers fell behind. */
  changeRate: number;
  /** setPresence calls refused or failed (their changes count for nothing). */
  failedChanges: number;
  /** Each change should reach each of the changing user's friends once. */
  expected: number;
  delivered: number;
  deliveredPerSecond: number;
  lost: number;
  duplicated: number;
  /** Received by a user who is not a friend of the one who changed. */
  misrouted: number;
  /** Receipts of no change of this round (a late one of the warm-up). */
  unknown: number;
  unexpectedMessages: number;
  droppedSockets: number;
  /** Request leaving the driver → a friend's receipt. */
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Request leaving the driver → its answer (setPresence / POST /presence). */
  answerP50Ms: number;
  answerP99Ms: number;
  driverMaxInFlight: number;
  connectSeconds: number;
  /** CPU time per change, from the first change to the end of the drain, in ms. */
  cpuMsPerChange: { servers: number; postgres: number; redis: number; driver: number; fleet: number; rest: number };
  /** Share of the machine's CPU time (all cores) that was busy meanwhile. */
  machineBusy: number;
  /**
   * SQL statements the servers ran per change, by kind (select, insert, …), as the gateway
   * counts them itself (`db_query_duration_seconds` at /metrics); null for the bare broadcaster,
   * which runs none once its subscribers are in.
   */
  statementsPerChange: Record<string, number> | null;
  /** Garbage-collection pauses of the busiest instance meanwhile. */
  serverGc: GcPauses;
  /**
   * Users the store still held as online after every socket had closed and the servers were
   * idle (null for the bare broadcaster): the grace is 0, so each should have gone offline.
   */
  leftOnline?: number | null;
  /** First round only: the servers' memory (both instances) with no socket and with every user online. */
  memory?: { atZero: MemorySample; atN: MemorySample; rssPerUserKB: number; heapPerUserKB: number };
}

export type PresenceReport = ScenarioReport & {
  options: Omit<PresenceOptions, 'log'>;
  tenant: string;
  rounds: PresenceRound[];
};

const DEFAULTS: PresenceOptions = {
  users: 10_000,
  friends: 50,
  rate: 200,
  durationSeconds: 10,
  rounds: 1,
  warmupSeconds: 3,
  warmupUsers: 500,
  drainSeconds: 15,
  fleets: 1,
  batch: 20,
  databaseUrl: DEFAULT_DATABASE_URL,
  redisUrl: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
  log: (line) => process.stderr.write(`${line}\n`),
};

/**
 * A size and rate this 2-core machine sustains with every setup (the issue's 10,000 users at
 * 200 changes/s saturate it, bare ws included): `npm run bench` runs both.
 */
export const PRESENCE_SUSTAINED = { users: 2_000, friends: 50, rate: 20 } as const;

/** What a friends panel shows of each friend (the issue's selection). */
export const PRESENCE_SUBSCRIPTION = `subscription Friends($userId: ID) {
  friendPresenceChanged(userId: $userId) { user { clientUserId } presence { status activity lastSeenAt } }
}`;

/** Ports of their own, beside bench/run.ts's (4101–4106) and the other socket scenarios' (4111, 4112). */
const PORTS = { postgres: [4121, 4122], redis: [4123, 4124], bare: [4125, 4126] } as const;

/** Each user changes at most once per this long: longer than the gateway's coalescing window (1 s). */
const MIN_SECONDS_BETWEEN_CHANGES = 1.5;
/** A fleet with no new message for this long has received everything sent (longer than the coalescing window). */
const SETTLED_MS = 1_500;
const KB = 1024;

/** A setup under test: two instances of one kind of server. */
interface Setup {
  name: string;
  kind: 'graphql' | 'bare';
  /** Where the gateway keeps presence (none for the bare broadcaster). */
  store: 'postgres' | 'redis' | null;
  instances: { target: Target; http: string }[];
}

/** The tenant of N users with K friends each: user `p<i>` is a friend of `p<(i ± d) mod N>` for each offset d. */
interface Population {
  tenant: string;
  users: DriverUser[];
  /** The K/2 offsets that make the friend lists (a circulant graph: every user has exactly K friends). */
  offsets: number[];
}

/** mulberry32: a seeded generator, so that the friend lists and turns are the same in every run. */
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

/** K/2 distinct offsets spread over 1 … (N−1)/2: friends are scattered, about half of them (odd offsets) on the other instance. */
function friendOffsets(users: number, friends: number): number[] {
  const max = Math.floor((users - 1) / 2);
  if (friends % 2 !== 0 || friends / 2 > max) {
    throw new Error(`--friends must be even and at most ${2 * max} for ${users} users (got ${friends})`);
  }
  const next = random(7);
  const offsets = new Set<number>();
  while (offsets.size < friends / 2) offsets.add(1 + Math.floor(next() * max));
  return [...offsets].sort((a, b) => a - b);
}

/** A seeded shuffle of 0 … n−1: the order users take their turns in. */
function turns(n: number): number[] {
  const next = random(11);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * Creates the tenant's users and connections (with their accepted requests and both edges) once,
 * set-based; a tenant left half-built is rebuilt. Presence left over from an earlier run is
 * dropped, so that no instance sweeps it while this run measures.
 */
async function preparePopulation(databaseUrl: string, users: number, friends: number): Promise<Population> {
  const tenant = `bench-presence-${users}x${friends}`;
  const offsets = friendOffsets(users, friends);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const count = async (text: string) => Number((await client.query(text, [tenant])).rows[0]?.n ?? 0);
    await client.query('delete from presence_sessions where tenant = $1', [tenant]);
    await client.query('delete from presences where tenant = $1', [tenant]);
    const built =
      (await count('select count(*) as n from users where tenant = $1')) === users &&
      (await count('select count(*) as n from connection_edges where tenant = $1')) === users * friends;
    if (!built) {
      await client.query('begin');
      for (const table of ['connection_edges', 'connections', 'notifications', 'connection_requests', 'users']) {
        await client.query(`delete from ${table} where tenant = $1`, [tenant]);
      }
      await client.query(
        `insert into users (tenant, client_user_id, display_name, connection_count)
         select $1, 'p' || g, 'Player ' || g, $3 from generate_series(0, $2 - 1) g`,
        [tenant, users, friends],
      );
      await client.query(
        `with pu as (select id, substr(client_user_id, 2)::int as n from users where tenant = $1),
         pairs as (select i as a, (i + d) % $2 as b from generate_series(0, $2 - 1) i, unnest($3::int[]) d),
         req as (
           insert into connection_requests (tenant, sender_id, receiver_id, status, created_at, responded_at)
           select $1, ua.id, ub.id, 'accepted', now(), now()
           from pairs p join pu ua on ua.n = p.a join pu ub on ub.n = p.b
           returning id, sender_id, receiver_id, responded_at
         ),
         conn as (
           insert into connections (tenant, user_low_id, user_high_id, request_id, created_at)
           select $1, least(sender_id, receiver_id), greatest(sender_id, receiver_id), id, responded_at from req
           returning id, user_low_id, user_high_id, created_at
         )
         insert into connection_edges (tenant, user_id, connection_id, other_user_id, created_at)
         select $1, user_low_id, id, user_high_id, created_at from conn
         union all select $1, user_high_id, id, user_low_id, created_at from conn`,
        [tenant, users, offsets],
      );
      await client.query('commit');
      await client.query('analyze users, connection_edges, connections');
    }
  } finally {
    await client.end();
  }
  const key = secretKey(JWT_SECRET);
  const population = await Promise.all(
    Array.from({ length: users }, async (_, i) => {
      const user = `p${i}`;
      return { user, token: await signToken(key, { sub: user, tenant, expiresIn: '4h' }) };
    }),
  );
  return { tenant, users: population, offsets };
}

/** Whether users `a` and `b` (indexes) are friends. */
function friendsOf(population: Population): (a: number, b: number) => boolean {
  const n = population.users.length;
  const offsets = new Set(population.offsets);
  return (a, b) => {
    const d = (((b - a) % n) + n) % n;
    return offsets.has(d) || offsets.has(n - d);
  };
}

/**
 * Both gateway setups (the gateway as bench/run.ts starts it, through gateway-with-gc.ts:
 * production, pool of 10, warn logs, rate limits off) and the bare broadcaster, two instances
 * each, all with `--expose-gc`. PRESENCE_GRACE_SECONDS=0: users go offline as soon as a setup
 * closes their sockets, rather than 30 s later while the next setup is measured.
 */
async function startSetups(options: PresenceOptions, redisPrefix: string): Promise<Setup[]> {
  const fileDescriptors = options.users + 1_000;
  const gatewayEnv = {
    DATABASE_URL: options.databaseUrl,
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_MAX: '10',
    PRESENCE_GRACE_SECONDS: '0',
    // The driver changes presence as fast as it is told: rate budgets would measure the limiter
    // (setPresence draws on the user's write budget; the fleet opens thousands of subscriptions).
    ...NO_RATE_LIMITS,
  };
  const gateway = (store: 'postgres' | 'redis', port: number, i: number) =>
    startWorker(`gateway (${store}) ${i + 1}`, 'bench/sockets/gateway-with-gc.ts', {
      env: {
        ...gatewayEnv,
        PORT: String(port),
        PRESENCE_STORE: store,
        ...(store === 'redis' && { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: redisPrefix }),
      },
      nodeArgs: ['--expose-gc'],
      fileDescriptors,
    });
  const bare = (port: number, i: number) =>
    startWorker(`bare ws ${i + 1}`, 'bench/sockets/presence-baseline.ts', {
      env: {
        BENCH_DATABASE_URL: options.databaseUrl,
        REDIS_URL: options.redisUrl,
        BARE_CHANNEL: `${redisPrefix}bare`,
        PORT: String(port),
        JWT_SECRET,
        DATABASE_POOL_MAX: '10',
      },
      nodeArgs: ['--expose-gc'],
      fileDescriptors,
    });
  const [postgres, redis, baseline] = await Promise.all([
    Promise.all(PORTS.postgres.map((port, i) => gateway('postgres', port, i))),
    Promise.all(PORTS.redis.map((port, i) => gateway('redis', port, i))),
    Promise.all(PORTS.bare.map(bare)),
  ]);
  const instances = (name: string, workers: Worker[], ports: readonly number[]) =>
    workers.map((worker, i) => ({
      target: { name: `${name} ${i + 1}`, url: `ws://127.0.0.1:${ports[i]}/graphql`, worker },
      http: `http://127.0.0.1:${ports[i]}`,
    }));
  return [
    {
      name: 'gateway, PostgreSQL store',
      kind: 'graphql',
      store: 'postgres',
      instances: instances('gateway (postgres)', postgres, PORTS.postgres),
    },
    {
      name: 'gateway, Redis store',
      kind: 'graphql',
      store: 'redis',
      instances: instances('gateway (redis)', redis, PORTS.redis),
    },
    {
      name: 'bare ws + Redis pub/sub',
      kind: 'bare',
      store: null,
      instances: instances('bare ws', baseline, PORTS.bare),
    },
  ];
}

/** Linux reports CPU times in 1/100 s (USER_HZ). */
const JIFFY_MS = 10;

/** CPU time so far of the processes named `comm` on this machine (e.g. the Redis server), in ms. */
function processCpuMs(comm: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const end = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, end) !== comm) continue;
    // After "pid (comm) ": utime and stime are the 12th and 13th fields.
    const fields = stat.slice(end + 2).split(' ');
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks * JIFFY_MS;
}

interface CpuSample {
  /** SQL statements the servers ran so far, by kind (gateways only). */
  statements: Map<string, number> | null;
  servers: number;
  driver: number;
  fleet: number;
  postgres: number;
  redis: number;
  machine: { busy: number; total: number };
}

async function serversCpuMs(setup: Setup): Promise<number> {
  return (await Promise.all(setup.instances.map(({ target }) => cpuMs(target.worker)))).reduce((a, b) => a + b, 0);
}

/** GETs `url` on a connection of its own, closed after it: a kept-alive one would hold up the server's `sockets === 0`. */
function scrape(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve(text));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** SQL statements the gateway instances have run so far, by kind, from their Prometheus metrics. */
async function statements(setup: Setup): Promise<Map<string, number> | null> {
  if (setup.kind !== 'graphql') return null;
  const counts = new Map<string, number>();
  for (const { http } of setup.instances) {
    const text = await scrape(`${http}/metrics`);
    for (const match of text.matchAll(/^db_query_duration_seconds_count\{[^}]*statement="(\w+)"[^}]*\} (\d+)/gm)) {
      const kind = match[1] as string;
      counts.set(kind, (counts.get(kind) ?? 0) + Number(match[2]));
    }
  }
  return counts;
}

async function sampleCpu(setup: Setup, driver: Worker, fleet: Fleet): Promise<CpuSample> {
  const [servers, driverMs, fleetMs, counts] = await Promise.all([
    serversCpuMs(setup),
    cpuMs(driver),
    fleet.cpuMs(),
    statements(setup),
  ]);
  return {
    statements: counts,
    servers,
    driver: driverMs,
    fleet: fleetMs,
    postgres: postgresCpuMs(),
    redis: processCpuMs('redis-server'),
    machine: machineCpu(),
  };
}

async function measureMemory(setup: Setup): Promise<MemorySample> {
  const samples = await Promise.all(
    setup.instances.map(({ target }) => target.worker.call<MemorySample>('gc-and-measure')),
  );
  const sum = (key: keyof MemorySample) => samples.reduce((total, s) => total + s[key], 0);
  return {
    rss: sum('rss'),
    heapUsed: sum('heapUsed'),
    heapTotal: sum('heapTotal'),
    external: sum('external'),
    arrayBuffers: sum('arrayBuffers'),
  };
}

/** Waits until the fleet has received nothing new for SETTLED_MS; returns how many messages it holds. */
async function settled(fleet: Fleet, timeoutMs = 120_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  let since = Date.now();
  for (;;) {
    const received = await fleet.received();
    if (received !== last) {
      last = received;
      since = Date.now();
    } else if (Date.now() - since >= SETTLED_MS || Date.now() > deadline) {
      return received;
    }
    await sleep(250);
  }
}

/** Waits until the setup's servers are idle (the work of closed sockets done): under 5% of a core for half a second. */
async function quiet(setup: Setup, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let before = await serversCpuMs(setup);
  for (;;) {
    await sleep(500);
    const now = await serversCpuMs(setup);
    if (now - before < 25 || Date.now() > deadline) return;
    before = now;
  }
}

const discard = (fleet: Fleet) => Promise.all(fleet.workers.map((w) => w.call<number>('discard')));

/**
 * Waits until `count()` reaches `goal`; throws once it stopped getting closer for `stallMs`
 * (the gateway failed what was missing: its log says why).
 */
async function reach(what: string, count: () => Promise<number>, goal: number, stallMs = 15_000): Promise<void> {
  let last = -1;
  let since = Date.now();
  for (;;) {
    const now = await count();
    if (now >= goal) return;
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since > stallMs) {
      throw new Error(`${what}: ${now} of ${goal}, none more for ${stallMs / 1000} s (see the servers' log)`);
    }
    await sleep(20);
  }
}

/**
 * Opens the sockets of the population's first `count` users, user i to instance i mod 2, each
 * with its subscription, `batch` users at a time. A gateway answers each user coming online
 * with a delivery to every friend online, and its subscription with a snapshot of them: one
 * delivery per ordered pair of friends online. The next batch waits until the instances have
 * registered this one's subscriptions and the fleet has received those deliveries, which keeps
 * the work queued on a gateway's database pool within what it serves before its 5 s timeout
 * (10,000 users opened 200 at a time without waiting made thousands of subscriptions and
 * presence sessions fail). Resolves to the seconds it took.
 */
async function open(setup: Setup, fleet: Fleet, population: Population, count: number, batch: number): Promise<number> {
  const started = performance.now();
  const { users, offsets } = population;
  const n = users.length;
  const instances = setup.instances.length;
  const fleets = fleet.workers.length;
  const subscribed = setup.instances.map(() => 0);
  const online = new Set<number>();
  let deliveries = 0;
  for (let from = 0; from < count; from += batch) {
    const to = Math.min(count, from + batch);
    for (let u = from; u < to; u++) {
      for (const d of offsets) deliveries += (online.has((u + d) % n) ? 2 : 0) + (online.has((u - d + n) % n) ? 2 : 0);
      online.add(u);
    }
    const results = await Promise.all(
      fleet.workers.flatMap((worker, f) =>
        setup.instances.map(({ target }, s) => {
          const subscribers: DriverUser[] = [];
          for (let i = from; i < to; i++) {
            if (i % instances === s && Math.floor(i / instances) % fleets === f)
              subscribers.push(users[i] as DriverUser);
          }
          subscribed[s] = (subscribed[s] ?? 0) + subscribers.length;
          return worker.call<OpenResult>('open', {
            url: target.url,
            subscribers,
            batch: Math.max(1, subscribers.length),
            query: PRESENCE_SUBSCRIPTION,
          });
        }),
      ),
    );
    const failed = results.reduce((sum, r) => sum + r.failed, 0);
    if (failed > 0) throw new Error(`${setup.name}: ${failed} users could not connect`);
    await Promise.all(
      setup.instances.map(({ target }, s) =>
        reach(
          `${target.name}: subscriptions registered`,
          async () => (await stats(target)).subscribedUsers,
          subscribed[s] ?? 0,
        ),
      ),
    );
    // The bare broadcaster sends neither snapshots nor "came online" changes.
    if (setup.kind === 'graphql') {
      await reach(`${setup.name}: snapshots and "came online" deliveries`, () => fleet.received(), deliveries);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await settled(fleet);
  return seconds;
}

/** Closes every socket, waits until each instance has let go of all of them, then until their users' going offline is done. */
async function close(setup: Setup, fleet: Fleet): Promise<void> {
  await Promise.all(fleet.workers.map((w) => w.call('close')));
  await Promise.all(
    setup.instances.map(({ target }) =>
      waitForServer(target, 'no sockets left', (s) => s.sockets === 0 && s.subscribedUsers === 0),
    ),
  );
  await quiet(setup);
}

/**
 * How many users the setup's store still holds as online once every socket closed (with no
 * grace, none should be): waits while the number still falls.
 */
async function leftOnline(count: () => Promise<number>, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = await count();
  let since = Date.now();
  while (last > 0 && Date.now() - since < 3_000 && Date.now() < deadline) {
    await sleep(500);
    const now = await count();
    if (now !== last) since = Date.now();
    last = now;
  }
  return last;
}

/** Drives changes for `seconds`, then waits until every friend has received them (or the drain ran out). */
async function drive(
  setup: Setup,
  driver: Worker,
  fleet: Fleet,
  population: Population,
  options: PresenceOptions,
  from: number,
  order: number[],
  seconds: number,
): Promise<Driven> {
  const plan: DrivePlan = {
    kind: setup.kind,
    urls: setup.instances.map((i) => i.http),
    rate: options.rate,
    durationSeconds: seconds,
    from,
    order,
  };
  const driven = await driver.call<Driven>('run', plan);
  if (driven.failed > 0) options.log(`  ${driven.failed} changes failed, e.g. ${driven.failures[0]}`);
  const expected = driven.changes.length * population.offsets.length * 2;
  const deadline = Date.now() + options.drainSeconds * 1_000;
  while ((await fleet.received()) < expected && Date.now() < deadline) await sleep(100);
  return driven;
}

/** Joins the changes made with the receipts. */
function analyse(
  setup: Setup,
  population: Population,
  driven: Driven,
  collected: Collected,
  cpu: [CpuSample, CpuSample],
  serverGc: GcPauses,
  connectSeconds: number,
): PresenceRound {
  const byUser = new Map(population.users.map(({ user }, i) => [user, i]));
  const changes = new Map(driven.changes.map(([k, userIndex, sentAt]) => [`c${k}`, { userIndex, sentAt }]));
  const areFriends = friendsOf(population);
  const seen = new Set<string>();
  const latencies: number[] = [];
  let duplicated = 0;
  let misrouted = 0;
  let unknown = 0;
  for (const [watcher, activity, at] of collected.receipts) {
    const change = changes.get(activity);
    const watcherIndex = byUser.get(watcher);
    if (!change) unknown++;
    else if (watcherIndex === undefined || !areFriends(change.userIndex, watcherIndex)) misrouted++;
    else if (seen.has(`${activity} ${watcher}`)) duplicated++;
    else {
      seen.add(`${activity} ${watcher}`);
      latencies.push(at - change.sentAt);
    }
  }
  latencies.sort((a, b) => a - b);
  const answers = driven.changes.map(([, , sentAt, answeredAt]) => answeredAt - sentAt).sort((a, b) => a - b);
  const [before, after] = cpu;
  const made = Math.max(1, changes.size);
  const perChange = (ms: number) => round2(ms / made);
  const servers = after.servers - before.servers;
  const postgres = after.postgres - before.postgres;
  const redis = after.redis - before.redis;
  const driver = after.driver - before.driver;
  const fleet = after.fleet - before.fleet;
  const machineBusy = after.machine.busy - before.machine.busy;
  const expected = changes.size * population.offsets.length * 2;
  return {
    target: setup.name,
    changes: changes.size,
    changeRate: Math.round(changes.size / driven.seconds),
    failedChanges: driven.failed,
    expected,
    delivered: seen.size,
    deliveredPerSecond: Math.round(seen.size / driven.seconds),
    lost: expected - seen.size,
    duplicated,
    misrouted,
    unknown,
    unexpectedMessages: collected.unexpected.length,
    droppedSockets: collected.dropped,
    p50Ms: round2(percentile(latencies, 0.5)),
    p90Ms: round2(percentile(latencies, 0.9)),
    p99Ms: round2(percentile(latencies, 0.99)),
    maxMs: round2(latencies.at(-1) ?? Number.NaN),
    answerP50Ms: round2(percentile(answers, 0.5)),
    answerP99Ms: round2(percentile(answers, 0.99)),
    driverMaxInFlight: driven.maxInFlight,
    connectSeconds: round2(connectSeconds),
    cpuMsPerChange: {
      servers: perChange(servers),
      postgres: perChange(postgres),
      redis: perChange(redis),
      driver: perChange(driver),
      fleet: perChange(fleet),
      // The kernel's share (loopback TCP), and anything else running on the machine.
      rest: perChange(machineBusy - servers - postgres - redis - driver - fleet),
    },
    machineBusy: round2(machineBusy / Math.max(1, after.machine.total - before.machine.total)),
    statementsPerChange:
      after.statements &&
      Object.fromEntries(
        [...after.statements].map(([kind, count]) => [
          kind,
          round2((count - (before.statements?.get(kind) ?? 0)) / made),
        ]),
      ),
    serverGc: { count: serverGc.count, totalMs: round2(serverGc.totalMs), maxMs: round2(serverGc.maxMs) },
  };
}

/** What every setup's rounds use. */
interface Run {
  options: PresenceOptions;
  population: Population;
  fleet: Fleet;
  driver: Worker;
  /** The order users take their turns in. */
  order: number[];
  /** Users of the population each store holds as online (has a presence record of). */
  online: Record<'postgres' | 'redis', () => Promise<number>>;
  /** Vacuums the tables presence churns (see PRESENCE_TABLES). */
  vacuum: () => Promise<void>;
}

/**
 * The tables a presence store updates at every change. This machine's PostgreSQL runs with
 * autovacuum off: without a vacuum a run measures the dead rows of the runs before it (after a
 * day of runs, 55,000 in `presences` for 36 live ones, and the PostgreSQL store's changes cost
 * PostgreSQL 2.6 times as much CPU), where autovacuum keeps them in check in production.
 */
const PRESENCE_TABLES = 'presences, presence_sessions, presence_instances';

/**
 * One setup: its memory with no user and with every user online (after a warm-up connection
 * of a few users), warm-up changes, then `rounds` measured rounds with every socket kept open:
 * connecting costs a delivery per pair of friends, minutes at the issue's size, so it is paid
 * once per setup, not per round.
 */
async function measureSetup(setup: Setup, run: Run): Promise<PresenceRound[]> {
  const { options, population, fleet, driver, order } = run;
  let cursor = 0;
  const changes = async (seconds: number) => {
    const driven = await drive(setup, driver, fleet, population, options, cursor, order, seconds);
    cursor += Math.round(options.rate * seconds);
    return driven;
  };
  if (options.warmupUsers > 0) {
    await open(setup, fleet, population, Math.min(options.warmupUsers, population.users.length), options.batch);
    await close(setup, fleet);
    await discard(fleet);
  }
  const atZero = await measureMemory(setup);
  const connectSeconds = await open(setup, fleet, population, population.users.length, options.batch);
  options.log(`  ${setup.name}: ${population.users.length} users online and subscribed in ${round2(connectSeconds)} s`);
  await discard(fleet);
  const atN = await measureMemory(setup);
  // Connecting every user churned the presence tables: vacuumed, as autovacuum would have.
  await run.vacuum();
  if (options.warmupSeconds > 0) {
    await changes(options.warmupSeconds);
    await sleep(500);
    await discard(fleet);
  }
  const rounds: PresenceRound[] = [];
  for (let round = 0; round < options.rounds; round++) {
    await Promise.all(setup.instances.map(({ target }) => target.worker.call('gc-pauses')));
    if (options.cpuProfDir) await Promise.all(setup.instances.map(({ target }) => target.worker.call('profile-start')));
    const before = await sampleCpu(setup, driver, fleet);
    const driven = await changes(options.durationSeconds);
    const after = await sampleCpu(setup, driver, fleet);
    if (options.cpuProfDir) {
      const dir = options.cpuProfDir;
      for (const { target } of setup.instances) {
        const file = resolve(dir, `${target.name.replace(/\W+/g, '-')}-round${round + 1}.cpuprofile`);
        options.log(`  CPU profile: ${await target.worker.call('profile-stop', { file })}`);
      }
    }
    const pauses = await Promise.all(setup.instances.map(({ target }) => target.worker.call<GcPauses>('gc-pauses')));
    // Duplicates, if any, would come right behind the originals.
    await sleep(500);
    const collected = await fleet.collect();
    if (collected.unexpected.length > 0) options.log(`  unexpected messages, e.g. ${collected.unexpected[0]}`);
    const busiest = pauses.reduce((a, b) => (b.totalMs > a.totalMs ? b : a));
    const r = analyse(setup, population, driven, collected, [before, after], busiest, connectSeconds);
    if (round === 0) {
      const n = population.users.length;
      r.memory = {
        atZero,
        atN,
        rssPerUserKB: round2((atN.rss - atZero.rss) / n / KB),
        heapPerUserKB: round2((atN.heapUsed - atZero.heapUsed) / n / KB),
      };
    }
    options.log(`  round ${round + 1} ${setup.name}: ${describe(r)} (connect ${r.connectSeconds} s)`);
    rounds.push(r);
  }
  await close(setup, fleet);
  const left = setup.store ? await leftOnline(run.online[setup.store]) : null;
  if (left) options.log(`  ${setup.name}: ${left} users still online after every socket closed`);
  for (const r of rounds) r.leftOnline = left;
  return rounds;
}

const total = (counts: Record<string, number> | null) => Object.values(counts ?? {}).reduce((a, b) => a + b, 0);

const describe = (r: PresenceRound) =>
  `${r.changes} changes at ${r.changeRate}/s, ${r.deliveredPerSecond} deliveries/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms, ` +
  `lost ${r.lost} of ${r.expected}, duplicated ${r.duplicated}; setPresence p50 ${r.answerP50Ms} ms, p99 ${r.answerP99Ms} ms; ` +
  `${r.statementsPerChange ? `SQL statements per change ${round2(total(r.statementsPerChange))}; ` : ''}CPU ms per change: servers ${r.cpuMsPerChange.servers}, postgres ${r.cpuMsPerChange.postgres}, redis ${r.cpuMsPerChange.redis}, ` +
  `driver ${r.cpuMsPerChange.driver}, fleet ${r.cpuMsPerChange.fleet}, rest ${r.cpuMsPerChange.rest}; machine ${Math.round(r.machineBusy * 100)}% busy; ` +
  `GC ${r.serverGc.count} pauses, ${r.serverGc.totalMs} ms, longest ${r.serverGc.maxMs} ms` +
  `${r.memory ? `; per online user RSS ${r.memory.rssPerUserKB} KB, heap ${r.memory.heapPerUserKB} KB` : ''}` +
  `${r.misrouted ? `, misrouted ${r.misrouted}` : ''}${r.unknown ? `, unknown ${r.unknown}` : ''}` +
  `${r.droppedSockets ? `, ${r.droppedSockets} sockets dropped` : ''}${r.failedChanges ? `, ${r.failedChanges} changes failed` : ''}`;

/**
 * SIGTERM first: a gateway then stops as in production (its presence instance gives up its
 * lease and its sockets), leaving nothing for the next run's instances to sweep up.
 */
async function stopGracefully(worker: Worker): Promise<void> {
  const { child } = worker;
  if (child.exitCode === null && child.signalCode === null) {
    let timer: NodeJS.Timeout | undefined;
    const exited = new Promise((resolve) => {
      child.once('exit', resolve);
      timer = setTimeout(resolve, 10_000);
    });
    child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  }
  await worker.stop();
}

/** Keys of Redis matching `pattern`. */
async function redisKeys(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return found;
}

/** Deletes the run's Redis keys (its prefix is its own). */
async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await redisKeys(redis, `${prefix}*`);
    for (let i = 0; i < keys.length; i += 1000) await redis.del(...keys.slice(i, i + 1000));
  } finally {
    redis.disconnect();
  }
}

export async function runPresence(overrides: Partial<PresenceOptions> = {}): Promise<PresenceReport> {
  const options = { ...DEFAULTS, ...overrides };
  const { log } = options;
  if (options.users / options.rate < MIN_SECONDS_BETWEEN_CHANGES) {
    throw new Error(
      `${options.users} users at ${options.rate} changes/s would change more than once per ${MIN_SECONDS_BETWEEN_CHANGES} s, and coalescing would fold their changes`,
    );
  }
  const started = performance.now();
  const population = await preparePopulation(options.databaseUrl, options.users, options.friends);
  log(
    `presence: ${options.users} users with ${options.friends} friends each (tenant ${population.tenant}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s), ${options.rate} changes/s`,
  );
  const redisPrefix = `bench-presence-${process.pid}-${Date.now()}:`;
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const setups = await startSetups(options, redisPrefix);
  const workers = setups.flatMap((s) => s.instances.map((i) => i.target.worker));
  const db = new pg.Client({ connectionString: options.databaseUrl });
  const redis = new Redis(options.redisUrl, { lazyConnect: true });
  try {
    await Promise.all([db.connect(), redis.connect()]);
    const [driver, fleet] = await Promise.all([
      startWorker('presence driver', 'bench/sockets/presence-driver.ts'),
      Fleet.start(options.fleets, options.users),
    ]);
    workers.push(driver, ...fleet.workers);
    await driver.call('setup', { users: population.users });
    const { tenant } = population;
    const online = {
      postgres: async () =>
        Number((await db.query('select count(*) as n from presences where tenant = $1', [tenant])).rows[0]?.n ?? 0),
      // The Redis store's record keys end in `<tenant>:<user id>` (stores/redis-store.ts).
      redis: async () =>
        (await redisKeys(redis, `${redisPrefix}presence:record:${encodeURIComponent(tenant)}:*`)).length,
    };
    const vacuum = async () => void (await db.query(`vacuum (analyze) ${PRESENCE_TABLES}`));
    const run: Run = { options, population, fleet, driver, order: turns(options.users), online, vacuum };
    const rounds: PresenceRound[] = [];
    for (const setup of setups) rounds.push(...(await measureSetup(setup, run)));
    return report(options, population, rounds, setups);
  } finally {
    await db.end().catch(() => {});
    redis.disconnect();
    await Promise.all(workers.map(stopGracefully));
    await dropRedisKeys(options.redisUrl, redisPrefix).catch(() => {});
    await dropPresence(options.databaseUrl, population.tenant).catch(() => {});
  }
}

/** Drops what presence the run left in PostgreSQL (instances stopped without saying goodbye). */
async function dropPresence(databaseUrl: string, tenant: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('delete from presence_sessions where tenant = $1', [tenant]);
    await client.query('delete from presences where tenant = $1', [tenant]);
  } finally {
    await client.end();
  }
}

/** The issue's figures keep the plain name; another size is named by its users, friends and rate. */
export function presenceScenario(options: Pick<PresenceOptions, 'users' | 'friends' | 'rate'>): string {
  const { users, friends, rate } = options;
  return users === DEFAULTS.users && friends === DEFAULTS.friends && rate === DEFAULTS.rate
    ? 'presence'
    : `presence-${users}x${friends}-${rate}`;
}

function report(
  options: PresenceOptions,
  population: Population,
  rounds: PresenceRound[],
  setups: Setup[],
): PresenceReport {
  const of = (name: string) => rounds.filter((r) => r.target === name);
  const med = (name: string, value: (r: PresenceRound) => number) => median(of(name).map(value));
  const sum = (name: string, value: (r: PresenceRound) => number) => of(name).reduce((a, r) => a + value(r), 0);
  const summary = (name: string): TargetSummary => ({
    name,
    requestsPerSecond: med(name, (r) => r.deliveredPerSecond),
    p50Ms: med(name, (r) => r.p50Ms),
    p99Ms: med(name, (r) => r.p99Ms),
    errors: sum(name, (r) => r.lost + r.duplicated + r.misrouted + r.failedChanges),
    rounds: of(name).length,
  });
  const memoryOf = (name: string) => of(name).find((r) => r.memory)?.memory;
  const [postgres, redis, bare] = setups.map((s) => s.name) as [string, string, string];
  const serverCpu = (name: string) => med(name, (r) => r.cpuMsPerChange.servers);
  const storeCpu = (name: string) => med(name, (r) => r.cpuMsPerChange.postgres + r.cpuMsPerChange.redis);
  const fixed = (value: number | undefined, digits = 2) => (value === undefined ? '–' : value.toFixed(digits));
  const sustained = Math.min(...rounds.map((r) => r.changeRate)) / options.rate;
  const checks: Check[] = [];
  for (const name of [postgres, redis]) {
    const p99 = summary(name).p99Ms;
    const cpuRatio = serverCpu(name) / Math.max(0.001, serverCpu(bare));
    const allRatio = (serverCpu(name) + storeCpu(name)) / Math.max(0.001, serverCpu(bare) + storeCpu(bare));
    const lost = sum(name, (r) => r.lost);
    const wrong = sum(name, (r) => r.duplicated + r.misrouted + r.unexpectedMessages);
    const left = of(name)[0]?.leftOnline ?? 0;
    checks.push(
      atMost(`${name}: p99 change to a friend's receipt (ms)`, p99, 100),
      atMost(`${name}: servers' CPU per change / bare ws's`, cpuRatio, 2),
      {
        what: `${name}: servers', PostgreSQL's and Redis's CPU per change / bare ws's (for diagnosis)`,
        value: allRatio,
        target: 'none',
        met: true,
      },
      { what: `${name}: deliveries lost`, value: lost, target: '0', met: lost === 0 },
      {
        what: `${name}: deliveries duplicated, misrouted or other messages`,
        value: wrong,
        target: '0',
        met: wrong === 0,
      },
      {
        what: `${name}: users still online once every socket had closed`,
        value: left,
        target: '0',
        met: left === 0,
      },
      {
        what: `${name}: RSS per online user (KB)`,
        value: memoryOf(name)?.rssPerUserKB ?? Number.NaN,
        target: 'none',
        met: true,
      },
    );
  }
  checks.push({
    what: 'driver: slowest round change rate / offered rate',
    value: sustained,
    target: '>= 0.95 (else the load was lower than asked)',
    met: sustained >= 0.95,
  });
  const row = (name: string) => {
    const statements = of(name)[0]?.statementsPerChange ? med(name, (r) => total(r.statementsPerChange)) : undefined;
    const answers = `${fixed(
      med(name, (r) => r.answerP50Ms),
      1,
    )} / ${fixed(
      med(name, (r) => r.answerP99Ms),
      1,
    )}`;
    return [
      name,
      String(med(name, (r) => r.changeRate)),
      fixed(serverCpu(name)),
      fixed(statements, 1),
      fixed(med(name, (r) => r.cpuMsPerChange.postgres)),
      fixed(med(name, (r) => r.cpuMsPerChange.redis)),
      fixed(med(name, (r) => r.cpuMsPerChange.driver)),
      fixed(med(name, (r) => r.cpuMsPerChange.fleet)),
      fixed(med(name, (r) => r.cpuMsPerChange.rest)),
      `${Math.round(med(name, (r) => r.machineBusy) * 100)} %`,
      answers,
      fixed(of(name)[0]?.connectSeconds, 0),
      fixed(memoryOf(name)?.rssPerUserKB, 1),
      fixed(memoryOf(name)?.heapPerUserKB, 1),
    ];
  };
  const { log: _log, ...recorded } = options;
  return {
    scenario: presenceScenario(options),
    description:
      `Presence fan-out: ${options.users} online users with ${options.friends} friends each (all online), one WebSocket ` +
      'each with a friendPresenceChanged subscription, to one of two instances in turn; ' +
      `${options.rate} setPresence calls/s offered (each as its user, over HTTP to either instance, each user at most ` +
      `once per ${Math.floor(options.users / options.rate)} s so that coalescing folds nothing), ` +
      `${options.rounds} round(s) of ${options.durationSeconds} s per setup, sockets kept open between them. ` +
      'Two gateway instances sharing PostgreSQL with the PostgreSQL presence store (changes through NOTIFY), the same ' +
      'with the Redis store, and a bare ws broadcaster (two instances joined by Redis pub/sub, the same sockets and ' +
      'friend lists in memory). Rate limits off, PRESENCE_GRACE_SECONDS=0. req/s = deliveries per second; p50/p99 = ' +
      "from the setPresence request leaving the driver to a friend's receipt; errors = lost (not received within " +
      `${options.drainSeconds} s) + duplicated + misrouted + failed setPresence calls.`,
    targets: setups.map((s) => summary(s.name)),
    tables: [
      {
        title:
          'Per change, in ms of CPU (both instances together; medians of the rounds), and per online user (after full GCs)',
        header: [
          'setup',
          'changes/s done',
          'servers CPU',
          'SQL statements',
          'PostgreSQL',
          'Redis',
          'driver',
          'fleet',
          'kernel and rest',
          'machine busy',
          'setPresence p50 / p99 ms',
          'connect s',
          'RSS KB per user',
          'heap KB per user',
        ],
        rows: setups.map(({ name }) => row(name)),
      },
    ],
    checks,
    options: recorded,
    tenant: population.tenant,
    rounds,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      users: { type: 'string' },
      friends: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      'warmup-users': { type: 'string' },
      drain: { type: 'string' },
      fleets: { type: 'string' },
      batch: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
  });
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  runPresence({
    users: number(values.users, DEFAULTS.users),
    friends: number(values.friends, DEFAULTS.friends),
    rate: number(values.rate, DEFAULTS.rate),
    durationSeconds: number(values.duration, DEFAULTS.durationSeconds),
    rounds: number(values.rounds, DEFAULTS.rounds),
    warmupSeconds: number(values.warmup, DEFAULTS.warmupSeconds),
    warmupUsers: number(values['warmup-users'], DEFAULTS.warmupUsers),
    drainSeconds: number(values.drain, DEFAULTS.drainSeconds),
    fleets: number(values.fleets, DEFAULTS.fleets),
    batch: number(values.batch, DEFAULTS.batch),
    cpuProfDir: values['cpu-prof'],
  }).then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
