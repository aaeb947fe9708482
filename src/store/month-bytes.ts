import { TICKED } from '../model/checkbox.js';
import type { ItemState } from '../model/select.js';
import type { Month } from '../model/types.js';
import { viewOf, WORD, type Piece } from './byte-words.js';
import { cachedMonthRuns, RUN, STRING_KIND, subtaskCountAt, type CachedMonthRuns } from './list-codec.js';

/**
 * Writes a cached month's items as UTF-8 straight from the month's runs and the file's bytes, item
 * by item as a subclass lays them out (store/month-json.ts, store/month-lines.ts): no item is
 * made, no string decoded, and nothing encoded again. Making the items, and stringifying and
 * encoding their strings, was most of listing a long list (at 100,000 items the text alone took
 * 21 ms to decode). A title or url stands among the file's bytes, which are valid UTF-8
 * (list-file.ts refuses others), where its item's run says: so many bytes from the item's
 * checkbox, whose byte the month keeps (see `STRING_INTS` and `PackedMonth`). Undefined for a
 * month not read from the cache against the file's bytes, or whose runs do not read as `packList`
 * wrote them: the caller then writes the items it reads.
 */
export function writeMonth<W extends MonthWriter>(month: Month, make: (runs: CachedMonthRuns, scratch: Scratch) => W): { bytes: Uint8Array; writer: W } | undefined {
  const runs = cachedMonthRuns(month);
  if (runs === undefined) return undefined;
  scratch ??= newScratch();
  scratch.out.length = 0;
  if (scratch.utf8 !== runs.utf8) {
    scratch.utf8 = runs.utf8;
    scratch.source = viewOf(runs.utf8);
  }
  const writer = make(runs, scratch);
  // The bytes are the writers' own, used again for the next month.
  return writer.write() ? { bytes: scratch.out.bytes.subarray(0, scratch.out.length), writer } : undefined;
}

/**
 * A byte buffer that grows, kept from one month to the next. It keeps a word of room past what it
 * is asked for: a copy a word at a time writes up to three bytes past its end, which the next
 * write covers.
 */
export class Bytes {
  bytes: Buffer;
  view: DataView;
  length = 0;

  constructor(size = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(size);
    this.view = viewOf(this.bytes);
  }

