import type { Item, Month, ReadingList, Section, Year } from './types.js';

/** Which items a filter keeps by their checkbox: all, or those open or done. */
export type ItemState = 'open' | 'done' | undefined;

export interface ItemFilter {
  state?: ItemState;
  year?: number;
  /** `YYYY-MM`. */
  month?: string;
  /** Case-insensitive substring of title or url. */
  query?: string;
}

/** An item, then its subtasks, depth first: the order they stand in the file. */
export function flatten(items: readonly Item[], into: Item[] = []): Item[] {
  // Pushed into one array: a list per item (flatMap) was most of an edit's model work at 10,000 items.
  for (const item of items) {
    into.push(item);
    if (item.subtasks.length > 0) flatten(item.subtasks, into);
  }
  return into;
}

/** Items and their subtasks, depth first, with how deep each stands. */
export function eachItem(items: readonly Item[], visit: (item: Item, depth: number) => void, depth = 0): void {
  for (const item of items) {
    visit(item, depth);
    eachItem(item.subtasks, visit, depth + 1);
  }
}

/** Every dated item (year items and month items, with subtasks), year by year in file order. */
export function datedItems(list: ReadingList): Item[] {
  const into: Item[] = [];
  for (const year of list.years) {
    flatten(year.items, into);
    for (const month of year.months) flatten(month.items, into);
  }
  return into;
}

export function matchesText(item: Item, query: string): boolean {
  const needle = query.toLocaleLowerCase();
  return item.title.toLocaleLowerCase().includes(needle) || (item.url?.toLocaleLowerCase().includes(needle) ?? false);
}

/** Whether the item itself passes the state and query filters (place filters apply to containers). */
export function matches(item: Item, filter: ItemFilter): boolean {
  if (filter.state === 'open' && item.done) return false;
  if (filter.state === 'done' && !item.done) return false;
  return filter.query === undefined || matchesText(item, filter.query);
}

export function yearSelected(year: Year, filter: ItemFilter): boolean {
  return (filter.year === undefined || year.year === filter.year) && (filter.month === undefined || filter.month.startsWith(`${year.year}-`));
}

export function monthSelected(month: Month, filter: ItemFilter): boolean {
  return (filter.year === undefined || month.year === filter.year) && (filter.month === undefined || month.id === filter.month);
}

/** Non-date sections have no date: a year or month filter leaves them out. */
export function sectionsSelected(list: ReadingList, filter: ItemFilter): Section[] {
  return filter.year === undefined && filter.month === undefined ? list.sections : [];
}

/** The items to show in a tree: those that match, and those with a matching subtask below them. */
export function pruneTree(items: readonly Item[], filter: ItemFilter): Item[] {
  if (filter.state === undefined && filter.query === undefined) return [...items];
  return items.flatMap((item) => {
    const subtasks = pruneTree(item.subtasks, filter);
    return matches(item, filter) || subtasks.length > 0 ? [{ ...item, subtasks }] : [];
  });
}
