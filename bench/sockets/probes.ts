/**
 * What the benchmark workers answer over IPC about themselves: CPU time used so far, and (the
 * servers under test, run with `node --expose-gc`) memory after a full collection, so that RSS
 * and heap reflect what the sockets hold, not what the collector has not got round to yet.
 */
import { setImmediate } from 'node:timers/promises';
import { writeHeapSnapshot } from 'node:v8';

export interface MemorySample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start the server with node --expose-gc');
  // Weak references and finalizers are cleared only by a later collection: collect a few
  // times, letting their callbacks run in between.
  for (let i = 0; i < 3; i++) {
    gc();
    await setImmediate();
  }
}

export const cpuProbe = {
  /** User + system CPU time of this process so far, in ms. */
  'cpu-ms': (): number => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  },
};

export const memoryProbes = {
  'gc-and-measure': async (): Promise<MemorySample> => {
    await collectGarbage();
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    return { rss, heapUsed, heapTotal, external, arrayBuffers };
  },
  /** Writes a heap snapshot (for a look at what one socket holds); returns its path. */
  'heap-snapshot': async (payload: { file: string }): Promise<string> => {
    await collectGarbage();
    return writeHeapSnapshot(payload.file);
  },
};