  room(more: number): Buffer {
    if (this.length + more + WORD > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.length + more + WORD));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
      this.view = viewOf(grown);
    }
    return this.bytes;
  }

  piece({ view, text }: Piece): void {
    this.words(view, 0, text.length);
  }

  /** The bytes from `start` to `end` of `from`, which must hold those up to the word that takes in `end`. */
  words(from: DataView, start: number, end: number): void {
    this.room(end - start);
    const view = this.view;
    for (let at = start, to = this.length; at < end; at += WORD, to += WORD) view.setInt32(to, from.getInt32(at, true), true);
    this.length += end - start;
  }

  /** `text` as UTF-8: a string not among the file's bytes. */
  text(text: string): void {
    this.length += this.room(3 * text.length).write(text, this.length);
  }

  natural(value: number): void {
    this.length = writeNatural(this.room(MAX_DIGITS), this.length, value);
  }

  spaces(count: number): void {
    const bytes = this.room(count);
    for (let at = 0; at < count; at++) bytes[this.length++] = 0x20;
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

/**
 * What the writers share from one month to the next: the bytes written, the id of the item being
 * written (with a word of room past the longest, as `Bytes.words` reads), and the file's bytes to
 * read words from.
 */
export interface Scratch {
  out: Bytes;
  id: Buffer;
  idWords: DataView;
  utf8: Uint8Array;
  source: DataView;
}

function newScratch(): Scratch {
  const id = Buffer.alloc(MAX_ID_BYTES + WORD);
  const utf8 = new Uint8Array(0);
  return { out: new Bytes(), id, idWords: viewOf(id), utf8, source: viewOf(utf8) };
}

let scratch: Scratch | undefined;

const NO_ID = -1;

/**
 * Copies a month's id into `into`, a character a byte: how long it is, or `NO_ID` unless it is
 * digits and dashes, as a month's id is, and leaves room for its items' (some 30 levels deep). A
 * loop, not a pattern tested and the text written by Buffer: two calls a month into native code.
 */
function copyMonthId(into: Buffer, id: string): number {
  if (id.length === 0 || id.length > 200) return NO_ID;
  for (let at = 0; at < id.length; at++) {
    const code = id.charCodeAt(at);
    if ((code < 0x30 || code > 0x39) && code !== 0x2d) return NO_ID;
    into[at] = code;
  }
  return id.length;
}

/** What `MonthWriter.locate` found: no string, a string of the outline's table, or a run of the file's bytes. */
export const FOUND = { none: 0, null: 1, table: 2, bytes: 3 } as const;

export abstract class MonthWriter {
  readonly out: Bytes;
  count = 0;
  #next: number;
  #item = 0;
  #subtask = 0;
  // The byte of the checkbox of the item being written: its strings are found from there.
  #box = 0;
  /** The id of the item being written, as bytes, up to `idEnds`' last; where each shallower id ends in it. */
  protected readonly id: Buffer;
  protected readonly idWords: DataView;
  /** The file's bytes, `runs.utf8`, to read a word at a time. */
  protected readonly source: DataView;
  protected readonly idEnds: number[] = [];
  /** Set by `locate`: the string of the table found, or where the bytes found start and end. */
  protected table = '';
  protected from = 0;
  protected to = 0;

  constructor(protected readonly runs: CachedMonthRuns, { out, id, idWords, source }: Scratch, private readonly state: ItemState) {
    this.out = out;
    this.id = id;
    this.idWords = idWords;
    this.source = source;
    this.#next = runs.at;
    this.idEnds.push(copyMonthId(id, runs.id));
  }

  write(): boolean {
    return this.idEnds[0] !== NO_ID && this.writeItems(this.runs.count) && this.#next === this.runs.end;
  }

  /**
   * Writes the item whose run starts at `run`, whose id the writer holds; `depth` 0 for a month's
   * own. Its strings are found with `locate`.
   */
  protected abstract item(run: number, done: boolean, depth: number): boolean;

  /** The items whose runs start where the writer stands, below the item whose id it holds. */
  private writeItems(count: number): boolean {
    const { ints, utf8, base, boxes } = this.runs;
    const depth = this.idEnds.length - 1;
    const parentEnd = this.idEnds[depth] as number;
    for (let index = 1; index <= count; index++) {
      const run = this.#next;
      const subtasksAt = subtaskCountAt(ints, run);
      const subtasks = ints[subtasksAt];
      const top = depth === 0;
      const box = top ? this.#item++ : this.#subtask++;
      const unit = (ints[run + RUN.checkbox] as number) + base.offset;
      const byte = ints[(top ? boxes.itemBytes : boxes.subtaskBytes) + box] as number;
      if (subtasks === undefined || ints[(top ? boxes.items : boxes.subtasks) + box] !== unit || byte < 0 || byte >= utf8.length) return false;
      // Read in place, not through `tickedAt`: a call an item costs until V8 optimizes the loop.
      const mark = utf8[byte];
      const done = mark === TICKED.lower || mark === TICKED.upper;
      this.#next = subtasksAt + 1;
      const idEnd = this.idAt(parentEnd, index);
      if (idEnd === undefined) return false;
      this.idEnds.push(idEnd);
      if (this.state === undefined || (this.state === 'done') === done) {
        this.#box = byte;
        this.count++;
        if (!this.item(run, done, depth)) return false;
      }
      const written = this.writeItems(subtasks);
      this.idEnds.pop();
      if (!written) return false;
    }
    return true;
  }

  /** Writes `.index` after the parent's id, which ends at `end`; where the id now ends. */
  private idAt(end: number, index: number): number | undefined {
    if (end + 1 + MAX_DIGITS > MAX_ID_BYTES) return undefined;
    this.id[end] = 0x2e;
    return writeNatural(this.id, end + 1, index);
  }

  /** The day of the item whose run starts at `run`; `NONE` (list-codec.ts) for none. */
  protected day(run: number): number {
    return this.runs.ints[run + RUN.day] as number;
  }

  /**
   * The string whose offset (or kind) and length stand at `at`: `FOUND.bytes` from `from` to `to`,
   * `FOUND.table` as `table`; `FOUND.none` where the runs do not hold one.
   */
  protected locate(at: number): number {
    const { ints, strings, utf8 } = this.runs;
    const start = ints[at] as number;
    const length = ints[at + 1] as number;
    if (start === STRING_KIND.null) return FOUND.null;
    if (start === STRING_KIND.table) {
      const found = strings[length];
      if (found === undefined) return FOUND.none;
      this.table = found;
      return FOUND.table;
    }
    const from = this.#box + (ints[at + 2] as number);
    const to = from + (ints[at + 3] as number);
    if (from < 0 || to < from || to > utf8.length) return FOUND.none;
    this.from = from;
    this.to = to;
    return FOUND.bytes;
  }
}
