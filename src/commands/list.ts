import { UsageError, UserError } from '../errors.js';
import { flatten, matches, monthSelected, pruneTree, sectionsSelected, yearSelected, type ItemFilter } from '../model/select.js';
import { monthId } from '../model/dates.js';
import type { Item, Month } from '../model/types.js';
import { jsonIndentFor, writeListJson, type JsonItems } from '../render/json.js';
import { measuredTexts, renderList, surveyMonths, type ListView, type MonthView } from '../render/list.js';
import { styleFor } from '../render/style.js';
import { isPlainAscii, widthFor } from '../render/width.js';
import { cachedMonthJson, itemsForOnePass, monthIdColumn } from '../store/list-codec.js';
import { monthJson } from '../store/month-json.js';
import { monthLines } from '../store/month-lines.js';
import { longListOptimized } from '../v8-tuning.js';
import { debugging, openList, type GlobalOptions } from './context.js';
import { Output } from './output.js';
import { standardOutput } from './stdout.js';

export interface ListOptions extends GlobalOptions {
  open?: boolean;
  todo?: boolean;
  done?: boolean;
  year?: string;
  month?: string;
  all?: boolean;
  json?: boolean;
}

export function filterFrom(query: string | undefined, options: ListOptions): ItemFilter {
  if ((options.open || options.todo) && options.done) throw new UsageError('--open and --done exclude each other');
  const filter: ItemFilter = {};
  if (options.open || options.todo) filter.state = 'open';
  if (options.done) filter.state = 'done';
  if (options.year !== undefined) {
    if (!/^\d{4}$/.test(options.year)) throw new UsageError(`--year takes a year like 2023, not '${options.year}'`);
    filter.year = Number(options.year);
  }
  if (options.month !== undefined) {
    const month = /^(\d{4})-(\d{1,2})$/.exec(options.month);
    if (!month || Number(month[2]) < 1 || Number(month[2]) > 12) throw new UsageError(`--month takes YYYY-MM, like 2023-04, not '${options.month}'`);
    filter.month = monthId(Number(month[1]), Number(month[2]));
  }
  if (query !== undefined) filter.query = query;
  return filter;
}

/** The terminal's width, when printing to one that reports it: lines are cut to fit. */
function terminalColumns(): number | undefined {
  const { isTTY, columns = 0 } = standardOutput();
  return isTTY && columns > 0 ? columns : undefined;
}

export async function runList(query: string | undefined, options: ListOptions): Promise<void> {
  const filter = filterFrom(query, options);
  const { list, shownPath } = await openList(options);
  const years: ListView['years'] = list.years.filter((year) => yearSelected(year, filter)).map((year) => ({
    year,
    items: filter.month === undefined ? pruneTree(year.items, filter) : [],
    months: year.months.filter((month) => monthSelected(month, filter)).map((month) => new FilteredMonth(month, filter)),
  }));
  const sections = (options.all || options.json ? sectionsSelected(list, filter) : [])
    .map((section) => ({ section, items: pruneTree(section.items, filter) }));
  const output = new Output(standardOutput());

  if (options.json) {
    const indent = jsonIndentFor(standardOutput());
    const months = monthCount(years);
    writeListJson(output, indent, shownPath, jsonBatches(years, filter, indent === 0, months), sections.map(({ section, items }) => ({ section, items: flatten(items).filter((item) => matches(item, filter)) })));
    output.flush();
    reportMonths(months);
    return;
  }
  const columns = terminalColumns();
  const narrowed = filter.state !== undefined || filter.query !== undefined;
  const survey = surveyMonths(years, columns, narrowed);
  const view: ListView = {
    all: options.all === true,
    years: narrowed
      ? years.map((year) => ({ ...year, months: year.months.filter(({ month }) => !survey.empty.has(month)) }))
        .filter(({ items, months }) => items.length > 0 || months.length > 0)
      : years,
    sections,
  };
  const shown = view.years.length + view.sections.filter(({ items }) => items.length > 0).length;
  if (filter.query !== undefined && shown === 0) throw new UserError(`nothing in ${shownPath} matches '${filter.query}'`);
  const style = await styleFor({ noColor: options.color === false, stream: standardOutput() });
  const width = await widthFor(survey.plainAscii && measuredTexts(view, columns).every(isPlainAscii));
  // Plain lines of every item, on a list long enough for V8 to optimize: a month's can come straight from the cache's bytes.
  const plain = style.level === 0 && columns === undefined && !narrowed && !view.all && longListOptimized();
  const months = monthCount(view.years);
  const linesOf = (month: Month, idColumn: number) => {
    const lines = monthLines(month, idColumn);
    if (lines) {
      months.fromCache++;
      months.asBytes++;
    }
    return lines;
  };
  renderList(view, { style, columns, width, survey, monthLines: plain ? linesOf : undefined }, output);
  output.flush();
  reportMonths(months);
  if (shown === 0) {
    const where = filter.month ?? (filter.year === undefined ? '' : String(filter.year));
    process.stderr.write(`${filter.state === 'open' ? 'Nothing open' : 'No items'}${where ? ` in ${where}` : ''}.\n`);
  }
}

