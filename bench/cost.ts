/**
 * Where a request's CPU goes (`npm run bench -- --scenarios cost`): the profile behind the read
 * path's ratios. Each target gets a server process of its own, started with `--cpu-prof`, warmed
 * up, then loaded at one fixed rate that every target sustains. Reported per request:
 *
 * - the server's CPU time (user + system, from /proc), profiler overhead included;
 * - the profile's JavaScript self time by layer, counted only inside the measured window;
 * - the remainder: time in the kernel (writev and read on the HTTP and PostgreSQL sockets) and
 *   native code outside JavaScript. It is computed, not sampled: the profiler samples wall time,
 *   and a thread blocked in writev while the other core runs PostgreSQL would be counted there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadPlan, LoadResult } from './load.js';
import { nodeArgsFor } from './processes.js';
import type { ScenarioReport, Table } from './report.js';

/** One profiled run: which server, with which environment, under which load. */
export interface CostTarget {
  name: string;
  script: string;
  env: Record<string, string>;
  port: number;
  plan: Omit<LoadPlan, 'baseUrl' | 'durationSeconds' | 'rate'>;
}

export interface CostOptions {
  targets: CostTarget[];
  rate: number;
  durationSeconds: number;
  load: (plan: LoadPlan) => Promise<LoadResult>;
  waitFor: (url: string) => Promise<void>;
  log: (line: string) => void;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The layers a sample is counted in, in the order the report lists them. */
const LAYERS = [
  'HTTP adapter and GraphQL server (graphql-yoga, @whatwg-node, envelop)',
  'GraphQL execution (graphql, graphql-jit, Pothos)',
  'SQL builder (Kysely)',
  'PostgreSQL driver (pg)',
  'the server’s own code (src/ or bench/baseline-server.ts)',
  'other packages (dataloader, prom-client, jose, …)',
  'Node.js (http, streams, events, timers, buffers)',
  'V8 built-ins and runtime (JSON, Buffer, microtasks, (program))',
  'garbage collector',
] as const;
type Layer = (typeof LAYERS)[number];

const PG_PACKAGES = /^(pg|pg-protocol|pg-pool|pg-types|postgres-date|postgres-array|postgres-interval|postgres-bytea)$/;
const SERVER_PACKAGES = /^(graphql-yoga|@whatwg-node\/.+|@envelop\/core|@graphql-yoga\/.+|@graphql-tools\/.+)$/;
const EXECUTION_PACKAGES = /^(graphql|graphql-jit|@envelop\/graphql-jit|fast-json-stringify|@pothos\/.+)$/;

/** Native functions that are system calls: left to the computed remainder (see the top). */
const SYSTEM_CALLS = new Set([
  'writev',
  'writeBuffer',
  'writeUtf8String',
  'writeLatin1String',
  'read',
  'close',
  'fsync',
]);

/** The layer of one profile node, or null for what is not JavaScript work (idle, system calls). */
function layerOf({ functionName, url, lineNumber }: CallFrame): Layer | null {
  if (functionName === '(garbage collector)') return 'garbage collector';
  if (functionName === '(idle)' || functionName === '(root)') return null;
  // Code without a file but with lines: what graphql-jit compiled (`new Function`) for a query.
  if (!url && lineNumber >= 0) return 'GraphQL execution (graphql, graphql-jit, Pothos)';
  if (!url) {
    return SYSTEM_CALLS.has(functionName) ? null : 'V8 built-ins and runtime (JSON, Buffer, microtasks, (program))';
  }
  const pkg = /node_modules\/(@[^/]+\/[^/]+|[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (PG_PACKAGES.test(pkg)) return 'PostgreSQL driver (pg)';
    if (SERVER_PACKAGES.test(pkg)) return 'HTTP adapter and GraphQL server (graphql-yoga, @whatwg-node, envelop)';
    if (EXECUTION_PACKAGES.test(pkg)) return 'GraphQL execution (graphql, graphql-jit, Pothos)';
    if (pkg === 'kysely') return 'SQL builder (Kysely)';
    return 'other packages (dataloader, prom-client, jose, …)';
  }
  if (url.startsWith('node:')) return 'Node.js (http, streams, events, timers, buffers)';
  if (url.includes('/src/') || url.includes('/bench/'))
    return 'the server’s own code (src/ or bench/baseline-server.ts)';
  return 'other packages (dataloader, prom-client, jose, …)';
}

/** Self time per layer (µs) of the samples taken between `from` and `to` (monotonic µs). */
function layerTimes(profile: CpuProfile, from: number, to: number): Map<Layer, number> {
  const layerById = new Map(profile.nodes.map((n) => [n.id, layerOf(n.callFrame)]));
  const times = new Map<Layer, number>(LAYERS.map((layer) => [layer, 0]));
  let clock = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    clock += delta;
    if (clock < from || clock > to) continue;
    const layer = layerById.get(profile.samples[i] as number);
    if (layer) times.set(layer, (times.get(layer) ?? 0) + delta);
  }
  return times;
}

/** User + system CPU time of a process so far, in µs (Linux /proc). */
export function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name; in ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

interface CostRun {
  name: string;
  requests: number;
  cpuPerRequest: number;
  layers: Map<Layer, number>;
}

async function profileOne(target: CostTarget, options: CostOptions): Promise<CostRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-cost-'));
  const child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...nodeArgsFor(target.script)], {
    env: { ...process.env, ...target.env, PORT: String(target.port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    const baseUrl = `http://127.0.0.1:${target.port}`;
    await options.waitFor(target.script.includes('baseline') ? baseUrl : `${baseUrl}/healthz`);
    // Warm-up at full speed: compiled code, caches and pools as in the measured rounds.
    await options.load({ ...target.plan, baseUrl, durationSeconds: 3 });
    const pid = child.pid as number;
    const [cpu0, t0] = [cpuMicros(pid), monotonicMicros()];
    const result = await options.load({
      ...target.plan,
      baseUrl,
      durationSeconds: options.durationSeconds,
      rate: options.rate,
    });
    const [cpu1, t1] = [cpuMicros(pid), monotonicMicros()];
    child.kill('SIGTERM');
    await exited(child);
    const [file] = readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => join(dir, f))
      // The main thread's profile is the largest (a module-loader thread writes its own).
      .sort((a, b) => statSync(b).size - statSync(a).size);
    if (!file) throw new Error(`${target.name}: the server wrote no CPU profile`);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const requests = Math.max(1, result.requests);
    const layers = layerTimes(profile, t0, t1);
    for (const [layer, micros] of layers) layers.set(layer, micros / requests);
    const run = { name: target.name, requests, cpuPerRequest: (cpu1 - cpu0) / requests, layers };
    options.log(`  ${target.name}: ${result.requests} requests, ${run.cpuPerRequest.toFixed(0)} µs CPU per request`);
    return run;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runCost(options: CostOptions): Promise<ScenarioReport> {
  options.log(
    `cost: ${options.targets.length} profiled servers, ${options.rate} req/s for ${options.durationSeconds} s each`,
  );
  const runs: CostRun[] = [];
  for (const target of options.targets) runs.push(await profileOne(target, options));
  const us = (micros: number) => micros.toFixed(0);
  const javascript = (run: CostRun) => [...run.layers.values()].reduce((sum, micros) => sum + micros, 0);
  const table: Table = {
    title: 'CPU per request, µs, by layer (JavaScript self time from the profile)',
    header: ['layer', ...runs.map((r) => r.name)],
    rows: [
      ...LAYERS.map((layer) => [layer, ...runs.map((r) => us(r.layers.get(layer) ?? 0))]),
      [
        'kernel (socket writes and reads) and native code outside JavaScript: the rest',
        ...runs.map((r) => us(Math.max(0, r.cpuPerRequest - javascript(r)))),
      ],
      ['**total CPU per request** (from /proc, profiler included)', ...runs.map((r) => `**${us(r.cpuPerRequest)}**`)],
    ],
  };
  const baseline = runs.find((r) => r.name.startsWith('baseline'));
  return {
    scenario: 'cost',
    description: `Where a read's CPU goes: each target on a server process of its own with \`--cpu-prof\`, ${options.rate} req/s for ${options.durationSeconds} s after a warm-up (pages of 20, the read scenario's users). The ratios of the totals are the throughput ratios a CPU-bound machine allows.`,
    targets: [],
    checks: baseline
      ? runs
          .filter((r) => r !== baseline)
          .map((r) => ({
            what: `${r.name}: CPU per request / ${baseline.name}`,
            value: r.cpuPerRequest / baseline.cpuPerRequest,
            target: 'none (explains the read ratios)',
            met: true,
          }))
      : [],
    tables: [table],
  };
}
