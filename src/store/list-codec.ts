import { TICKED, tickedAt } from '../model/checkbox.js';
import { idColumn } from '../model/ids.js';
import type { DecodableText } from '../model/read-list.js';
import { ITEM_JSON, type JsonText } from '../render/json.js';
import { flatten, type ItemState } from '../model/select.js';
import type { Entry, Heading, HeadingProblem, Item, Month, MonthCheckboxes, ReadingList, Section, Year } from '../model/types.js';
import { utf8Offsets } from './utf8-offsets.js';

/**
 * A whole reading list, stored for the text it was read from and read back only against that same
 * text. Items are most of a list and most of their strings (title, url, notes, marker) stand in the
 * text as they are: an item is a run of integers, and such a string is its offset and length in the
 * text. Reading it back then parses no JSON and decodes no string per item, and allocates little
 * besides the items themselves. Ids, parents, years and months follow from where an item stands, and
 * whether it is done from its checkbox in the text: a text that differs only in checkboxes reads
 * back from the same bytes (what `done` and `undone` leave for the next command). A month's items
 * are read when first asked for. Where its checkboxes stand is written again apart, after all the
 * items, as a month's run of offsets: `progress` and `done` need every month's, and read them
 * without walking the items (at 10,000 items the walk was most of what `progress` did with them).
 * They are written twice, as offsets in the text and among its UTF-8 bytes: `progress` reads the
 * boxes in the file's bytes, and a list read whole from the cache then needs no text decoded.
 * Headings, months, years and sections are few: they stay JSON, with the strings that are not in the
 * text. The integers are in the machine's byte order: the cache never leaves the machine.
 */

export type PackedHeading = [depth: number, text: string, line: number, start: number, end: number, setext: number];
/**
 * `at`: where the month's items start among the integers. `boxes`: where its checkboxes do, past
 * every item's run: how many its items have, how many its subtasks, the offsets of each, then the
 * byte offsets of each. `offset` and `line`: where its first item starts; its items' runs count
 * offsets and lines from there (see `Base`). `idColumn`: what `idColumn` (model/ids.ts) finds for its
 * items, kept: walking 100,000 items' runs for it took `list` 10 to 30 ms before a line was written.
 */
export type PackedMonth = [id: string, year: number, month: number, headings: number[], label: string | null, items: number, at: number, boxes: number, offset: number, line: number, idColumn: number];
type PackedYear = [year: number, heading: number, months: number[], items: number];
export type PackedSection = [id: string, title: string, line: number, items: number, entries: [title: string, url: string | null, line: number][]];
type PackedProblem = [heading: number, kind: HeadingProblem['kind']];
/**
 * What is not items, the item strings that are not in the text, the length of the text it was made
 * for (in UTF-16 code units, and in UTF-8 bytes), and where the months' items end (years' and
 * sections' follow).
 */
export type Outline = [headings: PackedHeadings, months: PackedMonth[], years: PackedYear[], sections: PackedSection[], problems: PackedProblem[], strings: string[], textLength: number, monthsEnd: number, byteLength: number];
/** The outline past its headings, as its JSON holds it after their count. */
type Tail<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

/** No heading, no month, no day. */
export const NONE = -1;
/** A string reference `[STRING_KIND.null, 0, 0, 0]` is null; `[STRING_KIND.table, n, 0, 0]` is the outline's string n. */
export const STRING_KIND = { null: -1, table: -2 } as const;
const { null: NULL_STRING, table: TABLE_STRING } = STRING_KIND;
const INT_BYTES = 4;
/**
 * A string in the text, in an item's run: its offset and length, then how many bytes it stands
 * from the item's checkbox (before it, for a marker: fewer than none) and its length in bytes. A
 * writer of the file's bytes (store/month-bytes.ts) reads it there: it walked the bytes from the
 * checkbox a character at a time, and `list` and `list --json` of 100,000 items took 13 to 15 ms
 * more (paired runs).
 */
export const STRING_INTS = 4;
/**
 * An item's run of integers: day, line, start, end, checkbox, indent, title, url and marker (see
 * `STRING_INTS`), the number of notes, the notes, the number of subtasks, the subtasks' runs.
 * Where those a reader skips to stand in it:
 */
export const RUN = { day: 0, line: 1, start: 2, end: 3, checkbox: 4, indent: 5, title: 6, url: 10, marker: 14, noteCount: 18 } as const;
/**
 * Where the number of subtasks stands in the run at `run`, past its notes; their runs follow it. Past
 * the end of `ints` it is NaN, where a reader finds nothing: the list ends early.
 */
export function subtaskCountAt(ints: Int32Array, run: number): number {
  return run + RUN.noteCount + 1 + STRING_INTS * (ints[run + RUN.noteCount] as number);
}

