import type { SectionSpan } from '../markdown/sections.js';
import type { Block, RawItem, SectionDigest } from './digest.js';
import type { Heading } from './types.js';

/** Text inserted: where in the text it went into (a section's, or the whole file's), how long, and how many line breaks it holds. */
export interface Insertion {
  at: number;
  length: number;
  lines: number;
}

/** An insertion with the text it wrote, and where it went among the text's UTF-8 bytes. */
export type InsertedText = Insertion & { text: string; byteAt: number };

export interface InsertedItem {
  item: RawItem;
  /**
   * The item the new one follows in its scope: the last task before it that is no one's subtask, with
   * no heading between them. Undefined when there is none in the section.
   */
  follows: RawItem | undefined;
}

/** Equal; equal but for the one task inserted; or not the same. */
type Match = null | RawItem | false;

/**
 * The task an insertion added to a section, when that is all it changed: every heading and item of
 * `after` reads as in `before` (moved by the insertion when it stands past it), and the one new item
 * is a single task, written wholly by the insertion, that is no one's subtask. Undefined for any other
 * change, which the caller checks by reading the whole list again.
 *
 * Why this is enough, for a section between two of the list's headings (see `sectionAround`) that
 * leaves no fence or HTML block open, in a file that defines no links: the text around the section is
 * the same and reads the same, and the list is a fold over the blocks in file order. The same blocks
 * with one task more give the same list with one item more, in the scope of the item it follows.
 */
export function insertedItem(before: SectionDigest, after: SectionDigest, insertion: Insertion): InsertedItem | undefined {
  const item = new InsertionMatch(insertion).blocks(before.blocks, after.blocks);
  return item ? { item, follows: taskBefore(after.blocks, item) } : undefined;
}

class InsertionMatch {
  constructor(private readonly insertion: Insertion) {}

  /** A position of `after` where it stood in `before`. */
  private was(position: number): number {
    const { at, length } = this.insertion;
    return position >= at + length ? position - length : position;
  }

  private wasLine(line: number, start: number): number {
    return start >= this.insertion.at + this.insertion.length ? line - this.insertion.lines : line;
  }

  /** Wholly inside the inserted text: an item the insertion wrote, not one it moved or joined. */
  private isNew(item: RawItem): boolean {
    const { at, length } = this.insertion;
    return item.task && item.children.length === 0 && item.start >= at && item.end <= at + length;
  }

  blocks(before: readonly Block[], after: readonly Block[]): Match {
    if (after.length === before.length) return this.pairs(before, after, (was, now) => this.block(was, now));
    // A list of its own holding only the new item.
    return this.oneMore(before, after, (was, now) => this.block(was, now), (block) => (block.kind === 'list' && block.items.length === 1 && block.items[0] && this.isNew(block.items[0]) ? block.items[0] : false));
  }

  private block(before: Block, after: Block): Match {
    if (before.kind === 'heading' && after.kind === 'heading') {
      const [was, now] = [before.heading, after.heading];
      return was.depth === now.depth && was.text === now.text && was.setext === now.setext && was.start === this.was(now.start)
        && was.end === this.was(now.end) && was.line === this.wasLine(now.line, now.start) && null;
    }
    return before.kind === 'list' && after.kind === 'list' && this.items(before.items, after.items, true);
  }

  /** `mayInsert`: no task stands above these items (a task inserted below one would be its subtask). */
  private items(before: readonly RawItem[], after: readonly RawItem[], mayInsert: boolean): Match {
    const item = (was: RawItem, now: RawItem) => this.item(was, now, mayInsert);
    if (after.length === before.length) return this.pairs(before, after, item);
    return mayInsert ? this.oneMore(before, after, item, (now) => (this.isNew(now) ? now : false)) : false;
  }

  private item(before: RawItem, after: RawItem, mayInsert: boolean): Match {
    const same = before.task === after.task && before.done === after.done && before.title === after.title && before.url === after.url
      && before.day === after.day && before.marker === after.marker && before.indent === after.indent
      && before.start === this.was(after.start) && before.end === this.was(after.end) && before.line === this.wasLine(after.line, after.start)
      && before.checkOffset === (after.checkOffset < 0 ? after.checkOffset : this.was(after.checkOffset))
      && before.notes.length === after.notes.length && before.notes.every((note, index) => note === after.notes[index]);
    return same && this.items(before.children, after.children, mayInsert && !after.task);
  }

  /** Pairwise, with at most one insertion found among them. */
  private pairs<T>(before: readonly T[], after: readonly T[], match: (was: T, now: T) => Match): Match {
    let inserted: Match = null;
    for (const [index, now] of after.entries()) {
      const found = match(before[index] as T, now);
      if (found === false || (found && inserted)) return false;
      inserted = found || inserted;
    }
    return inserted;
  }

