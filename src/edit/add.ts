import { escapeLinkText, escapePlainTitle, formatDestination } from '../markdown/escape.js';
import { monthId, readHeadingDate } from '../model/dates.js';
import type { Heading, Item, Month, ReadingList, Year } from '../model/types.js';
import { headingKinds, type Conventions } from './conventions.js';
import { dayHeading, monthHeading, yearHeading } from './headings.js';
import { contentEnd, lineEnd, lineStart } from './lines.js';
import type { Splice } from './splice.js';

export interface AddRequest {
  title: string;
  url: string | null;
  year: number;
  /** Null for a year item. */
  month: number | null;
  day: number | null;
  done: boolean;
}

/** The one splice that adds the item, and the id it will have. */
export interface AddPlan {
  splice: Splice;
  id: string;
  /** The item the new one is written after, in the same list; none when it starts a list. */
  follows?: Item;
}

interface Place { key: number; start: number; end: number }

/** The text of the item itself: `- [ ] 31 [Title](url)`. */
export function itemText(request: AddRequest, marker: string, style: Conventions, dayPrefix: boolean): string {
  const mark = request.done ? style.checkedMark : ' ';
  const day = dayPrefix && request.day !== null ? `${style.dayPadded ? String(request.day).padStart(2, '0') : request.day} ` : '';
  const body = request.url === null ? escapePlainTitle(request.title) : `[${escapeLinkText(request.title)}](${formatDestination(request.url)})`;
  return `${marker} [${mark}] ${day}${body}`;
}

export function planAdd(source: string, list: ReadingList, style: Conventions, request: AddRequest): AddPlan {
  return new AddPlanner(source, list, style, request).plan();
}

class AddPlanner {
  private readonly kinds;
  private readonly eol: string;

  constructor(private readonly source: string, private readonly list: ReadingList, private readonly style: Conventions, private readonly request: AddRequest) {
    this.kinds = headingKinds(list);
    this.eol = style.eol;
  }

  plan(): AddPlan {
    const { request, list } = this;
    const year = list.years.find((candidate) => candidate.year === request.year);
    if (request.month === null) return this.yearItem(year);
    const id = monthId(request.year, request.month);
    const month = list.months.find((candidate) => candidate.id === id);
    const useDays = request.day !== null && this.style.templates.day !== undefined
      && (month ? month.headings.some((heading) => readHeadingDate(heading.text)?.kind === 'day') : this.style.templates.month === undefined);
    if (useDays) return this.dayItem(id, month);
    if (month) return this.afterItems(month.items, month.heading, id, true);
    return { splice: this.newMonth(year), id: `${id}.1` };
  }

  private yearItem(year: Year | undefined): AddPlan {
    const { request } = this;
    if (year?.heading) return this.afterItems(year.items, year.heading, String(request.year), false);
    const block = [yearHeading(this.source, this.style.templates.year, request.year), ...this.blank(this.style.gaps.headingToItem), this.line(this.style.bullet, false)];
    return { splice: this.among(this.yearPlaces(), request.year, this.style.newestFirst.years, this.style.gaps.year, block), id: `${request.year}.1` };
  }

  private dayItem(monthId: string, month: Month | undefined): AddPlan {
    const { request, style } = this;
    const key = request.year * 10_000 + (request.month ?? 0) * 100 + (request.day ?? 0);
    const places = this.kinds.days.map(({ heading, key: dayKey }) => ({ ...this.sectionOf(heading), key: dayKey }));
    const same = this.kinds.days.find((day) => day.key === key);
    if (same && month) {
      const { start, end } = this.sectionOf(same.heading);
      const under = month.items.filter((item) => item.source.start >= start && item.source.start < end);
      return this.afterItems(under, same.heading, monthId, false, month.items);
    }
    const block = [dayHeading(this.source, style.templates.day, request.year, request.month ?? 1, request.day ?? 1), ...this.blank(style.gaps.headingToItem), this.line(style.bullet, false)];
    const splice = this.among(places, key, style.newestFirst.days, style.gaps.day, block);
    const before = month?.items.filter((item) => item.source.start < splice.start).length ?? 0;
    return { splice, id: `${monthId}.${before + 1}` };
  }

