import fc from 'fast-check';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { generateList } from '../bench/generate.mjs';
import { Output } from '../src/commands/output.js';
import { BIN, cleanEnv, tempList } from './helpers/cli.js';

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

  it('writes a listing longer than a pipe holds as a terminal takes it: the writer waits while its reader does not read', async () => {
    // Some 400 KB of JSON: more than the pipe and the reading stream's buffer together.
    const file = tempList({ text: generateList(2000) });
    const child = spawn(process.execPath, [BIN, 'list', '--json', '--file', file], { env: cleanEnv({ READ_DEBUG: 'cache' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    // Not read yet: the first bytes wait in the stream, and the writer stops when the pipe is full.
    await once(child.stdout, 'readable');
    await sleep(500);
    // The line it prints once everything is written: not yet. Written without blocking, the rest
    // would wait in its memory, and the line would be out.
    expect(stderr).toBe('');
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    const [code] = await once(child, 'close');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^read: \d+ of \d+ months written from the cache/);
    expect((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { items: unknown[] }).items.length).toBeGreaterThan(2000);
  }, 60_000);
});
