import { collectDefinitions, mayHoldDefinitions, type Definitions } from '../markdown/definitions.js';
import { loadParser, parsingDone } from '../markdown/load-parser.js';
import { splitSections, type SectionSpan } from '../markdown/sections.js';
import { buildReadingList, type PlacedDigest } from './build.js';
import { digestSection, type SectionDigest } from './digest.js';
import type { InsertedText } from './insertion.js';
import type { Item, ReadingList } from './types.js';

/** Where digests of sections already seen are kept; keyed by everything a digest depends on. */
export interface DigestCache {
  /** Of the parts one after another; given apart, a long text is hashed where it is, not copied into one string first. */
  key(...parts: (string | Uint8Array)[]): string;
  get(key: string): SectionDigest | undefined;
  set(key: string, digest: SectionDigest): void;
  /**
   * Called once every section is read, before the model is built: the cache's own copies can go.
   * `keepUnused` after reading only some of a file's sections: the others are still the file's.
   */
  flush?(options?: { keepUnused?: boolean }): void;
  /**
   * The list last built from the input that gave `key`: an unchanged file needs no section at all.
   * `items: false`: no month's items will be read, which the cache may then leave unread.
   */
  lastList?(key: string, text: DecodableText, options?: Pick<ReadOptions, 'items'>): CachedList | undefined;
  /** `tickedFrom`: the list `text` was made from by ticking boxes only (so every string stands where it stood). */
  keepList?(key: string, text: string, list: ReadingList, sections: number, tickedFrom?: ReadingList): void;
  /** `text` reads as the list `added.from` with `added.item` added, when the cache still has that list to add it to. */
  keepListWithItem?(key: string, added: ItemAdded, before: { text: string; sections: number }): void;
  /** Edits that read only some sections have grown the cache past its bound: see `boundCache`. */
  readonly overgrown?: boolean;
}

/** How the list of a text follows from the list before it when an add wrote one item (see add-check.ts). */
export interface ItemAdded {
  from: ReadingList;
  /** The text the add wrote, and where in the text before. */
  insertion: InsertedText;
  /** The new item, as the list after the add has it; a month's item. */
  item: Item;
  /** The item it was written after, in the same month. */
  follows: Item;
}

export interface CachedList {
  list: ReadingList;
  /** How many sections the file had: what a read of the same text reports. */
  sections: number;
}

export interface ReadStats {
  sections: number;
  /** Sections that had to be parsed (not found in the cache). */
  parsed: number;
  /** Characters handed to the parser. */
  parsedLength: number;
  /** The whole list came from the cache: the file had not changed since it was last read. */
  unchanged: boolean;
}

export interface ReadOptions {
  cache?: DigestCache;
  /** Told before each parse: for a progress bar on long first reads. */
  onParse?: (done: number, total: number) => void;
  /**
   * Keep the whole list for the next read of the same text (default). An edit's reads do not: the
   * text before it is about to change, and the one after it is kept (or not) once it is written.
   */
  keepList?: boolean;
  /** False: the caller reads no month's items, only their checkboxes (`progress`). */
  items?: boolean;
}

/**
 * A text, or its UTF-8 bytes with how to decode them: a list read whole from the cache may need
 * nothing of the text but its bytes (`progress`), and a long text takes a while to decode (35 ms
 * at 100,000 items). `identity`: the file's (see `fileIdentity`), which keys the whole list kept
 * for it; an edit knows it already for the file it wrote.
 */
export type ListText = string | (TextBytes & { identity: () => string });

/** A text, or its UTF-8 bytes with how to decode them: what a list kept in the cache is read against. */
export type DecodableText = string | TextBytes;

interface TextBytes {
  utf8: Uint8Array;
  text: () => string;
}

/** Bump when a change to the parser set-up or the digest would change a digest. */
export const DIGEST_VERSION = '2';

/**
 * Reads the reading list from the file's text (BOM removed). The parser is slow and worse than
 * linear on a whole large file, so each top-level section is parsed alone, and only when the cache
 * has not seen it; the result equals one whole parse.
 */
export async function readListFromText(given: ListText, { cache, onParse, keepList = true, items }: ReadOptions = {}): Promise<{ list: ReadingList; stats: ReadStats }> {
  const listKey = cache?.lastList ? wholeListKey(typeof given === 'string' ? cache.key(given) : given.identity()) : '';
  const last = cache?.lastList?.(listKey, given, { items });
  if (last) return { list: last.list, stats: { sections: last.sections, parsed: 0, parsedLength: 0, unchanged: true } };
  const text = typeof given === 'string' ? given : given.text();
  const { placed, stats } = await placedDigests(text, cache, onParse);
  cache?.flush?.();
  const list = buildReadingList(placed);
  if (keepList) cache?.keepList?.(listKey, text, list, stats.sections);
  parsingDone();
  return { list, stats };
}

