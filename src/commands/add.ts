import { UsageError } from '../errors.js';
import { checkAdded } from './add-check.js';
import { planAdd, type AddRequest } from '../edit/add.js';
import { isSingleLine } from '../markdown/escape.js';
import { everyItem } from '../model/resolve.js';
import { mayHaveUrl } from '../store/list-codec.js';
import { editList, type EditOptions } from './edit-session.js';
import { standardOutput } from './stdout.js';

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
    return { splices: [plan.splice], message: `add ${plan.id}  ${request.title}`, verify: (_after, read) => checkAdded(file.text, list, plan, request, read) };
  });
  standardOutput().write(`${id}\n`);
}
