import type { ItemState } from '../model/select.js';
import type { Month } from '../model/types.js';
import { ITEM_JSON, type JsonBytes } from '../render/json.js';
import { NONE, RUN } from './list-codec.js';
import { ascii, FOUND, MonthWriter, writeMonth } from './month-bytes.js';

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

/** `ITEM_JSON` as bytes. */
const PIECES = Object.fromEntries(Object.entries(ITEM_JSON).map(([name, json]) => [name, ascii(json)])) as Record<keyof typeof ITEM_JSON, Buffer>;

/** JSON's short escapes; any other control character is written `\u00XX`. */
const SHORT_ESCAPES = new Map([[0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0c, 'f'], [0x0d, 'r'], [0x22, '"'], [0x5c, '\\']]);

class MonthJsonWriter extends MonthWriter {
  // `","year":…,"month":…,"day":`: the same for every item of the month.
  readonly #date = ascii(`${ITEM_JSON.year}${this.runs.year}${ITEM_JSON.month}${this.runs.month}${ITEM_JSON.day}`);

  protected item(run: number, done: boolean, depth: number): boolean {
    const { out, id, idEnds } = this;
    const day = this.day(run);
    out.copy(PIECES.id);
    out.copy(id, 0, idEnds[depth + 1]);
    out.copy(this.#date);
    if (day === NONE) out.copy(PIECES.null);
    else out.natural(day);
    out.copy(PIECES.title);
    if (!this.string(run + RUN.title)) return false;
    out.copy(PIECES.url);
    if (!this.string(run + RUN.url)) return false;
    out.copy(done ? PIECES.done : PIECES.open);
    out.natural((this.runs.ints[run + RUN.line] as number) + this.runs.base.line);
    if (depth === 0) out.copy(PIECES.noParent);
    else {
      out.copy(PIECES.parent);
      out.copy(id, 0, idEnds[depth]);
      out.copy(PIECES.notes);
    }
    const notes = this.runs.ints[run + RUN.noteCount] as number;
    for (let note = 0; note < notes; note++) {
      if (note > 0) out.copy(PIECES.comma);
      if (!this.string(run + RUN.noteCount + 1 + 2 * note)) return false;
    }
    out.copy(PIECES.close);
    return true;
  }

  /** The string whose offset (or kind) and length stand at `at`, as JSON. */
  private string(at: number): boolean {
    const found = this.locate(at);
    if (found === FOUND.null) this.out.copy(PIECES.null);
    else if (found === FOUND.table) this.out.text(JSON.stringify(this.table));
    else if (found === FOUND.bytes) this.escaped(this.runs.utf8, this.from, this.to);
    return found !== FOUND.none;
  }

  /** The bytes from `from` to `to` as a JSON string. */
  private escaped(utf8: Uint8Array, from: number, to: number): void {
    const out = this.out;
    // At worst every byte is a control character, six bytes escaped; and the quotes.
    const bytes = out.room(6 * (to - from) + 2);
    let length = out.length;
    bytes[length++] = 0x22;
    for (let at = from; at < to; at++) {
      const byte = utf8[at] as number;
      if (byte >= 0x20 && byte !== 0x22 && byte !== 0x5c) {
        bytes[length++] = byte;
        continue;
      }
      const short = SHORT_ESCAPES.get(byte);
      out.length = length;
      out.copy(ascii(short === undefined ? `\\u00${byte.toString(16).padStart(2, '0')}` : `\\${short}`));
      length = out.length;
    }
    bytes[length++] = 0x22;
    out.length = length;
  }
}
