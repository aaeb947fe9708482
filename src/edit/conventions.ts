import { countBoxes } from '../model/checkbox.js';
import { newestFirst, readHeadingDate } from '../model/dates.js';
import { datedItems, flatten } from '../model/select.js';
import type { Heading, ReadingList } from '../model/types.js';
import { blankLinesAfter, blankLinesBefore, lineEnd, lineStart, mostCommon } from './lines.js';

/** How this file is written, read off the file itself, so that what `read` adds looks like the rest. */
export interface Conventions {
  eol: '\n' | '\r\n';
  /** `X` or `x`, as the file's done items have it. */
  checkedMark: string;
  /** Day prefixes written `07` rather than `7`. */
  dayPadded: boolean;
  /** Done items carry Obsidian Tasks' ` ✅ YYYY-MM-DD`. */
  doneStamps: boolean;
  /** The file's most used marker for top-level items, for lists `read` starts. */
  bullet: string;
  newestFirst: { years: boolean; months: boolean; days: boolean };
  /** Blank lines between sibling headings and between a heading and what it holds. */
  gaps: { year: number; month: number; day: number; yearToMonth: number; headingToItem: number };
  templates: { year?: Heading; month?: Heading; day?: Heading };
}

type DatedHeading = { heading: Heading; key: number };

type HeadingKinds = { years: DatedHeading[]; months: DatedHeading[]; days: DatedHeading[] };

/** Asked for by the add planner and by the layout, of the same list: worked out once. */
const kindsOf = new WeakMap<ReadingList, HeadingKinds>();

export function headingKinds(list: ReadingList): HeadingKinds {
  let kinds = kindsOf.get(list);
  if (!kinds) kindsOf.set(list, (kinds = kindsIn(list)));
  return kinds;
}

/** `-`, `*`, `+`, or `1.`/`1)` for any number: a bullet as a new list would start. */
function bulletOf(marker: string): string {
  return marker.length > 1 ? `1${marker.slice(-1)}` : marker;
}

function kindsIn(list: ReadingList): HeadingKinds {
  const years: DatedHeading[] = [];
  const months: DatedHeading[] = [];
  const days: DatedHeading[] = [];
  const yearLines = new Set(list.years.map((year) => year.heading?.line));
  for (const heading of list.headings) {
    const date = readHeadingDate(heading.text);
    if (date?.kind === 'year' && yearLines.has(heading.line)) years.push({ heading, key: date.year });
  }
  for (const month of list.months) {
    for (const heading of month.headings) {
      const date = readHeadingDate(heading.text);
      if (date?.kind === 'day') days.push({ heading, key: date.year * 10_000 + date.month * 100 + date.day });
      else months.push({ heading, key: month.year * 12 + month.month });
    }
  }
  const byLine = (a: DatedHeading, b: DatedHeading) => a.heading.line - b.heading.line;
  return { years, months: months.sort(byLine), days: days.sort(byLine) };
}

/**
 * `x` when most of the file's done dated items have it, else `X` (and `x` for a file with none
 * done). Read off their checkboxes, which a month has without its items being read.
 */
function checkedMarkOf(text: string, list: ReadingList): string {
  const boxes = countBoxes(text, []);
  for (const year of list.years) {
    countBoxes(text, flatten(year.items).map((item) => item.source.checkOffset), boxes);
    for (const month of year.months) {
      countBoxes(text, month.checkboxes.items, boxes);
      countBoxes(text, month.checkboxes.subtasks, boxes);
    }
  }
  return boxes.lower > boxes.done / 2 ? 'x' : boxes.done > 0 ? 'X' : 'x';
}

/** A value worked out when first asked for, then kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/**
 * Each convention is read off the file when first asked for, and only that one: on a long list some
 * are a scan of every item, and adding to a month that has items needs none of those.
 */
