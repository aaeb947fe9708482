import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayEscape, Piece, printable, viewOf } from '../src/store/byte-words.js';

/** The word the four bytes make, read as the writers read it. */
const wordOf = (bytes: readonly number[]): number => viewOf(Uint8Array.from(bytes)).getInt32(0, true);

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

describe('four bytes at a time', () => {
  // Bytes next to the edges of both tests, and ones that borrow or carry.
  const around = [0x00, 0x01, 0x1f, 0x20, 0x21, 0x22, 0x23, 0x41, 0x5b, 0x5c, 0x5d, 0x7e, 0x7f, 0x80, 0xc2, 0xe7, 0xfe, 0xff];

  it('flags a word for JSON exactly when one of its bytes is escaped', () => {
    for (const bytes of wordsWithEveryByte(around)) expect([bytes, mayEscape(wordOf(bytes))]).toEqual([bytes, bytes.some(escapes)]);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (bytes) => mayEscape(wordOf(bytes)) === bytes.some(escapes)), { numRuns: 20_000 });
  });

  it('finds a word printable exactly when each of its bytes is', () => {
    for (const bytes of wordsWithEveryByte(around)) expect([bytes, printable(wordOf(bytes))]).toEqual([bytes, bytes.every(isPrintable)]);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (bytes) => printable(wordOf(bytes)) === bytes.every(isPrintable)), { numRuns: 20_000 });
  });

  it('pads a piece to whole words, its text first', () => {
    for (const text of ['', '\n', '[x] ', ',"title":', ',"done":false,"line":']) {
      const { view } = new Piece(text);
      expect(view.byteLength % 4).toBe(0);
      expect(view.byteLength - text.length).toBeLessThan(4);
      expect(Buffer.from(view.buffer, view.byteOffset, text.length).toString('latin1')).toBe(text);
    }
  });
});
