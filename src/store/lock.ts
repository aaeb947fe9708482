import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { UserError } from '../errors.js';

// Another read holds the lock for well under a second; a minute covers a busy machine and many writers.
const WAIT_MS = 60_000;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Holds `<file>.lock`, created exclusively with our pid in it, while `work` runs. Another `read`
 * holding it is waited for; a lock whose process is gone is reported, never silently broken: the
 * edit it was making may be half done.
 */
export async function withLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + WAIT_MS;
  let delay = 5;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new UserError(`cannot lock ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)} (is the folder writable?)`);
      }
    }
    const holder = lockHolder(lockPath);
    // A holder lets go before it exits: one found dead whose lock is gone (or already another's) by
    // now had just finished, and the lock is free. Only a lock that still names it after its death
    // was left behind. (Seen once in ten dones at once, after runs began to exit sooner.)
    if (holder !== null && !alive(holder) && lockHolder(lockPath) === holder) {
      throw new UserError(`${lockPath} was left by process ${holder}, which is no longer running.\nIf no read is running, remove it: rm '${lockPath}'`);
    }
    if (Date.now() > deadline) throw new UserError(`${path} stayed locked by process ${holder ?? '?'} for ${WAIT_MS / 1000} s; try again.`);
    sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 100);
  }
  try {
    return await work();
  } finally {
    try {
      unlinkSync(lockPath);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function lockHolder(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
