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

export interface ProgressFilter {
  year?: number;
  /** `year * 12 + month`: only months from this one on. */
  since?: number;
}

/** Counted in place: arrays of items per month and year were most of `progress` on a long list. */
function count(items: readonly Item[], into: Tally = { done: 0, total: 0 }): Tally {
  for (const item of items) {
    into.total++;
    if (item.done) into.done++;
  }
  return into;
}

export function monthKey(year: number, month: number): number {
  return year * 12 + month;
}

function monthProgress(month: Month): MonthProgress {
  const subtasks: Tally = { done: 0, total: 0 };
  for (const item of month.items) if (item.subtasks.length > 0) count(flatten(item.subtasks), subtasks);
  const { done, total } = count(month.items);
  return { id: month.id, year: month.year, month: month.month, done, total, subtasksDone: subtasks.done, subtasksTotal: subtasks.total };
}

/**
 * Top-level items count; subtasks have their own column. Year items count in their year (when the
 * whole year is shown: `--since` in the middle of a year counts only the months it shows).
 */
export function progressOf(list: ReadingList, filter: ProgressFilter = {}): Progress {
  const shown = (month: Month) => (filter.year === undefined || month.year === filter.year) && (filter.since === undefined || monthKey(month.year, month.month) >= filter.since);
  const months = list.months.filter(shown);
  const years = list.years
    .filter((year) => (filter.year === undefined || year.year === filter.year) && (filter.since === undefined || monthKey(year.year, 12) >= filter.since))
    .map((year) => {
      const wholeYear = filter.since === undefined || monthKey(year.year, 1) >= filter.since;
      const tally = count(wholeYear ? year.items : []);
      for (const month of year.months) if (shown(month)) count(month.items, tally);
      return { year: year.year, ...tally };
    });
  const total = years.reduce((sum, year) => ({ done: sum.done + year.done, total: sum.total + year.total }), { done: 0, total: 0 });
  return { months: months.map(monthProgress), years, total };
}
