import type { Style } from './style.js';
import type { Entry, Item, Month, Section, Year } from '../model/types.js';
import { eachItem } from '../model/select.js';
import { sanitize } from './sanitize.js';
import type { Sink } from './sink.js';
import { isPlainAscii, type Width } from './width.js';

/** What `read list` shows, already filtered. */
export interface ListView {
  years: { year: Year; items: Item[]; months: MonthView[] }[];
  sections: { section: Section; items: Item[] }[];
  /** Notes and plain entries too (`--all`). */
  all: boolean;
}

/**
 * A month as shown. Its items are read for each pass over the list (where the cache allows, afresh
 * and not kept), so that a long list's never all stand in memory at once.
 */
export interface MonthView {
  month: Month;
  /** Every item of the month, and those shown. */
  items(): { all: readonly Item[]; shown: Item[] };
  /** The column every item's id of the month lines up to (`idColumn` in model/ids.ts), where the cache allows without reading them. */
  idColumn(): number;
}

export interface RenderOptions {
  style: Style;
  /** Terminal width; lines are cut to it. Undefined off a terminal: nothing is cut. */
  columns?: number;
  width: Width;
  /** What a pass over the months found. */
  survey: Survey;
  /**
   * A month's item lines as they would be rendered here, made elsewhere (store/month-lines.ts),
   * given how wide the id column is; undefined where they cannot be. Only when every item is shown,
   * plain: no colour, nothing cut, no notes.
   */
  monthLines?: (month: Month, idColumn: number) => MonthLines | undefined;
}

/** A month's item lines of `read list`, as UTF-8, and how many of its own items (not their subtasks) there are and are done. */
export interface MonthLines {
  bytes: Uint8Array;
  done: number;
  items: number;
}

/** What the pass over the months before printing finds. */
export interface Survey {
  /** Months with nothing to show under a filter that narrows; none without one. */
  empty: Set<Month>;
  /** The widest id of a month's item, with its indent: a month's ids are ASCII (`2023-04.3.1`). */
  idColumn: number;
  /** On a terminal, whether every text of the months' items that may be cut is printable ASCII. */
  plainAscii: boolean;
}

/**
 * The first pass over the months: what the second, which prints them, needs to know first. With
 * every item shown and nothing to cut, that is only the id column, which the months know without
 * their items being read.
 */
export function surveyMonths(years: ListView['years'], columns: number | undefined, narrowed: boolean): Survey {
  const survey: Survey = { empty: new Set(), idColumn: 0, plainAscii: true };
  const visit = (item: Item, depth: number) => {
    survey.idColumn = Math.max(survey.idColumn, depth * 2 + item.id.length);
    if (columns !== undefined && survey.plainAscii) survey.plainAscii = [item.title, item.url ?? '', ...item.notes].every(isPlainAscii);
  };
  for (const { months } of years) {
    for (const monthView of months) {
      if (!narrowed && columns === undefined) {
        survey.idColumn = Math.max(survey.idColumn, monthView.idColumn());
        continue;
      }
      const { shown } = monthView.items();
      if (shown.length === 0) survey.empty.add(monthView.month);
      eachItem(shown, visit);
    }
  }
  return survey;
}

/**
 * What `renderList` measures besides the months' items: on a terminal every text it may cut; off
 * one only ids, and an item's id is its year's or section's with numbers after it, so those few
 * stand for them all.
 */
export function measuredTexts(view: ListView, columns: number | undefined): string[] {
  const texts: string[] = view.years.map(({ year }) => String(year.year));
  for (const { section } of view.sections) texts.push(section.id);
  if (columns === undefined) return texts;
  const visit = (items: readonly Item[]): void => {
    for (const item of items) {
      texts.push(item.title, item.url ?? '', ...item.notes);
      visit(item.subtasks);
    }
  };
  for (const { items } of view.years) visit(items);
  for (const { section, items } of view.sections) {
    visit(items);
    for (const entry of section.entries) texts.push(entry.title, entry.url ?? '');
  }
  return texts;
}

/** `' '.repeat(n)` once per width, not once per line. */
const spaces: string[] = [];
const blank = (columns: number): string => (spaces[columns] ??= ' '.repeat(Math.max(0, columns)));
const DAYS = Array.from({ length: 100 }, (_, day) => (day < 10 ? ` ${day}` : String(day)));

/**
 * Pieces joined before they are handed on: a few thousand characters, which `Output`
 * (commands/output.ts) encodes into its buffer. Four times as many made strings of some 29,000
 * characters at 10,000 items, past what fits there, and each was encoded into new memory of its own.
 */
const PIECES_PER_WRITE = 1024;

