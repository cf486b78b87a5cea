/**
 * Scenario "idle": what an idle, authenticated subscriber costs the server in memory.
 *
 * For the gateway and for the bare ws server (bench/sockets/ws-baseline.ts: the same per-socket
 * state, a verified viewer and one registered subscription), in alternating rounds: a short
 * warm-up connection of a few hundred subscribers, then, each after a full GC (the servers run
 * with --expose-gc), the server's memory with no subscriber, with N idle subscribers (each with
 * one `notificationAdded` subscription) once what their opening set off is over, and again
 * after they all disconnected and that is over too. Per subscriber
 * = (at N − at 0) / N, for RSS and for the V8 heap. RSS rarely shrinks back fully (freed
 * pages stay with the allocator), so the heap tells whether the sockets' memory was released.
 *
 *   tsx bench/idle.ts [--subscribers 10000] [--rounds 1] [--fleets 1] [--batch 200] [--heap-snapshot DIR]
 *     [--compare CHECKOUT]   (another checkout's gateway in the same rounds: the build before a change)
 *
 * prints the ScenarioReport as JSON on stdout (progress on stderr). Wrap runs in
 * `flock /tmp/bench.lock` on a shared machine.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Check, ScenarioReport, TargetSummary } from './report.js';
import {
  DEFAULT_DATABASE_URL,
  Fleet,
  loadPopulation,
  measureMemory,
  median,
  percentile,
  round2,
  sleep,
  startServers,
  type Target,
  untilQuiet,
} from './sockets/harness.js';
import type { MemorySample } from './sockets/probes.js';

export interface IdleOptions {
  subscribers: number;
  rounds: number;
  /** Subscribers connected and disconnected once before measuring (JIT, lazily built state). */
  warmupSubscribers: number;
  fleets: number;
  batch: number;
  databaseUrl: string;
  /** After the rounds, write a heap snapshot of each server with N subscribers into this directory. */
  heapSnapshotDir?: string | undefined;
  /** Another checkout's gateway measured in the same rounds (startServers), e.g. the build before a change. */
  compareCheckout?: string | undefined;
  log: (line: string) => void;
}

export interface IdleRound {
  target: string;
  atZero: MemorySample;
  atN: MemorySample;
  afterDisconnect: MemorySample;
  rssPerSubscriberKB: number;
  heapPerSubscriberKB: number;
  /** What stayed after everyone left, as a share of what N subscribers took. */
  rssRetainedShare: number;
  heapRetainedShare: number;
  /** Opening N sockets: subscribers per second, and connect-to-connection_ack per socket. */
  openedPerSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
}

export type IdleReport = ScenarioReport & { options: Omit<IdleOptions, 'log'>; rounds: IdleRound[] };

const DEFAULTS: IdleOptions = {
  subscribers: 10_000,
  rounds: 1,
  warmupSubscribers: 500,
  fleets: 1,
  batch: 200,
  databaseUrl: DEFAULT_DATABASE_URL,
  log: (line) => process.stderr.write(`${line}\n`),
};

/** Lets timers of closed sockets (close handshakes, keep-alives) run out before measuring. */
const SETTLE_MS = 2_000;

/**
 * After sockets opened or closed: their timers run out, and what opening or closing them set
 * off is over (every socket is a presence session: thousands of users coming online or going
 * offline, each a few statements and a fan-out, which PostgreSQL finishes some seconds after the
 * last socket), so that the memory measured next is what the server keeps, not work still in
 * flight.
 */
async function settled(target: Target): Promise<void> {
  await sleep(SETTLE_MS);
  await untilQuiet(target);
}
const KB = 1024;
const MB = 1024 * 1024;

async function oneRound(
  target: Target,
  fleet: Fleet,
  subscribers: Awaited<ReturnType<typeof loadPopulation>>['subscribers'],
  options: IdleOptions,
): Promise<IdleRound> {
  await fleet.open(target, subscribers.slice(0, options.warmupSubscribers), options.batch);
  await fleet.close(target);
  await settled(target);
  const atZero = await measureMemory(target);
  const opened = await fleet.open(target, subscribers, options.batch);
  await settled(target);
  const atN = await measureMemory(target);
  await fleet.close(target);
  await settled(target);
  const afterDisconnect = await measureMemory(target);
  const n = subscribers.length;
  const ack = [...opened.ackMs].sort((a, b) => a - b);
  return {
    target: target.name,
    atZero,
    atN,
    afterDisconnect,
    rssPerSubscriberKB: round2((atN.rss - atZero.rss) / n / KB),
    heapPerSubscriberKB: round2((atN.heapUsed - atZero.heapUsed) / n / KB),
    rssRetainedShare: round2((afterDisconnect.rss - atZero.rss) / Math.max(1, atN.rss - atZero.rss)),
    heapRetainedShare: round2(
      (afterDisconnect.heapUsed - atZero.heapUsed) / Math.max(1, atN.heapUsed - atZero.heapUsed),
    ),
    openedPerSecond: Math.round(opened.opened / opened.seconds),
    ackP50Ms: round2(percentile(ack, 0.5)),
    ackP99Ms: round2(percentile(ack, 0.99)),
  };
}

const describe = (r: IdleRound) =>
  `RSS ${(r.atZero.rss / MB).toFixed(1)} → ${(r.atN.rss / MB).toFixed(1)} → ${(r.afterDisconnect.rss / MB).toFixed(1)} MB, ` +
  `heap ${(r.atZero.heapUsed / MB).toFixed(1)} → ${(r.atN.heapUsed / MB).toFixed(1)} → ${(r.afterDisconnect.heapUsed / MB).toFixed(1)} MB; ` +
  `per subscriber RSS ${r.rssPerSubscriberKB} KB, heap ${r.heapPerSubscriberKB} KB; ` +
  `${r.openedPerSecond} opened/s, connect-to-ack p50 ${r.ackP50Ms} ms, p99 ${r.ackP99Ms} ms`;

