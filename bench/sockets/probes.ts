/**
 * What the benchmark workers answer over IPC about themselves: CPU time used so far, a CPU
 * profile of a chosen window (the inspector's profiler, started and stopped on request, so a
 * profile shows the measured round, not start-up and connecting), and (the servers under
 * test, run with `node --expose-gc`) memory after a full collection, so that RSS and heap
 * reflect what the sockets hold, not what the collector has not got round to yet.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { PerformanceObserver } from 'node:perf_hooks';
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

export interface GcPauses {
  count: number;
  totalMs: number;
  maxMs: number;
}

/**
 * Starts recording garbage-collection pauses (every pause stops the event loop, so they show
 * in delivery latency) and returns the request that reports and resets them.
 */
export function gcPauseProbe() {
  let pauses: GcPauses = { count: 0, totalMs: 0, maxMs: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      pauses.count++;
      pauses.totalMs += entry.duration;
      pauses.maxMs = Math.max(pauses.maxMs, entry.duration);
    }
  }).observe({ entryTypes: ['gc'] });
  return {
    'gc-pauses': (): GcPauses => {
      const result = pauses;
      pauses = { count: 0, totalMs: 0, maxMs: 0 };
      return result;
    },
  };
}

let profiler: Session | undefined;

export const profileProbes = {
  'profile-start': async (): Promise<void> => {
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
  },
  /** Stops the profile and writes it where `file` says (open it in Chrome DevTools); returns the path. */
  'profile-stop': async (payload: { file: string }): Promise<string> => {
    if (!profiler) throw new Error('no profile was started');
    const { profile } = await profiler.post('Profiler.stop');
    profiler.disconnect();
    profiler = undefined;
    await writeFile(payload.file, JSON.stringify(profile));
    return payload.file;
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
