import { closeSync, constants, fstatSync, ftruncateSync, mkdirSync, openSync, readdirSync, readSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { SectionDigest } from '../model/digest.js';
import type { CachedList, DecodableText, DigestCache, ItemAdded, ReadOptions } from '../model/read-list.js';
import type { ReadingList } from '../model/types.js';
import { writeAll } from './atomic-write.js';
import { crc32Hex, fingerprint } from './hashes.js';
import { packDigest, unpackDigest, type PackedDigest } from './digest-codec.js';
import { listOfPacked, packedParts, packList, splitPacked, type PackedList, type PackedParts } from './list-codec.js';
import { packedWithItem } from './list-insertion.js';
import { cacheDir } from './state-dir.js';

declare const BUILD_ID: string | undefined;

/** Digests from another build may differ: the bundle's content hash is part of every cache file. */
const build = typeof BUILD_ID === 'string' ? BUILD_ID : 'source';
const KEPT_FILES = 32;
/** Digests kept beyond those of the sections a whole read used. */
const SPARE_DIGESTS = 32;
/**
 * Those kept when edits have grown the file past its bound (see `overgrown`): the sections of the
 * last two edits before they were made, which an undo and the edit made again look up.
 */
const SPARE_AFTER_GROWTH = 4;
/** More than a header holds: build id (16 characters), key (29 at most), checksums (8 each), two offsets. */
const HEADER_BYTES = 160;
/**
 * Lookups that search the digests file for their line, before it is split into lines: an edit
 * checks a section or two, and a search (2 ms in 12 MB) costs less than splitting (15 ms).
 */
const SEARCHED_LOOKUPS = 4;
/**
 * A search reads the file from its end, this many bytes at a time, until it finds its line: the
 * section an add looks up was most often appended by the add before it. Reading all 12 MB of a list
 * of 100,000 items cost an add 6 ms.
 */
const SEARCH_CHUNK = 1 << 16;
/** The list file starts with the number of sections its text has. */
const SECTIONS_BYTES = 4;
/** Appended to past twice its length when written anew and this much more, the digests file is overgrown (see `overgrown`). */
const GROWTH_ALLOWED = 16 * 1024;

/**
 * One list's cache, in two files under `$XDG_CACHE_HOME/read/`: the digests of its sections, and
 * the whole list last built from it, for a file that has not changed since. Safe to delete; a file
 * that is unreadable, damaged or from another build is ignored and rewritten. The sections the
 * last whole read used are kept, and a few others (see `flush`): the cache never outgrows its list.
 */
export class FileDigestCache implements DigestCache {
  /** The digests file's lines, read on first use: an unchanged list never needs them. */
  private payload: Buffer | null | undefined;
  /** The payload's length when the file was last written anew, once the file is read. */
  private writtenLength = 0;
  /** Each digest's line in the file, split when a run looks up many or writes the file anew. */
  private lines: Map<string, Buffer> | undefined;
  private lookups = 0;
  private readonly entries = new Map<string, SectionDigest>();
  private readonly used = new Set<string>();
  /** Digests this run made: their lines are new, or replace damaged ones. */
  private readonly made = new Set<string>();
  /** Of those, the ones a flush has written: a later flush in the same run appends only the others. */
  private readonly written = new Set<string>();
  /** The whole list last read from the cache, its file, and what the file's payload held. */
  private lastRead: { list: ReadingList; file: LoadedList; packed: PackedList } | undefined;

  private constructor(private readonly path: string, private readonly listPath: string) {}

  static open(listPath: string, env: NodeJS.ProcessEnv = process.env): FileDigestCache {
    // Named by a fingerprint of the list's path, as its undo history is (store/journal.ts).
    const name = fingerprint(listPath);
    return new FileDigestCache(join(cacheDir(env), `${name}.sections`), join(cacheDir(env), `${name}.list`));
  }

  key(...parts: (string | Uint8Array)[]): string {
    return fingerprint(...parts);
  }

  private get file(): Buffer | null {
    if (this.payload === undefined) {
      const digests = loadDigests(this.path);
      this.payload = digests?.payload ?? null;
      this.writtenLength = digests?.writtenLength ?? 0;
    }
    return this.payload;
  }

  /**
   * Lines appended by edits past twice the file's length when it was last written anew: an edit
   * reads only the sections it changes, so it cannot tell which lines are no longer its file's, and
   * a list only ever added to grew its digests without end (60 adds to the seed: 9.5 KB to 450 KB).
   * The edit then reads all its file's sections through the cache and writes the file anew with
   * theirs (see `boundCache`).
   */
  overgrown = false;

  private get stored(): Map<string, Buffer> {
    this.lines ??= digestLines(this.file);
    return this.lines;
  }

  /** The key's line: searched for by the first few lookups (in the file, unless it is read), then from the file split into lines. */
  private lineFor(key: string): Buffer | undefined {
    if (this.lines || ++this.lookups > SEARCHED_LOOKUPS) return this.stored.get(key);
    return this.payload === undefined ? searchDigests(this.path, key) : lineOf(this.file, key);
  }

  /**
   * When the digests file is this build's and ends in a whole line, so that lines can be appended to
   * it: its payload's length when it was last written anew.
   */
  private appendable(): number | undefined {
    if (this.payload === undefined) return appendableFrom(this.path);
    return this.file?.at(-1) === NEWLINE ? this.writtenLength : undefined;
  }

  get(key: string): SectionDigest | undefined {
    let digest = this.entries.get(key);
    const line = digest ? undefined : this.lineFor(key);
    if (line) {
      // A damaged line is not used: the section is parsed again and its new line replaces it.
      const packed = checkedDigest(line);
      digest = packed && unpackDigest(packed);
      if (digest) this.entries.set(key, digest);
    }
    if (digest) this.used.add(key);
    return digest;
  }

  set(key: string, digest: SectionDigest): void {
    this.entries.set(key, digest);
    this.used.add(key);
    this.made.add(key);
  }

  /**
   * Writes what changed; a cache that cannot be written is no error, only slower next time. Written
   * anew, the file holds the digests this run did not use first (the text before an edit that may
   * be undone, a section an add wrote and the next read did not see), then the ones it used (see
   * `endsLast`). Of those it did not use: after a run that read only some sections, all of them;
   * otherwise the last SPARE_DIGESTS, the latest written, so that the cache never holds much more
   * than its list.
   */
  flush({ keepUnused = false } = {}): void {
    const newLine = (key: string) => digestLine(key, this.entries.get(key) as SectionDigest);
    // Every line kept: the new ones go at the end of the file, which is not written anew (12 MB at
    // 100,000 items). A line a run made after a damaged one for the same key comes later, and is
    // the one read (see `digestLines` and `lineOf`).
    const fresh = [...this.made].filter((key) => !this.written.has(key));
    if (keepUnused && fresh.length === 0) return;
    const writtenLength = keepUnused ? this.appendable() : undefined;
    const length = writtenLength === undefined ? undefined : append(this.path, fresh.map(newLine));
    if (length !== undefined) {
      this.markWritten(fresh);
      this.overgrown = length > 2 * (writtenLength as number) + GROWTH_ALLOWED;
      return;
    }
    const unused = [...this.stored.keys()].filter((key) => !this.used.has(key));
    const kept = keepUnused ? unused : unused.slice(-(this.overgrown ? SPARE_AFTER_GROWTH : SPARE_DIGESTS));
    if (!this.overgrown && fresh.length === 0 && kept.length === unused.length) return;
    // A line this run made is not among the lines loaded (`stored`), even once appended: it is made
    // again. So is one it found by searching the file, gone from the file read whole since (deleted,
    // or written anew by another run): every digest used is in `entries`.
    const line = (key: string) => (this.made.has(key) ? undefined : this.stored.get(key)) ?? newLine(key);
    const payload = Buffer.concat([...kept, ...endsLast([...this.used])].map(line));
    save(this.path, headerOf([build, '', LINE_BY_LINE, payload.length]), [payload]);
    this.markWritten(fresh);
    this.overgrown = false;
  }

  private markWritten(keys: readonly string[]): void {
    for (const key of keys) this.written.add(key);
  }

  lastList(key: string, text: DecodableText, { items = true }: Pick<ReadOptions, 'items'> = {}): CachedList | undefined {
    const file = loadList(this.listPath, key);
    if (!file || (items && !file.readRuns())) return undefined;
    const readRuns = () => {
      if (!file.readRuns()) throw new Error('the cached items no longer match their checksum');
    };
    try {
      const packed = splitPacked(file.payload.subarray(SECTIONS_BYTES));
      const read = { sections: file.payload.readUInt32LE(0), list: listOfPacked(packed, text, readRuns) };
      this.lastRead = { list: read.list, file, packed };
      return read;
    } catch {
      return undefined;
    }
  }

  /**
   * A list read from this cache has its bytes here, and the item is put in them. Any other (folded
   * from the digests, as after a hand edit) is packed first, from `before`, the text it was read
   * from, as `keepList` packs one: 35 ms at 10,000 items, once. Not kept, it left every add after
   * it to fold every digest again (363 at 10,000 items), until a command that keeps its list.
   */
  keepListWithItem(key: string, added: ItemAdded, before: { text: string; sections: number }): void {
    const last = added.from === this.lastRead?.list ? this.lastRead : undefined;
    // The outline read is changed in place: what was read from it is no longer kept.
    this.lastRead = undefined;
    const packed = last ? (last.file.readRuns() ? last.packed : undefined) : packList(added.from, before.text);
    const parts = packed && packedWithItem(packed, added.insertion, added.item, added.follows);
    if (parts) saveList(this.listPath, key, last ? last.file.payload.subarray(0, SECTIONS_BYTES) : sectionCount(before.sections), parts);
  }

  keepList(key: string, text: string, list: ReadingList, sections: number, tickedFrom?: ReadingList): void {
    // Ticked boxes are read from the text: the bytes of the list they were ticked in serve unchanged,
    // and so do their checksums (6.5 MB to hash again at 100,000 items). Only the key changes.
    if (tickedFrom && tickedFrom === this.lastRead?.list) {
      const { file } = this.lastRead;
      if (!rekey(this.listPath, file, key) && file.readRuns()) save(this.listPath, listHeader(key, file), [file.payload]);
      return;
    }
    saveList(this.listPath, key, sectionCount(sections), packedParts(packList(list, text)));
  }
}

/** The list file's first bytes: how many sections its text has. */
function sectionCount(sections: number): Buffer {
  const count = Buffer.alloc(SECTIONS_BYTES);
  count.writeUInt32LE(sections);
  return count;
}

/**
 * Keys in the order a file's sections were read, to be written with those that stood nearest
 * either end of the file last: a list's newest month stands at its top or at its bottom, and an add
 * looks up its section from the end of the digests file (see `searchDigests`). Written in file
 * order, the newest month of a list of 100,000 items written newest first was searched for through
 * all 12 MB, 9 ms.
 */
function endsLast(keys: readonly string[]): string[] {
  const fromEnds = keys.map((key, index) => ({ key, distance: Math.min(index, keys.length - 1 - index) }));
  return fromEnds.sort((a, b) => b.distance - a.distance).map(({ key }) => key);
}

/**
 * A digest's line: its key (a `fingerprint`, 24 hex digits), a CRC-32 of its JSON (8), and the
 * packed digest as JSON.
 */
const KEY_LENGTH = 24;
const SUM_LENGTH = 8;
const JSON_AT = KEY_LENGTH + SUM_LENGTH + 2;
const NEWLINE = 10;
/** In the header of the digests file, for its checksum: each line has its own. */
const LINE_BY_LINE = '-';

function digestLine(key: string, digest: SectionDigest): Buffer {
  const json = Buffer.from(JSON.stringify(packDigest(digest)), 'utf8');
  return Buffer.concat([Buffer.from(`${key} ${crc32Hex(json)} `, 'latin1'), json, Buffer.from('\n')]);
}

/** The line's digest, packed, when the line is whole and its checksum holds. */
function checkedDigest(line: Buffer): PackedDigest | undefined {
  const end = line.at(-1) === NEWLINE ? line.length - 1 : line.length;
  const json = line.subarray(JSON_AT, end);
  if (line.length <= JSON_AT || line.toString('latin1', KEY_LENGTH + 1, JSON_AT - 1) !== crc32Hex(json)) return undefined;
  return JSON.parse(json.toString('utf8')) as PackedDigest;
}

/**
 * The digests file holds a line per digest, each with its own checksum: a run checks and decodes
 * only the lines it uses (an add two of thousands), not the whole file (12 MB at 100,000 items).
 * A key's last line is its line. Every line ends in a newline: one that does not was cut short.
 */
function digestLines(payload: Buffer | null): Map<string, Buffer> {
  const lines = new Map<string, Buffer>();
  for (let start = 0, end = payload?.indexOf(NEWLINE) ?? -1; payload && end !== -1; start = end + 1, end = payload.indexOf(NEWLINE, start)) {
    lines.set(payload.toString('latin1', start, start + KEY_LENGTH), payload.subarray(start, end + 1));
  }
  return lines;
}

/**
 * The last line of `payload` that starts with `key`, as `digestLines` has it, found without splitting
 * the payload into lines. Only lines that start from `from` to `until` are looked for, in what stands
 * from `from` on (all that is read of it): one that starts at `from` is a line only at the start.
 */
function lineOf(payload: Buffer | null, key: string, from = 0, until = payload?.length ?? 0): Buffer | undefined {
  const read = payload?.subarray(from);
  for (let at = read?.lastIndexOf(key, until - from) ?? -1; read && at !== -1; at = at === 0 ? -1 : read.lastIndexOf(key, at - 1)) {
    const end = read.indexOf(NEWLINE, at);
    if ((at === 0 ? from === 0 : read[at - 1] === NEWLINE) && end !== -1) return read.subarray(at, end + 1);
  }
  return undefined;
}

/** `lineOf` the digests file's payload, read from its end a chunk at a time (see `SEARCH_CHUNK`). */
function searchDigests(path: string, key: string): Buffer | undefined {
  return digestsFile(path, (fd, bytes, headerLength) => {
    const payload = bytes.subarray(headerLength);
    for (let from = payload.length, until = payload.length; from > 0; until = from) {
      from = Math.max(0, from - SEARCH_CHUNK);
      if (!readRange(fd, bytes, headerLength + from, headerLength + until)) return undefined;
      const line = lineOf(payload, key, from, until);
      if (line) return line;
    }
    return undefined;
  });
}

/** `appendable` of the digests file, read without reading its lines. */
function appendableFrom(path: string): number | undefined {
  return digestsFile(path, (fd, bytes, headerLength, writtenLength) => (bytes.length > headerLength && readRange(fd, bytes, bytes.length - 1, bytes.length) && bytes.at(-1) === NEWLINE ? writtenLength : undefined));
}

/**
 * Adds lines at the end of the digests file, in one write that no other appending run cuts into;
 * the file's length after, or undefined when there is no such file. A line cut short by a crash
 * fails its checksum and is not used.
 */
function append(path: string, lines: Buffer[]): number | undefined {
  return withFile(path, constants.O_WRONLY | constants.O_APPEND, (fd) => {
    writeAll(fd, Buffer.concat(lines));
    return fstatSync(fd).size;
  });
}

/**
 * A cache file is `<build> <key> …\n<payload>`: what it was made by and for which input, then
 * checksums of the rest, so that a damaged file is never taken for a list that reads differently.
 * Padded with spaces to a multiple of four bytes: a file is read into memory that starts at one, and
 * the list's integers, at a multiple of four in the payload, are then read in place (see `splitPacked`).
 */
const headerOf = (fields: readonly (string | number)[]): Buffer => {
  const header = fields.join(' ');
  return Buffer.from(`${header.padEnd(Math.ceil((header.length + 1) / 4) * 4 - 1)}\n`, 'latin1');
};

/** Where the items' runs stand in a list file's payload, and their own checksum. */
interface Runs {
  sum: string;
  start: number;
  end: number;
}

/**
 * What a list file's header says beside its build and key: a checksum (CRC-32) of the payload but
 * the items' runs, and the runs' own. A command that reads no item (`progress`) reads and checks the rest
 * alone: a sixth of the bytes at 100,000 items, where every fresh megabyte read cost some 3 ms.
 */
interface ListSums {
  sum: string;
  runs: Runs;
}

const listHeader = (key: string, { sum, runs }: ListSums): Buffer => headerOf([build, key, sum, runs.sum, runs.start, runs.end]);

/** A list file as loaded, checked but for the items' runs: those are read when first needed. */
interface LoadedList extends ListSums {
  header: Buffer;
  payload: Buffer;
  /** Reads the runs into the payload, once; false when the file no longer holds them as loaded. */
  readRuns(): boolean;
}

/** Reads the file's bytes from `start` to `end` into the same places of `bytes`; false if the file ends first. */
function readRange(fd: number, bytes: Buffer, start: number, end: number): boolean {
  for (let at = start; at < end;) {
    const more = readSync(fd, bytes, at, end - at, at);
    if (more === 0) return false;
    at += more;
  }
  return true;
}

/** `use` of the file open at `path`, closed after; undefined when it cannot be opened or `use` throws. */
function withFile<T>(path: string, flags: string | number, use: (fd: number) => T): T | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, flags);
    return use(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Opens a cache file and reads its header; `use` reads on when it is this build's and for `key`.
 * The file is closed when `use` returns. `bytes` is as long as the file, read only as far as the
 * header: the list kept for another text (a file edited since) is not read on.
 */
function opened<T>(path: string, key: string, use: (fd: number, file: { bytes: Buffer; header: Buffer; fields: string[] }) => T | undefined): T | undefined {
  return withFile(path, 'r', (fd) => {
    const bytes = Buffer.allocUnsafe(fstatSync(fd).size);
    const read = readSync(fd, bytes, 0, Math.min(bytes.length, HEADER_BYTES), 0);
    const newline = bytes.subarray(0, read).indexOf(NEWLINE);
    const fields = bytes.toString('latin1', 0, Math.max(newline, 0)).split(' ');
    if (newline === -1 || fields[0] !== build || fields[1] !== key) return undefined;
    return use(fd, { bytes, header: bytes.subarray(0, newline + 1), fields });
  });
}

/**
 * `use` of the digests file when it is this build's: its bytes, read as far as its header so far,
 * and its payload's length when it was written anew (in the header: 0 where it is not a length).
 */
function digestsFile<T>(path: string, use: (fd: number, bytes: Buffer, headerLength: number, writtenLength: number) => T | undefined): T | undefined {
  return opened(path, '', (fd, { bytes, header, fields }) => (fields[2] === LINE_BY_LINE ? use(fd, bytes, header.length, Number(fields[3]) || 0) : undefined));
}

/** The digests file's payload: its lines, each with its own checksum (see `checkedDigest`); and `writtenLength`. */
function loadDigests(path: string): { payload: Buffer; writtenLength: number } | undefined {
  return digestsFile(path, (fd, bytes, headerLength, writtenLength) => (readRange(fd, bytes, headerLength, bytes.length) ? { payload: bytes.subarray(headerLength), writtenLength } : undefined));
}

/** The list file kept for `key`, all but the items' runs read and checked. */
function loadList(path: string, key: string): LoadedList | undefined {
  return opened(path, key, (fd, { bytes, header, fields: [, , sum = '', runsSum = '', start, end] }): LoadedList | undefined => {
    const payload = bytes.subarray(header.length);
    const runs = { sum: runsSum, start: Number(start), end: Number(end) };
    if (!Number.isInteger(runs.start) || !Number.isInteger(runs.end) || runs.start < 0 || runs.start > runs.end || runs.end > payload.length) return undefined;
    const read = readRange(fd, bytes, header.length, header.length + runs.start) && readRange(fd, bytes, header.length + runs.end, bytes.length);
    if (!read || crc32Hex(payload.subarray(0, runs.start), payload.subarray(runs.end)) !== sum) return undefined;
    let runsRead = false;
    const loaded = {
      header, payload, sum, runs,
      readRuns: () => (runsRead ||= readRunsOf(path, loaded, bytes)),
    };
    return loaded;
  });
}

/** Reads `loaded`'s runs into `bytes`, the whole file's, when the file is still the one loaded and they match their checksum. */
function readRunsOf(path: string, loaded: LoadedList, bytes: Buffer): boolean {
  const { header, payload, runs } = loaded;
  return withFile(path, 'r', (fd) => isLoaded(fd, loaded) && readRange(fd, bytes, header.length + runs.start, header.length + runs.end) && crc32Hex(payload.subarray(runs.start, runs.end)) === runs.sum) === true;
}

/** Whether the file open at `fd` has the header and length of the one loaded. */
function isLoaded(fd: number, { header, payload }: Pick<LoadedList, 'header' | 'payload'>): boolean {
  const found = Buffer.alloc(header.length);
  return readRange(fd, found, 0, found.length) && found.equals(header) && fstatSync(fd).size === header.length + payload.length;
}

/** The list file's payload in its parts (see `PackedParts`), with its checksums in its header. */
function saveList(path: string, key: string, count: Buffer, { head, runs, boxes }: PackedParts): void {
  const start = count.length + head.length;
  const end = runs.reduce((at, piece) => at + piece.length, start);
  const sums = { sum: crc32Hex(count, head, ...boxes), runs: { sum: crc32Hex(...runs), start, end } };
  save(path, listHeader(key, sums), [count, head, ...runs, ...boxes]);
}

/**
 * Writes the file over, in place: writing a new file and renaming it over the old one cost 7 to
 * 15 ms for 7.5 MB (100,000 items), 1.2 ms for 750 KB, where writing over the old file's pages took
 * 1 and 0.3. A reader that meets the file half written (another run's, or one a crash cut short)
 * finds a checksum that does not hold and does without it, as with any damaged cache file.
 */
function save(path: string, header: Buffer, payload: readonly Uint8Array[]): void {
  try {
    mkdirSync(join(path, '..'), { recursive: true });
    const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT);
    try {
      // Header and payload written apart: joining them would copy a list of 100,000 items once more.
      writeAll(fd, header);
      for (const part of payload) writeAll(fd, part);
      ftruncateSync(fd, payload.reduce((length, part) => length + part.length, header.length));
    } finally {
      closeSync(fd);
    }
    prune(join(path, '..'));
  } catch {
    // Read-only or full cache folder: the answer is the same without it.
  }
}

/**
 * Gives the file as it was loaded a new key by writing its header over the old one, which is as long
 * (keys and checksums are each always as long): copying the payload to a new file and renaming it
 * over the old one cost a `done` 15 to 25 ms at 100,000 items. False, and nothing written, when the
 * file is no longer the one loaded. A header torn by a crash matches no text: it is ignored, like
 * any damaged cache file.
 */
function rekey(path: string, loaded: LoadedList, key: string): boolean {
  const header = listHeader(key, loaded);
  return header.length === loaded.header.length && withFile(path, 'r+', (fd) => isLoaded(fd, loaded) && writeSync(fd, header, 0, header.length, 0) === header.length) === true;
}

/** Keeps the cache folder bounded: the lists used most recently stay. */
function prune(folder: string): void {
  const files = readdirSync(folder).filter((name) => name.endsWith('.sections') || name.endsWith('.list'));
  if (files.length <= KEPT_FILES) return;
  const byAge = files.map((name) => ({ name, mtime: statSync(join(folder, name)).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(KEPT_FILES)) unlinkSync(join(folder, name));
}
