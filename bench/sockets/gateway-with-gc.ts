/**
 * The gateway as `npm run start:prod` starts it (same configuration from the environment, same
 * buildApp, compiled by tsc), run as a benchmark worker: it also answers, over IPC, how many users have a live
 * subscription (the app's EventHub) and how many sockets are open (so a run knows when all
 * subscribers are in, or all gone), and its memory after a full GC (start it with
 * `node --expose-gc`). Nothing else differs from a production start.
 */
import { serve } from './ipc.js';
import { cpuProbe, gcPauseProbe, memoryProbes, profileProbes } from './probes.js';

// The app as production runs it, compiled by tsc into dist/ (built by the harness: see
// GATEWAY_MAIN in bench/processes.ts), not src/ through tsx.
const dist = (path: string) => new URL(`../../dist/src/${path}`, import.meta.url).href;
const { buildApp } = (await import(dist('app/build-app.js'))) as typeof import('../../src/app/build-app.js');
const { loadConfig } = (await import(dist('platform/config.js'))) as typeof import('../../src/platform/config.js');
const { createLogger } = (await import(dist('platform/logger.js'))) as typeof import('../../src/platform/logger.js');

const config = loadConfig();
if (!config.databaseUrl) throw new Error('the socket benchmarks need DATABASE_URL (a PostgreSQL server)');
const logger = createLogger(config.logLevel);

const app = await buildApp({ config, logger });
await app.start();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => app.stop().finally(() => process.exit(0)));
}

serve({
  stats: async () => ({
    subscribedUsers: app.hub.userCount,
    // Upgraded WebSockets stay counted by the HTTP server until they close.
    sockets: await new Promise<number>((resolve, reject) =>
      app.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    ),
  }),
  ...cpuProbe,
  ...memoryProbes,
  ...profileProbes,
  ...gcPauseProbe(),
});
