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
// So each test is exact for the word, if not for which byte.

/** Whether any of the four bytes of `word` is one JSON escapes: below `0x20`, `"` or `\` (one in UTF-8 that is not ASCII never is). */
export function mayEscape(word: number): boolean {
  const quote = word ^ 0x22222222;
  const backslash = word ^ 0x5c5c5c5c;
  return ((((word - 0x20202020) & ~word) | ((quote - 0x01010101) & ~quote) | ((backslash - 0x01010101) & ~backslash)) & 0x80808080) !== 0;
}

/** Whether all four bytes of `word` are printable ASCII, a space to `~`: a byte above `0x7e` has its top bit set in `word + 0x01010101` or in `word`. */
export function printable(word: number): boolean {
  return ((((word - 0x20202020) & ~word) | (word + 0x01010101) | word) & 0x80808080) === 0;
}