  /** `after` is `before` with one element more, which `added` accepts as the new item; the rest the same. */
  private oneMore<T>(before: readonly T[], after: readonly T[], match: (was: T, now: T) => Match, added: (now: T) => Match): Match {
    if (after.length !== before.length + 1) return false;
    let index = 0;
    while (index < before.length && match(before[index] as T, after[index] as T) === null) index++;
    const item = added(after[index] as T);
    return item && this.pairs(before.slice(index), after.slice(index + 1), match) === null && item;
  }
}

/**
 * The digest of a section with an item's line inserted, from its digest before: `item` (in the
 * section's offsets and lines) stands right after `follows` (the start of one of its lists'
 * top-level items), as the next of them. Headings and items past the insertion move by its length
 * and lines. What `insertedItem` found, read off a stretch of the section from the line `follows`
 * starts on (add-check.ts), put back into the whole section's digest: the next read of the file
 * from its digests then parses nothing. Only for an item at the top of a list: one that stands in
 * another reads alone with that one's indentation as its own, and a line after it may join another
 * list there than in the section (the model, which lifts tasks out of plain bullets, reads them
 * alike; the digest does not). Undefined when `follows` is no such item.
 */
export function digestWithItem(digest: SectionDigest, insertion: Insertion, item: RawItem, follows: number): SectionDigest | undefined {
  const { at, length, lines } = insertion;
  let placed = false;
  const blocks = digest.blocks.map((block): Block => {
    if (block.kind === 'list') {
      return { kind: 'list', items: block.items.flatMap((raw) => {
        if (raw.start !== follows) return [raw.start >= at ? shiftedItem(raw, length, lines) : raw];
        placed = true;
        return [raw, item];
      }) };
    }
    const { heading } = block;
    return heading.start >= at ? { kind: 'heading', heading: { ...heading, start: heading.start + length, end: heading.end + length, line: heading.line + lines } } : block;
  });
  return placed ? { ...digest, blocks } : undefined;
}

/** `raw` and its children, `offset` characters and `lines` lines further on. */
export function shiftedItem(raw: RawItem, offset: number, lines: number): RawItem {
  return {
    ...raw, start: raw.start + offset, end: raw.end + offset, line: raw.line + lines,
    checkOffset: raw.checkOffset < 0 ? raw.checkOffset : raw.checkOffset + offset,
    children: raw.children.map((child) => shiftedItem(child, offset, lines)),
  };
}

/** Whether `item` stands right after `follows` among the top-level items of one of `blocks`' lists. */
export function nextAtTop(blocks: readonly Block[], follows: RawItem, item: RawItem): boolean {
  return blocks.some((block) => {
    if (block.kind !== 'list') return false;
    const at = block.items.indexOf(follows);
    return at !== -1 && block.items[at + 1] === item;
  });
}

/** The last task before `item` that is no one's subtask (tasks under plain bullets count), since the last heading. */
function taskBefore(blocks: readonly Block[], item: RawItem): RawItem | undefined {
  let previous: RawItem | undefined;
  const reaches = (items: readonly RawItem[]): boolean => items.some((candidate) => {
    if (candidate === item) return true;
    if (candidate.task) previous = candidate;
    return !candidate.task && reaches(candidate.children);
  });
  for (const block of blocks) {
    if (block.kind === 'heading') previous = undefined;
    else if (reaches(block.items)) return previous;
  }
  return undefined;
}

/**
 * The stretch of `text` around `at` from the last of the list's headings before it to the first after
 * it, counting only headings written with `#` at the start of a line (or from the text's start, to
 * its end). Such a heading ends every block above it, so the stretch reads alone as it reads in the
 * whole text: the rule sectioned reading rests on (markdown/sections.ts). Found from the headings,
 * not by splitting the text, which at 100,000 items takes 25 ms.
 */
export function sectionAround(text: string, headings: readonly Heading[], at: number): SectionSpan {
  const startsLine = (heading: Heading) => !heading.setext && text.charCodeAt(heading.start) === HASH && (heading.start === 0 || text.charCodeAt(heading.start - 1) === NEWLINE);
  const past = firstAfter(headings, at);
  let after = past;
  while (after < headings.length && !startsLine(headings[after] as Heading)) after++;
  let before = past - 1;
  while (before >= 0 && !startsLine(headings[before] as Heading)) before--;
  const [first, next] = [headings[before], headings[after]];
  return { start: first?.start ?? 0, end: next?.start ?? text.length, line: first?.line ?? 1 };
}

const HASH = 35;
const NEWLINE = 10;

/** Index of the first heading that starts past `at` (headings are in file order). */
function firstAfter(headings: readonly Heading[], at: number): number {
  let [low, high] = [0, headings.length];
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((headings[middle] as Heading).start > at) high = middle;
    else low = middle + 1;
  }
  return low;
}
