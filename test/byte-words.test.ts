import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { copyPrintable, copyUnescaped, Piece, viewOf } from '../src/store/byte-words.js';

const escapes = (byte: number) => byte < 0x20 || byte === 0x22 || byte === 0x5c;
const isPrintable = (byte: number) => byte >= 0x20 && byte <= 0x7e;

/** Every byte at every place of a word whose other bytes are each of `around`: what borrows and carries could hide. */
function* wordsWithEveryByte(around: readonly number[]): Generator<number[]> {
  for (const other of around) for (let place = 0; place < 4; place++) for (let byte = 0; byte < 256; byte++) {
    const bytes = [other, other, other, other];
    bytes[place] = byte;
    yield bytes;
  }
}

/** What a copy gives for `bytes` from `at` to `end`: how many it copied, and the bytes it wrote past two it was given. */
function copied(copy: typeof copyUnescaped, bytes: readonly number[], at: number, end: number): { count: number; written: number[] } {
  const into = new Uint8Array(bytes.length + 6);
  const count = copy(viewOf(Uint8Array.from(bytes)), at, end, viewOf(into), 2);
  return { count, written: [...into.subarray(2, 2 + count)] };
}

/** What a copy must give: whole words from `at`, up to the first with a byte that `stops` or that would reach past `end`. */
function expected(stops: (byte: number) => boolean, bytes: readonly number[], at: number, end: number): { count: number; written: number[] } {
  let count = 0;
  while (at + count + 4 <= end && !bytes.slice(at + count, at + count + 4).some(stops)) count += 4;
  return { count, written: bytes.slice(at, at + count) };
}

describe('bytes copied four at a time', () => {
  // Bytes next to the edges of both tests, and ones that borrow or carry.
  const around = [0x00, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5b, 0x5c, 0x5d, 0x7e, 0x7f, 0x80, 0xc2, 0xe7, 0xfe, 0xff];
  const cases = [
    { copy: copyUnescaped, stops: escapes, name: 'up to a byte JSON escapes' },
    { copy: copyPrintable, stops: (byte: number) => !isPrintable(byte), name: 'up to a byte that is not printable ASCII' },
  ];

  for (const { copy, stops, name } of cases) {
    it(`${name}: a word of any byte in any place, whatever its neighbours`, () => {
      for (const bytes of wordsWithEveryByte(around)) expect([bytes, copied(copy, bytes, 0, 4)]).toEqual([bytes, expected(stops, bytes, 0, 4)]);
    });

    it(`${name}: any bytes, from anywhere, to anywhere`, () => {
      const input = fc.array(fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...around), fc.integer({ min: 0x20, max: 0x7e })), { maxLength: 40 })
        .chain((bytes) => fc.tuple(fc.constant(bytes), fc.nat(bytes.length), fc.nat(bytes.length)));
      fc.assert(fc.property(input, ([bytes, from, to]) => {
        const [at, end] = from <= to ? [from, to] : [to, from];
        expect(copied(copy, bytes, at, end)).toEqual(expected(stops, bytes, at, end));
      }), { numRuns: 5_000 });
    });
  }

  it('pads a piece to whole words, its text first', () => {
    for (const text of ['', '\n', '[x] ', ',"title":', ',"done":false,"line":']) {
      const { view } = new Piece(text);
      expect(view.byteLength % 4).toBe(0);
      expect(view.byteLength - text.length).toBeLessThan(4);
      expect(Buffer.from(view.buffer, view.byteOffset, text.length).toString('latin1')).toBe(text);
    }
  });
});
