import { fstatSync, writeSync } from 'node:fs';

/** The members of `process.stdout` that commands use. */
export interface Stdout {
  readonly isTTY?: boolean;
  readonly columns?: number;
  readonly rows?: number;
  getColorDepth?(env?: NodeJS.ProcessEnv): number;
  write(chunk: Uint8Array | string): unknown;
  /** Bytes handed to `write` and not yet written: what `Output` cannot reuse its buffer for. */
  readonly writableLength: number;
}

const STDOUT = 1;
/** How long a write waits for a full pipe that does not block to take more. */
const FULL_PIPE_WAIT_MS = 1;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * A pipe or a file, written with system calls that return once the bytes are written, as a
 * terminal is. `process.stdout` makes a pipe a socket that Node writes without blocking: a listing
 * written in one go waited in memory for its reader, and `list` set the socket to block (at
 * 100,000 items `list --json` had queued all of its 20 MB). Its first use also loaded Node's
 * streams and sockets: 1.6 ms of a warm `list --json` at 10,000 items (paired runs).
 */
class DescriptorOutput implements Stdout {
  readonly writableLength = 0;
  #closed = false;

  write(chunk: Uint8Array | string): boolean {
    if (this.#closed) return false;
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (let at = 0; at < bytes.length;) {
      try {
        at += writeSync(STDOUT, bytes, at, bytes.length - at);
      } catch (error) {
        const { code } = error as NodeJS.ErrnoException;
        // A pipe another program set not to block (the setting is the pipe's, shared by both
        // ends): full, it refuses until its reader takes some.
        if (code === 'EAGAIN') Atomics.wait(sleeper, 0, 0, FULL_PIPE_WAIT_MS);
        // `read list | head` closes the pipe before the list is printed: the reader chose to stop,
        // which is no error. The rest is dropped and the command finishes as it would (locks released).
        else if (code === 'EPIPE') {
          this.#closed = true;
          return false;
        } else throw error;
      }
    }
    return true;
  }
}

let stdout: Stdout | undefined;

/**
 * Where commands print: what `printTo` gave, or standard output, a pipe or a file written directly
 * (see `DescriptorOutput`), anything else (a terminal) through `process.stdout`.
 */
export function standardOutput(): Stdout {
  stdout ??= printsToPipeOrFile() ? new DescriptorOutput() : terminal();
  return stdout;
}

/**
 * Whether what commands printed is still on its way: only `process.stdout` (a terminal) can hold
 * any. Asked without making it: made, it would load Node's streams in runs that never used it.
 */
export function stillPrinting(): boolean {
  return (stdout?.writableLength ?? 0) > 0;
}

/** Commands print to `sink` from now on: for a program that runs `main` in its own process. */
export function printTo(sink: Stdout): void {
  stdout = sink;
}

function printsToPipeOrFile(): boolean {
  try {
    const stat = fstatSync(STDOUT);
    return stat.isFIFO() || stat.isSocket() || stat.isFile();
  } catch {
    return false;
  }
}

function terminal(): NodeJS.WriteStream {
  // As for a pipe above: a reader that stops reading is no error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
  return process.stdout;
}