  /** After the last of `items` (its notes and subtasks too), or under `heading` when there are none. */
  private afterItems(items: Item[], heading: Heading, container: string, dayPrefix: boolean, numbered: Item[] = items): AddPlan {
    const last = items.at(-1);
    if (!last) {
      const at = lineEnd(this.source, heading.end);
      const text = this.eol.repeat(1 + this.style.gaps.headingToItem) + this.line(this.style.bullet, dayPrefix);
      return { splice: { start: at, end: at, text }, id: `${container}.${numbered.filter((item) => item.source.start < at).length + 1}` };
    }
    const { source } = this;
    const written = source.slice(lineStart(source, last.source.start), last.source.start);
    const indent = /^[ \t]*$/.test(written) ? written : ' '.repeat(last.source.indent);
    const ordered = /^(\d+)([.)])$/.exec(last.source.marker);
    const marker = ordered ? `${Number(ordered[1]) + 1}${ordered[2]}` : last.source.marker;
    const at = last.source.end;
    return {
      splice: { start: at, end: at, text: this.eol + indent + this.line(marker, dayPrefix) },
      id: `${container}.${numbered.filter((item) => item.source.start <= last.source.start).length + 1}`,
      follows: last,
    };
  }

  private newMonth(year: Year | undefined): Splice {
    const { request, style, source } = this;
    const month = request.month ?? 1;
    const template = style.templates.month;
    const yearDepth = year?.heading?.depth ?? style.templates.year?.depth ?? 1;
    const monthLine = monthHeading(source, template, request.year, month, template?.depth ?? yearDepth + 1);
    const monthBlock = [monthLine, ...this.blank(style.gaps.headingToItem), this.line(style.bullet, true)];
    const key = request.year * 12 + month;
    const ownYear = template !== undefined && readHeadingDate(template.text)?.kind === 'month' && /\d{4}/.test(template.text);
    const months = this.kinds.months.map(({ heading, key: monthKey }) => ({ ...this.sectionOf(heading), key: monthKey }));
    if (ownYear) return this.among(months, key, style.newestFirst.months, style.gaps.month, monthBlock);
    if (year?.heading) {
      const siblings = months.filter(({ key: monthKey }) => Math.floor((monthKey - 1) / 12) === request.year);
      if (siblings.length > 0) return this.among(siblings, key, style.newestFirst.months, style.gaps.month, monthBlock);
      return this.append(this.yearEnd(year), style.gaps.yearToMonth, monthBlock);
    }
    const block = [yearHeading(source, style.templates.year, request.year), ...this.blank(style.gaps.yearToMonth), ...monthBlock];
    return this.among(this.yearPlaces(), request.year, style.newestFirst.years, style.gaps.year, block);
  }

  private line(marker: string, dayPrefix: boolean): string {
    return itemText(this.request, marker, this.style, dayPrefix);
  }

  private blank(count: number): string[] {
    return Array.from({ length: count }, () => '');
  }

  /** Before the first sibling the new block precedes in the file's order, else after the last. */
  private among(places: readonly Place[], key: number, newestFirst: boolean, gap: number, block: string[]): Splice {
    const next = places.find((place) => (newestFirst ? key > place.key : key < place.key));
    if (next) return { start: next.start, end: next.start, text: block.join(this.eol) + this.eol.repeat(1 + gap) };
    const last = places.at(-1);
    return this.append(last ? last.end : contentEnd(this.source, this.source.length), gap, block);
  }

  private append(at: number, gap: number, block: string[]): Splice {
    if (at === 0) return { start: 0, end: 0, text: block.join(this.eol) + this.eol };
    return { start: at, end: at, text: this.eol.repeat(1 + gap) + block.join(this.eol) };
  }

  /** A heading's section: from its line to the last content before the next heading as high. */
  private sectionOf(heading: Heading): { start: number; end: number } {
    const next = this.list.headings.find((other) => other.start > heading.start && other.depth <= heading.depth);
    return { start: lineStart(this.source, heading.start), end: contentEnd(this.source, next ? lineStart(this.source, next.start) : this.source.length) };
  }

  /** A year ends with its last dated content, not with the non-date sections nested below it. */
  private yearEnd(year: Year): number {
    const ends = [
      year.heading ? lineEnd(this.source, year.heading.end) : 0,
      ...year.items.map((item) => item.source.end),
      ...year.months.flatMap((month) => month.headings.map((heading) => this.sectionOf(heading).end)),
    ];
    return Math.max(...ends);
  }

  private yearPlaces(): Place[] {
    return this.list.years.filter((year) => year.heading).map((year) => ({
      key: year.year,
      start: lineStart(this.source, year.heading?.start ?? 0),
      end: this.yearEnd(year),
    }));
  }
}
