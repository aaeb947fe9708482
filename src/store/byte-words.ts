/**
 * Bytes four at a time, as a word read and written through a DataView (in one byte order, whatever
 * the machine's): copying a key of 31 bytes so took a third of the time a loop a byte at a time
 * did, and checking a title of 34 bytes for what JSON escapes, half.
 */
export const WORD = 4;

export const viewOf = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * ASCII a writer copies often (a key, a mark), a word at a time. Its bytes are padded to a whole
 * word: a copy reads the last word whole, and writes what follows over the padding.
 */
export class Piece {
  readonly view: DataView;

  constructor(readonly text: string) {
    const bytes = Buffer.alloc(Math.ceil(text.length / WORD) * WORD);
    bytes.write(text, 'latin1');
    this.view = viewOf(bytes);
  }
}

// Bit by bit: a byte below `n` sets its top bit in `word - n × 0x01010101` and not in `~word`. The
// lowest such byte always does, whatever borrows from it; a byte above it may too, when one does.
// So each test is exact for the word, if not for which byte. The tests stand in the loops, not in
// a function each: until V8 optimizes the loop (some 8,000 items into a long list), a call a word
// costs more than the word.

/**
 * Copies the bytes of `from` from `at` on into `into` at `to`, a word at a time, up to the first word
 * with a byte JSON escapes (below `0x20`, `"` or `\`; one in UTF-8 that is not ASCII never is) or
 * that would reach past `end`. How many bytes it copied.
 */
export function copyUnescaped(from: DataView, at: number, end: number, into: DataView, to: number): number {
  let copied = 0;
  for (; at + copied + WORD <= end; copied += WORD) {
    const word = from.getInt32(at + copied, true);
    const quote = word ^ 0x22222222;
    const backslash = word ^ 0x5c5c5c5c;
    if ((((word - 0x20202020) & ~word) | ((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash)) & 0x80808080) break;
    into.setInt32(to + copied, word, true);
  }
  return copied;
}

/**
 * Copies as `copyUnescaped` does, up to the first word with a byte that is not printable ASCII (a
 * space to `~`): one above `0x7e` has its top bit set in `word + 0x01010101` or in `word`.
 */
export function copyPrintable(from: DataView, at: number, end: number, into: DataView, to: number): number {
  let copied = 0;
  for (; at + copied + WORD <= end; copied += WORD) {
    const word = from.getInt32(at + copied, true);
    if ((((word - 0x20202020) & ~word) | (word + 0x01010101) | word) & 0x80808080) break;
    into.setInt32(to + copied, word, true);
  }
  return copied;
}
