import { progressOf } from '../model/progress.js';
import { progressJson } from '../render/json.js';
import { openList, type GlobalOptions } from './context.js';
import { filterFrom } from './list.js';

export interface ProgressOptions extends GlobalOptions {
  year?: string;
  json?: boolean;
}

export function runProgress(options: ProgressOptions): void {
  const { year } = filterFrom(undefined, { year: options.year });
  const { list } = openList(options);
  const progress = progressOf(list, year === undefined ? undefined : (candidate) => candidate === year);
  process.stdout.write(progressJson(progress));
}
