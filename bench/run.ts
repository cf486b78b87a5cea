/**
 * `npm run bench`: measures the gateway against the bare baseline (bench/baseline-server.ts)
 * and, in `peers`, against Mercurius and Apollo Server (bench/peers/), on the dataset of
 * `npm run bench:data`, in alternating rounds so that machine drift cancels out, and writes
 * bench/results/<scenario>.json and bench/results/README.md.
 *
 *   npm run bench -- [--scenarios read,peers,cost,write,scale,fanout,idle,depth,presence,search] [--dataset bench/results/dataset.json] [--rounds 3] [--duration 10] [--connections 16] [--smoke]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { secretKey, signToken } from '../src/platform/auth/jwt.js';
import { PublicIds } from '../src/platform/public-ids.js';
import { cpuMicros, runCost } from './cost.js';
import { runFanout } from './fanout.js';
import { runIdle } from './idle.js';
import type { LoadPlan, LoadResult } from './load.js';
import { checkSameAnswers } from './peers/same-answers.js';
import { PRESENCE_SUSTAINED, presenceScenario, runPresence } from './presence.js';
import { buildGateway, GATEWAY_MAIN, load, NO_RATE_LIMITS, nodeArgsFor, waitFor } from './processes.js';
import { atLeast, atMost, renderReport, type ScenarioReport, type TargetSummary } from './report.js';
import { runSearch } from './search.js';
import { countStatements } from './statements.js';

/** Every scenario, in the order a full run measures them; `npm run bench` runs them all. */
const ALL_SCENARIOS = ['read', 'peers', 'cost', 'write', 'scale', 'fanout', 'idle', 'depth', 'presence', 'search'];

