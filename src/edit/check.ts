import type { Item } from '../model/types.js';
import type { Conventions } from './conventions.js';
import { lineEnd } from './lines.js';
import type { Splice } from './splice.js';

const STAMP = / ✅ \d{4}-\d{2}-\d{2}/u;

export interface CheckOptions {
  done: boolean;
  /** Add (or remove) a ` ✅ YYYY-MM-DD` completion stamp. */
  stamp: boolean;
  /** `YYYY-MM-DD`, for the stamp. */
  today: string;
}

/** One character per item — plus the completion stamp, for files that keep them. */
export function checkSplices(source: string, item: Item, style: Conventions, options: CheckOptions): Splice[] {
  const at = item.source.checkOffset;
  const splices: Splice[] = [{ start: at, end: at + 1, text: options.done ? style.checkedMark : ' ' }];
  if (!options.stamp) return splices;
  const end = lineEnd(source, at);
  const line = source.slice(at, end);
  if (options.done && !STAMP.test(line)) {
    const trimmed = line.trimEnd().length;
    splices.push({ start: at + trimmed, end: at + trimmed, text: ` ✅ ${options.today}` });
  } else if (!options.done) {
    const stamp = STAMP.exec(line);
    if (stamp) splices.push({ start: at + stamp.index, end: at + stamp.index + stamp[0].length, text: '' });
  }
  return splices;
}