/**
 * Where the offsets and lines of a run of items count from. A month's runs count from its first
 * item: a line added to a month moves every month after it, and then only their bases change, not
 * every run (a tenth of an add at 10,000 items, where V8 does not optimize the loop). Years' and
 * sections' items, few, count from the start of the text.
 */
interface Base {
  offset: number;
  line: number;
}

const TEXT_START: Base = Object.freeze({ offset: 0, line: 0 });

/** The base of a month's items: its first item's, the one that starts first. */
function baseOf(items: readonly Item[]): Base {
  const first = items.reduce<Item | undefined>((found, item) => (found && found.source.start <= item.source.start ? found : item), undefined);
  return first ? { offset: first.source.start, line: first.line } : TEXT_START;
}

/** What JSON.stringify writes otherwise than as it stands (surrogates, paired or not, left to it). */
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;
const { day: DAY, line: LINE, checkbox: CHECKBOX, title: TITLE, url: URL, noteCount: NOTE_COUNT } = RUN;

/**
 * Most items have no notes and no subtasks: they share one empty array of each instead of two each.
 * Frozen, so that nothing can add to one item's notes through another's.
 */
const NO_NOTES = Object.freeze([]) as unknown as string[];
const NO_SUBTASKS = Object.freeze([]) as unknown as Item[];

export class ItemWriter {
  readonly ints: number[] = [];
  // Where the item's last string found ends, and its bytes from the item's checkbox.
  #unit = 0;
  #byte = 0;

  /**
   * `strings`: the table the strings not in the text go to. `offset`: where `text` starts in the
   * text the items' offsets are in (a part that holds every item written).
   */
  constructor(private readonly text: string, readonly strings: string[] = [], private readonly offset = 0) {}

  /** Runs of `items`, counting from `base`. */
  items(items: readonly Item[], base: Base = TEXT_START): void {
    for (const item of items) this.item(item, base);
  }

  /** A month's checkboxes, and where they stand among the bytes, as `PackedMonth` describes them; where they start. */
  boxes({ items, subtasks }: MonthCheckboxes, bytes: Required<MonthCheckboxes>['bytes']): number {
    const at = this.ints.length;
    this.ints.push(items.length, subtasks.length);
    for (const offsets of [items, subtasks, bytes.items, bytes.subtasks]) for (const offset of offsets) this.ints.push(offset);
    return at;
  }

  private item(item: Item, base: Base): void {
    const { source } = item;
    const { offset } = base;
    this.ints.push(item.day ?? NONE, item.line - base.line, source.start - offset, source.end - offset, source.checkOffset - offset, source.indent);
    const checkboxes = item.subtasks.length === 0 ? [source.checkOffset] : flatten([item]).map((task) => task.source.checkOffset);
    this.#unit = source.checkOffset;
    this.#byte = 0;
    this.string(item.title, source, checkboxes, offset);
    this.string(item.url, source, checkboxes, offset);
    this.string(source.marker, source, checkboxes, offset);
    this.ints.push(item.notes.length);
    for (const note of item.notes) this.string(note, source, checkboxes, offset);
    this.ints.push(item.subtasks.length);
    this.items(item.subtasks, base);
  }

