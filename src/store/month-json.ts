import type { Month } from '../model/types.js';
import type { JsonBytes } from '../render/json.js';
import { cachedMonthRuns, NONE, RUN, STRING_KIND, subtaskCountAt, type CachedMonthRuns } from './list-codec.js';

/** What of a month's items `monthJson` writes: all, or those open or done. */
export type ItemState = 'open' | 'done' | undefined;

/**
 * The compact `list --json` of a cached month's items (`itemJson` of each, flat, each after a comma:
 * see `JsonBytes`), written as UTF-8 straight from the month's runs and the file's bytes:
 * no item is made, no string decoded, stringified or encoded again. Those were most of `list --json`
 * (two thirds of it at 100,000 items, where the text alone took 21 ms to decode). A title or url
 * is a run of the file's bytes, copied with what JSON escapes escaped; the bytes are valid UTF-8
 * (list-file.ts refuses others), so they hold no lone surrogate, the only other thing JSON.stringify
 * escapes. An offset in the text counts UTF-16 code units: it is found among the bytes by stepping
 * from the item's checkbox, whose offset the month keeps in both (see `PackedMonth`). Undefined
 * for a month not read from the cache against the file's bytes, or whose runs do not read as
 * `packList` wrote them: the caller then writes the items it reads.
 */
export function monthJson(month: Month, state: ItemState): JsonBytes | undefined {
  const runs = cachedMonthRuns(month);
  if (runs === undefined) return undefined;
  const writer = new MonthJsonWriter(runs, state);
  return writer.write() ? { bytes: writer.out.bytes.subarray(0, writer.out.length), count: writer.count } : undefined;
}

/** A byte buffer that grows; kept from one month to the next: `monthJson` hands out a view of it, good until it is called again. */
class Bytes {
  bytes = Buffer.allocUnsafe(1 << 16);
  length = 0;

  room(more: number): Buffer {
    if (this.length + more > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + more));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    return this.bytes;
  }

  /**
   * Bytes copied one by one: for the few of a key or an id, quicker than any call that copies, and
   * no string is made for them (the strings an item's pieces made were a fifth of the run).
   */
  copy(from: Uint8Array, start = 0, end = from.length): void {
    const bytes = this.room(end - start);
    let length = this.length;
    for (let at = start; at < end; at++) bytes[length++] = from[at] as number;
    this.length = length;
  }

  natural(value: number): void {
    this.length = writeNatural(this.room(MAX_DIGITS), this.length, value);
  }
}

/** Digits in the longest natural number an Int32Array holds (a line, a day, an index). */
const MAX_DIGITS = 10;

/** Writes `value`, a natural number below 2³¹, in decimal at `at`; where it ends. */
function writeNatural(bytes: Uint8Array, at: number, value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits++;
  for (let digit = at + digits - 1, rest = value; digit >= at; digit--, rest = (rest / 10) | 0) bytes[digit] = 0x30 + (rest % 10);
  return at + digits;
}

/** Room for an id: a month's, and `.n` for each level of subtasks; a month with a deeper one (some 30 levels) is written from its items. */
const MAX_ID_BYTES = 256;
let scratch: { out: Bytes; id: Buffer } | undefined;

const ascii = (text: string) => Buffer.from(text, 'latin1');
/** An item's JSON between its fields' values (see `itemJson`). */
const PIECES = {
  comma: ascii(','),
  id: ascii(',{"id":"'),
  day: ascii(',"day":'),
  title: ascii(',"title":'),
  url: ascii(',"url":'),
  done: ascii(',"done":true,"line":'),
  open: ascii(',"done":false,"line":'),
  noParent: ascii(',"parent":null,"notes":['),
  parent: ascii(',"parent":"'),
  notes: ascii('","notes":['),
  close: ascii(']}'),
  null: ascii('null'),
};

/** JSON's short escapes; any other control character is written `\u00XX`. */
const SHORT_ESCAPES = new Map([[0x08, 'b'], [0x09, 't'], [0x0a, 'n'], [0x0c, 'f'], [0x0d, 'r'], [0x22, '"'], [0x5c, '\\']]);

class MonthJsonWriter {
  readonly out: Bytes;
  count = 0;
  #next: number;
  #item = 0;
  #subtask = 0;
  // The last place found, as an offset and a byte: an item's strings are looked for from its checkbox on.
  #unit = 0;
  #byte = 0;
  // Up to this offset past the item's checkbox, the text is ASCII: an offset is its byte.
  #asciiUntil = -1;
  // The id of the item being written, as bytes; where each deeper id ends in it.
  readonly #id: Buffer;
  readonly #idEnds: number[] = [];
  // `","year":…,"month":…`: the same for every item of the month.
  readonly #date: Uint8Array;