const { values: args } = parseArgs({
  options: {
    /** Every scenario by default; a smoke run leaves out scale, whose datasets take minutes to build. */
    scenarios: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    smoke: { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    /** The summary `bench:data` wrote for the dataset in BENCH_DATABASE_URL. */
    dataset: { type: 'string', default: 'bench/results/dataset.json' },
  },
});
const smoke = args.smoke;
const rounds = smoke ? 1 : Number(args.rounds);
const duration = smoke ? 1 : Number(args.duration);
const connections = Number(args.connections);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const JWT_SECRET = 'benchmark-secret-that-is-long-enough-for-hs256';
const GATEWAY = 'http://127.0.0.1:4101';
const BASELINE = 'http://127.0.0.1:4102';
/** The peers scenario's servers (bench/peers/). */
const MERCURIUS = 'http://127.0.0.1:4108';
const APOLLO = 'http://127.0.0.1:4109';
const TENANT = 'bench-0';

function start(name: string, script: string[], env: Record<string, string>): ChildProcess {
  const [main, ...rest] = script as [string, ...string[]];
  const child = spawn(process.execPath, [...nodeArgsFor(main), ...rest], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child.on('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(`${name} exited with ${code}\n`);
  });
  return child;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

type Target = Omit<LoadPlan, 'connections' | 'durationSeconds' | 'token' | 'users'> & {
  name: string;
  /** Runs before every load of this target (warm-up included), e.g. to reset the rows it writes. */
  prepare?: () => Promise<void>;
  /** This target's own users, when it reads another database than the others. */
  users?: string[];
  /** The server process answering it, whose CPU time per request each run measures (/proc). */
  pid?: number;
};

/** Warm-up, then `rounds` rounds over all targets in rotating order; medians per target. */
async function measure(targets: Target[], users: string[], token: string): Promise<Map<string, TargetSummary>> {
  const base = { token, users, connections };
  const run = async ({ prepare, users: own, pid, ...target }: Target, durationSeconds: number) => {
    await prepare?.();
    const cpuBefore = pid === undefined ? 0 : cpuMicros(pid);
    const result = await load({ ...target, ...base, ...(own && { users: own }), durationSeconds });
    const cpu = pid === undefined ? undefined : (cpuMicros(pid) - cpuBefore) / Math.max(1, result.requests);
    return { result, cpu };
  };
  for (const target of targets) await run(target, smoke ? 1 : 3);
  const runs = new Map<string, LoadResult[]>(targets.map((t) => [t.name, []]));
  const cpuRuns = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = targets.map((_, i) => targets[(i + round) % targets.length] as Target);
    for (const target of order) {
      const { result, cpu } = await run(target, duration);
      runs.get(target.name)?.push(result);
      if (cpu !== undefined) cpuRuns.get(target.name)?.push(cpu);
      process.stdout.write(
        `  round ${round + 1} ${target.name}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms${cpu === undefined ? '' : `, ${cpu.toFixed(0)} µs CPU/request`}${result.non2xx ? `, ${result.non2xx} non-2xx` : ''}\n`,
      );
    }
  }
  return new Map(
    [...runs].map(([name, results]) => {
      const cpu = cpuRuns.get(name) ?? [];
      return [
        name,
        {
          name,
          requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
          p50Ms: median(results.map((r) => r.latencyMs.p50)),
          p99Ms: median(results.map((r) => r.latencyMs.p99)),
          errors: results.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
          rounds: results.length,
          ...(cpu.length > 0 && { cpuPerRequestUs: median(cpu) }),
        },
      ];
    }),
  );
}

const ACTIVE_QUERY = `query Active($userId: ID, $perPage: Int) {
  activeConnections(userId: $userId, perPage: $perPage) {
    __typename
    ... on ConnectionPage { nodes { id connectedSince connectedUser { clientUserId displayName } } pagination { totalItems } }
  }
}`;
/** The read scenario's document with a page number, for the peers scenario's check of a second page. */
const ACTIVE_PAGE_QUERY = `query ActivePage($userId: ID, $perPage: Int, $page: Int) {
  activeConnections(userId: $userId, perPage: $perPage, page: $page) {
    __typename
    ... on ConnectionPage { nodes { id connectedSince connectedUser { clientUserId displayName } } pagination { totalItems } }
  }
}`;
const ACTIVE_CURSOR_QUERY = `query ActiveByCursor($userId: ID, $first: Int, $after: String) {
  activeConnections(userId: $userId, first: $first, after: $after) {
    __typename
    ... on ConnectionPage { nodes { id connectedSince connectedUser { clientUserId displayName } } pageInfo { endCursor } }
  }
}`;
const COUNT_QUERY = `query Count($userId: ID) {
  activeConnections(userId: $userId, first: 1) { __typename ... on ConnectionPage { totalCount } }
}`;

/**
 * The write scenario's own tenants, so that its rows never touch the read scenarios' data.
 * Several of them: a tenant's users together get `RATE_LIMIT_TENANT_WRITES` writes a minute
 * (20,000 by default, 333/s), less than this machine commits, and the scenario measures what
 * counting the budgets costs, not the cap. Writer `w<i+1>` is of tenant `i % 4`.
 */
const WRITE_TENANTS = ['bench-write-0', 'bench-write-1', 'bench-write-2', 'bench-write-3'];
const WRITERS = 4_000;

/** The write scenario's users, created once; returns their ids. */
async function prepareWriters(client: pg.Client): Promise<string[]> {
  await client.query(
    `insert into users (tenant, client_user_id, display_name)
     select ($1::text[])[(g - 1) % cardinality($1::text[]) + 1], 'w' || g, 'Writer ' || g
     from generate_series(1, $2::int) g
     on conflict (tenant, client_user_id) do nothing`,
    [WRITE_TENANTS, WRITERS],
  );
  return Array.from({ length: WRITERS }, (_, i) => `w${i + 1}`);
}

/**
 * Back to no pending requests and no connections among the writers, so that a cycle cut off at
 * the end of one load run does not collide with the next. Answered requests and notifications
 * stay, as history does in production.
 */
async function resetWrites(client: pg.Client): Promise<void> {
  const writers = 'select id from users where tenant = any($1)';
  await client.query(
    `update connection_requests set status = 'declined', responded_at = now()
     where status = 'pending' and sender_id in (${writers})`,
    [WRITE_TENANTS],
  );
  await client.query(`delete from connections where user_low_id in (${writers})`, [WRITE_TENANTS]);
  await client.query('update users set connection_count = 0 where tenant = any($1) and connection_count <> 0', [
    WRITE_TENANTS,
  ]);
}

/** Up to 2,000 users of the main tenant with 10 to 200 connections: most users look like this. */
async function typicalUsers(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ client_user_id: string }>(
    `select u.client_user_id from users u
     where u.tenant = $1 and u.connection_count between 10 and 200 limit 2000`,
    [TENANT],
  );
  return rows.map((r) => r.client_user_id);
}

const SCALE_DATABASES = {
  small: process.env.BENCH_SMALL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_10k',
  large: process.env.BENCH_LARGE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_1m',
};

/**
 * The read path against a small and a large dataset (`npm run bench:data -- --out dataset-10k.json`
 * and `dataset-1m.json`, see README): one gateway on each, the same fixed rate, alternating rounds.
 */
