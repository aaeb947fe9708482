/** The part of a stream that `Output` writes to: standard output (see stdout.ts), or any Writable. */
export interface ByteSink {
  write(chunk: Uint8Array | string): unknown;
  readonly writableLength: number;
}

/** Bytes gathered before a write: a few system calls for a long list, and a buffer that stays small. */
const CHUNK_BYTES = 64 * 1024;
/** UTF-8 takes at most three bytes for a UTF-16 code unit (four for a pair of two). */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Output taken as many strings and written as a few large pieces of bytes, encoded into one buffer
 * that is used again. At 10,000 items, `list --json` handed the stream 2 MB as twenty long strings:
 * V8 builds a long JSON.stringify result as a rope, which was copied flat to be sliced and again
 * to be encoded, and each write got new memory for its bytes. Written item by item into this
 * buffer, the run took 161 ms, not 181. A string longer than the buffer holds goes in a buffer's
 * worth at a time too: handed to the stream whole, each was encoded into fresh memory (`list
 * --json` of 100,000 items in batches of 256 took 310 ms and 149 MiB, not 275 ms and 113 MiB). A
 * stream that cannot write the buffer at once keeps it (a slow pipe, on a system where pipes are
 * asynchronous): the next bytes then go to a new buffer.
 */
export class Output {
  #buffer: Buffer;
  #used = 0;

  constructor(private readonly stream: ByteSink, private readonly chunkBytes = CHUNK_BYTES) {
    // Room for a surrogate pair at least, which is never cut in two.
    if (chunkBytes < 2 * MAX_BYTES_PER_UNIT) throw new RangeError(`an output buffer of ${chunkBytes} bytes is too small`);
    this.#buffer = Buffer.allocUnsafeSlow(chunkBytes);
  }

  readonly write = (text: string): void => {
    let rest = text;
    while (rest.length * MAX_BYTES_PER_UNIT > this.#buffer.length - this.#used) {
      this.flush();
      if (rest.length * MAX_BYTES_PER_UNIT <= this.#buffer.length) break;
      // A buffer's worth, short of half a surrogate pair at its end: each half would be written as U+FFFD.
      const units = Math.floor(this.#buffer.length / MAX_BYTES_PER_UNIT);
      const end = isHighSurrogate(rest.charCodeAt(units - 1)) ? units - 1 : units;
      this.#used = this.#buffer.write(rest.slice(0, end));
      rest = rest.slice(end);
    }
    this.#used += this.#buffer.write(rest, this.#used);
  };

  /** Bytes written as they are: UTF-8 made elsewhere (store/month-json.ts). Copied, so that the caller may use them again. */
  readonly writeBytes = (bytes: Uint8Array): void => {
    for (let at = 0; at < bytes.length;) {
      if (this.#used === this.#buffer.length) this.flush();
      const end = Math.min(bytes.length, at + this.#buffer.length - this.#used);
      this.#buffer.set(bytes.subarray(at, end), this.#used);
      this.#used += end - at;
      at = end;
    }
  };

  /** Hands the stream what is gathered. The caller flushes when it has written everything. */
  flush(): void {
    if (this.#used === 0) return;
    this.stream.write(this.#buffer.subarray(0, this.#used));
    this.#used = 0;
    if (this.stream.writableLength > 0) this.#buffer = Buffer.allocUnsafeSlow(this.chunkBytes);
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}
