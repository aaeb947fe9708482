import type { Progress } from '../model/progress.js';
import type { Item, Section } from '../model/types.js';

/** An item as `--json` shows it: subtasks are flat items that name their parent. */
export function itemJson(item: Item): Record<string, unknown> {
  const { id, year, month, day, title, url, done, line, parent, notes } = item;
  return { id, year, month, day, title, url, done, line, parent, notes };
}

export function listJson(file: string, items: readonly Item[], sections: readonly { section: Section; items: readonly Item[] }[]): string {
  return json({
    file,
    items: items.map(itemJson),
    sections: sections.map(({ section, items: sectionItems }) => ({
      id: section.id, title: section.title, line: section.line, items: sectionItems.map(itemJson),
    })),
  });
}

export function progressJson(progress: Progress): string {
  return json(progress);
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
