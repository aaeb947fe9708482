import { eachItem } from './select.js';
import type { Item } from './types.js';

/** Item ids: `2023-04.3`, `2023.1`, `<slug>.N`, subtasks `.M` on top; a slug may start with `-`. */
const ID_SHAPE = /^(?:\d{4}(?:-\d{1,2})?|[^\s.]+)(?:\.\d+)+$/;

/** Written like an id (whether or not the list has it), as opposed to a query. */
export function looksLikeId(text: string): boolean {
  return ID_SHAPE.test(text);
}

/**
 * The column that items' and their subtasks' ids line up to, two further for each level of
 * subtasks: the widest id with its indent (13 for `2023-04.3` and `2023-04.3.1`). Ids follow from
 * where items stand, so a cached list knows it without making its items (`store/list-codec.ts`).
 */
export function idColumn(items: readonly Item[]): number {
  let column = 0;
  eachItem(items, (item, depth) => {
    column = Math.max(column, 2 * depth + item.id.length);
  });
  return column;
}
