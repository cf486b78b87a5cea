import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, listeningUrl, startServer } from './helpers/process.js';

describe('server start-up', { timeout: 60_000 }, () => {
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
      const url = await listeningUrl(child, output);
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

describe('embedded database directory', { timeout: 60_000 }, () => {
  it('should refuse a second process on a directory the server has open, instead of losing writes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uc-lock-'));
    const server = startServer({ PGLITE_DIR: dir });
    const serverOutput = collect(server);
    try {
      await listeningUrl(server, serverOutput);

      const migrate = spawn(process.execPath, ['--import', 'tsx', 'src/scripts/migrate.ts'], {
        env: { ...process.env, PGLITE_DIR: dir, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const migrateOutput = collect(migrate);
      const code = await new Promise<number | null>((resolve) => migrate.on('exit', resolve));

      expect(code).toBe(1);
      expect(migrateOutput()).toContain(`The embedded database in ${dir} is in use by process ${server.pid}`);
    } finally {
      const exited = new Promise((resolve) => server.on('exit', resolve));
      server.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