export async function runIdle(overrides: Partial<IdleOptions> = {}): Promise<IdleReport> {
  const options = { ...DEFAULTS, ...overrides };
  const { log } = options;
  if (options.heapSnapshotDir) mkdirSync(options.heapSnapshotDir, { recursive: true });
  const { subscribers } = await loadPopulation(options.databaseUrl, options.subscribers);
  const { gateway, baseline, compareGateway } = await startServers({
    databaseUrl: options.databaseUrl,
    sockets: options.subscribers,
    compareCheckout: options.compareCheckout,
  });
  const workers = [gateway.worker, baseline.worker, ...(compareGateway ? [compareGateway.worker] : [])];
  try {
    const fleet = await Fleet.start(options.fleets, options.subscribers);
    workers.push(...fleet.workers);
    log(`idle: ${options.subscribers} idle subscribers, one notificationAdded subscription each`);
    const targets = [gateway, ...(compareGateway ? [compareGateway] : []), baseline];
    const rounds: IdleRound[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
      for (const target of order) {
        const r = await oneRound(target, fleet, subscribers, options);
        rounds.push(r);
        log(`  round ${round + 1} ${target.name}: ${describe(r)}`);
      }
    }
    // Writing a snapshot takes memory of its own: only after the measured rounds.
    if (options.heapSnapshotDir) {
      for (const target of targets) {
        await fleet.open(target, subscribers, options.batch);
        await settled(target);
        const file = resolve(
          options.heapSnapshotDir,
          `${target.name.replace(/\W+/g, '-')}-${subscribers.length}.heapsnapshot`,
        );
        log(`  heap snapshot: ${await target.worker.call<string>('heap-snapshot', { file })}`);
        await fleet.close(target);
      }
    }
    return report(options, rounds, gateway.name, baseline.name);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
}

function report(options: IdleOptions, rounds: IdleRound[], gatewayName: string, baselineName: string): IdleReport {
  const of = (name: string) => rounds.filter((r) => r.target === name);
  const med = (name: string, key: keyof IdleRound) => median(of(name).map((r) => r[key] as number));
  const summary = (name: string): TargetSummary => ({
    name,
    requestsPerSecond: med(name, 'openedPerSecond'),
    p50Ms: med(name, 'ackP50Ms'),
    p99Ms: med(name, 'ackP99Ms'),
    errors: 0,
    rounds: of(name).length,
  });
  const rss = med(gatewayName, 'rssPerSubscriberKB');
  const heap = med(gatewayName, 'heapPerSubscriberKB');
  const rssRatio = rss / Math.max(0.01, med(baselineName, 'rssPerSubscriberKB'));
  const heapRatio = heap / Math.max(0.01, med(baselineName, 'heapPerSubscriberKB'));
  const heapRetained = med(gatewayName, 'heapRetainedShare');
  const rssRetained = med(gatewayName, 'rssRetainedShare');
  const checks: Check[] = [
    { what: 'gateway RSS per idle subscriber (KB)', value: rss, target: '<= 16', met: rss <= 16 },
    { what: 'gateway RSS per subscriber / bare ws', value: rssRatio, target: '<= 2', met: rssRatio <= 2 },
    { what: 'gateway heap per idle subscriber (KB)', value: heap, target: 'none (part of RSS)', met: true },
    { what: 'gateway heap per subscriber / bare ws', value: heapRatio, target: '<= 2', met: heapRatio <= 2 },
    {
      what: 'gateway heap kept after all disconnected / heap N took',
      value: heapRetained,
      target: '<= 0.05 (returns to baseline)',
      met: heapRetained <= 0.05,
    },
    {
      what: 'gateway RSS kept after all disconnected / RSS N took',
      value: rssRetained,
      target: '<= 0.05 (returns to baseline)',
      met: rssRetained <= 0.05,
    },
  ];
  const { log: _log, ...recorded } = options;
  return {
    scenario: 'idle',
    description:
      `Idle sockets: memory of ${options.subscribers} idle authenticated subscribers (one notificationAdded subscription each) ` +
      'on one gateway instance against a bare ws server holding the same per-socket state; after full GCs, ' +
      'per subscriber = (at N − at 0) / N. req/s = subscribers connected per second (batches of ' +
      `${options.batch}); p50/p99 = connect to connection_ack. Memory figures are in the checks.`,
    targets: [summary(gatewayName), summary(baselineName)],
    checks,
    options: recorded,
    rounds,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string' },
      rounds: { type: 'string' },
      warmup: { type: 'string' },
      fleets: { type: 'string' },
      batch: { type: 'string' },
      'heap-snapshot': { type: 'string' },
      compare: { type: 'string' },
    },
  });
  const number = (value: string | undefined, fallback: number) => (value === undefined ? fallback : Number(value));
  runIdle({
    subscribers: number(values.subscribers, DEFAULTS.subscribers),
    rounds: number(values.rounds, DEFAULTS.rounds),
    warmupSubscribers: number(values.warmup, DEFAULTS.warmupSubscribers),
    fleets: number(values.fleets, DEFAULTS.fleets),
    batch: number(values.batch, DEFAULTS.batch),
    heapSnapshotDir: values['heap-snapshot'],
    compareCheckout: values.compare,
  }).then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
