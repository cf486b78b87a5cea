/**
 * The socket benchmarks run each part (gateway, bare ws server, subscriber fleet, producer) in
 * a process of its own, so that none of them steals the event loop of another, and drive them
 * over Node's IPC channel with a minimal request/response protocol.
 */
import { type ChildProcess, spawn } from 'node:child_process';

type Handler = (payload: any) => unknown;

const STOP_TIMEOUT_MS = 5_000;

interface Request {
  id: number;
  type: string;
  payload?: unknown;
}

type Response = { id: number; result: unknown } | { id: number; error: string } | { ready: true };

/**
 * Child side: answers the parent's requests with `handlers`, then tells the parent it is
 * ready. The child exits when the parent goes away, so an interrupted run leaves no
 * orphaned servers holding 10,000 sockets.
 */
export function serve(handlers: Record<string, Handler>): void {
  const send = (message: Response) => process.send?.(message);
  process.on('message', async (request: Request) => {
    const handler = handlers[request.type];
    try {
      if (!handler) throw new Error(`unknown request ${request.type}`);
      send({ id: request.id, result: (await handler(request.payload)) ?? null });
    } catch (error) {
      send({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}

export interface WorkerOptions {
  env?: Record<string, string>;
  /** Flags for node itself, e.g. `--expose-gc`. */
  nodeArgs?: string[];
  /** Open file descriptors the process needs (one per socket, plus some). */
  fileDescriptors?: number;
}

/** Parent side: a child process started by `startWorker`, answering `call`s. */
export class Worker {
  #next = 0;
  readonly #pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.on('message', (message: Response) => {
      if ('ready' in message) return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if ('error' in message) pending?.reject(new Error(`${name}: ${message.error}`));
      else pending?.resolve(message.result);
    });
    child.on('exit', (code, signal) => {
      for (const pending of this.#pending.values()) pending.reject(new Error(`${name} exited (${code ?? signal})`));
      this.#pending.clear();
    });
  }

  call<T>(type: string, payload?: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = this.#next++;
      this.#pending.set(id, { resolve, reject });
      this.child.send({ id, type, payload } satisfies Request);
    });
  }

  /**
   * Closes the IPC channel, on which the child exits normally (so that `--cpu-prof` gets
   * written), and waits until it has; SIGTERM if it is still there after a few seconds.
   */
  stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.child.kill('SIGTERM'), STOP_TIMEOUT_MS);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.child.disconnect();
    });
  }
}

/**
 * Starts `script` under tsx in a process of its own and resolves once it has called `serve`.
 * Its stdout goes to our stderr: a standalone scenario prints only its report on stdout.
 * The descriptor limit is raised through the shell (`ulimit -n`) as far as the hard limit
 * allows; a process that would still get fewer than it needs fails here, with the reason.
 */
export function startWorker(name: string, script: string, options: WorkerOptions = {}): Promise<Worker> {
  const want = options.fileDescriptors ?? 1024;
  const shell = `ulimit -n ${want} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; [ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge ${want} ] || { echo "${name}: needs ${want} open files, the limit is $(ulimit -n)" >&2; exit 3; }; exec "$0" "$@"`;
  const child = spawn('sh', ['-c', shell, process.execPath, ...(options.nodeArgs ?? []), '--import', 'tsx', script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const failed = (code: number | null) => reject(new Error(`${name} exited with ${code} before it was ready`));
    child.once('exit', failed);
    child.once('error', reject);
    child.on('message', function ready(message: Response) {
      if (!('ready' in message)) return;
      child.off('message', ready);
      child.off('exit', failed);
      resolve(new Worker(name, child));
    });
  });
}
