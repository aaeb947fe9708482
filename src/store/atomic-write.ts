import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../errors.js';

/** write(2) may write less than it was given (a disk filling up): a short temp file must never be renamed into place. */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) {
    const written = writeSync(fd, bytes, at, bytes.length - at);
    if (written <= 0) throw new Error('the disk took no more bytes');
    at += written;
  }
}

/**
 * Replaces the file in one step: a temp file in the same folder, written and synced, renamed over
 * the original with its mode. A crash at any point leaves either the old file or the new one.
 */
export function writeAtomically(path: string, pieces: readonly Uint8Array[], mode: number): void {
  if ((mode & 0o222) === 0) throw new UserError(`${path} is read-only; read leaves it as it is.`);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let written = false;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      fchmodSync(fd, mode & 0o7777);
      for (const piece of pieces) writeAll(fd, piece);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    // The crash test's way to die at the worst moment: synced temp file, rename not yet done.
    if (process.env.READ_FAULT === 'before-rename') process.kill(process.pid, 'SIGKILL');
    renameSync(temp, path);
    written = true;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}; the file is unchanged.`);
  } finally {
    if (!written) {
      try {
        unlinkSync(temp);
      } catch {
        // Never created.
      }
    }
  }
}
