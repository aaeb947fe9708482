import type { Month } from '../model/types.js';
import type { MonthLines } from '../render/list.js';
import { sanitize } from '../render/sanitize.js';
import { NONE, RUN, type CachedMonthRuns } from './list-codec.js';
import { copyPrintable, Piece, WORD } from './byte-words.js';
import { FOUND, MonthWriter, writeMonth, type Scratch } from './month-bytes.js';

/**
 * The lines `read list` prints for a cached month's items, plain (no colour, nothing cut, no notes,
 * every item: see `renderList`), written from the cache's bytes (see `writeMonth`), good until the
 * next month is written. `idColumn`:
 * how wide the id column is. A title or url among the file's bytes is copied as it is unless it
 * holds what `sanitize` takes out, which is rare: it is then decoded and sanitized.
 */
export function monthLines(month: Month, idColumn: number): MonthLines | undefined {
  const written = writeMonth(month, (runs, scratch) => new MonthLinesWriter(runs, scratch, idColumn));
  return written && { bytes: written.bytes, done: written.writer.done, items: written.writer.items };
}

const MARKS = { done: new Piece('[x] '), open: new Piece('[ ] ') };

class MonthLinesWriter extends MonthWriter {
  done = 0;
  items = 0;

  constructor(runs: CachedMonthRuns, scratch: Scratch, private readonly idColumn: number) {
    super(runs, scratch, undefined);
  }

  protected item(run: number, done: boolean, depth: number): boolean {
    const { out } = this;
    if (depth === 0) {
      this.items++;
      if (done) this.done++;
    }
    const idEnd = this.idEnds[depth + 1] as number;
    out.spaces(4 + 2 * depth);
    out.piece(done ? MARKS.done : MARKS.open);
    out.words(this.idWords, 0, idEnd);
    out.spaces(Math.max(0, this.idColumn - 2 * depth - idEnd) + 1);
    const day = this.day(run);
    if (day === NONE || day < 10) out.spaces(day === NONE ? 2 : 1);
    if (day !== NONE) out.natural(day);
    out.spaces(1);
    if (!this.string(run + RUN.title)) return false;
    const beforeUrl = out.length;
    out.spaces(2);
    const urlStart = out.length;
    if (!this.string(run + RUN.url)) return false;
    // No url, or one that sanitizes to nothing: no gap for it either.
    if (out.length === urlStart) out.length = beforeUrl;
    out.piece(NEWLINE);
    return true;
  }

  /** The string whose offset (or kind) and length stand at `at`, sanitized; nothing for none. */
  private string(at: number): boolean {
    const found = this.locate(at);
    if (found === FOUND.table) this.out.text(sanitize(this.table));
    else if (found === FOUND.bytes) this.copySafe(this.from, this.to);
    return found !== FOUND.none;
  }

  /**
   * The file's bytes from `from` to `to`, sanitized: as they are unless they hold a character
   * `sanitize` takes out. A word at a time where all four are printable ASCII (see `copyPrintable`).
   */
  private copySafe(from: number, to: number): void {
    const { out, source } = this;
    const utf8 = this.runs.utf8;
    const bytes = out.room(to - from);
    const words = out.view;
    const start = out.length;
    let length = start;
    for (let at = from; at < to; at++) {
      if (to - at >= WORD) {
        const copied = copyPrintable(source, at, to, words, length);
        at += copied;
        length += copied;
        if (at === to) break;
      }
      const byte = utf8[at] as number;
      if ((byte >= 0x20 && byte < 0x7f) || byte >= 0x80 && !unsafeAt(utf8, at)) bytes[length++] = byte;
      else {
        out.length = start;
        out.text(sanitize(Buffer.from(utf8.buffer, utf8.byteOffset + from, to - from).toString('utf8')));
        return;
      }
    }
    out.length = length;
  }
}

const NEWLINE = new Piece('\n');

/**
 * Whether the non-ASCII byte at `at` starts a character `sanitize` takes out: a C1 control
 * (U+0080–U+009F, `C2 80`–`C2 9F`) or a bidi override (U+202A–U+202E, `E2 80 AA`–`E2 80 AE`;
 * U+2066–U+2069, `E2 81 A6`–`E2 81 A9`).
 */
function unsafeAt(utf8: Uint8Array, at: number): boolean {
  const byte = utf8[at];
  if (byte === 0xc2) return (utf8[at + 1] as number) <= 0x9f;
  if (byte !== 0xe2) return false;
  const second = utf8[at + 1] as number;
  const third = utf8[at + 2] as number;
  return (second === 0x80 && third >= 0xaa && third <= 0xae) || (second === 0x81 && third >= 0xa6 && third <= 0xa9);
}
