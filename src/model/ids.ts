import { eachItem } from './select.js';
import type { Item } from './types.js';

/** Item ids: `2023-04.3`, `2023.1`, `<slug>.N`, subtasks `.M` on top; a slug may start with `-`. */
const ID_SHAPE = /^(?:\d{4}(?:-\d{1,2})?|[^\s.]+)(?:\.\d+)+$/;

/** Written like an id (whether or not the list has it), as opposed to a query. */
export function looksLikeId(text: string): boolean {
  return ID_SHAPE.test(text);
}

/**
 * The longest id at each depth among items and their subtasks (`[9, 11]`: `2023-04.3`,
 * `2023-04.3.1`). Ids follow from where items stand, so a cached list knows these without making its
 * items (`store/list-codec.ts`).
 */
export function idWidths(items: readonly Item[]): number[] {
  const widths: number[] = [];
  eachItem(items, (item, depth) => {
    widths[depth] = Math.max(widths[depth] ?? 0, item.id.length);
  });
  return widths;
}