/**
 * A month as the list shows it, read when it is written. A class, not an object of two closures a
 * month: 3,334 months at 100,000 items, held until the end, which `list --json` never calls.
 */
class FilteredMonth implements MonthView {
  constructor(readonly month: Month, private readonly filter: ItemFilter) {}

  items(): { all: readonly Item[]; shown: Item[] } {
    const all = itemsForOnePass(this.month);
    return { all, shown: pruneTree(all, this.filter) };
  }

  idColumn(): number {
    return monthIdColumn(this.month);
  }
}

/** Months listed; those written straight from the cache, without making their items; of those, from the page's bytes (store/month-bytes.ts). */
interface MonthCount {
  all: number;
  fromCache: number;
  asBytes: number;
}

const monthCount = (years: ListView['years']): MonthCount => ({ all: years.reduce((count, { months }) => count + months.length, 0), fromCache: 0, asBytes: 0 });

function reportMonths({ all, fromCache, asBytes }: MonthCount): void {
  if (debugging('cache')) process.stderr.write(`read: ${fromCache} of ${all} months written from the cache, ${asBytes} from the page's bytes\n`);
}

/**
 * Items `--json` hands to one stringify (render/json.ts): of 32, 64, 128 and 256, the quickest. Their
 * JSON (some 200 characters an item) fits the buffer `Output` encodes into (commands/output.ts) in
 * one piece: 256 took 275 ms at 100,000 items, not 265.
 */
const JSON_BATCH = 64;

/**
 * The items `--json` lists, flat and in file order, read month by month as they are written, and
 * handed on a batch of about `JSON_BATCH` at a time. `compact`: a cached month's items are handed on
 * as JSON made straight from the cache, unless a query must read their strings: as text built from
 * its runs, or, on a list long enough for V8 to optimize, as UTF-8 from the page's bytes
 * (store/month-json.ts), which are the writer's, good until the next month is read.
 */
function* jsonBatches(years: ListView['years'], filter: ItemFilter, compact: boolean, counted: MonthCount): Generator<JsonItems> {
  const asJson = longListOptimized() ? monthJson : cachedMonthJson;
  let batch: Item[] = [];
  const take = (items: readonly Item[]) => {
    for (const item of flatten(items)) if (matches(item, filter)) batch.push(item);
  };
  const fromCache = compact && filter.query === undefined;
  for (const { items, months } of years) {
    take(items);
    for (const { month } of months) {
      const json = fromCache ? asJson(month, filter.state) : undefined;
      if (json) {
        counted.fromCache++;
        if ('bytes' in json) counted.asBytes++;
        if (batch.length > 0) yield batch;
        batch = [];
        yield json;
        continue;
      }
      take(itemsForOnePass(month));
      if (batch.length >= JSON_BATCH) {
        yield batch;
        batch = [];
      }
    }
  }
  yield batch;
}