  constructor(private readonly runs: CachedMonthRuns, private readonly state: ItemState) {
    ({ out: this.out, id: this.#id } = scratch ??= { out: new Bytes(), id: Buffer.allocUnsafe(MAX_ID_BYTES) });
    this.out.length = 0;
    this.#next = runs.at;
    this.#date = ascii(`","year":${runs.year},"month":${runs.month}`);
    this.#idEnds.push(this.#id.write(runs.id, 'latin1'));
  }

  write(): boolean {
    return /^[\d-]{1,200}$/.test(this.runs.id) && this.items(this.runs.count) && this.#next === this.runs.end;
  }

  /** The items whose runs start where the writer stands, below the item whose id it holds. */
  private items(count: number): boolean {
    const { ints, utf8, base, boxes } = this.runs;
    const depth = this.#idEnds.length;
    const parentEnd = this.#idEnds[depth - 1] as number;
    for (let index = 1; index <= count; index++) {
      const run = this.#next;
      const subtasksAt = subtaskCountAt(ints, run);
      const subtasks = ints[subtasksAt];
      const top = depth === 1;
      const box = top ? this.#item++ : this.#subtask++;
      const unit = (ints[run + RUN.checkbox] as number) + base.offset;
      const byte = ints[(top ? boxes.itemBytes : boxes.subtaskBytes) + box] as number;
      if (subtasks === undefined || ints[(top ? boxes.items : boxes.subtasks) + box] !== unit || byte < 0 || byte >= utf8.length) return false;
      const mark = utf8[byte];
      const done = mark === 0x78 || mark === 0x58;
      this.#next = subtasksAt + 1;
      const idEnd = this.idAt(parentEnd, index);
      if (idEnd === undefined) return false;
      this.#idEnds.push(idEnd);
      if (this.state === undefined || (this.state === 'done') === done) {
        this.#unit = unit;
        this.#byte = byte;
        this.#asciiUntil = this.asciiUntil(unit, byte);
        if (!this.item(run, done, top ? -1 : parentEnd)) return false;
      }
      const written = this.items(subtasks);
      this.#idEnds.pop();
      if (!written) return false;
    }
    return true;
  }

  /** Writes `.index` after the parent's id, which ends at `end`; where the id now ends. */
  private idAt(end: number, index: number): number | undefined {
    if (end + 1 + MAX_DIGITS > this.#id.length) return undefined;
    this.#id[end] = 0x2e;
    return writeNatural(this.#id, end + 1, index);
  }

  /**
   * Where the next checkbox in the file stands, when the text from the box at `unit` to it is ASCII:
   * its byte is then as far past this box's byte as its offset is past this box's offset.
   */
  private asciiUntil(unit: number, byte: number): number {
    const { ints, boxes } = this.runs;
    let nextUnit = Infinity;
    let nextByte = 0;
    if (this.#item < boxes.itemCount) {
      nextUnit = ints[boxes.items + this.#item] as number;
      nextByte = ints[boxes.itemBytes + this.#item] as number;
    }
    if (this.#subtask < boxes.subtaskCount && (ints[boxes.subtasks + this.#subtask] as number) < nextUnit) {
      nextUnit = ints[boxes.subtasks + this.#subtask] as number;
      nextByte = ints[boxes.subtaskBytes + this.#subtask] as number;
    }
    return nextByte - nextUnit === byte - unit ? nextUnit : -1;
  }

  /** `parentEnd`: where the parent's id ends among the id's bytes; -1 for a month's own item. */
  private item(run: number, done: boolean, parentEnd: number): boolean {
    const { out } = this;
    const { ints, base } = this.runs;
    const day = ints[run + RUN.day] as number;
    this.count++;
    out.copy(PIECES.id);
    out.copy(this.#id, 0, this.#idEnds[this.#idEnds.length - 1]);
    out.copy(this.#date);
    out.copy(PIECES.day);
    if (day === NONE) out.copy(PIECES.null);
    else out.natural(day);
    out.copy(PIECES.title);
    if (!this.string(run + RUN.title)) return false;
    out.copy(PIECES.url);
    if (!this.string(run + RUN.url)) return false;
    out.copy(done ? PIECES.done : PIECES.open);
    out.natural((ints[run + RUN.line] as number) + base.line);
    if (parentEnd === -1) out.copy(PIECES.noParent);
    else {
      out.copy(PIECES.parent);
      out.copy(this.#id, 0, parentEnd);
      out.copy(PIECES.notes);
    }
    const notes = ints[run + RUN.noteCount] as number;
    for (let note = 0; note < notes; note++) {
      if (note > 0) out.copy(PIECES.comma);
      if (!this.string(run + RUN.noteCount + 1 + 2 * note)) return false;
    }
    out.copy(PIECES.close);
    return true;
  }

  /** The string whose offset (or kind) and length stand at `at`, as JSON. */
  private string(at: number): boolean {
    const { ints, strings, utf8, base, textLength } = this.runs;
    const start = ints[at] as number;
    const length = ints[at + 1] as number;
    if (start === STRING_KIND.null) {
      this.out.copy(PIECES.null);
      return true;
    }
    if (start === STRING_KIND.table) {
      const found = strings[length];
      if (found === undefined) return false;
      const json = JSON.stringify(found);
      this.out.length += this.out.room(3 * json.length).write(json, this.out.length);
      return true;
    }
    const from = start + base.offset;
    if (start < 0 || length < 0 || from + length > textLength) return false;
    if (!this.seek(from)) return false;
    const first = this.#byte;
    if (!this.seek(from + length)) return false;
    this.escaped(utf8, first, this.#byte);
    return true;
  }

  /**
   * Moves the place found to the offset `unit`: at once within the ASCII past the item's box, else
   * a code point at a time, forward or back. False where it would stand inside a surrogate pair.
   */
  private seek(unit: number): boolean {
    const { utf8 } = this.runs;
    let at = this.#unit;
    let byte = this.#byte;
    if (unit >= at && unit <= this.#asciiUntil) [at, byte] = [unit, byte + (unit - at)];
    while (at < unit && byte < utf8.length) {
      const lead = utf8[byte] as number;
      const size = lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
      byte += size;
      at += size === 4 ? 2 : 1;
    }
    while (at > unit && byte > 0) {
      do byte--; while (byte > 0 && ((utf8[byte] as number) & 0xc0) === 0x80);
      at -= (utf8[byte] as number) >= 0xf0 ? 2 : 1;
    }
    this.#unit = at;
    this.#byte = byte;
    return at === unit && byte <= utf8.length;
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
