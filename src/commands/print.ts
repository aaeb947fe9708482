/** Enough for one write(2) to carry tens of kilobytes, few enough that no string gets large. */
const PIECES_PER_WRITE = 4096;

/**
 * Prints text given as pieces, joined a few thousand at a time: the list of a large file is never one
 * string (of megabytes, twice over as UTF-16 and UTF-8), and a reader at the other end of a pipe
 * starts on the first lines while the rest are joined.
 */
export function printPieces(pieces: readonly string[]): void {
  for (let start = 0; start < pieces.length; start += PIECES_PER_WRITE) process.stdout.write(pieces.slice(start, start + PIECES_PER_WRITE).join(''));
}
