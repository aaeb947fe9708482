import { FenceTracker } from '../markdown/fences.js';
import { daysInMonth, monthId, newestFirst } from './dates.js';
import { everyItem } from './resolve.js';
import type { ReadingList } from './types.js';

export interface Problem {
  line: number;
  kind: 'malformed-link' | 'empty-link' | 'duplicate-url' | 'month-order' | 'month-outside-year' | 'unreadable-date' | 'day-past-month-end' | 'task-outside-dates';
  message: string;
  /** Hints are worth knowing but are not errors: they do not make `lint` fail. */
  severity: 'error' | 'hint';
}

const FULL_DATE = /\d{4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日/;

/** Structural problems of the page, in line order. Pure: the text and its model in, problems out. */
export function lintList(text: string, list: ReadingList): Problem[] {
  return [...linkProblems(text), ...duplicateUrls(list), ...monthOrder(list), ...headingProblems(list), ...dayProblems(list), ...sectionTasks(list)]
    .sort((a, b) => a.line - b.line);
}

/** `text](url)` without its `[`, `[text] (url)`, `[]()` — outside code. */
function linkProblems(text: string): Problem[] {
  const problems: Problem[] = [];
  const fences = new FenceTracker();
  text.split('\n').forEach((raw, index) => {
    if (fences.inFence(raw)) return;
    const line = raw.replace(/(`+)[^`]*?\1/g, (code) => ' '.repeat(code.length));
    const at = index + 1;
    let depth = 0;
    for (let position = 0; position < line.length; position++) {
      const char = line[position];
      if (char === '\\') position++;
      else if (char === '[') depth++;
      else if (char === ']') {
        if (depth === 0 && line[position + 1] === '(') {
          problems.push({ line: at, kind: 'malformed-link', message: `a link without its '[': '${excerpt(line, position)}'`, severity: 'error' });
        }
        depth = Math.max(0, depth - 1);
      }
    }
    if (/\[[^\]]+\][ \t]+\((?:https?:|www\.|\.{0,2}\/)/.test(line)) {
      problems.push({ line: at, kind: 'malformed-link', message: "a space between ']' and '(' breaks the link", severity: 'error' });
    }
    if (/\[\]\(\s*\)/.test(line)) problems.push({ line: at, kind: 'empty-link', message: 'an empty link: []()', severity: 'error' });
  });
  return problems;
}

function excerpt(line: string, position: number): string {
  const start = Math.max(0, line.lastIndexOf(' ', Math.max(0, position - 20)) + 1);
  return line.slice(start, Math.min(line.length, position + 30)).trim();
}

function duplicateUrls(list: ReadingList): Problem[] {
  const first = new Map<string, { id: string; line: number }>();
  const problems: Problem[] = [];
  for (const item of [...everyItem(list)].sort((a, b) => a.line - b.line)) {
    if (item.url === null) continue;
    const seen = first.get(item.url);
    if (seen) problems.push({ line: item.line, kind: 'duplicate-url', message: `${item.id} has the same url as ${seen.id} (line ${seen.line}): ${item.url}`, severity: 'error' });
    else first.set(item.url, { id: item.id, line: item.line });
  }
  return problems;
}

/** Months against the order most of the file keeps (newest or oldest first). */
function monthOrder(list: ReadingList): Problem[] {
  const headings = list.months.flatMap((month) => month.headings.map((heading) => ({ month, heading }))).sort((a, b) => a.heading.line - b.heading.line);
  const key = ({ month }: { month: { year: number; month: number } }) => month.year * 12 + month.month;
  const newest = newestFirst(headings.map(key)) ?? true;
  const problems: Problem[] = [];
  headings.forEach((entry, index) => {
    const previous = headings[index - 1];
    if (previous && (newest ? key(entry) > key(previous) : key(entry) < key(previous))) {
      problems.push({ line: entry.heading.line, kind: 'month-order', message: `${entry.month.id} comes after ${previous.month.id}, but the file lists months ${newest ? 'newest' : 'oldest'} first`, severity: 'error' });
    }
  });
  return problems;
}

function headingProblems(list: ReadingList): Problem[] {
  const reported = new Set(list.headingProblems.map(({ heading }) => heading.line));
  const monthHeadings = new Set(list.months.flatMap((month) => month.headings));
  const unread = list.headings.filter((heading) => !reported.has(heading.line) && FULL_DATE.test(heading.text) && !monthHeadings.has(heading));
  return [
    ...list.headingProblems.map(({ heading, kind }): Problem => (kind === 'month-outside-year'
      ? { line: heading.line, kind, message: `'${heading.text}' names a month, but no year heading stands above it`, severity: 'error' }
      : { line: heading.line, kind, message: `'${heading.text}' looks like a date that does not exist`, severity: 'error' })),
    ...unread.map((heading): Problem => ({ line: heading.line, kind: 'unreadable-date', message: `'${heading.text}' holds a date, but not at its start, so it is not read as one`, severity: 'error' })),
  ];
}

function dayProblems(list: ReadingList): Problem[] {
  return everyItem(list)
    .filter((item) => item.day !== null && item.year !== null && item.month !== null && item.day > daysInMonth(item.year, item.month))
    .map((item) => ({ line: item.line, kind: 'day-past-month-end', message: `${item.id} is on day ${item.day}, but ${monthId(item.year ?? 0, item.month ?? 0)} has ${daysInMonth(item.year ?? 0, item.month ?? 0)} days`, severity: 'error' }));
}

function sectionTasks(list: ReadingList): Problem[] {
  return list.sections.filter((section) => section.items.length > 0).map((section) => ({
    line: section.line,
    kind: 'task-outside-dates',
    message: `'${section.title}' holds ${section.items.length} task(s) outside any month; they are not counted in progress`,
    severity: 'hint',
  }));
}
