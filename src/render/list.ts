import type { Style } from './style.js';
import type { Entry, Item, Month, Section, Year } from '../model/types.js';
import { sanitize } from './sanitize.js';
import type { Width } from './width.js';

/** What `read list` shows, already filtered. */
export interface ListView {
  years: { year: Year; items: Item[]; months: { month: Month; items: Item[] }[] }[];
  sections: { section: Section; items: Item[] }[];
  /** Notes and plain entries too (`--all`). */
  all: boolean;
}

export interface RenderOptions {
  style: Style;
  /** Terminal width; lines are cut to it. Undefined off a terminal: nothing is cut. */
  columns?: number;
  width: Width;
}

/** What `renderList` measures: ids always, the rest only when lines are cut to a terminal. */
export function measuredTexts(view: ListView, columns: number | undefined): string[] {
  const texts: string[] = [];
  const visit = (items: readonly Item[]): void => {
    for (const item of items) {
      texts.push(item.id);
      if (columns !== undefined) texts.push(item.title, item.url ?? '', ...item.notes);
      visit(item.subtasks);
    }
  };
  for (const { items, months } of view.years) {
    visit(items);
    for (const month of months) visit(month.items);
  }
  for (const { section, items } of view.sections) {
    visit(items);
    if (columns !== undefined) for (const entry of section.entries) texts.push(entry.title, entry.url ?? '');
  }
  return texts;
}

/** Items and their subtasks, depth first, with how deep each stands. */
function eachRow(items: readonly Item[], visit: (item: Item, depth: number) => void, depth = 0): void {
  for (const item of items) {
    visit(item, depth);
    eachRow(item.subtasks, visit, depth + 1);
  }
}

// Loops, not spreads: a list of 100,000 items would overflow the arguments of `push(...)`/`max(...)`.
export function renderList(view: ListView, { style, columns, width }: RenderOptions): string {
  let idColumn = 0;
  const measure = (item: Item, depth: number) => {
    idColumn = Math.max(idColumn, depth * 2 + width.of(sanitize(item.id)));
  };
  for (const { items, months } of view.years) {
    eachRow(items, measure);
    for (const { items: monthItems } of months) eachRow(monthItems, measure);
  }
  for (const { items } of view.sections) eachRow(items, measure);

  const out: string[] = [];
  const leadWidth = 4 + 3 + 1 + idColumn + 1 + 2 + 1;
  const noteIndent = ' '.repeat(leadWidth + 2);
  const itemLines = (items: readonly Item[]): void => eachRow(items, (item, depth) => {
    const mark = item.done ? style.green('[x]') : style.yellow('[ ]');
    const id = width.pad(sanitize(item.id), idColumn - depth * 2);
    const day = item.day === null ? '  ' : item.day < 10 ? ` ${item.day}` : String(item.day);
    const lead = `    ${' '.repeat(depth * 2)}${mark} ${style.cyan(id)} ${style.dim(day)} `;
    const url = item.url === null ? '' : sanitize(item.url);
    out.push(lead + fit(sanitize(item.title), url, columns === undefined ? undefined : columns - leadWidth, style, item.done, width));
    if (!view.all) return;
    for (const note of item.notes) {
      const line = `${noteIndent}· ${sanitize(note)}`;
      out.push(style.dim(columns === undefined ? line : width.cut(line, columns)));
    }
  });

  for (const { year, items, months } of view.years) {
    out.push(style.bold(String(year.year)));
    itemLines(items);
    for (const { month, items: monthItems } of months) {
      const label = month.label !== null && month.label !== month.id ? `  ${sanitize(month.label)}` : '';
      const done = month.items.filter((item) => item.done).length;
      out.push(`  ${style.bold(month.id)}${label}  ${style.dim(`${done}/${month.items.length}`)}`);
      itemLines(monthItems);
    }
    out.push('');
  }
  for (const { section, items } of view.sections) {
    out.push(style.bold(`§ ${sanitize(section.title)}`));
    itemLines(items);
    if (view.all) for (const entry of section.entries) out.push(entryLine(entry, style, columns, width));
    out.push('');
  }
  while (out[out.length - 1] === '') out.pop();
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

function entryLine(entry: Entry, style: Style, columns: number | undefined, width: Width): string {
  return `    •  ${fit(sanitize(entry.title), entry.url === null ? '' : sanitize(entry.url), columns === undefined ? undefined : columns - 7, style, false, width)}`;
}

/** Title, then the url dimmed; on a terminal the url gives way first, then the title. */
function fit(title: string, url: string, room: number | undefined, style: Style, done: boolean, width: Width): string {
  let [shownTitle, shownUrl] = [title, url];
  if (room !== undefined) {
    const urlRoom = Math.max(0, room - width.of(title) - 2);
    if (url && urlRoom < Math.min(width.of(url), 12)) {
      shownTitle = width.cut(title, Math.max(8, room - Math.min(width.of(url), 12) - 2));
      shownUrl = width.cut(url, Math.max(0, room - width.of(shownTitle) - 2));
    } else {
      shownTitle = width.cut(title, room);
      shownUrl = width.cut(url, urlRoom);
    }
  }
  const titleText = done ? shownTitle : style.bold(shownTitle);
  return shownUrl ? `${titleText}  ${style.dim(shownUrl)}` : titleText;
}
