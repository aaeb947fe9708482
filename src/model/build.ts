import GithubSlugger from 'github-slugger';
import { checkboxesOf } from './checkbox.js';
import { monthId, readHeadingDate } from './dates.js';
import type { RawItem, SectionDigest } from './digest.js';
import type { Heading, Item, Month, ReadingList, Section, Year } from './types.js';

/** A digest and where its section starts in the file. */
export interface PlacedDigest {
  digest: SectionDigest;
  offset: number;
  /** 1-based line of the section's first line. */
  line: number;
}

/** An open heading and what items under it belong to. */
type Scope =
  | { depth: number; kind: 'year'; year: Year }
  | { depth: number; kind: 'month'; month: Month; day: number | null }
  | { depth: number; kind: 'section'; section: Section };

/** Folds section digests, in file order, into the reading list (rules 2–10 of the contract). */
export function buildReadingList(placed: readonly PlacedDigest[]): ReadingList {
  const list: ReadingList = { years: [], months: [], sections: [], headings: [], headingProblems: [] };
  const years = new Map<number, Year>();
  const months = new Map<string, Month>();
  const slugger = new GithubSlugger();
  const stack: Scope[] = [];

  const yearOf = (year: number, heading: Heading | null): Year => {
    let found = years.get(year);
    if (!found) {
      found = { year, heading, months: [], items: [] };
      years.set(year, found);
      list.years.push(found);
    }
    found.heading ??= heading;
    return found;
  };
  const monthOf = (year: number, month: number, heading: Heading, byDay = false): Month => {
    const id = monthId(year, month);
    let found = months.get(id);
    if (!found) {
      found = { id, year, month, heading, headings: [], label: null, items: [], checkboxes: checkboxesOf([]) };
      months.set(id, found);
      list.months.push(found);
      yearOf(year, null).months.push(found);
    }
    found.headings.push(heading);
    if (!byDay) found.label ??= heading.text;
    return found;
  };

  const openHeading = (heading: Heading): void => {
    list.headings.push(heading);
    const slug = slugger.slug(heading.text);
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= heading.depth) stack.pop();
    const inMonth = [...stack].reverse().find((scope) => scope.kind === 'month');
    const inYear = [...stack].reverse().find((scope) => scope.kind === 'year');
    const date = readHeadingDate(heading.text);
    const { depth } = heading;
    if (date?.kind === 'day') {
      stack.push({ depth, kind: 'month', month: monthOf(date.year, date.month, heading, true), day: date.day });
    } else if (date?.kind === 'month' && date.year !== null) {
      stack.push({ depth, kind: 'month', month: monthOf(date.year, date.month, heading), day: null });
    } else if (date?.kind === 'month' && inYear) {
      stack.push({ depth, kind: 'month', month: monthOf(inYear.year.year, date.month, heading), day: null });
    } else if (date?.kind === 'year' && !inMonth) {
      stack.push({ depth, kind: 'year', year: yearOf(date.year, heading) });
    } else if (inMonth) {
      // A group (`### Papers` under `## 12月`): its items are the month's.
      stack.push({ ...inMonth, depth });
    } else {
      if (date?.kind === 'unreadable') list.headingProblems.push({ heading, kind: 'unreadable-date' });
      if (date?.kind === 'month') list.headingProblems.push({ heading, kind: 'month-outside-year' });
      const section: Section = { id: slug, title: heading.text, line: heading.line, items: [], entries: [] };
      list.sections.push(section);
      stack.push({ depth, kind: 'section', section });
    }
    if (inMonth && date?.kind === 'unreadable') list.headingProblems.push({ heading, kind: 'unreadable-date' });
  };

  const addItems = (raw: RawItem[], place: PlacedDigest): void => {
    const scope = stack[stack.length - 1];
    if (!scope) return;
    if (scope.kind === 'month') {
      const { month, day } = scope;
      const date = { year: month.year, month: month.month, day };
      for (const task of hoistTasks(raw)) {
        month.items.push(toItem(task, place, `${month.id}.${month.items.length + 1}`, null, date));
      }
    } else if (scope.kind === 'year') {
      const { year } = scope;
      const date = { year: year.year, month: null, day: null };
      for (const task of hoistTasks(raw)) year.items.push(toItem(task, place, `${year.year}.${year.items.length + 1}`, null, date));
    } else {
      const { section } = scope;
      for (const entry of raw) {
        if (entry.task) section.items.push(toItem(entry, place, `${section.id}.${section.items.length + 1}`, null, { year: null, month: null, day: null }));
        else section.entries.push({ title: entry.title, url: entry.url, line: entry.line + place.line - 1 });
      }
    }
  };

  for (const place of placed) {
    for (const block of place.digest.blocks) {
      if (block.kind === 'heading') {
        const { heading } = block;
        openHeading({ ...heading, line: heading.line + place.line - 1, start: heading.start + place.offset, end: heading.end + place.offset });
      } else {
        addItems(block.items, place);
      }
    }
  }
  // Once a month's items are all in: a month may be written under more than one heading.
  for (const month of list.months) month.checkboxes = checkboxesOf(month.items);
  return list;
}

interface DatePlace { year: number | null; month: number | null; day: number | null }

/** Task items nested under plain bullets count as if they stood in the list themselves. */
function hoistTasks(items: readonly RawItem[], into: RawItem[] = []): RawItem[] {
  for (const item of items) {
    if (item.task) into.push(item);
    else hoistTasks(item.children, into);
  }
  return into;
}

/** Notes: the item's own paragraphs, then every plain bullet below it (subtasks aside). */
function notesOf(item: RawItem, into: string[] = []): string[] {
  into.push(...item.notes);
  for (const child of item.children) {
    if (child.task) continue;
    if (child.title) into.push(child.title);
    notesOf(child, into);
  }
  return into;
}

/** An item of the file: the digest's section-relative positions placed in the whole text. */
export function toItem(raw: RawItem, section: Omit<PlacedDigest, 'digest'>, id: string, parent: string | null, place: DatePlace): Item {
  const day = raw.day ?? place.day;
  const { offset } = section;
  const item: Item = {
    id,
    year: place.year,
    month: place.month,
    day,
    title: raw.title,
    url: raw.url,
    done: raw.done,
    line: raw.line + section.line - 1,
    parent,
    notes: raw.children.length === 0 ? raw.notes : notesOf(raw),
    subtasks: [],
    source: { start: raw.start + offset, end: raw.end + offset, checkOffset: raw.checkOffset + offset, marker: raw.marker, indent: raw.indent },
  };
  if (raw.children.length > 0) {
    const nested = hoistTasks(raw.children);
    const subPlace = { ...place, day };
    item.subtasks = nested.map((child, index) => toItem(child, section, `${id}.${index + 1}`, id, subPlace));
  }
  return item;
}