/**
 * Writes the text of `read list` as it is made, a thousand pieces at a time: the pieces of a
 * long list never all stand in memory at once (they were 1.3 million strings at 100,000 items, all
 * copied by the collector), and a reader at the other end of a pipe starts on the first lines.
 * Pieces, not lines joined up: a line of a dozen parts glued together is a dozen strings to build
 * and throw away.
 */
// Loops, not spreads: a list of 100,000 items would overflow the arguments of `push(...)`/`max(...)`.
export function renderList(view: ListView, { style, columns, width, survey, monthLines }: RenderOptions, { write, writeBytes }: Sink): void {
  let idColumn = survey.idColumn;
  const measure = (item: Item, depth: number) => {
    idColumn = Math.max(idColumn, depth * 2 + width.of(sanitize(item.id)));
  };
  for (const { items } of view.years) eachItem(items, measure);
  for (const { items } of view.sections) eachItem(items, measure);

  const out: string[] = [];
  const flush = () => {
    write(out.join(''));
    out.length = 0;
  };
  const leadWidth = 4 + 3 + 1 + idColumn + 1 + 2 + 1;
  const noteIndent = blank(leadWidth + 2);
  const [open, done] = [style.yellow('[ ]'), style.green('[x]')];
  const itemLines = (items: readonly Item[]): void => eachItem(items, (item, depth) => {
    const id = sanitize(item.id);
    const url = item.url === null ? '' : sanitize(item.url);
    out.push(blank(4 + depth * 2), item.done ? done : open, ' ', style.cyan(id), blank(idColumn - depth * 2 - width.of(id)), ' ', style.dim(item.day === null ? '  ' : DAYS[item.day] ?? String(item.day)), ' ');
    fit(out, sanitize(item.title), url, columns === undefined ? undefined : columns - leadWidth, style, item.done, width);
    if (view.all) {
      for (const note of item.notes) {
        const line = `${noteIndent}· ${sanitize(note)}`;
        out.push(style.dim(columns === undefined ? line : width.cut(line, columns)), '\n');
      }
    }
    if (out.length >= PIECES_PER_WRITE) flush();
  });
  // A blank line between blocks, none after the last.
  let blocks = 0;
  const block = (heading: string) => {
    if (blocks++ > 0) out.push('\n');
    out.push(heading, '\n');
  };

  const monthHeading = (month: Month, done: number, items: number) => {
    const label = month.label !== null && month.label !== month.id ? `  ${sanitize(month.label)}` : '';
    out.push(`  ${style.bold(month.id)}${label}  ${style.dim(`${done}/${items}`)}`, '\n');
  };
  for (const { year, items, months } of view.years) {
    block(style.bold(String(year.year)));
    itemLines(items);
    for (const monthView of months) {
      const { month } = monthView;
      const lines = monthLines?.(month, idColumn);
      if (lines) {
        monthHeading(month, lines.done, lines.items);
        flush();
        writeBytes(lines.bytes);
        continue;
      }
      const { all, shown } = monthView.items();
      let doneCount = 0;
      for (const item of all) if (item.done) doneCount++;
      monthHeading(month, doneCount, all.length);
      itemLines(shown);
    }
  }
  for (const { section, items } of view.sections) {
    block(style.bold(`§ ${sanitize(section.title)}`));
    itemLines(items);
    if (view.all) for (const entry of section.entries) entryLine(out, entry, style, columns, width);
  }
  flush();
}

function entryLine(out: string[], entry: Entry, style: Style, columns: number | undefined, width: Width): void {
  out.push('    •  ');
  fit(out, sanitize(entry.title), entry.url === null ? '' : sanitize(entry.url), columns === undefined ? undefined : columns - 7, style, false, width);
}

/** Title, then the url dimmed, to the end of the line; on a terminal the url gives way first, then the title. */
function fit(out: string[], title: string, url: string, room: number | undefined, style: Style, done: boolean, width: Width): void {
  let [shownTitle, shownUrl] = [title, url];
  if (room !== undefined) {
    const urlRoom = Math.max(0, room - width.of(title) - 2);
    if (url && urlRoom < Math.min(width.of(url), 12)) {
      shownTitle = width.cut(title, Math.max(8, room - Math.min(width.of(url), 12) - 2));
      shownUrl = width.cut(url, Math.max(0, room - width.of(shownTitle) - 2));
    } else {
      shownTitle = width.cut(title, room);
      shownUrl = width.cut(url, urlRoom);
    }
  }
  out.push(done ? shownTitle : style.bold(shownTitle));
  if (shownUrl) out.push('  ', style.dim(shownUrl));
  out.push('\n');
}
