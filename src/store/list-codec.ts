import type { Entry, Heading, HeadingProblem, Item, Month, ReadingList, Section, Year } from '../model/types.js';

/**
 * A whole reading list as positional arrays, for the model cache. Headings and months are shared
 * by several parts of the model (a month is in `months` and in its year; a heading is in `headings`
 * and in its month): they are written once and referred to by index, so the read list shares them
 * again exactly as the built one did.
 */
type PackedItem = [id: string, year: number | null, month: number | null, day: number | null, title: string, url: string | null, done: number, line: number, parent: string | null, notes: string[], subtasks: PackedItem[], start: number, end: number, checkOffset: number, marker: string, indent: number];
type PackedHeading = [depth: number, text: string, line: number, start: number, end: number, setext: number];
type PackedMonth = [id: string, year: number, month: number, headings: number[], label: string | null, items: PackedItem[]];
type PackedYear = [year: number, heading: number, months: number[], items: PackedItem[]];
type PackedSection = [id: string, title: string, line: number, items: PackedItem[], entries: [title: string, url: string | null, line: number][]];
type PackedProblem = [heading: number, kind: HeadingProblem['kind']];
export type PackedList = [headings: PackedHeading[], months: PackedMonth[], years: PackedYear[], sections: PackedSection[], problems: PackedProblem[]];

const NONE = -1;

const packItem = (item: Item): PackedItem => [
  item.id, item.year, item.month, item.day, item.title, item.url, item.done ? 1 : 0, item.line, item.parent, item.notes, item.subtasks.map(packItem),
  item.source.start, item.source.end, item.source.checkOffset, item.source.marker, item.source.indent,
];

const unpackItem = ([id, year, month, day, title, url, done, line, parent, notes, subtasks, start, end, checkOffset, marker, indent]: PackedItem): Item => ({
  id, year, month, day, title, url, done: done === 1, line, parent, notes, subtasks: subtasks.map(unpackItem), source: { start, end, checkOffset, marker, indent },
});

export function packList(list: ReadingList): PackedList {
  const headingIndex = new Map(list.headings.map((heading, index) => [heading, index]));
  const monthIndex = new Map(list.months.map((month, index) => [month, index]));
  const indexOf = (heading: Heading | null): number => (heading === null ? NONE : headingIndex.get(heading) ?? NONE);
  return [
    list.headings.map((heading) => [heading.depth, heading.text, heading.line, heading.start, heading.end, heading.setext ? 1 : 0]),
    list.months.map((month) => [month.id, month.year, month.month, month.headings.map(indexOf), month.label, month.items.map(packItem)]),
    list.years.map((year) => [year.year, indexOf(year.heading), year.months.map((month) => monthIndex.get(month) ?? NONE), year.items.map(packItem)]),
    list.sections.map((section) => [section.id, section.title, section.line, section.items.map(packItem), section.entries.map((entry) => [entry.title, entry.url, entry.line])]),
    list.headingProblems.map((problem) => [indexOf(problem.heading), problem.kind]),
  ];
}

/** Throws on anything that is not what `packList` wrote: the caller then reads the file afresh. */
export function unpackList([packedHeadings, packedMonths, packedYears, packedSections, packedProblems]: PackedList): ReadingList {
  const headings = packedHeadings.map(([depth, text, line, start, end, setext]): Heading => ({ depth, text, line, start, end, setext: setext === 1 }));
  const heading = (index: number): Heading => {
    const found = headings[index];
    if (!found) throw new Error(`no heading ${index} in the cached list`);
    return found;
  };
  const months = packedMonths.map(([id, year, month, headingIndexes, label, items]): Month => {
    const monthHeadings = headingIndexes.map(heading);
    return { id, year, month, heading: heading(headingIndexes[0] ?? NONE), headings: monthHeadings, label, items: items.map(unpackItem) };
  });
  const years = packedYears.map(([year, headingIndex, monthIndexes, items]): Year => ({
    year,
    heading: headingIndex === NONE ? null : heading(headingIndex),
    months: monthIndexes.map((index) => {
      const month = months[index];
      if (!month) throw new Error(`no month ${index} in the cached list`);
      return month;
    }),
    items: items.map(unpackItem),
  }));
  const sections = packedSections.map(([id, title, line, items, entries]): Section => ({
    id, title, line, items: items.map(unpackItem), entries: entries.map(([entryTitle, url, entryLine]): Entry => ({ title: entryTitle, url, line: entryLine })),
  }));
  const headingProblems = packedProblems.map(([index, kind]): HeadingProblem => ({ heading: heading(index), kind }));
  return { years, months, sections, headings, headingProblems };
}
