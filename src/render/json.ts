import type { Progress } from '../model/progress.js';
import type { Item, Section } from '../model/types.js';
import type { Sink } from './sink.js';

/**
 * How `--json` is laid out: indented for a person at a terminal, compact for a program reading a
 * pipe or a file, as `gh` does. Indented, the JSON of 10,000 items took 3.0 MB, not 1.9 MB, and V8
 * stringifies with a gap far more slowly.
 */
export type JsonIndent = 0 | 2;

export function jsonIndentFor(stream: { isTTY?: boolean }): JsonIndent {
  return stream.isTTY ? 2 : 0;
}

/** An item as `--json` shows it: subtasks are flat items that name their parent. */
export function itemJson(item: Item): Record<string, unknown> {
  const { id, year, month, day, title, url, done, line, parent, notes } = item;
  return { id, year, month, day, title, url, done, line, parent, notes };
}

/**
 * The compact JSON of `itemJson` between its values, each item after a comma, for writers that
 * build it in pieces from the kept list (`cachedMonthJson` in store/list-codec.ts, and
 * store/month-json.ts): `id`, then the id, `year` and so on. `done`, `open`: the done field and the
 * key after it; `noParent`: no parent, and the key after it; `parent` and `notes` around a parent's id.
 */
export const ITEM_JSON = {
  id: ',{"id":"', year: '","year":', month: ',"month":', day: ',"day":', title: ',"title":', url: ',"url":',
  done: ',"done":true,"line":', open: ',"done":false,"line":', noParent: ',"parent":null,"notes":[', parent: ',"parent":"', notes: '","notes":[',
  comma: ',', close: ']}', null: 'null',
} as const;

/**
 * Items for `writeListJson`: a batch to stringify, or items already written as compact JSON, each
 * after a comma, as text or as UTF-8 (see `ITEM_JSON`).
 */
export type JsonItems = readonly Item[] | JsonText | JsonBytes;

export interface JsonText {
  json: string;
  count: number;
}

export interface JsonBytes {
  bytes: Uint8Array;
  count: number;
}

/**
 * `list --json`, handed to `write` a batch of items at a time, in pieces that join up to exactly
 * `json()` of the whole document: 100,000 items never make one string of 20 MB (40 MB as UTF-16,
 * and the bytes again to write it). `batches` are read as they are written: a long list's items
 * need not all stand in memory at once. A batch is stringified as an array of its own, one level
 * less deep than the document's: its brackets are cut off, and its lines indented by one level
 * more. JSON escapes line breaks in strings, so every line break in it is its own. One stringify a
 * batch, not one an item: at 10,000 items the calls and their writes took a fifth of the run.
 */
export function writeListJson(
  { write, writeBytes }: Sink,
  indent: JsonIndent,
  file: string,
  batches: Iterable<JsonItems>,
  sections: readonly { section: Section; items: readonly Item[] }[],
): void {
  const stringify = (value: unknown) => JSON.stringify(value, null, indent);
  // How `items` opens, parts two items and closes at this indent, items standing as deep as in the whole document.
  const [open = '', separator = '', close = ''] = stringify({ items: [0, 0] }).split('0');
  const empty = stringify({ items: [] }).slice(1, -1).trim();
  const rest = json({
    file,
    items: [],
    sections: sections.map(({ section, items: sectionItems }) => ({
      id: section.id, title: section.title, line: section.line, items: sectionItems.map(itemJson),
    })),
  }, indent);
  // The first `"items": []` is the document's own: the file name before it is a JSON string, whose quotes are escaped.
  const at = rest.indexOf(empty);
  // An array stringified alone opens with `[`, then (indented) a line break and one indent, and closes with a line break and `]`.
  const [opens, closes] = indent === 0 ? [1, 1] : [2 + indent, 2];
  const nested = `\n${' '.repeat(indent)}`;
  const opening = `${rest.slice(0, at)}${open.slice(open.indexOf('"items"'))}`;
  let count = 0;
  for (const batch of batches) {
    if (!Array.isArray(batch)) {
      const written = batch as JsonText | JsonBytes;
      if (written.count === 0) continue;
      // Past the opening, the comma before the first item is the separator; at the opening, it goes.
      const first = count === 0 ? 1 : 0;
      if (first) write(opening);
      if ('json' in written) write(written.json.slice(first));
      else writeBytes(written.bytes.subarray(first));
      count += written.count;
      continue;
    }
    if (batch.length === 0) continue;
    write(count === 0 ? opening : separator);
    const text = stringify(batch.map(itemJson));
    const inside = text.slice(opens, text.length - closes);
    write(indent === 0 ? inside : inside.replaceAll('\n', nested));
    count += batch.length;
  }
  write(count === 0 ? rest : `${close.slice(0, close.lastIndexOf(']') + 1)}${rest.slice(at + empty.length)}`);
}

export function progressJson(progress: Progress, indent: JsonIndent): string {
  return json(progress, indent);
}

export function json(value: unknown, indent: JsonIndent): string {
  return `${JSON.stringify(value, null, indent)}\n`;
}
