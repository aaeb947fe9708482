import { collectDefinitions, type Definitions } from '../../src/markdown/definitions.js';
import { parseMarkdown } from '../../src/markdown/parser.js';
import { buildReadingList } from '../../src/model/build.js';
import { digestSection } from '../../src/model/digest.js';
import { readListFromText } from '../../src/model/read-list.js';
import type { Item, Month, ReadingList } from '../../src/model/types.js';
import { flatten } from '../../src/model/select.js';

export async function listOf(text: string): Promise<ReadingList> {
  return (await readListFromText(text)).list;
}

/** Every item of the list, subtasks included, by id. */
export function itemsById(list: ReadingList): Map<string, Item> {
  const all = [
    ...list.years.flatMap((year) => [...flatten(year.items), ...year.months.flatMap((month) => flatten(month.items))]),
    ...list.sections.flatMap((section) => flatten(section.items)),
  ];
  return new Map(all.map((item) => [item.id, item]));
}

/**
 * The list with each month as a plain object holding its items and checkboxes: a cached month reads
 * them when asked (accessors of its class), and `toEqual` compares only an object's own fields.
 */
export function plainList(list: ReadingList): ReadingList {
  const plain = new Map(list.months.map((month): [Month, Month] => [month, {
    id: month.id, year: month.year, month: month.month, heading: month.heading, headings: month.headings, label: month.label,
    items: month.items, checkboxes: month.checkboxes,
  }]));
  const plainMonth = (month: Month): Month => plain.get(month) ?? month;
  return { ...list, months: list.months.map(plainMonth), years: list.years.map((year) => ({ ...year, months: year.months.map(plainMonth) })) };
}

/** A compact view to compare with expectations written by hand. */
export function summary(item: Item | undefined): unknown {
  if (!item) return undefined;
  return { title: item.title, url: item.url, day: item.day, done: item.done };
}

/** The model from one parse of the whole file: what sectioned, cached reading must equal. */
export function wholeParseListOf(text: string): ReadingList {
  const definitions: Definitions = new Map();
  collectDefinitions(parseMarkdown(text), definitions);
  const digest = digestSection(parseMarkdown(text), text, definitions);
  return buildReadingList([{ digest, offset: 0, line: 1 }]);
}
