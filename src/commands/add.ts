import { UsageError, UserError } from '../errors.js';
import { planAdd, type AddRequest } from '../edit/add.js';
import { isSingleLine } from '../markdown/escape.js';
import { everyItem } from '../model/resolve.js';
import { mayHaveUrl } from '../store/list-codec.js';
import type { Item, ReadingList } from '../model/types.js';
import { editList, type EditOptions } from './edit-session.js';

export interface AddOptions extends EditOptions {
  date?: string;
  done?: boolean;
}

/** `--date YYYY`, `YYYY-MM` or `YYYY-MM-DD`; today (local time) when not given. */
export function parseAddDate(date: string | undefined, now = new Date()): Pick<AddRequest, 'year' | 'month' | 'day'> {
  if (date === undefined) return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(date);
  const [year, month, day] = [Number(match?.[1]), match?.[2] === undefined ? null : Number(match[2]), match?.[3] === undefined ? null : Number(match[3])];
  const lastDay = month === null ? 31 : new Date(year, month, 0).getDate();
  if (!match || (month !== null && (month < 1 || month > 12)) || (day !== null && (day < 1 || day > lastDay))) {
    throw new UsageError(`--date takes YYYY, YYYY-MM or YYYY-MM-DD (a real date), not '${date}'`);
  }
  return { year, month, day };
}

/** What must stay the same for every other item when one is added. */
const readsTheSame = (a: Item, b: Item): boolean => a.year === b.year && a.month === b.month && a.day === b.day
  && a.title === b.title && a.url === b.url && a.done === b.done && (a.parent === null) === (b.parent === null);

export async function runAdd(title: string, url: string | undefined, options: AddOptions): Promise<void> {
  if (!isSingleLine(title) || (url !== undefined && !isSingleLine(url))) throw new UsageError('a title or url cannot hold a line break');
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(title + (url ?? ''))) throw new UsageError('a title or url cannot hold control characters');
  const request: AddRequest = {
    title: title.trim(),
    url: url?.trim() ? url.trim() : null,
    done: options.done === true,
    ...parseAddDate(options.date),
  };
  if (request.title === '' && request.url === null) throw new UsageError('give a title (and optionally a url): read add "Title" https://…');
  // `read add Attention Paper`, quotes forgotten, would link the title to a relative `Paper`.
  if (request.url !== null && !/[:/.#?]/.test(request.url)) {
    throw new UsageError(`'${request.url}' is not a url (no scheme, domain or path); a title of several words goes in quotes: read add "${request.title} ${request.url}"`);
  }
  let id = '';
  await editList(options, ({ file, list, style }) => {
    const twins = request.url === null || !mayHaveUrl(list, request.url) ? [] : everyItem(list).filter((item) => item.url === request.url);
    for (const twin of twins) process.stderr.write(`warning: ${request.url} is already in the file as ${twin.id}; adding it again.\n`);
    const plan = planAdd(file.text, list, style, request);
    id = plan.id;
    return { splices: [plan.splice], message: `add ${plan.id}  ${request.title}`, verify: (_text, after) => verifyAdded(list, after, plan.id, request) };
  });
  process.stdout.write(`${id}\n`);
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
