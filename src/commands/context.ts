import { relative } from 'node:path';
import { readListFromText } from '../model/read-list.js';
import type { ReadingList } from '../model/types.js';
import { loadListFile, type ListFile } from '../store/list-file.js';
import { locateList } from '../store/locate.js';

/** Options every command takes. */
export interface GlobalOptions {
  file?: string;
  /** commander turns `--no-color` into `color: false`. */
  color?: boolean;
}

export interface OpenList {
  file: ListFile;
  list: ReadingList;
  /** The path as the person would write it: relative to the working folder when inside it. */
  shownPath: string;
}

export function openList(options: GlobalOptions): OpenList {
  const path = locateList(options.file);
  const file = loadListFile(path);
  const { list } = readListFromText(file.text);
  return { file, list, shownPath: shownPath(path) };
}

/** The path as the person would write it: relative to the working folder when inside it. */
export function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === '' || fromHere.startsWith('..') ? path : fromHere;
}
