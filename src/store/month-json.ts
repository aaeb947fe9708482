import type { ItemState } from '../model/select.js';
import type { Month } from '../model/types.js';
import { ITEM_JSON, type JsonBytes } from '../render/json.js';
import { NONE, RUN, STRING_INTS, type CachedMonthRuns } from './list-codec.js';
import { copyUnescaped, Piece, WORD } from './byte-words.js';
import { Bytes, FOUND, MonthWriter, writeMonth, type Scratch } from './month-bytes.js';

/**
 * The compact `list --json` of a cached month's items: `itemJson` of each, flat, each after a
 * comma (see `JsonBytes`), written from the cache's bytes (see `writeMonth`). A title or url among
 * the file's bytes is copied with what JSON escapes escaped; valid UTF-8 holds no lone surrogate,
 * the only other thing JSON.stringify escapes.
 */
export function monthJson(month: Month, state: ItemState): JsonBytes | undefined {
  const written = writeMonth(month, (runs, scratch) => new MonthJsonWriter(runs, scratch, state));
  return written && { bytes: written.bytes, count: written.writer.count };
}

const PIECES = Object.fromEntries(Object.entries(ITEM_JSON).map(([name, json]) => [name, new Piece(json)])) as Record<keyof typeof ITEM_JSON, Piece>;

/** JSON's short escapes; any other control character is written `\u00XX`. */
const SHORT_ESCAPES = new Map([[0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0c, 'f'], [0x0d, 'r'], [0x22, '"'], [0x5c, '\\']]);

/**
 * `","year":…,"month":…,"day":`, the same for every item of a month, made once a month in bytes
 * kept from one month to the next: a piece of its own a month (a buffer, and its text written into
 * it) took 2 ms at 100,000 items.
 */
const date = new Bytes(64);

class MonthJsonWriter extends MonthWriter {
  constructor(runs: CachedMonthRuns, scratch: Scratch, state: ItemState) {
    super(runs, scratch, state);
    date.length = 0;
    date.piece(PIECES.year);
    date.natural(runs.year);
    date.piece(PIECES.month);
    date.natural(runs.month);
    date.piece(PIECES.day);
  }

  protected item(run: number, done: boolean, depth: number): boolean {
    const { out, idWords, idEnds } = this;
    const day = this.day(run);
    out.piece(PIECES.id);
    out.words(idWords, 0, idEnds[depth + 1] as number);
    out.words(date.view, 0, date.length);
    if (day === NONE) out.piece(PIECES.null);
    else out.natural(day);
    out.piece(PIECES.title);
    if (!this.string(run + RUN.title)) return false;
    out.piece(PIECES.url);
    if (!this.string(run + RUN.url)) return false;
    out.piece(done ? PIECES.done : PIECES.open);
    out.natural((this.runs.ints[run + RUN.line] as number) + this.runs.base.line);
    if (depth === 0) out.piece(PIECES.noParent);
    else {
      out.piece(PIECES.parent);
      out.words(idWords, 0, idEnds[depth] as number);
      out.piece(PIECES.notes);
    }
    const notes = this.runs.ints[run + RUN.noteCount] as number;
    for (let note = 0; note < notes; note++) {
      if (note > 0) out.piece(PIECES.comma);
      if (!this.string(run + RUN.noteCount + 1 + STRING_INTS * note)) return false;
    }
    out.piece(PIECES.close);
    return true;
  }

  /** The string whose offset (or kind) and length stand at `at`, as JSON. */
  private string(at: number): boolean {
    const found = this.locate(at);
    if (found === FOUND.null) this.out.piece(PIECES.null);
    else if (found === FOUND.table) this.out.text(JSON.stringify(this.table));
    else if (found === FOUND.bytes) this.escaped(this.from, this.to);
    return found !== FOUND.none;
  }

  /** The file's bytes from `from` to `to` as a JSON string: a word at a time where none is escaped (see `copyUnescaped`). */
  private escaped(from: number, to: number): void {
    const { out, source } = this;
    const utf8 = this.runs.utf8;
    // At worst every byte is a control character, six bytes escaped; and the quotes.
    const bytes = out.room(6 * (to - from) + 2);
    const words = out.view;
    let length = out.length;
    bytes[length++] = 0x22;
    for (let at = from; at < to;) {
      if (to - at >= WORD) {
        const copied = copyUnescaped(source, at, to, words, length);
        at += copied;
        length += copied;
        if (copied > 0) continue;
      }
      const byte = utf8[at++] as number;
      if (byte >= 0x20 && byte !== 0x22 && byte !== 0x5c) {
        bytes[length++] = byte;
        continue;
      }
      const short = SHORT_ESCAPES.get(byte);
      const escape = short === undefined ? `\\u00${byte.toString(16).padStart(2, '0')}` : `\\${short}`;
      for (let index = 0; index < escape.length; index++) bytes[length++] = escape.charCodeAt(index);
    }
    bytes[length++] = 0x22;
    out.length = length;
  }
}
