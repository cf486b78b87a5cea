/**
 * Scenario "fanout": live notification delivery to many sockets on one gateway instance.
 *
 * N subscribers (distinct users, each with its own token, each subscribed to its own
 * `notificationAdded`) hold a WebSocket each, in a separate fleet process; a producer process
 * commits notifications at a fixed rate through the project's own write path (each in its own
 * transaction, NOTIFY on commit). Latency is from COMMIT returning in the producer to the
 * message arriving in the fleet (both wall clocks of this machine); a notification not received
 * within the drain period is lost, one received twice is duplicated. The same producer drives
 * the bare ws server (bench/sockets/ws-baseline.ts) in alternating rounds, so drift cancels out.
 *
 *   tsx bench/fanout.ts [--subscribers 10000] [--rate 1000] [--duration 10] [--rounds 3]
 *     [--warmup 3] [--drain 30] [--fleets 1] [--batch 200] [--cpu-prof DIR]
 *     [--compare CHECKOUT]
 *
 * prints the ScenarioReport as JSON on stdout (progress on stderr). Each round also records the
 * CPU time per notification of every process involved (server, producer, fleet, PostgreSQL,
 * and the rest of the machine: the kernel and anything else running), which tells a slow
 * gateway from a saturated machine. `--cpu-prof DIR` writes a CPU profile of each server's
 * measured rounds (profiling slows the server: use it to diagnose, not for the figures).
 * `--compare CHECKOUT` runs another checkout's gateway (e.g. `git worktree add /tmp/before HEAD~1`
 * with `node_modules` linked in) in place of the Redis-events one, and prints the CPU per
 * notification of this build over that one's. Wrap runs in `flock /tmp/bench.lock` on a shared machine.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { ScenarioReport, TargetSummary } from './report.js';
import type { Collected } from './sockets/fleet.js';
import {
  cpuMs,
  DEFAULT_DATABASE_URL,
  Fleet,
  loadPopulation,
  machineCpu,
  median,
  type Population,
  percentile,
  postgresCpuMs,
  round2,
  sleep,
  startServers,
  type Target,
  TENANT,
  untilQuiet,
} from './sockets/harness.js';
import { startWorker, type Worker } from './sockets/ipc.js';
import type { GcPauses } from './sockets/probes.js';
import type { Produced, ProducePlan } from './sockets/producer.js';

export interface FanoutOptions {
  subscribers: number;
  /** Notifications committed per second. */
  rate: number;
  durationSeconds: number;
  rounds: number;
  /** One unmeasured round of this length per server first (JIT, pools, caches). */
  warmupSeconds: number;
  /** How long after the last commit a notification may still arrive before it counts as lost. */
  drainSeconds: number;
  /** Subscriber processes. */
  fleets: number;
  /** Sockets opened at once. */
  batch: number;
  databaseUrl: string;
  /** Write a CPU profile of each server's measured rounds (producing and draining) here. */
  cpuProfDir?: string | undefined;
  /**
   * Another checkout's gateway in the Redis-events gateway's place (startServers): a change to
   * the live path measured against the build before it, in the same run.
   */
  compareCheckout?: string | undefined;
  log: (line: string) => void;
}

export interface FanoutRound {
  target: string;
  committed: number;
  /** Commits per second the producer achieved. */
  commitRate: number;
  delivered: number;
  deliveredPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  lost: number;
  duplicated: number;
  /** Received by another user than the recipient, or never committed in this round. */
  misrouted: number;
  failedCommits: number;
  producerMaxInFlight: number;
  droppedSockets: number;
  unexpectedMessages: number;
  connectSeconds: number;
  /** CPU time per committed notification, from the first commit to the end of the drain, in ms. */
  cpuMsPerNotification: { server: number; producer: number; fleet: number; postgres: number; rest: number };
  /** Share of the machine's CPU time (all cores) that was busy meanwhile. */
  machineBusy: number;
  /** The server's garbage-collection pauses meanwhile. */
  serverGc: GcPauses;
}

export type FanoutReport = ScenarioReport & { options: Omit<FanoutOptions, 'log'>; rounds: FanoutRound[] };

const DEFAULTS: FanoutOptions = {
  subscribers: 10_000,
  rate: 1_000,
  durationSeconds: 10,
  rounds: 3,
  warmupSeconds: 3,
  drainSeconds: 30,
  fleets: 1,
  batch: 200,
  databaseUrl: DEFAULT_DATABASE_URL,
  log: (line) => process.stderr.write(`${line}\n`),
};

interface CpuSample {
  server: number;
  producer: number;
  fleet: number;
  postgres: number;
  machine: { busy: number; total: number };
}

