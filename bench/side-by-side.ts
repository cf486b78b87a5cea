/**
 * Two builds of the gateway measured at the same moment: both started on the same database, both
 * under the same fixed rate of the read scenario's GraphQL document (or a REST list) at once,
 * and each one's CPU per request read from /proc. On this shared 2-core machine rounds measured
 * one after the other move ±10 % with whatever else runs; measured side by side, two copies of one
 * build differ by 0.98 ± 0.03. This is how a change too small for `npm run bench` to resolve is
 * measured before it is kept (bench/CHANGES.md). Either server may also be a build's
 * `dist/src/main.js` (as production runs it) or a peer (`bench/peers/mercurius-server.ts`: the
 * gateway's CPU per request against Mercurius's at the same moment).
 *
 *   git worktree add /tmp/before <commit> && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/side-by-side.ts /tmp/before/src/main.ts src/main.ts \
 *     [--kind graphql|rest] [--rest-path sent?per_page=20] [--rate 300] [--duration 15] [--rounds 3]
 *
 * Prints each round's CPU per request, rate, p50 and p99 for both, and the ratio second / first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { secretKey, signToken } from '../src/platform/auth/jwt.js';
import { cpuMicros } from './cost.js';
import type { LoadPlan, LoadResult } from './load.js';
import { load, NO_RATE_LIMITS, waitFor } from './processes.js';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string', default: 'graphql' },
    rate: { type: 'string', default: '300' },
    duration: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '3' },
    // With --kind rest: the path under /v1/connections/:userId/ (active, sent or received).
    'rest-path': { type: 'string', default: 'active?per_page=20' },
  },
});
if (positionals.length !== 2) throw new Error('usage: side-by-side.ts <first main.ts> <second main.ts> [options]');
const scripts = positionals.map((script) => resolve(script));
const kind = args.kind === 'rest' ? 'rest' : 'graphql';
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench';
const JWT_SECRET = 'benchmark-secret-that-is-long-enough-for-hs256';
const TENANT = 'bench-0';
const QUERY = `query Active($userId: ID, $perPage: Int) {
  activeConnections(userId: $userId, perPage: $perPage) {
    __typename
    ... on ConnectionPage { nodes { id connectedSince connectedUser { clientUserId displayName } } pagination { totalItems } }
  }
}`;

/** As in `npm run bench`: production mode, logs at warn, the rate budgets off (see bench/run.ts). */
function startGateway(script: string, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // The peers (bench/peers/) read this one.
      BENCH_DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      NODE_ENV: 'production',
      JWT_SECRET,
      LOG_LEVEL: 'warn',
      DATABASE_POOL_MAX: '10',
      ...NO_RATE_LIMITS,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function main() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ client_user_id: string }>(
    'select client_user_id from users where tenant = $1 and connection_count between 10 and 200 limit 2000',
    [TENANT],
  );
  await client.end();
  const users = rows.map((row) => row.client_user_id);
  const token = await signToken(secretKey(JWT_SECRET), {
    sub: 'bench',
    tenant: TENANT,
    role: 'service',
    expiresIn: '2h',
  });
  const servers = scripts.map((script, index) => ({
    script,
    port: 4170 + index,
    child: startGateway(script, 4170 + index),
  }));
  try {
    for (const server of servers) await waitFor(`http://127.0.0.1:${server.port}/healthz`);
    const plan = (port: number, durationSeconds: number, rate?: number): LoadPlan => ({
      baseUrl: `http://127.0.0.1:${port}`,
      kind,
      restPath: args['rest-path'],
      query: QUERY,
      variables: { perPage: 20 },
      users,
      token,
      connections: 8,
      durationSeconds,
      ...(rate !== undefined && { rate }),
    });
    // Warm-up at full speed: compiled code, caches and pools as in the measured rounds.
    await Promise.all(servers.map((server) => load(plan(server.port, 3))));
    const ratios: number[] = [];
    for (let round = 1; round <= Number(args.rounds); round++) {
      const before = servers.map((server) => cpuMicros(server.child.pid as number));
      const results = await Promise.all(
        servers.map((server) => load(plan(server.port, Number(args.duration), Number(args.rate)))),
      );
      const cpu = servers.map(
        (server, i) =>
          (cpuMicros(server.child.pid as number) - (before[i] as number)) /
          Math.max(1, (results[i] as LoadResult).requests),
      );
      ratios.push((cpu[1] as number) / (cpu[0] as number));
      const line = servers.map((server, i) => {
        const result = results[i] as LoadResult;
        return `${server.script}: ${(cpu[i] as number).toFixed(0)} µs CPU/request, ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, non-2xx ${result.non2xx}`;
      });
      process.stdout.write(`round ${round}\n  ${line.join('\n  ')}\n  second / first: ${ratios.at(-1)?.toFixed(3)}\n`);
    }
    const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
    process.stdout.write(`CPU per request, second / first, mean of ${ratios.length} rounds: ${mean.toFixed(3)}\n`);
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
  }
}

await main();
