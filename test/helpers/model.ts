import { expect } from 'vitest';
import { collectDefinitions, type Definitions } from '../../src/markdown/definitions.js';
import { parseMarkdown } from '../../src/markdown/parser.js';
import { buildReadingList } from '../../src/model/build.js';
import { digestSection } from '../../src/model/digest.js';
import { readListFromText } from '../../src/model/read-list.js';
import type { Item, Month, ReadingList } from '../../src/model/types.js';
import { flatten, matches, type ItemState } from '../../src/model/select.js';
import { itemJson } from '../../src/render/json.js';
import { packedParts, packList, type PackedParts } from '../../src/store/list-codec.js';

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
 * Where the boxes stand among the bytes, which only a cached month knows, is left out: see
 * `expectBoxBytes`.
 */
/** A month's items as `list --json` writes them from the model: `itemJson`, stringified, each after a comma. */
export function jsonOfItems(month: Month, state: ItemState): { json: string; count: number } {
  const items = flatten(month.items).filter((item) => matches(item, { state }));
  return { json: items.map((item) => `,${JSON.stringify(itemJson(item))}`).join(''), count: items.length };
}

export function plainList(list: ReadingList): ReadingList {
  const plain = new Map(list.months.map((month): [Month, Month] => [month, {
    id: month.id, year: month.year, month: month.month, heading: month.heading, headings: month.headings, label: month.label,
    items: month.items, checkboxes: { items: month.checkboxes.items, subtasks: month.checkboxes.subtasks },
  }]));
  const plainMonth = (month: Month): Month => plain.get(month) ?? month;
  return { ...list, months: list.months.map(plainMonth), years: list.years.map((year) => ({ ...year, months: year.months.map(plainMonth) })) };
}

/**
 * Every month of `list` that knows where its boxes stand among the UTF-8 bytes of `text` has them
 * there, as counted afresh here; how many months know. A box's byte is its character.
 */
export function expectBoxBytes(list: ReadingList, text: string): number {
  const utf8 = Buffer.from(text, 'utf8');
  let known = 0;
  for (const { checkboxes } of list.months) {
    if (!checkboxes.bytes) continue;
    known++;
    for (const kind of ['items', 'subtasks'] as const) {
      const offsets = Array.from(checkboxes[kind]);
      expect(Array.from(checkboxes.bytes[kind])).toEqual(offsets.map((offset) => Buffer.byteLength(text.slice(0, offset))));
      expect(Array.from(checkboxes.bytes[kind], (byte) => String.fromCharCode(utf8[byte] ?? 0))).toEqual(offsets.map((offset) => text.charAt(offset)));
    }
  }
  return known;
}

/** A text as `progressOf` reads it: with its bytes. */
export function countedText(text: string): { text: string; utf8: Uint8Array } {
  return { text, utf8: Buffer.from(text, 'utf8') };
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

/** A packed list's parts joined, as the cache's list file holds them after its header and count. */
export function joined({ head, runs, boxes }: PackedParts): Buffer {
  return Buffer.concat([head, ...runs, ...boxes]);
}

/** `list` packed for `text`, as one buffer. */
export function packedBytes(list: ReadingList, text: string): Buffer {
  return joined(packedParts(packList(list, text)));
}
