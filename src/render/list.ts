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

interface Row { depth: number; item: Item }

export function renderList(view: ListView, { style, columns, width }: RenderOptions): string {
  const rows = (items: readonly Item[], depth = 0, into: Row[] = []): Row[] => {
    for (const item of items) {
      into.push({ depth, item });
      rows(item.subtasks, depth + 1, into);
    }
    return into;
  };
  const everyRow = [
    ...view.years.flatMap(({ items, months }) => [...rows(items), ...months.flatMap((month) => rows(month.items))]),
    ...view.sections.flatMap(({ items }) => rows(items)),
  ];
  const idColumn = Math.max(0, ...everyRow.map(({ depth, item }) => depth * 2 + width.of(sanitize(item.id))));

  const itemLines = (items: Item[]): string[] => rows(items).flatMap(({ depth, item }) => {
    const mark = item.done ? style.green('[x]') : style.yellow('[ ]');
    const id = width.pad(sanitize(item.id), idColumn - depth * 2);
    const day = item.day === null ? '  ' : String(item.day).padStart(2);
    const lead = `    ${' '.repeat(depth * 2)}${mark} ${style.cyan(id)} ${style.dim(day)} `;
    const leadWidth = 4 + 3 + 1 + idColumn + 1 + 2 + 1;
    const title = sanitize(item.title);
    const url = item.url === null ? '' : sanitize(item.url);
    const line = lead + fit(title, url, columns === undefined ? undefined : columns - leadWidth, style, item.done, width);
    if (!view.all) return [line];
    const noteIndent = ' '.repeat(leadWidth + 2);
    return [line, ...item.notes.map((note) => style.dim(columns === undefined ? `${noteIndent}· ${sanitize(note)}` : width.cut(`${noteIndent}· ${sanitize(note)}`, columns)))];
  });

  const out: string[] = [];
  for (const { year, items, months } of view.years) {
    out.push(style.bold(String(year.year)));
    out.push(...itemLines(items));
    for (const { month, items: monthItems } of months) {
      const label = month.label !== null && month.label !== month.id ? `  ${sanitize(month.label)}` : '';
      const done = month.items.filter((item) => item.done).length;
      out.push(`  ${style.bold(month.id)}${label}  ${style.dim(`${done}/${month.items.length}`)}`);
      out.push(...itemLines(monthItems));
    }
    out.push('');
  }
  for (const { section, items } of view.sections) {
    out.push(style.bold(`§ ${sanitize(section.title)}`));
    out.push(...itemLines(items));
    if (view.all) out.push(...section.entries.map((entry) => entryLine(entry, style, columns, width)));
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
