import type { AddPlan, AddRequest } from '../edit/add.js';
import { lineBreaks, lineStart } from '../edit/lines.js';
import { UserError } from '../errors.js';
import { mayHoldDefinitions } from '../markdown/definitions.js';
import { toItem } from '../model/build.js';
import { digestWithItem, insertedItem, nextAtTop, sectionAround, shiftedItem } from '../model/insertion.js';
import { everyItem } from '../model/resolve.js';
import type { ItemAdded } from '../model/read-list.js';
import type { Item, ReadingList } from '../model/types.js';
import type { ReadBack } from './edit-session.js';

/** What must stay the same for every other item when one is added. */
const readsTheSame = (a: Item, b: Item): boolean => a.year === b.year && a.month === b.month && a.day === b.day
  && a.title === b.title && a.url === b.url && a.done === b.done && (a.parent === null) === (b.parent === null);

/** What add checks before it writes: the new item reads back as given, every other item as before. */
export async function checkAdded(before: string, list: ReadingList, plan: AddPlan, request: AddRequest, read: ReadBack): Promise<ItemAdded | undefined> {
  const added = await addedInSection(before, list, plan, request, read);
  if (added) return { from: list, ...added };
  verifyAdded(list, await read.list(), plan.id, request);
  return undefined;
}

/** The new item must read back as given, and every other item exactly as before. */
export function verifyAdded(before: ReadingList, after: ReadingList, id: string, request: AddRequest): void {
  const now = everyItem(after);
  const added = now.find((item) => item.id === id);
  const expected = { title: request.title, url: request.url, done: request.done };
  if (!added || added.title !== expected.title || added.url !== expected.url || added.done !== expected.done || (request.day !== null && added.day !== request.day)) {
    throw new UserError(`could not write this item so that it reads back as given; nothing was written.\nPlease add it by hand${added ? ` (it would read as: ${JSON.stringify({ title: added.title, url: added.url, day: added.day })})` : ''}.`);
  }
  const was = everyItem(before);
  // Side by side, the new item skipped: every other item must read as the one in its place before.
  let index = 0;
  const same = now.length === was.length + 1 && now.every((item) => item === added || readsTheSame(item, was[index++] as Item));
  if (!same) throw new UserError('adding here would change how other items read; nothing was written. Please add it by hand.');
}

/**
 * The same check, read off the section the new line went into, from the line the item it follows
 * starts on: passed when that stretch shows the new item as given, right after that item among the
 * same siblings, and every other heading and item as before (see `insertedItem` for why that is
 * enough for a section). The stretch reads alone as the list reads it in its section: its first
 * line starts a list item, which ends every block above it but the lists it stands in, and those
 * are written on that line too, as its indentation (four columns or more read alone as code, and
 * the check cannot tell). Read alone, an item under a plain bullet takes that indentation as its
 * own, and a line after it may join another list than in the section; the list lifts tasks out of
 * plain bullets and reads both alike. The property test in add-check.test.ts checks that what
 * passes here passes a reading of the whole list. The parser is slow on first use, a few
 * microseconds a character: a month of 30 items took 15 ms to check whole, the lines from its
 * last item a tenth of that. The section's digest with the item put in is kept for the next
 * command, which then parses nothing (see `digestWithItem`). Undefined when it cannot tell; the
 * whole list is then read back. Passed, it gives the new item as the list after the add has it.
 */
export async function addedInSection(before: string, list: ReadingList, plan: AddPlan, request: AddRequest, read: ReadBack): Promise<Omit<ItemAdded, 'from'> | undefined> {
  const { splice, follows: last } = plan;
  if (!last || splice.start !== splice.end || mayHoldDefinitions(before)) return undefined;
  const insertion = { at: splice.start, length: splice.text.length, lines: lineBreaks(splice.text), text: splice.text, byteAt: Buffer.byteLength(before.slice(0, splice.start)) };
  const section = sectionAround(before, list.headings, insertion.at);
  const span = { start: lineStart(before, last.source.start), end: section.end, line: last.line };
  // Made from the text before and the line written: slicing the text after would first copy all of
  // it into one string (15 ms at 100,000 items).
  const written = (from: number) => before.slice(from, insertion.at) + splice.text + before.slice(insertion.at, span.end);
  const source = written(span.start);
  if (mayHoldDefinitions(source)) return undefined;
  // The stretches are parsed, not kept: no later read looks them up. The section is, as it was.
  const [was, now] = await read.sections([before.slice(span.start, span.end), source], { cached: false });
  const [sectionWas] = await read.sections([before.slice(section.start, section.end)]);
  if (!was || !now || !sectionWas || was.endsOpen || now.endsOpen) return undefined;
  const found = insertedItem(was, now, { ...insertion, at: insertion.at - span.start });
  if (!found?.follows || found.follows.start !== last.source.start - span.start) return undefined;
  const { item, follows } = found;
  // An item without a day of its own has its scope's: the day of the one it follows, when that has
  // none of its own either. Otherwise it is not known here, and neither is the item.
  const scopeDay = follows.day === null ? last.day : undefined;
  const day = item.day ?? scopeDay;
  const passed = day !== undefined && item.title === request.title && item.url === request.url && item.done === request.done
    && (request.day === null || day === request.day) && plan.id === nextId(last.id);
  if (!passed) return undefined;
  // Read alone, `follows` stands at the top of its list: the item must join that list, as `digestWithItem` puts it.
  const digest = nextAtTop(now.blocks, follows, item)
    ? digestWithItem(sectionWas, { ...insertion, at: insertion.at - section.start }, shiftedItem(item, span.start - section.start, span.line - section.line), last.source.start - section.start)
    : undefined;
  if (digest) read.knownSection(written(section.start), digest);
  return { item: toItem(item, { offset: span.start, line: span.line }, plan.id, null, { year: last.year, month: last.month, day: scopeDay ?? null }), follows: last, insertion };
}

/** The id of the item after `id` among its siblings: `2023-04.3` → `2023-04.4`. */
function nextId(id: string): string {
  const dot = id.lastIndexOf('.');
  return `${id.slice(0, dot)}.${Number(id.slice(dot + 1)) + 1}`;
}
