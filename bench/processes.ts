/**
 * What the scenarios that start servers share: the gateway as production runs it, the
 * environment that switches the rate budgets off, waiting for a server to answer, and one load
 * run in a process of its own (bench/load.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { LoadPlan, LoadResult } from './load.js';

/**
 * The gateway's entry point as production starts it (`npm run build && npm run start:prod`):
 * JavaScript compiled by tsc. Not `src/main.ts` through tsx: tsx's esbuild keeps function names
 * by wrapping every named closure in `__name(...)`, which redefines the closure's `name` and so
 * gives it a property array of its own. Closures made per request and per subscriber thus cost
 * CPU, and about 4 KB per idle subscriber (17 closures of 256 bytes each, heap snapshot in
 * bench/CHANGES.md), that production does not spend.
 */
export const GATEWAY_MAIN = 'dist/src/main.js';

const built = new Set<string>();

/** Compiles the gateway of `checkout` (this one by default) into its `dist/`, once per benchmark process. */
export function buildGateway(checkout = '.'): void {
  const root = resolve(checkout);
  if (built.has(root)) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 2, 'inherit'] });
  built.add(root);
}

/**
 * The load generator is one client hammering as fast as the server answers: the per-user and
 * per-tenant rate budgets would measure the limiter, not the capacity. (Counting them costs one
 * upsert per write; the baseline has no such statement.)
 */
/**
 * How node runs a server's script: the gateway's build (`.js`) as production runs it, plain
 * `node` (as `npm run start:prod`); the benchmark's own TypeScript servers through tsx.
 */
export function nodeArgsFor(script: string): string[] {
  return script.endsWith('.js') ? [script] : ['--import', 'tsx', script];
}

export const NO_RATE_LIMITS = {
  RATE_LIMIT_USER_WRITES: '0',
  RATE_LIMIT_USER_SENDS: '0',
  RATE_LIMIT_TENANT_WRITES: '0',
  RATE_LIMIT_SERVICE_WRITES: '0',
  RATE_LIMIT_USER_SUBSCRIBES: '0',
  RATE_LIMIT_USER_READ_COST: '0',
};

/** Resolves once `url` answers at all; throws after about 20 s. */
export async function waitFor(url: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} did not come up`);
}

/** One load run (bench/load.ts) in a process of its own, so it shares no event loop with a server. */
export function load(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', JSON.stringify(plan)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`load exited ${code}`))));
  });
}
