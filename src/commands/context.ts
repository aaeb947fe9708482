import { relative } from 'node:path';
import { tuneForList } from '../v8-tuning.js';
import type { SectionDigest } from '../model/digest.js';
import { boundCache, keepKnownList, keepListWithItem, keepSection, readListFromText, readSections, type ItemAdded, type ListText, type ReadOptions, type ReadStats } from '../model/read-list.js';
import type { ReadingList } from '../model/types.js';
import { FileDigestCache } from '../store/digest-cache.js';
import { fileIdentity, loadListFile, type ListFile } from '../store/list-file.js';
import { locateList } from '../store/locate.js';

/** Options every command takes. */
export interface GlobalOptions {
  file?: string;
  /** commander turns `--no-color` into `color: false`. */
  color?: boolean;
  /** `--no-cache`: parse every section, keep nothing. */
  cache?: boolean;
}

/** Reads one file's texts through that file's cache. */
export interface ListReader {
  /** `text` may be given as its bytes and how to decode them: see `ListText`. */
  read(text: ListText, options?: Pick<ReadOptions, 'keepList' | 'items'>): Promise<ReadingList>;
  /**
   * Sections' digests, for a file that defines no links: see `readSections`. `cached: false` for
   * texts that are no section of any file (add-check.ts): parsed, and not kept.
   */
  sections(sources: readonly string[], options?: { cached?: boolean }): Promise<SectionDigest[]>;
  /** `source`, a section of a file that defines no links, reads as `digest`: kept for the next command. */
  knownSection(source: string, digest: SectionDigest): void;
  /** `text`, the file with `identity` (see `ListText`), reads as `list`, derived from `tickedFrom` by ticking boxes: kept for the next command. */
  known(text: string, list: ReadingList, how: { tickedFrom: ReadingList; identity: string }): void;
  /** The file with `identity` reads as the list before it (read from `before`) with one item added: kept for the next command. */
  knownWithItem(identity: string, added: ItemAdded, before: string): void;
  /** `text` was just written: the cache is kept within its bound (see `boundCache`). */
  bound(text: string): Promise<void>;
}

/** Whether `READ_DEBUG` (a comma-separated list) names `what`: `parse`, or `cache` (months listed without making their items). */
export function debugging(what: 'parse' | 'cache'): boolean {
  return (process.env.READ_DEBUG ?? '').split(',').includes(what);
}

export function listReader(path: string, options: GlobalOptions): ListReader {
  const cache = options.cache === false || process.env.READ_NO_CACHE ? undefined : FileDigestCache.open(path);
  const debug = debugging('parse');
  // A list known without a read has the sections of the text it was derived from.
  let sections = 0;
  const report = (stats: ReadStats) => {
    if (debug) process.stderr.write(`read: parsed ${stats.parsed} of ${stats.sections} sections (${stats.parsedLength} characters)${stats.unchanged ? ', the whole list cached' : ''}\n`);
  };
  return {
    async read(text, { keepList, items } = {}) {
      const started = Date.now();
      const progress = (done: number, total: number) => {
        // Only a first read of a long list takes this long; say how far it got.
        if (Date.now() - started > 1000 && process.stderr.isTTY) process.stderr.write(`\rreading ${shownPath(path)}: ${done}/${total} sections`);
      };
      const { list, stats } = await readListFromText(text, { cache, onParse: progress, keepList, items });
      if (Date.now() - started > 1000 && process.stderr.isTTY) process.stderr.write('\r\u001b[K');
      report(stats);
      sections = stats.sections;
      return list;
    },
    async sections(sources, { cached = true } = {}) {
      const { digests, stats } = await readSections(sources, cached ? cache : undefined);
      report(stats);
      return digests;
    },
    knownSection(source, digest) {
      if (cache) keepSection(cache, source, digest);
    },
    known(text, list, how) {
      if (cache) keepKnownList(cache, text, list, sections, how);
    },
    knownWithItem(identity, added, before) {
      if (cache) keepListWithItem(cache, identity, added, { text: before, sections });
    },
    async bound(text) {
      if (cache) await boundCache(cache, text);
    },
  };
}

export interface OpenList {
  file: ListFile;
  list: ReadingList;
  /** The path as the person would write it: relative to the working folder when inside it. */
  shownPath: string;
}

/** The file, with V8 set for its length before any of it is read. */
export async function loadList(path: string): Promise<ListFile> {
  const file = loadListFile(path);
  await tuneForList(file.utf8.length);
  return file;
}

/** `items: false`: no month's items will be read, only their checkboxes (see `ReadOptions`). */
export async function openList(options: GlobalOptions, { items }: Pick<ReadOptions, 'items'> = {}): Promise<OpenList> {
  const path = locateList(options.file);
  const file = await loadList(path);
  // The text asked for only if needed: a list read whole from the cache may need only the bytes.
  const list = await listReader(path, options).read(textOf(file), { items });
  return { file, list, shownPath: shownPath(path) };
}

/** A file's text as a read takes it: its bytes, and its text decoded and its identity found only if asked for. */
export function textOf(file: ListFile): ListText {
  return { utf8: file.utf8, text: () => file.text, identity: () => fileIdentity(file, [file.utf8]) };
}

/** The path as the person would write it: relative to the working folder when inside it. */
export function shownPath(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === '' || fromHere.startsWith('..') ? path : fromHere;
}
