import { UsageError } from '../errors.js';
import { monthKey, progressOf } from '../model/progress.js';
import { renderCalendar } from '../render/calendar.js';
import { jsonIndentFor, progressJson } from '../render/json.js';
import { renderProgressMarkdown, renderProgressTable } from '../render/progress.js';
import { styleFor } from '../render/style.js';
import { drawingTable } from '../v8-tuning.js';
import { openList, type GlobalOptions } from './context.js';
import { filterFrom } from './list.js';
import { standardOutput } from './stdout.js';

export interface ProgressOptions extends GlobalOptions {
  year?: string;
  since?: string;
  json?: boolean;
  markdown?: boolean;
  calendar?: boolean;
}

export async function runProgress(options: ProgressOptions): Promise<void> {
  const { year, month: since } = filterFrom(undefined, { year: options.year, month: options.since });
  if ([options.json, options.markdown, options.calendar].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --markdown, --calendar');
  // Counted from the months' checkboxes: their items are never read.
  const { file, list } = await openList(options, { items: false });
  const progress = progressOf(list, file, { year, since: since === undefined ? undefined : monthKey(Number(since.slice(0, 4)), Number(since.slice(5))) });
  const headings = new Map(list.months.map((month) => [month.id, month.label ?? '']));
  const style = await styleFor({ noColor: options.color === false, stream: standardOutput() });
  if (options.json) standardOutput().write(progressJson(progress, jsonIndentFor(standardOutput())));
  else if (options.markdown) standardOutput().write(renderProgressMarkdown(progress, headings));
  else if (options.calendar) standardOutput().write(renderCalendar(progress, style));
  else {
    // cli-table3 paints head and border with @colors/colors, which decides on colour by itself (off
    // on GitHub's CI, where Node has it): a table in colour has them in colour too. Loaded only then.
    if (style.level > 0) (await import('@colors/colors/safe.js')).enable();
    standardOutput().write(drawingTable(() => renderProgressTable(progress, headings, style)));
  }
}
