import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `npm start`'s entry point as a real process with the given environment. */
function startServer(env: Record<string, string>): ChildProcess {
  const clean = { ...process.env };
  for (const name of ['JWT_SECRET', 'DATABASE_URL', 'NODE_ENV', 'PGLITE_DIR', 'PORT']) delete clean[name];
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...clean, PGLITE_DIR: 'memory://', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess) {
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return () => output;
}

describe('server start-up', () => {
  it('should refuse to start in production without JWT_SECRET, saying why', async () => {
    const child = startServer({ NODE_ENV: 'production' });
    const output = collect(child);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).toBe(1);
    expect(output()).toContain('JWT_SECRET is required when NODE_ENV=production');
  });

  it('should report every bad setting at once', async () => {
    const child = startServer({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    const output = collect(child);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    expect(code).toBe(1);
    expect(output()).toContain("PORT must be an integer from 0 to 65535 (got 'eighty')");
    expect(output()).toContain("LOG_LEVEL must be debug, info, warn, error or silent (got 'loud')");
    expect(output()).toContain('DATABASE_URL must start with postgres:// or postgresql://');
  });

  it('should start on the development secret outside production and warn loudly about it', async () => {
    const child = startServer({ NODE_ENV: 'development' });
    const output = collect(child);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line in: ${output()}`)), 20_000);
        child.stdout?.on('data', () => {
          const match = /"url":"(http:\/\/[^"]+)"/.exec(output());
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      expect(output()).toMatch(/"level":"warn".*JWT_SECRET is not set: using the built-in DEVELOPMENT secret/);
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