async function sampleCpu(target: Target, producer: Worker, fleet: Fleet): Promise<CpuSample> {
  const [server, producerMs, fleetMs] = await Promise.all([cpuMs(target.worker), cpuMs(producer), fleet.cpuMs()]);
  return { server, producer: producerMs, fleet: fleetMs, postgres: postgresCpuMs(), machine: machineCpu() };
}

/** Joins what was committed with what was received. */
function analyse(
  target: string,
  produced: Produced,
  collected: Collected,
  connectSeconds: number,
  cpu: [CpuSample, CpuSample],
  serverGc: GcPauses,
): FanoutRound {
  const committed = new Map(produced.commits.map(([id, user, at]) => [id, { user, at }]));
  const seen = new Set<string>();
  const latencies: number[] = [];
  let duplicated = 0;
  let misrouted = 0;
  for (const [user, id, at] of collected.receipts) {
    const commit = committed.get(id);
    if (!commit || commit.user !== user) misrouted++;
    else if (seen.has(id)) duplicated++;
    else {
      seen.add(id);
      latencies.push(at - commit.at);
    }
  }
  latencies.sort((a, b) => a - b);
  const [before, after] = cpu;
  const server = after.server - before.server;
  const producer = after.producer - before.producer;
  const fleet = after.fleet - before.fleet;
  const postgres = after.postgres - before.postgres;
  const machineBusy = after.machine.busy - before.machine.busy;
  const perNotification = (ms: number) => round2(ms / Math.max(1, committed.size));
  return {
    target,
    committed: committed.size,
    commitRate: Math.round(committed.size / produced.seconds),
    delivered: seen.size,
    deliveredPerSecond: Math.round(seen.size / produced.seconds),
    p50Ms: round2(percentile(latencies, 0.5)),
    p90Ms: round2(percentile(latencies, 0.9)),
    p99Ms: round2(percentile(latencies, 0.99)),
    maxMs: round2(latencies.at(-1) ?? Number.NaN),
    lost: committed.size - seen.size,
    duplicated,
    misrouted,
    failedCommits: produced.failed,
    producerMaxInFlight: produced.maxInFlight,
    droppedSockets: collected.dropped,
    unexpectedMessages: collected.unexpected.length,
    connectSeconds: round2(connectSeconds),
    cpuMsPerNotification: {
      server: perNotification(server),
      producer: perNotification(producer),
      fleet: perNotification(fleet),
      postgres: perNotification(postgres),
      // The kernel's share (loopback TCP), and anything else running on the machine.
      rest: perNotification(machineBusy - server - producer - fleet - postgres),
    },
    machineBusy: round2(machineBusy / Math.max(1, after.machine.total - before.machine.total)),
    serverGc: { count: serverGc.count, totalMs: round2(serverGc.totalMs), maxMs: round2(serverGc.maxMs) },
  };
}

async function oneRound(
  target: Target,
  fleet: Fleet,
  producer: Worker,
  population: Population,
  options: FanoutOptions,
  seconds: number,
  seed: number,
  /** Where to write a CPU profile of the server while the notifications are produced and delivered. */
  profile?: string,
): Promise<FanoutRound> {
  const opened = await fleet.open(target, population.subscribers, options.batch);
  // Each socket opened a presence session: that work (thousands of users coming online) is the
  // connect's, not the notifications', so it is over before the round begins.
  await untilQuiet(target);
  if (profile) await target.worker.call('profile-start');
  const plan: ProducePlan = {
    tenant: TENANT,
    recipients: population.subscribers.map(({ id, user }) => ({ id, user })),
    others: population.others,
    requestId: population.requestId,
    rate: options.rate,
    durationSeconds: seconds,
    // A fifth of the notifications go to 1% of the users: several each per second.
    hotShare: 0.2,
    hotUsers: Math.ceil(population.subscribers.length / 100),
    seed,
    redisLive: target.redisLive,
  };
  await target.worker.call('gc-pauses');
  const before = await sampleCpu(target, producer, fleet);
  const produced = await producer.call<Produced>('run', plan);
  const deadline = Date.now() + options.drainSeconds * 1_000;
  while ((await fleet.received()) < produced.commits.length && Date.now() < deadline) await sleep(100);
  const after = await sampleCpu(target, producer, fleet);
  const serverGc = await target.worker.call<GcPauses>('gc-pauses');
  if (profile) options.log(`  CPU profile: ${await target.worker.call('profile-stop', { file: profile })}`);
  // Duplicates, if any, would come right behind the originals.
  await sleep(500);
  const collected = await fleet.collect();
  await fleet.close(target);
  await untilQuiet(target);
  if (collected.unexpected.length > 0) options.log(`  unexpected messages, e.g. ${collected.unexpected[0]}`);
  return analyse(target.name, produced, collected, opened.seconds, [before, after], serverGc);
}

