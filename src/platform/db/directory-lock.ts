import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'gateway.lock';

/** Another live process has the embedded database directory open. */
export class DirectoryInUseError extends Error {
  override readonly name = 'DirectoryInUseError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded database directory for this process. PGlite keeps the whole database in
 * one process's memory and writes it back on its own schedule, so a second process on the
 * same files (a seed or migration while the server runs) would silently lose writes. Throws
 * `DirectoryInUseError` while another live process holds it; a lock left by a dead process is
 * taken over. Returns the function that releases it.
 */
export function lockDirectory(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DirectoryInUseError(
          `The embedded database in ${dir} is in use by process ${holder}. Stop it first, or set PGLITE_DIR (or DATABASE_URL) to use another database.`,
        );
      }
      unlinkSync(path);
    }
  }
  throw new DirectoryInUseError(`Could not take the lock on ${path}`);
}
