import { type ChildProcess, spawn } from 'node:child_process';

/** Runs `npm start`'s entry point as a real process with the given environment. */
export function startServer(env: Record<string, string>): ChildProcess {
  const clean = { ...process.env };
  for (const name of ['JWT_SECRET', 'DATABASE_URL', 'NODE_ENV', 'PGLITE_DIR', 'PORT']) delete clean[name];
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...clean, PGLITE_DIR: 'memory://', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Everything the process has printed so far, on either stream. */
export function collect(child: ChildProcess): () => string {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return () => output;
}

/** Resolves with the server's base URL once its "listening" line appears. */
export function listeningUrl(child: ChildProcess, output: () => string, timeoutMs = 50_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line in: ${output()}`)), timeoutMs);
    const check = () => {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output());
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve(match[1]);
    };
    child.stdout?.on('data', check);
    check();
  });
}

/** Resolves with the exit code (or the signal that ended the process). */
export function exited(child: ChildProcess): Promise<number | NodeJS.Signals | null> {
  // Already gone: 'exit' has fired and will not fire again.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
}