const describe = (r: FanoutRound) =>
  `${r.committed} committed at ${r.commitRate}/s, delivered ${r.deliveredPerSecond}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, max ${r.maxMs} ms, lost ${r.lost}, duplicated ${r.duplicated}` +
  `; CPU ms per notification: server ${r.cpuMsPerNotification.server}, producer ${r.cpuMsPerNotification.producer}, fleet ${r.cpuMsPerNotification.fleet}, postgres ${r.cpuMsPerNotification.postgres}, rest ${r.cpuMsPerNotification.rest}; machine ${Math.round(r.machineBusy * 100)}% busy; server GC ${r.serverGc.count} pauses, ${r.serverGc.totalMs} ms, longest ${r.serverGc.maxMs} ms` +
  `${r.misrouted ? `, misrouted ${r.misrouted}` : ''}${r.droppedSockets ? `, ${r.droppedSockets} sockets dropped` : ''}${r.failedCommits ? `, ${r.failedCommits} commits failed` : ''}`;

export async function runFanout(overrides: Partial<FanoutOptions> = {}): Promise<FanoutReport> {
  const options = { ...DEFAULTS, ...overrides };
  const { log } = options;
  const population = await loadPopulation(options.databaseUrl, options.subscribers);
  const { gateway, baseline, redisGateway, compareGateway } = await startServers({
    databaseUrl: options.databaseUrl,
    sockets: options.subscribers,
    withRedisGateway: !options.compareCheckout,
    compareCheckout: options.compareCheckout,
  });
  if (options.cpuProfDir) mkdirSync(options.cpuProfDir, { recursive: true });
  const second = redisGateway ?? compareGateway;
  const workers = [gateway.worker, baseline.worker, ...(second ? [second.worker] : [])];
  try {
    const producer = await startWorker('producer', 'bench/sockets/producer.ts', {
      env: { BENCH_DATABASE_URL: options.databaseUrl, DATABASE_POOL_MAX: '10' },
    });
    workers.push(producer);
    const fleet = await Fleet.start(options.fleets, options.subscribers);
    workers.push(...fleet.workers);
    // The gateway with each event transport (or the other build), and the bare ws server (NOTIFY).
    const targets = [gateway, ...(second ? [second] : []), baseline];
    log(
      `fanout: ${options.subscribers} subscribers in ${options.fleets} fleet process(es), ${options.rate} notifications/s`,
    );
    let seed = 1;
    if (options.warmupSeconds > 0) {
      for (const target of targets) {
        const r = await oneRound(target, fleet, producer, population, options, options.warmupSeconds, seed++);
        log(`  warm-up ${target.name}: ${describe(r)}`);
      }
    }
    const rounds: FanoutRound[] = [];
    for (let round = 0; round < options.rounds; round++) {
      // Rotating order (gateway, bare, bare, gateway, …): linear drift hits both alike.
      const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
      for (const target of order) {
        const profile = options.cpuProfDir
          ? resolve(options.cpuProfDir, `${target.name.replace(/\W+/g, '-')}-round${round + 1}.cpuprofile`)
          : undefined;
        const r = await oneRound(
          target,
          fleet,
          producer,
          population,
          options,
          options.durationSeconds,
          seed++,
          profile,
        );
        rounds.push(r);
        log(`  round ${round + 1} ${target.name}: ${describe(r)} (connect ${r.connectSeconds} s)`);
      }
    }
    if (compareGateway) {
      const cpu = (name: string) =>
        median(rounds.filter((r) => r.target === name).map((r) => r.cpuMsPerNotification.server));
      log(
        `  server CPU per notification, this build / ${compareGateway.name}: ${round2(cpu(gateway.name) / cpu(compareGateway.name))}`,
      );
    }
    return report(options, rounds, gateway.name, baseline.name, redisGateway?.name);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

function summarise(name: string, rounds: FanoutRound[]): TargetSummary {
  const mine = rounds.filter((r) => r.target === name);
  return {
    name,
    requestsPerSecond: median(mine.map((r) => r.deliveredPerSecond)),
    p50Ms: median(mine.map((r) => r.p50Ms)),
    p99Ms: median(mine.map((r) => r.p99Ms)),
    errors: mine.reduce((sum, r) => sum + r.lost + r.duplicated + r.misrouted, 0),
    rounds: mine.length,
  };
}

function report(
  options: FanoutOptions,
  rounds: FanoutRound[],
  gatewayName: string,
  baselineName: string,
  redisGatewayName?: string,
) {
  const gateway = summarise(gatewayName, rounds);
  const baseline = summarise(baselineName, rounds);
  const redisGateway = redisGatewayName ? summarise(redisGatewayName, rounds) : undefined;
  const totalOf = (name: string, key: 'lost' | 'duplicated') =>
    rounds.filter((r) => r.target === name).reduce((sum, r) => sum + r[key], 0);
  const total = (key: 'lost' | 'duplicated') => totalOf(gatewayName, key);
  const p50Ratio = gateway.p50Ms / Math.max(0.1, baseline.p50Ms);
  const p99Ratio = gateway.p99Ms / Math.max(0.1, baseline.p99Ms);
  const sustained = Math.min(...rounds.map((r) => r.commitRate)) / options.rate;
  const serverCpu = (name: string) =>
    median(rounds.filter((r) => r.target === name).map((r) => r.cpuMsPerNotification.server));
  const cpuRatio = serverCpu(gatewayName) / Math.max(0.01, serverCpu(baselineName));
  const { log: _log, ...recorded } = options;
  const result: FanoutReport = {
    // The issue's rate keeps the plain name; another rate is reported beside it.
    scenario: options.rate === DEFAULTS.rate ? 'fanout' : `fanout-${options.rate}`,
    description:
      `Notification fan-out: ${options.subscribers} graphql-ws subscribers (one user each, own token) on one gateway instance, ` +
      `${options.rate} notifications/s committed by another process (addNotification + NOTIFY, one transaction each, ` +
      `a fifth of them to 1% of the users), ${options.durationSeconds} s rounds; the same gateway with LIVE_TRANSPORT=redis ` +
      `(the producer writes each event to the outbox and publishes it through Redis after COMMIT); against a bare ws server with the same ` +
      `LISTEN and SQL. req/s = notifications delivered per second; p50/p99 = commit-to-receipt; ` +
      `errors = lost (not received within ${options.drainSeconds} s) + duplicated + misrouted.`,
    targets: [gateway, ...(redisGateway ? [redisGateway] : []), baseline],
    checks: [
      { what: 'gateway p50 commit-to-receipt (ms)', value: gateway.p50Ms, target: '<= 10', met: gateway.p50Ms <= 10 },
      { what: 'gateway p99 commit-to-receipt (ms)', value: gateway.p99Ms, target: '<= 50', met: gateway.p99Ms <= 50 },
      { what: 'gateway p50 / bare ws p50', value: p50Ratio, target: '<= 2', met: p50Ratio <= 2 },
      { what: 'gateway p99 / bare ws p99', value: p99Ratio, target: '<= 2', met: p99Ratio <= 2 },
      { what: 'gateway notifications lost', value: total('lost'), target: '0', met: total('lost') === 0 },
      {
        what: 'gateway notifications duplicated',
        value: total('duplicated'),
        target: '0',
        met: total('duplicated') === 0,
      },
      {
        what: 'gateway CPU per notification / bare ws',
        value: cpuRatio,
        target: '<= 1.3',
        met: cpuRatio <= 1.3,
      },
      ...(redisGateway && redisGatewayName
        ? [
            {
              what: 'gateway, events through Redis: p50 commit-to-receipt (ms)',
              value: redisGateway.p50Ms,
              target: 'none',
              met: true,
            },
            {
              what: 'gateway, events through Redis: p99 commit-to-receipt (ms)',
              value: redisGateway.p99Ms,
              target: 'none',
              met: true,
            },
            {
              what: 'gateway, events through Redis: notifications lost + duplicated',
              value: totalOf(redisGatewayName, 'lost') + totalOf(redisGatewayName, 'duplicated'),
              target: '0',
              met: totalOf(redisGatewayName, 'lost') + totalOf(redisGatewayName, 'duplicated') === 0,
            },
            {
              what: 'gateway CPU per notification, events through Redis / through NOTIFY (for diagnosis)',
              value: serverCpu(redisGatewayName) / Math.max(0.01, serverCpu(gatewayName)),
              target: 'none',
              met: true,
            },
          ]
        : []),
      {
        what: 'producer: slowest round commit rate / offered rate',
        value: sustained,
        target: '>= 0.95 (else the load was lower than asked)',
        met: sustained >= 0.95,
      },
    ],
    options: recorded,
    rounds,
  };
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      drain: { type: 'string' },
      fleets: { type: 'string' },
      batch: { type: 'string' },
      'cpu-prof': { type: 'string' },
      compare: { type: 'string' },
    },
  });
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  runFanout({
    subscribers: number(values.subscribers, DEFAULTS.subscribers),
    rate: number(values.rate, DEFAULTS.rate),
    durationSeconds: number(values.duration, DEFAULTS.durationSeconds),
    rounds: number(values.rounds, DEFAULTS.rounds),
    warmupSeconds: number(values.warmup, DEFAULTS.warmupSeconds),
    drainSeconds: number(values.drain, DEFAULTS.drainSeconds),
    fleets: number(values.fleets, DEFAULTS.fleets),
    batch: number(values.batch, DEFAULTS.batch),
    cpuProfDir: values['cpu-prof'],
    compareCheckout: values.compare,
  }).then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
