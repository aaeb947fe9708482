import { countBoxes } from './checkbox.js';
import type { Month, ReadingList } from './types.js';

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

/**
 * Each year's months in file order, gathered once: filtered out of all months for each year, they
 * took 25 ms of `progress` at 100,000 items.
 */
export function monthsByYear(progress: Progress): Map<number, MonthProgress[]> {
  const byYear = new Map<number, MonthProgress[]>();
  for (const month of progress.months) {
    const months = byYear.get(month.year);
    if (months) months.push(month);
    else byYear.set(month.year, [month]);
  }
  return byYear;
}

export function monthKey(year: number, month: number): number {
  return year * 12 + month;
}

/** The list's text, and its UTF-8 bytes: a month that knows where its boxes stand among them is counted there. */
export interface CountedText {
  readonly text: string;
  readonly utf8: Uint8Array;
}

function monthProgress(month: Month, file: CountedText): MonthProgress {
  const { checkboxes } = month;
  const [marks, boxes] = checkboxes.bytes ? [file.utf8, checkboxes.bytes] : [file.text, checkboxes];
  const { done, total } = countBoxes(marks, boxes.items);
  const subtasks = countBoxes(marks, boxes.subtasks);
  return { id: month.id, year: month.year, month: month.month, done, total, subtasksDone: subtasks.done, subtasksTotal: subtasks.total };
}

/**
 * Top-level items count; subtasks have their own column. Year items count in their year (when the
 * whole year is shown: `--since` in the middle of a year counts only the months it shows). `file`
 * is what the list was read from: whether a box is ticked is read there.
 */
export function progressOf(list: ReadingList, file: CountedText, filter: ProgressFilter = {}): Progress {
  const shown = (month: Month) => (filter.year === undefined || month.year === filter.year) && (filter.since === undefined || monthKey(month.year, month.month) >= filter.since);
  const months = new Map(list.months.filter(shown).map((month) => [month, monthProgress(month, file)]));
  const years = list.years
    .filter((year) => (filter.year === undefined || year.year === filter.year) && (filter.since === undefined || monthKey(year.year, 12) >= filter.since))
    .map((year) => {
      const wholeYear = filter.since === undefined || monthKey(year.year, 1) >= filter.since;
      // A year's own items are counted in the text, asked for only when there are some: no bytes of theirs are known.
      const boxes = wholeYear ? year.items.map((item) => item.source.checkOffset) : [];
      const tally = countBoxes(boxes.length > 0 ? file.text : '', boxes);
      for (const month of year.months) {
        const progress = months.get(month);
        if (progress) {
          tally.done += progress.done;
          tally.total += progress.total;
        }
      }
      return { year: year.year, done: tally.done, total: tally.total };
    });
  const total = years.reduce((sum, year) => ({ done: sum.done + year.done, total: sum.total + year.total }), { done: 0, total: 0 });
  return { months: [...months.values()], years, total };
}
