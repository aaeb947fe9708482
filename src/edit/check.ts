import { checkboxState } from '../model/checkbox.js';
import type { Item, Month, ReadingList } from '../model/types.js';
import type { Conventions } from './conventions.js';
import { lineEnd } from './lines.js';
import type { Splice } from './splice.js';

const STAMP = / ✅ \d{4}-\d{2}-\d{2}/u;

export interface CheckOptions {
  done: boolean;
  /** Add (or remove) a ` ✅ YYYY-MM-DD` completion stamp. */
  stamp: boolean;
  /** `YYYY-MM-DD`, for the stamp. */
  today: string;
}

/** One character per item — plus the completion stamp, for files that keep them. */
export function checkSplices(source: string, item: Item, style: Conventions, options: CheckOptions): Splice[] {
  const at = item.source.checkOffset;
  const splices: Splice[] = [{ start: at, end: at + 1, text: options.done ? style.checkedMark : ' ' }];
  if (!options.stamp) return splices;
  const end = lineEnd(source, at);
  const line = source.slice(at, end);
  if (options.done && !STAMP.test(line)) {
    const trimmed = line.trimEnd().length;
    splices.push({ start: at + trimmed, end: at + trimmed, text: ` ✅ ${options.today}` });
  } else if (!options.done) {
    const stamp = STAMP.exec(line);
    if (stamp) splices.push({ start: at + stamp.index, end: at + stamp.index + stamp[0].length, text: '' });
  }
  return splices;
}

/**
 * The list after `splices`, when all they do is rewrite checkbox characters (`done` and `undone`
 * without stamps): a checkbox is read alone, and one character for another moves no offset, so the
 * list is the same but for those items' states — no need to read the result again. Undefined for
 * any other edit.
 */
export function listAfterChecks(source: string, list: ReadingList, splices: readonly Splice[]): ReadingList | undefined {
  const states = new Map<number, boolean>();
  for (const { start, end, text } of splices) {
    const state = checkboxState(text);
    if (end !== start + 1 || state === undefined || checkboxState(source.charAt(start)) === undefined) return undefined;
    states.set(start, state);
  }
  let found = 0;
  // Arrays and containers are copied only along the way to a changed item; the rest is shared.
  const update = (items: Item[]): Item[] => {
    let changed: Item[] | undefined;
    items.forEach((item, index) => {
      const subtasks = update(item.subtasks);
      const done = states.get(item.source.checkOffset);
      if (done === undefined && subtasks === item.subtasks) return;
      if (done !== undefined) found++;
      (changed ??= [...items])[index] = { ...item, done: done ?? item.done, subtasks };
    });
    return changed ?? items;
  };
  const months = new Map<Month, Month>();
  for (const month of list.months) {
    // A month none of whose boxes changed is not read (the cached list reads its items on demand).
    const { items: itemBoxes, subtasks: subtaskBoxes } = month.checkboxes;
    if (!itemBoxes.some((offset) => states.has(offset)) && !subtaskBoxes.some((offset) => states.has(offset))) continue;
    const items = update(month.items);
    // A cached month's items and checkboxes are accessors, which a spread would leave behind.
    if (items !== month.items) months.set(month, { ...month, checkboxes: month.checkboxes, items });
  }
  const next: ReadingList = {
    ...list,
    months: list.months.map((month) => months.get(month) ?? month),
    years: list.years.map((year) => {
      const items = update(year.items);
      return items === year.items && !year.months.some((month) => months.has(month)) ? year : { ...year, items, months: year.months.map((month) => months.get(month) ?? month) };
    }),
    sections: list.sections.map((section) => {
      const items = update(section.items);
      return items === section.items ? section : { ...section, items };
    }),
  };
  return found === states.size ? next : undefined;
}
