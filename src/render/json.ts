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

/** Items stringified together: enough to keep the calls few, few enough that no string gets large. */
const ITEMS_PER_PIECE = 500;

/**
 * `list --json`, handed to `write` in pieces that join up to exactly `json()` of the whole document:
 * the items a few hundred at a time, so that 100,000 of them never make one string of 20 MB
 * (40 MB as UTF-16, and the bytes again to write it). `items` is read as it is written: a long
 * list's need not all stand in memory at once.
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
  let piece: Item[] = [];
  let pieces = 0;
  const flush = () => {
    const text = stringify({ items: piece.map(itemJson) });
    write(`${pieces++ === 0 ? `${rest.slice(0, at)}${open.slice(open.indexOf('"items"'))}` : separator}${text.slice(open.length, -close.length)}`);
    piece = [];
  };
  for (const item of items) {
    piece.push(item);
    if (piece.length === ITEMS_PER_PIECE) flush();
  }
  if (piece.length > 0) flush();
  write(pieces === 0 ? rest : `${close.slice(0, close.lastIndexOf(']') + 1)}${rest.slice(at + empty.length)}`);
}

export function progressJson(progress: Progress, indent: JsonIndent): string {
  return json(progress, indent);
}

export function json(value: unknown, indent: JsonIndent): string {
  return `${JSON.stringify(value, null, indent)}\n`;
}
