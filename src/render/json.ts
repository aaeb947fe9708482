import type { Progress } from '../model/progress.js';
import type { Item, Section } from '../model/types.js';

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
 * `list --json`, handed to `write` item by item, in pieces that join up to exactly `json()` of the
 * whole document: 100,000 items never make one string of 20 MB (40 MB as UTF-16, and the bytes
 * again to write it). `items` is read as it is written: a long list's need not all stand in memory
 * at once. Each item is stringified alone, as its own value would be: an item stands two levels
 * deep, so the lines of an indented one are indented by as much again. Its JSON has no line breaks
 * but its own: JSON escapes those in strings.
 */
export function writeListJson(
  write: (text: string) => void,
  indent: JsonIndent,
  file: string,
  items: Iterable<Item>,
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
  const nested = `\n${' '.repeat(2 * indent)}`;
  let count = 0;
  for (const item of items) {
    write(count++ === 0 ? `${rest.slice(0, at)}${open.slice(open.indexOf('"items"'))}` : separator);
    const text = stringify(itemJson(item));
    write(indent === 0 ? text : text.replaceAll('\n', nested));
  }
  write(count === 0 ? rest : `${close.slice(0, close.lastIndexOf(']') + 1)}${rest.slice(at + empty.length)}`);
}

export function progressJson(progress: Progress, indent: JsonIndent): string {
  return json(progress, indent);
}

export function json(value: unknown, indent: JsonIndent): string {
  return `${JSON.stringify(value, null, indent)}\n`;
}