  /**
   * Looked for within the item only (a string that is not there is not searched for to the end of
   * the file), and never where it would take in a checkbox: ticking that box would change the string.
   */
  private string(value: string | null, within: { start: number; end: number; checkOffset: number }, checkboxes: readonly number[], base: number): void {
    if (value === null) {
      this.ints.push(NULL_STRING, 0, 0, 0);
      return;
    }
    const item = this.text.slice(within.start - this.offset, within.end - this.offset);
    const takesBox = (at: number) => checkboxes.some((box) => box >= at && box < at + value.length);
    let at = item.indexOf(value);
    while (at !== -1 && takesBox(within.start + at)) at = item.indexOf(value, at + 1);
    if (at === -1) {
      this.ints.push(TABLE_STRING, this.strings.push(value) - 1, 0, 0);
      return;
    }
    const start = within.start + at;
    // Counted on from the last string's end: an item's strings mostly follow its box and each other.
    // One that starts before that is counted from the box, back for one before it (the marker).
    const box = within.checkOffset;
    const fromBox = start >= this.#unit ? this.#byte + this.utf8Length(this.#unit, start) : start >= box ? this.utf8Length(box, start) : -this.utf8Length(start, box);
    const bytes = Buffer.byteLength(value);
    this.ints.push(start - base, value.length, fromBox, bytes);
    if (start >= this.#unit) [this.#unit, this.#byte] = [start + value.length, fromBox + bytes];
  }

  /**
   * What the text from `from` to `to` (offsets in it) takes in UTF-8, as `Buffer.byteLength` counts
   * it (a lone surrogate as U+FFFD's three bytes). For the few characters between an item's strings:
   * a slice of the text and a call of `Buffer.byteLength` for each cost the first read of 100,000
   * items after a hand edit some 100 ms more. A string's own bytes are counted by that call: this
   * loop, which V8 does not optimize for a list under 2 MiB, took 10,000 items 30 ms more.
   */
  private utf8Length(from: number, to: number): number {
    const { text } = this;
    let bytes = 0;
    for (let at = from - this.offset; at < to - this.offset; at++) {
      const code = text.charCodeAt(at);
      if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else if ((code & 0xfc00) === 0xd800 && at + 1 < to - this.offset && (text.charCodeAt(at + 1) & 0xfc00) === 0xdc00) {
        bytes += 4;
        at++;
      } else bytes += 3;
    }
    return bytes;
  }
}

export function packList(list: ReadingList, text: string): PackedList {
  const writer = new ItemWriter(text);
  const headingIndex = new Map(list.headings.map((heading, index) => [heading, index]));
  const monthIndex = new Map(list.months.map((month, index) => [month, index]));
  const indexOf = (heading: Heading | null): number => (heading === null ? NONE : headingIndex.get(heading) ?? NONE);
  const counted = (items: readonly Item[], base?: Base): number => {
    writer.items(items, base);
    return items.length;
  };
  // Items are written in the order the outline names them: months', years', then sections'.
  const months = list.months.map((month): PackedMonth => {
    const at = writer.ints.length;
    const base = baseOf(month.items);
    return [month.id, month.year, month.month, month.headings.map(indexOf), month.label, counted(month.items, base), at, NONE, base.offset, base.line, idColumn(month.items)];
  });
  const monthsEnd = writer.ints.length;
  const years = list.years.map((year): PackedYear => [year.year, indexOf(year.heading), year.months.map((month) => monthIndex.get(month) ?? NONE), counted(year.items)]);
  const sections = list.sections.map((section): PackedSection => [section.id, section.title, section.line, counted(section.items), section.entries.map((entry) => [entry.title, entry.url, entry.line])]);
  // Then, past every run, the months' checkboxes.
  const bytes = utf8Offsets(text, list.months.flatMap(({ checkboxes }) => [checkboxes.items, checkboxes.subtasks]));
  list.months.forEach((month, index) => {
    (months[index] as PackedMonth)[7] = writer.boxes(month.checkboxes, { items: bytes[2 * index] as Int32Array, subtasks: bytes[2 * index + 1] as Int32Array });
  });
  const outline: Outline = [
    PackedHeadings.of(list.headings.map((heading) => [heading.depth, heading.text, heading.line, heading.start, heading.end, heading.setext ? 1 : 0])),
    months,
    years,
    sections,
    list.headingProblems.map((problem) => [indexOf(problem.heading), problem.kind]),
    writer.strings,
    text.length,
    monthsEnd,
    Buffer.byteLength(text),
  ];
  return { outline, ints: Int32Array.from(writer.ints) };
}

/** A packed list: the outline, and the items' integers. */
export interface PackedList {
  outline: Outline;
  ints: Int32Array;
}

/**
 * A packed list's bytes, in the parts to write one after the other: the head (see `packedHead`),
 * then the integers, as the items' runs and the months' checkboxes. Those are the integers' own
 * bytes, not a copy of them (7 MB at 100,000 items), each in pieces to write one after another;
 * and apart: a reader that needs no item (`progress`) need not read the runs, most of the bytes
 * (see store/digest-cache.ts).
 */
export interface PackedParts {
  head: Buffer;
  runs: Uint8Array[];
  boxes: Uint8Array[];
}

export function packedParts({ outline, ints }: PackedList): PackedParts {
  const end = runsEnd(outline[1], ints);
  return { head: packedHead(outline), runs: [bytesOf(ints.subarray(0, end))], boxes: [bytesOf(ints.subarray(end))] };
}

/**
 * The outline as JSON, with how many headings it has where they stand, then its headings as JSON
 * of their own, after the length of each; to a multiple of four bytes: the integers follow it.
 */
export function packedHead([headings, ...rest]: Outline): Buffer {
  const json = Buffer.from(JSON.stringify([headings.count, ...rest]), 'utf8');
  const headingsJson = Buffer.from(JSON.stringify(headings.list), 'utf8');
  const length = 2 * INT_BYTES + json.length + headingsJson.length;
  const head = Buffer.alloc(Math.ceil(length / INT_BYTES) * INT_BYTES);
  head.writeUInt32LE(json.length, 0);
  head.writeUInt32LE(headingsJson.length, INT_BYTES);
  json.copy(head, 2 * INT_BYTES);
  headingsJson.copy(head, 2 * INT_BYTES + json.length);
  return head;
}

/**
 * An outline's headings, read as JSON only when first asked for: `list`, `list --json` and
 * `progress` need none. At 100,000 items (3,612 headings) parsing them, and making an object of
 * each and an array of each month's, took 5 to 8 ms before a line was written.
 */
export class PackedHeadings {
  #list: PackedHeading[] | undefined;