async function scaleScenario(token: string): Promise<ScenarioReport> {
  const sides = await Promise.all(
    (['small', 'large'] as const).map(async (side, i) => {
      const url = SCALE_DATABASES[side];
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const users = await typicalUsers(db);
      const { rows } = await db.query<{ n: number }>('select count(*)::int as n from users');
      await db.end();
      const port = String(4103 + i);
      const server = start(`gateway (${side})`, [GATEWAY_MAIN], {
        DATABASE_URL: url,
        PORT: port,
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        JWT_SECRET,
        LOG_LEVEL: 'warn',
        DATABASE_POOL_MAX: '10',
        ...NO_RATE_LIMITS,
      });
      const baseUrl = `http://127.0.0.1:${port}`;
      return { side, users, userCount: rows[0]?.n ?? 0, server, baseUrl };
    }),
  );
  try {
    for (const side of sides) await waitFor(`${side.baseUrl}/healthz`);
    const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${Math.round(n / 1000)}k`);
    // Well below saturation (GraphQL on this machine tops out near 400 req/s): latency, not queueing.
    const rate = 150;
    const targets: Target[] = sides.flatMap(({ userCount, users, baseUrl }) => [
      {
        name: `GraphQL activeConnections, ${label(userCount)} users`,
        baseUrl,
        kind: 'graphql' as const,
        query: ACTIVE_QUERY,
        variables: { perPage: 20 },
        users,
        rate,
      },
      ...['active', 'sent', 'received'].map((list) => ({
        name: `REST /${list}, ${label(userCount)} users`,
        baseUrl,
        kind: 'rest' as const,
        restPath: `${list}?per_page=20`,
        users,
        rate,
      })),
    ]);
    process.stdout.write(
      `scale: ${sides.map((s) => `${label(s.userCount)} users`).join(' against ')}, ${rate} req/s each\n`,
    );
    const summary = await measure(targets, [], token);
    const [small, large] = sides.map((s) => label(s.userCount));
    const checks = ['GraphQL activeConnections', 'REST /active', 'REST /sent', 'REST /received'].map((what) => {
      const a = summary.get(`${what}, ${small} users`) as TargetSummary;
      const b = summary.get(`${what}, ${large} users`) as TargetSummary;
      const value = b.p50Ms / Math.max(0.5, a.p50Ms);
      return atMost(`${what}: p50 at ${large} / at ${small} users`, value, 1.2);
    });
    return {
      scenario: 'scale',
      description: `Scale: the read path (pages of 20) at ${small} and at ${large} users, one gateway per dataset, the same fixed rate of ${rate} req/s`,
      targets: [...summary.values()],
      checks,
    };
  } finally {
    for (const side of sides) side.server.kill('SIGTERM');
  }
}

/** The codec the gateway encodes this database's ids with (its key in gateway_settings). */
async function publicIdsOf(client: pg.Client): Promise<PublicIds> {
  const { rows } = await client.query<{ value: string }>(
    "select value from gateway_settings where name = 'public_id_key'",
  );
  return new PublicIds(Buffer.from(rows[0]?.value ?? '', 'hex'));
}

/**
 * The gateway's GraphQL read against the servers a team would pick instead (issue 19):
 * Mercurius with graphql-jit and Apollo Server 4 (bench/peers/), each answering the read
 * scenario's document with the baseline's SQL, DataLoader batching, JWT check and token cache,
 * started beside the gateway and the baseline. They must first answer several pages exactly as
 * the gateway does (and the baseline the same page); then alternating rounds at full load, each
 * server's CPU time per request from /proc.
 */
async function peersScenario(options: {
  client: pg.Client;
  users: string[];
  token: string;
  gateway: ChildProcess;
  baseline: ChildProcess;
  env: Record<string, string>;
}): Promise<ScenarioReport> {
  const { client, users, token } = options;
  const env = { ...options.env, NODE_ENV: 'production' };
  const peers = [
    start('mercurius', ['bench/peers/mercurius-server.ts'], { ...env, PORT: new URL(MERCURIUS).port }),
    start('apollo', ['bench/peers/apollo-server.ts'], { ...env, PORT: new URL(APOLLO).port }),
  ];
  try {
    await waitFor(MERCURIUS);
    await waitFor(APOLLO);
    const gatewayName = 'gateway GraphQL activeConnections';
    const mercuriusName = 'Mercurius activeConnections';
    const apolloName = 'Apollo Server activeConnections';
    const baselineName = 'baseline /active';
    // Typical users' first pages, one second page (an offset), the tenant's largest list and a
    // user that does not exist (the union's NotFoundError).
    const { rows: largest } = await client.query<{ client_user_id: string }>(
      'select client_user_id from users where tenant = $1 order by connection_count desc limit 1',
      [TENANT],
    );
    const query = ACTIVE_QUERY;
    const pages = [
      ...users.slice(0, 5).map((userId) => ({ query, userId, perPage: 20 })),
      ...users.slice(0, 1).map((userId) => ({ query: ACTIVE_PAGE_QUERY, userId, perPage: 5, page: 2 })),
      ...largest.map((row) => ({ query, userId: row.client_user_id, perPage: 20 })),
      { query, userId: 'no-such-player', perPage: 20 },
    ];
    const compared = await checkSameAnswers({
      graphql: [
        { name: 'the gateway', baseUrl: GATEWAY },
        { name: 'Mercurius', baseUrl: MERCURIUS },
        { name: 'Apollo Server', baseUrl: APOLLO },
      ],
      baseline: { name: 'the baseline', baseUrl: BASELINE },
      token,
      pages,
    });
    process.stdout.write(
      `peers: ${compared} pages answered alike by the gateway, Mercurius, Apollo Server and the baseline; ${users.length} users, pages of 20\n`,
    );
    const graphql = (name: string, baseUrl: string, pid: number | undefined): Target => ({
      name,
      baseUrl,
      kind: 'graphql',
      query: ACTIVE_QUERY,
      variables: { perPage: 20 },
      ...(pid !== undefined && { pid }),
    });
    const [mercurius, apollo] = peers.map((peer) => peer.pid);
    const summary = await measure(
      [
        graphql(gatewayName, GATEWAY, options.gateway.pid),
        {
          name: baselineName,
          baseUrl: BASELINE,
          kind: 'rest',
          restPath: 'active?per_page=20',
          ...(options.baseline.pid !== undefined && { pid: options.baseline.pid }),
        },
        graphql(mercuriusName, MERCURIUS, mercurius),
        graphql(apolloName, APOLLO, apollo),
      ],
      users,
      token,
    );
    const get = (name: string) => summary.get(name) as TargetSummary;
    const throughput = (a: string, b: string) => get(a).requestsPerSecond / get(b).requestsPerSecond;
    const cpu = (a: string, b: string) =>
      (get(a).cpuPerRequestUs ?? Number.NaN) / (get(b).cpuPerRequestUs ?? Number.NaN);
    const shown = (what: string, value: number) => ({ what, value, target: 'none', met: true });
    return {
      scenario: 'peers',
      description: `Peers: GraphQL \`activeConnections\` (pages of 20 with user names, the read scenario's document and users) on the gateway against Mercurius ${packageVersion('mercurius')} (Fastify ${packageVersion('fastify')}, graphql-jit on) and Apollo Server ${packageVersion('@apollo/server')} (standalone, graphql-js), minimal servers in bench/peers/ with the baseline's SQL statements, DataLoader batching, JWT check and token cache and a pool of 10, and against the baseline's REST /active. Before measuring, ${compared} pages (typical users, a second page, the largest list, an unknown user) were answered with identical data by all four. Alternating rounds at full load; CPU is each server process's user + system time per request (/proc), the gateway's background work included`,
      targets: [...summary.values()],
      checks: [
        atLeast('gateway GraphQL throughput / Mercurius', throughput(gatewayName, mercuriusName), 1),
        atLeast('gateway GraphQL throughput / baseline', throughput(gatewayName, baselineName), 0.8),
        shown('gateway GraphQL throughput / Apollo Server', throughput(gatewayName, apolloName)),
        shown('Mercurius throughput / baseline', throughput(mercuriusName, baselineName)),
        shown('Apollo Server throughput / baseline', throughput(apolloName, baselineName)),
        shown('gateway GraphQL CPU per request / Mercurius', cpu(gatewayName, mercuriusName)),
        shown('gateway GraphQL CPU per request / Apollo Server', cpu(gatewayName, apolloName)),
        shown('gateway GraphQL CPU per request / baseline', cpu(gatewayName, baselineName)),
        shown('Mercurius CPU per request / baseline', cpu(mercuriusName, baselineName)),
        shown('Apollo Server CPU per request / baseline', cpu(apolloName, baselineName)),
      ],
    };
  } finally {
    for (const peer of peers) peer.kill('SIGTERM');
  }
}

