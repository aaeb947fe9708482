import fc from 'fast-check';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Output } from '../src/commands/output.js';

/** A stream that records the bytes it is given: at once, or only on a later turn, holding them meanwhile. */
function recorder(later: boolean): { stream: Writable; bytes: () => Promise<Buffer>; writes: () => number[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!later) {
        chunks.push(Buffer.from(chunk));
        done();
        return;
      }
      setImmediate(() => {
        chunks.push(Buffer.from(chunk));
        done();
      });
    },
  });
  return { stream, bytes: () => new Promise((resolve) => stream.end(() => resolve(Buffer.concat(chunks)))), writes: () => chunks.map((chunk) => chunk.length) };
}

// Any code unit, lone surrogates included: each string must come out as `Buffer.from` encodes it, as
// the stream would have written it (half a pair in each of two strings is two replacement characters).
const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'é', '研', '🈷️', '\n'), fc.nat(0xffff).map((code) => String.fromCharCode(code))), maxLength: 40 });

describe('Output', () => {
  it.each([false, true])('writes exactly the bytes of what it was given, as text or as bytes, with a stream that holds them: %s', async (later) => {
    // Bytes as `list --json` hands them on: from one buffer, used again (here, zeroed) once written.
    const piece = fc.oneof(text, fc.uint8Array({ maxLength: 300 }));
    await fc.assert(fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 6, max: 200 }), async (pieces, chunkBytes) => {
      const { stream, bytes, writes } = recorder(later);
      const output = new Output(stream, chunkBytes);
      const expected = Buffer.concat(pieces.map((piece) => Buffer.from(piece)));
      for (const piece of pieces) {
        if (typeof piece === 'string') output.write(piece);
        else {
          output.writeBytes(piece);
          piece.fill(0);
        }
      }
      output.flush();
      expect((await bytes()).equals(expected)).toBe(true);
      // A string longer than the buffer too: written a buffer's worth at a time.
      expect(writes().every((length) => length <= chunkBytes)).toBe(true);
    }), { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) });
  });

  it('gathers short strings into one write, and hands on nothing before it is flushed', async () => {
    const writes: (Uint8Array | string)[] = [];
    const output = new Output({ write: (chunk) => writes.push(Buffer.from(chunk)), writableLength: 0 }, 64);
    for (const piece of ['ab', 'cd', '研']) output.write(piece);
    expect(writes).toEqual([]);
    output.flush();
    output.flush();
    expect(writes.map(String)).toEqual(['abcd研']);
  });

  it('cuts a string longer than its buffer between surrogate pairs, never inside one', async () => {
    const { stream, bytes, writes } = recorder(false);
    const output = new Output(stream, 6);
    // Two units a write: `a` and half of 🈷 would fit, but not the whole pair.
    output.write('a🈷🈷b🈷');
    output.flush();
    expect((await bytes()).toString()).toBe('a🈷🈷b🈷');
    expect(writes()).toEqual([1, 4, 4, 1, 4]);
    expect(() => new Output(stream, 5)).toThrow(RangeError);
  });
});
