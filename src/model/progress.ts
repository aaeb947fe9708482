import { flatten } from './select.js';
import type { Item, Month, ReadingList } from './types.js';

export interface Tally {
  done: number;
  total: number;
}

export interface MonthProgress extends Tally {
  id: string;
  year: number;
  month: number;
  subtasksDone: number;
  subtasksTotal: number;
}

export interface YearProgress extends Tally {
  year: number;
}

export interface Progress {
  months: MonthProgress[];
  years: YearProgress[];
  total: Tally;
}

export function tally(items: readonly Item[]): Tally {
  return { done: items.filter((item) => item.done).length, total: items.length };
}

function monthProgress(month: Month): MonthProgress {
  const subtasks = tally(month.items.flatMap((item) => flatten(item.subtasks)));
  return {
    id: month.id,
    year: month.year,
    month: month.month,
    ...tally(month.items),
    subtasksDone: subtasks.done,
    subtasksTotal: subtasks.total,
  };
}

/** Top-level items count; subtasks have their own column. Year items count in their year. */
export function progressOf(list: ReadingList, years?: (year: number) => boolean): Progress {
  const chosen = list.years.filter((year) => years?.(year.year) ?? true);
  const months = list.months.filter((month) => years?.(month.year) ?? true).map(monthProgress);
  const yearTallies = chosen.map((year) => ({ year: year.year, ...tally([...year.items, ...year.months.flatMap((month) => month.items)]) }));
  const total = yearTallies.reduce((sum, year) => ({ done: sum.done + year.done, total: sum.total + year.total }), { done: 0, total: 0 });
  return { months, years: yearTallies, total };
}