/** The installed version of a package, as the report names what was measured. */
function packageVersion(name: string): string {
  return JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;
}

/**
 * The scale scenario reads two datasets of its own: when one is missing, say so before a long
 * run starts rather than fail in the middle of it.
 */
async function checkScaleDatasets(): Promise<void> {
  for (const [side, url] of Object.entries(SCALE_DATABASES)) {
    const db = new pg.Client({ connectionString: url });
    try {
      await db.connect();
      await db.query('select 1 from users limit 1');
    } catch (error) {
      throw new Error(
        `the scale scenario's ${side} dataset is missing (${url}: ${(error as Error).message}); build it as bench/README.md says, or leave scale out of --scenarios`,
      );
    } finally {
      await db.end().catch(() => {});
    }
  }
}

async function main() {
  const scenarios = args.scenarios?.split(',') ?? ALL_SCENARIOS.filter((s) => !smoke || s !== 'scale');
  const unknown = scenarios.filter((s) => !ALL_SCENARIOS.includes(s));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}; known: ${ALL_SCENARIOS.join(', ')}`);
  if (scenarios.includes('scale')) await checkScaleDatasets();
  buildGateway();
  const dataset = JSON.parse(readFileSync(args.dataset ?? 'bench/results/dataset.json', 'utf8'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const users = await typicalUsers(client);
  const token = await signToken(secretKey(JWT_SECRET), {
    sub: 'bench',
    tenant: TENANT,
    role: 'service',
    expiresIn: '2h',
  });

  const gatewayEnv = {
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_MAX: '10',
    ...NO_RATE_LIMITS,
  };
  const baselineEnv = { BENCH_DATABASE_URL: databaseUrl, JWT_SECRET, DATABASE_POOL_MAX: '10' };
  const gateway = start('gateway', [GATEWAY_MAIN], { ...gatewayEnv, PORT: '4101' });
  const baseline = start('baseline', ['bench/baseline-server.ts'], { ...baselineEnv, PORT: '4102' });
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v,
  };
  const reports: ScenarioReport[] = [];
  try {
    await waitFor(`${GATEWAY}/healthz`);
    await waitFor(BASELINE);

    if (scenarios.includes('read')) {
      process.stdout.write(`read path: ${users.length} users with 10-200 connections, pages of 20\n`);
      const targets: Target[] = [
        {
          name: 'GraphQL activeConnections',
          baseUrl: GATEWAY,
          kind: 'graphql',
          query: ACTIVE_QUERY,
          variables: { perPage: 20 },
        },
        { name: 'REST /active', baseUrl: GATEWAY, kind: 'rest', restPath: 'active?per_page=20' },
        { name: 'baseline /active', baseUrl: BASELINE, kind: 'rest', restPath: 'active?per_page=20' },
        { name: 'REST /sent', baseUrl: GATEWAY, kind: 'rest', restPath: 'sent?per_page=20' },
        { name: 'baseline /sent', baseUrl: BASELINE, kind: 'rest', restPath: 'sent?per_page=20' },
        { name: 'REST /received', baseUrl: GATEWAY, kind: 'rest', restPath: 'received?per_page=20' },
        { name: 'baseline /received', baseUrl: BASELINE, kind: 'rest', restPath: 'received?per_page=20' },
      ];
      const summary = await measure(targets, users, token);
      const get = (name: string) => summary.get(name) as TargetSummary;
      const baseRate = get('baseline /active').requestsPerSecond;
      process.stdout.write(`  fixed rate: ${(baseRate / 2).toFixed(0)} req/s (half the baseline's maximum)\n`);
      const fixed = await measure(
        targets
          .slice(0, 3)
          .map((t) => ({ ...t, name: `${t.name} @ half load`, rate: Math.max(1, Math.round(baseRate / 2)) })),
        users,
        token,
      );
      const { rows: listed } = await client.query<{ client_user_id: string }>(
        `select u.client_user_id from users u where u.tenant = $1 and u.connection_count >= 20
           and (select count(*) from connection_requests where sender_id = u.id) >= 20
           and (select count(*) from connection_requests where receiver_id = u.id) >= 20 limit 1`,
        [TENANT],
      );
      const statements = await countStatements({
        databaseUrl,
        jwtSecret: JWT_SECRET,
        token,
        user: listed[0]?.client_user_id ?? (users[0] as string),
        small: 2,
        large: 20,
        graphqlQuery: ACTIVE_QUERY,
      });
      const ratio = (a: string, b: string) => get(a).requestsPerSecond / get(b).requestsPerSecond;
      const p99Ratio = (a: string) =>
        (fixed.get(`${a} @ half load`) as TargetSummary).p99Ms /
        Math.max(1, (fixed.get('baseline /active @ half load') as TargetSummary).p99Ms);
      reports.push({
        scenario: 'read',
        description:
          'Read path: activeConnections page of 20 with user names (GraphQL and REST), sent and received lists',
        targets: [...summary.values(), ...fixed.values()],
        checks: [
          atLeast('GraphQL throughput / baseline', ratio('GraphQL activeConnections', 'baseline /active'), 0.8),
          atLeast('REST /active throughput / baseline', ratio('REST /active', 'baseline /active'), 0.9),
          atLeast('REST /sent throughput / baseline', ratio('REST /sent', 'baseline /sent'), 0.9),
          atLeast('REST /received throughput / baseline', ratio('REST /received', 'baseline /received'), 0.9),
          atMost('GraphQL p99 / baseline p99 at half load', p99Ratio('GraphQL activeConnections'), 1.5),
          atMost('REST p99 / baseline p99 at half load', p99Ratio('REST /active'), 1.5),
          ...statements.map(({ operation, small, large }) => ({
            what: `${operation}: SQL statements for a page of 20 / a page of 2 (${large} / ${small})`,
            value: large / small,
            target: '= 1 (constant)',
            met: large === small,
          })),
        ],
      });
    }

    if (scenarios.includes('peers')) {
      reports.push(await peersScenario({ client, users, token, gateway, baseline, env: baselineEnv }));
    }

    if (scenarios.includes('cost')) {
      // Below every target's maximum, so each is measured at the same work per second.
      const rate = smoke ? 50 : 300;
      const plan = { users, token, connections };
      reports.push(
        await runCost({
          rate,
          durationSeconds: smoke ? 1 : 2 * duration,
          load,
          waitFor,
          log: (line) => process.stdout.write(`${line}\n`),
          targets: [
            {
              name: 'GraphQL activeConnections',
              script: GATEWAY_MAIN,
              env: gatewayEnv,
              port: 4105,
              plan: { ...plan, kind: 'graphql', query: ACTIVE_QUERY, variables: { perPage: 20 } },
            },
            {
              name: 'REST /active',
              script: GATEWAY_MAIN,
              env: gatewayEnv,
              port: 4105,
              plan: { ...plan, kind: 'rest', restPath: 'active?per_page=20' },
            },
            {
              name: 'baseline /active',
              script: 'bench/baseline-server.ts',
              env: baselineEnv,
              port: 4106,
              plan: { ...plan, kind: 'rest', restPath: 'active?per_page=20' },
            },
          ],
        }),
      );
    }

    if (scenarios.includes('write')) {
      const writers = await prepareWriters(client);
      const reset = () => resetWrites(client);
      // Every request as its path's user, with that user's own token, as game clients write.
      const asUsers = { jwtSecret: JWT_SECRET, tenants: WRITE_TENANTS };
      process.stdout.write(
        `write path: send → accept → list → remove cycles among ${writers.length} users of ${WRITE_TENANTS.length} tenants, each as itself\n`,
      );
      // The gateway as production runs it: every rate budget at its default (the environment
      // sets none), counted in PostgreSQL and in Redis. Each write draws on its user's budgets
      // and its tenant's, none of which this load uses up: what shows is their counting.
      const defaults = Object.fromEntries(Object.entries(gatewayEnv).filter(([name]) => !(name in NO_RATE_LIMITS)));
      const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
      const others = [
        start('gateway (budgets in PostgreSQL)', [GATEWAY_MAIN], { ...defaults, PORT: '4103' }),
        start('gateway (budgets in Redis)', [GATEWAY_MAIN], {
          ...defaults,
          PORT: '4104',
          REDIS_URL: redisUrl,
          REDIS_KEY_PREFIX: `bench-write:${process.pid}:`,
          // Presence as the other gateways keep it: only the budgets move to Redis.
          PRESENCE_STORE: 'postgres',
        }),
        // Budgets off, live events through Redis: an outbox row in each writing transaction
        // and a PUBLISH after it, instead of NOTIFY.
        start('gateway (events through Redis)', [GATEWAY_MAIN], {
          ...gatewayEnv,
          PORT: '4107',
          LIVE_TRANSPORT: 'redis',
          REDIS_URL: redisUrl,
          REDIS_KEY_PREFIX: `bench-write-live:${process.pid}:`,
          PRESENCE_STORE: 'postgres',
        }),
      ];
      const AT_DEFAULTS = 'gateway write cycle, budgets at defaults';
      const AT_DEFAULTS_REDIS = 'gateway write cycle, budgets at defaults in Redis';
      const BUDGETS_OFF = 'gateway write cycle, budgets off';
      const EVENTS_REDIS = 'gateway write cycle, budgets off, events through Redis';
      const BASELINE_CYCLE = 'baseline write cycle';
      let summary: Map<string, TargetSummary>;
      try {
        await waitFor('http://127.0.0.1:4103/healthz');
        await waitFor('http://127.0.0.1:4104/healthz');
        await waitFor('http://127.0.0.1:4107/healthz');
        const cycle = { kind: 'write-cycle' as const, prepare: reset, asUsers };
        const pidOf = (child: ChildProcess | undefined) => (child?.pid === undefined ? {} : { pid: child.pid });
        summary = await measure(
          [
            { name: AT_DEFAULTS, baseUrl: 'http://127.0.0.1:4103', ...cycle, ...pidOf(others[0]) },
            { name: AT_DEFAULTS_REDIS, baseUrl: 'http://127.0.0.1:4104', ...cycle, ...pidOf(others[1]) },
            { name: BUDGETS_OFF, baseUrl: GATEWAY, ...cycle, ...pidOf(gateway) },
            { name: EVENTS_REDIS, baseUrl: 'http://127.0.0.1:4107', ...cycle, ...pidOf(others[2]) },
            { name: BASELINE_CYCLE, baseUrl: BASELINE, ...cycle, ...pidOf(baseline) },
          ],
          writers,
          token,
        );
      } finally {
        for (const server of others) server.kill('SIGTERM');
      }
      const get = (name: string) => summary.get(name) as TargetSummary;
      const ratioOf = (name: string) => get(name).requestsPerSecond / get(BASELINE_CYCLE).requestsPerSecond;
      const shown = (what: string, value: number) => ({ what, value, target: 'none', met: true });
      reports.push({
        scenario: 'write',
        description: `Write path: each connection repeats send → accept → list its newest connection → remove between random users of its own share (REST; each write one transaction with its notifications and NOTIFY), every request as its path's user with that user's own token (${WRITERS.toLocaleString('en-US')} players in ${WRITE_TENANTS.length} tenants, so that no default budget runs out); req/s counts all four requests. The gateway as production runs it, every rate budget at its default (each write counted against its user's budgets and its tenant's), counted in PostgreSQL and in Redis (REDIS_URL); then with the budgets off, with events by NOTIFY and through Redis (LIVE_TRANSPORT=redis: an outbox row per event, PUBLISH after commit); against the baseline, which runs the same write statements and counts no budget. CPU is each server process's per request (/proc)`,
        targets: [...summary.values()],
        checks: [
          atLeast('gateway with budgets at defaults (PostgreSQL), throughput / baseline', ratioOf(AT_DEFAULTS), 0.75),
          shown('gateway with budgets at defaults in Redis, throughput / baseline', ratioOf(AT_DEFAULTS_REDIS)),
          shown('gateway with budgets off, throughput / baseline', ratioOf(BUDGETS_OFF)),
          shown('gateway with budgets off and live events through Redis, throughput / baseline', ratioOf(EVENTS_REDIS)),
          ...[AT_DEFAULTS, AT_DEFAULTS_REDIS, BUDGETS_OFF, EVENTS_REDIS].map((name) => ({
            what: `errors (non-2xx, 429 included, or failed requests), ${name}`,
            value: get(name).errors,
            target: '= 0',
            met: get(name).errors === 0,
          })),
        ],
      });
    }

    if (scenarios.includes('scale')) reports.push(await scaleScenario(token));

    // The socket scenarios start their own gateway and bare ws server (bench/sockets/).
    const log = (line: string) => process.stdout.write(`${line}\n`);
    if (scenarios.includes('fanout')) {
      // At the issue's 1,000/s, and at 250/s: this 2-core machine commits only about 550
      // notifications/s (bench/CHANGES.md), so the lower rate shows the gateway unsaturated.
      for (const rate of smoke ? [50] : [1_000, 250]) {
        reports.push(
          await runFanout({
            rounds,
            durationSeconds: duration,
            log,
            rate,
            ...(smoke && { subscribers: 200, warmupSeconds: 1, drainSeconds: 2 }),
          }),
        );
      }
    }
    if (scenarios.includes('idle')) {
      reports.push(await runIdle({ rounds, log, ...(smoke && { subscribers: 200, warmupSubscribers: 50 }) }));
    }
    if (scenarios.includes('presence')) {
      // Its own tenant of friends and its own gateways, two per presence store. At the issue's
      // size in one round (connecting 10,000 users takes minutes, and 200 changes/s saturate this
      // 2-core machine, bare ws included: bench/README.md), then at a size and rate it sustains.
      const sizes = smoke
        ? [{ users: 200, friends: 10, rate: 20, warmupSeconds: 0, warmupUsers: 0, drainSeconds: 2, batch: 100 }]
        : [{ rounds: 1 }, PRESENCE_SUSTAINED];
      for (const size of sizes) reports.push(await runPresence({ rounds, durationSeconds: duration, log, ...size }));
    }

    if (scenarios.includes('search')) {
      // Its own database of a million players, built on the first run and kept (bench/search.ts).
      reports.push(await runSearch({ users: smoke ? 20_000 : 1_000_000, queries: smoke ? 20 : 300, log }));
    }

    if (scenarios.includes('depth')) {
      const hub = dataset.hubs?.[0] as { tenant: string; clientUserId: string; connections: number } | undefined;
      if (!hub) throw new Error(`${args.dataset} names no hub user; run npm run bench:data`);
      const hubToken = await signToken(secretKey(JWT_SECRET), {
        sub: 'bench',
        tenant: hub.tenant,
        role: 'service',
        expiresIn: '2h',
      });
      const ids = await publicIdsOf(client);
      const depth = Math.min(50_000, hub.connections - 40);
      // pg hands bigint columns over as strings.
      const { rows: deepRows } = await client.query<{ created_at: Date; connection_id: string }>(
        `select e.created_at, e.connection_id from connection_edges e join users u on u.id = e.user_id
         where u.tenant = $1 and u.client_user_id = $2 order by e.created_at desc, e.connection_id desc offset $3 limit 1`,
        [hub.tenant, hub.clientUserId, depth],
      );
      const deep = deepRows[0] as { created_at: Date; connection_id: string };
      const deepCursor = Buffer.from(
        `${deep.created_at.getTime()}:${ids.encode('cursor', Number(deep.connection_id))}`,
      ).toString('base64url');
      const small = users[0] as string;
      process.stdout.write(
        `depth: hub ${hub.clientUserId} with ${hub.connections} connections, deep position ${depth}\n`,
      );
      const hubUsers = [hub.clientUserId];
      const targets: Target[] = [
        { name: 'page 1 (page number)', baseUrl: GATEWAY, kind: 'rest', restPath: 'active?per_page=20&page=1' },
        {
          name: `page ${Math.floor(depth / 20)} (page number)`,
          baseUrl: GATEWAY,
          kind: 'rest',
          restPath: `active?per_page=20&page=${Math.floor(depth / 20)}`,
        },
        {
          name: 'first page (cursor)',
          baseUrl: GATEWAY,
          kind: 'graphql',
          query: ACTIVE_CURSOR_QUERY,
          variables: { first: 20 },
        },
        {
          name: `after position ${depth} (cursor)`,
          baseUrl: GATEWAY,
          kind: 'graphql',
          query: ACTIVE_CURSOR_QUERY,
          variables: { first: 20, after: deepCursor },
        },
        { name: `totalCount, ${hub.connections} connections`, baseUrl: GATEWAY, kind: 'graphql', query: COUNT_QUERY },
      ];
      const hubSummary = await measure(targets, hubUsers, hubToken);
      const smallSummary = await measure(
        [
          {
            name: 'totalCount, a user with tens of connections',
            baseUrl: GATEWAY,
            kind: 'graphql',
            query: COUNT_QUERY,
          },
        ],
        [small],
        token,
      );
      const get = (name: string) => (hubSummary.get(name) ?? smallSummary.get(name)) as TargetSummary;
      const cursorRatio =
        get(`after position ${depth} (cursor)`).p50Ms / Math.max(0.5, get('first page (cursor)').p50Ms);
      const offsetRatio =
        get(`page ${Math.floor(depth / 20)} (page number)`).p50Ms / Math.max(0.5, get('page 1 (page number)').p50Ms);
      const countRatio =
        get(`totalCount, ${hub.connections} connections`).p50Ms /
        Math.max(0.5, get('totalCount, a user with tens of connections').p50Ms);
      reports.push({
        scenario: 'depth',
        description: `Depth: a user with ${hub.connections} connections, page 1 against position ${depth}, by page number and by cursor; totalCount cost`,
        targets: [...hubSummary.values(), ...smallSummary.values()],
        checks: [
          atMost('deep cursor page p50 / first page p50', cursorRatio, 1.5),
          {
            what: 'deep page-number page p50 / page 1 p50 (for comparison)',
            value: offsetRatio,
            target: 'none',
            met: true,
          },
          atMost(`totalCount p50, ${hub.connections} vs tens of connections`, countRatio, 1.2, '<= 1.2 (no scan)'),
        ],
      });
    }
  } finally {
    gateway.kill('SIGTERM');
    baseline.kill('SIGTERM');
    await client.end();
  }

  const meta = {
    date: new Date().toISOString(),
    machine,
    dataset,
    rounds,
    durationSeconds: duration,
    connections,
    smoke,
  };
  // A smoke run only checks the harness: it leaves the committed results alone.
  if (smoke) {
    // No thresholds, but a harness whose requests fail is broken.
    const failing = reports.flatMap((r) => r.targets.filter((t) => t.errors > 0).map((t) => `${t.name}: ${t.errors}`));
    if (failing.length > 0) throw new Error(`smoke run: requests failed (${failing.join(', ')})`);
    process.stdout.write('smoke run done (no results written)\n');
    return;
  }
  for (const report of reports) {
    writeFileSync(`bench/results/${report.scenario}.json`, `${JSON.stringify({ ...meta, ...report }, null, 2)}\n`);
  }
  // The report covers every scenario's latest results, also those not rerun this time.
  renderOnly();
  process.stdout.write('wrote bench/results/README.md\n');
}

/** Re-renders results/README.md from the committed JSON results (after editing CHANGES.md). */
function renderOnly() {
  const presence = ['presence', presenceScenario(PRESENCE_SUSTAINED)];
  const scenarios = [
    'read',
    'peers',
    'cost',
    'depth',
    'write',
    'scale',
    'fanout',
    'fanout-250',
    'idle',
    ...presence,
    'search',
  ];
  const reports = scenarios.flatMap((scenario) => {
    try {
      return [
        JSON.parse(readFileSync(`bench/results/${scenario}.json`, 'utf8')) as ScenarioReport & Record<string, unknown>,
      ];
    } catch {
      return [];
    }
  });
  const meta = reports[0] ?? {};
  writeFileSync('bench/results/README.md', renderReport(meta, reports, readFileSync('bench/CHANGES.md', 'utf8')));
}

if (args['report-only']) renderOnly();
else
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