  constructor(readonly count: number, private readonly read: () => PackedHeading[]) {
    if (!Number.isInteger(count) || count < 0) throw new Error('the cached headings are miscounted');
  }

  static of(list: PackedHeading[]): PackedHeadings {
    return new PackedHeadings(list.length, () => list);
  }

  get list(): PackedHeading[] {
    if (this.#list) return this.#list;
    const list = this.read();
    if (!Array.isArray(list) || list.length !== this.count) throw new Error('the cached headings are miscounted');
    return (this.#list = list);
  }
}

/** The integers' own bytes, in the machine's byte order. */
export function bytesOf(ints: Int32Array): Uint8Array {
  return new Uint8Array(ints.buffer, ints.byteOffset, ints.byteLength);
}

/**
 * What `packedParts` gave, joined. The integers are read where they stand when that is at a multiple of
 * four in memory, as an Int32Array must be (the cache's files are laid out so that they do): a
 * copy cost 5 ms at 100,000 items. Elsewhere they are copied out. Either way they are the bytes'
 * own: whoever changes them changes a copy (see `packedWithItem`).
 */
export function splitPacked(bytes: Buffer): PackedList {
  const jsonAt = 2 * INT_BYTES;
  const headingsAt = jsonAt + bytes.readUInt32LE(0);
  const headingsEnd = headingsAt + bytes.readUInt32LE(INT_BYTES);
  const intsAt = Math.ceil(headingsEnd / INT_BYTES) * INT_BYTES;
  const [headingCount, ...rest] = JSON.parse(bytes.toString('utf8', jsonAt, headingsAt)) as [number, ...Tail<Outline>];
  const outline: Outline = [new PackedHeadings(headingCount, () => JSON.parse(bytes.toString('utf8', headingsAt, headingsEnd)) as PackedHeading[]), ...rest];
  const length = (bytes.length - intsAt) / INT_BYTES;
  if (!Number.isInteger(length) || length < 0) throw new Error('the cached integers are cut short');
  const at = bytes.byteOffset + intsAt;
  if (at % INT_BYTES === 0) return { outline, ints: new Int32Array(bytes.buffer, at, length) };
  const ints = new Int32Array(length);
  Buffer.from(ints.buffer).set(bytes.subarray(intsAt));
  return { outline, ints };
}

class ItemReader {
  private readonly ints: Int32Array;
  private readonly strings: readonly string[];
  readonly #source: PackedSource;
  #text: string | undefined;

  private readonly offset: number;
  private readonly line: number;

  /** `next`: where the first run to read starts; its offsets and lines count from `base`. */
  constructor(source: PackedSource, private next: number, base: Base = TEXT_START) {
    ({ ints: this.ints, strings: this.strings } = source);
    ({ offset: this.offset, line: this.line } = base);
    this.#source = source;
  }

  /** Asked for only once an item is read: a list whose items are never read never decodes its text. */
  private get text(): string {
    return (this.#text ??= this.#source.text);
  }

  items(count: number, prefix: string, parent: string | null, year: number | null, month: number | null): Item[] {
    if (count > 0) this.#source.readRuns();
    const items: Item[] = [];
    for (let index = 1; index <= count; index++) items.push(this.item(`${prefix}.${index}`, parent, year, month));
    return items;
  }

  /**
   * `itemJson` (render/json.ts) of `count` items and their subtasks, flat, each after a comma, one
   * string an item pushed onto `out`, read without making the items; `state`: only those open or
   * done. How many. `date`: the JSON between an item's id and its day, the same for a month's items;
   * `parent`, between its line and its notes.
   */
  json(count: number, prefix: string, parent: string, date: string, state: ItemState, out: string[]): number {
    if (count === 0) return 0;
    this.#source.readRuns();
    // No call an item but for its strings, and one string an item, not its pieces: V8 does not
    // optimize this loop at 10,000 items, where a call in the interpreter costs more than the work
    // it calls for (`list --json` 101 → 96 ms).
    const { ints, offset, line } = this;
    const text = this.text;
    let written = 0;
    for (let index = 1; index <= count; index++) {
      const run = this.next;
      const notes = ints[run + NOTE_COUNT] as number;
      const checkbox = (ints[run + CHECKBOX] as number) + offset;
      if (!(notes >= 0) || checkbox < offset || checkbox >= text.length) throw new Error('a cached item outside the text');
      const id = `${prefix}.${index}`;
      const mark = text.charCodeAt(checkbox);
      const done = mark === TICKED.lower || mark === TICKED.upper;
      if (state === undefined || (state === 'done') === done) {
        const day = ints[run + DAY] as number;
        let json = ITEM_JSON.id + id + date + (day === NONE ? ITEM_JSON.null : day) + ITEM_JSON.title + this.stringJson(text, run + TITLE)
          + ITEM_JSON.url + this.stringJson(text, run + URL) + (done ? ITEM_JSON.done : ITEM_JSON.open) + ((ints[run + LINE] as number) + line) + parent;
        for (let note = 0; note < notes; note++) json += (note > 0 ? ITEM_JSON.comma : '') + this.stringJson(text, run + NOTE_COUNT + 1 + STRING_INTS * note);
        out.push(json + ITEM_JSON.close);
        written++;
      }
      const subtasksAt = run + NOTE_COUNT + 1 + STRING_INTS * notes;
      const subtasks = ints[subtasksAt];
      if (subtasks === undefined) throw new Error('the cached list ends early');
      this.next = subtasksAt + 1;
      if (subtasks > 0) written += this.json(subtasks, id, `${ITEM_JSON.parent}${id}${ITEM_JSON.notes}`, date, state, out);
    }
    return written;
  }

  /**
   * The string at `at` as JSON: as it stands between quotes, unless JSON escapes some of it. It
   * finds the string as `string` does, not through it: one call more a string cost `list --json`
   * 0.6 ms at 10,000 items, where the loop runs unoptimized.
   */
  private stringJson(text: string, at: number): string {
    const start = this.ints[at] as number;
    const length = this.ints[at + 1] as number;
    let value: string | undefined;
    if (start === NULL_STRING) return ITEM_JSON.null;
    if (start === TABLE_STRING) value = this.strings[length];
    else {
      const from = start + this.offset;
      if (start >= 0 && length >= 0 && from + length <= text.length) value = text.slice(from, from + length);
    }
    if (value === undefined) throw new Error('a cached string outside the text');
    return JSON_ESCAPED.test(value) ? JSON.stringify(value) : '"' + value + '"';
  }

  /** How many subtasks the run at `run` has: the reader is left where their runs start. */
  private subtasksOf(run: number): number {
    const at = subtaskCountAt(this.ints, run);
    const count = this.ints[at];
    if (count === undefined) throw new Error('the cached list ends early');
    this.next = at + 1;
    return count;
  }

  /** Throws unless the items read ended exactly where the next ones start. */
  endsAt(end: number): void {
    if (this.next !== end) throw new Error('the cached items do not end where the outline says');
  }

  /** The string whose offset (or kind) and length stand at `at`. */
  private string(at: number): string | null {
    const start = this.ints[at];
    const length = this.ints[at + 1];
    if (start === undefined || length === undefined) throw new Error('the cached list ends early');
    if (start === NULL_STRING) return null;
    if (start === TABLE_STRING) {
      const found = this.strings[length];
      if (found === undefined) throw new Error(`no string ${length} in the cached list`);
      return found;
    }
    const from = start + this.offset;
    if (start < 0 || length < 0 || from + length > this.text.length) throw new Error('a cached string outside the text');
    return this.text.slice(from, from + length);
  }

  private requiredString(at: number): string {
    const value = this.string(at);
    if (value === null) throw new Error('a cached string is missing');
    return value;
  }

  /** Where the run the reader stands at starts, once its fixed part is checked: whole, its checkbox inside the text, its notes counted. */
  private checkedRun(): number {
    const { ints, next: run } = this;
    if (run + RUN.noteCount >= ints.length) throw new Error('the cached list ends early');
    const checkbox = ints[run + RUN.checkbox] as number;
    if (checkbox < 0 || checkbox + this.offset >= this.text.length) throw new Error('a cached checkbox outside the text');
    if ((ints[run + RUN.noteCount] as number) < 0) throw new Error('a cached item with fewer than no notes');
    return run;
  }

  /**
   * The item whose run starts where the reader stands: its fields are read where they stand in the
   * run, checked once for the run's fixed part. A call a field, V8 not optimizing a short run, was a
   * tenth of `list --json` at 10,000 items.
   */
  private item(id: string, parent: string | null, year: number | null, month: number | null): Item {
    const { ints, text, offset, line } = this;
    const run = this.checkedRun();
    const checkOffset = (ints[run + RUN.checkbox] as number) + offset;
    const noteCount = ints[run + RUN.noteCount] as number;
    const notes: string[] = noteCount === 0 ? NO_NOTES : [];
    for (let note = 0; note < noteCount; note++) notes.push(this.requiredString(run + RUN.noteCount + 1 + STRING_INTS * note));
    const subtaskCount = this.subtasksOf(run);
    const day = ints[run + RUN.day] as number;
    return {
      id, year, month, day: day === NONE ? null : day,
      title: this.requiredString(run + RUN.title), url: this.string(run + RUN.url),
      done: tickedAt(text, checkOffset), line: (ints[run + RUN.line] as number) + line, parent, notes,
      subtasks: subtaskCount === 0 ? NO_SUBTASKS : this.items(subtaskCount, id, id, year, month),
      source: {
        start: (ints[run + RUN.start] as number) + offset, end: (ints[run + RUN.end] as number) + offset, checkOffset,
        marker: this.requiredString(run + RUN.marker), indent: ints[run + RUN.indent] as number,
      },
    };
  }
}

/**
 * Throws on anything that is not what `packList` wrote for the text: the caller then reads the text
 * afresh. Given as bytes, the text is decoded only if an item is read.
 */
export function unpackList(bytes: Buffer, given: DecodableText): ReadingList {
  return listOfPacked(splitPacked(bytes), given);
}

/**
 * `unpackList` of what `splitPacked` gave, which it leaves as it was. `readRuns`: called before any
 * item is read, where the items' runs among `ints` may not have been read yet; throws if they
 * cannot be.
 */
export function listOfPacked({ outline, ints }: PackedList, given: DecodableText, readRuns = () => {}): ReadingList {
  const [packedHeadings, packedMonths, packedYears, packedSections, packedProblems, strings, textLength, monthsEnd, byteLength] = outline;
  if (typeof given === 'string' ? given.length !== textLength : given.utf8.length !== byteLength) throw new Error('the cached list was made for another text');
  const decode = typeof given === 'string' ? () => given : given.text;
  let text: string | undefined;
  const utf8 = typeof given === 'string' ? undefined : given.utf8;
  const source: PackedSource = { ints, strings, readRuns, utf8, get text() { return (text ??= decode()); } };
  const boxStarts = [...packedMonths.map((packed) => packed[7]), ints.length];
  const itemsEnd = runsEnd(packedMonths, ints);
  const starts = [...packedMonths.map((packed) => packed[6]), monthsEnd, itemsEnd];
  const ordered = (at: readonly number[]) => at.every((start, index) => index === 0 || start >= (at[index - 1] as number));
  if (starts[0] !== 0 || !ordered(starts)) throw new Error('the cached months are out of order');
  if (!packedMonths.every((packed) => Number.isInteger(packed[10]))) throw new Error('a cached month without its id column');
  // Every heading the outline names is checked to be one it has, as the headings themselves are read only when asked for.
  const isHeading = (index: number) => Number.isInteger(index) && index >= 0 && index < packedHeadings.count;
  const named = packedMonths.every((packed) => packed[3].length > 0 && packed[3].every(isHeading))
    && packedYears.every(([, index]) => index === NONE || isHeading(index)) && packedProblems.every(([index]) => isHeading(index));
  if (!named) throw new Error('a cached month or year under a heading the list does not have');
  boxStarts.forEach((start, index) => {
    if (index > 0 && boxesAt(ints, boxStarts[index - 1] as number).end !== start) throw new Error('the cached checkboxes do not end where the next month\'s start');
  });

  // Made when first asked for (see `PackedHeadings`), by index, as the months are (see `CachedMonth`).
  let headings: Heading[] | undefined;
  const allHeadings = () => (headings ??= packedHeadings.list.map((packed): Heading => ({ depth: packed[0], text: packed[1], line: packed[2], start: packed[3], end: packed[4], setext: packed[5] === 1 })));
  const heading = (index: number): Heading => allHeadings()[index] as Heading;
  // A month's items are read when first asked for: `read` alone, `done` or `--month` need one month of many.
  const months = packedMonths.map((packed, index): Month => new CachedMonth(packed, starts[index + 1] as number, heading, source));
  const reader = new ItemReader(source, monthsEnd);
  const years = packedYears.map(([year, headingIndex, monthIndexes, items]): Year => ({
    year,
    get heading() {
      return headingIndex === NONE ? null : heading(headingIndex);
    },
    months: monthIndexes.map((index) => {
      const month = months[index];
      if (!month) throw new Error(`no month ${index} in the cached list`);
      return month;
    }),
    items: reader.items(items, String(year), null, year, null),
  }));
  const sections = packedSections.map(([id, title, line, items, entries]): Section => ({
    id, title, line, items: reader.items(items, id, null, null, null), entries: entries.map(([entryTitle, url, entryLine]): Entry => ({ title: entryTitle, url, line: entryLine })),
  }));
  reader.endsAt(itemsEnd);
  let headingProblems: HeadingProblem[] | undefined;
  const list: ReadingList = {
    years,
    months,
    sections,
    get headings() {
      return allHeadings();
    },
    get headingProblems() {
      return (headingProblems ??= packedProblems.map(([index, kind]): HeadingProblem => ({ heading: heading(index), kind })));
    },
  };
  sourceOf.set(list, source);
  return list;
}

/** Where the items' runs end: the months' checkboxes follow them. */
export function runsEnd(months: readonly PackedMonth[], ints: Int32Array): number {
  return months[0]?.[7] ?? ints.length;
}

/**
 * Where the offsets of the month's checkboxes stored at `start` stand (see `PackedMonth`): its
 * items', from `items`, its subtasks', from `subtasks`, the same boxes' byte offsets from `bytes`,
 * up to `end` (NaN past the end of `ints`). `count`: how many boxes the month has.
 */
export function boxesAt(ints: Int32Array, start: number): { items: number; subtasks: number; bytes: number; end: number; count: number } {
  const items = start + 2;
  const subtasks = items + (ints[start] as number);
  const bytes = subtasks + (ints[start + 1] as number);
  return { items, subtasks, bytes, end: bytes + (bytes - items), count: bytes - items };
}

/** A month's checkboxes stored at `start`: views, not copies (a copy per month was most of reading them). */
function monthBoxes(ints: Int32Array, start: number): MonthCheckboxes {
  const { items, subtasks, bytes, end } = boxesAt(ints, start);
  const byteSubtasks = bytes + (subtasks - items);
  return {
    items: ints.subarray(items, subtasks),
    subtasks: ints.subarray(subtasks, bytes),
    bytes: { items: ints.subarray(bytes, byteSubtasks), subtasks: ints.subarray(byteSubtasks, end) },
  };
}

/** Where a cached list's item strings come from: slices of its text, or its table. */
const sourceOf = new WeakMap<ReadingList, PackedSource>();

/**
 * False when no item of `list` can have `url`. A list read from the cache knows without reading its
 * items: each string of theirs is a slice of the text or in the list's table, so a url in neither
 * is no item's. Any other list may have it.
 */
export function mayHaveUrl(list: ReadingList, url: string): boolean {
  const source = sourceOf.get(list);
  return !source || source.text.includes(url) || source.strings.includes(url);
}

/** What a cached list's items are read from. */
interface PackedSource {
  ints: Int32Array;
  strings: readonly string[];
  /** Called before any run is read: a list read for its checkboxes alone may not have read them. */
  readRuns(): void;
  /** Decoded when first asked for, where the list was read against bytes (see `DecodableText`). */
  readonly text: string;
  /** The text's UTF-8 bytes, where the list was read against them. */
  utf8: Uint8Array | undefined;
}

/**
 * A cached month's items as they stand in the integers and the file's bytes, for a writer that
 * needs no item made (store/month-bytes.ts). `boxes`: where the byte offsets of its items' and its
 * subtasks' checkboxes start among the integers, in the order the items' runs come in.
 */
export interface CachedMonthRuns {
  id: string;
  year: number;
  month: number;
  ints: Int32Array;
  strings: readonly string[];
  utf8: Uint8Array;
  count: number;
  at: number;
  end: number;
  base: Base;
  boxes: MonthBoxes;
}

/**
 * Where a month's checkboxes stand among the integers: the offsets of its items' from `items`, its
 * subtasks' from `subtasks`, and the same boxes' byte offsets from `itemBytes` and `subtaskBytes`.
 */
interface MonthBoxes {
  items: number;
  subtasks: number;
  itemBytes: number;
  subtaskBytes: number;
}

/** A month's runs, where it is a cached month read against the file's bytes. */
export function cachedMonthRuns(month: Month): CachedMonthRuns | undefined {
  return month instanceof CachedMonth ? month.runs() : undefined;
}

/** A month's items' runs among the integers, from `at` to `end`, counting from `base`, and where its checkboxes stand (see `PackedMonth`). */
interface MonthRuns {
  count: number;
  at: number;
  end: number;
  boxes: number;
  base: Base;
}

/**
 * A month of a cached list: its items and checkboxes are read when first asked for. What `packList`
 * wrote is checked by its checksum and key before it is read (store/digest-cache.ts), so a month
 * read late cannot fail where one read at once would not; it still checks where its items end.
 * A class, not accessors defined on each month: those gave every month a hidden class of its own
 * (3,000 of them at 100,000 items), and reading the cached list took half as long again.
 */
class CachedMonth implements Month {
  readonly id: string;
  readonly year: number;
  readonly month: number;
  readonly label: string | null;
  readonly #source: PackedSource;
  readonly #packed: PackedMonth;
  readonly #end: number;
  readonly #heading: (index: number) => Heading;
  #headings: Heading[] | undefined;
  #items: Item[] | undefined;
  #checkboxes: MonthCheckboxes | undefined;

  /**
   * Made for every month of a list read (3,334 at 100,000 items) before any is used: fields taken
   * from the packed month by index, and its runs only when asked for. Destructured, and with its
   * runs made at once, this took 4 to 8 ms at 100,000 items, in code not yet optimized.
   */
  constructor(packed: PackedMonth, end: number, heading: (index: number) => Heading, source: PackedSource) {
    this.id = packed[0];
    this.year = packed[1];
    this.month = packed[2];
    this.#heading = heading;
    this.label = packed[4];
    this.#packed = packed;
    this.#end = end;
    this.#source = source;
  }

  get #runs(): MonthRuns {
    const packed = this.#packed;
    return { count: packed[5], at: packed[6], end: this.#end, boxes: packed[7], base: { offset: packed[8], line: packed[9] } };
  }

  /** Its headings, made when first asked for: see `PackedHeadings`. */
  get headings(): Heading[] {
    return (this.#headings ??= this.#packed[3].map(this.#heading));
  }

  get heading(): Heading {
    return this.headings[0] as Heading;
  }

  get items(): Item[] {
    return (this.#items ??= this.#readItems());
  }

  get checkboxes(): MonthCheckboxes {
    return (this.#checkboxes ??= monthBoxes(this.#source.ints, this.#runs.boxes));
  }

  /** Its items, read again unless it holds them already, and not kept: see `itemsForOnePass`. */
  itemsAfresh(): Item[] {
    return this.#items ?? this.#readItems();
  }

  /** Its runs, where its items can be read off the file's bytes (see `cachedMonthRuns`). */
  runs(): CachedMonthRuns | undefined {
    const { ints, strings, utf8 } = this.#source;
    if (utf8 === undefined) return undefined;
    this.#source.readRuns();
    const { count, at, end, base, boxes: boxesStart } = this.#runs;
    const { items, subtasks, bytes } = boxesAt(ints, boxesStart);
    const { id, year, month } = this;
    const boxes = { items, subtasks, itemBytes: bytes, subtaskBytes: bytes + (subtasks - items) };
    return { id, year, month, ints, strings, utf8, count, at, end, base, boxes };
  }

  /** `itemJson` of its items, flat, each after a comma (see `ItemReader.json`), and how many: read off their runs without making them. */
  json(state: ItemState): JsonText {
    return this.#read((reader) => {
      const out: string[] = [];
      const date = `${ITEM_JSON.year}${this.year}${ITEM_JSON.month}${this.month}${ITEM_JSON.day}`;
      const count = reader.json(this.#runs.count, this.id, ITEM_JSON.noParent, date, state, out);
      return { json: out.join(''), count };
    });
  }

  /** Its items' `idColumn`, kept (see `PackedMonth`). */
  idColumn(): number {
    return this.#packed[10];
  }

  #readItems(): Item[] {
    return this.#read((reader) => reader.items(this.#runs.count, this.id, null, this.year, this.month));
  }

  #read<T>(what: (reader: ItemReader) => T): T {
    const reader = new ItemReader(this.#source, this.#runs.at, this.#runs.base);
    const found = what(reader);
    reader.endsAt(this.#runs.end);
    return found;
  }
}

/**
 * A month's items for one pass over the list. A month read from the cache reads them afresh unless
 * it holds them already, and does not keep them: a pass over every month of a long list then holds
 * one month's items at a time, not all of them until the end, which the collector would copy again
 * and again (two thirds of `list` at 100,000 items). Any other month gives its own.
 */
export function itemsForOnePass(month: Month): Item[] {
  return month instanceof CachedMonth ? month.itemsAfresh() : month.items;
}

/**
 * The compact `list --json` of a month's items (`itemJson` of each, flat, each after a comma) in
 * `state`, where the month was read from the cache: built from its runs and slices of the text,
 * without making its items. Making them, and an object of each for JSON.stringify, was most of
 * `list --json` at 10,000 items: this took 15 ms, not 24.
 */
export function cachedMonthJson(month: Month, state: ItemState): JsonText | undefined {
  return month instanceof CachedMonth ? month.json(state) : undefined;
}

/** `idColumn` of a month's items (model/ids.ts): a month read from the cache has it kept, without making its items. */
export function monthIdColumn(month: Month): number {
  return month instanceof CachedMonth ? month.idColumn() : idColumn(month.items);
}

/**
 * `idColumn` of the `count` items whose runs stand from `at` in `ints`, and their subtasks, read off
 * the runs: an item's id is its parent's (or the month's, `prefixLength` long) and `.index`.
 */
export function runsIdColumn(ints: Int32Array, at: number, count: number, prefixLength: number): number {
  let next = at;
  const column = (items: number, prefix: number, depth: number): number => {
    let widest = 0;
    for (let index = 1, digits = 1, tens = 10; index <= items; index++) {
      if (index === tens) {
        digits++;
        tens *= 10;
      }
      const width = prefix + 1 + digits;
      const subtasksAt = subtaskCountAt(ints, next);
      const subtasks = ints[subtasksAt];
      if (subtasks === undefined) throw new Error('the runs end early');
      next = subtasksAt + 1;
      widest = Math.max(widest, 2 * depth + width, subtasks > 0 ? column(subtasks, width, depth + 1) : 0);
    }
    return widest;
  };
  return column(count, prefixLength, 0);
}
