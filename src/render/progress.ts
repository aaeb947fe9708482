import type { Style } from './style.js';
import Table from 'cli-table3';
import { strlen } from 'cli-table3/src/utils.js';
import { monthsByYear, type Progress, type Tally } from '../model/progress.js';
import { bar, percent } from './bar.js';
import { sanitize } from './sanitize.js';

interface Row extends Tally {
  kind: 'month' | 'year' | 'total';
  label: string;
  heading: string;
  subtasks: string;
}

/** Months in file order, each year closed by its subtotal, then the total. */
function rows(progress: Progress, headings: ReadonlyMap<string, string>): Row[] {
  const out: Row[] = [];
  const byYear = monthsByYear(progress);
  for (const year of progress.years) {
    for (const month of byYear.get(year.year) ?? []) {
      const heading = sanitize(headings.get(month.id) ?? '');
      out.push({
        kind: 'month', label: month.id, heading: heading === month.id ? '' : heading, done: month.done, total: month.total,
        subtasks: month.subtasksTotal === 0 ? '' : `${month.subtasksDone}/${month.subtasksTotal}`,
      });
    }
    out.push({ kind: 'year', label: String(year.year), heading: '', done: year.done, total: year.total, subtasks: '' });
  }
  out.push({ kind: 'total', label: 'Total', heading: '', done: progress.total.done, total: progress.total.total, subtasks: '' });
  return out;
}

export const BAR_WIDTH = 20;

/**
 * cli-table3 lays a table out in time quadratic in its rows (each cell is checked against every
 * earlier row for spans): a long history is printed as stacked tables of this many rows, with the
 * widths one table would have had and no borders where they meet.
 */
const ROWS_PER_TABLE = 16;
const HEAD = ['Month', '', 'Done', '%', 'Progress', 'Subtasks'];
const NO_TOP = { 'top-left': '', top: '', 'top-mid': '', 'top-right': '' };
const NO_BOTTOM = { 'bottom-left': '', bottom: '', 'bottom-mid': '', 'bottom-right': '' };

export function renderProgressTable(progress: Progress, headings: ReadonlyMap<string, string>, style: Style): string {
  const plain = style.level === 0;
  const body = rows(progress, headings).map((row) => {
    const tint = row.total === 0 ? style.dim : row.done === row.total ? style.green : style.yellow;
    const strong = row.kind === 'month' ? (text: string) => text : style.bold;
    return [strong(row.label), row.heading, strong(`${row.done}/${row.total}`), percent(row.done, row.total), tint(bar(row.done, row.total, BAR_WIDTH)), row.subtasks];
  });
  const colWidths = HEAD.map((title, column) => {
    let widest = strlen(title);
    for (const cells of body) widest = Math.max(widest, strlen(cells[column] ?? ''));
    return widest + 2;
  });
  const tables: string[] = [];
  for (let start = 0; start < body.length; start += ROWS_PER_TABLE) {
    const table = new Table({
      head: start === 0 ? HEAD : [],
      colWidths,
      colAligns: ['left', 'left', 'right', 'right', 'left', 'right'],
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '', ...(start === 0 ? {} : NO_TOP), ...(start + ROWS_PER_TABLE < body.length ? NO_BOTTOM : {}) },
      // cli-table3 colours head and border even off a terminal unless told not to.
      style: plain ? { head: [], border: [] } : { head: ['bold'], border: ['dim'] },
    });
    table.push(...body.slice(start, start + ROWS_PER_TABLE));
    tables.push(table.toString());
  }
  return `${tables.join('\n')}\n`;
}

/** The same table in GitHub Markdown, to paste into a page or an issue. */
export function renderProgressMarkdown(progress: Progress, headings: ReadonlyMap<string, string>): string {
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const lines = ['| Month | | Done | % | Progress | Subtasks |', '|---|---|--:|--:|---|--:|'];
  for (const row of rows(progress, headings)) {
    const strong = (text: string) => (row.kind === 'month' ? text : `**${text}**`);
    lines.push(`| ${strong(row.label)} | ${cell(row.heading)} | ${strong(`${row.done}/${row.total}`)} | ${percent(row.done, row.total)} | ${bar(row.done, row.total, BAR_WIDTH)} | ${row.subtasks} |`);
  }
  return `${lines.join('\n')}\n`;
}