export function conventionsOf(file: { readonly text: string; readonly eol: Conventions['eol'] }, list: ReadingList): Conventions {
  const { text } = file;
  const checkedMark = once(() => checkedMarkOf(text, list));
  const doneStamps = once(() => text.includes('✅') && /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[xX]\].*✅ \d{4}-\d{2}-\d{2}/mu.test(text));
  const dayPadded = once(() => writesPaddedDays(text));
  const bullet = once(() => mostCommon(datedItems(list).filter((item) => item.parent === null).map((item) => bulletOf(item.source.marker)), '-'));
  const newestFirst = once(() => orderOf(list));
  const gaps = once(() => gapsOf(text, list));
  return {
    get eol() { return file.eol; },
    get checkedMark() { return checkedMark(); },
    get doneStamps() { return doneStamps(); },
    get dayPadded() { return dayPadded(); },
    get bullet() { return bullet(); },
    get newestFirst() { return newestFirst(); },
    get gaps() { return gaps(); },
    get templates() {
      const { years, months, days } = headingKinds(list);
      return { year: years[0]?.heading, month: months[0]?.heading, day: days[0]?.heading };
    },
  };
}

const PADDED_DAY_AFTER_BOX = /\][ \t]+0\d[ \t]/g;
const TASK_TO_BOX = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[ xX]$/;

/**
 * Whether a task's day is written `07`: looked for from each `]` such a day follows, then back to the
 * start of its line. A pattern tried at the start of every line took 18 ms at 100,000 items.
 */
function writesPaddedDays(text: string): boolean {
  PADDED_DAY_AFTER_BOX.lastIndex = 0;
  for (let found = PADDED_DAY_AFTER_BOX.exec(text); found; found = PADDED_DAY_AFTER_BOX.exec(text)) {
    if (TASK_TO_BOX.test(text.slice(lineStart(text, found.index), found.index))) return true;
  }
  return false;
}

/** Which way the file's years, months and days run; a kind with fewer than two goes as the others. */
function orderOf(list: ReadingList): Conventions['newestFirst'] {
  const { years, months, days } = headingKinds(list);
  const order = {
    years: newestFirst(years.map(({ key }) => key)),
    months: newestFirst(months.map(({ key }) => key)),
    days: newestFirst(days.map(({ key }) => key)),
  };
  const fallback = order.months ?? order.years ?? order.days ?? true;
  return { years: order.years ?? fallback, months: order.months ?? fallback, days: order.days ?? fallback };
}

function gapsOf(text: string, list: ReadingList): Conventions['gaps'] {
  const { years, months, days } = headingKinds(list);
  const headingLines = new Set(list.headings.map((heading) => heading.line));
  const startOf = (heading: Heading) => lineStart(text, heading.start);
  // What stands above a heading, past its blank lines: other content, another heading, or nothing.
  const above = (heading: Heading): 'content' | 'heading' | 'nothing' => {
    const line = heading.line - blankLinesBefore(text, startOf(heading)) - 1;
    return line < 1 ? 'nothing' : headingLines.has(line) ? 'heading' : 'content';
  };
  const gapsAbove = (headings: DatedHeading[], kind: 'content' | 'heading') => headings
    .filter(({ heading }) => above(heading) === kind)
    .map(({ heading }) => blankLinesBefore(text, startOf(heading)));
  const firstItemLines = new Set(list.months.map((month) => month.items[0]?.line));
  return {
    year: mostCommon(years.slice(1).map(({ heading }) => blankLinesBefore(text, startOf(heading))), 1),
    month: mostCommon(gapsAbove(months, 'content'), 1),
    day: mostCommon(gapsAbove(days, 'content'), 1),
    yearToMonth: mostCommon(gapsAbove(months, 'heading'), 1),
    headingToItem: mostCommon([...months, ...days].map(({ heading }) => heading)
      .filter((heading) => firstItemLines.has(heading.line + blankLinesAfter(text, lineEnd(text, heading.end)) + 1))
      .map((heading) => blankLinesAfter(text, lineEnd(text, heading.end))), 0),
  };
}
