import { loadPopulation, TENANT, DEFAULT_DATABASE_URL } from './sockets/harness.js';
import { startWorker } from './sockets/ipc.js';
const pop = await loadPopulation(DEFAULT_DATABASE_URL, 1000);
const producer = await startWorker('producer', 'bench/sockets/producer.ts', { nodeArgs: process.argv[2] ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prodprof'] : [] });
const t0 = process.cpuUsage();
const r: any = await producer.call('run', { tenant: TENANT, recipients: pop.subscribers.map(({ id, user }) => ({ id, user })), others: pop.others, requestId: pop.requestId, rate: Number(process.env.RATE ?? 1000), durationSeconds: 5, hotShare: 0.2, hotUsers: 10, seed: 7 });
console.log({ committed: r.commits.length, seconds: r.seconds, rate: r.commits.length / r.seconds, failed: r.failed, maxInFlight: r.maxInFlight });
await producer.stop();
