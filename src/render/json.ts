import type { Progress } from '../model/progress.js';
import type { Item, Section } from '../model/types.js';

/** An item as `--json` shows it: subtasks are flat items that name their parent. */
export function itemJson(item: Item): Record<string, unknown> {
  const { id, year, month, day, title, url, done, line, parent, notes } = item;
  return { id, year, month, day, title, url, done, line, parent, notes };
}

/** Items stringified together: enough to keep the calls few, few enough that no string gets large. */
const ITEMS_PER_PIECE = 500;
/** How `{ items: [...] }` opens and closes at two spaces: items inside stand as deep as in the whole document. */
const [OPEN_ITEMS, CLOSE_ITEMS] = ['{\n  "items": [\n', '\n  ]\n}'];
const EMPTY_ITEMS = '"items": []';

/**
 * `list --json`, handed to `write` in pieces that join up to exactly `json()` of the whole document:
 * the items a few hundred at a time, so that 100,000 of them never make one string of 30 MB
 * (60 MB as UTF-16, and the bytes again to write it). `items` is read as it is written: a long
 * list's need not all stand in memory at once.
 */
export function writeListJson(write: (text: string) => void, file: string, items: Iterable<Item>, sections: readonly { section: Section; items: readonly Item[] }[]): void {
  const rest = json({
    file,
    items: [],
    sections: sections.map(({ section, items: sectionItems }) => ({
      id: section.id, title: section.title, line: section.line, items: sectionItems.map(itemJson),
    })),
  });
  // The first `"items": []` is the document's own: the file name before it is a JSON string, whose quotes are escaped.
  const at = rest.indexOf(EMPTY_ITEMS);
  let piece: Item[] = [];
  let pieces = 0;
  const flush = () => {
    const text = JSON.stringify({ items: piece.map(itemJson) }, null, 2);
    write(`${pieces++ === 0 ? `${rest.slice(0, at)}"items": [\n` : ',\n'}${text.slice(OPEN_ITEMS.length, -CLOSE_ITEMS.length)}`);
    piece = [];
  };
  for (const item of items) {
    piece.push(item);
    if (piece.length === ITEMS_PER_PIECE) flush();
  }
  if (piece.length > 0) flush();
  write(pieces === 0 ? rest : `\n  ]${rest.slice(at + EMPTY_ITEMS.length)}`);
}

export function progressJson(progress: Progress): string {
  return json(progress);
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