/** Every section's digest, through the cache, where it stands in `text`. */
async function placedDigests(text: string, cache: DigestCache | undefined, onParse?: ReadOptions['onParse']): Promise<{ placed: PlacedDigest[]; stats: ReadStats }> {
  const spans = splitSections(text);
  const definitions = mayHoldDefinitions(text) ? await definitionsOf(text, spans) : new Map() as Definitions;
  const stats: ReadStats = { sections: 0, parsed: 0, parsedLength: 0, unchanged: false };
  const digestOf = sectionReader(definitions, cache, stats, () => onParse?.(stats.sections, spans.length));

  const placed: PlacedDigest[] = [];
  for (let index = 0; index < spans.length; index++) {
    let span = spans[index] as SectionSpan;
    let digest = await digestOf(text.slice(span.start, span.end));
    // A fence or HTML block left open may swallow the next heading: parse the two together.
    while (digest.endsOpen && index + 1 < spans.length) {
      span = { ...span, end: (spans[++index] as SectionSpan).end };
      digest = await digestOf(text.slice(span.start, span.end));
    }
    placed.push({ digest, offset: span.start, line: span.line });
    stats.sections = placed.length;
  }
  return { placed, stats };
}

/**
 * After an edit to `text`, keeps the cache bounded: once edits that read only some sections have
 * grown it past its bound, every section of `text` is looked up (each cached: none parsed) and the
 * cache keeps those, as after any whole read, and drops the rest but for a few.
 */
export async function boundCache(cache: DigestCache, text: string): Promise<void> {
  if (!cache.overgrown) return;
  await placedDigests(text, cache);
  cache.flush?.();
  parsingDone();
}

/** Reads sections' digests through the cache, counting in `stats` what it parses. */
function sectionReader(definitions: Definitions, cache: DigestCache | undefined, stats: ReadStats, beforeParse?: () => void): (source: string) => Promise<SectionDigest> {
  const labels = [...definitions.keys()];
  const context = definitions.size > 0 ? JSON.stringify([...definitions]) : '';
  return async (source) => {
    const key = cache ? sectionKey(cache, context, source) : '';
    const cached = cache?.get(key);
    if (cached) return cached;
    beforeParse?.();
    const parse = await loadParser();
    stats.parsed++;
    stats.parsedLength += source.length;
    const digest = digestSection(parse(source, labels), source, definitions);
    cache?.set(key, digest);
    return digest;
  };
}

/**
 * The digests of some sections of a file that defines no links, read as `readListFromText` reads
 * them: what an edit needs to check the sections it changed without reading the whole list again.
 */
export async function readSections(sources: readonly string[], cache?: DigestCache): Promise<{ digests: SectionDigest[]; stats: ReadStats }> {
  const stats: ReadStats = { sections: sources.length, parsed: 0, parsedLength: 0, unchanged: false };
  const digestOf = sectionReader(new Map(), cache, stats);
  const digests: SectionDigest[] = [];
  for (const source of sources) digests.push(await digestOf(source));
  cache?.flush?.({ keepUnused: true });
  parsingDone();
  return { digests, stats };
}

/** The key of a section's text, read with the link definitions `context` names (JSON, or empty for none). */
function sectionKey(cache: DigestCache, context: string, source: string): string {
  return cache.key(`${DIGEST_VERSION}\0${context}\0`, source);
}

/** Tells the cache that `source`, a section of a file that defines no links, reads as `digest` (derived, not parsed). */
export function keepSection(cache: DigestCache, source: string, digest: SectionDigest): void {
  cache.set(sectionKey(cache, '', source), digest);
  cache.flush?.({ keepUnused: true });
}

/** The key of the whole list of a file with `identity` (see `ListText`): the identity as it is, hashed already. */
function wholeListKey(identity: string): string {
  return `${DIGEST_VERSION}-${identity}`;
}

/** Tells the cache that the file with `identity` reads as the list `added.from` with one item more. */
export function keepListWithItem(cache: DigestCache, identity: string, added: ItemAdded, before: { text: string; sections: number }): void {
  cache.keepListWithItem?.(wholeListKey(identity), added, before);
}

/** Tells the cache that `text`, the file with `identity`, reads as `list` (after an edit: read back, or derived from `tickedFrom`). */
export function keepKnownList(cache: DigestCache, text: string, list: ReadingList, sections: number, { tickedFrom, identity }: { tickedFrom?: ReadingList; identity: string }): void {
  cache.keepList?.(wholeListKey(identity), text, list, sections, tickedFrom);
}

async function definitionsOf(text: string, spans: readonly SectionSpan[]): Promise<Definitions> {
  const definitions: Definitions = new Map();
  for (const span of spans) {
    const source = text.slice(span.start, span.end);
    if (mayHoldDefinitions(source)) collectDefinitions((await loadParser())(source), definitions);
  }
  return definitions;
}
