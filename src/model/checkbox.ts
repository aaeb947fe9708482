import { flatten } from './select.js';
import type { Item, MonthCheckboxes } from './types.js';

/**
 * What the parser reads a task's checkbox character as: a space or tab is open, `x` or `X` done;
 * undefined for anything else (it is then no checkbox).
 */
const CHECKBOX_STATES = new Map([[' ', false], ['\t', false], ['x', true], ['X', true]]);

/** The ticked marks as character codes, for a loop over many boxes where a call a box costs (store/list-codec.ts). */
export const TICKED = { lower: 0x78, upper: 0x58 } as const;

export function checkboxState(character: string): boolean | undefined {
  return CHECKBOX_STATES.get(character);
}

/** Checkboxes counted: all, the ticked, and the ticked with a lower-case `x`. */
export interface BoxCount {
  total: number;
  done: number;
  lower: number;
}

/**
 * The checkboxes at `offsets`, read in the text, or in its UTF-8 bytes at byte offsets: a month's
 * stand in the list without its items being read. Counted in place, into one tally: arrays per month
 * and year were most of `progress` on a long list, and a callback per box most of choosing `done`'s mark.
 */
export function countBoxes(text: string | Uint8Array, offsets: ArrayLike<number>, into: BoxCount = { total: 0, done: 0, lower: 0 }): BoxCount {
  for (let index = 0; index < offsets.length; index++) {
    into.total++;
    const mark = markAt(text, offsets[index] as number);
    if (checkboxState(mark) !== true) continue;
    into.done++;
    if (mark === 'x') into.lower++;
  }
  return into;
}

/** Whether the checkbox whose character stands at `offset`, in the text or among its UTF-8 bytes, is ticked. */
export function tickedAt(text: string | Uint8Array, offset: number): boolean {
  return checkboxState(markAt(text, offset)) === true;
}

/** The character at `offset`; in bytes, the byte there read as one (a checkbox's character is ASCII). */
function markAt(text: string | Uint8Array, offset: number): string {
  if (typeof text === 'string') return text.charAt(offset);
  const byte = text[offset];
  return byte === undefined ? '' : String.fromCharCode(byte);
}

/** Where the checkboxes of a month's `items` stand. */
export function checkboxesOf(items: readonly Item[]): MonthCheckboxes {
  return {
    items: Int32Array.from(items, (item) => item.source.checkOffset),
    subtasks: Int32Array.from(items.flatMap((item) => flatten(item.subtasks)), (task) => task.source.checkOffset),
  };
}
