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

const HEAD = ['Month', '', 'Done', '%', 'Progress', 'Subtasks'];

/**
 * cli-table3 lays a table out in time quadratic in its rows (each cell is checked against every
 * earlier row for spans), and merges its options into every cell anew. The rows have no borders
 * between them, so the body is one row of six cells of many lines, which cli-table3 draws line by
 * line with each line aligned on its own: the same table, a few cells to lay out instead of
 * thousands (the test compares it with the table of one row per month).
 */
export function renderProgressTable(progress: Progress, headings: ReadonlyMap<string, string>, style: Style): string {
  const plain = style.level === 0;
  const columns: string[][] = HEAD.map(() => []);
  for (const row of rows(progress, headings)) {
    const tint = row.total === 0 ? style.dim : row.done === row.total ? style.green : style.yellow;
    const strong = row.kind === 'month' ? (text: string) => text : style.bold;
    const cells = [strong(row.label), row.heading, strong(`${row.done}/${row.total}`), percent(row.done, row.total), tint(bar(row.done, row.total, BAR_WIDTH)), row.subtasks];
    cells.forEach((cell, column) => columns[column]?.push(cell));
  }
  const table = new Table({
    head: HEAD,
    colWidths: HEAD.map((title, column) => (columns[column] ?? []).reduce((widest, cell) => Math.max(widest, strlen(cell)), strlen(title)) + 2),
    colAligns: ['left', 'left', 'right', 'right', 'left', 'right'],
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    // cli-table3 colours head and border even off a terminal unless told not to.
    style: plain ? { head: [], border: [] } : { head: ['bold'], border: ['dim'] },
  });
  table.push(columns.map((lines) => lines.join('\n')));
  return `${table.toString()}\n`;
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
